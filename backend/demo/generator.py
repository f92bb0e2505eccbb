"""A deterministic demo school: the same seed and date always give the same school.

`planning` decides what the school consists of (with a timetable in which no teacher is in two
places at once), `writing` creates its rows.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from backend.demo.planning import plan_school
from backend.demo.shapes import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    DEMO_SEED,
    MAIN_DEMO_LOGINS,
    SECOND_SCHOOL,
    SECOND_SCHOOL_ADMIN_LOGIN,
    SECOND_SCHOOL_DEMO_LOGINS,
    SHAPES,
    DemoAccount,
    DemoSize,
    SchoolShape,
)
from backend.demo.timetable_planning import monday_of, school_year_start
from backend.demo.writing import write_school
from backend.schema import models as m

__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_PASSWORD",
    "DEMO_SEED",
    "SECOND_SCHOOL",
    "SECOND_SCHOOL_ADMIN_LOGIN",
    "SHAPES",
    "DemoAccount",
    "DemoSize",
    "SchoolShape",
    "create_demo_school",
    "extend_demo_timetable",
    "monday_of",
    "school_year_start",
]


def create_demo_school(
    session: Session,
    today: dt.date,
    *,
    size: DemoSize = DemoSize.STANDARD,
    seed: int = DEMO_SEED,
) -> list[int]:
    """Create the demo school of `size` and a small second organisation; returns their ids."""
    main = write_school(session, plan_school(SHAPES[size], today, seed, MAIN_DEMO_LOGINS))
    second = write_school(
        session, plan_school(SECOND_SCHOOL, today, seed, SECOND_SCHOOL_DEMO_LOGINS)
    )
    # The default Sferum chats, as every organisation has them; what they ask of MAX is dated
    # the start of the demo's day, so it is due whatever the clock the demo then runs on.
    from backend.clock import FixedClock
    from backend.services.chats import ensure_default_chats

    start_of_day = FixedClock(dt.datetime.combine(today, dt.time(0), tzinfo=dt.UTC))
    for organisation_id in (main, second):
        ensure_default_chats(session, start_of_day, organisation_id)
    return [main, second]


def extend_demo_timetable(session: Session, today: dt.date) -> int:
    """Copy the demo timetable forward so that it covers this week and the next.

    Demo databases outlive the week they were made in; returns the number of lessons added.
    """
    added = 0
    target = monday_of(today) + dt.timedelta(weeks=1)
    for info in session.scalars(select(m.DemoInfo)).all():
        last = info.timetable_until
        if last >= target:
            continue
        template = session.scalars(
            select(m.Lesson).where(
                m.Lesson.organisation_id == info.organisation_id,
                m.Lesson.date >= last,
                m.Lesson.date < last + dt.timedelta(weeks=1),
            )
        ).all()
        week = last + dt.timedelta(weeks=1)
        # A long absence needs only the weeks that matter now.
        week = max(week, monday_of(today))
        rows = []
        while week <= target:
            shift = week - last
            rows.extend(
                {
                    "organisation_id": lesson.organisation_id,
                    "date": lesson.date + shift,
                    "number": lesson.number,
                    "starts_at": lesson.starts_at,
                    "ends_at": lesson.ends_at,
                    "group_id": lesson.group_id,
                    "subject_id": lesson.subject_id,
                    "teacher_id": lesson.teacher_id,
                }
                for lesson in template
            )
            week += dt.timedelta(weeks=1)
        if rows:
            session.execute(insert(m.Lesson), rows)
            added += len(rows)
        info.timetable_until = target
    return added
