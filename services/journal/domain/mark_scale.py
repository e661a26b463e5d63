"""The school's mark scale (J2): five-point 1..5 (the default), ten-point 1..10 or pass/fail (зачёт / незачёт).
Current marks, term and final marks and paper imports are on the school's scale; a pass/fail scale has no
average. Plain Python, no I/O."""
from services.common.errors import Invalid
from services.common.mark_scales import FIVE_POINT, PASS_FAIL, TEN_POINT, VALUES

NAMES = {FIVE_POINT: "пятибалльная (1–5)", TEN_POINT: "десятибалльная (1–10)", PASS_FAIL: "зачёт / незачёт"}
HINTS = {FIVE_POINT: "от 1 до 5", TEN_POINT: "от 1 до 10", PASS_FAIL: "«зачёт» или «незачёт»"}
ALIASES = {"зачет": "зачёт", "незачет": "незачёт", "зач": "зачёт", "незач": "незачёт"}


def scale(value, key: str = "mark_scale") -> str:
    """A known scale code (the policy setting's check)."""
    if value not in VALUES:
        raise Invalid(key, "шкала отметок: five_point (1–5), ten_point (1–10) или pass_fail (зачёт/незачёт)")
    return value


def normalized(raw: str) -> str:
    cleaned = (raw or "").strip().lower()
    return ALIASES.get(cleaned, cleaned)


def mark(raw: str, school_scale: str, field: str) -> str:
    """A current mark on the school's scale ("зачет" is read as "зачёт")."""
    value = normalized(raw)
    if value not in VALUES[school_scale]:
        raise Invalid(field, f"отметка по шкале школы ({NAMES[school_scale]}): {HINTS[school_scale]}")
    return value


def has_average(school_scale: str) -> bool:
    return school_scale != PASS_FAIL
