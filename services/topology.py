"""Where each process of an installation listens and how it reaches the stack, derived from the
stack's environment file (.run/stack.env and secrets.env, written by infra/stack.sh)."""
import json
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SERVICES = ("identity", "schedule", "journal", "reporting", "archive", "messaging")
DATABASES = (*SERVICES, "gateway")  # the gateway's own: browser sessions and rate-limit counters (docs/gateway.md)
GRPC_PORTS = {"identity": 50051, "schedule": 50052, "journal": 50053, "reporting": 50054, "archive": 50055,
              "messaging": 50056}
# each service's /metrics (Prometheus); the gateway serves its own at GATEWAY_PORT
METRICS_PORTS = {name: port + 1000 for name, port in GRPC_PORTS.items()}
GATEWAY_PORT = 58000
TSA_PORT = 53161  # the development time-stamping authority (services.tooling.dev_tsa; RFC 3161)


def state_dir() -> pathlib.Path:
    return pathlib.Path(os.environ.get("OTMETKA_STATE_DIR", ROOT / ".run"))


def pki_dir():
    """The development PKI of the archive's signatures (python -m services.archive.pki)."""
    return state_dir() / "pki"


def read_env_file(path: pathlib.Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.removeprefix("export ").split("=", 1)
            values[key.strip()] = value.strip().strip("'\"")
    return values


def stack_env() -> dict[str, str]:
    """The stack's connection settings and development secrets: OTMETKA_* environment variables
    (as in a cluster), overlaid by the files infra/stack.sh and the launcher write on a developer's machine."""
    values = {k: v for k, v in os.environ.items() if k.startswith("OTMETKA_")}
    path = state_dir() / "stack.env"
    if path.exists():
        values.update(read_env_file(path))
        values.update(read_env_file(pathlib.Path(values.get("OTMETKA_SECRETS_FILE", state_dir() / "secrets.env"))))
        app_secrets = state_dir() / "app-secrets.env"
        if app_secrets.exists():
            values.update(read_env_file(app_secrets))
    elif "OTMETKA_PG_HOST" not in values:
        raise RuntimeError(f"{path} is missing: run `infra/stack.sh up` first")
    return values


def pg_url(stack: dict[str, str], user: str, database: str, port: int | str | None = None) -> str:
    """A connection to the stack's PostgreSQL over TLS, its certificate checked against the installation's CA
    (OTMETKA_TLS_CA; the server refuses connections without TLS)."""
    port = port or stack["OTMETKA_PG_PORT"]
    return (f"postgresql+psycopg://{user}@{stack['OTMETKA_PG_HOST']}:{port}/{database}"
            f"?sslmode=verify-full&sslrootcert={stack['OTMETKA_TLS_CA']}")


def admin_db_url(stack: dict[str, str]) -> str:
    """The superuser's connection services.deploy provisions with: OTMETKA_PG_ADMIN_URL where the operator gives one
    (a cluster's secret, with its password), else the stack's superuser over TLS."""
    if stack.get("OTMETKA_PG_ADMIN_URL"):
        return stack["OTMETKA_PG_ADMIN_URL"]
    return pg_url(stack, stack.get("OTMETKA_PG_SUPERUSER", "postgres"), "postgres")


def app_db_url(stack: dict[str, str], service: str, database: str | None = None) -> str:
    return pg_url(stack, f"{service}_app", database or f"otmetka_{service}")


def owner_db_url(stack: dict[str, str], service: str, database: str | None = None) -> str:
    return pg_url(stack, f"{service}_owner", database or f"otmetka_{service}")


def process_env(stack: dict[str, str]) -> dict[str, str]:
    """Environment for every service and the gateway of this installation."""
    env = {
        "OTMETKA_KAFKA_BOOTSTRAP": stack["OTMETKA_KAFKA_BOOTSTRAP"],
        "OTMETKA_KEYCLOAK_URL": stack["OTMETKA_KEYCLOAK_URL"],
        "OTMETKA_KEYCLOAK_REALM": stack["OTMETKA_KEYCLOAK_REALM"],
        "OTMETKA_SERVICES_CLIENT_ID": "otmetka-services",
        "OTMETKA_SERVICES_CLIENT_SECRET": stack["OTMETKA_SERVICES_CLIENT_SECRET"],
        "OTMETKA_IDENTITY_CLIENT_ID": "otmetka-identity",  # the only client allowed to administer accounts
        "OTMETKA_IDENTITY_CLIENT_SECRET": stack["OTMETKA_IDENTITY_CLIENT_SECRET"],
        # identity's key for activation codes (the launcher makes it); without it identity refuses to start
        "OTMETKA_ACTIVATION_KEY": stack.get("OTMETKA_ACTIVATION_KEY", ""),
        # TLS inside the installation (docs/architecture.md "Encryption in transit"): the stack's CA, our certificate
        "OTMETKA_TLS_CA": stack["OTMETKA_TLS_CA"],
        "OTMETKA_TLS_CERT": stack["OTMETKA_TLS_CERT"],
        "OTMETKA_TLS_KEY": stack["OTMETKA_TLS_KEY"],
        "OTMETKA_MINIO_ENDPOINT": stack["OTMETKA_MINIO_ENDPOINT"],
        "OTMETKA_MINIO_ACCESS_KEY": stack["OTMETKA_MINIO_ROOT_USER"],
        "OTMETKA_MINIO_SECRET_KEY": stack["OTMETKA_MINIO_ROOT_PASSWORD"],
        "OTMETKA_ARCHIVE_BUCKET": "otmetka-archive",
        "OTMETKA_MESSAGING_BUCKET": "otmetka-messages",
        # the archive's second object store (requirement A5: two copies on separate media); the stack's minio-replica
        "OTMETKA_ARCHIVE_REPLICA_ENDPOINT": stack.get("OTMETKA_ARCHIVE_REPLICA_ENDPOINT", ""),
        "OTMETKA_ARCHIVE_REPLICA_ACCESS_KEY": stack.get("OTMETKA_ARCHIVE_REPLICA_ACCESS_KEY", ""),
        "OTMETKA_ARCHIVE_REPLICA_SECRET_KEY": stack.get("OTMETKA_ARCHIVE_REPLICA_SECRET_KEY", ""),
        # the archive's signatures (docs/archive-signatures.md): the development PKI and TSA the launcher runs
        "OTMETKA_ARCHIVE_PKI_DIR": str(pki_dir()),
        "OTMETKA_ARCHIVE_TSA_URL": f"http://127.0.0.1:{TSA_PORT}/",
        "OTMETKA_GATEWAY_PUBLIC_URL": f"http://127.0.0.1:{GATEWAY_PORT}",
        "OTMETKA_GATEWAY_CLIENT_ID": "otmetka-gateway",
        "OTMETKA_GATEWAY_CLIENT_SECRET": stack["OTMETKA_GATEWAY_CLIENT_SECRET"],
        "OTMETKA_GATEWAY_SESSION_SECRET": stack["OTMETKA_GATEWAY_SESSION_SECRET"],
        "OTMETKA_GATEWAY_DB_URL": app_db_url(stack, "gateway"),
        # the mail path (docs/mail.md): the stack's Mailpit, the sender, the unsubscribe links' key (the launcher's)
        "OTMETKA_SMTP_HOST": stack.get("OTMETKA_SMTP_HOST", ""),
        "OTMETKA_SMTP_PORT": stack.get("OTMETKA_SMTP_PORT", ""),
        "OTMETKA_SMTP_SECURITY": stack.get("OTMETKA_SMTP_SECURITY", "none"),
        "OTMETKA_MAIL_FROM": "Отметка <noreply@otmetka.local>",
        "OTMETKA_MAIL_LINK_KEY": stack.get("OTMETKA_MAIL_LINK_KEY", ""),
        # traces to the stack's Jaeger (`infra/stack.sh up jaeger`, on demand): spans are dropped while it is down
        "OTMETKA_OTLP_ENDPOINT": stack.get("OTMETKA_OTLP_ENDPOINT", ""),
    }
    for name, port in GRPC_PORTS.items():
        upper = name.upper()
        env[f"OTMETKA_{upper}_GRPC_ADDR"] = f"127.0.0.1:{port}"
        env[f"OTMETKA_{upper}_GRPC_LISTEN"] = f"127.0.0.1:{port}"
        env[f"OTMETKA_{upper}_DB_URL"] = app_db_url(stack, name)
        env[f"OTMETKA_{upper}_METRICS_LISTEN"] = f"127.0.0.1:{METRICS_PORTS[name]}"
    return env


def scrape_targets() -> list[dict]:
    """Prometheus' file_sd targets (infra/stack.sh's prometheus): every process of the installation with /metrics."""
    return [*({"targets": [f"127.0.0.1:{METRICS_PORTS[name]}"], "labels": {"service": name}} for name in SERVICES),
            {"targets": [f"127.0.0.1:{GATEWAY_PORT}"], "labels": {"service": "gateway"}}]


if __name__ == "__main__" and sys.argv[1:] == ["prometheus-targets"]:
    print(json.dumps(scrape_targets(), indent=2))
