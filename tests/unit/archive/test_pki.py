"""The archive's development PKI (docs/archive-signatures.md): made once with private keys, renewed below a new
CA, directors' certificates issued per school and kept while they fit, certificates from a foreign root refused."""
import pathlib
import re
import shutil
import uuid

import pytest

from services.archive import pki
from services.archive.adapters import openssl_cli

SCHOOL = {"school_full_name": "МБОУ «Средняя общеобразовательная школа № 5/1» г. Тестова",
          "director_name": "Иванова Мария Петровна", "inn": "7701234567", "ogrn": "1027700132195"}
GOST = pytest.mark.skipif(openssl_cli.call("genpkey", *openssl_cli.ALGORITHMS["gost"].key).returncode != 0,
                          reason="the OpenSSL GOST engine (Debian package libengine-gost-openssl) is not installed")
ALGORITHMS = ["ecdsa", pytest.param("gost", marks=GOST)]


def subject(cert: pathlib.Path) -> str:
    return openssl_cli.run("x509", "-in", cert, "-noout", "-subject", "-nameopt", "utf8").decode()


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_the_development_pki_is_made_once_with_private_keys(tmp_path, algorithm):
    made = pki.ensure_dev_pki(tmp_path, algorithm)
    files = {path: path.read_bytes() for path in tmp_path.iterdir()}
    assert pki.ensure_dev_pki(tmp_path, algorithm) == made
    assert {path: path.read_bytes() for path in tmp_path.iterdir()} == files
    for key in (made.issuing.key, made.installation.key, made.tsa.key, tmp_path / "root-ca.key"):
        assert key.stat().st_mode & 0o777 == 0o600
    assert pki.load_credential(made.installation.cert, made.installation.key, made.installation.chain, [made.root])
    assert "CN=Отметка — архив установки" in subject(made.installation.cert)
    tsa_text = openssl_cli.run("x509", "-in", made.tsa.cert, "-noout", "-text").decode()
    assert re.search(r"Extended Key Usage: critical\s+Time Stamping", tsa_text)


def test_a_new_root_renews_what_hangs_below_it(tmp_path):
    made = pki.ensure_dev_pki(tmp_path)
    installation = made.installation.cert.read_bytes()
    made.root.unlink()
    pki.ensure_dev_pki(tmp_path)
    assert made.installation.cert.read_bytes() != installation
    assert pki.load_credential(made.installation.cert, made.installation.key, made.installation.chain, [made.root])


def test_a_pki_of_the_other_algorithm_is_refused(tmp_path):
    pki.ensure_dev_pki(tmp_path, "ecdsa")
    with pytest.raises(ValueError, match="ecdsa PKI, not gost"):
        pki.ensure_dev_pki(tmp_path, "gost")
    with pytest.raises(ValueError, match="unknown signature algorithm"):
        pki.ensure_dev_pki(tmp_path / "other", "rsa")


def test_a_directors_certificate_chains_to_the_root_and_is_kept_while_it_fits(tmp_path):
    made = pki.ensure_dev_pki(tmp_path)
    school_id = str(uuid.uuid4())
    director = pki.issue_director(tmp_path, school_id, **SCHOOL)
    assert director.cert.parent == tmp_path / "schools" / school_id and director.key.stat().st_mode & 0o777 == 0o600
    verified = openssl_cli.call("verify", "-CAfile", made.root, "-untrusted", director.chain[0], director.cert)
    assert verified.returncode == 0, verified.stderr
    named = subject(director.cert)
    for part in ("CN=Иванова Мария Петровна", "O=МБОУ «Средняя общеобразовательная школа № 5/1» г. Тестова",
                 "title=Директор", "1.2.643.100.4=7701234567", "OGRN=1027700132195"):
        assert part in named
    issued = director.cert.read_bytes()
    assert pki.issue_director(tmp_path, school_id, **SCHOOL) == director and director.cert.read_bytes() == issued
    renamed = {**SCHOOL, "director_name": "Петров Пётр Петрович"}
    pki.issue_director(tmp_path, school_id, **renamed, valid_days=20)  # a new director: issued again
    assert "CN=Петров Пётр Петрович" in subject(director.cert)
    short = director.cert.read_bytes()
    pki.issue_director(tmp_path, school_id, **renamed)
    assert director.cert.read_bytes() != short  # 20 days left, within the 30: issued again
    lasting = director.cert.read_bytes()
    pki.issue_director(tmp_path, school_id, **renamed)
    assert director.cert.read_bytes() == lasting


def test_bad_school_numbers_are_refused(tmp_path):
    pki.ensure_dev_pki(tmp_path)
    with pytest.raises(ValueError, match="10 digits"):
        pki.issue_director(tmp_path, str(uuid.uuid4()), **{**SCHOOL, "inn": "77/0123456"})
    with pytest.raises(ValueError):
        pki.issue_director(tmp_path, "../../etc", **SCHOOL)


def place_foreign_director(tmp_path) -> tuple[pki.Pki, pki.Pki, str]:
    """The operator's own director certificate (from another CA) placed under schools/<id>/."""
    ours, theirs = pki.ensure_dev_pki(tmp_path / "ours"), pki.ensure_dev_pki(tmp_path / "theirs")
    school_id = str(uuid.uuid4())
    school = ours.directory / "schools" / school_id
    school.mkdir(parents=True)
    shutil.copy(theirs.installation.cert, school / "director.pem")
    shutil.copy(theirs.installation.key, school / "director.key")
    shutil.copy(theirs.issuing.cert, school / "chain.pem")
    return ours, theirs, school_id


def test_a_certificate_from_a_foreign_root_is_refused(tmp_path):
    ours, theirs, school_id = place_foreign_director(tmp_path)
    placed = (ours.directory / "schools" / school_id / "director.pem").read_bytes()
    with pytest.raises(pki.CertificateRefused, match="not a valid certificate under the trusted roots"):
        pki.issue_director(ours.directory, school_id, **SCHOOL)
    assert (ours.directory / "schools" / school_id / "director.pem").read_bytes() == placed  # never overwritten
    with pytest.raises(pki.CertificateRefused):
        pki.load_credential(theirs.installation.cert, theirs.installation.key, theirs.installation.chain, [ours.root])


def test_a_placed_certificate_under_an_added_root_is_used_as_it_is(tmp_path):
    ours, theirs, school_id = place_foreign_director(tmp_path)
    (ours.directory / "roots").mkdir()
    shutil.copy(theirs.root, ours.directory / "roots" / "accredited-ca.pem")
    director = pki.issue_director(ours.directory, school_id, **SCHOOL)
    assert director.cert.read_bytes() == theirs.installation.cert.read_bytes()


def test_a_key_that_is_not_the_certificates_is_refused(tmp_path):
    made = pki.ensure_dev_pki(tmp_path)
    with pytest.raises(pki.CertificateRefused, match="is not the key of"):
        pki.load_credential(made.installation.cert, made.issuing.key, made.installation.chain, [made.root])


def test_the_service_loads_the_pki_the_operator_placed_and_creates_nothing(tmp_path):
    made = pki.ensure_dev_pki(tmp_path / "pki")
    loaded = pki.load_pki(tmp_path / "pki", "ecdsa")
    assert (loaded.root, loaded.installation.cert, loaded.installation.chain) == (
        made.root, made.installation.cert, (made.issuing.cert,))
    with pytest.raises(pki.CertificateRefused, match="signs with gost"):
        pki.load_pki(tmp_path / "pki", "gost")
    with pytest.raises(pki.CertificateRefused, match="missing"):
        pki.load_pki(tmp_path / "empty", "ecdsa")
    assert not (tmp_path / "empty").exists()
    (tmp_path / "pki" / "issuing-ca.key").unlink()
    with pytest.raises(pki.CertificateRefused, match="issuing-ca.key is missing"):
        pki.load_pki(tmp_path / "pki", "ecdsa")
