"""Bad input: each case gets a correct article or one clear error naming the input and the problem,
and the rest of the batch goes on."""

from __future__ import annotations

import gzip
import os
from dataclasses import replace
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.ingest import read_inputs
from dateline.pipeline import process
from dateline.settings import Settings
from dateline.store import Store
from tests.ingest.test_formats import STORY, make_warc

GOOD = "Ministers meet\n\nThe foreign ministers met in Rabat on Thursday to discuss migration, officials said.\n"


def _one(path: Path, settings: Settings | None = None):
    [result] = list(read_inputs([str(path)], settings or Settings()))
    return result


def _error(path: Path, settings: Settings | None = None) -> DatelineError:
    result = _one(path, settings)
    assert isinstance(result, DatelineError), result
    assert str(path) in str(result)  # the message names the input
    return result


def test_empty_and_blank_files(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b"  \n\t\n")
    assert _error(tmp_path / "empty.txt").code == "E001"
    assert _error(tmp_path / "blank.html").code == "E001"


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("photo.jpg", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + bytes(200), "PDF document"),
        ("blob.txt", bytes(range(256)) * 8, "binary data"),
    ],
)
def test_binary_files_are_named(tmp_path: Path, name: str, data: bytes, kind: str):
    (tmp_path / name).write_bytes(data)
    error = _error(tmp_path / name)
    assert error.code == "E002" and kind in str(error)


def test_invalid_utf8_bytes_are_replaced_with_a_warning(tmp_path: Path):
    text = "Ministers meet in Tétouan\n\nThe ministers met in Tétouan on Thursday, officials said after the talks.\n"
    data = text.encode("utf-8").replace(b"Thursday", b"Thurs\xffday")
    (tmp_path / "broken.txt").write_bytes(data)
    doc = _one(tmp_path / "broken.txt")
    assert doc.encoding == "utf-8" and "Tétouan" in doc.content and "\ufffd" in doc.content
    assert any("invalid UTF-8" in w for w in doc.warnings)


def test_cp1256_arabic_is_decoded(tmp_path: Path):
    arabic = (
        "رئيس الوزراء يستقبل وزير الخارجية\n\n"
        "استقبل رئيس الوزراء في بغداد اليوم وزير الخارجية وبحث معه العلاقات الثنائية بين البلدين.\n\n"
        "وأكد الجانبان أهمية تعزيز التعاون في مجالات الطاقة والتجارة والأمن خلال المرحلة المقبلة.\n"
    )
    (tmp_path / "arabic.txt").write_bytes(arabic.encode("cp1256"))
    doc = _one(tmp_path / "arabic.txt")
    assert "بغداد" in doc.content and doc.encoding == "cp1256"


def test_latin1_html_with_declared_charset(tmp_path: Path):
    html = (
        '<html><head><meta charset="iso-8859-1"><title>Sénégal</title></head><body><p>Le président a '
        "reporté l'élection présidentielle, a annoncé le gouvernement à Dakar.</p></body></html>"
    )
    (tmp_path / "fr.html").write_bytes(html.encode("latin-1"))
    doc = _one(tmp_path / "fr.html")
    assert "élection présidentielle" in doc.content and doc.encoding == "iso8859-1"


def test_30mb_page_bloated_with_scripts_gives_the_article(tmp_path: Path, settings: Settings):
    script = "<script>" + ("var tracking = '" + "a" * 52 + "';\n") * 520_000 + "</script>"
    html = STORY.replace("</head>", script + "</head>")
    assert len(html) > 30_000_000
    (tmp_path / "big.html").write_text(html)
    with Store(settings.db) as store:
        summary = process([str(tmp_path / "big.html")], store, settings)
        [article] = store.articles()
    assert not summary.failures and article.title == "Ministers meet in Rabat" and len(article.paragraphs) >= 4


def test_30mb_of_markup_is_refused_clearly(tmp_path: Path, settings: Settings):
    html = "<html><body>" + "<div><span>cell</span></div>" * 1_100_000 + "</body></html>"
    (tmp_path / "huge.html").write_text(html)
    with Store(settings.db) as store:
        summary = process([str(tmp_path / "huge.html")], store, settings)
    [failure] = summary.failures
    assert failure.code == "E017" and failure.source.endswith("huge.html") and "max_html_bytes" in failure.message


def test_file_over_max_bytes(tmp_path: Path):
    (tmp_path / "long.txt").write_text("word " * 3000)
    error = _error(tmp_path / "long.txt", Settings(max_bytes=10_000))
    assert error.code == "E004" and "15,000 bytes" in str(error)


def test_gzip_bomb_is_refused(tmp_path: Path):
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"a" * 20_000_000, compresslevel=9))
    assert (tmp_path / "bomb.html.gz").stat().st_size < 100_000
    error = _error(tmp_path / "bomb.html.gz", Settings(max_bytes=2_000_000))
    assert error.code == "E005" and "gzip bomb" in str(error)


def test_truncated_gzip(tmp_path: Path):
    data = gzip.compress(STORY.encode() * 50)
    (tmp_path / "cut.html.gz").write_bytes(data[: len(data) // 2])
    assert _error(tmp_path / "cut.html.gz").code == "E006"


def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path: Path):
    pages = [(f"https://a.test/{i}", STORY.replace("Rabat", f"Rabat {i}")) for i in range(3)]
    make_warc(tmp_path / "full.warc.gz", pages)
    data = (tmp_path / "full.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: int(len(data) * 0.8)])
    results = list(read_inputs([str(tmp_path / "cut.warc.gz")], Settings()))
    docs = [r for r in results if not isinstance(r, DatelineError)]
    errors = [r for r in results if isinstance(r, DatelineError)]
    assert len(docs) == 2 and [e.code for e in errors] == ["E007"]
    assert "cut.warc.gz" in str(errors[0]) and "truncated" in str(errors[0])


def test_unreadable_paths(tmp_path: Path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    assert _error(tmp_path / "dangling.txt").code == "E008"
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root reads anything: only the dangling link applies
            pytest.skip("running as root: permission bits do not stop reading")
        assert _error(locked).code == "E008"
    finally:
        locked.chmod(0o644)


def test_batch_goes_on_past_bad_inputs(tmp_path: Path, settings: Settings):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1-good.txt").write_text(GOOD)
    (folder / "2-empty.txt").write_bytes(b"")
    (folder / "3-image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (folder / "4-good.html").write_text(STORY)
    with Store(settings.db) as store:
        summary = process([str(folder)], store, settings)
        stored = store.articles()
        failures = store.failures()
    assert summary.stored == 2 and len(summary.failures) == 2
    assert {Path(f.source).name for f in failures} == {"2-empty.txt", "3-image.png"}
    assert {Path(a.source).name for a in stored} == {"1-good.txt", "4-good.html"}


def test_ten_thousand_small_files(tmp_path: Path, settings: Settings):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(
            f"Story {i}\n\nOfficials in district {i} said the council met on Monday to approve the budget.\n"
        )
    (folder / "05000.txt").write_bytes(b"")
    settings = replace(settings, batch_size=1000)
    with Store(settings.db) as store:
        summary = process([str(folder)], store, settings, analyse=False)  # ingest at scale, not spaCy
        assert store.count_articles() == 9_999
    assert summary.documents == 9_999 and [f.code for f in summary.failures] == ["E001"]
