"""Ingest stage: named inputs (files, folders, globs, stdin) -> RawDocument records or errors.

Fills: RawDocument. Needs: nothing but paths and Settings.
"""

from __future__ import annotations

from collections.abc import Iterator

from dateline.errors import DatelineError
from dateline.ingest.paths import expand_paths
from dateline.ingest.readers import Result, read_path
from dateline.settings import Settings

__all__ = ["Result", "read_inputs"]


def read_inputs(names: list[str], settings: Settings) -> Iterator[Result]:
    """Every document in every named input, in a stable order; errors are yielded, not raised."""
    for path in expand_paths(names):
        if isinstance(path, DatelineError):
            yield path
        else:
            yield from read_path(path, settings)
