"""`make run` prints the saved demo logins only while they still work in this installation and this school year."""
import datetime as dt
import uuid

from services.tooling.api_client import Api, activate, password_token
from services.tooling.demo_seed import still_there


def test_a_saved_demo_counts_only_while_its_school_its_login_and_its_year_are_there(installation):
    operator = Api(password_token(installation, "operator", installation["OTMETKA_OPERATOR_PASSWORD"]))
    onboarded = operator.post("/schools", {
        "name": "Муниципальное бюджетное общеобразовательное учреждение «Демо-проверка»",
        "short_name": f"Демо-проверка {uuid.uuid4().hex[:4]}",
        "admin": {"last_name": "Смирнова", "first_name": "Ольга", "middle_name": "Ивановна", "email": ""}})
    password = activate(onboarded["admin"]["activation_code"])
    demo = {"school": onboarded["school"]["name"], "school_id": onboarded["school"]["id"], "start_year": 2026,
            "logins": [("администратор школы", onboarded["admin"]["username"], password)]}
    today = dt.date(2026, 12, 6)

    assert still_there(installation, demo, today)
    assert not still_there(installation, {**demo, "start_year": 2025}, today)  # a new school year began
    assert not still_there(installation, {**demo, "school_id": str(uuid.uuid4())}, today)  # the databases were reset
    assert not still_there(installation, {**demo, "logins": [("", onboarded["admin"]["username"], "Старый-1")]},
                           today)  # Keycloak was reset: the saved password no longer logs in
    assert not still_there(installation, {k: v for k, v in demo.items() if k != "school_id"}, today)  # saved before
