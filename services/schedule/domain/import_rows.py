"""All-or-nothing imports of many rows in one call (a whole timetable, a teaching load): the size of a list, and
the errors of every row collected by its index ("lines[3].teacher_id") so that nothing is written when any row is
wrong."""
from collections.abc import Sized

from services.common.errors import DomainError, Invalid


def check_size(rows: Sized, field: str, maximum: int) -> None:
    if len(rows) > maximum:
        raise Invalid(field, f"не больше {maximum} строк за один раз, а их {len(rows)}: разделите на части")


def row_errors(field: str, index: int, error: DomainError) -> dict[str, str]:
    """The error of one row by "<field>[<index>].<its field>": a wrong value keeps its own short reason, anything
    else (not found, a clash, no assignment) the whole Russian message."""
    where = f"{field}[{index}]"
    if not error.fields:
        return {where: error.message}
    return {f"{where}.{name}": why if isinstance(error, Invalid) else error.message
            for name, why in error.fields.items()}


def refuse(errors: dict[str, str], what: str) -> None:
    """Raises Invalid with every row's error when there are any: nothing of the import is written."""
    if errors:
        raise Invalid(message=f"{what}: ошибок {len(errors)}, ничего не сохранено", fields=errors)
