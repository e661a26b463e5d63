"""The text of a rendered PDF, as poppler's pdftotext lays it out, for tests of the printed reports."""
import pathlib
import shutil
import subprocess

import pytest

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")


def pdf_text(content: bytes, folder: pathlib.Path) -> str:
    path = folder / "report.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
