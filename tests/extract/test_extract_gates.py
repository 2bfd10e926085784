"""Cheap tests that stand before a regex must give the regex's answer: they only skip work."""
from __future__ import annotations

import pytest

from cartelscope.extract.dates import YEARS_LATER, counts_years_later
from cartelscope.extract.places import _NOT_LETTER, _UPPER, _letters, capitals_in
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
    "Los sicarios 🚨 del CJNG", "“Culiacán” — Sinaloa", "ŁÓDŹ and Ĉu",  # beyond Latin-1, dropped unread
])
def test_capitals_counts_what_the_pattern_finds(text):
    assert capitals_in(text) == len(_UPPER.findall(text))


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


def test_capitals_beyond_latin1_are_none_of_those_counted():
    # capitals_in drops every character beyond Latin-1 unread: _UPPER must find none of them
    assert not any(_UPPER.fullmatch(chr(code)) for code in range(256, 0x10000))


@pytest.mark.parametrize("text", [
    "Ciudad Juárez, CHIHUAHUA 2024_x", "ÁÉÍÓÚÑÜ áéíóúñü ªº µ ß ÿ", "", "12 de mayo, 3:30",
    "“Culiacán” — Sinaloa", "ŁÓDŹ and Ĉu 🚨",  # beyond Latin-1: the regex path
])
def test_letters_counts_what_the_pattern_leaves(text):
    assert _letters(text) == len(_NOT_LETTER.sub("", text))


def test_letters_agrees_with_the_pattern_on_every_latin1_character():
    text = "".join(map(chr, range(256)))
    assert _letters(text) == len(_NOT_LETTER.sub("", text))


@pytest.mark.parametrize("gap", [
    "", " ", ", ", " ,", "(", " (", ",\n", "\u00a0,\u00a0", ", in ", " en el estado de ", ", state of ",
    " in the state of ", ", estado de ", " y ", " and ", ". ", ", el ", ",, ", "( ,", " in", ", en",
    " inside ", " este ", " sobre ", ") ", "-", " - ", ",in ",
])
def test_explicit_gap_agrees_with_the_pattern(gap):
    from cartelscope.extract.places import _EXPLICIT_GAP, _explicit_gap
    folded = "juarez" + gap + "michoacan"
    start, end = 6, 6 + len(gap)
    assert _explicit_gap(folded, start, end) == (_EXPLICIT_GAP.fullmatch(folded, start, end) is not None)


@pytest.mark.parametrize("after", [
    " border", "  border crossing", " state line", "\nfrontera", ", border", "border", " borders",
    " neighborhood", " street", " market,", " bridge", " boroughs", " borough", " avenue", "",
    " the border", " district", "\u00a0borough", " mercado",
])
def test_followed_by_agrees_with_the_pattern(after):
    from cartelscope.extract import places as p
    folded = "culiacan" + after + " again"
    for words, pattern, reach in ((p._BORDER_WORDS, p._BORDER_AFTER, 14), (p._STREET_WORDS, p._STREET_AFTER, 20),
                                  (p._BOROUGH_WORDS, p._BOROUGH_AFTER, len(folded))):
        assert p._followed_by(folded, 8, words, pattern, 8 + reach) == (pattern.match(folded, 8, 8 + reach) is not None)


@pytest.mark.parametrize("gap", [
    "", " ", ", ", " y ", " and ", " e ", ", y ", " , and ", ",y", ", and", " en ", " a ", " de la ", "; ",
    " ya ", " e", "y", ", y", " and the ", "\u00a0y\u00a0", " o ", ",, ",
])
def test_list_gap_agrees_with_the_pattern(gap):
    from cartelscope.extract.places import _LIST_GAP, _list_gap
    folded = "colonias morelos" + gap + "guerrero"
    start, end = 16, 16 + len(gap)
    assert _list_gap(folded, start, end) == (_LIST_GAP.fullmatch(folded[start:end]) is not None)
