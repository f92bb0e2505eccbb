"""The simulated MAX platform's users for a demo school: its people, by phone."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.max.simulator.state import SimulatedMax
from backend.schema import models as m

# Every tenth person has no MAX account (their number is unknown to MAX), as in life; the
# demo accounts always have one.
WITHOUT_MAX_EVERY = 10


def seed_max_users(session: Session, simulator: SimulatedMax) -> int:
    """Register the people of the database with MAX unless MAX already knows someone."""
    if simulator.has_users():
        return 0
    demo_people = set(
        session.scalars(select(m.Account.person_id).where(m.Account.password_hash.is_not(None)))
    )
    people = [
        (str(person.phone), person.first_name, person.last_name)
        for person in session.scalars(
            select(m.Person).where(m.Person.phone.is_not(None)).order_by(m.Person.id)
        )
        if person.id % WITHOUT_MAX_EVERY != 0 or person.id in demo_people
    ]
    return simulator.add_users(people)
