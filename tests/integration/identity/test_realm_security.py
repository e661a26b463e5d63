"""The live realm has the brute-force protection and password policy of infra/keycloak/otmetka-realm.json
(the realm is imported when Keycloak is reset: `infra/stack.sh reset keycloak` after changing the file)."""
import json
import pathlib
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.support import stack

pytestmark = pytest.mark.stack
REALM_FILE = pathlib.Path(__file__).parents[3] / "infra" / "keycloak" / "otmetka-realm.json"
SECURITY = ("bruteForceProtected", "permanentLockout", "failureFactor", "waitIncrementSeconds",
            "maxFailureWaitSeconds", "minimumQuickLoginWaitSeconds", "quickLoginCheckMilliSeconds",
            "maxDeltaTimeSeconds", "passwordPolicy")


def test_the_file_locks_guessing_and_demands_decent_passwords():
    realm = json.loads(REALM_FILE.read_text())
    assert realm["bruteForceProtected"] is True and realm["failureFactor"] <= 5
    policy = dict(rule.rstrip(")").split("(") for rule in realm["passwordPolicy"].split(" and "))
    assert int(policy["length"]) >= 10 and {"notUsername", "notEmail", "passwordHistory"} <= set(policy)


def test_the_live_realm_has_the_files_settings(identity):
    live = identity.keycloak.get_realm(identity.keycloak.connection.realm_name)
    expected = json.loads(REALM_FILE.read_text())
    assert {key: live.get(key) for key in SECURITY} == {key: expected[key] for key in SECURITY}


def test_a_user_may_sign_in_from_several_devices_at_once(identity):
    """Brute-force detection must not refuse a correct login while another of the same user is in flight (Keycloak
    26 does by default: infra/stack.sh allows concurrent requests)."""
    username, password = f"test-devices-{uuid.uuid4().hex[:8]}", f"Pw-{uuid.uuid4().hex}"
    user_id = identity.keycloak.create_user({
        "username": username, "enabled": True, "firstName": "Ольга", "lastName": "Родителева",
        "credentials": [{"type": "password", "value": password, "temporary": False}]})
    try:
        with ThreadPoolExecutor(6) as pool:
            tokens = list(pool.map(lambda _: stack.password_token(username, password), range(6)))
        assert len(set(tokens)) == 6
    finally:
        identity.keycloak.delete_user(user_id)
