"""dateline: local-first political event data from your own news pages.

``dateline.extract(text_or_html, url=None, published=None)`` returns a clean Article;
the ``dateline`` command processes files, folders and feeds into a DuckDB store.
"""

__version__ = "0.1.0"

from dateline.pipeline import extract

__all__ = ["__version__", "extract"]
