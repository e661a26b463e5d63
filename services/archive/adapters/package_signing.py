"""Signs a package's tag manifest for its school (A6): the director's certificate for the school (issued by the
installation's issuing CA, or the one the operator placed for it) and the installation's certificate as co-signer,
one CMS signature with a timestamp on each signer; and checks such a signature for the fixity job."""
from services.archive import pki
from services.archive.adapters import signing
from services.archive.adapters.bagit_package import SchoolCard, SignedManifest

ORGANIZATION_MAX = 64  # X.520's upper bound of a certificate's organizationName (OpenSSL enforces it)


class PackageSigning:
    def __init__(self, installation_pki: pki.Pki, stamper: signing.TimeStamps):
        self.pki = installation_pki
        self.stamper = stamper

    def sign(self, data: bytes, school: SchoolCard, director_name: str) -> SignedManifest:
        director = pki.issue_director(self.pki.directory, school.id, organization_name(school), director_name,
                                      school.inn, school.ogrn)
        signature = signing.sign(data, [director, self.pki.installation], self.stamper, self.pki.algorithm)
        # the CMS keeps its signer infos sorted by their encoding: the tokens are put back in the signers' order
        installation = signing.certificate_subject(self.pki.installation.cert)
        stamps = sorted(signing.signer_timestamps(signature), key=lambda stamp: stamp.subject == installation)
        return SignedManifest(signature, tuple(stamp.token for stamp in stamps), self.pki.root.read_bytes())

    def problem(self, signature: bytes, data: bytes) -> str:
        """"" when every signature and timestamp verifies against the root, else what failed."""
        checked = signing.verify(signature, data, self.pki.root)
        if checked.valid:
            return ""
        if not checked.signature_valid:
            return checked.signature_error
        failed = [f"{check.subject}: {check.error or 'нет штампа времени'}" for check in checked.timestamps
                  if not check.valid]
        return "штамп времени не проверяется: " + "; ".join(failed or ["нет штампов времени"])


def organization_name(school: SchoolCard) -> str:
    """The certificate's organisation: the school's full name, or its short name when the full one is longer than a
    certificate allows (a school's full name often is; the bag names it in full, the INN and OGRN identify it)."""
    if len(school.full_name) <= ORGANIZATION_MAX:
        return school.full_name
    return school.short_name[:ORGANIZATION_MAX] or school.full_name[:ORGANIZATION_MAX]
