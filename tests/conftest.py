"""Shared fixtures: paths to the repository, its bundled data, and the team's shared/ folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_file(relative: str) -> Path:
    """A file under ../shared/, or a skip saying why (a user's fresh clone has no shared/)."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"needs ../shared/{relative}, which is not beside this checkout")
    return path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "test.duckdb"))
