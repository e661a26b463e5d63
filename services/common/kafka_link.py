"""How every Kafka client of the installation reaches the brokers: over TLS (the brokers' SSL listener), their
certificate checked against the installation's CA (docs/architecture.md "Encryption in transit"). A producer, a
consumer and an admin client all take their connection options from here."""
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class KafkaLink:
    bootstrap: str  # host:port[,host:port...]
    ca_file: str  # the installation's CA (PEM)

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> "KafkaLink":
        """OTMETKA_KAFKA_BOOTSTRAP and OTMETKA_TLS_CA (a process's environment or the stack's settings)."""
        return cls(environ["OTMETKA_KAFKA_BOOTSTRAP"], environ["OTMETKA_TLS_CA"])

    def options(self) -> dict[str, object]:
        """The connection's keyword arguments of kafka-python's KafkaProducer, KafkaConsumer and KafkaAdminClient."""
        return {"bootstrap_servers": self.bootstrap, "security_protocol": "SSL", "ssl_cafile": self.ca_file,
                "ssl_check_hostname": True}
