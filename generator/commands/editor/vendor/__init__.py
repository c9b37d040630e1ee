"""The vendored Decap CMS bundle (see README.md in this folder)."""

from pathlib import Path

DECAP_VERSION = "3.16.3"
DECAP_DIR = Path(__file__).parent / "decap-cms"
SUMS = Path(__file__).parent / "SHA256SUMS"
