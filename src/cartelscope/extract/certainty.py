"""Certainty of a sentence's claim: asserted, reported, alleged, speculative, denied.

* ``speculative``: a modal or forecast ("may adopt", "could", "podría", "will likely"); kept,
  marked, and never output as an event that happened.
* ``denied``: negation or denial near the trigger ("did not", "negó", "descartó").
* ``alleged``: evidential hedges ("reportedly", "allegedly", "presuntamente", "habría").
* ``reported``: attributed to a source ("according to", "informó la Fiscalía").
* ``asserted``: stated plainly.
"""
from __future__ import annotations

from typing import Final

import re

from cartelscope.extract.context import DocContext
from cartelscope.extract.textmatch import Match

NEGATION_WINDOW: Final = 40
SPECULATION_REACH: Final = 70  # a modal governs what follows it in its clause, not the whole sentence
SPECULATION_AFTER: Final = 40


class Certainty:
    """How a claim is put ('asserted', 'reported', 'alleged', 'speculative', 'denied') and by
    whom. A plain class, not a dataclass: compiled, it is then made without interpreted code."""

    __slots__ = ("level", "attribution")

    def __init__(self, level: str, attribution: str | None = None):
        self.level = level
        self.attribution = attribution

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Certainty) and (self.level, self.attribution) == (other.level, other.attribution)

    def __repr__(self) -> str:
        return f"Certainty(level={self.level!r}, attribution={self.attribution!r})"


_ASSERTED: Final = Certainty("asserted", None)


def of_sentence(ctx: DocContext, i: int, anchor: int | None = None) -> Certainty:
    """The certainty of sentence ``i`` (of the claim at ``anchor`` when given); the result is
    cached per document and shared, so callers must not modify it."""
    cues = ctx.of(i, "cue")
    if not cues:
        return _ASSERTED
    key = ("certainty", i, anchor)
    hit = ctx.cache.get(key)
    if hit is None:
        hit = ctx.cache[key] = _judge(_sentence_cues(ctx, i, cues), anchor, ctx.folded)
    return hit


class _Cues:
    """A sentence's cues of the document's language by list name, and its first attribution
    (of any language); once per sentence."""

    __slots__ = ("by_key", "attribution")

    def __init__(self, cues: list[Match], lang: str):
        self.by_key: dict[str, list[Match]] = {}
        self.attribution = None
        for m in cues:
            if self.attribution is None and m.key.startswith("attribution:"):
                self.attribution = m.key.split(":", 1)[1]
            if lang == "other" or m.entry.lang is None or m.entry.lang == lang:
                bucket = self.by_key.get(m.key)
                if bucket is None:
                    self.by_key[m.key] = [m]
                else:
                    bucket.append(m)


def _sentence_cues(ctx: DocContext, i: int, cues: list[Match]) -> _Cues:
    key = ("cues", i)
    found = ctx.cache.get(key)
    if found is None:
        cues = [m for m in cues if not (m.key in _MODAL_KEYS and potential_use(ctx.folded, m))]
        shields = [m for m in cues if m.key.startswith("attribution:") or m.key == "asides"]
        if shields:
            # "a state official who asked not to be named", "not only", "no obstante": the negation
            # is the source's or the phrase's, not the claim's
            cues = [m for m in cues if not (m.key in _NEGATING_KEYS and any(
                a.start <= m.start and m.end <= a.end for a in shields))]
        found = ctx.cache[key] = _Cues(cues, ctx.lang)
    return found


_MODAL_KEYS: Final = frozenset({"speculation", "forecast"})
_NEGATING_KEYS: Final = frozenset({"negation", "denial"})
_RELATIVE_BEFORE: Final = re.compile(r"\b(?:that|which|que)\s+$")  # "que", not "ataque" or "bloque"
RELATIVE_REACH: Final = 8  # characters before a modal in which its relative pronoun stands
_USE_WITHIN: Final = re.compile(r"\b(?:used|usad|utilizad|usarse|utilizarse)")  # the cue "could be used" itself
_USE_AFTER: Final = re.compile(r"\s+(?:(?:be\s+)?used|serve|(?:ser\s+)?usad|(?:ser\s+)?utilizad|usarse|utilizarse|servir)")


def potential_use(folded: str, m: Match) -> bool:
    """A modal that says what a seized object could be used for ("materials that could be used
    to make explosives", "que podrían ser utilizados para"): it describes the object; the
    seizure itself is asserted."""
    lo = max(0, m.start - RELATIVE_REACH)
    # (the relative word itself, found by plain search, before the regex that places it)
    relative = folded.find("que", lo, m.start) >= 0 or folded.find("that", lo, m.start) >= 0 \
        or folded.find("which", lo, m.start) >= 0
    return bool(relative and _RELATIVE_BEFORE.search(folded, lo, m.start)
                and (_USE_AFTER.match(folded, m.end) or _USE_WITHIN.search(folded, m.start, m.end)))


def _judge(cues: _Cues, anchor: int | None, folded: str) -> Certainty:
    attribution = cues.attribution
    by_key = cues.by_key
    modal = by_key.get("speculation", _NONE) + by_key.get("forecast", _NONE)
    if anchor is not None:
        modal = [m for m in modal if -SPECULATION_AFTER <= anchor - m.start <= SPECULATION_REACH]
    if modal:
        return Certainty("speculative", attribution)
    if "nonexistence" in by_key:
        return Certainty("denied", attribution)
    if anchor is not None:
        for m in by_key.get("negation", _NONE) + by_key.get("denial", _NONE):
            if 0 <= anchor - m.end <= NEGATION_WINDOW and not _clause_stop(folded, m.end, anchor) \
                    or (m.key == "denial" and m.start < anchor):
                return Certainty("denied", attribution)
    if "hedging" in by_key:
        return Certainty("alleged", attribution)
    if attribution:
        return Certainty("reported", attribution)
    return _ASSERTED


_NONE: Final[list] = []


def _clause_stop(folded: str, start: int, end: int) -> bool:
    """A colon or semicolon between a negation and the claim: "los que no son de aquí: el
    cártel de Caborca es el grupo de Caro Quintero" negates another clause."""
    return folded.find(":", start, end) >= 0 or folded.find(";", start, end) >= 0


def document_hedged(ctx: DocContext) -> bool:
    """The main claim is speculative when the title or lead sentences speculate, forecast or
    pass on an unconfirmed rumour."""
    lead = [s.index for s in ctx.sentences[:3]]
    # a modal that says what seized material could be used for is no speculation
    spec = sum(1 for i in lead if ctx.of(i, "cue") and not _MODAL_KEYS.isdisjoint(
        _sentence_cues(ctx, i, ctx.of(i, "cue")).by_key))
    # or the opening passes on a rumour nobody can confirm ("people have been saying that ...
    # agreed to a truce. I can't confirm it"; a title may take two lines and a byline a third)
    return spec >= 1 or any(ctx.cues(i, "unconfirmed") or rumour_told_next(ctx, i)
                            for i in range(min(RUMOUR_LEAD, len(ctx.sentences))))


RUMOUR_LEAD: Final = 4  # opening sentences in which an unconfirmed rumour makes the whole text hedged
RUMOUR_OPENING: Final = 40  # characters into the next sentence within which "I can't confirm it" refers back


def rumour_told_next(ctx: DocContext, i: int) -> bool:
    """The sentence after ``i`` opens by saying its claim cannot be confirmed ("People say the
    two groups agreed to a truce. I can't confirm it and neither can anyone I talked to")."""
    j = i + 1
    if j >= len(ctx.sentences):
        return False
    start = ctx.sentences[j].start
    return any(m.start - start <= RUMOUR_OPENING for m in ctx.cues(j, "unconfirmed"))


_DEBUNKING: Final = ("denial", "nonexistence", "unconfirmed", "debunked")


def rumour_debunked(ctx: DocContext, i: int) -> bool:
    """Sentence ``i`` passes on a claim from social media or rumour ("circuló en redes un mensaje
    que aseguraba que un dron había atacado la plaza") and it, or the sentence after it, denies
    the claim or calls it false ("La SSP lo desmintió: es falso"): no incident is told."""
    if not ctx.cues(i, "hearsay"):
        return False
    return any(ctx.cues(j, key) for j in (i, i + 1) if j < len(ctx.sentences) for key in _DEBUNKING)


def hearsay_blame(ctx: DocContext, i: int) -> list:
    """Sentence ``i``'s blame cues when it passes the blame on from social media or rumour ("En
    redes sociales se atribuyó los bloqueos a Los Metros"): such a blame names no perpetrator."""
    return ctx.cues(i, "blame") if ctx.cues(i, "hearsay") else _NONE
