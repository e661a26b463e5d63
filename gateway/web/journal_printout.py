"""The class journal's printout on demand (R6; seed 000 §5.2, 002 §5.2): any class for its whole school year or a
period, every subject or one, as reporting's PDF/A with a title sheet, numbered sheets and the certification sheet —
what is bound, signed and sealed. Without a class, a form to pick the class, the period and the subject. For the
managers and the class's form teacher (report.read; reporting decides)."""
from flask import Blueprint, render_template, request

from gateway.auth.session import login_required
from gateway.web.journal import principal_of
from gateway.web.pages import call, class_names, optional
from gateway.web.reports import send_report
from proto.reporting.v1 import reporting_pb2
from proto.schedule.v1 import schedule_pb2

bp = Blueprint("journal_printout_pages", __name__)

P = "/schools/<uuid:school_id>/journal/printout"
PRINTOUT_DEADLINE = 60.0  # a class's whole year: hundreds of sheets, laid out twice


@bp.get(P)
@login_required
def printout(school_id):
    """The PDF of the class asked for (class_group_id; date_from, date_to "" = the whole school year; subject_id "" =
    every subject); with form=1 or without a class, the form."""
    school_id, args = str(school_id), request.args
    class_group_id = args.get("class_group_id", "")
    if class_group_id and not args.get("form"):
        return send_report(call("reporting", "RenderClassJournalPdf", reporting_pb2.GetClassJournalRequest(
            school_id=school_id, class_group_id=class_group_id, date_from=args.get("date_from", ""),
            date_to=args.get("date_to", ""), subject_id=args.get("subject_id", "")), PRINTOUT_DEADLINE))
    subjects = optional("schedule", "ListSubjects", schedule_pb2.ListSubjectsRequest(school_id=school_id),
                        schedule_pb2.ListSubjectsResponse()).subjects
    return render_template(
        "journal_printout.html", school_id=school_id, classes=class_names(school_id),
        class_group_id=class_group_id or next(iter(principal_of(school_id).form_class_group_ids), ""),
        subjects=sorted(((s.id, s.name) for s in subjects), key=lambda s: s[1].casefold()),
        date_from=args.get("date_from", ""), date_to=args.get("date_to", ""), subject_id=args.get("subject_id", ""))
