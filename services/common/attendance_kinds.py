"""The attendance kinds a lesson records (the journal's statuses) with the names people see: the journal's policy and
grid carry them, reporting's attendance sheet counts the lessons missed by them; each kind's letter, typed into the
grid and printed in the class journal."""
ATTENDANCE_KINDS = {"absent": "Н — отсутствовал", "late": "опоздал", "ill": "Б — болел", "excused": "УП — уважительная",
                    "unexcused": "НП — неуважительная"}


def letter(name: str) -> str:
    """An attendance kind's letter as the paper journal writes it, from its name (as the school names it): the letters
    before « — » (н, б, уп, нп), else the first two letters (опоздал: оп)."""
    return (name.split(" — ")[0] if " — " in name else name[:2]).lower()


LETTERS = {code: letter(name) for code, name in ATTENDANCE_KINDS.items()}
