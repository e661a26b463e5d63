"""The rules of the year transition (A2): each student's outcome (the decision given, else promoted, or graduated
from grades 9 and 11), the class each outcome leads to in the new year, the default new classes and the checks of
the decisions. Plain Python, no I/O."""
from dataclasses import dataclass

from services.identity.domain import Problems
from services.identity.domain.class_groups import ClassGroup, successor_name
from services.identity.domain.movement_order import (
    CONDITIONAL_PROMOTION,
    GRADUATION,
    GRADUATION_GRADES,
    PROMOTION,
    REPETITION,
    Debt,
)

PROMOTED, CONDITIONAL, REPEATING, GRADUATED = "promoted", "conditional", "repeating", "graduated"
ORDER_KINDS = {PROMOTED: PROMOTION, CONDITIONAL: CONDITIONAL_PROMOTION, REPEATING: REPETITION,
               GRADUATED: GRADUATION}  # the order each outcome is signed in
DOCUMENTS = {9: "аттестат об основном общем образовании", 11: "аттестат о среднем общем образовании"}


@dataclass(frozen=True)
class Decision:
    student_id: str
    outcome: str
    debts: tuple[Debt, ...] = ()
    document: str = ""


def default_outcome(grade: int) -> str:
    return GRADUATED if grade in GRADUATION_GRADES else PROMOTED


def successor(group: ClassGroup) -> str:
    """The class's name in the new year ("" for the 9th and 11th grades, which graduate)."""
    return "" if group.grade in GRADUATION_GRADES else successor_name(group.name, group.grade, group.grade + 1)


def target_name(group: ClassGroup, outcome: str) -> str:
    """The name of the class the outcome leads to: the successor, the same class name for a repeater, ""."""
    if outcome == REPEATING:
        return group.name
    return "" if outcome == GRADUATED else successor(group)


def default_new_classes(groups: list[ClassGroup]) -> list[tuple[int, str]]:
    """The 1st classes with the letters of the source year's 1st classes."""
    return sorted((1, group.name) for group in groups if group.grade == 1)


def new_year_classes(groups: list[ClassGroup], new_classes: list[tuple[int, str]]) -> set[tuple[int, str]]:
    """(grade, name) of every class of the new year: the continued ones and the new ones."""
    return {(g.grade + 1, successor(g)) for g in groups if g.grade not in GRADUATION_GRADES} | set(new_classes)


def decision_problems(decisions: list[Decision], class_of: dict[str, ClassGroup],
                      new_classes: set[tuple[int, str]]) -> Problems:
    """Every problem of the decisions ("decisions[<i>].<field>"): a student who is not in the year, an unknown
    outcome, a graduation outside grades 9 and 11, a promotion out of them, a repeater without a class to repeat in,
    a conditional promotion without debts, a student decided twice."""
    problems: Problems = {}
    seen: set[str] = set()
    for i, decision in enumerate(decisions):
        field = f"decisions[{i}]"
        group = class_of.get(decision.student_id)
        if not group:
            problems[f"{field}.student_id"] = "обучающегося нет в классах этого учебного года"
        elif decision.student_id in seen:
            problems[f"{field}.student_id"] = "решение об обучающемся уже есть"
        elif decision.outcome not in ORDER_KINDS:
            problems[f"{field}.outcome"] = "promoted, conditional, repeating или graduated"
        elif decision.outcome == GRADUATED and group.grade not in GRADUATION_GRADES:
            problems[f"{field}.outcome"] = "выпускают только из 9-х и 11-х классов"
        elif decision.outcome in (PROMOTED, CONDITIONAL) and group.grade in GRADUATION_GRADES:
            problems[f"{field}.outcome"] = "из 9-х и 11-х классов — выпуск; 10-й класс формируется зачислением"
        elif decision.outcome == CONDITIONAL and not decision.debts:
            problems[f"{field}.debts"] = "укажите академические задолженности"
        elif decision.outcome == REPEATING and (group.grade, group.name) not in new_classes:
            problems[f"{field}.student_id"] = f"в новом году нет класса {group.name} для повторного обучения"
        seen.add(decision.student_id)
    return problems
