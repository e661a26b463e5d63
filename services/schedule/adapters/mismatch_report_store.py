"""Date-mismatch reports, each read with its lesson's date, class group and subject name."""
from collections.abc import Mapping

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from services.schedule.adapters.tables import lessons, mismatch_reports, subjects


def _reports():
    return (select(mismatch_reports, lessons.c.date.label("lesson_date"), lessons.c.class_group_id,
                   subjects.c.name.label("subject_name"))
            .join(lessons, lessons.c.id == mismatch_reports.c.lesson_id)
            .join(subjects, subjects.c.id == lessons.c.subject_id))


class MismatchReportStore:
    def __init__(self, session: Session):
        self.session = session

    def add(self, row: Mapping):
        """Stores the report; returns its created_at (the transaction's time)."""
        self.session.execute(insert(mismatch_reports).values(row))
        return self.session.scalar(select(func.now()))

    def listed(self, status: str = "") -> list[Mapping]:
        """Open reports first, oldest first; or only those of one status."""
        query = _reports().order_by(mismatch_reports.c.status, mismatch_reports.c.created_at)
        if status:
            query = query.where(mismatch_reports.c.status == status)
        return list(self.session.execute(query).mappings().all())

    def locked(self, report_id: str) -> Mapping | None:
        """The report, its row locked until commit."""
        return self.session.execute(_reports().where(mismatch_reports.c.id == report_id)
                                    .with_for_update(of=mismatch_reports)).mappings().first()

    def lessons_reported(self, lesson_ids: list[str]) -> set[str]:
        """Which of the lessons a teacher reported a date mismatch on."""
        return set(self.session.scalars(select(mismatch_reports.c.lesson_id)
                                        .where(mismatch_reports.c.lesson_id.in_(lesson_ids))))

    def resolve(self, report_id: str, resolution: str) -> None:
        self.session.execute(update(mismatch_reports).where(mismatch_reports.c.id == report_id)
                             .values(status="resolved", resolution=resolution, resolved_at=func.now()))
