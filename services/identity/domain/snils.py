"""SNILS (СНИЛС): as people write it, and its checksum."""
import re


def snils_digits(raw: str) -> str:
    """The SNILS as written by people (with spaces and dashes) reduced to its characters without them."""
    return re.sub(r"[\s\-]", "", raw or "")


def valid_snils(value: str) -> bool:
    """11 digits whose last two are the checksum of the first nine (weights 9..1, modulo 101)."""
    if not re.fullmatch(r"\d{11}", value or ""):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value[:9], range(9, 0, -1), strict=True))
    if total < 100:
        checksum = total
    elif total in (100, 101):
        checksum = 0
    else:
        checksum = total % 101
        checksum = 0 if checksum == 100 else checksum
    return int(value[9:]) == checksum
