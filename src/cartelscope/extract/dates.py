"""Dates in English and Spanish news text, resolved against the publication date.

A date is never invented: month-day without a year and relative expressions ("last month",
"el lunes pasado", "hace dos días") resolve only when the publication date is known; otherwise
they give nothing. Each resolved date carries a precision: 'day', 'month' or 'year'.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cartelscope.extract.context import DocContext

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "dic": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4, "sabado": 5, "domingo": 6,
}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "un": 1,
                "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
                "a": 1}

_M_EN = r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_M_ES = r"(?P<mon>enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)"
_NUM = r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|a|un|una|uno|dos|tres|cuatro|cinco|seis|siete)"

# Order matters: the longest, most explicit forms first. Patterns run on folded text.
PATTERNS: list[tuple[str, re.Pattern]] = [
    # folded text has spaces for hyphens
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d{2})[- ](?P<m>\d{2})[- ](?P<d>\d{2})\b")),
    ("en_mdy", re.compile(_M_EN + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})\b")),
    ("en_dmy", re.compile(r"\b(?P<d>\d{1,2})\s+" + _M_EN + r",?\s+(?P<y>(?:19|20)\d{2})\b")),
    ("es_dmy", re.compile(r"\b(?P<d>\d{1,2})\s+de\s+" + _M_ES + r"\s+(?:de|del)\s+(?P<y>(?:19|20)\d{2})\b")),
    ("of_dmy", re.compile(r"\b(?P<d>\d{1,2})\s+of\s+" + _M_EN.replace(r"\.?", "") + r"\s+of\s+(?P<y>(?:19|20)\d{2})\b")),
    ("slash", re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})\b")),
    ("es_dm", re.compile(r"\b(?P<d>\d{1,2})\s+de\s+" + _M_ES + r"\b")),
    ("en_md", re.compile(r"\b" + _M_EN + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?(?:19|20)\d{2})")),
    ("en_dm", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _M_EN + r"\b")),
    ("en_my", re.compile(r"\b(?:in|since|during|by|of|last|early|late|mid)\s+" + _M_EN + r"\s+(?P<y>(?:19|20)\d{2})\b")),
    ("es_my", re.compile(r"\b" + _M_ES + r"\s+(?:de|del)\s+(?P<y>(?:19|20)\d{2})\b")),
    ("rel_ago", re.compile(r"\b(?:hace\s+" + _NUM + r"\s+(?P<unit>dias|dia|semanas|semana|meses|mes)|" + _NUM.replace("(?P<n>", "(?P<n2>") + r"\s+(?P<unit2>days|day|weeks|week|months|month)\s+ago)\b")),
    ("yesterday", re.compile(r"\b(?:yesterday|ayer|anoche|last night)\b")),
    ("today", re.compile(r"\b(?:today|this morning|tonight|hoy|esta manana|este dia)\b")),
    ("weekday_last", re.compile(r"\b(?:last\s+" + _WD + r"|el\s+pasado\s+" + _WD.replace("(?P<wd>", "(?P<wd2>") + r"|el\s+" + _WD.replace("(?P<wd>", "(?P<wd3>") + r"\s+pasado)\b")),
    ("weekday_this", re.compile(r"\b(?:on\s+" + _WD + r"|este\s+" + _WD.replace("(?P<wd>", "(?P<wd2>") + r"|el\s+" + _WD.replace("(?P<wd>", "(?P<wd3>") + r"|la\s+(?:madrugada|noche|tarde|manana)\s+(?:de(?:l)?\s+)?(?:este\s+|el\s+)?" + _WD.replace("(?P<wd>", "(?P<wd4>") + r")\b")),
    ("last_week", re.compile(r"\b(?:last week|la semana pasada|the previous week)\b")),
    ("this_week", re.compile(r"\b(?:this week|esta semana|earlier this week)\b")),
    ("last_month", re.compile(r"\b(?:last month|el mes pasado|late last month|a finales del mes pasado|el pasado mes)\b(?!\s+de\b)")),
    ("month_rel", re.compile(r"\b(?:(?:in|back in|last|this|early|late|since)\s+" + _M_EN + r"|(?:en|el pasado mes de|en el mes de|a principios de|a finales de|desde)\s+" + _M_ES.replace("(?P<mon>", "(?P<mon2>") + r")\b(?!\s+(?:de(?:l)?\s+)?(?:19|20)\d{2})")),
    ("year", re.compile(r"\b(?:in|en|during|durante|el|del)\s+(?P<y>(?:19|20)\d{2})\b")),
]


# cheap pre-check: a sentence with none of these words and no digit holds no date
_MAYBE_DATE_WORD = re.compile(r"\b(?:" + "|".join(sorted(set(MONTHS) | set(WEEKDAYS), key=len, reverse=True)) +
                         r"|yesterday|ayer|anoche|today|tonight|hoy|manana|ago|hace|week|semana|month|mes|last night)\b")


# What each pattern cannot match without, so a sentence runs only the patterns it could match.
# "digit": a day, month number or year; "month": a month name (every one contains one of
# _MONTH_STEMS); "weekday": a weekday name; otherwise any one of the listed words.
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                "ene", "abr", "ago", "set", "dic")
_WEEKDAY_WORDS = ("day", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo")
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("digit",), "slash": ("digit",), "year": ("digit",),
    **{kind: ("digit", "month") for kind in ("en_mdy", "en_dmy", "es_dmy", "of_dmy", "es_dm", "en_md", "en_dm",
                                             "en_my", "es_my")},
    "month_rel": ("month",),
    "weekday_last": ("weekday",), "weekday_this": ("weekday",),
}
_NEEDS_WORD: dict[str, tuple[str, ...]] = {
    "rel_ago": ("hace", "ago"),
    "yesterday": ("yesterday", "ayer", "anoche", "night"),
    "today": ("today", "morning", "tonight", "hoy", "manana", "dia"),
    "last_week": ("week", "semana"), "this_week": ("week", "semana"),
    "last_month": ("month", "mes"),
}
_DIGIT = re.compile(r"\d")


def _possible(folded: str) -> tuple[bool, list[tuple[str, re.Pattern]]]:
    """Whether ``folded`` has a digit, and the patterns whose required words or digits occur
    in it, in PATTERNS order. Runs for every sentence an event is dated from, so the tests are
    substring searches done in C and the answer for each mix of digit, month and weekday is
    looked up, not rebuilt."""
    contains = folded.__contains__
    digit = _DIGIT.search(folded) is not None
    have = (digit, any(map(contains, _MONTH_STEMS)), any(map(contains, _WEEKDAY_WORDS)))
    out = _BY_CLASS[have]
    worded = [p for p in _BY_WORD if any(map(contains, p[3]))]
    if worded:
        out = sorted(out + worded)
    return digit, [(kind, pat) for _, kind, pat, _ in out]


def _patterns_by_class() -> dict[tuple[bool, ...], list[tuple]]:
    """For each (digit, month, weekday) presence, the PATTERNS (number, kind, pattern, ()) that
    need no more than that."""
    out: dict[tuple[bool, ...], list[tuple]] = {}
    for have in itertools.product((False, True), repeat=3):
        present = {n for n, h in zip(("digit", "month", "weekday"), have) if h}
        out[have] = [(k, kind, pat, ()) for k, (kind, pat) in enumerate(PATTERNS)
                     if kind in _NEEDS and set(_NEEDS[kind]) <= present]
    return out


_BY_CLASS = _patterns_by_class()
_BY_WORD = [(k, kind, pat, _NEEDS_WORD[kind]) for k, (kind, pat) in enumerate(PATTERNS) if kind in _NEEDS_WORD]


# A year between 1950 and 2049 standing as a word, in folded text
YEAR = re.compile(r"\b(?:19[5-9]|20[0-4])\d\b")
_SINCE = ("since ", "desde ")
_SINCE_BEFORE = re.compile(r"\b(?:since|desde)\s+(?:el\s+|la\s+|the\s+)?$")


def opens_state(folded: str, start: int, floor: int = 0) -> bool:
    """The date mention at ``start`` of ``folded`` is where something ongoing began ("since
    September", "desde el lunes"): not an incident's date, but a relation's start. The word
    is read no further back than ``floor``."""
    return folded.startswith(_SINCE, start) or bool(_SINCE_BEFORE.search(folded, max(floor, start - 12), start))


@dataclass(frozen=True)
class DateMention:
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
        found = ctx.cache[key] = find_dates(ctx.folded[s.start:s.end], ctx.pub, s.start)
    return found


def reference_year(ctx: DocContext) -> int | None:
    """The article's year: its publication date's, else the latest year it names (an
    undated analysis of 2024 events is read from 2024). Once per document."""
    if ctx.pub is not None:
        return ctx.pub.year
    key = "reference_year"
    if key not in ctx.cache:
        years = [int(y) for y in YEAR.findall(ctx.folded)]
        ctx.cache[key] = max(years) if years else None
    return ctx.cache[key]


def find_dates(folded: str, pub: date | None, offset: int = 0) -> list[DateMention]:
    """Date mentions in ``folded`` (a folded sentence); spans are shifted by ``offset``."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    digit, possible = _possible(folded)
    if not possible or not (digit or _MAYBE_DATE_WORD.search(folded)):
        return out
    for kind, pat in possible:
        for m in pat.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value, precision = _resolve(kind, m, pub)
            if kind == "year" and value is None:
                continue
            taken.append((m.start(), m.end()))
            out.append(DateMention(m.start() + offset, m.end() + offset, value, precision, kind))
    out.sort(key=lambda d: d.start)
    return out


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


_PATTERN_OF = dict(PATTERNS)
_PUB_KINDS = ("iso", "en_mdy", "en_dmy", "es_dmy", "of_dmy", "slash")  # full dates only, all with digits


def find_pub_date(folded_head: str) -> str | None:
    """A publication date printed at the top of an article (dateline or byline), or None."""
    if not _DIGIT.search(folded_head):
        return None
    for kind in _PUB_KINDS:
        m = _PATTERN_OF[kind].search(folded_head)
        if m:
            value, _ = _resolve(kind, m, None)
            if value:
                return value
    return None
