"""The key a guardian record and a Gosuslugi login are matched by when SNILS does not match: full name,
gender and birth date, case and ё/е insensitive, stored only as a hash."""
import datetime as dt
import hashlib

CLAIMS = ("family_name", "given_name", "middle_name", "gender", "birthdate")


def match_key(last_name: str, first_name: str, middle_name: str, gender: str | None,
              birth_date: dt.date | str | None) -> str | None:
    """None when gender or birth date is missing: such records are never matched by name."""
    if not gender or not birth_date or not last_name or not first_name:
        return None
    born = birth_date.isoformat() if isinstance(birth_date, dt.date) else birth_date
    parts = (last_name, first_name, middle_name or "", gender, born)
    text = "|".join(" ".join(part.lower().replace("ё", "е").split()) for part in parts)
    return hashlib.sha256(text.encode()).hexdigest()


def claimed(claims: dict) -> dict[str, str]:
    """The person data of a Gosuslugi token (the claims the realm's mappers put there)."""
    return {name: str(claims.get(name) or "").strip() for name in CLAIMS}


def claims_key(claims: dict) -> str | None:
    data = claimed(claims)
    try:
        born = dt.date.fromisoformat(data["birthdate"]).isoformat() if data["birthdate"] else None
    except ValueError:
        return None
    gender = data["gender"].lower() if data["gender"].lower() in ("male", "female") else None
    return match_key(data["family_name"], data["given_name"], data["middle_name"], gender, born)
