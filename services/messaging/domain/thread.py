"""Threads and messages: what a valid subject, text and set of files is, who takes part as what, who may see a
thread (its participants; nobody else, not even staff of the school), who may withdraw a message (its author, once:
the message and its withdrawal are both kept). Plain Python, no I/O."""
from collections.abc import Collection

from services.common.errors import FailedPrecondition, Forbidden, Invalid, NotFound
from services.common.policy import Principal

MAX_TEXT = 5000
MAX_SUBJECT = 200
MAX_FILES = 5
STAFF, GUARDIAN, STUDENT = "staff", "guardian", "student"
MESSAGING_STAFF = frozenset({"subject_teacher", "form_teacher", "deputy_head", "director"})


def text(value: str, field: str = "text", limit: int = MAX_TEXT) -> str:
    value = (value or "").strip()
    if not value:
        raise Invalid(field, "текст обязателен")
    if len(value) > limit:
        raise Invalid(field, f"не длиннее {limit} символов")
    return value


def subject(value: str) -> str:
    return text(value, "subject", MAX_SUBJECT)


def files_count(count: int) -> None:
    if count > MAX_FILES:
        raise Invalid("files", f"к сообщению можно прикрепить не больше {MAX_FILES} файлов")


def role_of(principal: Principal) -> str:
    """How the caller takes part: a staff member who may message (teachers, the deputy head, the director), else a
    guardian, else a student. A person both staff and guardian in one school writes as staff."""
    if principal.roles & MESSAGING_STAFF:
        return STAFF
    if "guardian" in principal.roles:
        return GUARDIAN
    if "student" in principal.roles:
        return STUDENT
    raise Forbidden("Переписка доступна учителям, администрации школы, родителям и ученикам")


def check_participant(participants: Collection[str], person_id: str) -> None:
    """A thread exists only for its participants: anybody else is told it is not found."""
    if not person_id or person_id not in participants:
        raise NotFound("Переписка не найдена", {"thread_id": "нет такой переписки"})


def check_withdrawable(author_id: str, person_id: str, withdrawn: bool) -> None:
    if author_id != person_id:
        raise Forbidden("Отозвать сообщение может только его автор")
    if withdrawn:
        raise FailedPrecondition("Сообщение уже отозвано", {"message_id": "уже отозвано"})


def complaint_reason(value: str) -> str:
    return text(value, "reason", 2000)
