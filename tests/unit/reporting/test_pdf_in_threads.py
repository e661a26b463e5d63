"""PDFs built at once in several threads (two report workers, concurrent gRPC calls) all come out whole: ReportLab's
shared fonts are only touched by one document at a time (before, a font's glyph subset got corrupted: KeyError)."""
from concurrent.futures import ThreadPoolExecutor

from services.reporting.adapters import pdf_report
from tests.support.pdf_text import needs_pdftotext, pdf_text

# a different text in every document, so that every build adds glyphs to the fonts' subsets
WORDS = ("Математика", "Русский язык", "История", "Физика", "Химия", "География", "Биология", "Литература")


def built(n: int) -> bytes:
    rows = pdf_report.text_rows(("Ученик", "Предмет", "Отметки"),
                                [(f"Ученик № {n}-{i} Ёлкин", WORDS[(n + i) % len(WORDS)], "5 4 3 № §") for i in range(40)])
    return pdf_report.report_pdf(pdf_report.Heading(f"Отчёт № {n}", "МБОУ «Школа»", "1 четверть"), rows,
                                 [200, 200, 200])


@needs_pdftotext
def test_pdfs_built_in_eight_threads_at_once_are_all_whole(tmp_path):
    with ThreadPoolExecutor(max_workers=8) as pool:
        documents = list(pool.map(built, range(32)))
    for n in (0, 13, 31):
        text = pdf_text(documents[n], tmp_path)
        assert f"Отчёт № {n}" in text and f"Ученик № {n}-39 Ёлкин" in text
    assert all(document.startswith(b"%PDF") for document in documents)
