"""Notices (J13): a school notice to a class, a grade, every family or the staff, optionally to acknowledge
(«ознакомлен»); and the automatic notices to a student's guardians — a 2 given, an absence without a known good reason
(sent only after the school day's cut-off, so that a correction in the first minutes alarms nobody), too few marks
before a term ends, a term mark of 2 or Н/А. Each automatic notice names the child; each kind can be turned off by the
school (the policy) and by each guardian for each channel. Plain Python, no I/O."""
import datetime as dt
from collections.abc import Mapping

from services.common.errors import Invalid
from services.messaging.domain import thread

SCHOOL = "school"
AUTOMATIC = ("mark_2", "absence", "few_marks", "term_mark")
KIND_NAMES = {"mark_2": "Отметка «2»", "absence": "Пропуск уроков без уважительной причины",
              "few_marks": "Мало отметок перед концом периода",
              "term_mark": "Отметка за период «2» или «Н/А»"}
IN_APP, EMAIL = "in_app", "email"  # e-mail: to the guardian's confirmed address, off until they turn it on
CHANNELS = (IN_APP, EMAIL)
CHANNEL_NAMES = {IN_APP: "в приложении", EMAIL: "по почте"}
AUDIENCES = {"class": "классу", "grade": "параллели", "families": "всем семьям школы", "staff": "сотрудникам"}
ABSENT = frozenset({"absent", "unexcused"})  # Н (no reason known yet) and НП: not ill, not excused, not late
NOT_ASSESSED = ("not_assessed", "Н/А")
MAX_TITLE = 200


def school_notice(audience: str, class_group_id: str, grade: int, title: str, text: str) -> tuple[str, str]:
    """Checks a school notice; returns its (title, text)."""
    if audience not in AUDIENCES:
        raise Invalid("audience", "class (класс), grade (параллель), families (все семьи) или staff (сотрудники)")
    if audience == "class" and not class_group_id:
        raise Invalid("class_group_id", "укажите класс")
    if audience == "grade" and not 1 <= grade <= 11:
        raise Invalid("grade", "параллель от 1 до 11")
    return thread.text(title, "title", MAX_TITLE), thread.text(text)


def is_two(value: str) -> bool:
    return value.strip() == "2"


def newly_two(value: str, old_value: str = "") -> bool:
    """A mark that is now 2 and was not (a new mark, or one changed to 2)."""
    return is_two(value) and not is_two(old_value)


def is_absence(status: str) -> bool:
    return status in ABSENT


def failing_term_mark(value: str, special: str) -> str:
    """"2" or "Н/А" when the term mark is one of them, else ""."""
    if special in NOT_ASSESSED or value in NOT_ASSESSED:
        return "Н/А"
    return "2" if is_two(value) else ""


def absence_due(lesson_date: dt.date, cutoff: str, zone: dt.tzinfo) -> dt.datetime:
    """When an absence on the lesson's day may be told: the policy's time of that school day (an absence recorded
    later is told on the notice worker's next round)."""
    hours, minutes = map(int, cutoff.split(":"))
    return dt.datetime.combine(lesson_date, dt.time(hours, minutes), tzinfo=zone)


def wanted(preferences: Mapping[tuple[str, str], bool], kind: str, channel: str) -> bool:
    """A guardian receives a kind of notice in the app unless they turned it off, by e-mail once they turned it on."""
    return preferences.get((kind, channel), channel == IN_APP)


def preference(kind: str, channel: str) -> tuple[str, str]:
    if kind not in AUTOMATIC:
        raise Invalid("kind", "mark_2, absence, few_marks или term_mark")
    if channel not in CHANNELS:
        raise Invalid("channel", "in_app (в приложении) или email (по электронной почте)")
    return kind, channel


def _dmy(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d.%m.%Y") if iso else ""


def _child(name: str) -> str:
    return name or "Ваш ребёнок"


def mark_text(student_name: str, subject_name: str, lesson_date: str) -> tuple[str, str]:
    subject = f" по предмету «{subject_name}»" if subject_name else ""
    return (f"{_child(student_name)}: отметка «2»",
            f"{_child(student_name)} получил(а) отметку «2»{subject} за урок {_dmy(lesson_date)}.")


def absence_text(student_name: str, lesson_date: str, lessons: int, attendance: str) -> tuple[str, str]:
    reason = " без уважительной причины" if attendance == "unexcused" else ""
    count = f" ({lessons} урок(а))" if lessons > 1 else ""
    return (f"{_child(student_name)}: пропуск уроков {_dmy(lesson_date)}",
            f"{_child(student_name)} отсутствовал(а) на уроках {_dmy(lesson_date)}{count}{reason}. Если причина "
            f"уважительная, сообщите классному руководителю.")


def few_marks_text(student_name: str, subject_name: str, term_name: str, term_end: str, marks: int,
                   needed: int) -> tuple[str, str]:
    return (f"{_child(student_name)}: мало отметок — {subject_name}, {term_name}",
            f"У {_child(student_name)} {marks} из {needed} отметок, нужных для отметки за период «{term_name}» по "
            f"предмету «{subject_name}». Период заканчивается {_dmy(term_end)}.")


def term_mark_text(student_name: str, subject_name: str, term_name: str, value: str) -> tuple[str, str]:
    term = f" за период «{term_name}»" if term_name else " за учебный период"
    subject = f" по предмету «{subject_name}»" if subject_name else ""
    return (f"{_child(student_name)}: отметка{term} «{value}»",
            f"{_child(student_name)} получил(а) отметку «{value}»{term}{subject}.")
