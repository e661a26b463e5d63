"""Structured JSON logs: every line carries the school id, request id and trace id of its request."""
import json
import logging
import sys
import time

from services.common import context


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str):
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        trace = context.trace_parent()
        line = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "service": self.service,
            "logger": record.name,
            "msg": record.getMessage(),
            "school_id": context.school_id(),
            "request_id": context.request_id(),
            "trace_id": trace.split("-")[1] if trace.count("-") == 3 else "",
        }
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def setup(service: str, level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("kafka", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # "Task … ran for 0.2s (>0.100s threshold)": kafka-python timing its own poll loop, said whenever the CPU is busy
    logging.getLogger("kafka.net.selector").setLevel(logging.ERROR)
