"""Read one input path into RawDocuments: plain text and HTML, JSON Lines, WARC, RSS and Atom.

Each reader yields RawDocument records or DatelineError values; an error in one record never
stops the records after it, and memory stays bounded by the size limits in Settings.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dateline.errors import DatelineError
from dateline.ingest.decode import decode
from dateline.ingest.paths import STDIN
from dateline.ingest.sniff import sniff_format
from dateline.model import RawDocument
from dateline.settings import Settings

Result = RawDocument | DatelineError
_SNIFF_BYTES = 64 * 1024


def read_path(path: str, settings: Settings) -> Iterator[Result]:
    """Yield the documents in one file (or standard input for '-')."""
    source = "<stdin>" if path == STDIN else path
    try:
        raw = sys.stdin.buffer if path == STDIN else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield DatelineError("E008", source, detail=exc.strerror or str(exc))
        return
    with raw:
        try:
            yield from _read_stream(raw, source, settings)
        except DatelineError as exc:
            yield exc
        except (OSError, EOFError, zlib.error) as exc:
            yield DatelineError("E006" if _is_gzip_error(exc) else "E008", source, detail=str(exc))


def _is_gzip_error(exc: BaseException) -> bool:
    return isinstance(exc, EOFError | zlib.error | gzip.BadGzipFile)


def _read_stream(raw: BinaryIO, source: str, settings: Settings) -> Iterator[Result]:
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
    compressed = buffered.peek(2)[:2] == b"\x1f\x8b"
    stream: io.BufferedReader = (
        io.BufferedReader(gzip.GzipFile(fileobj=buffered), buffer_size=_SNIFF_BYTES)  # type: ignore[arg-type]
        if compressed
        else buffered
    )
    if compressed and buffered.seekable():
        head = _gzip_head(buffered, source)
    else:
        head = stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
    fmt = sniff_format(head, source)
    if fmt == "warc":
        if compressed:
            # warcio reads gzip members itself; start again from the raw bytes.
            buffered.seek(0)
            yield from read_warc(buffered, source, settings)
        else:
            yield from read_warc(stream, source, settings)
    elif fmt == "jsonl":
        yield from read_jsonl(stream, source, settings)
    else:
        limit = settings.max_bytes
        data = stream.read(limit + 1)
        if len(data) > limit:
            if compressed:
                raise DatelineError("E005", source, limit=limit)
            raise DatelineError("E004", source, size=_size(buffered, len(data)), limit=limit)
        if fmt in ("rss", "atom"):
            yield from read_feed(data, fmt, source)
        elif fmt == "json":
            yield from read_json(data, source)
        else:
            text, encoding, warnings = decode(data, source)
            if not text.strip():
                raise DatelineError("E001", source)
            yield RawDocument(
                source=source,
                format=fmt,
                content=text,
                content_type="html" if fmt == "html" else "text",
                encoding=encoding,
                warnings=tuple(warnings),
            )


def _gzip_head(buffered: io.BufferedReader, source: str) -> bytes:
    """The first decompressed bytes of a gzip file, tolerating a truncated stream."""
    start = buffered.tell()
    chunk = buffered.read(_SNIFF_BYTES)
    buffered.seek(start)
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(chunk, _SNIFF_BYTES)
    except zlib.error as exc:
        raise DatelineError("E006", source, detail=str(exc)) from exc


def _size(stream: BinaryIO, seen: int) -> int:
    try:
        return max(seen, stream.seek(0, io.SEEK_END))
    except OSError:
        return seen


def read_jsonl(stream: BinaryIO, source: str, settings: Settings) -> Iterator[Result]:
    """One JSON object a line, with any of text/html/url/title/date/source."""
    limit = settings.max_bytes
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        where = f"{source}:{lineno}"
        if len(line) > limit and not line.endswith(b"\n"):
            yield DatelineError("E004", where, size=len(line), limit=limit)
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = stream.readline(limit + 1)
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield DatelineError("E009", where, detail=str(exc))
            continue
        if not isinstance(record, dict):
            yield DatelineError("E009", where, detail="a line must hold a JSON object")
            continue
        yield _record_document(record, where, "jsonl")


def read_json(data: bytes, source: str) -> Iterator[Result]:
    """A JSON file holding one record object or an array of them."""
    try:
        value = json.loads(data)
    except ValueError as exc:
        yield DatelineError("E009", source, detail=str(exc))
        return
    records = value if isinstance(value, list) else [value]
    for index, record in enumerate(records, start=1):
        where = source if len(records) == 1 else f"{source}#{index}"
        if not isinstance(record, dict):
            yield DatelineError("E009", where, detail="expected a JSON object")
            continue
        yield _record_document(record, where, "json")


def _record_document(record: dict[str, Any], where: str, fmt: str) -> Result:
    html, text = record.get("html"), record.get("text")
    content = html if isinstance(html, str) and html.strip() else text
    if not isinstance(content, str) or not content.strip():
        return DatelineError("E010", where)
    return RawDocument(
        source=where,
        format=fmt,
        content=content,
        content_type="html" if content is html else "text",
        url=_str(record.get("url")),
        title=_str(record.get("title")),
        published=_str(record.get("date") or record.get("published")),
        outlet=_str(record.get("source") or record.get("outlet")),
        encoding="utf-8",
    )


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def read_warc(stream: BinaryIO, source: str, settings: Settings) -> Iterator[Result]:
    """HTML response records of a WARC or WARC.gz file; a cut-off file yields the records before
    the cut and then an E007 error."""
    limit = settings.max_bytes
    records = found = end = 0
    iterator = ArchiveIterator(stream)
    try:
        for record in iterator:
            records += 1
            result = _warc_document(record, f"{source}#record={records}", limit)
            iterator.read_to_end(record)
            end = iterator.get_record_offset() + iterator.get_record_length()
            if result is not None:
                found += 1
                yield result
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        yield DatelineError("E007", source, records=records, detail=str(exc).strip() or type(exc).__name__)
        return
    size = _size(stream, end)
    if size > end and _has_data_after(stream, end):
        yield DatelineError("E007", source, records=records, detail=f"{size - end:,} unreadable bytes at the end")
    elif not found:
        yield DatelineError("E014", source)


def _has_data_after(stream: BinaryIO, offset: int) -> bool:
    """Whether anything but the blank lines that close a record follows ``offset``."""
    try:
        stream.seek(offset)
    except OSError:
        return False
    return bool(stream.read(4096).strip())


def _warc_document(record: Any, where: str, limit: int) -> Result | None:
    if record.rec_type != "response":
        return None
    ctype = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
    if "html" not in ctype.lower():
        return None
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        return DatelineError("E004", where, size=len(data), limit=limit)
    if not data.strip():
        return DatelineError("E001", where)
    try:
        text, encoding, warnings = decode(data, where)
    except DatelineError as exc:
        return exc
    return RawDocument(
        source=where,
        format="warc",
        content=text,
        content_type="html",
        url=record.rec_headers.get_header("WARC-Target-URI"),
        encoding=encoding,
        warnings=tuple(warnings),
    )


def read_feed(data: bytes, fmt: str, source: str) -> Iterator[Result]:
    """Each RSS or Atom item: its full content where the feed has it, else its summary."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise DatelineError("E012", source, detail=str(parsed.get("bozo_exception")))
        raise DatelineError("E015", source)
    outlet = parsed.feed.get("title") if parsed.get("feed") else None
    for index, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#item={index}"
        html = feed_item_html(entry)
        if not html.strip():
            yield DatelineError("E011", where)
            continue
        yield RawDocument(
            source=where,
            format=fmt,
            content=html,
            content_type="html-fragment",
            url=entry.get("link"),
            title=entry.get("title"),
            published=entry.get("published") or entry.get("updated"),
            outlet=outlet,
            encoding=parsed.get("encoding"),
        )


def feed_item_html(entry: Any) -> str:
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return value
    return entry.get("summary") or entry.get("description") or ""
