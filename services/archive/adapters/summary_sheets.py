"""Summary sheets from the reporting service, asked on the archive's own behalf (a service token)."""
from google.protobuf import json_format

from proto.reporting.v1 import reporting_pb2
from services.archive.adapters.bagit_package import SheetFiles
from services.common.auth import ServiceTokens
from services.common.grpc_client import Peer

PDF_DEADLINE = 60.0


class ReportingSummarySheets:
    def __init__(self, reporting: Peer, tokens: ServiceTokens):
        self.reporting = reporting
        self.tokens = tokens

    def fetch(self, school_id: str, class_group_id: str) -> SheetFiles:
        request = reporting_pb2.GetSummarySheetRequest(school_id=school_id, class_group_id=class_group_id)
        sheet = self.reporting.call("GetSummarySheet", request, token=self.tokens.token())
        pdf = self.reporting.call("RenderSummarySheetPdf", request, token=self.tokens.token(), deadline=PDF_DEADLINE)
        as_json = json_format.MessageToJson(sheet, preserving_proto_field_name=True, ensure_ascii=False, indent=2)
        return SheetFiles(class_group_id, sheet.class_group_name, as_json.encode(), pdf.content)
