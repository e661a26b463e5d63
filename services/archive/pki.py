"""The installation's certificates for archive signatures, as files in one directory (docs/archive-signatures.md):
the municipality's root CA (only its certificate in production: its key is kept offline), the archive's issuing CA
(online: it issues the directors' certificates), the installation's certificate (the co-signer), the development
time-stamping authority, and one director's certificate per school under schools/<school id>/.

Usage: python -m services.archive.pki <dir> [ecdsa|gost]   (creates the development PKI if missing, prints its files)
"""
import pathlib
import secrets
import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography import x509

from services.archive.adapters import openssl_cli
from services.archive.adapters.openssl_cli import Algorithm, OpenSslError

ROOT, ISSUING, INSTALLATION, TSA = "root-ca", "issuing-ca", "installation", "tsa"
EXTRA_ROOTS = "roots"  # more trusted root certificates (*.pem), e.g. an accredited CA's for a director's certificate
DAYS = {ROOT: 30 * 366, ISSUING: 15 * 366, INSTALLATION: 5 * 366, TSA: 10 * 366}
DIRECTOR_DAYS = 366
RENEW_BEFORE_SECONDS = 30 * 86400
GOST_KEY = "1.2.643.7.1.1.1.1"  # GOST R 34.10-2012 256-bit public key
SUBJECTS = {
    ROOT: {"C": "RU", "O": "Отметка (разработка)", "CN": "Отметка — корневой УЦ муниципалитета (разработка)"},
    ISSUING: {"C": "RU", "O": "Отметка (разработка)", "CN": "Отметка — выпускающий УЦ архива (разработка)"},
    INSTALLATION: {"C": "RU", "O": "Отметка", "CN": "Отметка — архив установки"},
    TSA: {"C": "RU", "O": "Отметка (разработка)", "CN": "Отметка — служба штампов времени (разработка)"},
}
EXTENSIONS = """\
oid_section = oids
[oids]
INNLE = 1.2.643.100.4
[req]
distinguished_name = dn
string_mask = utf8only
[dn]
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[signer]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[tsa]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
"""
SECTIONS = {ROOT: "ca", ISSUING: "ca", INSTALLATION: "signer", TSA: "tsa"}


class CertificateRefused(ValueError):
    """A certificate that does not chain to the configured roots, has expired or does not match its key."""


@dataclass(frozen=True)
class Credential:
    """A certificate, its private key and the certificates between it and a root (PEM files)."""

    cert: pathlib.Path
    key: pathlib.Path
    chain: tuple[pathlib.Path, ...] = ()


@dataclass(frozen=True)
class Pki:
    directory: pathlib.Path
    algorithm: str
    root: pathlib.Path  # the root CA's certificate: what a verifier trusts
    issuing: Credential
    installation: Credential
    tsa: Credential


def credential(directory: pathlib.Path, name: str, chain: tuple[pathlib.Path, ...] = ()) -> Credential:
    return Credential(directory / f"{name}.pem", directory / f"{name}.key", chain)


def trusted_roots(pki_dir: pathlib.Path) -> tuple[pathlib.Path, ...]:
    """The installation's root certificate and any more roots the operator placed under roots/."""
    return (pki_dir / f"{ROOT}.pem", *sorted((pki_dir / EXTRA_ROOTS).glob("*.pem")))


def ensure_dev_pki(directory: str | pathlib.Path, algorithm: str = "ecdsa") -> Pki:
    """The development PKI in the directory, creating what is missing (a certificate again when its issuer is new)."""
    directory, alg = pathlib.Path(directory), openssl_cli.algorithm(algorithm)
    directory.mkdir(parents=True, exist_ok=True)
    directory.chmod(0o700)
    root, issuing = credential(directory, ROOT), credential(directory, ISSUING)
    if root.cert.exists() and key_algorithm(root.cert) != alg.name:
        raise ValueError(f"{directory} holds a {key_algorithm(root.cert)} PKI, not {alg.name}: use another directory")
    new_root = ensure(directory, ROOT, None, alg, renew=False)
    new_issuing = ensure(directory, ISSUING, root, alg, renew=new_root)
    ensure(directory, INSTALLATION, issuing, alg, renew=new_issuing)
    ensure(directory, TSA, root, alg, renew=new_root)
    return Pki(directory, alg.name, root.cert, issuing, credential(directory, INSTALLATION, (issuing.cert,)),
               credential(directory, TSA))


def load_pki(directory: str | pathlib.Path, algorithm: str) -> Pki:
    """The installation's PKI as the operator placed it (nothing is created: in production the root's key is
    offline): the root certificate, the issuing CA, the installation's credential checked against the trusted roots
    and of the configured algorithm; CertificateRefused when something is missing or does not fit."""
    directory = pathlib.Path(directory)
    root, issuing = credential(directory, ROOT), credential(directory, ISSUING)
    installation = load_credential(directory / f"{INSTALLATION}.pem", directory / f"{INSTALLATION}.key",
                                   (issuing.cert,), trusted_roots(directory))
    if not issuing.key.exists():
        raise CertificateRefused(f"{issuing.key} is missing: the issuing CA issues the directors' certificates")
    if key_algorithm(installation.cert) != algorithm:
        raise CertificateRefused(f"{installation.cert} is a {key_algorithm(installation.cert)} certificate, "
                                 f"the installation signs with {algorithm}")
    return Pki(directory, algorithm, root.cert, issuing, installation, credential(directory, TSA))


def ensure(directory: pathlib.Path, name: str, issuer: Credential | None, alg: Algorithm, renew: bool) -> bool:
    """Creates the named key and certificate if missing (or renew); whether it did."""
    own = credential(directory, name)
    if own.cert.exists() and own.key.exists() and not renew:
        return False
    write_private(own.key, openssl_cli.run("genpkey", *alg.key))
    own.cert.write_bytes(certify(directory, SUBJECTS[name], own.key, issuer, SECTIONS[name], DAYS[name], alg))
    return True


def certify(pki_dir: pathlib.Path, subject: dict[str, str], key: pathlib.Path, issuer: Credential | None,
            section: str, days: int, alg: Algorithm) -> bytes:
    """A certificate for the key (self-signed without an issuer) with the extensions' section of EXTENSIONS."""
    config = pki_dir / "openssl.cnf"
    if not config.exists() or config.read_text() != EXTENSIONS:
        config.write_text(EXTENSIONS)
    request = openssl_cli.run("req", "-new", "-config", config, "-utf8", "-subj", subject_line(subject), "-key", key,
                              f"-{alg.digest}")
    signing = ("-signkey", key) if issuer is None else ("-CA", issuer.cert, "-CAkey", issuer.key)
    return openssl_cli.run("x509", "-req", *signing, "-days", days, "-extfile", config, "-extensions", section,
                           f"-{alg.digest}", "-set_serial", "0x" + secrets.token_hex(16), stdin=request)


def subject_line(subject: dict[str, str]) -> str:
    """openssl's -subj form, / and \\ in the values escaped."""
    escape = str.maketrans({"\\": "\\\\", "/": "\\/", "+": "\\+"})
    return "".join(f"/{name}={value.translate(escape)}" for name, value in subject.items())


def write_private(path: pathlib.Path, content: bytes) -> None:
    path.unlink(missing_ok=True)
    path.touch(mode=0o600)
    path.write_bytes(content)


def key_algorithm(cert: pathlib.Path) -> str:
    """ecdsa or gost, from the certificate's public key."""
    oid = x509.load_pem_x509_certificate(cert.read_bytes()).public_key_algorithm_oid.dotted_string
    return "gost" if oid == GOST_KEY else "ecdsa"


def issue_director(pki_dir: str | pathlib.Path, school_id: str, school_full_name: str, director_name: str, inn: str,
                   ogrn: str, valid_days: int = DIRECTOR_DAYS) -> Credential:
    """The school director's signing credential under schools/<school id>/: the one there while it is valid, is
    for this school name and director and lasts 30 more days, otherwise a new one from the issuing CA. A
    certificate the operator placed there from another CA is used as it is if it chains to the trusted roots
    (CertificateRefused if not)."""
    pki_dir = pathlib.Path(pki_dir)
    if not (inn.isdigit() and len(inn) == 10 and ogrn.isdigit() and len(ogrn) == 13):
        raise ValueError("a school's INN has 10 digits and its OGRN 13")
    school = pki_dir / "schools" / str(uuid.UUID(school_id))
    issuing = credential(pki_dir, ISSUING)
    chain = school / "chain.pem"
    director = Credential(school / "director.pem", school / "director.key", (chain,))
    # INNLE (1.2.643.100.4, declared in EXTENSIONS) and OGRN (1.2.643.100.1) are the organisation's INN and OGRN as
    # in the qualified certificate profile (FSB order 795); INN (1.2.643.3.131.1.1) would be a person's
    subject = {"C": "RU", "O": school_full_name, "title": "Директор", "CN": director_name, "INNLE": inn, "OGRN": ogrn}
    issued_for = school / "director.subject"  # the -subj line of a certificate the issuing CA made here
    if director.cert.exists() and director.key.exists():
        if not signed_by(director.cert, issuing.cert):
            return load_credential(director.cert, director.key, director.chain if chain.exists() else (),
                                   trusted_roots(pki_dir))
        if issued_for.exists() and issued_for.read_text() == subject_line(subject) and lasts(director.cert):
            return load_credential(director.cert, director.key, director.chain, trusted_roots(pki_dir))
    school.mkdir(parents=True, exist_ok=True)
    alg = openssl_cli.algorithm(key_algorithm(issuing.cert))
    write_private(director.key, openssl_cli.run("genpkey", *alg.key))
    director.cert.write_bytes(certify(pki_dir, subject, director.key, issuing, "signer", valid_days, alg))
    chain.write_bytes(issuing.cert.read_bytes())
    issued_for.write_text(subject_line(subject))
    return director


def signed_by(cert: pathlib.Path, issuer: pathlib.Path) -> bool:
    return openssl_cli.call("verify", "-no_check_time", "-partial_chain", "-CAfile", issuer, cert).returncode == 0


def lasts(cert: pathlib.Path, seconds: int = RENEW_BEFORE_SECONDS) -> bool:
    """Whether the certificate is still valid in that many seconds."""
    return openssl_cli.call("x509", "-noout", "-checkend", seconds, "-in", cert).returncode == 0


def load_credential(cert: str | pathlib.Path, key: str | pathlib.Path, chain: Sequence[str | pathlib.Path],
                    roots: Sequence[str | pathlib.Path]) -> Credential:
    """The credential, after checking that the certificate chains (through chain) to one of the roots, is valid
    now and matches the key; CertificateRefused with openssl's reason otherwise."""
    loaded = Credential(pathlib.Path(cert), pathlib.Path(key), tuple(map(pathlib.Path, chain)))
    missing = [str(path) for path in (loaded.cert, loaded.key, *loaded.chain, *map(pathlib.Path, roots))
               if not path.exists()]
    if missing or not roots:
        raise CertificateRefused(f"missing files for the signing credential: {', '.join(missing) or 'no root'}")
    with openssl_cli.scratch(roots=openssl_cli.bundle(roots), chain=openssl_cli.bundle(loaded.chain)) as tmp:
        untrusted = ("-untrusted", tmp / "chain") if loaded.chain else ()
        checked = openssl_cli.call("verify", "-CAfile", tmp / "roots", *untrusted, loaded.cert)
    if checked.returncode:
        raise CertificateRefused(f"{loaded.cert} is not a valid certificate under the trusted roots: "
                                 f"{openssl_cli.reason(checked)}")
    try:
        matches = (openssl_cli.run("pkey", "-pubout", "-in", loaded.key)
                   == openssl_cli.run("x509", "-noout", "-pubkey", "-in", loaded.cert))
    except OpenSslError as error:
        raise CertificateRefused(f"{loaded.key}: {error}") from error
    if not matches:
        raise CertificateRefused(f"{loaded.key} is not the key of {loaded.cert}")
    return loaded


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    made = ensure_dev_pki(sys.argv[1], *sys.argv[2:])
    for path in (made.root, made.issuing.cert, made.installation.cert, made.installation.key, made.tsa.cert):
        print(path)
