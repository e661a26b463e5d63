"""Reading and changing a school's schedule policy (notice periods, curriculum and first-timetable due dates):
managers only; a change is checked value by value and stored as key/value rows (school_policy.py keeps the
defaults)."""
from dataclasses import asdict, replace

from sqlalchemy.dialects.postgresql import insert

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.errors import Invalid
from services.schedule import school_policy
from services.schedule.calendar_handlers import load_policy
from services.schedule.handlers import Deps, authorize
from services.schedule.tables import schedule_policy

LIMITS = {"holiday_notice_days": (0, 90), "transfer_notice_working_days": (0, 30)}


def _message(school_id: str, policy: school_policy.SchedulePolicy) -> pb.SchedulePolicy:
    return pb.SchedulePolicy(school_id=school_id, **asdict(policy))


def checked(request: pb.SetSchedulePolicyRequest) -> dict:
    """The values the request sets, each checked: day counts within LIMITS, due dates "MM-DD" of a real day."""
    values = {}
    for key in school_policy.KEYS:
        if not request.HasField(key):
            continue
        value = getattr(request, key)
        if key in LIMITS:
            low, high = LIMITS[key]
            if not low <= value <= high:
                raise Invalid(key, f"от {low} до {high}")
        elif school_policy.month_day(value) is None:
            raise Invalid(key, "дата в виде ММ-ДД, например 09-20")
        values[key] = value.strip() if isinstance(value, str) else value
    return values


def get_schedule_policy(deps: Deps, school_id: str) -> pb.SchedulePolicy:
    school_id = authorize(deps, school_id, "schedule.manage")
    with deps.db.tenant_session(school_id) as session:
        return _message(school_id, load_policy(session))


def set_schedule_policy(deps: Deps, request: pb.SetSchedulePolicyRequest) -> pb.SchedulePolicy:
    school_id = authorize(deps, request.school_id, "schedule.manage")
    values = checked(request)
    with deps.db.tenant_session(school_id) as session:
        for key, value in values.items():
            statement = insert(schedule_policy).values(school_id=school_id, key=key, value=str(value))
            session.execute(statement.on_conflict_do_update(index_elements=["school_id", "key"],
                                                            set_={"value": statement.excluded.value}))
        return _message(school_id, replace(load_policy(session), **values))
