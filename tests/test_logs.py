"""Tests for app.logs: JSON lines with the request id, plain text for the command line, timings."""

from __future__ import annotations

import json
import logging
from typing import Iterator

import pytest

from app.logs import configure_logging, request_id, timed


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_json_lines_carry_the_request_id_and_extra_fields(restore_logging, capsys) -> None:
    configure_logging(level="INFO", fmt="json")
    token = request_id.set("req-7")
    try:
        logging.getLogger("app.test").info("found %d", 3, extra={"hits": 3})
    finally:
        request_id.reset(token)
    logging.getLogger("app.test").debug("not shown")
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    entry = json.loads(lines[0])
    assert (entry["level"], entry["logger"], entry["message"], entry["request_id"], entry["hits"]) == \
        ("INFO", "app.test", "found 3", "req-7", 3)


def test_text_lines_and_uvicorn_access_log_off(restore_logging, capsys) -> None:
    configure_logging(level="INFO", fmt="text")
    logging.getLogger("uvicorn.access").info("GET / 200")
    logging.getLogger("uvicorn.error").info("Started server process")
    assert capsys.readouterr().err.strip().splitlines() == ["INFO uvicorn.error: Started server process"]


def test_timed_logs_each_call_with_its_duration(caplog) -> None:
    @timed("hitung")
    def add(a: int, b: int) -> int:
        return a + b

    with caplog.at_level(logging.INFO):
        assert add(2, 3) == 5
    record = caplog.records[-1]
    assert record.operation == "hitung" and record.duration_ms >= 0 and record.name == __name__
