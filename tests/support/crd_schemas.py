"""The published schemas of the operators' custom resources (deploy/), fetched once per pinned version into the
cache `make` uses for helm (${OTMETKA_CACHE_DIR:-~/.cache/otmetka}), and strict validation of a manifest against them.

Where each schema comes from (docs/operations.md "Running on Kubernetes"):
- CloudNativePG, its barman-cloud plugin, Rook and cert-manager: the CRD YAML in the projects' Go modules, fetched with
  `go mod download` (the Go command as the Makefile uses it for helm) at the pinned versions below. A CRD's
  openAPIV3Schema becomes a JSON Schema that refuses unknown fields wherever Kubernetes would prune them (an object
  with `properties` and without `x-kubernetes-preserve-unknown-fields`), and is checked with jsonschema.
- Strimzi: no registry this machine reaches serves its CRD YAML; the npm package of models generated from the
  released CRDs (STRIMZI_MODELS, see strimzi_models.py) validates values, TypeScript's excess-property check the
  field names.
A download that fails fails the test with the command and its output: nothing is validated against a guess.
"""
import copy
import functools
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

import jsonschema
import yaml

CACHE = pathlib.Path(os.environ.get("OTMETKA_CACHE_DIR") or pathlib.Path.home() / ".cache" / "otmetka")
GO = shutil.which("go") or "/usr/local/go/bin/go"

# (Go module, version, CRD files in it): the operators the manifests in deploy/ are written for
GO_MODULES = {
    "cloudnative-pg": ("github.com/cloudnative-pg/cloudnative-pg", "v1.28.0",
                       ("config/crd/bases/postgresql.cnpg.io_clusters.yaml",
                        "config/crd/bases/postgresql.cnpg.io_scheduledbackups.yaml")),
    "barman-cloud": ("github.com/cloudnative-pg/plugin-barman-cloud", "v0.15.0",
                     ("config/crd/bases/barmancloud.cnpg.io_objectstores.yaml",)),
    "rook": ("github.com/rook/rook", "v1.18.8", ("deploy/examples/crds.yaml",)),
    "cert-manager": ("github.com/cert-manager/cert-manager", "v1.19.1",
                     ("deploy/crds/cert-manager.io_certificates.yaml",
                      "deploy/crds/cert-manager.io_clusterissuers.yaml")),
}


class FetchError(RuntimeError):
    pass


def run(command: list[str], what: str, **kwargs) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise FetchError(f"could not fetch {what}: {' '.join(command)}: {exc}") from exc
    if result.returncode != 0:
        raise FetchError(f"could not fetch {what}: {' '.join(command)} exited {result.returncode}:\n"
                         f"{result.stderr.strip()[-2000:]}")
    return result.stdout


def go_module_files(name: str) -> list[pathlib.Path]:
    """The CRD files of one pinned Go module, from the cache (CACHE/crds/<name>/<version>/) or fetched there once."""
    module, version, files = GO_MODULES[name]
    target = CACHE / "crds" / name / version
    if not all((target / f).is_file() for f in files):
        modcache = CACHE / "go" / "mod"  # shared with the Makefile's helm build
        env = {**os.environ, "GOMODCACHE": str(modcache), "GOTOOLCHAIN": "local", "GOFLAGS": "-mod=mod"}
        with tempfile.TemporaryDirectory() as empty:  # outside any go.mod
            out = run([GO, "mod", "download", "-json", f"{module}@{version}"], f"{module}@{version}", cwd=empty,
                      env=env)
        source = pathlib.Path(json.loads(out)["Dir"])
        staging = target.with_name(f"{version}.tmp.{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        for f in files:
            (staging / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / f, staging / f)
        if target.exists() and not all((target / f).is_file() for f in files):
            shutil.rmtree(target, ignore_errors=True)  # an older list of files for this version
        publish(staging, target)
    return [target / f for f in files]


def publish(staging: pathlib.Path, target: pathlib.Path) -> None:
    """Moves a finished download into its place; one that another run put there first wins (same version)."""
    try:  # rename(2) replaces an empty directory, not a full one
        staging.rename(target)
    except OSError:
        if not target.is_dir():
            raise
        shutil.rmtree(staging, ignore_errors=True)


@functools.cache
def crd_schemas() -> dict[tuple[str, str], dict]:
    """(apiVersion, kind) -> the openAPIV3Schema of that version, for every CRD of GO_MODULES."""
    schemas = {}
    for name in GO_MODULES:
        for path in go_module_files(name):
            for doc in yaml.safe_load_all(path.read_text()):
                if not doc or doc.get("kind") != "CustomResourceDefinition":
                    continue
                spec = doc["spec"]
                for version in spec["versions"]:
                    schemas[(f"{spec['group']}/{version['name']}", spec["names"]["kind"])] = \
                        version["schema"]["openAPIV3Schema"]
    return schemas


def structural_to_json_schema(schema: dict) -> dict:
    """A CRD's structural schema as JSON Schema: unknown fields refused where Kubernetes prunes them, the
    Kubernetes extensions (int-or-string, nullable, embedded resources) as JSON Schema says them."""
    s = copy.deepcopy(schema)

    def convert(node: dict) -> dict:
        for key in ("properties", "patternProperties"):
            for name, child in node.get(key, {}).items():
                node[key][name] = convert(child)
        for key in ("items", "additionalProperties", "not"):
            if isinstance(node.get(key), dict):
                node[key] = convert(node[key])
        for key in ("allOf", "anyOf", "oneOf"):
            if key in node:
                node[key] = [convert(child) for child in node[key]]
        if node.pop("x-kubernetes-int-or-string", False):
            node.pop("type", None)
            node["anyOf"] = [*node.get("anyOf", []), {"type": "integer"}, {"type": "string"}]
        if node.get("x-kubernetes-embedded-resource"):
            node.setdefault("properties", {}).update(
                {"apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"}})
        if (node.get("type") == "object" and "properties" in node and "additionalProperties" not in node
                and not node.get("x-kubernetes-preserve-unknown-fields")):
            node["additionalProperties"] = False
        if node.pop("nullable", False) and "type" in node:
            node["type"] = [node["type"], "null"]
        return node

    return convert(s)


def validate(manifest: dict) -> None:
    """Raises jsonschema.ValidationError (with the path of the offending field) unless the manifest is valid for
    the published CRD of its apiVersion and kind; KeyError for a kind no pinned CRD defines."""
    key = (manifest.get("apiVersion"), manifest.get("kind"))
    schema = structural_to_json_schema(crd_schemas()[key])
    # metadata is the API server's ObjectMeta (the CRD says only "object"): the fields we write are checked here
    jsonschema.validate(manifest, schema, cls=jsonschema.Draft7Validator)
    allowed = {"name", "namespace", "labels", "annotations"}
    unknown = set(manifest.get("metadata", {})) - allowed
    if unknown or "name" not in manifest.get("metadata", {}):
        raise jsonschema.ValidationError(f"metadata must have a name and only {sorted(allowed)}: {sorted(unknown)}")
