"""How the actor evaluation reads gold codes and matches them against ours."""

from __future__ import annotations

from dateline.eval.actors import _same_sector, normalise_gold


def test_gold_codes_are_normalised():
    assert normalise_gold("JAPGOV") == "JPNGOV"  # an older CAMEO country code
    assert normalise_gold("LBYCIV") == "LBYCVL"  # the gold's typo for civilians
    assert normalise_gold("CIVGOV") == "CIVGOV"  # Ivory Coast stays Ivory Coast
    assert normalise_gold("BIHCVLsrp") == "BIHCVL"


def test_an_igo_sector_matches_an_igo_code_that_carries_it():
    assert _same_sector("IGOUNOREFHCR", "IGOREF")
    assert _same_sector("IGOUNOPKO", "IGOMIL")
    assert not _same_sector("IGOUNO", "IGOMIL")
    assert _same_sector("IRQSEC", "IRQMIL") and not _same_sector("IRQSEC", "IRQGOV")


def test_the_golds_media_and_medical_sectors_match_ours():
    assert _same_sector("NICMED", "NICJRN") and _same_sector("CHEHLH", "CHEMED")
    assert not _same_sector("NICMED", "NICGOV")
