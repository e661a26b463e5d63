"""The year-end archive in the end-to-end tests: a school's director (a login of their own) with the school card's
INN and OGRN filled in, who signs the packages of a closed year; and the wait until they are sealed."""
import time

from services.tooling.api_client import Api, password_token, with_login

INN, OGRN = "7701234560", "1027700123450"  # valid check digits


def director_of(stack_env: dict[str, str], admin: Api, sid: str) -> Api:
    """The school's director (see director_login), signed in."""
    return Api(password_token(stack_env, *director_login(stack_env, admin, sid)))


def director_login(stack_env: dict[str, str], admin: Api, sid: str) -> tuple[str, str]:
    """The login (username, password) of the school's new director, after the card got its INN and OGRN (the
    package and the certificate name them)."""
    card = admin.get(f"/schools/{sid}")
    admin.put(f"/schools/{sid}", {"name": card["name"], "short_name": card["short_name"],
                                  "details": {**card.get("details", {}), "inn": INN, "ogrn": OGRN}})
    director = with_login(admin.post(f"/schools/{sid}/people", {
        "kind": "staff", "last_name": "Соколова", "first_name": "Марина", "middle_name": "Викторовна",
        "gender": "female", "birth_date": "1970-03-14", "roles": ["director"], "create_account": True}))
    return director["person"]["username"], director["password"]


def packages_of(api: Api, sid: str, year_id: str) -> dict[str, dict]:
    """The year's packages by record class."""
    return {p["record_class"]: p for p in api.get(f"/schools/{sid}/archives")["packages"]
            if p["academic_year_id"] == year_id}


def wait_for(api: Api, sid: str, year_id: str, done, timeout: float = 120) -> dict[str, dict]:
    deadline = time.monotonic() + timeout
    while True:
        packages = packages_of(api, sid, year_id)
        if len(packages) == 2 and all(done(p) for p in packages.values()):
            return packages
        assert time.monotonic() < deadline, f"the year's packages did not get there: {packages}"
        time.sleep(0.3)


def signed_packages(director: Api, sid: str, year_id: str) -> dict[str, dict]:
    """Waits for the closed year's packages, signs each as the director and waits until they are sealed (or failed:
    asserted not); by record class (journal, summary_sheet)."""
    for package in wait_for(director, sid, year_id, lambda p: p["status"] == "awaiting_signature").values():
        director.post(f"/schools/{sid}/archives/{package['id']}/sign", {}, expect=200)
    packages = wait_for(director, sid, year_id, lambda p: p["status"] in ("sealed", "failed"))
    assert {p["status"] for p in packages.values()} == {"sealed"}, packages
    return packages
