"""The development CA of the internal TLS: made once, kept, its leaves issued again when they would not verify."""
import ssl

from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from services.tooling import dev_tls


def certificate(path) -> x509.Certificate:
    return x509.load_pem_x509_certificate(path.read_bytes())


def test_every_leaf_verifies_against_the_ca_for_127_0_0_1_and_localhost(tmp_path):
    dev_tls.ensure(tmp_path)
    ca = certificate(tmp_path / "ca.crt")
    for name in dev_tls.LEAVES:
        leaf = certificate(tmp_path / f"{name}.crt")
        assert dev_tls.issued_by(leaf, ca)
        sans = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        assert sans.get_values_for_type(x509.DNSName) == ["localhost"]
        assert [str(ip) for ip in sans.get_values_for_type(x509.IPAddress)] == ["127.0.0.1"]
        assert (tmp_path / f"{name}.key").stat().st_mode & 0o077 == 0
        usages = leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        assert (ExtendedKeyUsageOID.CLIENT_AUTH in usages) == (name == "otmetka"), "only our processes are clients"
    # what a TLS library makes of them: the server's pair loads, the CA is a trust anchor
    context = ssl.create_default_context(cafile=tmp_path / "ca.crt")
    context.load_cert_chain(tmp_path / "otmetka.crt", tmp_path / "otmetka.key")


def test_what_is_there_is_kept_and_a_new_ca_issues_every_leaf_again(tmp_path):
    dev_tls.ensure(tmp_path)
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    dev_tls.ensure(tmp_path)
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before
    (tmp_path / "kafka.crt").unlink()
    dev_tls.ensure(tmp_path)
    assert (tmp_path / "kafka.crt").read_bytes() != before["kafka.crt"]
    assert (tmp_path / "postgres.crt").read_bytes() == before["postgres.crt"]
    (tmp_path / "ca.key").unlink()
    dev_tls.ensure(tmp_path)
    ca = certificate(tmp_path / "ca.crt")
    assert all(dev_tls.issued_by(certificate(tmp_path / f"{name}.crt"), ca) for name in dev_tls.LEAVES)
    assert (tmp_path / "postgres.crt").read_bytes() != before["postgres.crt"]
