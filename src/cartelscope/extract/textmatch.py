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
from dataclasses import dataclass
from operator import attrgetter
from typing import Iterable

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


class Match:
    """A phrase found at [start, end); category and key are copied from its entry for speed."""

    __slots__ = ("start", "end", "entry", "category", "key")

    def __init__(self, start: int, end: int, entry: Entry):
        self.start = start
        self.end = end
        self.entry = entry
        self.category = entry.category
        self.key = entry.key

    def __repr__(self) -> str:
        return f"Match({self.start}, {self.end}, {self.category}:{self.key})"


class PhraseMatcher:
    """Builds the automaton once; ``find(text)`` returns every bounded match."""

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
        for key, entries in self._entries.items():
            # "plain": no entry needs a prefix extension or an exact-case check (most phrases)
            plain = not any(e.prefix or e.case_sensitive is not None for e in entries)
            self._auto.add_word(key, (len(key), tuple(entries), plain))
        self._auto.make_automaton()
        self._built = True

    def find(self, text: str, folded: str | None = None) -> list[Match]:
        """Every match that starts and ends at a word boundary, sorted by start, longest first.

        This loop runs once per raw automaton hit (hundreds per article), so it keeps the work
        per hit small: one boundary test on each side, and the general per-entry checks only
        for the few phrases that need them."""
        if not self._built:
            self.build()
        folded = folded if folded is not None else fold(text)
        n = len(folded)
        isalnum = str.isalnum
        out: list[Match] = []
        append = out.append
        for end_index, (length, entries, plain) in self._auto.iter(folded):
            start = end_index - length + 1
            if start and isalnum(folded[start - 1]):
                continue
            end = end_index + 1
            right_ok = end == n or not isalnum(folded[end])
            if plain:
                if right_ok:
                    for entry in entries:
                        append(Match(start, end, entry))
                continue
            for entry in entries:
                e = end
                if entry.prefix:
                    while e < n and isalnum(folded[e]):
                        e += 1
                elif not right_ok:
                    continue
                if entry.case_sensitive is not None and text[start:e] != entry.case_sensitive:
                    continue
                append(Match(start, e, entry))
        # by start, longer first, ties in automaton order: two stable sorts on C-level keys
        out.sort(key=_END, reverse=True)
        out.sort(key=_START)
        return out


_START = attrgetter("start")
_END = attrgetter("end")
