"""The realm's clients on the running Keycloak (infra/keycloak/check_realm.py): the operator's token, identity's
client that administers accounts, and the other services' client that may administer nothing."""
import pytest

from tests.support import stack
from tests.support.api import check_broker  # noqa: F401  (puts infra/keycloak on the path)


@pytest.fixture(scope="module")
def check_realm():
    check_broker()
    import check_realm

    return check_realm


@pytest.mark.parametrize("check", ["check_operator", "check_identity", "check_services"])
def test_realm_client(check_realm, check):
    env = stack.env()
    getattr(check_realm, check)(env, env["OTMETKA_KEYCLOAK_URL"].rstrip("/"), env["OTMETKA_KEYCLOAK_REALM"])
