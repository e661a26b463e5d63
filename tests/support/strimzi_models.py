"""Strimzi's custom resources checked against its released CRDs, as the npm package of models generated from them
carries them (crd_schemas.py says why): each manifest is given to the model's own validator (types, enums,
required fields, ranges of the CRD) and type-checked by TypeScript against the model's interface, whose
excess-property check refuses a field the CRD does not have (Kubernetes would prune it). Installed once per pinned
version into the cache (${OTMETKA_CACHE_DIR:-~/.cache/otmetka}/npm/)."""
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

from tests.support.crd_schemas import CACHE, publish, run

# generated from the CRDs of Strimzi 0.49.0 and 1.0.0 (the package's own build names both releases)
MODELS = ("@kubernetes-models/strimzi-kafka-operator", "1.0.1")
TYPESCRIPT = ("typescript", "5.9.3")
NPM = shutil.which("npm") or "npm"
NODE = shutil.which("node") or "node"


def installed() -> pathlib.Path:
    target = CACHE / "npm" / f"strimzi-models-{MODELS[1]}-ts-{TYPESCRIPT[1]}"
    if not (target / ".complete").is_file():
        staging = target.with_name(f"{target.name}.tmp.{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        run([NPM, "install", "--prefix", str(staging), "--no-audit", "--no-fund", "--ignore-scripts",
             "--no-package-lock", f"{MODELS[0]}@{MODELS[1]}", f"{TYPESCRIPT[0]}@{TYPESCRIPT[1]}"],
            f"{MODELS[0]}@{MODELS[1]} and {TYPESCRIPT[0]}@{TYPESCRIPT[1]}")
        (staging / ".complete").touch()
        if target.exists() and not (target / ".complete").is_file():
            shutil.rmtree(target, ignore_errors=True)  # an install that did not finish
        publish(staging, target)
    return target


def module_of(manifest: dict) -> str:
    group, version = manifest["apiVersion"].split("/")
    if group != "kafka.strimzi.io":
        raise KeyError(f"not a Strimzi resource: {manifest['apiVersion']}")
    return f"{MODELS[0]}/{group}/{version}/{manifest['kind']}"


def problems(manifests: list[dict]) -> list[list[str]]:
    """For each manifest, what its CRD refuses in it (empty: valid)."""
    root = installed()
    with tempfile.TemporaryDirectory(dir=root) as work:
        work = pathlib.Path(work)
        checks = []
        for i, manifest in enumerate(manifests):
            module = module_of(manifest)
            (work / f"m{i}.mts").write_text(
                f'import type {{ I{manifest["kind"]} }} from "{module}";\n'
                f'export const manifest: I{manifest["kind"]} = {json.dumps(manifest, ensure_ascii=False)};\n')
            checks.append(f'[{json.dumps(module)}, {json.dumps(manifest["kind"])}, '
                          f'{json.dumps(manifest, ensure_ascii=False)}]')
        (work / "validate.mjs").write_text(
            "const out = [];\n"
            f"for (const [module, kind, doc] of [{', '.join(checks)}]) {{\n"
            "  const Model = (await import(module))[kind];\n"
            "  try { new Model(doc).validate(); out.push([]); }\n"
            "  catch (e) { out.push((e.errors || [e]).map(x => `${x.instancePath || ''} ${x.message}`)); }\n"
            "}\n"
            "console.log(JSON.stringify(out));\n")
        found = [list(p) for p in json.loads(run([NODE, str(work / "validate.mjs")], "the model validators"))]
        (work / "tsconfig.json").write_text(json.dumps({"compilerOptions": {
            "strict": True, "noEmit": True, "module": "nodenext", "moduleResolution": "nodenext",
            "target": "es2022", "skipLibCheck": True}, "include": ["*.mts"]}))
        tsc = subprocess.run([NODE, str(root / "node_modules" / "typescript" / "bin" / "tsc"), "-p", str(work)],
                             capture_output=True, text=True, timeout=300)
        for line in tsc.stdout.splitlines():
            match = re.search(r"m(\d+)\.mts\(\d+,\d+\): error (TS\d+: .*)", line)
            if match:
                found[int(match.group(1))].append(match.group(2))
        if tsc.returncode != 0 and not any(found):
            raise RuntimeError(f"the TypeScript check failed:\n{tsc.stdout}{tsc.stderr}")
        return found
