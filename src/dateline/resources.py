"""Read dateline's data files (TSV with '#' header comments) once per process."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    return Path(str(resources.files("dateline") / "data" / name))


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a bundled TSV data file as dicts (comment lines skipped, cells stripped)."""
    return tuple(read_tsv(data_path(name)))


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
