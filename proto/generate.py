"""Regenerates the Python stubs next to every .proto file under proto/ (the only way stubs are made).

Usage: python -m proto.generate [--check]   (--check fails if the committed stubs are stale)
"""
import pathlib
import shutil
import sys
import tempfile

import grpc_tools
from grpc_tools import protoc

ROOT = pathlib.Path(__file__).resolve().parent.parent
GENERATED_SUFFIXES = ("_pb2.py", "_pb2.pyi", "_pb2_grpc.py")


def generate(out_dir: pathlib.Path) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "proto").rglob("*.proto"))
    include = pathlib.Path(grpc_tools.__file__).parent / "_proto"
    args = ["protoc", f"-I{ROOT}", f"-I{include}", f"--python_out={out_dir}",
            f"--pyi_out={out_dir}", f"--grpc_python_out={out_dir}", *sources]
    if protoc.main(args) != 0:
        sys.exit("protoc failed")
    for directory in {pathlib.Path(out_dir, s).parent for s in sources} | {pathlib.Path(out_dir, "proto")}:
        for d in [directory, *directory.parents]:
            if d == out_dir or out_dir not in d.parents:
                break
            (d / "__init__.py").touch()


def generated_files(base: pathlib.Path) -> dict[str, bytes]:
    return {str(p.relative_to(base)): p.read_bytes()
            for p in (base / "proto").rglob("*") if p.name.endswith(GENERATED_SUFFIXES)}


def main() -> None:
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            generate(pathlib.Path(tmp))
            fresh, committed = generated_files(pathlib.Path(tmp)), generated_files(ROOT)
        if fresh != committed:
            stale = sorted(set(fresh.items()) ^ set(committed.items()))
            sys.exit("generated stubs are stale, run `make protos`: " + ", ".join(sorted({n for n, _ in stale})))
        print("stubs are up to date")
        return
    for path in generated_files(ROOT):
        (ROOT / path).unlink()
    with tempfile.TemporaryDirectory() as tmp:
        generate(pathlib.Path(tmp))
        for name, content in generated_files(pathlib.Path(tmp)).items():
            target = ROOT / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        for init in pathlib.Path(tmp, "proto").rglob("__init__.py"):
            dest = ROOT / init.relative_to(tmp)
            if not dest.exists():
                shutil.copy(init, dest)


if __name__ == "__main__":
    main()
