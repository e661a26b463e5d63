import pytest

from services.common.errors import Invalid
from services.journal.domain import homework_file as rules


def test_file_names_lose_folders_and_control_characters():
    assert rules.filename("C:\\Users\\учитель\\Задание 5.pdf") == "Задание 5.pdf"
    assert rules.filename('../../etc/"pass\x00wd".txt') == "passwd.txt"
    for bad in ("", "  ", ".hidden", "a" * 201 + ".pdf"):
        with pytest.raises(Invalid):
            rules.filename(bad)


def test_types_are_known_extensions_whose_content_matches():
    assert rules.media_type("a.PDF", b"%PDF-1.7") == "application/pdf"
    assert rules.media_type("a.docx", b"PK\x03\x04rest").endswith("wordprocessingml.document")
    assert rules.media_type("a.txt", "Задание".encode()) == "text/plain; charset=utf-8"
    for name, content, field in (("a.exe", b"MZ", "filename"), ("noext", b"%PDF", "filename"),
                                 ("a.png", b"%PDF", "content"), ("a.txt", b"\xff\xfe", "content"),
                                 ("a.pdf", b"", "content"), ("a.pdf", b"%PDF" + b"0" * rules.MAX_BYTES, "content")):
        with pytest.raises(Invalid) as err:
            rules.media_type(name, content)
        assert field in err.value.fields, name


def test_object_keys_start_with_the_school():
    assert rules.object_key("s", "l", "a") == "s/homework/l/a"
