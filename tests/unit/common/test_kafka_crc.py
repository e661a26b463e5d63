"""kafka-python checks the CRC-32C of every record it produces or consumes: with the crc32c package it does so
in C (in pure Python it cost ~26 µs a message in the outbox relay and every consumer, docs/performance.md)."""
from kafka.record import util


def test_kafka_checks_crc32c_in_c():
    assert util._crc32c is not util.crc32c_py
    assert util._crc32c(b"123456789") == util.crc32c_py(b"123456789") == 0xE3069283
