"""Tell an input's format from its first bytes, not its file name."""

from __future__ import annotations

import json
import re

from dateline.errors import DatelineError
from dateline.ingest.decode import binary_kind

_HTML_TAG = re.compile(rb"<(!doctype html|html|head|body|p|div|article|meta|title|h1|span|table)\b", re.I)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def sniff_format(head: bytes, source: str = "") -> str:
    """Return warc, jsonl, json, rss, atom, html or text for the first bytes of an input."""
    if head.startswith(b"WARC/"):
        return "warc"
    if not head.strip():
        raise DatelineError("E001", source)
    kind = binary_kind(head)
    if kind:
        raise DatelineError("E002", source, kind=kind)
    body = head
    for bom in _BOMS:
        if body.startswith(bom):
            body = body[len(bom):]
    body = body.lstrip()
    lower = body[:4096].lower()
    if body.startswith(b"{") and _first_line_is_object(body):
        return "jsonl"
    if body.startswith((b"{", b"[")) and re.match(rb"[\[{]\s*[\[{\"\]}]", body):
        return "json"
    if b"<rss" in lower or b"<rdf:rdf" in lower:
        return "rss"
    if b"<feed" in lower and b"http://www.w3.org/2005/atom" in lower:
        return "atom"
    if _HTML_TAG.search(lower):
        return "html"
    return "text"


def _first_line_is_object(body: bytes) -> bool:
    line = body.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        # A first line cut off by the sniffing window is still JSON Lines if it looks like it.
        return len(line) >= 4000 and line.startswith(b'{"')
