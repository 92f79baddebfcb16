"""Small frozen records shared by every stage: read, extract, resolve, store, compare.

Widgets, exporters and the CLI see these, never ORM rows.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

LANGUAGES: tuple[str, ...] = ("sv", "nb", "da", "en", "de", "fr", "es")

Unit = Literal["persons", "percent", "km", "km2", "years", "months", "days", "towns", "count"]
Kind = Literal[
    "fighters",
    "civilians",
    "casualties",
    "displaced",
    "control_share",
    "area",
    "distance",
    "duration",
    "count",
    "ratio",
]
KINDS: tuple[str, ...] = (
    "fighters",
    "civilians",
    "casualties",
    "displaced",
    "control_share",
    "area",
    "distance",
    "duration",
    "count",
    "ratio",
)
UNITS: tuple[str, ...] = ("persons", "percent", "km", "km2", "years", "months", "days", "towns", "count")


def content_hash(text: str) -> str:
    """The identity of a document's content: sha256 of its normalised text."""
    normalised = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    """One report as read from a file, a URL or standard input, before extraction."""

    text: str
    origin: str  # file path, URL or "-" for standard input
    title: str | None = None
    outlet: str | None = None
    language: str | None = None  # one of LANGUAGES, or None when undetected
    published: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def name(self) -> str:
        """The short name used in output: a file's base name, or the URL."""
        if "://" in self.origin:
            return self.origin
        return self.origin.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number mention in text, claim or not (the number layer's output)."""

    text: str
    start: int
    end: int
    value_low: float
    value_high: float
    unit: str | None = None
    approximate: bool = False
    vague: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """A quantitative claim found in a document.

    Offsets are character offsets in the document text. Attribution fields
    (source, source_mention, via) are None/empty for the report's own voice.
    """

    start: int
    end: int
    text: str  # the claim as written, e.g. "anslagsvis 37 prosent"
    sentence: str
    value_low: float
    value_high: float
    unit: str
    kind: str
    approximate: bool = False
    vague: bool = False
    subject: str | None = None
    actor: str | None = None
    location: str | None = None
    as_of: str | None = None
    source: str | None = None  # canonical name
    source_mention: str | None = None  # as written in the report
    source_type: str | None = None
    source_score: float | None = None  # resolution score 0..100, None when unresolved
    via: tuple[str, ...] = field(default=())
    sentence_start: int = 0  # offset of the sentence in the document text

    def claim_key(self, document_hash: str) -> str:
        """Identity that survives re-extraction: document, span, and normalised value."""
        return claim_key(document_hash, self.start, self.end, self.value_low, self.value_high)


def claim_key(document_hash: str, start: int, end: int, value_low: float, value_high: float) -> str:
    raw = f"{document_hash}:{start}:{end}:{value_low:.6g}:{value_high:.6g}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()
