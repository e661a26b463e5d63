"""The gateway serves a restarted service again within seconds: reporting is stopped, the gateway is called until it
answers 503 (its channel has lost reporting and is reconnecting), then reporting is started and waited for until
ready; from that moment the gateway answers its calls again within 5 s (with gRPC's default reconnect backoff it went
on answering 503 for a minute and more). An answer of reporting's own counts (the operator has no role in a made-up
school: 403 or 404); 503 is the gateway not reaching it."""
import time
import uuid

import pytest

from services import launcher
from services.tooling.api_client import Api
from tests.support import stack
from tests.support.mailpit import wait_until

pytestmark = pytest.mark.stack
BACK_WITHIN = 5.0
REFUSED_WITHIN = 60.0  # a call waits its deadline (5 s) for a peer it has not yet taken for down


def test_the_gateway_serves_a_restarted_service_within_seconds_of_it_being_ready(installation):
    api = Api(stack.operator_token())
    path = f"/schools/{uuid.uuid4()}/report-schedule"  # reporting's GetReportSchedule

    def answered() -> bool:
        status = api.get(path, expect=None).status_code
        assert status in (403, 404, 503), status
        return status != 503

    assert answered()
    sup = launcher.supervisor()
    sup.stop("reporting")
    try:
        wait_until(lambda: not answered(), REFUSED_WITHIN, "the gateway's 503 while reporting is stopped")
    finally:
        sup.start("reporting")
        launcher.wait_ready(sup, ["reporting"])
    ready = time.monotonic()
    while not answered() and time.monotonic() - ready < 120:
        time.sleep(0.2)
    back = time.monotonic() - ready
    assert back < BACK_WITHIN, f"the gateway reached reporting {back:.1f} s after it was ready"
