"""Bytes to text: byte-order marks, strict UTF-8, then a detected legacy encoding; binary is refused."""

from __future__ import annotations

import codecs

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that never occur in text files (tab, newline, carriage return, form feed and ESC do).
_BINARY_BYTES = bytes(sorted(frozenset(range(0, 9)) | frozenset(range(14, 27)) | {11, 28, 29, 30, 31}))
# A scraped report may hold a stray control byte or two; files past this share are not text.
_BINARY_SHARE = 0.05
_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP/Office"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"\x1f\x8b", "gzip"),
    (b"\x7fELF", "executable"),
)
# Every non-ASCII character the seven supported languages write, with newsroom punctuation:
# when Windows-1252 turns a file into these, that is the file's encoding (detectors guess
# Central European or even CJK code pages for short Swedish texts).
_WESTERN = frozenset(
    "åäöæøéèêëàâáíìîïóòôúùûüñçßÅÄÖÆØÉÈÊËÀÂÁÍÌÎÏÓÒÔÚÙÛÜÑÇœŒ«»“”„‘’‚–—…€£°§½¼¾¡¿·×´¨ºª©®™•\xa0"
)


class DecodeError(ValueError):
    """The bytes are not text we can read."""


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file this is ("binary" when unknown), or None for text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    sample = data[:8192]
    if not sample:
        return None
    odd = len(sample) - len(sample.translate(None, _BINARY_BYTES))  # bytes.translate deletes them in C
    return "binary" if odd / len(sample) > _BINARY_SHARE else None


def looks_binary(data: bytes) -> bool:
    return binary_kind(data) is not None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken sequences (a truncated scrape) keeps its good characters."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    decoded_non_ascii = sum(1 for ch in text if ord(ch) > 127) - broken
    return text if decoded_non_ascii > broken else None


def _western_legacy(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return text
    western = sum(1 for ch in non_ascii if ch in _WESTERN)
    return text if western / len(non_ascii) >= 0.95 else None


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes to str, or raise DecodeError with a one-line reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} after its byte-order mark") from exc
    kind = binary_kind(data)
    if kind is not None:
        raise DecodeError("binary file, not text" if kind == "binary" else f"binary file ({kind}), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _mostly_utf8(data) or _western_legacy(data)
    if text is not None:
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise DecodeError("unknown text encoding")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(f"text does not decode as {best.encoding}") from exc
