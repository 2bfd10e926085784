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


def test_phrases_with_punctuation_match_only_as_written():
    """The automaton reads a copy of the text with punctuation made spaces; a phrase with
    punctuation or several words must still be found only where the text reads it exactly."""
    m = PhraseMatcher()
    m.add("U.S. agents", Entry("actor", "us-agents"))
    m.add("ciudad juárez", Entry("place", "juarez"))
    m.add("u-s agents", Entry("actor", "other"))  # same letters, different punctuation
    text = "U.S. agents met; U-S agents too; U,S, agents no. Ciudad\nJuárez no, Ciudad Juárez yes, ciudad  juarez no."
    found = [(mm.key, text[mm.start:mm.end]) for mm in m.find(text)]
    assert ("us-agents", "U.S. agents") in found
    assert ("other", "U-S agents") in found
    assert not any(surface.startswith("U,S") for _, surface in found)
    assert [s for k, s in found if k == "juarez"] == ["Ciudad Juárez"]


def test_text_outside_latin1_is_matched_the_same_way():
    m = _matcher()
    plain = "Ataque en Sinaloa; enfrentamientos del CDS."
    exotic = "Ataque en Sinaloa; enfrentamientos del CDS. \u2200 \u0142"  # math sign, Polish ł
    spans = lambda t: [(x.start, x.end, x.key) for x in m.find(t)]  # noqa: E731
    assert spans(plain) == spans(exotic)
    assert spans("Sinaloa\u0142") == []  # a letter, even outside Latin-1, is not a boundary


def test_word_starts_keeps_only_matches_at_the_start_of_a_word():
    import re

    from cartelscope.extract.textmatch import word_starts

    year = re.compile(r"(?:19|20)\d\d\b")
    text = "In 2019, not 12019 or x2020, but (2021) and _2022."
    assert [m.group() for m in word_starts(year, text)] == ["2019", "2021"]


def test_fold_is_the_fold_table_on_any_text():
    """fold() takes shortcuts (ASCII, Latin-1 bytes, the usual quotes and dashes); each must
    give what translating with the full table gives."""
    import random

    from cartelscope.extract.textmatch import FOLD

    rng = random.Random(7)
    wide = [chr(c) for c in (0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026, 0x2022, 0x00B5, 0x0142, 0x2200,
                             0x1F6A8)]
    pools = ([chr(c) for c in range(32, 127)], [chr(c) for c in range(32, 256)] + wide[:6],
             [chr(c) for c in range(32, 0x250)] + wide)
    for pool in pools:
        for _ in range(3000):
            text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
            if len(text.lower()) == len(text):
                assert fold(text) == text.translate(FOLD), repr(text)


def test_a_phrase_that_opens_with_an_apostrophe_matches_after_a_name(extractor):
    text = "Nemesio Oseguera's organization and El Mayo's group"
    found = {text[m.start:m.end] for m in extractor.matcher.find(text) if m.category == "rel"}
    assert {"'s organization", "'s group"} <= found


def test_counted_words_are_counted_by_class_and_not_returned_as_matches():
    m = _matcher()
    m.add("como", Entry("cue", "example_list"))
    m.count_words({"el": 0, "la": 0, "the": 1, "como": 0})
    text = "El Cártel de Sinaloa, como la otra, the end; el elote."
    counts = [0, 0]
    found = m.find(text, None, counts, len(text))
    assert counts == [4, 1]  # el, como, la, el (not "elote"); the
    assert [text[x.start:x.end] for x in found if x.key == "example_list"] == ["como"]  # still a phrase
    assert not any(text[x.start:x.end].lower() in ("el", "la", "the") for x in found)


def test_counted_words_end_before_the_limit_and_count_only_when_asked():
    m = _matcher()
    m.count_words({"el": 0})
    text = "el x el y el"
    counts = [0]
    m.find(text, None, counts, 5)  # words ending before index 5: the first "el" only
    assert counts == [1]
    assert m.find(text) == []  # without counts nothing is counted or returned


def test_a_counted_word_must_be_one_folded_word():
    m = PhraseMatcher()
    for bad in ("de la", "él", "u.s."):
        try:
            m.count_words({bad: 0})
        except ValueError as e:
            assert "one folded word" in str(e)
        else:
            raise AssertionError(f"{bad!r} accepted")


def test_matches_sort_by_start_then_longest_first_and_keep_ties_in_order():
    from cartelscope.extract.textmatch import Match, in_text_order
    a, b, c, d = (Entry("x", k) for k in "abcd")
    ms = [Match(5, 9, a), Match(0, 3, b), Match(5, 12, c), Match(0, 3, d)]
    in_text_order(ms)
    assert [(x.start, x.end, x.key) for x in ms] == [(0, 3, "b"), (0, 3, "d"), (5, 12, "c"), (5, 9, "a")]


def test_find_returns_overlapping_matches_by_start_longest_first():
    m = PhraseMatcher()
    for phrase in ("Cártel de Sinaloa", "Sinaloa", "de Sinaloa", "Cártel", "Nueva Generación", "Cártel de Jalisco Nueva Generación", "Jalisco"):
        m.add(phrase, Entry("x", phrase))
    text = "El Cártel de Jalisco Nueva Generación y el Cártel de Sinaloa."
    found = [(x.start, x.end) for x in m.find(text)]
    assert found == sorted(found, key=lambda se: (se[0], -se[1]))
    assert len(found) == 8 and found[0] == (3, 37)  # the longest name first at its start


def test_compiled_binary_searches_are_bisect_left_and_right():
    import random
    from bisect import bisect_left, bisect_right
    from cartelscope.extract.textmatch import first_after, first_at_or_after
    rng = random.Random(3)
    for _ in range(500):
        values = sorted(rng.choices(range(60), k=rng.randint(0, 12)))  # repeats included
        for x in range(-1, 62):
            assert first_at_or_after(values, x) == bisect_left(values, x)
            assert first_after(values, x) == bisect_right(values, x)
