"""Date scanning bounded by clues: each pattern is tried only at the words between a clue
(a weekday, a month, "19"/"20") and its reach before it, and must find exactly the matches
a plain scan of the whole sentence finds (``finditer``, or ``textmatch.word_starts`` for a
pattern that must start a word)."""
from __future__ import annotations

import random
import re

import pytest

from cartelscope.extract import dates
from cartelscope.extract.textmatch import fold, word_starts

# spacing, line breaks, clues inside words, matches at the very start and end, clues far
# from where their match begins
SENTENCES = [
    "la  madrugada\n del   este lunes hubo disparos",
    "La madrugada de este domingo, el lunes pasado y el pasado martes",
    "xel lunes, el_lunes y (el lunes) on Monday night; late Sunday",
    "hombres armados llegaron el sabado por la noche y el viernes",
    "On May 5th, 2024 and xmay 5, 2024; Sept. 3 of 2023 and mayo 2024",
    "en el mes de  marzo, a finales de abril, back in January 2020",
    "el 3 de marzo de 2024, 3 marzo 2024, 12 sep. 2024 y el 6 ene 2022",
    "2024-05-03, 2024 05 03 and 3/4/2024 and in 2019 or durante 1999",
    "hace  dos   dias, two weeks ago, hace un mes y a day ago",
    "the day before yesterday, anteayer, ayer, last night and this morning",
    "last week, la semana pasada, this week and el mes pasado de 2024",
    "on October 6, in October 2023, the 6th of October of 2023",
    "mayor marcha tiene pago 20 muertos 19 heridos 2020s el 1920 en 2021",
    "lunes",
    "el lunes",
    "20",
]
_WORDS = ("el la las on this este esta last late early in en de del of back since desde a finales "
          "principios mes pasado semana week month ago hace dias dia days the day before yesterday "
          "ayer anoche night morning tonight hoy manana madrugada noche tarde afternoon evening "
          "monday friday lunes martes domingo sabado january jan. sept. sep march mar may mayo "
          "marzo enero ene dic setiembre 1 5 12 31 3rd 2024 1999 2020 19 20 2024-05-03 3/4/2024 "
          ", . ( ) x el_ mayor tiene dos two un ano año ñel _el é٣ ٣ x٣ 2٣ _5").split()
_GAPS = (" ", " ", " ", "  ", "\n", ", ", "", "/", ".", "\u3000", "\xa0")


def _random_sentences(n: int) -> list[str]:
    rng = random.Random(7)
    return ["".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(rng.randint(1, 14)))
            for _ in range(n)]


def _plain(kind: str, text: str) -> list[tuple[int, int, dict]]:
    _, pattern, at_word = next(p for p in dates.PATTERNS if p[0] == kind)
    found = word_starts(pattern, text) if at_word else pattern.finditer(text)
    return [(m.start(), m.end(), m.groupdict()) for m in found]


def _bounded(kind: str, text: str) -> list[tuple[int, int, dict]]:
    sentence = dates._Sentence(text)
    out = []
    pos = 0
    while (m := dates._next_match(dates._RULES[kind], sentence, pos)) is not None:
        out.append((m.start(), m.end(), m.groupdict()))
        pos = m.end() if m.end() > m.start() else m.start() + 1
    return out


@pytest.mark.parametrize("kind", [kind for kind, _, _ in dates.PATTERNS])
def test_bounded_scan_finds_what_a_whole_scan_finds(kind):
    for text in [fold(s) for s in SENTENCES] + _random_sentences(1500):
        assert _bounded(kind, text) == _plain(kind, text), (kind, text)


def test_clues_and_reach_are_read_off_the_patterns():
    rules = dates._RULES
    assert all(rule.clues for rule in rules.values())  # every pattern is scanned bounded
    assert "lunes" in rules["weekday_this"].clues and "19" in rules["year"].clues
    # "la madrugada del este lunes": four runs of spaces before the weekday
    assert rules["weekday_this"].reach == 4
    assert rules["slash"].reach == 0


def test_a_match_far_before_its_clue_is_found():
    found = dates.find_dates(fold("Ocurrió la madrugada   del \n este lunes en Culiacán"), dates.date(2025, 3, 14))
    assert [(d.kind, d.value) for d in found] == [("weekday_this", "2025-03-10")]


def test_earliest_start_reads_back_as_a_regex_on_the_reversed_text_would():
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice("ab1_.,é \n\t\xa0\u3000") for _ in range(rng.randint(0, 20)))
        for reach in range(5):
            back = re.compile(r"\S*(?:\s+\S*){0,%d}" % reach)
            for at in range(len(text) + 1):
                expected = len(text) - back.match(text[::-1], len(text) - at).end()
                assert dates.earliest_start(text, at, reach) == expected, (text, at, reach)


def test_first_characters_are_read_off_the_patterns():
    first = {kind: "".join(chr(c) for c in range(128) if rule.first[c]) for kind, rule in dates._RULES.items()}
    assert first["iso"] == "12" and first["slash"] == "0123456789"
    assert first["weekday_last"] == "el" and first["en_md"] == "adfjmnos"
    assert [kind for kind, rule in dates._RULES.items() if all(rule.first)] == ["en_mdy"]  # not at a word
