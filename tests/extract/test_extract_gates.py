"""Cheap tests that stand before a regex must give the regex's answer: they only skip work."""
from __future__ import annotations

import pytest

from cartelscope.extract.dates import YEARS_LATER, counts_years_later
from cartelscope.extract.places import _UPPER, _capitals
from cartelscope.extract.textmatch import fold

SENTENCES = [
    "Two years later the Zetas broke away from the Gulf Cartel.",
    "Dos años después, el grupo se dividió.",
    "Tres años más tarde volvieron.",
    "A year after that, they split.",
    "Five days later the army arrived.",
    "El año pasado hubo 30 muertos.",  # "ano" without "later"
    "The yearly report came two weeks later.",
    "Cinco anos despues",  # typed without the tilde
    "Nothing happened here.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_years_later_gate_agrees_with_the_pattern(sentence):
    folded = "Intro. " + fold(sentence) + " Outro two years later."
    start, end = 7, 7 + len(sentence)
    assert counts_years_later(folded, start, end) == (YEARS_LATER.search(folded, start, end) is not None)


def test_years_later_gate_reads_only_its_stretch():
    folded = fold("Two years later they came back. Then nothing.")
    assert counts_years_later(folded, 0, 16)
    assert not counts_years_later(folded, 31, len(folded))


@pytest.mark.parametrize("text", [
    "Ciudad Juárez, CHIHUAHUA", "ÁÉÍÓÚÑÜ áéíóúñü", "all lower case", "", "Émile ÇA Øre",
    "Los sicarios 🚨 del CJNG",  # beyond Latin-1: the regex path
])
def test_capitals_counts_what_the_pattern_finds(text):
    assert _capitals(text) == len(_UPPER.findall(text))


@pytest.mark.parametrize("sentence", [
    "Both cartels fight for the city.", "Las dos organizaciones son facciones del cártel.",
    "Desde entonces ambas se disputan la ciudad.", "Ambos grupos negaron todo.",
    "The two main groups clashed.", "They were both arrested.", "Los dos hombres huyeron.",
    "Nothing of the kind here.", "Bothered residents left.",
])
def test_pair_gate_agrees_with_the_pattern(sentence):
    from cartelscope.extract.relations import _PAIR_NOUN, names_a_pair
    folded = "Intro. " + fold(sentence) + " Both cartels again."
    start, end = 7, 7 + len(sentence)
    assert names_a_pair(folded, start, end) == (_PAIR_NOUN.search(folded, start, end) is not None)


@pytest.mark.parametrize("gap", [
    "", " y ", ", which broke away from Los Zetas, ", "; later ", ": ", " U.S. officials say ", "3.5 ",
    ". Then ", ".\n", " while ", " awhile ", " erstwhile ", "whereas", " mientras tanto ", "mientrasque",
    " dijo que ", "e.", " meanwhile, ",
])
def test_clause_break_gate_agrees_with_the_pattern(gap):
    from cartelscope.extract.relations import _CLAUSE_BREAK, _clause_break
    assert _clause_break(gap) == (_CLAUSE_BREAK.search(gap) is not None)


@pytest.mark.parametrize("sentence", [
    "Between 2008 and 2012 the war killed thousands.", "They have fought since 2010.", "It remains unclear.",
    "Siguen en guerra desde 2010.", "La disputa continúa.", "The fighting began in 2008.", "Aún pelean.",
    "Snow fell in 2009.", "Aunque en 2009 hubo paz.", "The feud is known since then.",
])
def test_still_gate_agrees_with_the_pattern(sentence):
    from cartelscope.extract.relations import _STILL, _STILL_WORDS
    from cartelscope.extract.textmatch import holds_any
    folded = "Intro. " + fold(sentence) + " Still more."
    start, end = 7, 7 + len(sentence)
    gated = holds_any(folded, _STILL_WORDS, start, end) and _STILL.search(folded, start, end) is not None
    assert gated == (_STILL.search(folded, start, end) is not None)
