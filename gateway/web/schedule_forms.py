"""Reading the deputy head's set-up forms into schedule requests: term rows, a shift's bell rows, a timetable
entry, numbers; bad input becomes the services' own Invalid (field + Russian message) so that the page shows it
next to the form like any refusal."""
from proto.schedule.v1 import schedule_pb2
from services.common.errors import DomainError, Invalid

TERM_KINDS = {"quarter": "четверть", "half_year": "полугодие", "trimester": "триместр", "semester": "семестр"}
TERM_ROWS = 6   # e.g. four quarters for grades 1-9 and two half-years for 10-11
MAX_TERM_ROWS = 20
BELL_ROWS = 10  # lesson numbers 1..10


def refusal_text(err: DomainError) -> str:
    """The service's message and the fields it names (unless the message already says it)."""
    return "; ".join([err.message, *(f"{k}: {v}" for k, v in err.fields.items() if v not in err.message)])


def text(form, name: str) -> str:
    return form.get(name, "").strip()


def integer(form, name: str, default: int | None = None) -> int:
    value = text(form, name)
    if not value and default is not None:
        return default
    if not value.isdigit():
        raise Invalid(name, "введите целое число")
    return int(value)


def grades(value: str, field: str) -> tuple[int, int]:
    """"" → every grade (0, 0); "5" → (5, 5); "1-9" → (1, 9)."""
    if not value:
        return 0, 0
    low, _, high = value.replace("–", "-").partition("-")
    if not low.strip().isdigit() or (high and not high.strip().isdigit()):
        raise Invalid(field, "классы в виде «1-9» или «10-11», пусто — для всех классов")
    return int(low), int(high or low)


def terms(form) -> list[schedule_pb2.Term]:
    """The filled term rows (a row without a name is skipped; a changed year's rows carry their term's id)."""
    result = []
    for i in range(min(integer(form, "term_rows", TERM_ROWS), MAX_TERM_ROWS)):
        name = text(form, f"term_name_{i}")
        if not name:
            continue
        grade_from, grade_to = grades(text(form, f"term_grades_{i}"), f"terms[{len(result)}].grades")
        result.append(schedule_pb2.Term(id=text(form, f"term_id_{i}"), name=name, kind=text(form, f"term_kind_{i}"),
                                        start_date=text(form, f"term_start_{i}"), end_date=text(form, f"term_end_{i}"),
                                        grade_from=grade_from, grade_to=grade_to))
    return result


def term_rows(year) -> list[dict]:
    """The rows of a year's change-terms form: its terms, then two empty rows for new ones."""
    rows = [dict(id=t.id, name=t.name, kind=t.kind, start=t.start_date, end=t.end_date,
                 grades="" if not t.grade_from else f"{t.grade_from}-{t.grade_to}") for t in year.terms]
    return rows + [dict(id="", name="", kind="", start="", end="", grades="")] * 2


def submitted_term_rows(form) -> list[dict]:
    """The rows as the deputy head sent them (shown again after a refusal)."""
    return [dict(id=text(form, f"term_id_{i}"), name=text(form, f"term_name_{i}"), kind=text(form, f"term_kind_{i}"),
                 start=text(form, f"term_start_{i}"), end=text(form, f"term_end_{i}"),
                 grades=text(form, f"term_grades_{i}"))
            for i in range(min(integer(form, "term_rows", TERM_ROWS), MAX_TERM_ROWS))]


def bell_periods(form) -> list[schedule_pb2.BellPeriod]:
    """The lessons of a shift whose start or end is filled in (lesson number = the row)."""
    return [schedule_pb2.BellPeriod(lesson_number=n, starts_at=text(form, f"bell_start_{n}"),
                                    ends_at=text(form, f"bell_end_{n}"))
            for n in range(1, BELL_ROWS + 1) if text(form, f"bell_start_{n}") or text(form, f"bell_end_{n}")]


def timetable_entry(form, school_id: str, class_group_id: str) -> schedule_pb2.TimetableEntry:
    """A weekly lesson from the entry form: a chosen room fills the room (the free text is for rooms not listed);
    times may be left to the chosen shift."""
    return schedule_pb2.TimetableEntry(
        school_id=school_id, class_group_id=class_group_id, subject_id=text(form, "subject_id"),
        teacher_id=text(form, "teacher_id"), subgroup_id=text(form, "subgroup_id"),
        weekday=integer(form, "weekday"), lesson_number=integer(form, "lesson_number"),
        starts_at=text(form, "starts_at"), ends_at=text(form, "ends_at"), room_id=text(form, "room_id"),
        room="" if text(form, "room_id") else text(form, "room"), bell_schedule_id=text(form, "bell_schedule_id"))
