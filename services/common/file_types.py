"""Files people attach (homework files, message files): which types are accepted (by extension, checked against the
content's first bytes), the size limit and a safe file name. Plain Python, no I/O; the journal's homework files and
the messaging service's message files both use it."""
import re

from services.common.errors import Invalid

# the gateway takes JSON bodies up to 2 MiB (the file travels base64-encoded in them): 1.5 MB of file fits
MAX_BYTES = 1_500_000
ZIP = b"PK\x03\x04"  # office documents are zip packages
TYPES = {  # extension -> (media type, accepted first bytes; None = UTF-8 text)
    ".pdf": ("application/pdf", (b"%PDF",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (ZIP,)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (ZIP,)),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", (ZIP,)),
    ".odt": ("application/vnd.oasis.opendocument.text", (ZIP,)),
    ".txt": ("text/plain; charset=utf-8", None),
}


def filename(raw: str, field: str = "filename") -> str:
    """The file's own name (no folders), without control characters, at most 200 characters."""
    name = re.split(r"[\\/]", raw or "")[-1]
    name = re.sub(r"[\x00-\x1f\x7f\"]", "", name).strip()
    if not name or name.startswith("."):
        raise Invalid(field, "укажите имя файла")
    if len(name) > 200:
        raise Invalid(field, "имя файла не длиннее 200 символов")
    return name


def media_type(name: str, content: bytes, name_field: str = "filename", content_field: str = "content") -> str:
    """The media type by the extension, if the content is such a file; refuses other files and sizes."""
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in TYPES:
        raise Invalid(name_field, "можно прикрепить PDF, DOCX, XLSX, PPTX, ODT, TXT, JPG или PNG")
    if not content:
        raise Invalid(content_field, "файл пуст")
    if len(content) > MAX_BYTES:
        raise Invalid(content_field, f"файл больше {MAX_BYTES / 1_000_000:g} МБ".replace(".", ","))
    kind, signatures = TYPES[extension]
    if signatures is None:
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            raise Invalid(content_field, "текстовый файл должен быть в кодировке UTF-8") from None
    elif not content.startswith(signatures):
        raise Invalid(content_field, f"содержимое не похоже на файл {extension}")
    return kind
