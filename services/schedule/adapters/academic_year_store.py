"""The school's academic years with their terms; every command that changes a year's contents finds the year open
(and locks it) here."""
import datetime as dt
from collections import defaultdict
from collections.abc import Mapping

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from services.common.errors import FailedPrecondition, NotFound
from services.schedule.adapters.tables import academic_years, terms


class AcademicYearStore:
    def __init__(self, session: Session):
        self.session = session

    def name_taken(self, name: str) -> bool:
        return self.session.scalar(select(academic_years.c.id).where(academic_years.c.name == name)) is not None

    def add(self, year: Mapping, term_rows: list[Mapping]) -> None:
        self.session.execute(insert(academic_years).values(year))
        self.add_terms(term_rows)

    def get(self, academic_year_id: str, lock: bool = False) -> Mapping | None:
        """The year (None: no such year); lock: its row locked until commit."""
        query = select(academic_years).where(academic_years.c.id == academic_year_id)
        return self.session.execute(query.with_for_update() if lock else query).mappings().first()

    def open_year(self, academic_year_id: str, lock: bool = False) -> Mapping:
        """The year, if open. Its row stays locked until commit: shared (nothing may close the year under us)
        or, with lock=True, exclusive (for closing it and for calendar changes)."""
        query = select(academic_years).where(academic_years.c.id == academic_year_id)
        row = self.session.execute(query.with_for_update(read=not lock)).mappings().first()
        if row is None:
            raise NotFound("Учебный год не найден", {"academic_year_id": "не найден"})
        if row["status"] != "open":
            raise FailedPrecondition(f"Учебный год {row['name']} закрыт")
        return row

    def start_date(self, academic_year_id: str) -> dt.date | None:
        """When the year starts (None: no such year)."""
        return self.session.scalar(select(academic_years.c.start_date).where(academic_years.c.id == academic_year_id))

    def check_exists(self, academic_year_id: str) -> None:
        """NotFound when the school has no such year (open or closed)."""
        if self.session.scalar(select(academic_years.c.id).where(academic_years.c.id == academic_year_id)) is None:
            raise NotFound("Учебный год не найден", {"academic_year_id": "не найден"})

    def close(self, academic_year_id: str) -> None:
        self.session.execute(update(academic_years).where(academic_years.c.id == academic_year_id)
                             .values(status="closed"))

    def terms_of(self, academic_year_id: str) -> list[Mapping]:
        """The year's terms in date order."""
        return list(self.session.execute(select(terms).where(terms.c.academic_year_id == academic_year_id)
                                         .order_by(terms.c.start_date)).mappings().all())

    def add_terms(self, term_rows: list[Mapping]) -> None:
        self.session.execute(insert(terms), term_rows)

    def change_term(self, row: Mapping) -> None:
        """The term's name, kind, dates and grades become the row's."""
        self.session.execute(update(terms).where(terms.c.id == row["id"]).values(
            {k: row[k] for k in ("name", "kind", "start_date", "end_date", "grade_from", "grade_to")}))

    def delete_terms(self, term_ids: list[str]) -> None:
        self.session.execute(delete(terms).where(terms.c.id.in_(term_ids)))

    def all(self) -> list[tuple[Mapping, list[Mapping]]]:
        """Every year, newest first, with its terms in date order."""
        years = self.session.execute(select(academic_years).order_by(academic_years.c.start_date.desc())).mappings().all()
        by_year = defaultdict(list)
        for row in self.session.execute(select(terms).order_by(terms.c.start_date, terms.c.grade_from)).mappings():
            by_year[row["academic_year_id"]].append(row)
        return [(year, by_year[year["id"]]) for year in years]

    def term(self, term_id: str) -> Mapping | None:
        return self.session.execute(select(terms).where(terms.c.id == term_id)).mappings().first()
