"""The live realm has the brute-force protection and password policy of infra/keycloak/otmetka-realm.json
(the realm is imported when Keycloak is reset: `infra/stack.sh reset keycloak` after changing the file)."""
import json
import pathlib

import pytest

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
