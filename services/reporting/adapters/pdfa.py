"""PDF/A-2b for ReportLab documents kept in the archive (A3, A6): a canvas mixin that, when the document is saved, adds
to its catalog the XMP metadata (pdfaid part 2, conformance B, and the Info dictionary's title, author, subject,
keywords, creator, producer and dates as XMP says them) and an output intent GTS_PDFA1 with an sRGB ICC profile
(Pillow's): `make_pdfa(canvas)` before the canvas is saved (pdf_report.PdfACanvas does); and, on the saved file,
`eol_before_endstream` (ReportLab ends a compressed stream's data right before «endstream», PDF/A wants an end of
line there). What else PDF/A asks of the file ReportLab already does: TrueType fonts embedded as subsets, a document
/ID in the trailer, no encryption; the report itself must draw no transparency and no unembedded font (PdfACanvas's
initial font, which ReportLab's preamble names on every page, is DejaVu, not the unembedded Helvetica)."""
import functools
import re
from xml.sax.saxutils import escape

from PIL import ImageCms
from reportlab.pdfbase.pdfdoc import PDFArray, PDFCatalog, PDFDictionary, PDFName, PDFStream, PDFString, format
from reportlab.pdfgen.canvas import Canvas

XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>{producer}</pdf:Producer>
   <pdf:Keywords>{keywords}</pdf:Keywords>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
CATALOG_ENTRIES = [*PDFCatalog.__NoDefault__, "OutputIntents"]


@functools.cache
def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def xmp_date(stamp) -> str:
    """ReportLab's time stamp (the Info dictionary's CreationDate and ModDate) as XMP writes a date."""
    year, month, day, hour, minute, second = stamp.YMDhms
    sign = "-" if stamp.dhh < 0 else "+"
    return (f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
            f"{sign}{abs(stamp.dhh):02d}:{stamp.dmm:02d}")


def xmp(doc) -> bytes:
    """The document's XMP packet, saying what its Info dictionary says."""
    info = doc.info
    values = {k: escape(str(getattr(info, k))) for k in ("title", "author", "subject", "creator", "producer",
                                                          "keywords")}
    return XMP.format(date=xmp_date(doc._timeStamp), **values).encode("utf-8")


class UnfilteredStream(PDFStream):
    """A stream written as it is, without a /Filter key (PDF/A: the metadata stream)."""

    def format(self, document) -> bytes:
        dictionary = PDFDictionary({**self.dictionary.dict, "Length": len(self.content)})
        return format(dictionary, document) + b"\nstream\n" + self.content + b"endstream\n"


def make_pdfa(canvas: Canvas) -> None:
    """Adds the XMP metadata and the sRGB output intent to the canvas's document catalog (before it is saved)."""
    doc = canvas._doc
    metadata = UnfilteredStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}), xmp(doc))
    profile = PDFStream(PDFDictionary({"N": 3}), srgb_profile())
    intent = PDFDictionary({"Type": PDFName("OutputIntent"), "S": PDFName("GTS_PDFA1"),
                            "OutputConditionIdentifier": PDFString("sRGB IEC61966-2.1"),
                            "Info": PDFString("sRGB IEC61966-2.1"), "DestOutputProfile": doc.Reference(profile)})
    catalog = doc.Catalog
    catalog.Metadata = metadata
    catalog.OutputIntents = PDFArray([intent])
    catalog.__NoDefault__ = CATALOG_ENTRIES  # ReportLab's catalog writes only the entries it lists



STREAM = re.compile(rb"\d+ 0 obj\s*<<.*?/Length (\d+)\b.*?>>\s*stream\r?\n", re.S)
XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) n")


def eol_before_endstream(pdf: bytes) -> bytes:
    """The file with an end of line before every stream's «endstream» (the stream's /Length, which counts the bytes
    before that end of line, unchanged), the cross-reference table's offsets and «startxref» moved to match. Objects
    are found through the file's one cross-reference table, as ReportLab writes it."""
    head, _, tail = pdf.rpartition(b"startxref")
    xref_at = int(tail.split()[0])
    table = pdf[xref_at:len(head)]
    offsets = sorted({int(m.group(1)) for m in XREF_ENTRY.finditer(table)})
    inserted_before: dict[int, int] = {}
    parts, done, added = [], 0, 0
    for start, end in zip(offsets, [*offsets[1:], xref_at], strict=True):
        inserted_before[start] = added
        found = STREAM.match(pdf, start, end)
        if found is None:
            continue
        data_end = found.end() + int(found.group(1))
        if pdf.startswith(b"endstream", data_end) and pdf[data_end - 1:data_end] not in (b"\n", b"\r"):
            parts.append(pdf[done:data_end] + b"\n")
            done, added = data_end, added + 1
    body = b"".join(parts) + pdf[done:xref_at]
    table = XREF_ENTRY.sub(lambda m: b"%010d %s n" % (int(m.group(1)) + inserted_before.get(int(m.group(1)), 0),
                                                        m.group(2)), table)
    return body + table + b"startxref\n%d\n%%%%EOF\n" % (xref_at + added)
