"""Fixtures of the API tests."""

from __future__ import annotations

import pytest

from app.config import get_settings
from tests.api.uploads import KEY, OTHER_KEY


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two API keys configured (``tests.api.uploads.KEY`` and ``OTHER_KEY``)."""
    monkeypatch.setenv("SELARAS_API_KEYS", f"{KEY}, {OTHER_KEY}")
    get_settings.cache_clear()
