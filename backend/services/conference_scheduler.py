"""Starting and finishing video conferences at their times, without anyone pressing a button.

`ConferenceScheduler.run_once` is one round: conferences whose start time has come are started
on MAX (the call scheduled and started, its join link stored) and become «Активная»; those
whose end time has come, or that someone ended, are finished there and become «Завершена».
It runs in the embedded backend's process and in every server process: a conference is
claimed with a conditional UPDATE (a lease) before MAX is asked, so each is started and
finished exactly once. The calls to MAX run in parallel, the database work on the caller's
thread. A refusal makes the conference «Ошибка» with MAX's reason; while MAX cannot be reached
it is tried again every round until its end time has passed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from backend.clock import Clock
from backend.contract.types import ConferenceStatus
from backend.max.gateway import (
    MaxCall,
    MaxError,
    MaxGateway,
    MaxNotFound,
    MaxUnavailable,
    idempotency_key,
)
from backend.schema import models as m
from backend.services import outbox
from backend.services.auth import utc_naive

log = logging.getLogger(__name__)
CS = ConferenceStatus
LEASE = dt.timedelta(minutes=2)
PARALLEL_CALLS = 32
CHUNK = 2 * PARALLEL_CALLS  # claimed, asked and recorded together: well within a lease

UNREACHABLE = "Платформа МАХ недоступна: видеоконференция начнется, как только она ответит."
MISSED = "Время видеоконференции прошло, пока ее некому было начать; она не проводилась."


@dataclass
class SchedulerPass:
    started: int = 0
    finished: int = 0
    failed: int = 0


@dataclass(frozen=True)
class _Job:
    conference_id: int
    organisation_id: int
    title: str
    starts_at: dt.datetime  # aware
    max_chat_id: int | None
    call_id: str | None
    version: int
    lease: dt.datetime  # this round's claim: what is recorded must still hold it


class ConferenceScheduler:
    def __init__(
        self,
        unit_of_work: outbox.UnitOfWork,
        gateway_for: Callable[[int], MaxGateway],
        clock: Clock,
        *,
        parallel_calls: int = PARALLEL_CALLS,
    ) -> None:
        self._unit_of_work = unit_of_work
        self._gateway_for = gateway_for
        self._clock = clock
        self._parallel_calls = parallel_calls

    def run_once(self) -> SchedulerPass:
        done = SchedulerPass()
        now = utc_naive(self._clock.now())
        self._give_up_missed(now, done)
        seen: set[int] = set()  # each conference at most once a round, whatever MAX answers
        while starting := self._claim(now, seen, starting=True):
            self._start(starting, done)
        while finishing := self._claim(now, seen, starting=False):
            self._finish(finishing, done)
        return done

    # --- claiming -------------------------------------------------------------------------
    def _claim(self, now: dt.datetime, seen: set[int], *, starting: bool) -> list[_Job]:
        conference = m.SferumConference
        free = or_(conference.claimed_until.is_(None), conference.claimed_until < now)
        if starting:
            due = [
                conference.status == CS.NEW,
                conference.starts_at <= now,
                conference.ends_at > now,
            ]
        else:
            due = [
                conference.status == CS.ACTIVE,
                or_(conference.ends_at <= now, conference.end_requested.is_(True)),
            ]
        jobs = []
        with self._unit_of_work() as session:
            candidates = session.scalars(
                select(conference.id)
                .where(*due, free, conference.id.not_in(seen))
                .order_by(conference.starts_at)
                .limit(CHUNK)
            ).all()
            seen.update(candidates)
            lease = now + LEASE
            for conference_id in candidates:
                claimed = session.execute(
                    update(conference)
                    .where(conference.id == conference_id, *due, free)
                    .values(claimed_until=lease)
                    .execution_options(synchronize_session=False)
                )
                if claimed.rowcount == 1:
                    jobs.append(self._job(session, conference_id, lease))
        return jobs

    @staticmethod
    def _job(session: Session, conference_id: int, lease: dt.datetime) -> _Job:
        row = session.get_one(m.SferumConference, conference_id)
        chat = session.get(m.SferumChat, row.chat_id) if row.chat_id is not None else None
        return _Job(
            conference_id=row.id,
            organisation_id=row.organisation_id,
            title=row.title,
            starts_at=row.starts_at.replace(tzinfo=dt.UTC),
            max_chat_id=chat.max_chat_id if chat is not None else None,
            call_id=row.max_call_id,
            version=row.version,
            lease=lease,
        )

    # --- starting and finishing ---------------------------------------------------------------
    def _ask_max(
        self, jobs: list[_Job], action: Callable[[_Job], MaxCall]
    ) -> list[MaxCall | MaxError]:
        def one(job: _Job) -> MaxCall | MaxError:
            try:
                return action(job)
            except MaxError as error:
                return error
            except Exception as error:  # an answer nobody expected: tried again next round
                log.exception("MAX call for conference %s failed", job.conference_id)
                return MaxUnavailable("unexpected", f"Непредвиденный ответ МАХ: {error!r}")

        with ThreadPoolExecutor(max_workers=min(self._parallel_calls, len(jobs))) as pool:
            return list(pool.map(one, jobs))

    def _start_call(self, job: _Job) -> MaxCall:
        gateway = self._gateway_for(job.organisation_id)
        call_id = job.call_id
        if call_id is None:
            key = f"esh-conference-{job.conference_id}-v{job.version}-schedule"
            with idempotency_key(key):
                call_id = gateway.schedule_call(
                    job.title, job.starts_at, chat_id=job.max_chat_id
                ).call_id
        with idempotency_key(f"esh-conference-{job.conference_id}-start"):
            return gateway.start_call(call_id)

    def _start(self, jobs: list[_Job], done: SchedulerPass) -> None:
        answers = self._ask_max(jobs, self._start_call)
        with self._unit_of_work() as session:
            for job, answer in zip(jobs, answers, strict=True):
                row = session.get(m.SferumConference, job.conference_id)
                if row is None or row.status is not CS.NEW or row.claimed_until != job.lease:
                    # Changed meanwhile (deleted, or the claim ran out): the call must not stay.
                    if isinstance(answer, MaxCall):
                        self._finish_orphan(session, job, answer)
                    continue
                row.claimed_until = None
                if isinstance(answer, MaxCall):
                    row.status, row.status_message = CS.ACTIVE, ""
                    row.max_call_id, row.join_link = answer.call_id, answer.join_link
                    done.started += 1
                elif answer.transient:
                    row.status_message = UNREACHABLE
                else:
                    row.status = CS.ERROR
                    row.status_message = f"Платформа МАХ отказала: {answer.message}"
                    done.failed += 1

    def _finish_orphan(self, session: Session, job: _Job, call: MaxCall) -> None:
        outbox.enqueue(
            session,
            self._clock,
            organisation_id=job.organisation_id,
            operation="finish_call",
            payload={"call_id": call.call_id},
            ordering_key=f"call:{call.call_id}",
        )

    def _finish_call(self, job: _Job) -> MaxCall:
        assert job.call_id is not None
        with idempotency_key(f"esh-conference-{job.conference_id}-finish"):
            return self._gateway_for(job.organisation_id).finish_call(job.call_id)

    def _finish(self, jobs: list[_Job], done: SchedulerPass) -> None:
        with_call = [job for job in jobs if job.call_id is not None]
        answers = dict(zip(with_call, self._ask_max(with_call, self._finish_call), strict=True))
        with self._unit_of_work() as session:
            for job in jobs:
                row = session.get(m.SferumConference, job.conference_id)
                if row is None or row.claimed_until != job.lease:
                    continue
                row.claimed_until = None
                answer = answers.get(job)
                if isinstance(answer, MaxError) and answer.transient:
                    continue  # MAX unreachable: finished on a later round
                row.status, row.end_requested, row.join_link = CS.FINISHED, False, None
                row.status_message = (
                    f"Платформа МАХ не завершила звонок: {answer.message}"
                    if isinstance(answer, MaxError) and not isinstance(answer, MaxNotFound)
                    else ""
                )
                done.finished += 1

    def _give_up_missed(self, now: dt.datetime, done: SchedulerPass) -> None:
        """Conferences whose whole time passed while nothing could start them."""
        conference = m.SferumConference
        with self._unit_of_work() as session:
            missed = session.execute(
                update(conference)
                .where(conference.status == CS.NEW, conference.ends_at <= now)
                .values(status=CS.ERROR, status_message=MISSED, claimed_until=None)
                .execution_options(synchronize_session=False)
            )
            done.failed += missed.rowcount or 0


def finish_later(session: Session, clock: Clock, row: m.SferumConference) -> None:
    """Finish a conference's call on MAX through the outbox (it is being deleted)."""
    assert row.max_call_id is not None
    outbox.enqueue(
        session,
        clock,
        organisation_id=row.organisation_id,
        operation="finish_call",
        payload={"call_id": row.max_call_id},
        ordering_key=f"call:{row.max_call_id}",
    )
