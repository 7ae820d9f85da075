"""A small exception hierarchy; each class carries the HTTP status the API answers it with.

The API maps them in one handler (``app.main``) to ``{"detail": message}``; the CLI prints the
message and exits with ``exit_code``.
"""

from __future__ import annotations

from typing import ClassVar, Mapping


class SelarasError(Exception):
    """Base of every error Selaras reports to a user."""

    status_code = 500
    exit_code = 1
    #: HTTP headers the API answers with, besides the JSON body
    headers: ClassVar[Mapping[str, str]] = {}

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(SelarasError):
    """Raised when a regulation, provision or file asked for does not exist."""

    status_code = 404
    exit_code = 4


class InvalidInput(SelarasError):
    """Raised when a request or a command argument is malformed."""

    status_code = 400
    exit_code = 2


class Unauthorized(SelarasError):
    """Raised when a request that needs an API key (header ``X-API-Key``) has none, or an unknown one."""

    status_code = 401
    headers = {"WWW-Authenticate": "APIKey"}


class Forbidden(SelarasError):
    """Raised when a request asks for what this server does not allow at all (uploads without
    ``SELARAS_API_KEYS`` set)."""

    status_code = 403


class UnreadableFile(SelarasError):
    """Raised when a file cannot be read as a regulation (wrong encoding, empty, not text)."""

    status_code = 422
    exit_code = 3


class TooLarge(SelarasError):
    """Raised when an uploaded file is larger than the settings allow."""

    status_code = 413
    exit_code = 2


class IndexUnavailable(SelarasError):
    """Raised when the search index cannot be opened or read (damaged, or from another version)."""

    status_code = 503
    exit_code = 5


class Interrupted(SelarasError):
    """Raised when a background job is stopped before its end: the server shut down, or restarted."""

    status_code = 503
