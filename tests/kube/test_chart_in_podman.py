"""The chart's pods, from the image `make image` built, under `podman kube play` against the native stack: the
migrations Job's command first, then every Deployment, each waited for until its readiness probe passes, then the
end-to-end smoke through the containerised gateway (a teacher saves a lesson, the guardian reads it, the summary
sheet shows it). `make kube-test` (after `make image`); not part of `make test`: it replaces the launcher's processes
with the pods on the same ports for its duration (tests/support/kube_play.py says what is adapted for podman)."""
import os
import time
import uuid

import pytest
from keycloak import KeycloakAdmin

from services import launcher, topology
from services.identity.domain.snils import snils_digits
from services.tooling.municipality import snils_with_checksum
from tests.e2e.test_walking_skeleton import WEEK, record_lesson, seeded_school
from tests.support import kube_play
from tests.support.api import Api, browser_login
from tests.support.stack import env as stack_env

HELM = os.environ.get("OTMETKA_HELM", "")
SERVICES = [f"{kube_play.RELEASE}-{name}" for name in (*topology.SERVICES, "gateway")]


@pytest.fixture(scope="module")
def pods(tmp_path_factory):
    if not os.path.exists(HELM):
        pytest.fail(f"helm is not installed ({HELM or 'OTMETKA_HELM is not set'}): run `make kube-test`")
    stack = stack_env()
    image = kube_play.image()
    workdir = tmp_path_factory.mktemp("kube")
    resources = kube_play.render(HELM, kube_play.values(stack, image), workdir)
    folders = kube_play.host_files(stack, workdir)
    kube_play.create_secrets(stack)
    launcher.down()  # the pods take the launcher's ports
    kube_play.remove_pods()
    try:
        kube_play.play([kube_play.migrations_pod(resources, folders)], workdir / "migrations.yaml")
        code, log = kube_play.wait_exit(f"{kube_play.RELEASE}-migrations")
        assert code == 0, f"the migrations job failed:\n{log[-3000:]}"
        played = kube_play.deployments(resources, folders)
        kube_play.play(played, workdir / "apps.yaml")
        kube_play.wait_ready(played)
        yield {"played": played, "migrations_log": log}
    finally:
        kube_play.remove_pods()
        kube_play.remove_secrets(stack)
        launcher.up()


def test_every_process_of_the_chart_runs_from_the_image_and_is_ready(pods):
    running = kube_play.containers()
    assert sorted(name for name in running if name in SERVICES) == sorted(SERVICES)
    image = kube_play.image()
    for name in SERVICES:
        assert running[name]["State"] == "running", name
        assert running[name]["Image"] == image, name
    assert "deployed:" in pods["migrations_log"]


def test_the_processes_run_unprivileged_on_a_read_only_root(pods):
    """The chart's security context as the container runtime applied it: the image's user, no capability, nothing
    written outside the volumes (/tmp and the chart's emptyDirs)."""
    running = kube_play.containers()
    for name in SERVICES:
        check = kube_play.podman("exec", running[name]["Id"], "sh", "-c",
                                 "id -u; grep CapEff /proc/1/status; touch /opt/otmetka/x 2>&1; touch /tmp/x && echo tmp",
                                 check=False).stdout.splitlines()
        assert check[0] == str(kube_play.IMAGE_USER), (name, check)
        assert check[1].split() == ["CapEff:", "0000000000000000"], (name, check)
        assert "Read-only file system" in check[2] and check[3] == "tmp", (name, check)


@pytest.fixture
def guardian_account():
    """A Gosuslugi-confirmed account of its own (a realm user with the attributes the broker sets: SNILS, trusted),
    removed after: the stand-in's ivanova is a guardian in every school the suites made, and her login visits each."""
    env = stack_env()
    keycloak = KeycloakAdmin(server_url=env["OTMETKA_KEYCLOAK_URL"], realm_name=env["OTMETKA_KEYCLOAK_REALM"],
                             client_id="otmetka-identity", client_secret_key=env["OTMETKA_IDENTITY_CLIENT_SECRET"])
    snils = snils_digits(snils_with_checksum(uuid.uuid4().int % 10**9))
    username, password = f"kube-guardian-{uuid.uuid4().hex[:8]}", f"Pw-{uuid.uuid4().hex}"
    user_id = keycloak.create_user({
        "username": username, "enabled": True, "firstName": "Анна", "lastName": "Кузнецова",
        "attributes": {"snils": [snils], "trusted": ["true"], "birthdate": ["1986-04-11"], "gender": ["female"]},
        "credentials": [{"type": "password", "value": password, "temporary": False}]})
    yield {"username": username, "password": password, "snils": snils}
    keycloak.delete_user(user_id)


def test_a_lesson_saved_through_the_containerised_gateway_reaches_the_guardian_and_the_summary_sheet(
        pods, guardian_account):
    school = seeded_school()
    recorded = record_lesson(school)
    sid, (s1, _), admin = school["id"], school["students"], school["admin"]
    mother = admin.post(f"/schools/{sid}/people", {
        "kind": "guardian", "last_name": "Кузнецова", "first_name": "Анна", "middle_name": "", "gender": "female",
        "birth_date": "1986-04-11", "snils": guardian_account["snils"]})["person"]
    admin.post(f"/schools/{sid}/guardianships", {"guardian_id": mother["id"], "student_id": s1["id"], "relation": "mother"})
    login = browser_login(guardian_account["username"], guardian_account["password"])
    assert login.status_code == 200 and "Дневник" in login.text, (login.url, login.text[:1000])
    [entry] = Api(session=login.session).get(f"/schools/{sid}/students/{s1['id']}/diary", params=WEEK)["entries"]
    assert (entry["topic"], [m["value"] for m in entry["marks"]]) == ("Натуральные числа и шкалы", ["5"])
    cg = school["class_group"]["id"]
    while True:  # reporting, fed by Kafka from the journal's pod
        sheet = admin.get(f"/schools/{sid}/class-groups/{cg}/summary-sheet")
        row = next((r for r in sheet["rows"] if r["student_id"] == s1["id"]), None)
        if row and any("5" in cell["marks"] for cell in row["cells"]):
            break
        assert time.monotonic() - recorded["written_at"] < 30, f"the mark is not in the summary sheet: {sheet}"
        time.sleep(0.5)
