"""Pure extraction of quantitative claims: text in, claims out, no database.

Imports stay light here so that `factcheck extract` starts fast; the stages load on first use.
"""

from __future__ import annotations

from factcheck.extract.extractor import EXTRACTOR_VERSION, extract

__all__ = ["EXTRACTOR_VERSION", "extract"]
