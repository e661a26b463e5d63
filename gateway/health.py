"""GET /healthz: 200 while the gateway runs; with ?deep=1 also asks every service's gRPC health check, for monitoring
only (each deep check opens a TLS channel to every service: from anywhere else it is 404, never an amplifier)."""
from flask import Blueprint, abort, jsonify, request

from gateway.observability import from_monitoring
from gateway.wiring import wiring
from services.common.grpc_client import health_status

bp = Blueprint("health", __name__)
DEADLINE = 2.0


@bp.get("/healthz")
def healthz():
    if not request.args.get("deep"):
        return jsonify(status="ok")
    if not from_monitoring():
        abort(404)
    services = {name: health_status(address, DEADLINE) for name, address in wiring().peers.addresses.items()}
    healthy = all(status == "SERVING" for status in services.values())
    return jsonify(status="ok" if healthy else "degraded", services=services), 200 if healthy else 503
