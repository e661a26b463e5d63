"""Waiting for reporting in end-to-end tests: it is fed by events, so a report shows what a test wrote a moment
later, and until the class's or school's first events arrive the report is a 404 (not known yet)."""
import time

from services.tooling.api_client import Api

PATIENCE = 60.0  # seconds: under the whole suite's load the consumers lag behind more than alone


def once_reported(api: Api, path: str, params: dict, ready, what: str = "the events did not reach the report"
                  ) -> dict:
    """The report at `path` once `ready(report)`; a 404 (the read model does not know the object yet) is waited out
    like a report not ready."""
    deadline = time.monotonic() + PATIENCE
    while True:
        resp = api.request("GET", path, params=params)
        report = resp.json() if resp.status_code == 200 else {"status": resp.status_code, "body": resp.text[:300]}
        if resp.status_code == 200 and ready(report):
            return report
        assert resp.status_code in (200, 404), f"{path}: {resp.status_code} {resp.text[:300]}"
        assert time.monotonic() < deadline, f"{what}: {report}"
        time.sleep(0.5)
