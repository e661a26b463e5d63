"""Archive signatures (docs/archive-signatures.md): the development PKI, directors' certificates, a CMS signature by
the director and the installation with an RFC 3161 timestamp on each signer from the development TSA, checked with
the openssl tool as a third party would (the documented script included), for ECDSA and for GOST."""
import datetime as dt
import pathlib
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
import uuid

import pytest
from asn1crypto import cms

from services.archive import pki
from services.archive.adapters import openssl_cli, signing
from services.archive.adapters.timestamping import TimeStamper, TimeStampError, TimeStampUnavailable, token_of
from services.tooling.dev_tsa import TsaServer
from tests.unit.archive.test_pki import ALGORITHMS, GOST, SCHOOL

ROOT = pathlib.Path(__file__).resolve().parents[3]
DATA = b"bag-info.txt 1f2e...\nmanifest-sha256.txt 9c0d...\n"


def openssl(*args, cwd=None) -> subprocess.CompletedProcess:
    """The openssl tool as a third party runs it (the GOST engine from openssl-gost.cnf)."""
    return openssl_cli.call(*args) if cwd is None else subprocess.run(
        ["openssl", *map(str, args)], cwd=cwd, capture_output=True, env={"OPENSSL_CONF": str(openssl_cli.ENGINE_CONFIG)})


class Tsa:
    """The development TSA on a free port, in a thread of the test process."""

    def __init__(self, pki_dir: pathlib.Path) -> None:
        self.server = TsaServer(("127.0.0.1", 0), pki_dir)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module", params=ALGORITHMS)
def world(request, tmp_path_factory):
    """A PKI of the algorithm, its TSA, a director and a signature of DATA by the director and the installation."""
    made = pki.ensure_dev_pki(tmp_path_factory.mktemp(f"pki-{request.param}"), request.param)
    tsa = Tsa(made.directory)
    director = pki.issue_director(made.directory, str(uuid.uuid4()), **SCHOOL)
    signature = signing.sign(DATA, [director, made.installation], TimeStamper(tsa.url), request.param)
    yield made, tsa, director, signature
    tsa.stop()


def pem_certificates(path: pathlib.Path) -> list[bytes]:
    return re.findall(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", path.read_bytes(), re.DOTALL)


def test_openssl_verifies_the_signature_with_the_root_alone_and_names_both_signers(world, tmp_path):
    made, _, director, signature = world
    (tmp_path / "sig.p7s").write_bytes(signature)
    (tmp_path / "data").write_bytes(DATA)
    done = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", tmp_path / "sig.p7s", "-content",
                   tmp_path / "data", "-CAfile", made.root, "-purpose", "any", "-out", "/dev/null",
                   "-signer", tmp_path / "signers.pem")
    assert done.returncode == 0, done.stderr
    signers = pem_certificates(tmp_path / "signers.pem")
    assert sorted(signers) == sorted(pem_certificates(director.cert) + pem_certificates(made.installation.cert))
    subjects = sorted(stamp.subject for stamp in signing.signer_timestamps(signature))
    assert subjects[0].startswith("C=RU, O=МБОУ") and "CN=Иванова Мария Петровна" in subjects[0]
    assert subjects[1] == "C=RU, O=Отметка, CN=Отметка — архив установки"


def test_each_token_is_over_its_own_signature_value(world, tmp_path):
    made, _, _, signature = world
    digest = openssl_cli.ALGORITHMS[made.algorithm].digest
    stamps = signing.signer_timestamps(signature)
    assert len(stamps) == 2 and all(stamp.token for stamp in stamps)
    for n, stamp in enumerate(stamps):
        (tmp_path / f"{n}.sig").write_bytes(stamp.signature)
        (tmp_path / f"{n}.tsr").write_bytes(stamp.token)
    for n in range(2):
        hexdigest = openssl_cli.run("dgst", f"-{digest}", "-r", tmp_path / f"{n}.sig").split()[0].decode()
        done = openssl("ts", "-verify", "-digest", hexdigest, "-in", tmp_path / f"{n}.tsr", "-token_in",
                       "-CAfile", made.root, "-untrusted", made.tsa.cert)
        assert done.returncode == 0 and b"Verification: OK" in done.stdout, done.stderr
    other = openssl("ts", "-verify", "-data", tmp_path / "1.sig", "-in", tmp_path / "0.tsr", "-token_in",
                    "-CAfile", made.root)
    assert other.returncode != 0 and b"message imprint mismatch" in other.stderr


def test_the_products_own_check_passes_and_says_when(world):
    made, _, _, signature = world
    result = signing.verify(signature, DATA, made.root)
    assert result.valid and result.signature_error == "" and len(result.timestamps) == 2
    now = dt.datetime.now(dt.UTC)
    assert all(now - dt.timedelta(minutes=5) < check.time <= now + dt.timedelta(seconds=2)
               for check in result.timestamps)


def test_a_flipped_byte_of_the_data_fails(world, tmp_path):
    made, _, _, signature = world
    changed = bytearray(DATA)
    changed[3] ^= 0x01
    (tmp_path / "sig.p7s").write_bytes(signature)
    (tmp_path / "data").write_bytes(bytes(changed))
    done = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", tmp_path / "sig.p7s", "-content",
                   tmp_path / "data", "-CAfile", made.root, "-purpose", "any", "-out", "/dev/null")
    assert done.returncode != 0
    result = signing.verify(signature, bytes(changed), made.root)
    assert not result.valid and not result.signature_valid and "verification failure" in result.signature_error
    assert all(check.valid for check in result.timestamps)  # the timestamps are over the signatures, still intact


def test_a_token_moved_to_the_other_signature_fails(world):
    made, _, _, signature = world
    content = cms.ContentInfo.load(signature)
    infos = content["content"]["signer_infos"]
    tokens = [stamp.token for stamp in signing.signer_timestamps(signature)]
    for info, token in zip(infos, reversed(tokens), strict=True):
        info["unsigned_attrs"] = [{"type": signing.TIMESTAMP_ATTRIBUTE, "values": [cms.ContentInfo.load(token)]}]
    result = signing.verify(content.dump(), DATA, made.root)
    assert not result.valid and result.signature_valid  # the unsigned attributes are outside the signature
    assert [check.valid for check in result.timestamps] == [False, False]
    assert all("imprint mismatch" in check.error for check in result.timestamps)


def test_a_signature_under_another_root_fails(world, tmp_path):
    _, _, _, signature = world
    stranger = pki.ensure_dev_pki(tmp_path, "ecdsa")
    result = signing.verify(signature, DATA, stranger.root)
    assert not result.signature_valid and not any(check.valid for check in result.timestamps)


def test_garbage_is_no_signature(world):
    made, *_ = world
    result = signing.verify(b"not a CMS", DATA, made.root)
    assert not result.valid and result.signature_error.startswith("not a CMS signature")


def test_the_documented_openssl_commands_verify_the_package(world, tmp_path):
    made, _, _, signature = world
    doc = (ROOT / "docs" / "archive-signatures.md").read_text(encoding="utf-8")
    script = re.search(r"<!-- verify-script -->\n```sh\n(.+?)```", doc, re.DOTALL).group(1)
    (tmp_path / "tagmanifest-sha256.txt.p7s").write_bytes(signature)
    (tmp_path / "tagmanifest-sha256.txt").write_bytes(DATA)
    shutil.copy(made.root, tmp_path / "root-ca.pem")
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "OPENSSL_CONF": str(openssl_cli.ENGINE_CONFIG)})
    assert done.returncode == 0, done.stderr
    assert "CMS Verification successful" in done.stderr
    assert done.stdout.count("Verification: OK") == 2 and done.stdout.count("Time stamp:") == 2
    assert "CN=Иванова Мария Петровна" in done.stdout and "CN=Отметка — архив установки" in done.stdout
    for n in (1, 2):  # what the script cut out is what signer_timestamps reads
        assert (tmp_path / f"signature{n}.bin").read_bytes() in {s.signature for s in signing.signer_timestamps(signature)}


def test_an_expired_certificate_still_verifies_as_of_its_timestamp(tmp_path):
    made = pki.ensure_dev_pki(tmp_path)
    tsa = Tsa(tmp_path)
    try:
        director = pki.issue_director(tmp_path, str(uuid.uuid4()), **SCHOOL, valid_days=1)
        signature = signing.sign(DATA, [director, made.installation], TimeStamper(tsa.url))
    finally:
        tsa.stop()
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)  # the director's certificate has expired by then
    (tmp_path / "sig.p7s").write_bytes(signature)
    (tmp_path / "data").write_bytes(DATA)
    plain = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", tmp_path / "sig.p7s", "-content",
                    tmp_path / "data", "-CAfile", made.root, "-purpose", "any", "-out", "/dev/null",
                    "-attime", int(later.timestamp()))
    assert plain.returncode != 0 and b"certificate has expired" in plain.stderr
    result = signing.verify(signature, DATA, made.root, at=later)
    assert result.valid  # the timestamps show the signatures were made while the certificate was valid
    expiry = openssl_cli.run("x509", "-in", director.cert, "-noout", "-enddate").decode().strip().split("=", 1)[1]
    not_after = dt.datetime.strptime(expiry, "%b %d %H:%M:%S %Y %Z").replace(tzinfo=dt.UTC)
    assert all(check.time < not_after < later for check in result.timestamps)


def test_signing_without_a_reachable_tsa_says_so(tmp_path):
    made = pki.ensure_dev_pki(tmp_path)
    tsa = Tsa(tmp_path)
    tsa.stop()  # the port is closed now
    with pytest.raises(TimeStampUnavailable, match="is unavailable"):
        signing.sign(DATA, [made.installation], TimeStamper(tsa.url, timeout=2))


def test_a_reply_to_another_query_is_refused(tmp_path):
    pki.ensure_dev_pki(tmp_path)
    tsa = Tsa(tmp_path)
    try:
        asked = openssl_cli.run("ts", "-query", "-sha256", "-cert", stdin=b"one")
        other = openssl_cli.run("ts", "-query", "-sha256", "-cert", stdin=b"one")  # same data, another nonce
        request = urllib.request.Request(tsa.url, data=asked, headers={"Content-Type": "application/timestamp-query"})
        reply = urllib.request.urlopen(request, timeout=5).read()
    finally:
        tsa.stop()
    assert token_of(reply, asked)
    with pytest.raises(TimeStampError, match="nonce differs"):
        token_of(reply, other)
    with pytest.raises(TimeStampError, match="other data"):
        token_of(reply, openssl_cli.run("ts", "-query", "-sha256", "-cert", stdin=b"two"))
    with pytest.raises(TimeStampError, match="not a timestamp reply"):
        token_of(b"\x30\x03garbage", asked)


@pytest.mark.parametrize("digest", ["sha256", pytest.param("md_gost12_256", marks=GOST)])
def test_the_dev_tsa_runs_as_a_program_answers_health_and_refuses_garbage(tmp_path, digest):
    pki.ensure_dev_pki(tmp_path)  # an ECDSA TSA: it stamps GOST imprints too
    process = subprocess.Popen([sys.executable, "-m", "services.tooling.dev_tsa", "--listen", "127.0.0.1:0",
                                "--pki", str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
    try:
        url = re.search(r"http://\S+", process.stdout.readline()).group(0)
        assert urllib.request.urlopen(url + "health", timeout=5).status == 200
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(urllib.request.Request(url, data=b"garbage"), timeout=5)
        assert refused.value.code == 400
        assert TimeStamper(url).stamp(b"data", digest)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_dev_tsa_wants_a_pki(tmp_path):
    done = subprocess.run([sys.executable, "-m", "services.tooling.dev_tsa", "--listen", "127.0.0.1:0",
                           "--pki", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "python -m services.archive.pki" in done.stderr
