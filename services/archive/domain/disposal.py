"""Disposal (A4): a package is destroyed only when its retention has ended and an act of destruction (акт о выделении
к уничтожению) listing it was proposed by the school and approved by the authority; the act is kept. Plain Python,
no framework imports."""
import datetime as dt

from services.archive.domain.archive_package import SEALED

PROPOSED, APPROVED, EXECUTED = "proposed", "approved", "executed"
STATUS_NAMES = {PROPOSED: "ожидает утверждения органом управления образованием",
                APPROVED: "утверждён, архивы уничтожаются", EXECUTED: "исполнен: архивы уничтожены"}


def expired(status: str, retain_until: dt.date | None, today: dt.date) -> bool:
    """A sealed package whose retention has ended (on its last day it is still kept)."""
    return status == SEALED and retain_until is not None and retain_until < today


def act_content(school_name: str, number: int, packages: list[dict]) -> dict:
    """What the act says: the school, its number and, per package, what it held, its years and its checksum."""
    return {"school": school_name, "number": number,
            "title": "Акт о выделении к уничтожению архивных документов, сроки хранения которых истекли",
            "packages": packages}
