"""The extractor's language: the phrase matcher counts the function words in its own pass, and
the answer must be what ``ingest.text.language_of_sample`` gives on the first
``LANG_SAMPLE_CHARS`` characters, however the sample's cut falls."""
from __future__ import annotations

import pytest

from cartelscope.extract.pipeline import Extractor, _language
from cartelscope.extract.textmatch import fold
from cartelscope.ingest.text import LANG_SAMPLE_CHARS, LANGUAGES, language_of_sample

EN = "The soldiers said that the gunmen of the cartel were in the town and that they had fled. "
ES = "Los soldados dijeron que los sicarios del cartel estaban en el pueblo y que habían huido. "


@pytest.fixture(scope="module")
def matcher():
    return Extractor().matcher


def _both(matcher, text: str) -> tuple[str, str]:
    folded = fold(text)
    counts = [0] * len(LANGUAGES)
    matcher.find(text, folded, counts, LANG_SAMPLE_CHARS)
    return _language(folded, counts), language_of_sample(folded[:LANG_SAMPLE_CHARS])


@pytest.mark.parametrize("text", [
    EN * 3, ES * 3, EN * 60, ES * 60, (EN + ES) * 30, "Hola.", "",
    "Nota_importante: " + ES * 40,  # an underscore: the slow path
    "Los sicarios 🚨 " + ES * 40,  # a character beyond Latin-1: the slow path
    "Der Soldat und die Stadt sind nicht mit dem Kartell. " * 80,
    # long words: the hits are 8 % of the words but far from 8 % of the most the sample could
    # hold, so the words must be counted
    "los " * 3 + "extraordinariamente " * 30, "the " * 3 + "extraordinarily " * 30 + "the",
])
def test_language_from_counted_words_is_language_of_sample(matcher, text):
    counted, sampled = _both(matcher, text)
    assert counted == sampled


@pytest.mark.parametrize("shift", range(0, 9))
def test_a_word_cut_by_the_sample_counts_as_the_sample_reads_it(matcher, shift):
    # "ella" at the cut reads "el" (a Spanish function word) in the sample, "ella" in full;
    # English filler so that one hit more or less decides between English and Spanish
    filler = ("x " * (LANG_SAMPLE_CHARS // 2))[:LANG_SAMPLE_CHARS - 2 - shift]
    for tail in ("ella dijo", "el dijo", "the end", "thereby", "y luego"):
        text = filler + tail + " que la de los " * 20
        counted, sampled = _both(matcher, text)
        assert counted == sampled, (shift, tail)


def _at_threshold() -> str:
    """A sample of exactly LANG_SAMPLE_CHARS characters ending in "el" whose Spanish share is
    8 % with that last word and under 8 % without it (spaces pad it without adding words)."""
    for des in range(1, 400):
        for others in range(1, 1500):  # "los": a Spanish function word ("de" is Portuguese too)
            n_words = des + others + 1
            size = 4 * des + 2 * others + len("el")
            if size <= LANG_SAMPLE_CHARS and des / n_words < 0.08 <= (des + 1) / n_words:
                return "los " * des + "w " * others + " " * (LANG_SAMPLE_CHARS - size) + "el"
    raise AssertionError("no sample at the threshold")


def test_the_word_at_the_cut_tips_the_verdict_as_the_sample_reads_it(matcher):
    sample = _at_threshold()
    assert language_of_sample(sample) == "es"
    assert language_of_sample(sample[:-2] + "xx") == "other"
    for rest in ("la y más", " y más", "", "_x"):  # "ella", "el", the end of the text, a glued word
        counted, sampled = _both(matcher, sample + rest)
        assert sampled == language_of_sample(sample)
        assert counted == sampled, rest
