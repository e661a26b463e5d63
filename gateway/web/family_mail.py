"""A guardian's notices and e-mail, in Russian: which automatic notices about the children they get and how (in the
app, by e-mail), the e-mail address (confirmed through the link mailed to it) and the digest (daily, weekly), a digest
of the period so far on request; and the pages a mail's links open without logging in — confirm the address,
unsubscribe (also the mail client's one-click POST, RFC 8058). Every rule is the messaging service's, the kinds of
notices, the channels and the digests with their names too."""
from flask import Blueprint, redirect, render_template, request, url_for

from gateway.auth.session import login_required
from gateway.errors import http_status
from gateway.web.pages import call, explain
from gateway.wiring import wiring
from proto.messaging.v1 import messaging_pb2 as pb
from services.common.errors import DomainError

bp = Blueprint("family_mail", __name__)

DONE = {"saved": "Сохранено", "confirm": "На указанный адрес отправлено письмо со ссылкой: откройте её, чтобы "
        "подтвердить адрес", "digest_sent": "Сводка отправлена на вашу почту",
        "digest_empty": "За этот период нового нет: письмо не отправлено"}


@bp.get("/schools/<uuid:school_id>/notices/settings")
@login_required
def settings(school_id):
    return settings_page(str(school_id))


def settings_page(school_id: str, failure: str = "", status: int = 200, form: dict | None = None):
    mail = call("messaging", "GetMailSettings", pb.GetMailSettingsRequest(school_id=school_id))
    chosen = call("messaging", "GetNoticePreferences", pb.GetNoticePreferencesRequest(school_id=school_id)).preferences
    enabled = {(p.kind, p.channel) for p in chosen if p.enabled}
    return render_template("family_mail_settings.html", school_id=school_id, mail=mail, enabled=enabled,
                           kinds={p.kind: p.kind_name for p in chosen}, channels={p.channel: p.channel_name for p in chosen},
                           digests={c.code: c.name for c in mail.digests}, failure=failure, form=form or {},
                           done=DONE.get(request.args.get("done", ""), "")), status


@bp.post("/schools/<uuid:school_id>/notices/settings")
@login_required
def save(school_id):
    school_id = str(school_id)
    form = {"address": request.form.get("address", "").strip(), "digest": request.form.get("digest", "none")}
    try:
        after = call("messaging", "SetMailSettings", pb.SetMailSettingsRequest(
            school_id=school_id, address=form["address"], digest=form["digest"]))
        offered = [pair.partition(":") for pair in request.form.getlist("offered")]  # the page's kinds × channels
        call("messaging", "SetNoticePreferences", pb.SetNoticePreferencesRequest(school_id=school_id, preferences=[
            pb.NoticePreference(kind=kind, channel=channel, enabled=f"{kind}:{channel}" in request.form)
            for kind, _, channel in offered]))
    except DomainError as err:
        return settings_page(school_id, explain(err), http_status(err), form)
    return redirect(url_for("family_mail.settings", school_id=school_id,  # an unconfirmed address is sent the link
                            done="confirm" if after.address and not after.confirmed else "saved"))


@bp.post("/schools/<uuid:school_id>/notices/settings/digest")
@login_required
def digest_now(school_id):
    school_id = str(school_id)
    try:
        sent = call("messaging", "SendDigestNow", pb.SendDigestNowRequest(school_id=school_id))
    except DomainError as err:
        return settings_page(school_id, explain(err), http_status(err))
    return redirect(url_for("family_mail.settings", school_id=school_id,
                            done="digest_sent" if sent.sent else "digest_empty"))


def mail_link(token: str, kind: str):
    """GET: what the link does and a button; POST (the button, or a mail client's one-click): it is done. No login:
    the signed token is the proof."""
    rpc = "UseMailLink" if request.method == "POST" else "ReadMailLink"
    try:
        link = wiring().peers.call("messaging", rpc, pb.MailLinkRequest(token=token), "")
    except DomainError as err:
        return render_template("mail_link.html", link=None, kind=kind, failure=explain(err)), http_status(err)
    if link.kind != kind:
        return render_template("mail_link.html", link=None, kind=kind,
                               failure="Ссылка недействительна: откройте ссылку из письма целиком."), 404
    return render_template("mail_link.html", link=link, kind=kind, failure="",
                           done=request.method == "POST" or link.done)


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
def unsubscribe(token):
    return mail_link(token, "unsubscribe")


@bp.route("/mail/confirm/<token>", methods=["GET", "POST"])
def confirm(token):
    return mail_link(token, "confirm")
