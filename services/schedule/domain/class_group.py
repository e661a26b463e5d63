"""What a valid class group name is: the grade's number and a Cyrillic letter ('5а' -> '5А'). Plain Python, no I/O."""
import re

from services.common.errors import Invalid

CLASS_GROUP_NAME = re.compile(r"(\d{1,2})([А-ЯЁ])")


def class_group_name(grade: int, name: str) -> str:
    """'5а' -> '5А'; the number must be the grade."""
    if not 1 <= grade <= 11:
        raise Invalid("grade", "параллель от 1 до 11")
    normalized = (name or "").strip().upper()
    match = CLASS_GROUP_NAME.fullmatch(normalized)
    if not match:
        raise Invalid("name", "ожидается название вида 5А (номер параллели и буква кириллицы)")
    if int(match[1]) != grade:
        raise Invalid("name", f"класс {normalized} не относится к {grade}-й параллели")
    return normalized
