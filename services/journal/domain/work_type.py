"""Work types and their weights (J2): the defaults a school starts with, what a valid work type is, and the
weighted average of marks. Plain Python, no I/O."""
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from services.common.errors import Invalid


@dataclass(frozen=True)
class WorkType:
    code: str
    name: str
    weight: Decimal


# A school that has set none has these (the weight of a test is double, of independent work one and a half).
DEFAULTS: tuple[WorkType, ...] = (
    WorkType("classwork", "Работа на уроке", Decimal("1")),
    WorkType("homework", "Домашняя работа", Decimal("1")),
    WorkType("test", "Контрольная работа", Decimal("2")),
    WorkType("independent", "Самостоятельная работа", Decimal("1.5")),
    WorkType("oral", "Устный ответ", Decimal("1")),
)
CODE = re.compile(r"[a-z][a-z0-9_]{0,49}")
MAX_NAME = 100
MAX_WEIGHT = Decimal("10")
CENT = Decimal("0.01")


def effective(stored: Iterable[WorkType]) -> list[WorkType]:
    """The school's work types: the stored ones, or the defaults while it has stored none."""
    return list(stored) or list(DEFAULTS)


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


def weighted_average(marks: Iterable[tuple[str, str]], weights: Mapping[str, Decimal]) -> Decimal | None:
    """Σ value×weight / Σ weight over (value, work_type) pairs with a numeric value, to 2 decimals rounded half up;
    None without such marks. A work type the school no longer has weighs 1."""
    total = weight_sum = Decimal(0)
    for value, work_type in marks:
        if value.isdigit():
            weight = weights.get(work_type, Decimal(1))
            total += Decimal(value) * weight
            weight_sum += weight
    if not weight_sum:
        return None
    return (total / weight_sum).quantize(CENT, rounding=ROUND_HALF_UP)
