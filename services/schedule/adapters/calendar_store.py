"""The school calendar of an academic year: its holidays and day transfers, and the calendar of a grade (its terms
with them)."""
import datetime as dt
from collections.abc import Iterable, Mapping

from sqlalchemy import delete, insert, select, true, update
from sqlalchemy.orm import Session

from services.schedule.adapters.tables import day_transfers, holidays, terms
from services.schedule.domain.calendar import DAY_OFF, Calendar, Period


class CalendarStore:
    def __init__(self, session: Session):
        self.session = session

    def year_calendar(self, academic_year_id: str, grade: int, without_terms: Iterable[str] = ()) -> Calendar:
        """The calendar of the year's class groups of one grade: the terms for that grade (or for every grade), but
        for the terms being removed, the holidays and the day transfers."""
        def periods(table, *conditions) -> tuple[Period, ...]:
            rows = self.session.execute(select(table.c.id, table.c.start_date, table.c.end_date)
                                        .where(table.c.academic_year_id == academic_year_id, *conditions)).all()
            return tuple(Period(str(r.id), r.start_date, r.end_date) for r in rows)

        every_grade = (terms.c.grade_from == 0) & (terms.c.grade_to == 0)
        for_grade = every_grade | ((terms.c.grade_from <= grade) & (terms.c.grade_to >= grade))
        transfers = self.session.execute(select(day_transfers.c.date, day_transfers.c.works_as_weekday)
                                         .where(day_transfers.c.academic_year_id == academic_year_id)).all()
        return Calendar(periods(terms, for_grade, terms.c.id.not_in(list(without_terms))), periods(holidays),
                        dict(transfers))

    def holidays_of(self, academic_year_id: str, except_id: str = "") -> list[Mapping]:
        """The year's holidays in date order (but the one of except_id)."""
        others = holidays.c.id != except_id if except_id else true()
        return list(self.session.execute(select(holidays).where(holidays.c.academic_year_id == academic_year_id, others)
                                         .order_by(holidays.c.start_date)).mappings().all())

    def holiday(self, holiday_id: str) -> Mapping | None:
        return self.session.execute(select(holidays).where(holidays.c.id == holiday_id)).mappings().first()

    def holiday_on(self, academic_year_id: str, day: dt.date) -> str | None:
        """The name of the year's holidays that include the date, if any."""
        return self.session.scalar(select(holidays.c.name).where(holidays.c.academic_year_id == academic_year_id,
                                                                 holidays.c.start_date <= day, holidays.c.end_date >= day))

    def add_holiday(self, row: Mapping) -> None:
        self.session.execute(insert(holidays).values(row))

    def change_holiday(self, holiday_id: str, name: str, start: dt.date, end: dt.date) -> None:
        self.session.execute(update(holidays).where(holidays.c.id == holiday_id)
                             .values(name=name, start_date=start, end_date=end))

    def delete_holiday(self, holiday_id: str) -> None:
        self.session.execute(delete(holidays).where(holidays.c.id == holiday_id))

    def transfers_of(self, academic_year_id: str) -> list[Mapping]:
        """The year's day transfers in date order."""
        return list(self.session.execute(select(day_transfers).where(day_transfers.c.academic_year_id == academic_year_id)
                                         .order_by(day_transfers.c.date)).mappings().all())

    def day_transfer(self, day_transfer_id: str) -> Mapping | None:
        return self.session.execute(select(day_transfers).where(day_transfers.c.id == day_transfer_id)).mappings().first()

    def transfer_on(self, academic_year_id: str, day: dt.date) -> bool:
        return self.session.scalar(select(day_transfers.c.id).where(day_transfers.c.academic_year_id == academic_year_id,
                                                                    day_transfers.c.date == day)) is not None

    def working_transfer_between(self, academic_year_id: str, start: dt.date, end: dt.date) -> dt.date | None:
        """A date between the two (inclusive) moved to work as a weekday, if any."""
        return self.session.scalar(select(day_transfers.c.date).where(
            day_transfers.c.academic_year_id == academic_year_id, day_transfers.c.works_as_weekday != DAY_OFF,
            day_transfers.c.date.between(start, end)))

    def add_transfer(self, row: Mapping) -> None:
        self.session.execute(insert(day_transfers).values(row))

    def delete_transfer(self, day_transfer_id: str) -> None:
        self.session.execute(delete(day_transfers).where(day_transfers.c.id == day_transfer_id))
