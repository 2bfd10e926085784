"""Sentence splitting with English and Spanish abbreviations; spans index the text."""
from __future__ import annotations

from pathlib import Path

import pytest

from cartelscope.extract.sentences import split


@pytest.mark.parametrize("text, expected", [
    ("Dr. Ana Ruiz said U.S. officials shared the intelligence on Oct. 3. The Navy moved in at dawn.",
     ["Dr. Ana Ruiz said U.S. officials shared the intelligence on Oct. 3.", "The Navy moved in at dawn."]),
    ("El Gral. Ramírez informó que EE.UU. aportó datos. El operativo fue en Ecatepec, Edo. Méx. el martes.",
     ["El Gral. Ramírez informó que EE.UU. aportó datos.", "El operativo fue en Ecatepec, Edo. Méx. el martes."]),
    ("La Dra. Pérez vive en la Col. Centro. Nadie la vio salir.",
     ["La Dra. Pérez vive en la Col. Centro.", "Nadie la vio salir."]),
    ('Ataque en Celaya\nUn vocero dijo: "no hubo detenidos." Luego se retiró.',
     ["Ataque en Celaya", 'Un vocero dijo: "no hubo detenidos."', "Luego se retiró."]),
])
def test_abbreviations_do_not_end_sentences(text, expected):
    sentences = split(text)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_paragraphs_are_counted_and_blank_text_gives_nothing():
    text = "Headline here\n\nFirst paragraph ends. It has two sentences.\n\nSecond paragraph."
    sentences = split(text)
    assert [s.index for s in sentences] == [0, 1, 2, 3]
    assert sentences[1].paragraph == sentences[2].paragraph != sentences[3].paragraph
    assert split("   \n\n  ") == []


@pytest.mark.parametrize("text, count", [
    ("The group had that reach two decades ago. Some researchers expect new splits.", 2),
    ("Vive cerca del mar. El ataque ocurrió de noche.", 2),
    ("The answer was no. The army left.", 2),
    ("Ciudad Juárez, 12 ago. 2022 (EFE). Una riña dejó dos muertos.", 2),  # the month before a year
    ("Published Mar. 3, 2024. The army left.", 2),
    ("Decreto No. 5 del gobierno estatal.", 1),
])
def test_abbreviations_that_are_also_words_end_a_sentence_away_from_numbers(text, count):
    assert len(split(text)) == count


def test_a_long_run_on_typed_without_capitals_is_cut_at_its_stops():
    text = ("ok so if you missed it, the navy arrested a cartel boss on friday in the mountains of choix, "
            "sinaloa. apparently a dog found him hiding in the brush, crazy. he is the guy who was convicted "
            "for an old killing and got out on a technicality years later, approx. ten years ago or so, which "
            "still makes people angry around here.")
    parts = [s.text for s in split(text)]
    assert len(parts) == 3 and parts[1].startswith("apparently") and parts[2].startswith("he is")
    assert [s.index for s in split(text)] == [0, 1, 2]


def test_a_short_sentence_with_a_lowercase_word_after_an_abbreviation_stays_whole():
    assert len(split("Troops seized approx. five rifles in Culiacán.")) == 1


_STOPPY = [
    "He said: “No.” Then… “Why?!” (Really.) And U.S. agents—no. 3—left at 5 p.m. Mr. Smith too.",
    "Línea uno\n\nLínea dos\n- viñeta\n• otra\n\n\nFin. ¿Qué? ¡Nada! 12 ago. 2022 fue. Fin.",
    "todo en minusculas. sin mayusculas aqui. ni alla... y ya!! ok? 3.5 km. fin",
    "", ".", "\n", "...", "a.b.c. D", "Ends with stop.", "“Quoted.” «Citado.» 'Single.' Next",
    "Uno.\u00a0Dos.\tTres.\r\nCuatro.\u2003Cinco. ¿Seis? ¡Siete! «Ocho» (Nueve) ‘Diez’",
    "Fin.\n  \n \t\nSigue\n - punto\n\u00a0\nOtro.\n", "Stop.   ", "Stop. \"", "Stop. ¿", "Stop.)",
    "Lista:\n• uno\n* dos\n-tres", "Mr. X. Y.Z. 4. ñ. Ñ. é. É. Ü. ü.", "?!…”» Él", ". . . A",
]


@pytest.mark.parametrize("text", _STOPPY)
def test_boundaries_are_what_the_pattern_finds_scanning_the_whole_text(text):
    from cartelscope.extract.sentences import _BOUNDARY, boundaries
    assert boundaries(text) == [m.span() for m in _BOUNDARY.finditer(text)]


def test_boundaries_are_what_the_pattern_finds_in_every_development_article():
    from cartelscope.extract.sentences import _BOUNDARY, boundaries
    articles = sorted((Path(__file__).resolve().parents[2] / "eval" / "dev" / "articles").glob("*.txt"))
    assert len(articles) >= 60
    for path in articles:
        text = path.read_text(encoding="utf-8")
        assert boundaries(text) == [m.span() for m in _BOUNDARY.finditer(text)], path.name


@pytest.mark.parametrize("text", _STOPPY)
def test_lower_boundaries_are_what_the_pattern_finds_in_the_stretch(text):
    from cartelscope.extract.sentences import _LOWER_BOUNDARY, lower_boundaries
    for start, end in ((0, len(text)), (3, max(3, len(text) - 4))):
        assert [m.span() for m in lower_boundaries(text, start, end)] == \
            [m.span() for m in _LOWER_BOUNDARY.finditer(text, start, end)]
