"""Which class group continues which at the year transition (A2): every class but the 9th and 11th grades goes on
as grade + 1 with its letter ("5А" -> "6А", "10Б" -> "11Б"); the school's new classes (1st, 10th...) join them, each
with a name of its own. Plain Python, no I/O."""
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from services.common.errors import Conflict, Invalid
from services.schedule.domain.class_group import CLASS_GROUP_NAME, class_group_name

LEAVING_GRADES = frozenset({9, 11})  # their classes finish school (or the basic school) and are not continued


@dataclass(frozen=True)
class NextClass:
    """A class group of a new year: the source class it continues (None for a new class), its grade and name, and
    the source class whose curriculum hours it takes (None: none)."""

    source_id: str | None
    grade: int
    name: str
    hours_from: str | None = None


def successor_name(name: str) -> str:
    """The name of the class a year later: the grade's number + 1, the letter kept ("5А" -> "6А")."""
    match = CLASS_GROUP_NAME.fullmatch(name)
    return f"{int(match[1]) + 1}{match[2]}"


def same_classes(groups: Iterable[Mapping]) -> list[NextClass]:
    """Every class group again, with its grade, name and hours (a copied year)."""
    return [NextClass(g["id"], g["grade"], g["name"], g["id"]) for g in groups]


def continued(groups: Iterable[Mapping]) -> list[NextClass]:
    """The source year's class groups that go on next year, as their next-year classes: the curriculum hours come
    from the source class of the new grade and letter where there is one (old 6А's for the new 6А), else from the
    class itself."""
    groups = list(groups)
    by_name = {g["name"]: g["id"] for g in groups}
    result = []
    for g in groups:
        if g["grade"] not in LEAVING_GRADES:
            name = successor_name(g["name"])
            result.append(NextClass(g["id"], g["grade"] + 1, name, by_name.get(name, g["id"])))
    return result


def next_classes(groups: Iterable[Mapping], new_classes: Sequence[tuple[int, str]]) -> list[NextClass]:
    """The continued classes, then the new ones (grade, name) checked: a grade of 1..11, a name of that grade, no
    name twice (fields new_classes[i].grade / .name)."""
    result = continued(groups)
    taken = {c.name for c in result}
    for index, (grade, name) in enumerate(new_classes):
        field = f"new_classes[{index}]"
        if not 1 <= grade <= 11:
            raise Invalid(f"{field}.grade", "параллель от 1 до 11")
        try:
            name = class_group_name(grade, name)
        except Invalid as error:
            raise Invalid(f"{field}.name", error.fields["name"]) from None
        if name in taken:
            raise Conflict(f"Класс {name} в новом учебном году уже есть", {f"{field}.name": "уже есть"})
        taken.add(name)
        result.append(NextClass(None, grade, name))
    return result
