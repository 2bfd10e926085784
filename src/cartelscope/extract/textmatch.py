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
from typing import Any, Final, Iterable, Iterator

import ahocorasick_rs


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


FOLD: Final = _build_fold_table()


_ASCII_BYTES: Final = bytes(range(128))
# punctuation outside Latin-1 that news text uses often, with what FOLD makes of it (quotes, dashes)
_WIDE_FOLD: Final = tuple((chr(c), FOLD[c]) for c in (0x2018, 0x2019, 0x201C, 0x201D, 0x2010, 0x2011, 0x2012, 0x2013,
                                               0x2014, 0x2015))


def _latin1_fold_table() -> tuple[bytes, str]:
    """FOLD for Latin-1 text as a byte table ('A' an 'a', '-' a space, 'Á' an 'a', ...), and the
    Latin-1 characters it cannot fold (FOLD makes them a character beyond Latin-1: 'µ')."""
    out = bytearray(range(256))
    beyond = ""
    for b in range(0x100):
        rep = FOLD.get(b)
        if rep is None:
            continue
        if len(rep) == 1 and ord(rep) <= 0xFF and FOLD.get(ord(rep), rep) == rep:
            out[b] = ord(rep)
        else:
            beyond += chr(b)
    return bytes(out), beyond


_LATIN1_FOLD, _BEYOND_LATIN1 = _latin1_fold_table()


def fold(text: str) -> str:
    """Lower-case, accent-free, same length as ``text``: ``text.translate(FOLD)``, done in C.

    ``str.translate`` with a large table looks up every character in Python. ASCII text is
    lower-cased in C; Latin-1 text (once the usual quotes and dashes beyond Latin-1 are made
    plain) is folded with a byte table; other text is lower-cased in C and then only the few
    distinct non-ASCII characters present are replaced, which gives the same result whenever
    lower-casing keeps the length.
    """
    if text.isascii():
        return text.lower().replace("-", " ")
    plain = text
    for ch, rep in _WIDE_FOLD:
        if ch in plain:
            plain = plain.replace(ch, rep)
    if not any(map(plain.__contains__, _BEYOND_LATIN1)):
        try:
            return plain.encode("latin-1").translate(_LATIN1_FOLD).decode("latin-1")
        except UnicodeEncodeError:
            pass
    low = text.lower()
    if len(low) != len(text):
        return text.translate(FOLD)
    low = low.replace("-", " ")
    # the distinct non-ASCII characters: UTF-8 bytes less the ASCII ones, all in C
    for ch in set(low.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")):
        base = FOLD.get(ord(ch))
        if base is not None and base != ch:
            low = low.replace(ch, base)
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
    """A phrase found at [start, end); category and key are copied from its entry for speed;
    ``sentence`` is filled when a :class:`~cartelscope.extract.context.DocContext` indexes it.

    Slots, not a named tuple: the steps read these attributes hundreds of times per article,
    and slot access is about twice as fast (compiled, it is a C struct)."""

    __slots__ = ("start", "end", "entry", "category", "key", "sentence")

    def __init__(self, start: int, end: int, entry: Entry):
        self.start = start
        self.end = end
        self.entry = entry
        self.category = entry.category
        self.key = entry.key
        self.sentence = -1  # the sentence it lies in, once a document context has filed it

    def __repr__(self) -> str:
        return f"Match({self.start}, {self.end}, {self.category}:{self.key})"


class PhraseMatcher:
    """Builds the automaton once; ``find(text)`` returns every bounded match.

    The automaton runs over a *spaced* copy of the folded text in which every character that is
    not a letter or digit is a space, with one space added at each end; a phrase is stored with
    a space on each side, so a hit is already bounded by non-word characters and the loop over
    hits does no boundary tests. A phrase that has a prefix entry (``word*``) is stored with the
    leading space only and checked per entry, as are the rare phrases with punctuation or a
    line break inside (the spaced copy blurs those) and exact-case acronyms.

    Words given to :meth:`count_words` are not matched but counted by class as the automaton
    meets them (the function words of language detection), so that the same pass serves both.

    The automaton is ``ahocorasick_rs``'s contiguous NFA (the Rust ``aho-corasick`` crate): with
    some twenty thousand phrases it read an article, in the middle of a run of extractions, in
    about two thirds of the time pyahocorasick's node-per-letter trie took (docs/extraction.md).
    """

    def __init__(self) -> None:
        self._auto: Any = None  # the ahocorasick_rs.AhoCorasick, once built
        self._readings: list[tuple] = []  # what the phrase of each automaton pattern number means
        self._entries: dict[str, list[Entry]] = {}
        self._counted: dict[str, int] = {}
        self._built = False

    def count_words(self, classes: dict[str, int]) -> None:
        """Words (folded, letters and digits only) whose occurrences :meth:`find` counts in the
        class given for each (a small index) instead of returning them; before :meth:`build`."""
        if self._built:
            raise RuntimeError("count_words() after build()")
        for word, klass in classes.items():
            if not word.isalnum() or fold_phrase(word) != word:
                raise ValueError(f"a counted word must be one folded word: {word!r}")
            self._counted[word] = klass

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
        patterns: list[str] = []
        meanings: list[tuple] = []  # the reading of each pattern, by its number
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
            if not key[0].isalnum():
                # "'s group": in the text the apostrophe is the one space before "s"; the start is
                # taken from the key's length, so only the leading space is collapsed
                spaced = " " + spaced.lstrip()
            if mode == OPEN:
                spaced = spaced[:-1]  # open at the right: checked per entry
            tails = tuple(entries)
            stored.setdefault(spaced, []).append((len(key), tails, mode, key))
        for spaced, readings in stored.items():
            value: tuple
            if len(readings) == 1 and readings[0][2] in (PLAIN, EXACT) and len(readings[0][1]) == 1:
                # one entry, the common case: (ONE or ONE_EXACT, length + 1, entry, phrase)
                length, (entry,), mode, key = readings[0]
                value = (ONE if mode == PLAIN else ONE_EXACT, length + 1, entry, key)
            elif len(readings) == 1:
                value = readings[0]
            else:
                # keys that differ only in punctuation ("u.s." and "u-s") share one spaced form
                value = (0, tuple(readings), MANY, "")
            klass = self._counted.get(spaced[1:-1]) if spaced.endswith(" ") else None
            if klass is not None:
                value = (COUNTED_TOO, klass, value)  # a counted word that is also a phrase ("como")
            patterns.append(spaced)
            meanings.append(value)
        for word, klass in self._counted.items():
            if f" {word} " not in stored:
                patterns.append(f" {word} ")
                meanings.append((COUNTED, klass))
        self._auto = ahocorasick_rs.AhoCorasick(patterns, implementation=ahocorasick_rs.Implementation.ContiguousNFA)
        self._readings = meanings
        self._built = True

    def find(self, text: str, folded: str | None = None, counts: list[int] | None = None,
             count_before: int = 0) -> list[Match]:
        """Every match that starts and ends at a word boundary, sorted by start, longest first.
        With ``counts``, each counted word (see :meth:`count_words`) that ends before
        ``count_before`` adds one to ``counts[its class]``.

        This loop runs once per automaton hit (a few hundred per article), so a plain hit
        costs one subtraction and the Match itself."""
        if not self._built:
            self.build()
        folded = folded if folded is not None else fold(text)
        spaced = _spaced(folded)
        out: list[Match] = []
        readings = self._readings
        hits: list = self._auto.find_matches_as_indexes(spaced, overlapping=True)
        reading: tuple
        for hit in hits:
            # (pattern number, start, end): typed, compiled code unpacks it without iterating
            found: tuple[int, int, int] = hit
            end_index = found[2] - 1  # the hit's last character in the spaced copy (one ahead of the text)
            reading = readings[found[0]]
            kind: int = reading[0]
            if kind <= COUNTED:  # a counted word: count it (the spaced copy is one ahead)
                if counts is not None and end_index - 1 < count_before:
                    klass: int = reading[1]
                    counts[klass] = counts[klass] + 1  # (typed: no generic in-place add)
                if kind == COUNTED:
                    continue
                reading = reading[2]  # also a phrase: read on as one
                kind = reading[0]
            if kind == ONE:  # a word or phrase with one entry: the hit is the match
                # the spaced copy is one character ahead of the text
                length: int = reading[1]
                _in_order(out, Match(end_index - length, end_index - 1, reading[2]))
                continue
            if kind == ONE_EXACT:  # the same, if the folded text reads the phrase as written
                length = reading[1]
                start = end_index - length
                written: str = reading[3]
                if folded[start:end_index - 1] == written:
                    _in_order(out, Match(start, end_index - 1, reading[2]))
                continue
            length = reading[0]
            tails: tuple = reading[1]
            mode: int = reading[2]
            key: str = reading[3]
            if mode == PLAIN or mode == EXACT:
                start = end_index - length - 1
                end = start + length
                if mode == EXACT and folded[start:end] != key:
                    continue
                for entry in tails:
                    _in_order(out, Match(start, end, entry))
            elif mode == MANY:
                for r in tails:
                    _checked(text, folded, end_index, r, out)
            else:
                _checked(text, folded, end_index, reading, out)
        return out


def _in_order(out: list[Match], m: Match) -> None:
    """Add ``m`` to ``out``, kept in :func:`in_text_order`'s order. The automaton reports hits by
    where they end, which is nearly that order already (a name that starts earlier comes after
    the shorter ones inside it), so a match rarely moves more than a place or two."""
    out.append(m)
    i = len(out) - 1
    while i > 0:
        prev = out[i - 1]
        if prev.start < m.start or prev.start == m.start and prev.end >= m.end:
            return
        out[i] = prev
        out[i - 1] = m
        i -= 1


def in_text_order(matches: list[Match]) -> None:
    """Sort matches in place the way :meth:`PhraseMatcher.find` returns them: by start, longer
    first, ties kept in their order (one stable sort on an integer key; ``find`` itself files
    its matches in order as they come, so only matches added later need this)."""
    matches.sort(key=_text_order)


def _text_order(m: Match) -> int:
    # start first, then the longer match (a text is far shorter than 2**32 characters)
    return (m.start << 32) - m.end


def furthest_ends(ends: list[int]) -> list[int]:
    """For each k, the furthest of ``ends[:k + 1]``: with spans sorted by start, whether any of
    the first k reaches past a position is one comparison with item k - 1 (the running maximum
    that ``accumulate(ends, max)`` gives, in a loop compiled code runs without calling ``max``)."""
    out: list[int] = []
    furthest = -1
    for end in ends:
        if end > furthest:
            furthest = end
        out.append(furthest)
    return out


def first_at_or_after(values: list[int], x: int) -> int:
    """``bisect.bisect_left(values, x)`` over sorted ints, compiled: the library function costs a
    global lookup and a generic call, more than the search over a few dozen positions."""
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def first_after(values: list[int], x: int) -> int:
    """``bisect.bisect_right(values, x)`` over sorted ints, compiled (see :func:`first_at_or_after`)."""
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < values[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def is_at(text: str, i: int, word: str) -> bool:
    """``text.startswith(word, i)`` for a ``word`` that fits in ``text``; compiled, it compares
    code points, with no method call and no slice."""
    for n in range(len(word)):
        if ord(text[i + n]) != ord(word[n]):
            return False
    return True


def is_space_at(text: str, i: int) -> bool:
    """``text[i].isspace()`` (what ``\\s`` matches), without making a one-character string for
    the common ASCII case."""
    code = ord(text[i])
    if code < 128:
        return code == 32 or 9 <= code <= 13 or 28 <= code <= 31
    return text[i].isspace()


def holds_any(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """One of ``words`` occurs in ``text[start:end]`` (read in place, no slice): the cheap test
    that stands before a regex every match of which holds one of them."""
    for word in words:
        if text.find(word, start, end) >= 0:
            return True
    return False


# how a stored reading is checked (Final: compiled, they are constants, not module lookups)
PLAIN: Final = 0
EXACT: Final = 1
OPEN: Final = 2
MANY: Final = 3
# the first item of a one-entry reading (negative: the other readings start with a length or 0)
ONE: Final = -1
ONE_EXACT: Final = -2
# a counted word's reading (COUNTED, class), and one that is also a phrase: (COUNTED_TOO, class, reading)
COUNTED: Final = -3
COUNTED_TOO: Final = -4


def _checked(text: str, folded: str, end_index: int, reading: tuple, out: list[Match]) -> None:
    """Matches of one EXACT or OPEN reading whose spaced form hit at ``end_index``."""
    length: int = reading[0]
    tails: tuple = reading[1]
    mode: int = reading[2]
    key: str = reading[3]
    start = end_index - length - (mode != OPEN)
    end = start + length
    if folded[start:end] != key:
        return
    if mode == EXACT:
        for entry in tails:
            _in_order(out, Match(start, end, entry))
        return
    n = len(folded)
    right_ok = end == n or not folded[end].isalnum()
    for entry in tails:
        e = end
        if entry.prefix:
            while e < n and folded[e].isalnum():
                e += 1
        elif not right_ok:
            continue
        if entry.case_sensitive is not None and text[start:e] != entry.case_sensitive:
            continue
        _in_order(out, Match(start, e, entry))

# Latin-1 byte -> space unless a letter or digit; applied to the folded text encoded as Latin-1
_SPACED_BYTES: Final = bytes(b if chr(b).isalnum() else 32 for b in range(256))


def _spaced(folded: str) -> str:
    """The folded text with every non-alphanumeric character made a space and one space added
    at each end; same offsets plus one. Folded text is nearly always Latin-1, where a byte
    table does this in C; anything else goes through the (slower) general table."""
    try:
        raw = folded.encode("latin-1")
    except UnicodeEncodeError:
        return " " + _spaced_chars(folded) + " "
    return " " + raw.translate(_SPACED_BYTES).decode("latin-1") + " "


def folded_words(folded: str) -> list[str]:
    """The words of folded text: its runs of letters and digits."""
    return _spaced(folded).split()


def _spaced_chars(text: str) -> str:
    return "".join(c if c.isalnum() else " " for c in text)


def word_starts(pattern: re.Pattern, text: str, pos: int = 0) -> Iterator[re.Match]:
    """``pattern.finditer(text, pos)`` keeping only matches that start a word, as a leading
    ``\\b`` would. The regex engine skips quickly to a pattern's possible first characters only
    when the pattern begins with them; a leading ``\\b`` hides them and makes it try every
    position, several times slower. So rules leave the ``\\b`` out and scan with this instead."""
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

