"""Where the shared, read-only material lives (beside the checkout, also in CI)."""

from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SPECIMENS = SHARED / "specimens"
NATIONAL = SHARED / "corpus" / "national"
