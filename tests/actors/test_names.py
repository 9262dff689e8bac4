"""Name keys: transliteration variants meet; different people stay apart."""

from __future__ import annotations

import pytest

from dateline.actors.names import name_key, similar, surname_key


@pytest.mark.parametrize(
    "names",
    [("Kazemi", "Kadhimi", "al-Kadhemi", "Al-Kathimi"), ("Gaddafi", "Qadhafi", "Gadhafi"), ("Zelensky", "Zelenskyy")],
)
def test_variants_share_a_surname_key(names: tuple[str, ...]):
    assert len({surname_key(n) for n in names}) == 1


def test_different_people_differ():
    assert surname_key("Johnson") != surname_key("Jansen")
    assert similar("Boris Johnson", "Lyndon Johnson") < 80
    assert similar("Anthony Blinken", "Antony Blinken") >= 90


def test_name_key_folds_accents_particles_and_possessives():
    assert name_key("Recep Tayyip Erdoğan") == name_key("Recep Tayyip Erdogan")
    assert name_key("Mustafa Al-Kazemi’s") == "mustafa kazemi"
