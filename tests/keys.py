"""The API keys the tests configure (the ``keys`` fixture of ``tests/conftest.py``) and send."""

KEY = "kunci-uji-yang-cukup-panjang-1"
OTHER_KEY = "kunci-uji-yang-cukup-panjang-2"
HEADERS = {"X-API-Key": KEY}
