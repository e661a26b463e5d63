"""Test-wide fixtures: the running installation on the real stack, for end-to-end tests."""
import pytest

from services import deploy, launcher, topology


@pytest.fixture(scope="session")
def installation() -> dict[str, str]:
    """Deploys and starts every service and the gateway (no-op when already running)."""
    stack = topology.stack_env()
    deploy.main([])
    launcher.up()
    return stack
