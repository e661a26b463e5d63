"""The gateway serves a restarted service again within seconds: the reporting service is restarted (by the launcher,
which waits until it is ready) while the gateway is called the whole time; from the moment reporting is ready, the
gateway answers its calls again within 5 s (with gRPC's default reconnect backoff it went on answering 503 for a
minute and more). An answer of reporting's own counts (the operator has no role in a made-up school: 403 or 404);
503 is the gateway not reaching it."""
import subprocess
import sys
import threading
import time
import uuid

import pytest

from services import topology
from services.tooling.api_client import Api
from tests.support import stack

pytestmark = pytest.mark.stack
BACK_WITHIN = 5.0


def test_the_gateway_serves_a_restarted_service_within_seconds_of_it_being_ready(installation):
    api = Api(stack.operator_token())
    path = f"/schools/{uuid.uuid4()}/report-schedule"  # reporting's GetReportSchedule

    def answered() -> bool:
        status = api.get(path, expect=None).status_code
        assert status in (403, 404, 503), status
        return status != 503

    assert answered()
    restarting, statuses = threading.Event(), []

    def call_meanwhile() -> None:  # as users do: the gateway's channel keeps trying while reporting is away
        while not restarting.wait(0.3):
            statuses.append(answered())

    caller = threading.Thread(target=call_meanwhile)
    caller.start()
    try:
        subprocess.run([sys.executable, "-m", "services.launcher", "restart", "reporting"], cwd=topology.ROOT,
                       check=True, timeout=300)
    finally:
        restarting.set()
        caller.join(timeout=60)
    ready = time.monotonic()
    while not answered() and time.monotonic() - ready < 120:
        time.sleep(0.2)
    back = time.monotonic() - ready
    assert back < BACK_WITHIN, f"the gateway reached reporting {back:.1f} s after it was ready"
    assert False in statuses, "the gateway was called while reporting was away"
