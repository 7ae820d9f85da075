"""Tests for app.config: SELARAS_API_KEYS is read as comma-separated secrets, checked, never echoed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.config import Settings


def keys(monkeypatch: pytest.MonkeyPatch, value: str) -> list[str]:
    monkeypatch.setenv("SELARAS_API_KEYS", value)
    return [key.get_secret_value() for key in Settings().api_keys]


def test_no_keys_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SELARAS_API_KEYS", raising=False)
    assert Settings().api_keys == ()
    assert keys(monkeypatch, " , ") == []


def test_keys_are_comma_separated_and_trimmed(monkeypatch: pytest.MonkeyPatch) -> None:
    assert keys(monkeypatch, " kunci-pertama-0123456789 ,kunci-kedua-0123456789,") == [
        "kunci-pertama-0123456789", "kunci-kedua-0123456789"]


def test_keys_are_hidden_in_the_settings_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELARAS_API_KEYS", "kunci-rahasia-0123456789")
    assert "kunci-rahasia" not in repr(Settings()) and "kunci-rahasia" not in str(Settings().model_dump())


@pytest.mark.parametrize("value", ["pendek", "kunci dengan spasi di dalamnya", "kunci-ünïcode-0123456789"])
def test_a_weak_or_odd_key_stops_with_a_message_that_does_not_repeat_it(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SELARAS_API_KEYS", f"kunci-yang-baik-0123456789,{value}")

    with pytest.raises(ValidationError) as error:
        Settings()

    message = str(error.value)
    assert "api_keys" in message and "key 2" in message and "16 printable ASCII" in message
    assert value not in message and "kunci-yang-baik" not in message
