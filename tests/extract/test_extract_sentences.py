"""Sentence splitting with English and Spanish abbreviations; spans index the text."""
from __future__ import annotations

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
