"""Dates in English and Spanish news text, resolved against the publication date.

A date is never invented: month-day without a year and relative expressions ("last month",
"el lunes pasado", "hace dos días") resolve only when the publication date is known; otherwise
they give nothing. Each resolved date carries a precision: 'day', 'month' or 'year'.
"""
from __future__ import annotations

import importlib
import re
from datetime import date, timedelta
from typing import Any, Final, NamedTuple, TYPE_CHECKING

from cartelscope.extract.textmatch import first_at_or_after, folded_words, holds_any, is_space_at

if TYPE_CHECKING:
    from cartelscope.extract.context import DocContext

MONTHS: Final = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "dic": 12,
}
WEEKDAYS: Final = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4, "sabado": 5, "domingo": 6,
}
NUMBER_WORDS: Final = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "un": 1,
                "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
                "a": 1}

_M_EN: Final = r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_M_ES: Final = r"(?P<mon>enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
# a full Spanish date may abbreviate its month, as wire datelines do: "6 ene 2022", "12 sep. 2024"
_ES_ABBREVIATIONS: Final = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "sept", "oct", "nov", "dic")
_M_ES_FULL_DATE: Final = _M_ES[:-1] + "|" + "|".join(_ES_ABBREVIATIONS) + r")\.?"
_WD: Final = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)"
_NUM: Final = r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|a|un|una|uno|dos|tres|cuatro|cinco|seis|siete)"

# Order matters: the longest, most explicit forms first. Patterns run on folded text. Those
# written with a leading \b are compiled without it and their matches kept only where they
# start a word, as textmatch.word_starts does (see there why; and :func:`_next_match`).
_PATTERN_TEXTS: Final[list[tuple[str, str]]] = [
    # folded text has spaces for hyphens
    ("iso", r"\b(?P<y>(?:19|20)\d{2})[- ](?P<m>\d{2})[- ](?P<d>\d{2})\b"),
    ("en_mdy", _M_EN + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?:of\s+)?(?P<y>(?:19|20)\d{2})\b"),  # "of": machine-translated "6 de marzo de 2025"
    ("en_dmy", r"\b(?P<d>\d{1,2})\s+" + _M_EN + r",?\s+(?P<y>(?:19|20)\d{2})\b"),
    # (forum and site stamps leave out the "de": "3 marzo 2025")
    ("es_dmy", r"\b(?P<d>\d{1,2})\s+(?:de\s+)?" + _M_ES_FULL_DATE + r"\s+(?:(?:de|del)\s+)?(?P<y>(?:19|20)\d{2})\b"),
    ("of_dmy", r"\b(?P<d>\d{1,2})\s+of\s+" + _M_EN.replace(r"\.?", "") + r"\s+of\s+(?P<y>(?:19|20)\d{2})\b"),
    ("slash", r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})\b"),
    ("es_dm", r"\b(?P<d>\d{1,2})\s+de\s+" + _M_ES + r"\b"),
    ("en_md", r"\b" + _M_EN + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*|of\s+)?(?:19|20)\d{2})"),
    ("en_dm", r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _M_EN + r"\b"),
    ("en_my", r"\b(?:in|since|during|by|of|last|early|late|mid)\s+" + _M_EN + r"\s+(?P<y>(?:19|20)\d{2})\b"),
    ("es_my", r"\b" + _M_ES + r"\s+(?:de|del)\s+(?P<y>(?:19|20)\d{2})\b"),
    ("rel_ago", r"\b(?:hace\s+" + _NUM + r"\s+(?P<unit>dias|dia|semanas|semana|meses|mes)|" + _NUM.replace("(?P<n>", "(?P<n2>") + r"\s+(?P<unit2>days|day|weeks|week|months|month)\s+ago)\b"),
    ("day_before", r"\b(?:anteayer|antier|antes de ayer|the day before yesterday)\b"),
    ("yesterday", r"\b(?:yesterday|ayer|anoche|last night)\b"),
    ("today", r"\b(?:today|this morning|tonight|hoy|esta manana|esta madrugada|este dia)\b"),
    ("weekday_last", r"\b(?:last\s+" + _WD + r"|el\s+pasado\s+" + _WD.replace("(?P<wd>", "(?P<wd2>") + r"|el\s+" + _WD.replace("(?P<wd>", "(?P<wd3>") + r"\s+pasado)\b"),
    ("weekday_this", r"\b(?:(?:on|this)\s+" + _WD + r"|este\s+" + _WD.replace("(?P<wd>", "(?P<wd2>") + r"|el\s+" + _WD.replace("(?P<wd>", "(?P<wd3>") + r"|la\s+(?:madrugada|noche|tarde|manana)\s+(?:de(?:l)?\s+)?(?:este\s+|el\s+)?" + _WD.replace("(?P<wd>", "(?P<wd4>") +
     # wire style: "late Sunday", "early Monday", "Sunday night"
     r"|(?:late|early)\s+" + _WD.replace("(?P<wd>", "(?P<wd5>") +
     r"|" + _WD.replace("(?P<wd>", "(?P<wd6>") + r"\s+(?:night|morning|afternoon|evening)" + r")\b"),
    ("last_week", r"\b(?:last week|la semana pasada|the previous week)\b"),
    ("this_week", r"\b(?:this week|esta semana|earlier this week)\b"),
    ("last_month", r"\b(?:last month|el mes pasado|late last month|a finales del mes pasado|el pasado mes)\b(?!\s+de\b)"),
    ("month_rel", r"\b(?:(?:in|back in|last|this|early|late|since)\s+" + _M_EN + r"|(?:en|el pasado mes de|en el mes de|a principios de|a finales de|desde)\s+" + _M_ES.replace("(?P<mon>", "(?P<mon2>") + r")\b(?!\s+(?:de(?:l)?\s+)?(?:19|20)\d{2})"),
    ("year", r"\b(?:in|en|during|durante|el|del)\s+(?P<y>(?:19|20)\d{2})\b"),
]


def _compiled(pattern: str) -> tuple[re.Pattern, bool]:
    """The pattern, without a leading \\b (and with a leading one- or two-digit day written
    \\d\\d? so that it starts with a character class), and whether it must start a word."""
    if not pattern.startswith(r"\b"):
        return re.compile(pattern), False
    body = pattern[2:]
    if body.startswith(r"(?P<d>\d{1,2})"):
        body = r"(?P<d>\d\d?)" + body[len(r"(?P<d>\d{1,2})"):]
    return re.compile(body), True


# (kind, pattern, whether it must start a word)
PATTERNS: Final[list[tuple[str, re.Pattern, bool]]] = [(kind, *_compiled(p)) for kind, p in _PATTERN_TEXTS]


# Where a match may start. Most patterns begin with common letters ("el", "la", "on", "in"), so
# a plain scan tries a match at nearly every character of the sentence, to its end. But every
# match of a pattern holds one of a few literal strings (its *clues*: a weekday, a month,
# "19"/"20"), and at most a few runs of white space (its *reach*); so a match starts between a
# clue and `reach` words before the clue's own, and none starts after the last clue. Both are
# read off the parsed pattern, never typed by hand; a pattern they cannot be read from is
# scanned whole.
_parser: Any = None
try:
    _parser = importlib.import_module("re._parser")  # the stdlib's own regex parser (3.11+)
except ImportError:  # pragma: no cover - an interpreter without it scans every pattern whole
    pass


def _single_char_item(op: Any, av: Any) -> bool:
    return str(op) in ("LITERAL", "NOT_LITERAL", "ANY", "IN", "CATEGORY")


def _may_be_space(op: Any, av: Any) -> bool:
    """Whether the one-character item (op, av) can match white space (when unsure: yes)."""
    name = str(op)
    if name == "LITERAL":
        return chr(av).isspace()
    if name == "CATEGORY":
        return str(av) not in ("CATEGORY_NOT_SPACE", "CATEGORY_DIGIT", "CATEGORY_WORD")
    if name == "IN":
        return any(_may_be_space(o, a) for o, a in av)
    if name == "RANGE":
        return any(chr(c).isspace() for c in range(av[0], min(av[1], 0x3000) + 1))
    return True  # NOT_LITERAL, ANY, NEGATE


def _space_runs(items: Any) -> int | None:
    """At most how many separate runs of white space a match of the parsed ``items`` holds,
    or None when that has no bound (a repeated group that can match spaces)."""
    total = 0
    for op, av in items:
        name = str(op)
        if _single_char_item(op, av):
            runs: int | None = 1 if _may_be_space(op, av) else 0
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):  # nothing of the match
            runs = 0
        elif name == "SUBPATTERN":
            runs = _space_runs(av[3])
        elif name == "BRANCH":
            each = [_space_runs(alt) for alt in av[1]]
            runs = None if None in each else max(n for n in each if n is not None)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, body = av
            inner = _space_runs(body)
            if inner == 0 or high == 1:
                runs = inner
            elif len(body) == 1 and _single_char_item(*body[0]) and str(body[0][0]) == "IN" \
                    and all(str(o) == "CATEGORY" and str(a) == "CATEGORY_SPACE" for o, a in body[0][1]):
                runs = 1  # \s+: one run however long
            else:
                runs = None
        else:
            runs = None
        if runs is None:
            return None
        total += runs
    return total


def _clues(items: Any) -> tuple[str, ...] | None:
    """Literal strings one of which every match of the parsed ``items`` holds, or None: of the
    sets its parts offer, the rarest in text."""
    offers = _offers(items)
    return max(offers, key=_rarity) if offers else None


def _rarity(offer: tuple[str, ...]) -> tuple[bool, int, int]:
    """Strings without letters (digits, a slash) first, then the longest shortest string,
    then the fewest strings."""
    return not any(ch.isalpha() for c in offer for ch in c), min(map(len, offer)), -len(offer)


def _offers(items: Any) -> list[tuple[str, ...]]:
    """The sets of literal strings of which every match of the parsed ``items`` holds one:
    a run of literal characters, or a set a group, an alternation or a repeat must hold."""
    offers: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        if run:
            offers.append(("".join(run),))
            run = []
        if name == "SUBPATTERN":
            offers.extend(_offers(av[3]))
        elif name == "BRANCH":
            found = _branch_clues(av[1])
            if found:
                offers.append(found)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            offers.extend(_offers(av[2]))
    return offers


def _branch_clues(alternatives: Any) -> tuple[str, ...] | None:
    """The clues of an alternation: each alternative's rarest set, or one that the others'
    already hold ("el lunes" | "la noche del lunes": the weekdays, not also "noche")."""
    each = [_offers(alt) for alt in alternatives]
    if not all(each):
        return None
    chosen = [max(offers, key=_rarity) for offers in each]
    for i, offers in enumerate(each):
        others = {c for j, clues in enumerate(chosen) if j != i for c in clues}
        shared = [o for o in offers if others.issuperset(o)]
        if shared:
            chosen[i] = max(shared, key=_rarity)
    return tuple(dict.fromkeys(c for clues in chosen for c in clues))


def _scan_limits(pattern: re.Pattern) -> tuple[tuple[str, ...], int]:
    """The pattern's clues, without any that starts with another (its occurrences are the
    other's too), and its reach; ((), 0) when they cannot be read and it is scanned whole."""
    if _parser is None:
        return (), 0
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
        clues, reach = _clues(items), _space_runs(items)
    except Exception:  # pragma: no cover - a parser of another shape: scan whole
        return (), 0
    if not clues or reach is None or pattern.flags & re.IGNORECASE:
        return (), 0
    return _without_longer(clues), reach


def _without_longer(clues: tuple[str, ...]) -> tuple[str, ...]:
    """``clues`` less those that start with another: their occurrences are the other's too."""
    return tuple(c for c in clues if not any(o != c and c.startswith(o) for o in clues))


def _starts_word_char(items: Any) -> bool:
    """Whether a match of the parsed ``items`` surely begins with a word character (\\w)."""
    if not items:
        return False
    op, av = items[0]
    name = str(op)
    if name == "LITERAL":
        return chr(av).isalnum() or chr(av) == "_"
    if name == "IN":
        return all(str(o) == "LITERAL" and (chr(a).isalnum() or chr(a) == "_")
                   or str(o) == "CATEGORY" and str(a) in ("CATEGORY_DIGIT", "CATEGORY_WORD") for o, a in av)
    if name == "SUBPATTERN":
        return _starts_word_char(av[3])
    if name == "BRANCH":
        return all(_starts_word_char(alt) for alt in av[1])
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
        return _starts_word_char(av[2])
    return False


def _first_ascii(items: Any) -> set[str] | None:
    """The ASCII characters a match of the parsed ``items`` may begin with (other characters are
    never ruled out), or None when any may (a negated class, a part that may be empty)."""
    if not items:
        return None
    op, av = items[0]
    name = str(op)
    if name == "LITERAL":
        return {chr(av)} if av < 128 else set()
    if name == "IN":
        chars: set[str] = set()
        for o, a in av:
            kind = str(o)
            if kind == "LITERAL":
                if a < 128:
                    chars.add(chr(a))
            elif kind == "RANGE":
                chars.update(chr(c) for c in range(a[0], min(a[1], 127) + 1))
            elif kind == "CATEGORY" and str(a) == "CATEGORY_DIGIT":
                chars.update("0123456789")
            elif kind == "CATEGORY" and str(a) == "CATEGORY_WORD":
                chars.update(c for c in map(chr, range(128)) if c.isalnum() or c == "_")
            else:
                return None
        return chars
    if name == "SUBPATTERN":
        return _first_ascii(av[3])
    if name == "BRANCH":
        union: set[str] = set()
        for alt in av[1]:
            each = _first_ascii(alt)
            if each is None:
                return None
            union |= each
        return union
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
        return _first_ascii(av[2])
    return None


class _Rule:
    """A date pattern and what bounds its scan (see :func:`_scan_limits`). One that must start
    a word (and surely begins with a word character) is tried only at the words that begin with
    an ASCII character it may begin with (``first``, by code) or with any other character."""

    __slots__ = ("kind", "pattern", "at_word", "clues", "reach", "family", "first")

    def __init__(self, kind: str, pattern: re.Pattern, at_word: bool) -> None:
        self.kind = kind
        self.pattern = pattern
        self.at_word = at_word
        self.clues, self.reach = _scan_limits(pattern)
        self.family = -1  # the index of its clues among all rules' (see _share_clues)
        self.first: list[bool] = [True] * 128
        if self.clues and at_word:
            items = _parser.parse(pattern.pattern, pattern.flags)
            if not _starts_word_char(items):
                self.clues = ()  # scanned whole: the windows below hold word starts only
            else:
                first = _first_ascii(items)
                if first is not None:
                    self.first = [chr(code) in first for code in range(128)]


_RULES: Final[dict[str, _Rule]] = {kind: _Rule(kind, pat, at_word) for kind, pat, at_word in PATTERNS}


def _share_clues(rules: list[_Rule]) -> int:
    """Gives rules whose clues overlap (the weekday patterns, the month patterns) the union
    of them, found once per sentence for all: a wider set of clues only widens the scan. Each
    rule's ``family`` numbers its set of clues; returns how many sets there are."""
    families: list[tuple[str, ...]] = []
    for rule in rules:
        if rule.clues:
            joined = [f for f in families if not set(f).isdisjoint(rule.clues)]
            families = [f for f in families if f not in joined]
            families.append(tuple(dict.fromkeys(c for f in joined + [rule.clues] for c in f)))
    for rule in rules:
        for number, family in enumerate(families):
            if rule.clues and not set(family).isdisjoint(rule.clues):
                rule.clues = _without_longer(family)
                rule.family = number
    return len(families)


_FAMILIES: Final = _share_clues(list(_RULES.values()))
# ASCII codes of word characters (\w)
_WORD_ASCII: Final = [chr(code).isalnum() or chr(code) == "_" for code in range(128)]


class _Sentence:
    """A folded sentence being scanned, with the clue positions found so far."""

    __slots__ = ("text", "positions")

    def __init__(self, text: str) -> None:
        self.text = text
        self.positions: list[list[int] | None] = [None] * _FAMILIES  # by clue family

    def clue_positions(self, rule: _Rule) -> list[int]:
        """Where any of the ``rule``'s clues occurs (overlaps included), in order."""
        found = self.positions[rule.family]
        if found is None:
            text = self.text
            found = []
            for clue in rule.clues:
                i = text.find(clue)
                while i >= 0:
                    found.append(i)
                    i = text.find(clue, i + 1)
            found.sort()
            self.positions[rule.family] = found
        return found


def earliest_start(text: str, clue_at: int, reach: int) -> int:
    """The earliest start of a match that holds a clue at ``clue_at`` and ``reach`` runs of
    white space at most: the start of the clue's own word, then back over up to ``reach`` runs
    of white space, each with the word before it (a loop over characters: a regex on the
    reversed sentence cost several times more)."""
    i = clue_at
    while i > 0 and not is_space_at(text, i - 1):
        i -= 1
    for _ in range(reach):
        if i == 0:
            break
        while i > 0 and is_space_at(text, i - 1):
            i -= 1
        while i > 0 and not is_space_at(text, i - 1):
            i -= 1
    return i


def _word_start(rule: _Rule, text: str, i: int) -> bool:
    """Whether the ``rule`` may match at ``i``: a word starts there (a leading \\b holds) and,
    for an ASCII character, it is one the rule may begin with."""
    code = ord(text[i])
    if code < 128 and not rule.first[code]:
        return False
    if i == 0:
        return True
    before = ord(text[i - 1])
    if before < 128:
        return not _WORD_ASCII[before]
    return not (text[i - 1].isalnum() or text[i - 1] == "_")


_NEAR: Final = 16  # characters


def _next_match(rule: _Rule, sentence: _Sentence, pos: int) -> re.Match | None:
    """The match ``rule.pattern.finditer`` (or textmatch.word_starts, for a pattern that must
    start a word) would give next when its last match ended at ``pos``: the leftmost match
    starting at or after ``pos``. Search never starts before the first clue at or after ``pos``
    less the rule's reach, and not at all when there is none; look-behinds, ``\\b`` and
    look-aheads still see the whole sentence."""
    text = sentence.text
    pattern = rule.pattern
    clues = rule.clues
    if clues and rule.at_word:
        # a match starts a word between a clue's earliest start and the clue: try those words
        # in order, each clue's after the last one's, instead of every character to the end
        positions = sentence.clue_positions(rule)
        tried = pos
        for i in range(first_at_or_after(positions, pos), len(positions)):
            at = positions[i]
            # near the words already tried, reading back costs more than a few more words
            start = tried if at - tried <= _NEAR else earliest_start(text, at, rule.reach)
            for s in range(start if start > tried else tried, at + 1):
                if _word_start(rule, text, s):
                    m = pattern.match(text, s)
                    if m is not None:
                        return m
            tried = at + 1
        return None
    while True:
        if clues:
            positions = sentence.clue_positions(rule)
            i = first_at_or_after(positions, pos)
            if i == len(positions):
                return None
            start = earliest_start(text, positions[i], rule.reach)
            m = pattern.search(text, start if start > pos else pos)
        else:
            m = pattern.search(text, pos)
        if m is None:
            return None
        found = m.start()
        if rule.at_word and found and (text[found - 1].isalnum() or text[found - 1] == "_"):
            pos = found + 1  # not a word start: look again from the next character
            continue
        return m




# What each pattern cannot match without, so that a sentence runs only the patterns it could
# match: "year" (a 19xx or 20xx number), "digit" (any digit), "en_month" / "es_month" / "month"
# (a month name as a word), "month_inside" (a month name anywhere, even inside a word: en_mdy
# has no word boundary before its month), or a set of words of which one must occur.
_EN_MONTHS: Final = frozenset(k for k in MONTHS if re.fullmatch(_M_EN.replace(r"\.?", ""), k))
_ES_MONTHS: Final = frozenset(k for k in MONTHS if re.fullmatch(_M_ES, k))
_MONTH_STEMS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                "ene", "abr", "ago", "set", "dic")
_REQUIRES: Final[dict[str, tuple]] = {
    "iso": ("year",), "slash": ("year",), "year": ("year",),
    "en_mdy": ("year", "month_inside"),
    "en_dmy": ("year", "en_month"), "of_dmy": ("year", "en_month"), "en_my": ("year", "en_month"),
    "es_dmy": ("year", "es_month_or_abbreviation"), "es_my": ("year", "es_month"),
    "es_dm": ("digit", "es_month"), "en_md": ("digit", "en_month"), "en_dm": ("digit", "en_month"),
    "month_rel": ("month",),
    "weekday_last": (frozenset(WEEKDAYS),), "weekday_this": (frozenset(WEEKDAYS),),
    "rel_ago": (frozenset({"hace", "ago"}),),
    "day_before": (frozenset({"anteayer", "antier", "ayer", "yesterday"}),),
    "yesterday": (frozenset({"yesterday", "ayer", "anoche", "night"}),),
    "today": (frozenset({"today", "morning", "tonight", "hoy", "manana", "madrugada", "dia"}),),
    "last_week": (frozenset({"week", "semana"}),), "this_week": (frozenset({"week", "semana"}),),
    "last_month": (frozenset({"month", "mes"}),),
}
_WORD_CLASSES: Final = {"en_month": _EN_MONTHS, "es_month": _ES_MONTHS, "month": _EN_MONTHS | _ES_MONTHS,
                 "es_month_or_abbreviation": _ES_MONTHS | frozenset(_ES_ABBREVIATIONS)}
# every word some pattern needs: a sentence sharing none with them and naming no year has no
# date (the phrase matcher finds them as category "dateword", see lexicon.build)
DATE_WORDS: Final = frozenset().union(*_WORD_CLASSES.values(),
                                *(r for need in _REQUIRES.values() for r in need if isinstance(r, frozenset)))
_DIGIT: Final = re.compile(r"\d")
_DIGITS: Final = ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
_YEARISH: Final = re.compile(r"(?:19|20)\d\d")


def _date_words(folded: str) -> frozenset[str]:
    """The words of ``folded`` that some date pattern needs."""
    return DATE_WORDS.intersection(folded_words(folded))


def _possible(folded: str, year: bool | None = None,
              words: frozenset[str] | None = None) -> list[tuple[str, re.Pattern, bool]]:
    """The PATTERNS, in order, whose required words and digits occur in ``folded``; ``year``
    (whether it names a year as a word) and ``words`` (its DATE_WORDS) when the caller already
    knows them from the phrase matcher. Runs for every sentence an event or relation is dated
    from: most have no date word and no year; the pattern list for each mix of what is present
    is built once."""
    if words is None:
        words = _date_words(folded)
    if year is None:
        year = _YEARISH.search(folded) is not None
    if not words and not year:
        return []
    digit = year or _holds(folded, _DIGITS) or (not folded.isascii() and _DIGIT.search(folded) is not None)
    inside = year and digit and _holds(folded, _MONTH_STEMS)
    key = (words, year, digit, inside)
    found = _PLANS.get(key)
    if found is None:
        have = {"year": year, "digit": digit, "month_inside": inside,
                **{name: not words.isdisjoint(ws) for name, ws in _WORD_CLASSES.items()}}
        found = [(kind, pat, at_word) for kind, pat, at_word in PATTERNS
                 if all(have[r] if isinstance(r, str) else not words.isdisjoint(r) for r in _REQUIRES[kind])]
        if len(_PLANS) < 4096:
            _PLANS[key] = found
    return found


_PLANS: Final[dict[tuple, list[tuple[str, re.Pattern, bool]]]] = {}


def _holds(text: str, parts: tuple[str, ...]) -> bool:
    """One of ``parts`` occurs in ``text`` (a plain loop: ``any(map(text.__contains__, ...))``
    costs a bound method, a map and a call more, compiled)."""
    for part in parts:
        if part in text:
            return True
    return False


_SINCE: Final = ("since ", "desde ")
_SINCE_BEFORE: Final = re.compile(r"\b(?:since|desde)\s+(?:el\s+|la\s+|the\s+)?$")


def opens_state(folded: str, start: int, floor: int = 0) -> bool:
    """The date mention at ``start`` of ``folded`` is where something ongoing began ("since
    September", "desde el lunes"): not an incident's date, but a relation's start. The word
    is read no further back than ``floor``."""
    return folded.startswith(_SINCE, start) or bool(_SINCE_BEFORE.search(folded, max(floor, start - 12), start))


class DateMention(NamedTuple):
    """A date expression at [start, end) of the folded text."""

    start: int
    end: int
    value: str | None  # YYYY-MM-DD | YYYY-MM | YYYY | None when it cannot be resolved
    precision: str | None  # day | month | year
    kind: str


def _num(token: str | None) -> int | None:
    if token is None:
        return None
    return int(token) if token.isdigit() else NUMBER_WORDS.get(token)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _recent(month: int, day: int | None, pub: date) -> date | None:
    """The latest date with this month (and day) on or before the publication date."""
    y = pub.year
    cand = _safe(y, month, day or 1)
    if cand is None:
        return None
    if cand > pub:
        cand = _safe(y - 1, month, day or 1)
    return cand


def parse_pub_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def sentence_dates(ctx: DocContext, j: int) -> list[DateMention]:
    """Dates of sentence ``j`` of a document, searched once per document: events read their
    own sentence and the one before, relations the sentence of their cue."""
    key = ("dates", j)
    found = ctx.cache.get(key)
    if found is None:
        s = ctx.sentences[j]
        words = frozenset([m.key for m in ctx.of(j, "dateword")])
        found = find_dates(ctx.folded[s.start:s.end], ctx.pub, s.start, bool(ctx.of(j, "year")), words)
        if ctx.pub is None and any(d.value is None and d.kind in _DAY_MONTH for d in found):
            anchor = _anchor_before(ctx, j, found)
            if anchor is not None:
                found = find_dates(ctx.folded[s.start:s.end], ctx.pub, s.start, bool(ctx.of(j, "year")), words, anchor)
        ctx.cache[key] = found
    return found


ANCHOR_SENTENCES: Final = 2  # sentences back, in the same paragraph, where a full date sets the year


def _anchor_before(ctx: DocContext, j: int, own: list[DateMention]) -> date | None:
    """The latest date with a year and a month (a month's is its first day: "in July 2023 ...
    On July 10 of that year") of sentence ``j`` or of the sentences just before it in its
    paragraph."""
    for k in range(j, max(-1, j - 1 - ANCHOR_SENTENCES), -1):
        if ctx.sentences[k].paragraph != ctx.sentences[j].paragraph:
            break
        mentions = own if k == j else sentence_dates(ctx, k)
        dated = [d.value for d in mentions if d.value and d.precision in ("day", "month") and len(d.value) in (7, 10)]
        if dated:
            return date.fromisoformat(dated[-1] if len(dated[-1]) == 10 else dated[-1] + "-01")
    return None


def years_named(ctx: DocContext, i: int | None = None, start: int = 0, end: int | None = None) -> list[int]:
    """The years from 1950 to 2049 that the document (or sentence ``i``, or the stretch
    [start, end) of it) names as words, in text order."""
    found = ctx.all_of("year") if i is None else ctx.of(i, "year")
    return [int(m.key) for m in found if _HISTORY_SPAN[0] <= int(m.key) <= _HISTORY_SPAN[1]
            and m.start >= start and (end is None or m.end <= end)]


_HISTORY_SPAN: Final = (1950, 2049)
# a time counted in years from the sentence before ("Two years later", "dos años después"): as
# old as what that sentence tells
YEARS_LATER: Final = re.compile(r"\b(?:a|one|two|three|four|five|un|dos|tres|cuatro|cinco|\d)\s+(?:years?|anos?)\s+"
                         r"(?:later|after|despues|mas tarde)\b")


def counts_years_later(folded: str, start: int, end: int) -> bool:
    """YEARS_LATER occurs in ``folded[start:end]``. Its leading ``\\b`` makes the regex engine try
    every position, and nearly every sentence asked lacks "year"/"ano" or the word after
    ("later", "after", "despues", "mas tarde"), which a match needs: ``str.find`` rules those
    out first ("ano" alone is in "mexicano")."""
    return holds_any(folded, ("year", "ano"), start, end) and holds_any(folded, _YEARS_LATER_WORDS, start, end) \
        and YEARS_LATER.search(folded, start, end) is not None


_YEARS_LATER_WORDS: Final = ("later", "after", "despues", "mas tarde")
HISTORY_YEARS: Final = 5  # a sentence whose latest year is this many before the article's tells history


def reference_year(ctx: DocContext) -> int | None:
    """The article's year: its publication date's, else the latest year it names (an
    undated analysis of 2024 events is read from 2024). Once per document."""
    if ctx.pub is not None:
        return ctx.pub.year
    key = "reference_year"
    if key not in ctx.cache:
        years = years_named(ctx)
        ctx.cache[key] = max(years) if years else None
    return ctx.cache[key]


def find_dates(folded: str, pub: date | None, offset: int = 0, year: bool | None = None,
               words: frozenset[str] | None = None, anchor: date | None = None) -> list[DateMention]:
    """Date mentions in ``folded`` (a folded sentence); spans are shifted by ``offset``;
    ``year`` and ``words`` as for :func:`_possible`, when the caller knows them. Without a
    publication date, a day and month with no year ("on October 6") takes the year of
    ``anchor``, a full date the text gave just before, when it falls within a month after it."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    sentence = _Sentence(folded)
    for kind, pat, at_word in _possible(folded, year, words):
        rule = _RULES[kind]
        pos = 0
        while True:
            m = _next_match(rule, sentence, pos)
            if m is None:
                break
            pos = m.end() if m.end() > m.start() else m.start() + 1
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value, precision = _resolve(kind, m, pub)
            if kind == "year" and value is None:
                continue
            if value is None and anchor is not None and kind in _DAY_MONTH:
                value, precision = _after_anchor(m, anchor)
            taken.append((m.start(), m.end()))
            out.append(DateMention(m.start() + offset, m.end() + offset, value, precision, kind))
    out.sort(key=lambda d: d.start)
    return out


_DAY_MONTH: Final = frozenset({"es_dm", "en_md", "en_dm"})
ANCHOR_DAYS: Final = 31  # how far after a full date a day and month without a year may fall to take its year


def _after_anchor(m: re.Match, anchor: date) -> tuple[str | None, str | None]:
    """"On October 3, 2024, ... Three days later, on October 6": the day in ``anchor``'s year
    when it falls on it or within :data:`ANCHOR_DAYS` after it; else unresolved."""
    g = m.groupdict()
    d = _safe(anchor.year, MONTHS[g["mon"]], int(g["d"]))
    if d is not None and 0 <= (d - anchor).days <= ANCHOR_DAYS:
        return d.isoformat(), "day"
    return None, None


def _resolve(kind: str, m: re.Match, pub: date | None) -> tuple[str | None, str | None]:
    g = m.groupdict()
    if kind in ("iso", "slash"):
        d = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
        return (d.isoformat(), "day") if d else (None, None)
    if kind in ("en_mdy", "en_dmy", "es_dmy", "of_dmy"):
        d = _safe(int(g["y"]), MONTHS[g["mon"]], int(g["d"]))
        return (d.isoformat(), "day") if d else (None, None)
    if kind in ("en_my", "es_my"):
        return f"{int(g['y']):04d}-{MONTHS[g['mon']]:02d}", "month"
    if kind == "year":
        return g["y"], "year"
    if pub is None:
        return None, None
    if kind in ("es_dm", "en_md", "en_dm"):
        d = _recent(MONTHS[g["mon"]], int(g["d"]), pub)
        return (d.isoformat(), "day") if d else (None, None)
    if kind == "month_rel":
        mon = MONTHS[g.get("mon") or g["mon2"]]
        d = _recent(mon, None, pub)
        return (f"{d.year:04d}-{d.month:02d}", "month") if d else (None, None)
    if kind == "rel_ago":
        n = _num(g.get("n") or g.get("n2")) or 1
        unit = g.get("unit") or g.get("unit2") or "day"
        if unit.startswith(("dia", "day")):
            return (pub - timedelta(days=n)).isoformat(), "day"
        if unit.startswith(("semana", "week")):
            d = pub - timedelta(days=7 * n)
            return d.isoformat(), "week"
        d = pub.replace(day=1)
        for _ in range(n):
            d = (d - timedelta(days=1)).replace(day=1)
        return f"{d.year:04d}-{d.month:02d}", "month"
    if kind == "yesterday":
        return (pub - timedelta(days=1)).isoformat(), "day"
    if kind == "day_before":
        return (pub - timedelta(days=2)).isoformat(), "day"
    if kind == "today":
        return pub.isoformat(), "day"
    if kind in ("weekday_last", "weekday_this"):
        wd = WEEKDAYS[next(v for k, v in g.items() if k.startswith("wd") and v)]
        back = (pub.weekday() - wd) % 7
        if kind == "weekday_last" and back == 0:
            back = 7
        return (pub - timedelta(days=back)).isoformat(), "day"
    if kind == "last_week":
        return (pub - timedelta(days=7)).isoformat(), "week"
    if kind == "this_week":
        return pub.isoformat(), "week"
    if kind == "last_month":
        d = (pub.replace(day=1) - timedelta(days=1))
        return f"{d.year:04d}-{d.month:02d}", "month"
    return None, None


_PUB_KINDS: Final = ("iso", "en_mdy", "en_dmy", "es_dmy", "of_dmy", "slash")  # full dates only, all with digits


def find_pub_date(folded_head: str, words: frozenset[str] | None = None, year: bool | None = None) -> str | None:
    """A publication date printed at the top of an article (dateline or byline), or None;
    ``words`` and ``year`` as for :func:`_possible`, when the caller knows them."""
    for kind, pat, at_word in _possible(folded_head, year, words):
        if kind in _PUB_KINDS:
            m = _next_match(_RULES[kind], _Sentence(folded_head), 0)
            if m:
                value, _ = _resolve(kind, m, None)
                if value:
                    return value
    return None
