"""The dependencies' manifests (deploy/) are valid for the operators they are written for: every custom resource
strictly against its published CRD at the pinned version (tests/support/crd_schemas.py, strimzi_models.py; fetched
once into the cache), and the generated ones (the Kafka topics, the realm import) are what the code makes today."""
import copy
import pathlib
import re

import jsonschema
import pytest
import yaml

from services import deploy, topology
from services.tooling import deploy_manifests
from tests.support import crd_schemas, strimzi_models

DEPLOY = pathlib.Path(__file__).resolve().parents[2] / "deploy"


VALUES = DEPLOY / "otmetka-values.yaml"  # the chart's values naming these resources, no resource itself


def manifests(folder: str = "") -> list[dict]:
    return [doc for path in sorted((DEPLOY / folder).rglob("*.yaml")) if path != VALUES
            for doc in yaml.safe_load_all(path.read_text()) if doc]


def strimzi(doc: dict) -> bool:
    return doc["apiVersion"].startswith("kafka.strimzi.io/")


def test_every_manifest_is_a_resource_of_a_pinned_operator():
    docs = manifests()
    kinds = {(doc["apiVersion"], doc["kind"]) for doc in docs}
    assert {("postgresql.cnpg.io/v1", "Cluster"), ("postgresql.cnpg.io/v1", "ScheduledBackup"),
            ("barmancloud.cnpg.io/v1", "ObjectStore"), ("kafka.strimzi.io/v1", "Kafka"),
            ("kafka.strimzi.io/v1", "KafkaNodePool"), ("kafka.strimzi.io/v1", "KafkaTopic"),
            ("k8s.keycloak.org/v2alpha1", "Keycloak"), ("k8s.keycloak.org/v2alpha1", "KeycloakRealmImport"),
            ("ceph.rook.io/v1", "CephObjectStore"), ("cert-manager.io/v1", "Certificate")} <= kinds


@pytest.mark.parametrize("doc", [d for d in manifests() if not strimzi(d) and not d["apiVersion"].startswith(
    "k8s.keycloak.org/")], ids=lambda d: f"{d['kind']}/{d['metadata']['name']}")
def test_a_resource_is_valid_for_its_published_crd(doc):
    crd_schemas.validate(doc)


def test_the_strimzi_resources_are_valid_for_the_released_crds():
    docs = [d for d in manifests() if strimzi(d)]
    assert len(docs) == 2 + len(deploy.topics())
    assert strimzi_models.problems(docs) == [[] for _ in docs]


def cluster() -> dict:
    return next(d for d in manifests("postgresql") if d["kind"] == "Cluster")


@pytest.mark.parametrize("change, refused", [
    (lambda d: d["spec"].update(replicas=3), "Additional properties are not allowed ('replicas'"),
    (lambda d: d["spec"]["storage"].update(sise="1Gi"), "Additional properties are not allowed ('sise'"),
    (lambda d: d["spec"].update(instances="three"), "'three' is not of type 'integer'"),
    (lambda d: d["spec"].update(primaryUpdateStrategy="always"), "'always' is not one of"),
    (lambda d: d["spec"].update(instances=0), "0 is less than the minimum of 1"),
])
def test_a_wrong_field_or_value_is_refused(change, refused):
    doc = copy.deepcopy(cluster())
    change(doc)
    with pytest.raises(jsonschema.ValidationError, match=re.escape(refused)):
        crd_schemas.validate(doc)


def test_a_field_the_crd_leaves_open_is_accepted():
    doc = copy.deepcopy(cluster())
    doc["spec"]["postgresql"]["parameters"]["work_mem"] = "16MB"  # parameters: a map of any names
    crd_schemas.validate(doc)


def test_a_wrong_strimzi_field_or_value_is_refused():
    topic = next(d for d in manifests("kafka") if d["kind"] == "KafkaTopic")
    misnamed, mistyped = copy.deepcopy(topic), copy.deepcopy(topic)
    misnamed["spec"]["replica"] = 3
    mistyped["spec"]["partitions"] = "three"
    found = strimzi_models.problems([topic, misnamed, mistyped])
    assert found[0] == []
    assert any("'\"replica\"' does not exist" in p for p in found[1]), found[1]
    assert any("partitions must be integer" in p for p in found[2]), found[2]


def test_every_topic_the_services_use_is_a_kafka_topic_with_three_replicas_two_in_sync():
    topics = {d["spec"]["topicName"]: d["spec"] for d in manifests("kafka") if d["kind"] == "KafkaTopic"}
    assert sorted(topics) == sorted(deploy.topics()) and len(topics) == 6
    for spec in topics.values():
        assert (spec["partitions"], spec["replicas"], spec["config"]["min.insync.replicas"]) == (
            deploy.TOPIC_PARTITIONS, 3, 2)


def test_the_generated_manifests_are_what_the_code_makes_today():
    for path, text in deploy_manifests.generated().items():
        assert path.read_text() == text, f"{path} is out of date: python -m services.tooling.deploy_manifests"


def test_the_realm_import_is_the_development_realm_with_production_addresses():
    (doc,) = [d for d in manifests("keycloak") if d["kind"] == "KeycloakRealmImport"]
    realm = doc["spec"]["realm"]
    assert doc["kind"] == "KeycloakRealmImport" and realm["realm"] == "otmetka"
    assert "127.0.0.1" not in yaml.safe_dump(realm) and realm["sslRequired"] == "all"
    assert set(doc["spec"]["placeholders"]) == {
        "OTMETKA_BROKER_CLIENT_SECRET", "OTMETKA_GATEWAY_CLIENT_SECRET", "OTMETKA_IDENTITY_CLIENT_SECRET",
        "OTMETKA_OPERATOR_PASSWORD", "OTMETKA_SERVICES_CLIENT_SECRET"}


def test_keycloak_runs_with_the_option_the_realm_needs():
    (keycloak,) = [d for d in manifests("keycloak") if d["kind"] == "Keycloak"]
    options = {o["name"]: o["value"] for o in keycloak["spec"]["additionalOptions"]}
    assert options["spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests"] == "true"


def test_a_schema_that_cannot_be_fetched_fails_with_what_was_asked(tmp_path, monkeypatch):
    monkeypatch.setattr(crd_schemas, "CACHE", tmp_path)
    monkeypatch.setattr(crd_schemas, "GO", "/bin/false")
    with pytest.raises(crd_schemas.FetchError, match=r"could not fetch github.com/rook/rook@v1\.18\.8: .* exited 1"):
        crd_schemas.go_module_files("rook")
    assert not list(tmp_path.rglob("*.yaml"))


def test_postgresql_lets_our_certificate_in_as_every_role_services_deploy_creates():
    postgresql = cluster()["spec"]["postgresql"]
    assert postgresql["pg_hba"][0] == "hostnossl all all all reject"
    assert "hostssl all all all cert map=otmetka" in postgresql["pg_hba"]
    assert sorted(line.split()[2] for line in postgresql["pg_ident"]) == sorted(
        f"{name}_{role}" for name in topology.DATABASES for role in ("owner", "app"))


def test_an_unknown_field_of_an_object_that_may_be_null_is_refused():
    store = copy.deepcopy(next(d for d in manifests("object-store") if d["kind"] == "CephObjectStore"))
    store["spec"]["gateway"]["sslCertRef"] = "otmetka-s3-tls"  # gateway: a nullable object in Rook's CRD
    with pytest.raises(jsonschema.ValidationError, match=re.escape("('sslCertRef' was unexpected)")):
        crd_schemas.validate(store)


def leaves(values: dict, prefix: str = "") -> set[str]:
    return {key for name, value in values.items() for key in (
        leaves(value, f"{prefix}{name}.") if isinstance(value, dict) else {f"{prefix}{name}"})}


def by_kind(kind: str) -> dict[str, dict]:
    return {d["metadata"]["name"]: d for d in manifests() if d["kind"] == kind}


def test_the_charts_values_name_what_the_manifests_make():
    values = yaml.safe_load(VALUES.read_text())
    chart = yaml.safe_load((DEPLOY.parent / "charts" / "otmetka" / "values.yaml").read_text())
    assert leaves(values) <= leaves(chart), "a value the chart does not have"
    certificates = {name: set(c["spec"].get("dnsNames", ())) for name, c in by_kind("Certificate").items()}
    pg = by_kind("Cluster")["otmetka-pg"]
    assert values["postgres"]["host"] == f"{pg['metadata']['name']}-rw.{pg['metadata']['namespace']}.svc"
    assert values["postgres"]["host"] in certificates[pg["spec"]["certificates"]["serverTLSSecret"]]
    (kafka,) = by_kind("Kafka").values()
    (listener,) = kafka["spec"]["kafka"]["listeners"]
    host, port = values["kafka"]["bootstrap"].split(":")
    assert (host, int(port)) == (f"{kafka['metadata']['name']}-kafka-bootstrap.{kafka['metadata']['namespace']}.svc",
                                 listener["port"]) and listener["tls"]
    assert host in certificates[listener["configuration"]["brokerCertChainAndKey"]["secretName"]]
    (keycloak,) = by_kind("Keycloak").values()
    assert values["keycloak"]["url"] == keycloak["spec"]["hostname"]["hostname"]
    assert values["keycloak"]["url"].removeprefix("https://") in certificates[keycloak["spec"]["http"]["tlsSecret"]]
    store = by_kind("CephObjectStore")["otmetka"]
    assert values["minio"]["endpoint"] == f"s3.example.internal:{store['spec']['gateway']['securePort']}"
    assert "s3.example.internal" in certificates[store["spec"]["gateway"]["sslCertificateRef"]]
    assert values["tls"]["secret"] in certificates


def test_every_reference_between_the_manifests_resolves():
    kafka, clusters, stores = by_kind("Kafka"), by_kind("Cluster"), by_kind("ObjectStore")
    for doc in manifests("kafka"):
        if doc["kind"] in ("KafkaNodePool", "KafkaTopic"):
            assert doc["metadata"]["labels"]["strimzi.io/cluster"] in kafka
    for cluster in clusters.values():
        (plugin,) = cluster["spec"]["plugins"]
        assert plugin["parameters"]["barmanObjectName"] in stores
        assert {cluster["spec"]["certificates"][k] for k in ("serverTLSSecret", "serverCASecret")} <= set(
            by_kind("Certificate"))
    for backup in by_kind("ScheduledBackup").values():
        assert backup["spec"]["cluster"]["name"] in clusters
    (realm_import,) = by_kind("KeycloakRealmImport").values()
    assert realm_import["spec"]["keycloakCRName"] in by_kind("Keycloak")
    (keycloak,) = by_kind("Keycloak").values()
    assert keycloak["spec"]["db"]["host"].split(".")[0].removesuffix("-rw") in clusters
    issuers = by_kind("ClusterIssuer")
    assert all(c["spec"]["issuerRef"]["name"] in issuers for c in by_kind("Certificate").values())
