"""Builds a year-end archive package: a BagIt bag (sha256 manifests) of the summary sheets as JSON and
PDF plus metadata, its tag manifest signed with a detached CMS signature, zipped."""
import datetime as dt
import io
import json
import pathlib
import re
import tempfile
import zipfile
from dataclasses import dataclass

import bagit

from services.archive.adapters.signing import Signer

TAG_MANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = TAG_MANIFEST + ".p7s"


@dataclass(frozen=True)
class SheetFiles:
    """One class group's summary sheet in both forms."""

    class_group_id: str
    class_group_name: str
    json: bytes
    pdf: bytes


@dataclass(frozen=True)
class PackageInfo:
    archive_id: str
    school_id: str
    academic_year_id: str
    academic_year_name: str
    record_class: str
    created_at: dt.datetime
    retain_until: dt.date


def file_stem(sheet: SheetFiles, taken: set[str]) -> str:
    """A safe file name for a class group (its name, or its id when the name is empty or taken)."""
    stem = re.sub(r"[^\w.-]+", "_", sheet.class_group_name).strip("._")
    if not stem or stem in taken:
        stem = f"{stem}-{sheet.class_group_id}" if stem else sheet.class_group_id
    taken.add(stem)
    return stem


def metadata(info: PackageInfo, sheets: list[SheetFiles]) -> dict:
    return {
        "archive_id": info.archive_id, "school_id": info.school_id,
        "academic_year": {"id": info.academic_year_id, "name": info.academic_year_name},
        "record_class": info.record_class, "created_at": info.created_at.isoformat(),
        "retain_until": info.retain_until.isoformat(),
        "class_groups": [{"id": s.class_group_id, "name": s.class_group_name} for s in sheets],
    }


def build_bag(bag_dir: pathlib.Path, info: PackageInfo, sheets: list[SheetFiles], signer: Signer) -> pathlib.Path:
    """Writes the payload into bag_dir, bags it in place and signs its tag manifest."""
    payload = bag_dir / "summary-sheets"
    payload.mkdir(parents=True)
    taken: set[str] = set()
    for sheet in sheets:
        stem = file_stem(sheet, taken)
        (payload / f"{stem}.json").write_bytes(sheet.json)
        (payload / f"{stem}.pdf").write_bytes(sheet.pdf)
    (bag_dir / "metadata.json").write_text(json.dumps(metadata(info, sheets), ensure_ascii=False, indent=2),
                                           encoding="utf-8")
    bagit.make_bag(str(bag_dir), checksums=["sha256"], bag_info={
        "Source-Organization": f"school {info.school_id}",
        "Bagging-Date": info.created_at.date().isoformat(),
        "External-Identifier": info.archive_id,
        "External-Description": f"Summary sheets, academic year {info.academic_year_name}",
    })
    # written after bagging and never followed by a re-save, so the signed manifest stays as signed
    (bag_dir / SIGNATURE).write_bytes(signer.sign_detached((bag_dir / TAG_MANIFEST).read_bytes()))
    return bag_dir


def zip_dir(root: pathlib.Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            archive.write(path, f"{root.name}/{path.relative_to(root).as_posix()}")
    return out.getvalue()


def build_package(info: PackageInfo, sheets: list[SheetFiles], signer: Signer) -> bytes:
    """The zipped, signed bag (its top folder is named after the archive id)."""
    with tempfile.TemporaryDirectory(prefix="otmetka-archive-") as tmp:
        return zip_dir(build_bag(pathlib.Path(tmp) / info.archive_id, info, sheets, signer))
