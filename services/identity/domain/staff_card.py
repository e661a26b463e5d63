"""The staff card: position, qualification category, functions and diploma specialty, and their checks."""
from dataclasses import dataclass

from services.identity.domain import Problems

CATEGORIES = ("none", "fit", "first", "highest")  # без категории, соответствие должности, первая, высшая
STAFF_TEXTS = {"position": 300, "functions": 2000, "diploma_specialty": 300}


@dataclass(frozen=True)
class StaffCard:
    position: str = ""
    qualification_category: str = ""
    functions: str = ""
    diploma_specialty: str = ""

    @classmethod
    def cleaned(cls, **values: str) -> "StaffCard":
        return cls(**{k: v.strip() for k, v in values.items()})

    @property
    def empty(self) -> bool:
        return not any(vars(self).values())


def staff_card_problems(card: StaffCard, kind: str) -> Problems:
    if card.empty:
        return {}
    if kind != "staff":
        return {"staff": "карточка сотрудника заполняется только для сотрудников"}
    problems = {f"staff.{field}": f"не длиннее {limit} символов"
                for field, limit in STAFF_TEXTS.items() if len(getattr(card, field)) > limit}
    if card.qualification_category and card.qualification_category not in CATEGORIES:
        problems["staff.qualification_category"] = "none, fit, first или highest"
    return problems
