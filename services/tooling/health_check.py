"""The kubelet's probe of a service (charts/otmetka): a service's port takes mutual TLS only, and a gRPC probe of
Kubernetes speaks no TLS, so the pod asks its own health service with our certificate (OTMETKA_TLS_*) and exits 0
when it says SERVING.

Usage: python -m services.tooling.health_check <port> [service]   (service: "" readiness, "liveness")
"""
import sys

from services.common.grpc_client import health_status

TIMEOUT = 2.0  # within the probes' timeoutSeconds (values.yaml: 3 and 10)


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2 or not argv[0].isdigit():
        sys.exit(__doc__)
    status = health_status(f"127.0.0.1:{argv[0]}", TIMEOUT, argv[1] if len(argv) == 2 else "")
    print(status)
    return 0 if status == "SERVING" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
