"""The class journal's printout (R6) through /api/v1 on a seeded school: once reporting knows the class, its whole
year as JSON, as the PDF/A printout (a title sheet, «Лист N», the certification sheet whose number of sheets is the
file's number of pages, pdfaid in the XMP) and as the JSON file the archive keeps."""
import re
import subprocess
import time
import uuid

import pytest

from tests.support import stack
from tests.support.pdf_text import pdf_text
from tests.support.school import seed_school

pytestmark = pytest.mark.stack


def test_the_class_journal_of_a_seeded_class(installation, tmp_path):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (журнал)")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    base = f"/schools/{sid}/class-groups/{group['id']}/journal"
    deadline = time.monotonic() + 30
    while (report := admin.get(base, expect=None)).status_code != 200:  # reporting has not been told of 5А yet
        assert time.monotonic() < deadline, report.text
        time.sleep(0.5)
    data = report.json()
    assert data["class_group_name"] == "5А" and data["whole_year"] is True

    pdf = admin.get(f"{base}.pdf").content
    (tmp_path / "journal.pdf").write_bytes(pdf)
    info = subprocess.run(["pdfinfo", "-meta", str(tmp_path / "journal.pdf")], check=True, capture_output=True,
                          text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", str(tmp_path / "journal.pdf")], check=True, capture_output=True, text=True).stdout).group(1))
    assert "<pdfaid:part>2</pdfaid:part>" in info
    text = " ".join(pdf_text(pdf, tmp_path).split())
    assert "Классный журнал" in text and "Класс 5А" in text and f"Всего листов: {pages}" in text
    assert re.search(rf"скреплено печатью {pages} лист", text) and f"Лист {pages}" in text

    kept = admin.get(f"{base}.json", expect=None).json()
    assert kept["format"] == "otmetka.class-journal/1" and kept["class_group"]["name"] == "5А"
