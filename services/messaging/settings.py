"""Messaging settings from OTMETKA_* environment variables: the bucket of the messages' files."""
from dataclasses import dataclass

from services.common.settings import env

BUCKET = "otmetka-messages"  # files of every school's messages, each under its school's prefix


@dataclass(frozen=True)
class MessagingSettings:
    bucket: str

    @classmethod
    def from_env(cls) -> "MessagingSettings":
        return cls(bucket=env("OTMETKA_MESSAGING_BUCKET", BUCKET))
