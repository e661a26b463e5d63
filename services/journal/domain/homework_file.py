"""Homework files (J1): which files a teacher may attach (by extension, checked against the content's first
bytes), their size limit, a safe file name, and the tenant-scoped object key. Plain Python, no I/O."""
import re

from services.common.errors import Invalid

# the gateway takes JSON bodies up to 2 MiB (the file travels base64-encoded in them): 1.5 MB of file fits
MAX_BYTES = 1_500_000
MAX_PER_LESSON = 20
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


def filename(raw: str) -> str:
    """The file's own name (no folders), without control characters, at most 200 characters."""
    name = re.split(r"[\\/]", raw or "")[-1]
    name = re.sub(r"[\x00-\x1f\x7f\"]", "", name).strip()
    if not name or name.startswith("."):
        raise Invalid("filename", "укажите имя файла")
    if len(name) > 200:
        raise Invalid("filename", "имя файла не длиннее 200 символов")
    return name


def media_type(name: str, content: bytes) -> str:
    """The media type by the extension, if the content is such a file; refuses other files and sizes."""
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in TYPES:
        raise Invalid("filename", "можно прикрепить PDF, DOCX, XLSX, PPTX, ODT, TXT, JPG или PNG")
    if not content:
        raise Invalid("content", "файл пуст")
    if len(content) > MAX_BYTES:
        raise Invalid("content", f"файл больше {MAX_BYTES / 1_000_000:g} МБ".replace(".", ","))
    kind, signatures = TYPES[extension]
    if signatures is None:
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            raise Invalid("content", "текстовый файл должен быть в кодировке UTF-8") from None
    elif not content.startswith(signatures):
        raise Invalid("content", f"содержимое не похоже на файл {extension}")
    return kind


def object_key(school_id: str, lesson_id: str, attachment_id: str) -> str:
    """Every school's files under its own prefix."""
    return f"{school_id}/homework/{lesson_id}/{attachment_id}"
