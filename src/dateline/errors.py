"""Numbered, grep-able error messages: every input rejection dateline reports is one of these."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "E001": "empty input (no bytes, or only whitespace)",
    "E002": "binary content ({kind}), not text, HTML, JSON Lines, WARC or a feed",
    "E003": "cannot decode the text: {detail}",
    "E004": "too large: {size:,} bytes is over the limit of {limit:,} (setting max_bytes)",
    "E005": "gzip data expands past {limit:,} bytes; refused as a possible gzip bomb",
    "E006": "corrupt or truncated gzip data: {detail}",
    "E007": "truncated or corrupt WARC after {records} record(s): {detail}",
    "E008": "cannot read: {detail}",
    "E009": "invalid JSON: {detail}",
    "E010": "JSON record has no 'text' or 'html' field",
    "E011": "no article text found",
    "E012": "feed cannot be parsed: {detail}",
    "E013": "no such file, folder or glob match",
    "E014": "WARC has no HTML response records",
    "E015": "feed has no items",
    "E016": "unexpected error while extracting: {detail}",
    "E017": "HTML too large to extract: {size:,} bytes of markup without scripts and styles, "
    "over the limit of {limit:,} (setting max_html_bytes)",
    "E018": "analysis (language, actors, places) failed: {detail}",
}


class DatelineError(Exception):
    """An input-level error: names the input, carries a numbered code and a readable message."""

    def __init__(self, code: str, source: str = "", **fields: object) -> None:
        self.code = code
        self.source = source
        self.fields = fields
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return MESSAGES[self.code].format(**self.fields)

    def __str__(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        return f"{prefix}{self.code} {self.message}"
