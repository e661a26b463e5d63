"""Holidays and day transfers of an academic year: each command checks the policy, saves the calendar change
and re-decides the lessons of the affected dates in one tenant transaction; late announcements only warn."""
from collections.abc import Callable, Mapping

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Conflict, FailedPrecondition, NotFound
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
from services.schedule.domain import calendar
from services.schedule.service_layer import lesson_dates
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def add_holiday(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str, name: str, start_date: str,
                end_date: str) -> pb.AddHolidayResponse:
    """Saves holidays (or one non-working day) and cancels the lessons already scheduled on those dates."""
    scope.require("schedule.manage")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    with uow:
        year = uow.academic_years.open_year(academic_year_id, lock=True)
        plan = calendar.holiday(name, start_date, end_date, year["start_date"], year["end_date"])
        _check_holiday(uow, academic_year_id, plan)
        row = dict(id=new_id(), school_id=uow.school_id, academic_year_id=academic_year_id, name=plan.name,
                   start_date=plan.start, end_date=plan.end)
        uow.calendar.add_holiday(row)
        _, cancelled = lesson_dates.reconcile(uow, academic_year_id, calendar.days(plan.start, plan.end))
        warnings = calendar.holiday_notice_warning(plan, uow.today(), uow.policy.load().holiday_notice_days)
    return pb.AddHolidayResponse(holiday=protobuf.holiday(row), lessons_cancelled=cancelled, warnings=warnings)


def _check_holiday(uow: ScheduleUnitOfWork, academic_year_id: str, plan: calendar.HolidayPlan,
                   holiday_id: str = "") -> None:
    """Holidays do not overlap other holidays (holiday_id: the one being changed) nor include a working transfer."""
    other = calendar.overlapping(plan, uow.calendar.holidays_of(academic_year_id, holiday_id))
    if other is not None:
        raise Conflict(f"Даты пересекаются с каникулами «{other['name']}»", {"start_date": "пересекается"})
    working = uow.calendar.working_transfer_between(academic_year_id, plan.start, plan.end)
    if working is not None:
        raise FailedPrecondition(f"На {calendar.day_label(working)} перенесён учебный день: каникулы не могут "
                                 "его включать", {"start_date": "включает рабочий день"})


def update_holiday(scope: Scope, uow: ScheduleUnitOfWork, holiday_id: str, name: str, start_date: str,
                   end_date: str) -> pb.UpdateHolidayResponse:
    """Changes holidays' name and dates; the lessons of the dates they leave or take, after today, are re-decided
    (earlier dates stay as they were). Moving the start later than the notice allows warns, as adding does."""
    scope.require("schedule.manage")
    holiday_id = parse_uuid(holiday_id, "holiday_id")
    with uow:
        old, year = _calendar_row(uow, uow.calendar.holiday, holiday_id, "Каникулы не найдены", "holiday_id")
        plan = calendar.holiday(name, start_date, end_date, year["start_date"], year["end_date"])
        _check_holiday(uow, year["id"], plan, holiday_id)
        uow.calendar.change_holiday(holiday_id, plan.name, plan.start, plan.end)
        dates = set(calendar.days(old["start_date"], old["end_date"])) ^ set(calendar.days(plan.start, plan.end))
        change = _reconcile_after(uow, year["id"], dates)
        row = dict(old, name=plan.name, start_date=plan.start, end_date=plan.end)
        warnings = [] if plan.start == old["start_date"] else calendar.holiday_notice_warning(
            plan, uow.today(), uow.policy.load().holiday_notice_days)
    return pb.UpdateHolidayResponse(holiday=protobuf.holiday(row), lessons_scheduled=change.lessons_scheduled,
                                    lessons_cancelled=change.lessons_cancelled, warnings=warnings)


def list_holidays(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str) -> list[pb.Holiday]:
    scope.require("schedule.read")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    with uow:
        uow.academic_years.check_exists(academic_year_id)
        return [protobuf.holiday(row) for row in uow.calendar.holidays_of(academic_year_id)]


def add_day_transfer(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str, date: str,
                     works_as_weekday: int) -> pb.AddDayTransferResponse:
    """Makes a date work as another weekday (or a day off) and re-decides that date's lessons."""
    scope.require("schedule.manage")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    with uow:
        year = uow.academic_years.open_year(academic_year_id, lock=True)
        day, weekday = calendar.day_transfer(date, works_as_weekday, year["start_date"], year["end_date"])
        if uow.calendar.transfer_on(academic_year_id, day):
            raise Conflict(f"Перенос на {calendar.day_label(day)} уже внесён", {"date": "уже есть"})
        holiday = uow.calendar.holiday_on(academic_year_id, day)
        if holiday is not None and weekday != calendar.DAY_OFF:
            raise FailedPrecondition(f"Дата {calendar.day_label(day)} попадает на каникулы «{holiday}»: учебный день на неё "
                                     "не переносится", {"date": "каникулы"})
        row = dict(id=new_id(), school_id=uow.school_id, academic_year_id=academic_year_id, date=day,
                   works_as_weekday=weekday)
        uow.calendar.add_transfer(row)
        scheduled, cancelled = lesson_dates.reconcile(uow, academic_year_id, [day])
        warnings = calendar.transfer_notice_warning(day, uow.today(), uow.policy.load().transfer_notice_working_days)
    return pb.AddDayTransferResponse(day_transfer=protobuf.day_transfer(row), lessons_scheduled=scheduled,
                                      lessons_cancelled=cancelled, warnings=warnings)


def list_day_transfers(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str) -> list[pb.DayTransfer]:
    scope.require("schedule.read")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    with uow:
        uow.academic_years.check_exists(academic_year_id)
        return [protobuf.day_transfer(row) for row in uow.calendar.transfers_of(academic_year_id)]


def delete_holiday(scope: Scope, uow: ScheduleUnitOfWork, holiday_id: str) -> pb.CalendarChangeResponse:
    """Removes holidays; their dates after today get their lessons back (those before stay as they were)."""
    scope.require("schedule.manage")
    holiday_id = parse_uuid(holiday_id, "holiday_id")
    with uow:
        row, _ = _calendar_row(uow, uow.calendar.holiday, holiday_id, "Каникулы не найдены", "holiday_id")
        uow.calendar.delete_holiday(holiday_id)
        return _reconcile_after(uow, row["academic_year_id"], calendar.days(row["start_date"], row["end_date"]))


def delete_day_transfer(scope: Scope, uow: ScheduleUnitOfWork, day_transfer_id: str) -> pb.CalendarChangeResponse:
    """Removes a day transfer: after today, the date works as its own weekday again (its lessons follow)."""
    scope.require("schedule.manage")
    day_transfer_id = parse_uuid(day_transfer_id, "day_transfer_id")
    with uow:
        row, _ = _calendar_row(uow, uow.calendar.day_transfer, day_transfer_id, "Перенос дня не найден",
                               "day_transfer_id")
        uow.calendar.delete_transfer(day_transfer_id)
        return _reconcile_after(uow, row["academic_year_id"], [row["date"]])


def _calendar_row(uow: ScheduleUnitOfWork, find: Callable[[str], Mapping | None], row_id: str, missing: str,
                  field: str):
    """Holidays or a day transfer to change (`find` reads it), with their open year locked exclusively, as every
    calendar change locks it; read again once the year is locked, so a change that ran meanwhile is seen."""
    row = find(row_id)
    if row is None:
        raise NotFound(missing, {field: "не найден"})
    year = uow.academic_years.open_year(row["academic_year_id"], lock=True)
    row = find(row_id)
    if row is None:
        raise NotFound(missing, {field: "не найден"})
    return row, year


def _reconcile_after(uow: ScheduleUnitOfWork, academic_year_id: str, dates) -> pb.CalendarChangeResponse:
    today = uow.today()
    scheduled, cancelled = lesson_dates.reconcile(uow, academic_year_id,
                                                  [day for day in dates if day > today])
    return pb.CalendarChangeResponse(lessons_scheduled=scheduled, lessons_cancelled=cancelled)
