"""A class group's records from the reporting service, asked on the archive's own behalf (a service token): its
class journal of the whole year or of a semester (RenderClassJournalPdf, PDF/A, and RenderClassJournalJson) or its
summary sheet
(GetSummarySheet as JSON, RenderSummarySheetPdf)."""
import datetime as dt
import json

from google.protobuf import json_format

from proto.reporting.v1 import reporting_pb2
from services.archive.adapters.bagit_package import ClassFiles
from services.common.auth import ServiceTokens
from services.common.grpc_client import Peer

PDF_DEADLINE = 120.0  # a class's journal of a year is a few hundred sheets


class ReportingRecords:
    def __init__(self, reporting: Peer, tokens: ServiceTokens):
        self.reporting = reporting
        self.tokens = tokens

    def fetch(self, record_class: str, school_id: str, class_group_id: str, date_from: dt.date | None = None,
              date_to: dt.date | None = None) -> ClassFiles:
        """The class's record of the whole year, or (a journal) of the period from date_from to date_to."""
        if record_class == "journal":
            return self.journal(school_id, class_group_id, date_from, date_to)
        return self.summary_sheet(school_id, class_group_id)

    def journal(self, school_id: str, class_group_id: str, date_from: dt.date | None, date_to: dt.date | None
                ) -> ClassFiles:
        request = reporting_pb2.GetClassJournalRequest(
            school_id=school_id, class_group_id=class_group_id, date_from=date_from.isoformat() if date_from else "",
            date_to=date_to.isoformat() if date_to else "")
        as_json = self.reporting.call("RenderClassJournalJson", request, token=self.tokens.token(),
                                      deadline=PDF_DEADLINE).content
        pdf = self.reporting.call("RenderClassJournalPdf", request, token=self.tokens.token(), deadline=PDF_DEADLINE)
        return ClassFiles(class_group_id, json.loads(as_json)["class_group"]["name"], as_json, pdf.content)

    def summary_sheet(self, school_id: str, class_group_id: str) -> ClassFiles:
        request = reporting_pb2.GetSummarySheetRequest(school_id=school_id, class_group_id=class_group_id)
        sheet = self.reporting.call("GetSummarySheet", request, token=self.tokens.token())
        pdf = self.reporting.call("RenderSummarySheetPdf", request, token=self.tokens.token(), deadline=PDF_DEADLINE)
        as_json = json_format.MessageToJson(sheet, preserving_proto_field_name=True, ensure_ascii=False, indent=2)
        return ClassFiles(class_group_id, sheet.class_group_name, as_json.encode(), pdf.content)
