"""Logging set up once per process: structured (one JSON object per line) for the service, plain
lines for the command line, each record carrying the id of the request it belongs to.

The request id lives in a context variable (``request_id``), set by the request middleware
(``app.api.middleware``) and seen by every log call made while serving that request, in the
event loop or in a worker thread (Starlette copies the context into its thread pool).

>>> record = logging.LogRecord("app.index.search", logging.INFO, __file__, 1, "search %r", ("arsip",), None)
>>> record.request_id = "3f2a"
>>> json.loads(JsonFormatter().format(record))["message"], json.loads(JsonFormatter().format(record))["request_id"]
("search 'arsip'", '3f2a')
"""

from __future__ import annotations

import functools
import json
import logging
import logging.config
import time
from contextvars import ContextVar
from datetime import datetime, timezone
from typing import Any, Callable, Literal, ParamSpec, TypeVar

#: the id of the request being served; None outside a request
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)

LogFormat = Literal["json", "text"]
P = ParamSpec("P")
R = TypeVar("R")
#: the attributes every LogRecord has: anything else was passed in ``extra=`` and is logged as a field
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "request_id"}


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on each record (``record.request_id``, None outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time (UTC, ISO 8601), level, logger, message, request id, the
    fields given in ``extra=`` and the traceback of an exception, if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        entry.update({key: value for key, value in vars(record).items() if key not in _STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_config(*, level: str = "WARNING", fmt: LogFormat = "text") -> dict[str, Any]:
    """The ``logging.config.dictConfig`` that sends every record to stderr, as JSON lines or plain
    text, from ``level`` up; uvicorn's loggers go the same way, its access log off (the request
    middleware logs each request). Uvicorn applies it in each worker process (``log_config``)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {
            "json": {"()": JsonFormatter},
            "text": {"format": "%(levelname)s %(name)s: %(message)s"},
        },
        "handlers": {"stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr",
                                "formatter": fmt, "filters": ["request_id"]}},
        "root": {"level": level, "handlers": ["stderr"]},
        "loggers": {
            "uvicorn": {"handlers": [], "propagate": True},
            "uvicorn.error": {"handlers": [], "propagate": True},
            "uvicorn.access": {"handlers": [], "propagate": False, "level": "CRITICAL"},
        },
    }


def configure_logging(*, level: str = "WARNING", fmt: LogFormat = "text") -> None:
    """Apply ``logging_config`` to this process."""
    logging.config.dictConfig(logging_config(level=level, fmt=fmt))


def timed(operation: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Log how long each call of the decorated function took (INFO, fields ``operation`` and
    ``duration_ms``), on the logger of the function's module."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        logger = logging.getLogger(function.__module__)

        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                duration = (time.perf_counter() - started) * 1000
                logger.info("%s: %.1f ms", operation, duration,
                            extra={"operation": operation, "duration_ms": round(duration, 1)})

        return wrapper

    return decorate
