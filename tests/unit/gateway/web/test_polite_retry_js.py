"""The pages' polite retries in headless Chromium (gateway/web/static/polite_retry.js and report_jobs.js), on a page
served by Playwright's routing (no gateway): a refusal with Retry-After is waited out at least that long, longer with
each refusal in a row (with a random part, at most 5 minutes and a half), and said in Russian; the report jobs' poll
shows «Сервис перегружен, повторим через N с» on a 503 and goes on once the gateway answers."""
import json
import pathlib
import re

import pytest
from playwright.sync_api import expect

STATIC = pathlib.Path(__file__).resolve().parents[4] / "gateway" / "web" / "static"
ORIGIN = "http://gateway.test"
REPORTS = """<!doctype html><html lang="ru"><body>
<table class="report-jobs" data-jobs="/jobs" data-reload="/done"><tr data-job="j1" data-status="running">
<td><progress max="1" value="0"></progress><span class="job-status">Формируется</span></td></tr></table>
<script src="/static/polite_retry.js" defer></script><script src="/static/report_jobs.js" defer></script>
</body></html>"""


@pytest.fixture
def page(chromium):
    context = chromium.new_context(locale="ru-RU")
    yield context.new_page()
    context.close()


def serve(page, job_answers: list):
    """The reports page and the scripts; the job's JSON answers are `job_answers` in turn (the last one repeated)."""
    asked = []

    def job(route):
        asked.append(route.request.url)
        status, headers, body = job_answers[min(len(asked), len(job_answers)) - 1]
        route.fulfill(status=status, headers=headers, body=json.dumps(body), content_type="application/json")

    page.route(f"{ORIGIN}/", lambda route: route.fulfill(body=REPORTS, content_type="text/html; charset=utf-8"))
    page.route(f"{ORIGIN}/static/*.js", lambda route: route.fulfill(
        path=STATIC / route.request.url.rsplit("/", 1)[1], content_type="text/javascript; charset=utf-8"))
    page.route(f"{ORIGIN}/jobs/j1.json", job)
    return asked


def test_the_delay_honours_retry_after_with_backoff_and_jitter(page):
    serve(page, [(200, {}, {})])
    page.goto(f"{ORIGIN}/")
    delays = page.evaluate("""() => {
        const refusal = (status, after) => new Response("", {status, headers: after ? {"Retry-After": after} : {}});
        const many = (response, attempt) => Array.from({length: 200}, () => otmetkaRetry.delaySeconds(response, attempt));
        return {busy: [refusal(503, "7"), refusal(429, "7"), refusal(503, ""), refusal(500, "7"), null]
                          .map(otmetkaRetry.busy),
                first: many(refusal(503, "7"), 0), fourth: many(refusal(503, "7"), 3),
                capped: many(refusal(503, "100"), 20), message: otmetkaRetry.message(12)};
    }""")
    assert delays["busy"] == [True, True, False, False, False]
    assert 7 <= min(delays["first"]) and max(delays["first"]) <= 11 and len(set(delays["first"])) > 1  # jitter
    assert 56 <= min(delays["fourth"]) and max(delays["fourth"]) <= 84
    assert 300 <= min(delays["capped"]) and max(delays["capped"]) <= 450
    assert delays["message"] == "Сервис перегружен, повторим через 12 с"


def test_the_report_poll_says_it_waits_and_goes_on_when_the_gateway_answers(page):
    asked = serve(page, [(503, {"Retry-After": "1"}, {"error": {"code": "UNAVAILABLE"}}),
                         (200, {}, {"status": "running", "status_name": "Формируется", "done": 1, "total": 2})])
    page.goto(f"{ORIGIN}/")
    status = page.locator(".job-status")
    expect(status).to_have_text(re.compile(r"^Сервис перегружен, повторим через [12] с$"), timeout=10_000)
    expect(status).to_have_text("Формируется: 1 из 2", timeout=10_000)
    assert len(asked) >= 2
