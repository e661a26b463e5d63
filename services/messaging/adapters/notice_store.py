"""The store of notices (notices, notice_recipients, notice_acknowledgements: append-only), of the guardians' notice
preferences, of the absences waiting for the school day's cut-off and of the automatic notices' daily runs."""
import datetime as dt

from sqlalchemy import Row, Text, and_, case, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from services.common.db import Database
from services.messaging.adapters.tables import (
    guardianships,
    notice_acknowledgements,
    notice_preferences,
    notice_recipients,
    notice_runs,
    notices,
    pending_absences,
)
from services.messaging.domain.notice import IN_APP

MAX_LISTED = 500


class NoticeStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def add(self, row: dict, recipients: list[dict]) -> bool:
        """The notice and its recipients ({person_id, student_id, channel}); False when a notice with its dedup key
        exists already (nothing written)."""
        added = self.session.execute(pg_insert(notices).values(school_id=self.school_id, **row)
                                     .on_conflict_do_nothing().returning(notices.c.id)).first()
        if added is None:
            return False
        if recipients:
            self.session.execute(pg_insert(notice_recipients).values([
                {"school_id": self.school_id, "notice_id": row["id"], **r} for r in recipients]).on_conflict_do_nothing())
        return True

    def get(self, notice_id: str) -> Row | None:
        return self.session.execute(select(notices).where(notices.c.id == notice_id)).first()

    def _counts(self):
        recipients = (select(notice_recipients.c.notice_id, func.count(func.distinct(notice_recipients.c.person_id))
                             .label("recipients")).group_by(notice_recipients.c.notice_id).subquery())
        acks = (select(notice_acknowledgements.c.notice_id, func.count().label("acknowledged"))
                .group_by(notice_acknowledgements.c.notice_id).subquery())
        return recipients, acks

    def received(self, person_id: str) -> list[Row]:
        """The person's notices, newest first, each with the channel, the child it came for and their acknowledgement."""
        in_app = func.bool_or(notice_recipients.c.channel == IN_APP)  # shown in the app: in_app when it came so too
        mine = (select(notice_recipients.c.notice_id,
                       case((in_app, IN_APP), else_=func.min(notice_recipients.c.channel)).label("channel"),
                       func.min(notice_recipients.c.student_id.cast(Text)).label("for_student"))
                .where(notice_recipients.c.person_id == person_id).group_by(notice_recipients.c.notice_id).subquery())
        return self.session.execute(
            select(notices, mine.c.channel, mine.c.for_student, notice_acknowledgements.c.acknowledged_at)
            .select_from(notices.join(mine, mine.c.notice_id == notices.c.id).outerjoin(
                notice_acknowledgements, and_(notice_acknowledgements.c.school_id == notices.c.school_id,
                                              notice_acknowledgements.c.notice_id == notices.c.id,
                                              notice_acknowledgements.c.person_id == person_id)))
            .order_by(notices.c.created_at.desc(), notices.c.id).limit(MAX_LISTED)).all()

    def sent(self, author_id: str = "") -> list[Row]:
        """School notices (one author's when given), newest first, with their recipients and acknowledgements."""
        recipients, acks = self._counts()
        query = (select(notices, func.coalesce(recipients.c.recipients, 0).label("recipients"),
                        func.coalesce(acks.c.acknowledged, 0).label("acknowledged"))
                 .select_from(notices.outerjoin(recipients, recipients.c.notice_id == notices.c.id)
                              .outerjoin(acks, acks.c.notice_id == notices.c.id))
                 .where(notices.c.kind == "school").order_by(notices.c.created_at.desc(), notices.c.id)
                 .limit(MAX_LISTED))
        if author_id:
            query = query.where(notices.c.author_id == author_id)
        return self.session.execute(query).all()

    def is_recipient(self, notice_id: str, person_id: str) -> bool:
        return self.session.scalar(select(func.count()).where(notice_recipients.c.notice_id == notice_id,
                                                              notice_recipients.c.person_id == person_id)) > 0

    def acknowledge(self, notice_id: str, person_id: str, now: dt.datetime) -> dt.datetime:
        """The person's acknowledgement (the first one stays); when it was made."""
        self.session.execute(pg_insert(notice_acknowledgements).values(
            school_id=self.school_id, notice_id=notice_id, person_id=person_id, acknowledged_at=now)
            .on_conflict_do_nothing())
        return self.session.scalar(select(notice_acknowledgements.c.acknowledged_at).where(
            notice_acknowledgements.c.notice_id == notice_id, notice_acknowledgements.c.person_id == person_id))

    def recipients(self, notice_id: str) -> list[Row]:
        return self.session.execute(
            select(notice_recipients, notice_acknowledgements.c.acknowledged_at)
            .select_from(notice_recipients.outerjoin(notice_acknowledgements, and_(
                notice_acknowledgements.c.school_id == notice_recipients.c.school_id,
                notice_acknowledgements.c.notice_id == notice_recipients.c.notice_id,
                notice_acknowledgements.c.person_id == notice_recipients.c.person_id)))
            .where(notice_recipients.c.notice_id == notice_id)).all()

    # --- preferences
    def preferences(self, guardian_ids: list[str]) -> dict[str, dict[tuple[str, str], bool]]:
        """guardian -> (kind, channel) -> enabled, for the choices they made."""
        found: dict[str, dict[tuple[str, str], bool]] = {g: {} for g in guardian_ids}
        for row in self.session.execute(select(notice_preferences).where(
                notice_preferences.c.guardian_id.in_(guardian_ids))):
            found[row.guardian_id][(row.kind, row.channel)] = row.enabled
        return found

    def set_preferences(self, guardian_id: str, choices: list[tuple[str, str, bool]], now: dt.datetime) -> None:
        for kind, channel, enabled in choices:
            statement = pg_insert(notice_preferences).values(school_id=self.school_id, guardian_id=guardian_id,
                                                             kind=kind, channel=channel, enabled=enabled, updated_at=now)
            self.session.execute(statement.on_conflict_do_update(
                index_elements=["school_id", "guardian_id", "kind", "channel"],
                set_={"enabled": enabled, "updated_at": now}))

    # --- absences waiting for the cut-off
    def hold_absence(self, row: dict, now: dt.datetime) -> None:
        """An absence to tell after its cut-off (again pending if it had been cancelled; a released one stays)."""
        statement = pg_insert(pending_absences).values(school_id=self.school_id, status="pending", updated_at=now, **row)
        self.session.execute(statement.on_conflict_do_update(
            index_elements=["school_id", "lesson_id", "student_id"],
            set_={"status": "pending", "attendance": row["attendance"], "due_at": row["due_at"], "updated_at": now},
            where=pending_absences.c.status != "released"))

    def cancel_absence(self, lesson_id: str, student_id: str, now: dt.datetime) -> None:
        """A corrected absence not told yet is never told."""
        self.session.execute(update(pending_absences).where(
            pending_absences.c.lesson_id == lesson_id, pending_absences.c.student_id == student_id,
            pending_absences.c.status == "pending").values(status="cancelled", updated_at=now))

    def due_absences(self, now: dt.datetime) -> list[Row]:
        """The school's pending absences whose cut-off has passed, locked until the commit."""
        return self.session.execute(select(pending_absences).where(
            pending_absences.c.status == "pending", pending_absences.c.due_at <= now)
            .order_by(pending_absences.c.lesson_date, pending_absences.c.student_id)
            .with_for_update(skip_locked=True)).all()

    def release_absences(self, rows: list[Row], now: dt.datetime) -> None:
        for row in rows:
            self.session.execute(update(pending_absences).where(
                pending_absences.c.lesson_id == row.lesson_id, pending_absences.c.student_id == row.student_id)
                .values(status="released", updated_at=now))

    def pending_absences(self) -> list[Row]:
        return self.session.execute(select(pending_absences).order_by(pending_absences.c.due_at)).all()

    # --- daily runs of the automatic notices
    def run_done(self, kind: str, day: dt.date) -> bool:
        return (self.session.scalar(select(notice_runs.c.run_on).where(notice_runs.c.kind == kind)) or dt.date.min) >= day

    def claim_run(self, kind: str, day: dt.date) -> bool:
        """True once a day per kind: the run of the day is this one's."""
        statement = pg_insert(notice_runs).values(school_id=self.school_id, kind=kind, run_on=day)
        return self.session.execute(statement.on_conflict_do_update(
            index_elements=["school_id", "kind"], set_={"run_on": day}, where=notice_runs.c.run_on < day)
            .returning(notice_runs.c.run_on)).first() is not None


def schools_with_due_absences(db: Database, now: dt.datetime) -> list[str]:
    """Every school with an absence whose cut-off has passed (the worker then works in each school's session)."""
    with db.system_session() as session:
        return list(session.scalars(select(pending_absences.c.school_id).where(
            pending_absences.c.status == "pending", pending_absences.c.due_at <= now).distinct()))


def schools_with_families(db: Database) -> list[str]:
    """Every school the service knows a guardianship of: where automatic notices have somebody to go to."""
    with db.system_session() as session:
        return list(session.scalars(select(guardianships.c.school_id).distinct()))
