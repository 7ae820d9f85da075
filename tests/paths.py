"""Where the shared, read-only material lives (beside the checkout, also in CI)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SPECIMEN_TEXTS = ROOT / "corpus" / "spesimen"   # the specimens as the product ships them (same text as shared/)
SPECIMENS = SHARED / "specimens"
NATIONAL = SHARED / "corpus" / "national"
