"""HTML pages: trafilatura's main text, metadata from the page head, and removed furniture."""

from __future__ import annotations

import datetime as dt

from dateline import extract

PAGE = """<!doctype html><html lang="en-GB"><head>
<title>Envoys agree truce | The Example Times</title>
<meta property="og:title" content="Envoys agree truce in Khartoum">
<meta property="og:site_name" content="The Example Times">
<meta name="author" content="Jane Roe">
<meta property="article:section" content="Africa">
<meta property="article:published_time" content="2023-05-21T08:30:00+03:00">
<meta name="description" content="A week-long truce was agreed.">
</head><body>
<nav class="main-nav"><a href="/">Home</a> <a href="/world">World</a> <a href="/africa">Africa</a></nav>
<div class="cookie-consent">We use cookies to improve your experience. <button>Accept</button></div>
<article><h1>Envoys agree truce in Khartoum</h1>
<p>KHARTOUM (AP) — Envoys of the two warring sides agreed on Saturday to a week-long truce, the
mediators said in a joint statement released after talks that lasted several days.</p>
<p>The truce is meant to let aid convoys reach the capital, where residents have been short of food,
water and medicine for weeks, according to aid agencies working in the city.</p>
<p>Both sides accused each other of breaking earlier ceasefires, and diplomats said the monitoring
arrangements would be tested in the first days of the agreement.</p>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/1">Aid convoys wait at the border</a></li></ul></aside>
<div class="share-bar"><a>Facebook</a><a>Twitter</a></div>
<section id="comments"><h3>Leave a Reply</h3><form><textarea></textarea></form></section>
<footer><p>© 2023 The Example Times. All rights reserved.</p></footer>
</body></html>"""


def test_main_text_and_metadata():
    article = extract(PAGE, url="https://www.example-times.test/africa/truce")
    assert article.title == "Envoys agree truce in Khartoum"
    assert len(article.paragraphs) == 3 and article.paragraphs[0].startswith("KHARTOUM (AP)")
    assert (article.outlet, article.dateline_place) == ("AP", "Khartoum")
    assert article.authors == ["Jane Roe"] and article.section == "Africa" and article.language == "en"
    assert article.published.date == dt.date(2023, 5, 21) and article.published.time == dt.time(8, 30)
    assert article.published.timezone == "+03:00"
    assert article.description == "A week-long truce was agreed."


def test_removed_furniture_has_reasons():
    article = extract(PAGE)
    reasons = {block.reason for block in article.removed}
    assert {"navigation", "cookie-notice", "related-links", "share-buttons", "comment-form",
            "copyright-footer"} <= reasons
    assert not any("All rights reserved" in p for p in article.paragraphs)


def test_page_without_dateline_keeps_the_site_as_outlet():
    article = extract(PAGE.replace("KHARTOUM (AP) — ", ""))
    assert article.outlet == "The Example Times" and article.dateline_place is None


def test_caller_metadata_wins_over_the_page():
    article = extract(PAGE, published="2023-05-22", title="Given title")
    assert article.published.date == dt.date(2023, 5, 22) and article.title == "Given title"
