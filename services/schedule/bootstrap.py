"""Wiring of the schedule service, the one place its parts meet: the servicer gets a unit of work per call (the
database, the outbox, the school's staff as identity answers and today's date, each through its typed port:
services.common.scope.PrincipalSource, service_layer/ports.py's Staff and Clock) and the callers' principals.
__main__ wires the real adapters; the integration tests wire fakes of the ports on the real database. The event
consumer (entrypoints.consumers) joins the consumer's transactions and needs no wiring."""
import functools

from services.common.dates import school_today
from services.common.db import Database
from services.common.outbox import Outbox
from services.common.scope import PrincipalSource
from services.schedule.adapters.calendar_feed_store import CalendarFeedTokens
from services.schedule.entrypoints.servicer import ScheduleServicer
from services.schedule.service_layer.ports import Clock, Staff
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork, UnitsOfWork


def units_of_work(db: Database, outbox: Outbox, staff: Staff, today: Clock = school_today) -> UnitsOfWork:
    return functools.partial(ScheduleUnitOfWork, db, outbox, staff=staff, today=today)


def servicer(db: Database, outbox: Outbox, principals: PrincipalSource, staff: Staff,
             today: Clock = school_today) -> ScheduleServicer:
    return ScheduleServicer(units_of_work(db, outbox, staff, today), principals, CalendarFeedTokens(db))
