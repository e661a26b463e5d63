"""The school's calendar for a period, from schedule: the holidays and day transfers of the academic years the
period touches, with the policy's working week (domain/working_days.py decides what is a working day)."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from services.messaging.domain.working_days import SchoolCalendar

if TYPE_CHECKING:
    from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork

SLACK = dt.timedelta(days=60)  # the deadline may run past the period's end into holidays


def school_calendar(uow: MessagingUnitOfWork, school_id: str, week_days: int, start: dt.date,
                    end: dt.date) -> SchoolCalendar:
    first, last = (start - SLACK).isoformat(), (end + SLACK).isoformat()
    holidays, transfers = [], {}
    for year in uow.schedule.academic_years(school_id):
        if year.start_date > last or year.end_date < first:
            continue
        holidays += [(dt.date.fromisoformat(h.start_date), dt.date.fromisoformat(h.end_date))
                     for h in uow.schedule.holidays(school_id, year.id)]
        transfers.update({dt.date.fromisoformat(t.date): t.works_as_weekday
                          for t in uow.schedule.day_transfers(school_id, year.id)})
    return SchoolCalendar.of(holidays, transfers, week_days)
