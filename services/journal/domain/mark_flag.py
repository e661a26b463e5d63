"""A family's flag of a mark they believe wrong (seed 000 §3.10.2-3.10.3: guardians check that marks are right and
turn to the school; 002 §4.3.2: the student tells the teacher of a wrong mark) and the teacher's answer: what a valid
flag or answer is, one open flag a mark, who answers, and that "corrected" is said only of a mark that was changed
(through the lesson's ledgered save) since it was flagged. Plain Python, no I/O."""
from services.common.errors import Conflict, FailedPrecondition, Forbidden, Invalid

MAX_TEXT = 1000
MAX_ANSWER = 2000
STATUSES = ("open", "answered")
OUTCOMES = {"explained": "объяснено", "corrected": "исправлено"}
ANSWERERS = "На обращение отвечает учитель, поставивший отметку, классный руководитель или заместитель директора"


def text(value: str, field: str, limit: int = MAX_TEXT) -> str:
    """A flag's or an answer's text: 1 to `limit` characters after trimming."""
    value = (value or "").strip()
    if not value:
        raise Invalid(field, "напишите, что не так с отметкой" if field == "text" else "текст ответа обязателен")
    if len(value) > limit:
        raise Invalid(field, f"не длиннее {limit} символов")
    return value


def status(value: str) -> str:
    if value not in ("", *STATUSES):
        raise Invalid("status", "open (без ответа), answered (с ответом) или пусто (все)")
    return value


def outcome(value: str) -> str:
    if value not in OUTCOMES:
        raise Invalid("outcome", "explained (объяснено) или corrected (отметка исправлена)")
    return value


def author_role(person_id: str, student_id: str) -> str:
    """Who flags: the student themselves or a guardian of theirs."""
    return "student" if person_id and person_id == student_id else "guardian"


def check_none_open(open_flag_id: str | None) -> None:
    """One open flag a mark: a family waits for the answer before flagging the same mark again."""
    if open_flag_id:
        raise Conflict("По этой отметке уже есть обращение без ответа: дождитесь ответа учителя",
                       {"mark_id": "обращение уже отправлено"})


def check_open(flag: dict) -> None:
    """A flag is answered once; the answer is kept and never edited."""
    if flag.get("answered_at") is not None:
        raise answered()


def answered() -> FailedPrecondition:
    return FailedPrecondition("На это обращение уже дан ответ; ответ не изменяют", {"flag_id": "ответ уже дан"})


def check_outcome(chosen: str, flagged_value: str, work_type: str, current: tuple[str, str] | None) -> None:
    """"corrected" only when the mark is not what was flagged any more: its value or work type changed, or it was
    removed (`current` = (value, work type) now, None when removed). The correction itself is the lesson's save, so
    the ledger holds it with its reason."""
    if chosen == "corrected" and current == (flagged_value, work_type):
        raise FailedPrecondition("Отметка не изменена: сначала исправьте её на странице урока (изменение попадёт в "
                                 "журнал изменений), затем ответьте «исправлено», или объясните отметку",
                                 {"outcome": "отметка не изменена"})


def refuse_answer() -> Forbidden:
    return Forbidden(ANSWERERS)
