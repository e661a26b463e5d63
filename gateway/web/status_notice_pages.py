"""The operator's page for the status notice every page shows (gateway/status_notice.py): /authority/status-notice —
the notice now, a form to set it (text and an optional end) and a button to remove it; the operator only (403 for
others). Its REST twin: gateway/api/status_notice.py."""
import datetime as dt

from flask import Blueprint, g, redirect, render_template, request, url_for

from gateway.auth.session import login_required
from gateway.errors import http_status
from gateway.status_notice import notices, parse, require_operator
from gateway.wiring import wiring
from services.common.errors import Invalid

bp = Blueprint("status_notice", __name__)
PAGE = "/authority/status-notice"


def page_operator() -> str:
    """The signed-in page caller's username when they are the operator (Forbidden otherwise)."""
    caller = wiring().verifier.verify(g.token)
    require_operator(caller.realm_roles)
    return caller.username


def render(status: int = 200, error: Invalid | None = None, form: dict | None = None):
    notices().forget()  # the operator sees the store's notice at once, whichever worker made the last change
    notice = notices().current()
    return render_template("status_notice.html", notice=notice, error=error, form=form or {},
                           zone=wiring().settings.zone, saved=request.args.get("saved", "")), status


@bp.get(PAGE)
@login_required
def page():
    page_operator()
    return render()


@bp.post(PAGE)
@login_required
def set_notice():
    who = page_operator()
    form = {"text": request.form.get("text", ""), "until": request.form.get("until", "")}
    try:
        text, until = parse(form["text"], form["until"], wiring().settings.zone, dt.datetime.now(dt.UTC))
    except Invalid as error:
        return render(http_status(error), error, form)
    notices().set(text, until, who)
    return redirect(url_for(".page", saved="set"))


@bp.post(f"{PAGE}/remove")
@login_required
def remove_notice():
    page_operator()
    notices().clear()
    return redirect(url_for(".page", saved="removed"))
