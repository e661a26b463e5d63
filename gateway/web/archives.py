"""The school's archive page («Архив школы», A3–A6): the year-end packages of every closed year — the class journals
(kept 5 years) and the summary sheets (25 years) — with their state, their two copies and the last fixity checks;
the director signs a package waiting for the signature (after looking through the journals' printouts), a manager
downloads a sealed one, checks its copies now or sends a failed build back; the acts of destruction of packages
whose retention has ended (school_admin and director propose one, the authority approves it); whether the journals
are archived by semester too (colleges). For school_admin, director and deputy_head (archive.read; the archive
service decides)."""
import io

from flask import Blueprint, redirect, render_template, request, send_file, url_for

from gateway.auth.session import login_required
from gateway.errors import http_status
from gateway.web.pages import call, explain
from proto.archive.v1 import archive_pb2
from services.common.errors import DomainError

bp = Blueprint("archive_pages", __name__)

P = "/schools/<uuid:school_id>/archives"
DONE = {"signed": "Архив подписан: он формируется и появится в списке сформированным",
        "checked": "Копии архива проверены", "retried": "Архив отправлен на повторное формирование",
        "proposed": "Акт о выделении к уничтожению составлен и отправлен на утверждение в орган управления образованием",
        "policy": "Порядок архивирования сохранён"}


def copy_state(copy) -> str:
    """A copy's state in a few words: written, or waiting (with the attempts and the last error)."""
    if copy.status == "sealed":
        return "записана"
    if not copy.attempts:
        return "записывается"
    return f"ожидает записи: попыток {copy.attempts}, хранилище ответило: {copy.last_error}"


def archives_page(school_id: str, refused: str = "", status: int = 200, done: str = ""):
    asked = archive_pb2.ListArchivesRequest(school_id=school_id)
    listed = call("archive", "ListArchives", asked)
    acts = call("archive", "ListDisposalActs", asked).acts
    policy = call("archive", "GetArchivePolicy", asked)
    return render_template(
        "archives.html", school_id=school_id, listed=listed, acts=acts, policy=policy, refused=refused,
        done=DONE.get(done, ""), copy_state=copy_state), status


@bp.get(P)
@login_required
def archives(school_id):
    return archives_page(str(school_id), done=request.args.get("done", ""))


@bp.get(P + "/<uuid:archive_id>")
@login_required
def archive(school_id, archive_id):
    """One package: its copies and its fixity checks."""
    package = call("archive", "GetArchive", archive_pb2.GetArchiveRequest(school_id=str(school_id),
                                                                          archive_id=str(archive_id)))
    return render_template("archive.html", school_id=str(school_id), package=package, copy_state=copy_state)


@bp.get(P + "/<uuid:archive_id>/package")
@login_required
def download(school_id, archive_id):
    content = call("archive", "DownloadArchive", archive_pb2.GetArchiveRequest(school_id=str(school_id),
                                                                               archive_id=str(archive_id)))
    return send_file(io.BytesIO(content.content), mimetype=content.media_type, as_attachment=True,
                     download_name=content.filename)


def _act(school_id, rpc: str, request_message, done: str):
    """Calls the archive for the page's form; the page again with the refusal, or with what happened."""
    school_id = str(school_id)
    try:
        call("archive", rpc, request_message)
    except DomainError as err:
        return archives_page(school_id, explain(err), http_status(err))
    return redirect(url_for("archive_pages.archives", school_id=school_id, done=done))


def _package_act(school_id, archive_id, rpc: str, done: str):
    return _act(school_id, rpc, archive_pb2.GetArchiveRequest(school_id=str(school_id), archive_id=str(archive_id)),
                done)


@bp.post(P + "/<uuid:archive_id>/sign")
@login_required
def sign(school_id, archive_id):
    return _package_act(school_id, archive_id, "SignArchive", "signed")


@bp.post(P + "/<uuid:archive_id>/check")
@login_required
def check(school_id, archive_id):
    return _package_act(school_id, archive_id, "CheckArchive", "checked")


@bp.post(P + "/<uuid:archive_id>/retry")
@login_required
def retry(school_id, archive_id):
    return _package_act(school_id, archive_id, "RetryArchive", "retried")


@bp.post(P + "/disposal-acts")
@login_required
def propose_disposal(school_id):
    """An act listing the packages whose retention has ended, for the authority to approve."""
    return _act(school_id, "ProposeDisposal", archive_pb2.ListArchivesRequest(school_id=str(school_id)), "proposed")


@bp.post(P + "/policy")
@login_required
def policy(school_id):
    """Whether the school archives its class journals by semester as well (colleges)."""
    return _act(school_id, "SetArchivePolicy", archive_pb2.SetArchivePolicyRequest(
        school_id=str(school_id), semester_packages=request.form.get("semester_packages") == "on"), "policy")
