"""Archive package building and signing with the development PKI and its TSA: a valid BagIt bag whose bag-info and
README speak for themselves, whose tag manifest (covering the README) carries the director's and the installation's
signatures, which openssl cms verifies with the root, each with a timestamp openssl ts verifies; tampering detected."""
import datetime as dt
import hashlib
import io
import json
import pathlib
import subprocess
import zipfile

import bagit
import pytest

from services.archive.adapters import signing
from services.archive.adapters.bagit_package import (
    ROOT_CERTIFICATE,
    SIGNATURE,
    TAG_MANIFEST,
    ClassFiles,
    PackageInfo,
    SchoolCard,
    build_bag,
    build_package,
    signed_parts,
    years_text,
)
from services.archive.domain import retention
from tests.support.archive_signing import dev_signing

SCHOOL = SchoolCard(id="5c0e2b4a-0000-4000-8000-000000000001",
                    full_name="Муниципальное бюджетное общеобразовательное учреждение «Школа № 7»",
                    short_name="Школа № 7", inn="7701234560", ogrn="1027700123450", address="г. Энск, ул. Школьная, 7")
INFO = PackageInfo(archive_id="0b8a3f4e-1111-4222-8333-944455556666", school=SCHOOL,
                   academic_year_id="7d1c2b4a-0000-4000-8000-000000000002", academic_year_name="2025/2026",
                   record_class="journal", retention_years=5, retain_until=dt.date(2031, 6, 1),
                   created_at=dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC), formed_by="Соколова Марина Викторовна",
                   signed_at=dt.datetime(2026, 6, 1, 11, 0, tzinfo=dt.UTC), software_version="0.1.0")
FILES = [ClassFiles("c1", "5А", '{"class_group_name": "5А"}'.encode(), b"%PDF-1.7 five"),
         ClassFiles("c2", "5А", b"{}", b"%PDF-1.7 dup"),
         ClassFiles("c3", "", b"{}", b"%PDF-1.7 unnamed")]


@pytest.fixture(scope="module")
def package_signing(tmp_path_factory):
    with dev_signing(tmp_path_factory.mktemp("pki")) as made:
        yield made


@pytest.fixture(scope="module")
def sign(package_signing):
    return lambda manifest: package_signing.sign(manifest, SCHOOL, INFO.formed_by)


def cms_verify(bag: pathlib.Path, root: pathlib.Path, *more: str) -> subprocess.CompletedProcess:
    return subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-content", str(bag / TAG_MANIFEST),
                           "-in", str(bag / SIGNATURE), "-CAfile", str(root), "-purpose", "any", "-out", "/dev/null",
                           *more], capture_output=True, text=True)


def test_bag_is_valid_and_speaks_for_itself(tmp_path, sign):
    bag_dir = build_bag(tmp_path / INFO.archive_id, INFO, FILES, sign)
    bag = bagit.Bag(str(bag_dir))
    bag.validate()
    assert sorted(bag.payload_files()) == [
        "data/journals/5А-c2.json", "data/journals/5А-c2.pdf", "data/journals/5А.json", "data/journals/5А.pdf",
        "data/journals/c3.json", "data/journals/c3.pdf", "data/metadata.json"]
    assert {key: bag.info[key] for key in ("Source-Organization", "School-INN", "School-OGRN", "Academic-Year",
                                           "Record-Class", "Retention-Period", "Retain-Until", "Software",
                                           "External-Identifier", "Bagging-Date")} == {
        "Source-Organization": SCHOOL.full_name, "School-INN": "7701234560", "School-OGRN": "1027700123450",
        "Academic-Year": "2025/2026", "Record-Class": "journal (Классные журналы)", "Retention-Period": "5 лет",
        "Retain-Until": "2031-06-01", "Software": "Otmetka 0.1.0", "External-Identifier": INFO.archive_id,
        "Bagging-Date": "2026-06-01"}
    assert bag.info["Period"] == "весь учебный год"
    assert bag.info["Formed-By"] == "Соколова Марина Викторовна, директор; подписано 2026-06-01T11:00:00+00:00"
    readme = (bag_dir / "README.txt").read_text(encoding="utf-8")
    assert "КЛАССНЫЕ ЖУРНАЛЫ" in readme and "ИНН 7701234560, ОГРН 1027700123450" in readme
    assert "5А: data/journals/5А.pdf, .json" in readme and f"-CAfile {ROOT_CERTIFICATE}" in readme
    assert "README.txt" in (bag_dir / TAG_MANIFEST).read_text(encoding="utf-8")
    metadata = json.loads((bag_dir / "data" / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["school"]["ogrn"] == SCHOOL.ogrn and metadata["record_class"] == "journal"
    assert metadata["class_groups"][0]["files"] == ["data/journals/5А.pdf", "data/journals/5А.json"]


def test_both_signatures_and_their_timestamps_verify_with_openssl(tmp_path, sign, package_signing):
    bag_dir = build_bag(tmp_path / INFO.archive_id, INFO, FILES, sign)
    root = bag_dir / ROOT_CERTIFICATE
    assert root.read_bytes() == package_signing.pki.root.read_bytes()
    verified = cms_verify(bag_dir, root, "-signer", str(tmp_path / "signers.pem"))
    assert verified.returncode == 0, verified.stderr
    assert (tmp_path / "signers.pem").read_text().count("BEGIN CERTIFICATE") == 2
    stamps = signing.signer_timestamps((bag_dir / SIGNATURE).read_bytes())
    for name, holder in (("director", "CN=Соколова Марина Викторовна"), ("installation", "")):
        token = (bag_dir / "signatures" / f"{name}.tsr").read_bytes()
        (stamp,) = [s for s in stamps if s.token == token]
        assert holder in stamp.subject and (name == "director") == ("Соколова" in stamp.subject)
        checked = subprocess.run(["openssl", "ts", "-verify", "-digest", hashlib.sha256(stamp.signature).hexdigest(),
                                  "-in", str(bag_dir / "signatures" / f"{name}.tsr"), "-token_in", "-CAfile",
                                  str(root)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr + checked.stdout
    assert package_signing.problem((bag_dir / SIGNATURE).read_bytes(), (bag_dir / TAG_MANIFEST).read_bytes()) == ""


def test_tampering_is_detected(tmp_path, sign, package_signing):
    bag_dir = build_bag(tmp_path / INFO.archive_id, INFO, FILES, sign)
    with open(bag_dir / TAG_MANIFEST, "a") as manifest:
        manifest.write("0" * 64 + " extra.txt\n")
    result = cms_verify(bag_dir, bag_dir / ROOT_CERTIFICATE)
    assert result.returncode != 0, result.stdout
    problem = package_signing.problem((bag_dir / SIGNATURE).read_bytes(), (bag_dir / TAG_MANIFEST).read_bytes())
    assert problem, "the fixity check names what failed"


def test_zip_holds_the_bag_under_the_archive_id(sign):
    data = build_package(INFO, FILES, sign)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    root = INFO.archive_id + "/"
    assert {root + n for n in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", TAG_MANIFEST, SIGNATURE,
                               "README.txt", "signatures/director.tsr", "signatures/installation.tsr",
                               ROOT_CERTIFICATE, "data/journals/5А.pdf")} <= set(names)
    manifest, signature = signed_parts(data)
    assert b"bag-info.txt" in manifest and b"README.txt" in manifest and signature.startswith(b"0\x82")


def test_retention_term_and_its_words():
    assert retention.retain_until(dt.date(2026, 6, 1), 25) == dt.date(2051, 6, 1)
    assert retention.retain_until(dt.date(2028, 2, 29), 5) == dt.date(2033, 2, 28)
    assert [years_text(n) for n in (1, 3, 5, 11, 21, 22, 25)] == [
        "1 год", "3 года", "5 лет", "11 лет", "21 год", "22 года", "25 лет"]
