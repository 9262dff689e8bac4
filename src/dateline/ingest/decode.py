"""Bytes to text: binary sniffing and character-encoding detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from dateline.errors import DatelineError

# Leading bytes of common non-text files, and what to call them in an error.
_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"RIFF", "RIFF media (WebP, WAV or AVI)"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"SQLite format 3", "SQLite database"),
]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)


def binary_kind(data: bytes) -> str | None:
    """Name the kind of binary file ``data`` starts like, or None if it looks like text."""
    head = data[:4096]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and controls / len(head) > 0.02:
        return "binary data"
    return None


def declared_encoding(data: bytes) -> str | None:
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, source: str = "") -> tuple[str, str, list[str]]:
    """Return (text, encoding, warnings): BOM, then strict UTF-8, then the declared charset,
    then detection. Mostly-UTF-8 input with a few bad bytes is kept as UTF-8 with a warning."""
    warnings: list[str] = []
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name, "replace"), name, warnings
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as exc:
        first_error = exc
    declared = declared_encoding(data)
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return data.decode(declared), declared, warnings
        except UnicodeDecodeError:
            pass
    # Mostly valid UTF-8 with a few broken bytes: keep UTF-8, replace the bad bytes.
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 127) - bad
    if multibyte > 0 and bad <= max(3, multibyte // 50):
        warnings.append(
            f"invalid UTF-8 at byte {first_error.start}: {bad} byte(s) replaced by U+FFFD"
        )
        return text, "utf-8", warnings
    best = from_bytes(data[:512 * 1024]).best()
    if best is None or best.encoding is None:
        raise DatelineError("E003", source, detail="not UTF-8 and no encoding fits")
    name = codecs.lookup(best.encoding).name
    warnings.append(f"not UTF-8: decoded as {name} (detected)")
    return data.decode(name, "replace"), name, warnings
