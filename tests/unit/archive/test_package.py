"""Archive package building and signing: a valid BagIt bag whose tag manifest openssl cms verifies."""
import datetime as dt
import io
import json
import pathlib
import subprocess
import zipfile

import bagit
import pytest

from services.archive import dev_keys
from services.archive.adapters.bagit_package import SIGNATURE, TAG_MANIFEST, PackageInfo, SheetFiles, build_bag, build_package
from services.archive.adapters.signing import Signer
from services.archive.domain import retention

INFO = PackageInfo(archive_id="0b8a3f4e-1111-4222-8333-944455556666", school_id="5c0e2b4a-0000-4000-8000-000000000001",
                   academic_year_id="7d1c2b4a-0000-4000-8000-000000000002", academic_year_name="2025/2026",
                   record_class="summary_sheet", created_at=dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC),
                   retain_until=dt.date(2051, 6, 1))
SHEETS = [SheetFiles("c1", "5А", '{"class_group_name": "5А"}'.encode(), b"%PDF-1.4 five"),
          SheetFiles("c2", "5А", b"{}", b"%PDF-1.4 dup"),
          SheetFiles("c3", "", b"{}", b"%PDF-1.4 unnamed")]


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> tuple[pathlib.Path, pathlib.Path]:
    return dev_keys.create(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="module")
def signer(keys) -> Signer:
    return Signer.from_files(*map(str, keys))


def openssl_verify(bag: pathlib.Path, cert: pathlib.Path) -> subprocess.CompletedProcess:
    return subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-content", str(bag / TAG_MANIFEST),
                           "-in", str(bag / SIGNATURE), "-CAfile", str(cert), "-purpose", "any", "-out", "/dev/null"],
                          capture_output=True, text=True)


def test_dev_keys_are_created_once(tmp_path):
    key, cert = dev_keys.create(tmp_path)
    first = cert.read_bytes()
    assert dev_keys.create(tmp_path) == (key, cert) and cert.read_bytes() == first
    assert key.stat().st_mode & 0o077 == 0


def test_bag_is_valid_and_its_tag_manifest_signature_verifies(tmp_path, keys, signer):
    bag_dir = build_bag(tmp_path / INFO.archive_id, INFO, SHEETS, signer)
    bag = bagit.Bag(str(bag_dir))
    bag.validate()
    assert bag.info["External-Identifier"] == INFO.archive_id
    assert bag.info["Bagging-Date"] == "2026-06-01"
    assert sorted(bag.payload_files()) == [
        "data/metadata.json", "data/summary-sheets/5А-c2.json", "data/summary-sheets/5А-c2.pdf",
        "data/summary-sheets/5А.json", "data/summary-sheets/5А.pdf",
        "data/summary-sheets/c3.json", "data/summary-sheets/c3.pdf"]
    metadata = json.loads((bag_dir / "data" / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["school_id"] == INFO.school_id and metadata["record_class"] == "summary_sheet"
    assert metadata["academic_year"] == {"id": INFO.academic_year_id, "name": "2025/2026"}
    assert openssl_verify(bag_dir, keys[1]).returncode == 0


def test_tampered_tag_manifest_fails_verification(tmp_path, keys, signer):
    bag_dir = build_bag(tmp_path / INFO.archive_id, INFO, SHEETS, signer)
    with open(bag_dir / TAG_MANIFEST, "a") as manifest:
        manifest.write("0" * 64 + " extra.txt\n")
    result = openssl_verify(bag_dir, keys[1])
    assert result.returncode != 0, result.stdout


def test_zip_holds_the_bag_under_the_archive_id(signer):
    names = zipfile.ZipFile(io.BytesIO(build_package(INFO, SHEETS, signer))).namelist()
    root = INFO.archive_id + "/"
    assert {root + n for n in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", TAG_MANIFEST, SIGNATURE)} <= set(names)
    assert root + "data/summary-sheets/5А.pdf" in names


def test_retention_term():
    assert retention.retain_until(dt.date(2026, 6, 1), 25) == dt.date(2051, 6, 1)
    assert retention.retain_until(dt.date(2028, 2, 29), 5) == dt.date(2033, 2, 28)
