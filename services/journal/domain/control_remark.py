"""The deputy head's remarks to teachers on how they keep the journal and the teachers' answers (seed 000 §3.5.5,
§3.6.4: teachers put right in good time what the deputy head noted): what a valid remark or answer text is, who may
answer, and the list's filter. Plain Python, no I/O."""
from services.common.errors import FailedPrecondition, Forbidden, Invalid

MAX_TEXT = 2000
STATUSES = ("open", "answered")


def text(value: str, field: str) -> str:
    """A remark's or an answer's text: 1 to 2000 characters after trimming."""
    value = (value or "").strip()
    if not value:
        raise Invalid(field, "текст обязателен")
    if len(value) > MAX_TEXT:
        raise Invalid(field, f"не длиннее {MAX_TEXT} символов")
    return value


def status(value: str) -> str:
    if value not in ("", *STATUSES):
        raise Invalid("status", "open (без ответа), answered (с ответом) или пусто (все)")
    return value


def check_answerable(remark: dict, person_id: str) -> None:
    """Only the teacher the remark is addressed to answers it, once: the answer is kept and never edited."""
    if remark["teacher_id"] != person_id:
        raise Forbidden("На замечание отвечает учитель, которому оно адресовано")
    if remark["answered_at"] is not None:
        raise answered()


def answered() -> FailedPrecondition:
    return FailedPrecondition("На это замечание уже дан ответ; ответ не изменяют", {"remark_id": "ответ уже дан"})
