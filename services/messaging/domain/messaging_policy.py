"""The school's messaging policy: the answer deadline in working days and the school's working week, the time of the
school day after which absence notices go out, which automatic notices the school sends, and how long before a term
ends the few-marks notice goes out. The defaults hold until the school changes them. Plain Python, no I/O."""
import dataclasses
import re
from dataclasses import dataclass

from services.common.errors import Invalid

FEW_MARKS_DAYS = (7, 14, 30, 60, 92)  # the journal's choices of how far ahead of a term's end it warns
TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
TOGGLES = {"mark_2": "notify_mark_2", "absence": "notify_absence", "few_marks": "notify_few_marks",
           "term_mark": "notify_term_mark"}


@dataclass(frozen=True)
class MessagingPolicy:
    answer_days: int = 3
    working_week_days: int = 5
    absence_notice_time: str = "15:00"
    notify_mark_2: bool = True
    notify_absence: bool = True
    notify_few_marks: bool = True
    notify_term_mark: bool = True
    few_marks_days: int = 14

    def sends(self, kind: str) -> bool:
        """The school sends automatic notices of this kind."""
        return getattr(self, TOGGLES[kind])


def changed(policy: MessagingPolicy, **changes) -> MessagingPolicy:
    """The policy with the given values (None = unchanged), each checked."""
    values = {name: value for name, value in changes.items() if value is not None}
    problems = {}
    if "answer_days" in values and not 1 <= values["answer_days"] <= 10:
        problems["answer_days"] = "от 1 до 10 рабочих дней"
    if "working_week_days" in values and values["working_week_days"] not in (5, 6):
        problems["working_week_days"] = "5 (пятидневка) или 6 (шестидневка)"
    if "absence_notice_time" in values and not TIME.fullmatch(values["absence_notice_time"]):
        problems["absence_notice_time"] = "время в формате ЧЧ:ММ"
    if "few_marks_days" in values and values["few_marks_days"] not in FEW_MARKS_DAYS:
        problems["few_marks_days"] = "одно из: " + ", ".join(map(str, FEW_MARKS_DAYS))
    if problems:
        raise Invalid(message="Неверные настройки сообщений: " + "; ".join(problems.values()), fields=problems)
    return dataclasses.replace(policy, **values)
