"""The Helm chart lints strictly and renders every service, the gateway and the migrations job."""
import os
import pathlib
import subprocess

import pytest

# `make test` builds helm once into the cache and names it in OTMETKA_HELM
HELM = os.environ.get("OTMETKA_HELM") or next(iter(sorted(pathlib.Path.home().glob(".cache/otmetka/helm/v*/helm"))), "")
CHART = pathlib.Path(__file__).resolve().parents[2] / "charts" / "otmetka"


@pytest.fixture(scope="module")
def helm() -> str:
    if not HELM or not os.path.exists(HELM):
        pytest.fail(f"helm is not installed ({HELM or 'OTMETKA_HELM is not set'}): run `make test`, which builds it")
    return HELM


def test_chart_lints(helm):
    subprocess.run([helm, "lint", "--strict", str(CHART)], check=True, capture_output=True)


def test_chart_renders_every_process(helm):
    out = subprocess.run([helm, "template", "otmetka", str(CHART), "--kube-version", "1.31.0"],
                         check=True, capture_output=True, text=True).stdout
    for name in ("identity", "schedule", "journal", "reporting", "archive", "gateway"):
        assert f"name: otmetka-{name}\n" in out
    assert "kind: Job" in out and "services.deploy" in out


def test_only_the_release_reaches_the_services(helm):
    out = subprocess.run([helm, "template", "otmetka", str(CHART), "--kube-version", "1.31.0"],
                         check=True, capture_output=True, text=True).stdout
    assert out.count("kind: NetworkPolicy") == 5
    assert "name: OTMETKA_TRUSTED_PEERS" in out and "name: OTMETKA_GATEWAY_PROXY_HOPS" in out
