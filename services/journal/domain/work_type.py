"""What a valid work type is as a school sets it (J2; the defaults and the weighted average are the shared
`services/common/mark_average.py`). Plain Python, no I/O."""
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from services.common.errors import Invalid
from services.common.mark_average import CENT, WorkType

CODE = re.compile(r"[a-z][a-z0-9_]{0,49}")
MAX_NAME = 100
MAX_WEIGHT = Decimal("10")


def checked(code: str, name: str, weight: str) -> WorkType:
    """A work type as an administrator sets it, each field against its rule."""
    if not CODE.fullmatch(code or ""):
        raise Invalid("code", "код вида работы: латинские строчные буквы, цифры и _, до 50 знаков")
    name = (name or "").strip()
    if not name or len(name) > MAX_NAME:
        raise Invalid("name", f"название вида работы обязательно, не длиннее {MAX_NAME} знаков")
    try:
        value = Decimal((weight or "").strip().replace(",", "."))
    except InvalidOperation:
        raise Invalid("weight", "вес — число, например 1.5") from None
    if not value.is_finite() or not 0 < value <= MAX_WEIGHT or value != value.quantize(CENT):
        raise Invalid("weight", f"вес вида работы: больше 0 и не больше {MAX_WEIGHT}, не больше двух знаков после запятой")
    return WorkType(code, name, value)


def weight_text(weight: Decimal) -> str:
    """The weight as people write it: 1, 1.5, 10."""
    return format(weight.normalize(), "f")


def check_marks(work_types: Iterable[str], known: Iterable[str]) -> None:
    """Refuses a mark whose work type the school does not have (marks[i].work_type)."""
    allowed = set(known)
    for i, code in enumerate(work_types):
        if code not in allowed:
            raise Invalid(f"marks[{i}].work_type", f"неизвестный вид работы «{code}»; виды работ школы: "
                          + ", ".join(sorted(allowed)))
