"""Detached CMS signatures over archive files by several signers (the school's director, then the installation),
each SignerInfo carrying an RFC 3161 timestamp of its own signature value (CAdES-T: the unsigned attribute
id-aa-signatureTimeStampToken), made and checked with the openssl tool (ECDSA P-256/SHA-256 or GOST R 34.10-2012
with Streebog-256); docs/archive-signatures.md.

The signed attributes openssl made stay byte for byte as they were (asn1crypto keeps the encoding of what it did
not change), so `openssl cms -verify` still checks every signature after the timestamps are added."""
import datetime as dt
import os
import pathlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from asn1crypto import cms
from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509

from services.archive.adapters import openssl_cli
from services.archive.pki import Credential

TIMESTAMP_ATTRIBUTE = "signature_time_stamp_token"  # 1.2.840.113549.1.9.16.2.14
NAMES = {"country_name": "C", "organization_name": "O", "common_name": "CN", "title": "title",
         "1.2.643.100.4": "INNLE", "1.2.643.100.1": "OGRN", "1.2.643.3.131.1.1": "INN"}


class TimeStamps(Protocol):
    """services.archive.adapters.timestamping.TimeStamper."""

    def stamp(self, data: bytes, digest: str) -> bytes: ...


@dataclass(frozen=True)
class SignerTimestamp:
    """One SignerInfo: its signer's subject, its signature value and its timestamp token (None: not stamped)."""

    subject: str
    signature: bytes
    token: bytes | None


@dataclass(frozen=True)
class TimestampCheck:
    subject: str
    time: dt.datetime | None  # when the TSA saw the signature value
    valid: bool
    error: str = ""


@dataclass(frozen=True)
class Verification:
    """What the signature check found: the CMS signatures (all signers, chains to the root) and each timestamp."""

    signature_valid: bool
    signature_error: str
    timestamps: tuple[TimestampCheck, ...]

    @property
    def valid(self) -> bool:
        return self.signature_valid and bool(self.timestamps) and all(check.valid for check in self.timestamps)


def sign(data: bytes, signers: Sequence[Credential], stamper: TimeStamps, algorithm: str = "ecdsa") -> bytes:
    """The DER CMS SignedData over the data (detached, binary) with one timestamped SignerInfo per signer and the
    signers' certificates and chains. The SignerInfos are a DER SET: sorted by encoding, not by the signers' order."""
    alg = openssl_cli.algorithm(algorithm)
    chain = openssl_cli.bundle(path for signer in signers for path in signer.chain)
    signer_args = [arg for signer in signers for arg in ("-signer", signer.cert, "-inkey", signer.key)]
    with openssl_cli.scratch(data=data, chain=chain) as tmp:
        certfile = ("-certfile", tmp / "chain") if chain else ()
        signed = openssl_cli.run("cms", "-sign", "-binary", "-cades", "-nosmimecap", "-md", alg.digest, *signer_args,
                                 *certfile, "-in", tmp / "data", "-outform", "DER")
    content = cms.ContentInfo.load(signed)
    for info in content["content"]["signer_infos"]:
        token = stamper.stamp(info["signature"].native, alg.digest)
        info["unsigned_attrs"] = [{"type": TIMESTAMP_ATTRIBUTE, "values": [cms.ContentInfo.load(token)]}]
    return content.dump()


def signer_timestamps(cms_der: bytes) -> list[SignerTimestamp]:
    """Each SignerInfo's subject, signature value and timestamp token, in the CMS's order (a bag keeps the tokens
    as *.tsr files; `openssl ts -verify -data <signature value> -in <token> -token_in` checks one)."""
    signed = cms.ContentInfo.load(cms_der)["content"]
    certificates = [choice.chosen for choice in signed["certificates"] if choice.name == "certificate"]
    found = []
    for info in signed["signer_infos"]:
        tokens = [attribute["values"][0].dump() for attribute in info["unsigned_attrs"] or ()
                  if attribute["type"].native == TIMESTAMP_ATTRIBUTE]
        found.append(SignerTimestamp(subject_of(info["sid"], certificates), info["signature"].native,
                                     tokens[0] if tokens else None))
    return found


def subject_of(sid: cms.SignerIdentifier, certificates: list) -> str:
    for cert in certificates:
        if (sid.name == "issuer_and_serial_number" and cert.issuer == sid.chosen["issuer"]
                and cert.serial_number == sid.chosen["serial_number"].native) or \
                (sid.name == "subject_key_identifier" and cert.key_identifier == sid.chosen.native):
            return subject_text(cert)
    return "(certificate not in the signature)"


def subject_text(cert: asn1_x509.Certificate) -> str:
    return ", ".join(f"{NAMES.get(pair['type'].native, pair['type'].native)}={pair['value'].native}"
                     for rdn in cert.subject.chosen for pair in rdn)


def certificate_subject(cert_pem: pathlib.Path) -> str:
    """A certificate file's subject as signer_timestamps names its signer."""
    _, _, der = asn1_pem.unarmor(cert_pem.read_bytes())
    return subject_text(asn1_x509.Certificate.load(der))


def time_of(token: bytes) -> dt.datetime:
    return cms.ContentInfo.load(token)["content"]["encap_content_info"]["content"].parsed["gen_time"].native


def verify(cms_der: bytes, data: bytes, root_pem_path: str | pathlib.Path, at: dt.datetime | None = None
           ) -> Verification:
    """Checks every timestamp token (openssl ts -verify against its signature value) and then the CMS signatures
    (openssl cms -verify, chains to the root PEM file, which may hold several roots) as of the earliest timestamp
    when all are valid (a signer's certificate may have expired since; CAdES-T), as of `at` (default now)
    otherwise. Never raises for a bad signature: the result says what failed."""
    attime = ("-attime", int((at or dt.datetime.now(dt.UTC)).timestamp()))
    try:
        stamps = signer_timestamps(cms_der)
    except (ValueError, TypeError, KeyError) as error:
        return Verification(False, f"not a CMS signature: {error}", ())
    with openssl_cli.scratch(cms=cms_der, data=data) as tmp:
        checks = tuple(check_timestamp(stamp, root_pem_path, attime, tmp / str(n)) for n, stamp in enumerate(stamps))
        if checks and all(check.valid for check in checks):
            attime = ("-attime", int(min(check.time for check in checks).timestamp()))
        done = openssl_cli.call("cms", "-verify", "-binary", "-inform", "DER", "-in", tmp / "cms", "-content",
                                tmp / "data", "-CAfile", root_pem_path, "-purpose", "any", *attime, "-out", os.devnull)
    return Verification(done.returncode == 0, openssl_cli.reason(done) if done.returncode else "", checks)


def check_timestamp(stamp: SignerTimestamp, root_pem_path: str | pathlib.Path, attime: tuple, stem: pathlib.Path
                    ) -> TimestampCheck:
    if stamp.token is None:
        return TimestampCheck(stamp.subject, None, False, "the signature has no timestamp")
    stem.with_suffix(".sig").write_bytes(stamp.signature)
    stem.with_suffix(".tsr").write_bytes(stamp.token)
    done = openssl_cli.call("ts", "-verify", "-data", stem.with_suffix(".sig"), "-in", stem.with_suffix(".tsr"),
                            "-token_in", "-CAfile", root_pem_path, *attime)
    return TimestampCheck(stamp.subject, time_of(stamp.token), done.returncode == 0,
                          openssl_cli.reason(done) if done.returncode else "")
