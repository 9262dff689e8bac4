"""Expand what a user names on the command line (files, folders, globs, '-') into inputs."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator

from dateline.errors import DatelineError

STDIN = "-"


def expand_paths(names: list[str]) -> Iterator[str | DatelineError]:
    """Yield file paths in a stable order (folders walked recursively, hidden files skipped),
    '-' for standard input, or an error for a name that matches nothing."""
    for name in names:
        if name == STDIN:
            yield STDIN
        elif os.path.isdir(name):
            yield from _walk(name)
        elif os.path.exists(name) or os.path.islink(name):
            yield name
        elif glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield DatelineError("E013", name)
            for match in matches:
                if os.path.isdir(match):
                    yield from _walk(match)
                else:
                    yield match
        else:
            yield DatelineError("E013", name)


def _walk(folder: str) -> Iterator[str | DatelineError]:
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from _as_errors(errors, folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if not file.startswith("."):
                yield os.path.join(root, file)
    yield from _as_errors(errors, folder)


def _as_errors(errors: list[OSError], folder: str) -> Iterator[DatelineError]:
    while errors:
        exc = errors.pop(0)
        yield DatelineError("E008", str(exc.filename or folder), detail=exc.strerror or str(exc))
