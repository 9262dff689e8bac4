"""Settings load from file, environment and flags; every setting and error code is documented."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from dateline.errors import MESSAGES, DatelineError
from dateline.settings import SETTINGS, Settings, load_settings
from tests.conftest import ROOT


def test_sources_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    config = tmp_path / "dateline.toml"
    config.write_text('[dateline]\ndb = "from-file.duckdb"\nbatch_size = 7\n')
    assert load_settings(config).db == "from-file.duckdb"
    monkeypatch.setenv("DATELINE_DB", "from-env.duckdb")
    settings = load_settings(config)
    assert (settings.db, settings.batch_size) == ("from-env.duckdb", 7)
    assert load_settings(config, db="from-flag.duckdb").db == "from-flag.duckdb"


def test_settings_table_matches_the_record():
    assert {f.name for f in fields(Settings)} == set(SETTINGS)
    assert all(getattr(Settings(), name) == default for name, (_, default, _) in SETTINGS.items())


def test_every_setting_is_documented():
    documented = set(re.findall(r"^\| `(\w+)` \|", (ROOT / "docs" / "settings.md").read_text(), re.M))
    assert documented == set(SETTINGS)


def test_every_error_code_is_documented_and_formats():
    documented = set(re.findall(r"^\| (E\d{3}) \|", (ROOT / "docs" / "errors.md").read_text(), re.M))
    assert documented == set(MESSAGES)
    fields_for = {"kind": "PNG image", "detail": "d", "size": 10, "limit": 5, "records": 2}
    for code, template in MESSAGES.items():
        needed = {name: fields_for[name] for name in re.findall(r"{(\w+)", template)}
        error = DatelineError(code, "some/file.txt", **needed)
        assert str(error).startswith(f"some/file.txt: {code} ")
