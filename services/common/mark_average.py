"""A school's work types with their weights (J2) and the weighted average of marks: one rule for the teacher's
grid, the diary and every report. Plain Python, no I/O."""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
NOT_COUNTED = "*"  # after a mark kept and shown but not counted towards the average (weight 0): «3*»


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


def effective(stored: Iterable[WorkType]) -> list[WorkType]:
    """The school's work types: the stored ones, or the defaults while it has stored none."""
    return list(stored) or list(DEFAULTS)


def shown(value: str, not_counted: bool) -> str:
    """A mark as people see it: «3», or «3*» when it does not count towards the average (and so weighs nothing
    wherever the value alone travels: weighted_average takes only numeric values)."""
    return value + NOT_COUNTED if not_counted else value


def weights(work_types: Iterable[WorkType]) -> dict[str, Decimal]:
    return {w.code: w.weight for w in work_types}


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


def mean(averages: Iterable[Decimal]) -> Decimal | None:
    """The mean of averages (a student's subjects in a term: средний балл ученика), to 2 decimals rounded half up;
    None without any."""
    values = list(averages)
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(CENT, rounding=ROUND_HALF_UP)


def change(before: Decimal | None, now: Decimal | None) -> str:
    """An average's change from the period before: "+0.25", "-0.10", "0.00"; "" when either is missing."""
    if before is None or now is None:
        return ""
    difference = now - before
    return "0.00" if not difference else f"{difference:+.2f}"
