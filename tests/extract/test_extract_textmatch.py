"""Folding and one-pass phrase matching: spans in folded text are spans in the original."""
from __future__ import annotations

from cartelscope.extract.textmatch import Entry, PhraseMatcher, fold, fold_phrase


def test_fold_keeps_length_and_strips_case_accents_dashes_quotes():
    text = "Cártel de Jalisco–Nueva Generación: “El Mencho” ÑANDÚ"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == 'cartel de jalisco nueva generacion: "el mencho" nandu'
    assert fold_phrase("  Santa   Rosa-de  Lima ") == "santa rosa de lima"


def _matcher() -> PhraseMatcher:
    m = PhraseMatcher()
    m.add("Cártel de Sinaloa", Entry("actor", "sinaloa-cartel"))
    m.add("Sinaloa", Entry("place", "MX-SIN"))
    m.add("CDS", Entry("actor", "sinaloa-cartel", case_sensitive="CDS"))
    m.add("enfrentamiento*", Entry("trigger", "clash"))
    return m


def test_matches_respect_word_boundaries_and_index_the_original_text():
    text = "Sicarios del CÁRTEL DE SINALOA chocaron en Sinaloa; no en Sinaloense."
    found = _matcher().find(text)
    by_key = {(m.key, text[m.start:m.end]) for m in found}
    assert ("sinaloa-cartel", "CÁRTEL DE SINALOA") in by_key
    assert ("MX-SIN", "Sinaloa") in by_key
    assert all(text[m.start:m.end].lower() != "sinaloense" for m in found)
    # the state inside the cartel's name is also found; overlap is settled later, by length
    assert sum(1 for m in found if m.key == "MX-SIN") == 2


def test_prefix_phrase_takes_the_word_ending_and_acronyms_need_their_case():
    text = "Los enfrentamientos con el CDS y con los cds del barrio."
    found = _matcher().find(text)
    assert [text[m.start:m.end] for m in found if m.key == "clash"] == ["enfrentamientos"]
    assert [text[m.start:m.end] for m in found if m.key == "sinaloa-cartel"] == ["CDS"]
