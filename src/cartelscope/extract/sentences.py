"""Sentence splitting for English and Spanish news text, aware of abbreviations."""
from __future__ import annotations

import re
from typing import Final

from cartelscope.extract.textmatch import is_space_at

# Tokens that end with a period but do not end a sentence (compared lower-cased, with the period).
ABBREVIATIONS: Final = frozenset(
    """
    dr. dra. sr. sra. srta. lic. ing. gral. gen. col. cap. cmdte. mr. mrs. ms. prof. st. mt. sen. rep. gov.
    jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. ene. abr. ago. dic.
    u.s. u.s.a. u.k. u.n. ee.uu. ee. uu. e.u. edo. méx. mex. mich. sin. jal. gto. gro. tamps. chih. son.
    coah. dgo. zac. oax. chis. tab. ver. pue. qro. mor. hgo. nay. col. camp. yuc. tlax. ags. bc. bcs. n.l.
    q.roo. s.l.p. slp. cd. av. no. núm. num. vol. p.m. a.m. etc. vs. approx. aprox. fig. inc. corp. ltd. co.
    """.split()
)

# Abbreviations that are also words ("two decades ago.", "en alta mar.", "the answer was no."):
# abbreviations only next to a number ("12 ago. 2022", "No. 3").
NUMBERED_ABBREVIATIONS: Final = frozenset("ago. mar. no.".split())

# What boundaries() reads, as a pattern (its definition, held to it by the tests). A newline ends a
# sentence (a blank line or a bullet after it ends the paragraph); runs of . ! ? … end one when
# a capital, digit or opening quote follows.
_BOUNDARY: Final = re.compile(r"[.!?…\n](?:(?<=\n)(?:\s*\n|(?=\s*[-•*]\s)|)|"
                       r"[.!?…]*[\"'”’»)]*(?=\s+[\"'“‘«(¿¡]?[A-ZÁÉÍÓÚÑÜ0-9]))")


class Sentence:
    """One sentence of a document and where it lies.

    A plain class with slots, made for every sentence of every article: compiled, making one
    and reading its fields are C operations (a named tuple is made through interpreted code).
    Equality is by value."""

    __slots__ = ("index", "start", "end", "text", "paragraph")

    def __init__(self, index: int, start: int, end: int, text: str, paragraph: int):
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.paragraph = paragraph

    def _fields(self) -> tuple[int, int, int, str, int]:
        return (self.index, self.start, self.end, self.text, self.paragraph)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sentence) and self._fields() == other._fields()

    def __repr__(self) -> str:
        return (f"Sentence(index={self.index!r}, start={self.start!r}, end={self.end!r}, "
                f"text={self.text!r}, paragraph={self.paragraph!r})")


_INITIAL_LETTERS: Final = frozenset("abcdefghijklmnopqrstuvwxyzáéíóúñ")  # "J." in "Joaquín J. Guzmán"
_OPENERS: Final = "(\"'“«"


def split(text: str) -> list[Sentence]:
    """Sentences with their character spans; newlines always end a sentence."""
    out: list[Sentence] = []
    start = 0
    paragraph = 0
    for at, after in boundaries(text):
        if text[at] == "\n":
            _emit(text, start, at, out, paragraph)
            paragraph += 1
        else:
            last = at + 1  # the token ends with the first character of the mark
            token = text[max(start, text.rfind(" ", start, last) + 1):last].lower().lstrip(_OPENERS)
            if token in ABBREVIATIONS or (len(token) == 2 and token[1] == "." and token[0] in _INITIAL_LETTERS):
                if token not in NUMBERED_ABBREVIATIONS or _next_to_number(text, last - len(token), after):
                    continue
            _emit(text, start, after, out, paragraph)
            if "\n" in text[at:after]:
                paragraph += 1
        start = after
    _emit(text, start, len(text), out, paragraph)
    for s in out:
        if s.end - s.start > RUN_ON_LENGTH and _run_on_stop(text, s.start, s.end):
            return _split_run_ons(text, out)
    return out


_STOP_CHARACTERS: Final = ".\n!?…"  # every character _BOUNDARY can begin with


def _found_at_stops(pattern: re.Pattern, text: str, stops: str, start: int, end: int) -> list[re.Match]:
    """``list(pattern.finditer(text, start, end))`` for a pattern whose matches begin with one of
    the characters ``stops``: it is tried only where ``str.find`` finds one. Left to search,
    the regex engine tests its character class at every character (it was about a fifth of
    sentence splitting)."""
    found: list[re.Match] = []
    scanned = start  # where the next match may begin: the end of the last one found
    for at in _stops_in(text, stops, start, end):
        if at >= scanned:
            m = pattern.match(text, at, end)
            if m is not None:
                found.append(m)
                scanned = m.end()
    return found


def _stops_in(text: str, stops: str, start: int, end: int) -> list[int]:
    """Where the characters ``stops`` stand in ``text[start:end]``, in order (found by
    ``str.find``, which skips the other characters in C)."""
    at_stops: list[int] = []
    for ch in stops:
        i = text.find(ch, start, end)
        while i >= 0:
            at_stops.append(i)
            i = text.find(ch, i + 1, end)
    at_stops.sort()
    return at_stops


def boundaries(text: str) -> list[tuple[int, int]]:
    """The spans of ``_BOUNDARY.finditer(text)``, read without the regex engine: the pattern is
    tried at every stop of an article (a regex call costs more than reading the few characters
    after a stop), and this is that pattern spelt out. ``_BOUNDARY`` stays its definition;
    ``tests/extract/test_extract_sentences.py`` holds the two to the same answers."""
    n = len(text)
    found: list[tuple[int, int]] = []
    scanned = 0  # where the next boundary may begin: the end of the last one
    for at in _stops_in(text, _STOP_CHARACTERS, 0, n):
        if at >= scanned:
            end = _boundary_end(text, at, n)
            if end >= 0:
                found.append((at, end))
                scanned = end
    return found


# the characters _BOUNDARY names, by code point (compiled, ord(text[i]) reads one in place)
_MORE_STOPS: Final = frozenset(map(ord, ".!?…"))
_CLOSERS: Final = frozenset(map(ord, "\"'”’»)"))
_OPENERS_BEFORE_CAPITAL: Final = frozenset(map(ord, "\"'“‘«(¿¡"))
_SENTENCE_STARTS: Final = frozenset(map(ord, "ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚÑÜ0123456789"))
_NEWLINE: Final = 10


def _boundary_end(text: str, at: int, n: int) -> int:
    """Where ``_BOUNDARY.match(text, at)`` ends, or -1 where it does not match (``text[at]`` is
    a stop). After a newline: the last newline of the whitespace that follows (a blank line
    ends the paragraph), else the newline alone. After . ! ? …: the run of stops and closing
    quotes, when whitespace, an optional opening quote and a capital or digit follow."""
    if ord(text[at]) == _NEWLINE:
        end = i = at + 1
        while i < n and is_space_at(text, i):
            i += 1
            if ord(text[i - 1]) == _NEWLINE:
                end = i
        return end
    i = at + 1
    while i < n and ord(text[i]) in _MORE_STOPS:
        i += 1
    while i < n and ord(text[i]) in _CLOSERS:
        i += 1
    end = j = i
    while j < n and is_space_at(text, j):
        j += 1
    if j == end or j == n:
        return -1
    if ord(text[j]) in _OPENERS_BEFORE_CAPITAL:
        j += 1
    return end if j < n and ord(text[j]) in _SENTENCE_STARTS else -1


RUN_ON_LENGTH: Final = 250  # a sentence this long may be several, written without capitals
# "... found him hiding in the brush, crazy. he is the guy who ...": in a text typed without
# capitals a stop before a lowercase word ends the sentence too
# (tried at each stop; the two characters before it are tested in _run_on_stops: a lowercase
# word or a number ends there)
_LOWER_BOUNDARY: Final = re.compile(r"[.!?]\s+(?=[¿¡]?[a-záéíóúñ])")


def lower_boundaries(text: str, start: int, end: int) -> list[re.Match]:
    """``list(_LOWER_BOUNDARY.finditer(text, start, end))``, trying the pattern only at stops."""
    return _found_at_stops(_LOWER_BOUNDARY, text, ".!?", start, end)


def _run_on_stops(text: str, start: int, end: int):
    """The stops before a lowercase word between ``start`` and ``end``, abbreviations aside."""
    for m in lower_boundaries(text, start, end):
        stop = m.start()
        before = text[stop - 2:stop]
        if before.isalnum() and before.islower() or before.isdigit():
            if text[text.rfind(" ", start, stop) + 1:stop + 1].lower() not in ABBREVIATIONS:
                yield m


def _run_on_stop(text: str, start: int, end: int) -> bool:
    return next(_run_on_stops(text, start, end), None) is not None


def _split_run_ons(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """Long sentences cut again where a stop is followed by a lowercase word (not after an
    abbreviation), then numbered afresh (rare: only texts typed without capitals get here)."""
    out: list[Sentence] = []
    for s in sentences:
        start = s.start
        if s.end - s.start > RUN_ON_LENGTH:
            for m in _run_on_stops(text, s.start, s.end):
                _emit(text, start, m.start() + 1, out, s.paragraph)
                start = m.end()
        _emit(text, start, s.end, out, s.paragraph)
    return out


def _emit(text: str, start: int, end: int, out: list[Sentence], paragraph: int) -> None:
    """Add ``text[start:end]`` less the whitespace around it as the next sentence, if anything
    is left (the ends are walked in place: one copy, not three)."""
    while start < end and is_space_at(text, start):
        start += 1
    while end > start and is_space_at(text, end - 1):
        end -= 1
    if start < end:
        out.append(Sentence(len(out), start, end, text[start:end], paragraph))


def _next_to_number(text: str, token_start: int, after: int) -> bool:
    """A number stands right before the token or right after the break ("12 ago. 2022")."""
    before = text[max(0, token_start - 6):token_start].rstrip()
    return before[-1:].isdigit() or text[after:after + 4].lstrip()[:1].isdigit()
