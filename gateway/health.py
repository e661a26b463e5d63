"""GET /healthz: 200 while the gateway runs; with ?deep=1 also asks every service's gRPC health check."""
import grpc
from flask import Blueprint, jsonify, request
from grpc_health.v1 import health_pb2, health_pb2_grpc

from gateway.wiring import wiring
from services.common.grpc_client import channel

bp = Blueprint("health", __name__)
DEADLINE = 2.0


def service_status(address: str) -> str:
    with channel(address) as peer:
        try:
            reply = health_pb2_grpc.HealthStub(peer).Check(health_pb2.HealthCheckRequest(), timeout=DEADLINE)
            return health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
        except grpc.RpcError as exc:
            return exc.code().name


@bp.get("/healthz")
def healthz():
    if not request.args.get("deep"):
        return jsonify(status="ok")
    services = {name: service_status(address) for name, address in wiring().peers.addresses.items()}
    healthy = all(status == "SERVING" for status in services.values())
    return jsonify(status="ok" if healthy else "degraded", services=services), 200 if healthy else 503
