"""Write docs/settings.md and docs/errors.md from the code's own tables (run after changing either)."""

from __future__ import annotations

from pathlib import Path

from dateline.errors import MESSAGES
from dateline.settings import SETTINGS

DOCS = Path(__file__).resolve().parents[1] / "docs"

SETTINGS_HEAD = """# Settings

Read once per run, later sources winning: defaults, then `dateline.toml` (or the file named by
`DATELINE_CONFIG` or `--config`; keys at the top level or under `[dateline]`), then
`DATELINE_<NAME>` environment variables, then command-line flags (`--db`, `--workers`).

| setting | type | default | what it does |
| --- | --- | --- | --- |
"""

ERRORS_HEAD = """# Errors

Every input dateline rejects gets one line: `error: SOURCE: CODE message`. SOURCE names the
file, and the record inside it where there is one (`file.jsonl:7`, `crawl.warc.gz#record=3`,
`feed.xml#item=2`). The rest of the batch goes on; `dateline process` exits 1 when anything
failed, and `dateline failures` lists what is recorded in the store.

| code | message |
| --- | --- |
"""


def main() -> None:
    rows = [f"| `{name}` | {kind.__name__} | `{value}` | {note} |" for name, (kind, value, note) in SETTINGS.items()]
    (DOCS / "settings.md").write_text(SETTINGS_HEAD + "\n".join(rows) + "\n", encoding="utf-8")
    rows = [f"| {code} | {text.replace('|', '/')} |" for code, text in MESSAGES.items()]
    (DOCS / "errors.md").write_text(ERRORS_HEAD + "\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
