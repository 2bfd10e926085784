"""Aims and charges: an event word right after "para", "in order to", "evitar una" or "charged
with" is not something that happened."""
from __future__ import annotations

import pytest

from cartelscope.extract.clauses import purpose


def _word(extractor, text: str, word: str) -> bool:
    """purpose() for the event word ``word`` (its first occurrence) in ``text``."""
    ctx = extractor.context(text, "2025-03-14")
    start = ctx.folded.index(word)
    m = next(m for m in ctx.matches if m.start == start and m.category in ("trigger", "group"))
    return purpose(ctx, m)


@pytest.mark.parametrize("text, word", [
    ("Los sicarios llegaron para secuestrar a dos comerciantes.", "secuestrar"),
    ("The cartel moved gunmen in order to attack the town.", "attack"),
    ("Soldiers were deployed to avoid a clash in the town.", "clash"),
    ("El operativo buscó evitar una masacre en el penal.", "masacre"),
    ("He was charged with kidnapping in Texas.", "kidnapping"),
    ("Tenía órdenes de aprehensión por secuestro en Guerrero.", "secuestro"),
    ("Fue detenido por el delito de secuestro agravado.", "secuestro"),
    ("Los hombres armados llegaron para\nsecuestrar a dos personas.", "secuestrar"),  # across a line break
])
def test_an_event_word_after_an_aim_or_a_charge_is_not_a_fact(extractor, text, word):
    assert _word(extractor, text, word)


@pytest.mark.parametrize("text, word", [
    ("Llegaron para la balacera que ya había empezado.", "balacera"),  # no article after "para"
    ("Buscaron evitar que los sicarios secuestraran a nadie.", "secuestraran"),  # a clause between
    ("Lo acusaron. Secuestraron a dos personas en Culiacán.", "secuestraron"),
    ("Gunmen attacked a bar in Culiacán on Monday.", "attacked"),
])
def test_an_event_word_elsewhere_is_a_fact(extractor, text, word):
    assert not _word(extractor, text, word)
