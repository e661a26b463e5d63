"""Builds a year-end archive package: a BagIt bag (sha256 manifests) of one record class of a school's year — every
class's journal, or every class's summary sheet, each as JSON and PDF/A — with its metadata, a bag-info.txt and a
README.txt in Russian that speak for themselves decades later; its tag manifest signed (a detached CMS signature by
the director and the installation, each with its RFC 3161 timestamp), zipped.

The signature files sit next to the tag manifest and are not in it (a signature cannot be part of what it signs):
`tagmanifest-sha256.txt.p7s`, `signatures/<signer>.tsr` and `certificates/` (the root to check against, which a
verifier compares with the municipality's published fingerprint)."""
import datetime as dt
import io
import json
import pathlib
import re
import tempfile
import zipfile
from dataclasses import dataclass

import bagit

from services.archive.domain.archive_package import RECORD_CLASS_NAMES
from services.common.plural import plural

TAG_MANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = TAG_MANIFEST + ".p7s"
README = "README.txt"
PAYLOAD_FOLDERS = {"journal": "journals", "summary_sheet": "summary-sheets"}
SIGNERS = ("director", "installation")  # in the order of the CMS's signer infos
ROOT_CERTIFICATE = "certificates/municipality-root.pem"


@dataclass(frozen=True)
class ClassFiles:
    """One class group's record (its journal or its summary sheet) in both forms."""

    class_group_id: str
    class_group_name: str
    json: bytes
    pdf: bytes


@dataclass(frozen=True)
class SchoolCard:
    """What the package says of the school (identity's school card)."""

    id: str
    full_name: str
    short_name: str
    inn: str
    ogrn: str
    address: str


@dataclass(frozen=True)
class SignedManifest:
    """The tag manifest's detached CMS signature, each signer's timestamp token (DER, in the order of SIGNERS) and
    the root certificate a verifier checks them against (PEM)."""

    signature: bytes
    timestamps: tuple[bytes, ...]
    root_pem: bytes


@dataclass(frozen=True)
class Period:
    """The part of the year a semester's package covers."""
    name: str
    date_from: dt.date
    date_to: dt.date

    def text(self) -> str:
        return f"{self.name}, {self.date_from.isoformat()} – {self.date_to.isoformat()}"


@dataclass(frozen=True)
class PackageInfo:
    archive_id: str
    school: SchoolCard
    academic_year_id: str
    academic_year_name: str
    record_class: str
    retention_years: int
    retain_until: dt.date
    created_at: dt.datetime
    formed_by: str  # the director who signed it
    signed_at: dt.datetime
    software_version: str
    period: Period | None = None  # a semester's package; None = the whole academic year

    def period_text(self) -> str:
        return self.period.text() if self.period else "весь учебный год"


def file_stem(files: ClassFiles, taken: set[str]) -> str:
    """A safe file name for a class group (its name, or its id when the name is empty or taken)."""
    stem = re.sub(r"[^\w.-]+", "_", files.class_group_name).strip("._")
    if not stem or stem in taken:
        stem = f"{stem}-{files.class_group_id}" if stem else files.class_group_id
    taken.add(stem)
    return stem


def years_text(years: int) -> str:
    """"5 лет", "1 год", "3 года"."""
    return plural(years, "год", "года", "лет")


def metadata(info: PackageInfo, stems: list[tuple[ClassFiles, str]]) -> dict:
    folder = PAYLOAD_FOLDERS[info.record_class]
    return {
        "archive_id": info.archive_id,
        "school": {"id": info.school.id, "full_name": info.school.full_name, "inn": info.school.inn,
                   "ogrn": info.school.ogrn, "address": info.school.address},
        "academic_year": {"id": info.academic_year_id, "name": info.academic_year_name},
        "period": ({"name": info.period.name, "date_from": info.period.date_from.isoformat(),
                    "date_to": info.period.date_to.isoformat()} if info.period else None),
        "record_class": info.record_class, "record_class_name": RECORD_CLASS_NAMES[info.record_class],
        "retention_years": info.retention_years, "retain_until": info.retain_until.isoformat(),
        "created_at": info.created_at.isoformat(), "formed_by": info.formed_by,
        "signed_at": info.signed_at.isoformat(), "software_version": info.software_version,
        "class_groups": [{"id": files.class_group_id, "name": files.class_group_name,
                          "files": [f"data/{folder}/{stem}.pdf", f"data/{folder}/{stem}.json"]}
                         for files, stem in stems],
    }


def bag_info(info: PackageInfo) -> dict[str, str]:
    """bag-info.txt: BagIt's own fields, then ours (the school's registration numbers, the record class and its
    retention, who formed the package and with what)."""
    kind = RECORD_CLASS_NAMES[info.record_class]
    return {
        "Source-Organization": info.school.full_name,
        "Organization-Address": info.school.address or "не указан",
        "Contact-Name": f"{info.formed_by}, директор",
        "External-Identifier": info.archive_id,
        "External-Description": f"{kind}, {info.academic_year_name} учебный год"
                                + (f", {info.period.text()}" if info.period else ""),
        "Bagging-Date": info.created_at.date().isoformat(),
        "School-INN": info.school.inn or "не указан",
        "School-OGRN": info.school.ogrn or "не указан",
        "Academic-Year": info.academic_year_name,
        "Period": info.period_text(),
        "Record-Class": f"{info.record_class} ({kind})",
        "Retention-Period": years_text(info.retention_years),
        "Retain-Until": info.retain_until.isoformat(),
        "Formed-By": f"{info.formed_by}, директор; подписано {info.signed_at.isoformat(timespec='seconds')}",
        "Formed-At": info.created_at.isoformat(timespec="seconds"),
        "Software": f"Otmetka {info.software_version}",
    }


def timestamp_file(signer: str) -> str:
    return f"signatures/{signer}.tsr"


def readme(info: PackageInfo, stems: list[tuple[ClassFiles, str]]) -> str:
    """README.txt in Russian: what the package holds, its layout and how to check it with common tools."""
    folder = PAYLOAD_FOLDERS[info.record_class]
    stamps = "\n".join(f"  {timestamp_file(signer)}" for signer in SIGNERS)
    classes = "\n".join(f"  {files.class_group_name or files.class_group_id}: data/{folder}/{stem}.pdf, .json"
                        for files, stem in stems)
    return f"""АРХИВНЫЙ ПАКЕТ: {RECORD_CLASS_NAMES[info.record_class].upper()}

Организация: {info.school.full_name}
ИНН {info.school.inn or "не указан"}, ОГРН {info.school.ogrn or "не указан"}
Учебный год: {info.academic_year_name}, период: {info.period_text()}
Срок хранения: {years_text(info.retention_years)}, до {info.retain_until.isoformat()}
Сформировал и подписал: {info.formed_by}, директор, {info.signed_at.isoformat(timespec="seconds")}
Программа: Otmetka {info.software_version}
Идентификатор пакета: {info.archive_id}

СОСТАВ
Пакет оформлен по спецификации BagIt (RFC 8493).
  bag-info.txt            сведения о пакете (организация, ИНН, ОГРН, год, срок хранения)
  manifest-sha256.txt     контрольные суммы SHA-256 всех файлов в data/
  tagmanifest-sha256.txt  контрольные суммы служебных файлов (и этого README.txt)
  tagmanifest-sha256.txt.p7s  электронная подпись (CMS) файла tagmanifest-sha256.txt:
                          подписи директора и установки, у каждой — штамп времени (RFC 3161)
{stamps}
                          штампы времени подписей, отдельными файлами
  {ROOT_CERTIFICATE}
                          корневой сертификат, которым проверяются подписи; сверьте его отпечаток
                          с опубликованным органом управления образованием
  data/metadata.json      описание пакета в JSON
  data/{folder}/          по каждому классу: PDF/A для печати и JSON с теми же данными
{classes}

КАК ПРОВЕРИТЬ (OpenSSL и bagit, без этой программы)
1. Целостность файлов:
     bagit.py --validate .          (или: sha256sum -c manifest-sha256.txt)
2. Подпись (оба подписанта, цепочка до корневого сертификата):
     openssl cms -verify -binary -inform DER -in tagmanifest-sha256.txt.p7s \\
       -content tagmanifest-sha256.txt -CAfile {ROOT_CERTIFICATE} -purpose any -out /dev/null
3. Штамп времени подписи: штамп заверяет значение подписи. Значения подписей видны в
     openssl cms -cmsout -print -inform DER -in tagmanifest-sha256.txt.p7s
   (поле signature у каждого signerInfo); штамп проверяется так:
     openssl ts -verify -digest <SHA-256 значения подписи, hex> -in {timestamp_file(SIGNERS[0])} -token_in \\
       -CAfile {ROOT_CERTIFICATE}
   Штамп доказывает, что подпись существовала в указанное в нём время, и после истечения
   срока действия сертификатов.
4. Состав: pdfinfo и pdftotext покажут титульный лист, число листов и заверительную надпись каждого журнала.
"""


def build_bag(bag_dir: pathlib.Path, info: PackageInfo, files: list[ClassFiles], sign) -> pathlib.Path:
    """Writes the payload into bag_dir, bags it in place, adds the README and signs the tag manifest with
    sign(bytes) -> SignedManifest."""
    folder = PAYLOAD_FOLDERS[info.record_class]
    payload = bag_dir / folder
    payload.mkdir(parents=True)
    taken: set[str] = set()
    stems = [(record, file_stem(record, taken)) for record in files]
    for record, stem in stems:
        (payload / f"{stem}.json").write_bytes(record.json)
        (payload / f"{stem}.pdf").write_bytes(record.pdf)
    (bag_dir / "metadata.json").write_text(json.dumps(metadata(info, stems), ensure_ascii=False, indent=2),
                                           encoding="utf-8")
    bag = bagit.make_bag(str(bag_dir), checksums=["sha256"], bag_info=bag_info(info))
    (bag_dir / README).write_text(readme(info, stems), encoding="utf-8")
    bag.save()  # the tag manifest now covers README.txt
    signed = sign((bag_dir / TAG_MANIFEST).read_bytes())
    # written after bagging and never followed by a re-save, so the signed manifest stays as signed
    (bag_dir / SIGNATURE).write_bytes(signed.signature)
    for signer, token in zip(SIGNERS, signed.timestamps, strict=True):
        (bag_dir / timestamp_file(signer)).parent.mkdir(exist_ok=True)
        (bag_dir / timestamp_file(signer)).write_bytes(token)
    (bag_dir / ROOT_CERTIFICATE).parent.mkdir()
    (bag_dir / ROOT_CERTIFICATE).write_bytes(signed.root_pem)
    return bag_dir


def zip_dir(root: pathlib.Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            archive.write(path, f"{root.name}/{path.relative_to(root).as_posix()}")
    return out.getvalue()


def build_package(info: PackageInfo, files: list[ClassFiles], sign) -> bytes:
    """The zipped, signed bag (its top folder is named after the archive id)."""
    with tempfile.TemporaryDirectory(prefix="otmetka-archive-") as tmp:
        return zip_dir(build_bag(pathlib.Path(tmp) / info.archive_id, info, files, sign))


def signed_parts(data: bytes) -> tuple[bytes, bytes]:
    """(the tag manifest, its signature) read from a package's zip: what a fixity check verifies."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        top = names[0].split("/", 1)[0]
        return archive.read(f"{top}/{TAG_MANIFEST}"), archive.read(f"{top}/{SIGNATURE}")
