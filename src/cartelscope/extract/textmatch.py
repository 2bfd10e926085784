"""One-pass phrase matching over folded text with an Aho-Corasick automaton.

Every phrase the knowledge pack knows (actor aliases, place names, event triggers, cues,
tactics, number words) is compiled once into a single automaton over *folded* text: lower case,
accents stripped, hyphens and curly quotes made plain, one character for one character, so a
match's span in the folded text is its span in the original. Matches are checked for word
boundaries afterwards; a phrase ending in ``*`` matches any word ending.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import partial
from itertools import chain, compress, repeat
from operator import attrgetter, eq, itemgetter, neg, sub
from typing import Iterable, Iterator, NamedTuple

import ahocorasick


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x80, 0x2100):
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).lower()
        if len(base) == 1 and base != ch:
            table[code] = base
        elif len(base) != 1:
            low = ch.lower()
            if len(low) == 1 and low != ch:
                table[code] = low
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2015-":
        table[ord(dash)] = " "
    table[ord("\u2019")] = "'"
    table[ord("\u2018")] = "'"
    table[ord("\u201c")] = '"'
    table[ord("\u201d")] = '"'
    table[ord("\u00ab")] = '"'
    table[ord("\u00bb")] = '"'
    table[ord("\n")] = "\n"
    return table


FOLD = _build_fold_table()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Lower-case, accent-free, same length as ``text``.

    ``str.translate`` with a large table looks up every character in Python; lower-casing in C
    and then replacing only the few distinct non-ASCII characters present is several times
    faster and gives the same result whenever lower-casing keeps the length.
    """
    low = text.lower()
    if len(low) != len(text):
        return text.translate(FOLD)
    low = low.replace("-", " ")
    if not low.isascii():
        for ch in set(_NON_ASCII.findall(low)):
            rep = FOLD.get(ord(ch))
            if rep is not None and rep != ch:
                low = low.replace(ch, rep)
    return low


def fold_phrase(phrase: str) -> str:
    return " ".join(fold(phrase).split())


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase means: a category ('actor', 'place', 'trigger', 'cue', ...) and a payload."""

    category: str
    key: str
    lang: str | None = None
    case_sensitive: str | None = None  # exact original spelling required (short acronyms)
    prefix: bool = False  # phrase ended in '*'


class Match(NamedTuple):
    """A phrase found at [start, end) of the text, in the sentence numbered ``sentence``;
    category and key are copied from its entry for speed.

    A named tuple so that the matcher can make all of an article's matches in C, with ``map``
    over columns of starts, ends and entries (see :meth:`PhraseMatcher.find`), rather than one
    Python statement at a time; reading its fields costs about what reading slots does."""

    start: int
    end: int
    entry: Entry
    category: str
    key: str
    sentence: int = 0

    @classmethod
    def of(cls, start: int, end: int, entry: Entry, sentence: int = 0) -> "Match":
        return cls(start, end, entry, entry.category, entry.key, sentence)

    def __repr__(self) -> str:
        return f"Match({self.start}, {self.end}, {self.category}:{self.key})"


_new_match = partial(tuple.__new__, Match)
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_MODE, _LENGTH, _ENTRY, _CATEGORY, _KEY, _PHRASE, _COUNT = (itemgetter(k) for k in range(7))


class PhraseMatcher:
    """Builds the automaton once; ``find(text)`` returns every bounded match.

    The automaton runs over a *spaced* copy of the folded text in which every character that is
    not a letter or digit is a space, with one space added at each end; a phrase is stored with
    a space on each side, so a hit is already bounded by non-word characters and needs no
    boundary test. A phrase that has a prefix entry (``word*``) is stored with the leading space
    only and checked per entry, as are exact-case acronyms; a phrase with punctuation or a space
    inside must also read the same in the folded text (the spaced copy blurs those).
    """

    def __init__(self) -> None:
        self._auto = ahocorasick.Automaton()
        self._entries: dict[str, list[Entry]] = {}
        self._built = False

    def add(self, phrase: str, entry: Entry) -> None:
        prefix = phrase.endswith("*")
        phrase = phrase.rstrip("*").strip()
        key = fold_phrase(phrase)
        if len(key) < 2:
            return
        if prefix:
            entry = Entry(entry.category, entry.key, entry.lang, entry.case_sensitive, True)
        bucket = self._entries.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    def add_all(self, phrases: Iterable[str], entry: Entry) -> None:
        for p in phrases:
            self.add(p, entry)

    def build(self) -> None:
        stored: dict[str, list[tuple]] = {}
        for key, entries in self._entries.items():
            # PLAIN: the hit is the match; EXACT: the folded text must also read the key as
            # written (punctuation, single spaces); OPEN: per-entry right edge and case checks
            if any(e.prefix or e.case_sensitive is not None for e in entries):
                mode = OPEN
            elif key.isalnum():
                mode = PLAIN
            else:
                mode = EXACT
            spaced = _spaced(key)  # the key read the way find() reads the text
            if mode == OPEN:
                spaced = spaced[:-1]  # open at the right: checked per entry
            tails = tuple((e, e.category, e.key) for e in entries)
            stored.setdefault(spaced, []).append((len(key), tails, mode, key))
        for spaced, readings in stored.items():
            if len(readings) == 1 and readings[0][2] in (PLAIN, EXACT):
                # the common case, made in bulk by find(): (mode, length, entries, categories,
                # entry keys, phrase, how many entries)
                length, tails, mode, key = readings[0]
                self._auto.add_word(spaced, (mode, length, tuple(t[0] for t in tails), tuple(t[1] for t in tails),
                                             tuple(t[2] for t in tails), key, len(tails)))
            else:
                # a prefix or exact case, or keys that differ only in punctuation ("u.s." and
                # "u-s") sharing one spaced form: checked one by one
                self._auto.add_word(spaced, (OTHER, tuple(readings)))
        self._auto.make_automaton()
        self._built = True

    def find(self, text: str, folded: str | None = None, sentence_starts: list[int] | None = None) -> list[Match]:
        """Every match that starts and ends at a word boundary, sorted by start, longest first
        (ties in the order found); ``sentence_starts`` (sorted) numbers each match's sentence.

        An article has about two hundred hits. Those of whole-word phrases, nine in ten, are
        turned into matches column by column with ``map``, ``zip`` and ``compress``, whose
        loops run in C; only prefixes, exact-case acronyms and phrases sharing a spaced form
        are checked one at a time."""
        if not self._built:
            self.build()
        folded = folded if folded is not None else fold(text)
        hits = list(self._auto.iter(_spaced(folded)))
        if not hits:
            return []
        starts = sentence_starts or [0]
        modes = list(map(_MODE, map(_SECOND, hits)))
        order = range(len(hits))
        found: list[Match] = []
        keys: list[tuple] = []  # (start, -end, hit number) of each match, to put them in text order
        for mode in (PLAIN, EXACT):
            chosen = list(map(mode.__eq__, modes))
            these = list(compress(hits, chosen))
            if not these:
                continue
            numbers = list(compress(order, chosen))
            readings = list(map(_SECOND, these))
            ends = list(map(sub, map(_FIRST, these), repeat(1)))  # spaced offsets are one ahead
            begins = list(map(sub, ends, map(_LENGTH, readings)))
            if mode == EXACT:  # the folded text must read the phrase as written
                ok = list(map(eq, map(folded.__getitem__, map(slice, begins, ends)), map(_PHRASE, readings)))
                begins, ends, readings, numbers = (list(compress(col, ok)) for col in (begins, ends, readings, numbers))
            sentences = list(map(max, map(sub, map(bisect_right, repeat(starts), begins), repeat(1)), repeat(0)))
            counts = list(map(_COUNT, readings))
            if counts.count(1) != len(counts):  # a phrase with several entries gives a match for each
                begins, ends, sentences, numbers = (list(chain.from_iterable(map(repeat, col, counts)))
                                                    for col in (begins, ends, sentences, numbers))
            entries = chain.from_iterable(map(_ENTRY, readings))
            categories = chain.from_iterable(map(_CATEGORY, readings))
            entry_keys = chain.from_iterable(map(_KEY, readings))
            found += map(_new_match, zip(begins, ends, entries, categories, entry_keys, sentences))
            keys += zip(begins, map(neg, ends), numbers)
        for number in compress(order, map(OTHER.__eq__, modes)):
            end_index, (_, readings) = hits[number]
            for reading in readings:
                for m in _checked(text, folded, end_index, reading, starts):
                    found.append(m)
                    keys.append((m.start, -m.end, number))
        if len(found) < 2:
            return found
        return list(map(found.__getitem__, sorted(range(len(found)), key=keys.__getitem__)))


def in_text_order(matches: list[Match]) -> None:
    """Sort matches in place the way :meth:`PhraseMatcher.find` returns them: by start, longer
    first, ties kept in their order (two stable sorts on C-level keys)."""
    matches.sort(key=_END, reverse=True)
    matches.sort(key=_START)


PLAIN, EXACT, OPEN, OTHER = 0, 1, 2, 3


def _checked(text: str, folded: str, end_index: int, reading: tuple, sentence_starts: list[int]) -> list[Match]:
    """Matches of one reading whose spaced form hit at ``end_index`` (one ahead of the folded
    text): the folded text must read the key as written, and an OPEN reading's entries each
    check their right edge (a prefix runs to the end of its word) and exact case."""
    length, tails, mode, key = reading
    start = end_index - length - (mode != OPEN)
    end = start + length
    if folded[start:end] != key:
        return []
    sentence = max(bisect_right(sentence_starts, start) - 1, 0)
    if mode != OPEN:
        return [Match.of(start, end, entry, sentence) for entry, _, _ in tails]
    out = []
    n = len(folded)
    right_ok = end == n or not folded[end].isalnum()
    for entry, _, _ in tails:
        e = end
        if entry.prefix:
            while e < n and folded[e].isalnum():
                e += 1
        elif not right_ok:
            continue
        if entry.case_sensitive is not None and text[start:e] != entry.case_sensitive:
            continue
        out.append(Match.of(start, e, entry, sentence))
    return out


# Latin-1 byte -> space unless a letter or digit; applied to the folded text encoded as Latin-1
_SPACED_BYTES = bytes(b if chr(b).isalnum() else 32 for b in range(256))


def _spaced(folded: str) -> str:
    """The folded text with every non-alphanumeric character made a space and one space added
    at each end; same offsets plus one. Folded text is nearly always Latin-1, where a byte
    table does this in C; anything else goes through the (slower) general table."""
    try:
        raw = folded.encode("latin-1")
    except UnicodeEncodeError:
        return " " + _spaced_chars(folded) + " "
    return " " + raw.translate(_SPACED_BYTES).decode("latin-1") + " "


def _spaced_chars(text: str) -> str:
    return "".join(c if c.isalnum() else " " for c in text)


def word_starts(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` keeping only matches that start a word, as a leading ``\\b``
    would. The regex engine skips quickly to a pattern's possible first characters only when the
    pattern begins with them; a leading ``\\b`` hides them and makes it try every position,
    several times slower. So rules leave the ``\\b`` out and scan with this instead."""
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            pos = start + 1  # not a word start: look again from the next character
            continue
        yield m
        pos = m.end() if m.end() > start else start + 1


_START = attrgetter("start")
_END = attrgetter("end")
