"""The cheap tests and rewritten patterns of the event, toll and certainty steps must give the
answers of what they replace: they only skip work."""
from __future__ import annotations

import re

import pytest

from cartelscope.extract import numbers
from cartelscope.extract.certainty import _RELATIVE_BEFORE
from cartelscope.extract.clauses import governs_in, purpose
from cartelscope.extract.events import _is_digit

# the count pattern as first written: the look-behind first
_DIGITS_AS_WRITTEN = re.compile(r"(?<![\d.,:/])\d{1,4}(?![\d:/]|\.\d)")


@pytest.mark.parametrize("text", [
    "12 muertos", "murieron 3.", "1,200 personas", "3.5 km", "12:30 horas", "el 27/08", "12345 pesos",
    "2024", "in 2024, 14 dead", "٣ قتلى and 4", "x12y", "a.12 b,34 c:56 d/78", "1.2.3", "", "12.",
])
def test_counts_read_as_the_pattern_was_written(text):
    assert [m.span() for m in numbers._DIGITS.finditer(text)] == [m.span() for m in _DIGITS_AS_WRITTEN.finditer(text)]


@pytest.mark.parametrize("ch", ["0", "5", "9", "a", "Z", "/", ":", " ", "\n", "٣", "²", "½", "é", "🚨", "\x80"])
def test_digit_test_agrees_with_the_regex(ch):
    assert _is_digit(ch) == bool(re.match(r"\d", ch))


@pytest.mark.parametrize("ch", [" ", "\t", "\n", "\xa0", "\u2003", "\u3000", "a", ",", "\x1c", "\x85"])
def test_space_test_agrees_with_the_regex(ch):
    # sentence_places reads str.isspace() before the plates pattern's \s+
    assert ch.isspace() == bool(re.match(r"\s", ch))


def test_a_sentence_without_aims_has_no_governed_word(extractor):
    text = ("Hombres armados atacaron un bar. Los sicarios llegaron para secuestrar a dos comerciantes. "
            "Fue detenido por el delito de secuestro agravado.")
    ctx = extractor.context(text, "2025-03-14")
    for m in ctx.matches:
        if m.category in ("trigger", "group") and purpose(ctx, m):
            assert governs_in(ctx, m.sentence)
    assert not governs_in(ctx, 0) and governs_in(ctx, 1)


@pytest.mark.parametrize("window", [
    "ves que ", "s that  ", "s which ", "ataque  ", " bloque ", "que\n", "which", "  que  x", "that", "",
])
def test_the_relative_pattern_needs_a_relative_word(window):
    # potential_use searches for the words before the pattern that places them
    if _RELATIVE_BEFORE.search(window):
        assert "que" in window or "that" in window or "which" in window
