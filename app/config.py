"""One Settings object, read from environment variables prefixed ``SELARAS_``; fails fast on a bad value."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

_SOURCE_ROOT = Path(__file__).resolve().parent.parent
# In a checkout (editable install) defaults live beside the code; an installed package uses the
# working directory (the Docker image sets SELARAS_DATA_DIR and SELARAS_CORPUS_DIR explicitly).
CHECKOUT = _SOURCE_ROOT if (_SOURCE_ROOT / "pyproject.toml").exists() else Path.cwd()

#: one API key of ``SELARAS_API_KEYS``
_API_KEY_RE = re.compile(r"""
    [!-+\--~]{16,}   # at least 16 printable ASCII characters, ! to ~ without the comma (it separates keys)
""", re.X)


class Settings(BaseSettings):
    """Selaras settings. Every field is read from ``SELARAS_<NAME>`` (e.g. ``SELARAS_DATA_DIR``)."""

    # errors name the setting and the rule but never echo a value: SELARAS_API_KEYS holds secrets
    model_config = SettingsConfigDict(env_prefix="SELARAS_", extra="ignore", hide_input_in_errors=True)

    data_dir: Path = Field(
        default=CHECKOUT / "indexes",
        description="Where the embedded SQLite database lives.",
    )
    database_url: str | None = Field(
        default=None,
        description="Any SQLAlchemy URL; default: SQLite file selaras.db in the data directory.",
    )
    index_dir: Path | None = Field(
        default=None,
        description="Where the Whoosh clause index lives; default: folder whoosh in the data directory.",
    )
    corpus_dir: Path = Field(
        default=CHECKOUT / "corpus",
        description="The bundled corpus: what `selaras ingest` reads when given no path (scripts/serve, first start).",
    )
    host: str = Field(default="127.0.0.1", description="Address `selaras serve` listens on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `selaras serve` listens on.")
    workers: int = Field(default=1, ge=1, le=64, description="Worker processes `selaras serve` starts (each with its own searcher).")
    page_size_max: int = Field(default=200, ge=1, le=10_000, description="Largest page the API returns.")
    upload_max_mb: int = Field(default=50, ge=1, le=2_000, description="Largest file the API accepts (an upload or a draft to compare), in MB.")
    query_max_kb: int = Field(default=32, ge=1, le=1_024, description="Longest query string the API accepts, in KB (longer text goes in a POST body).")
    cors_origins: Annotated[tuple[str, ...], NoDecode] = Field(
        default=(),
        description="Comma-separated origins whose web pages may call the API (CORS); none: CORS is off.",
    )
    log_format: Literal["json", "text"] = Field(default="json", description="How `selaras serve` logs: one JSON object per line, or plain text.")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(default="INFO", description="Lowest level `selaras serve` logs.")
    ocr_max_pages: int = Field(
        default=200, ge=1, le=10_000,
        description="Most pages of one file read by OCR (a scan, an image); more is refused (413 for an upload).",
    )
    api_keys: Annotated[tuple[SecretStr, ...], NoDecode] = Field(
        default=(),
        description="Comma-separated keys that may upload regulations (header X-API-Key); none: uploads are disabled.",
    )

    @field_validator("data_dir", "corpus_dir", "index_dir")
    @classmethod
    def _absolute(cls, value: Path | None) -> Path | None:
        return value.expanduser().resolve() if value is not None else None

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        """``"https://a.example, https://b.example"`` -> two origins; each a scheme and a host, or ``*``."""
        if not isinstance(value, str):
            return value
        origins = tuple(origin.strip().rstrip("/") for origin in value.split(",") if origin.strip())
        for origin in origins:
            if origin != "*" and not re.fullmatch(r"https?://[^\s/]+", origin):
                raise ValueError(f"{origin!r} is not an origin such as https://jdih.example.go.id")
        return origins

    @field_validator("api_keys", mode="before")
    @classmethod
    def _split_keys(cls, value: object) -> object:
        """``"key-one,key-two"`` -> two keys (spaces around them and empty ones dropped); each at
        least 16 printable ASCII characters without spaces or commas."""
        if not isinstance(value, str):
            return value
        keys = tuple(key.strip() for key in value.split(",") if key.strip())
        for position, key in enumerate(keys, 1):
            if not _API_KEY_RE.fullmatch(key):
                raise ValueError(f"key {position} must be at least 16 printable ASCII characters without spaces or commas")
        return keys

    @property
    def sqlalchemy_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'selaras.db'}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
