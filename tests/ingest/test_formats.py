"""Every input format is detected by content and read into RawDocuments."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.errors import DatelineError
from dateline.ingest import read_inputs
from dateline.settings import Settings

STORY = (
    "<html><head><title>Ministers meet in Rabat</title></head><body><article><h1>Ministers meet in Rabat</h1>"
    + "".join(
        f"<p>Paragraph {i}: the foreign ministers of Morocco and Spain met in Rabat on Thursday to discuss "
        "migration and trade, officials said after the talks ended.</p>"
        for i in range(4)
    )
    + "</article></body></html>"
)


def _read(*paths: Path | str, settings: Settings | None = None) -> list:
    return list(read_inputs([str(p) for p in paths], settings or Settings()))


def make_warc(path: Path, pages: list[tuple[str, str]], gz: bool = True) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
            writer.write_record(record)


def test_format_is_read_from_content_not_name(tmp_path: Path):
    (tmp_path / "page.txt").write_text(STORY)  # HTML under a .txt name
    (tmp_path / "notes.html").write_text("A plain line of scraped text about the summit in Rabat.\n")
    formats = {Path(d.source).name: d.format for d in _read(tmp_path)}
    assert formats == {"page.txt": "html", "notes.html": "text"}


def test_gzipped_html(tmp_path: Path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(STORY.encode()))
    [doc] = _read(tmp_path / "page.html.gz")
    assert doc.format == "html" and "Rabat" in doc.content


def test_jsonl_records_with_metadata_and_bad_lines(tmp_path: Path):
    lines = [
        json.dumps({"text": "The army said it repelled an attack near the border.", "url": "https://x.test/1",
                    "title": "Attack repelled", "date": "2023-02-01", "source": "Example Wire"}),
        "{not json",
        json.dumps({"html": STORY, "url": "https://x.test/2"}),
        json.dumps({"title": "no body"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    results = _read(tmp_path / "feed.jsonl")
    assert [type(r).__name__ for r in results] == ["RawDocument", "DatelineError", "RawDocument", "DatelineError"]
    first = results[0]
    assert (first.title, first.published, first.outlet, first.content_type) == (
        "Attack repelled", "2023-02-01", "Example Wire", "text")
    assert results[1].source.endswith("feed.jsonl:2") and results[1].code == "E009"
    assert results[2].content_type == "html"
    assert results[3].code == "E010"


def test_warc_and_warc_gz(tmp_path: Path):
    pages = [("https://a.test/1", STORY), ("https://a.test/2", STORY.replace("Rabat", "Madrid"))]
    make_warc(tmp_path / "crawl.warc.gz", pages)
    make_warc(tmp_path / "plain.warc", pages[:1], gz=False)
    docs = _read(tmp_path / "crawl.warc.gz", tmp_path / "plain.warc")
    assert [d.url for d in docs] == ["https://a.test/1", "https://a.test/2", "https://a.test/1"]
    assert all(d.format == "warc" and d.content_type == "html" for d in docs)


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example Wire</title>
<item><title>Truce holds</title><link>https://w.test/1</link><pubDate>Tue, 07 Nov 2023 10:30:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The truce held for a third day.</p>
<p>Aid lorries crossed the border.</p>]]></content:encoded>
</item>
<item><title>Vote delayed</title><link>https://w.test/2</link><pubDate>Wed, 08 Nov 2023 09:00:00 GMT</pubDate>
<description>Parliament delayed the vote on the budget.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Envoy arrives</title><link href="https://atom.test/1"/><updated>2023-11-09T08:00:00Z</updated>
<summary>The envoy arrived in Khartoum for talks with both sides.</summary></entry></feed>"""


def test_rss_items_prefer_full_content(tmp_path: Path):
    (tmp_path / "feed.xml").write_text(RSS)
    first, second = _read(tmp_path / "feed.xml")
    assert first.format == "rss" and first.title == "Truce holds" and "third day" in first.content
    assert second.content == "Parliament delayed the vote on the budget."
    assert first.published.startswith("Tue, 07 Nov 2023") and first.outlet == "Example Wire"


def test_atom_entry(tmp_path: Path):
    (tmp_path / "feed.atom").write_text(ATOM)
    [entry] = _read(tmp_path / "feed.atom")
    assert entry.format == "atom" and entry.url == "https://atom.test/1" and "Khartoum" in entry.content


def test_folder_walk_is_recursive_sorted_and_skips_hidden(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second story text about the summit held today.")
    (tmp_path / "a.txt").write_text("First story text about the summit held today.")
    (tmp_path / ".hidden.txt").write_text("hidden")
    assert [Path(d.source).name for d in _read(tmp_path)] == ["a.txt", "two.txt"]


def test_globs_and_missing_names(tmp_path: Path):
    (tmp_path / "x.txt").write_text("A story about the talks in Doha that ended on Friday.")
    results = _read(tmp_path / "*.txt", tmp_path / "nothing-*.txt", tmp_path / "absent.txt")
    assert isinstance(results[0], type(_read(tmp_path / "x.txt")[0]))
    assert [r.code for r in results[1:]] == ["E013", "E013"]
    assert all(isinstance(r, DatelineError) for r in results[1:])
