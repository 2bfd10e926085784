"""Certainty of a sentence's claim: asserted, reported, alleged, speculative, denied.

* ``speculative``: a modal or forecast ("may adopt", "could", "podría", "will likely"); kept,
  marked, and never output as an event that happened.
* ``denied``: negation or denial near the trigger ("did not", "negó", "descartó").
* ``alleged``: evidential hedges ("reportedly", "allegedly", "presuntamente", "habría").
* ``reported``: attributed to a source ("according to", "informó la Fiscalía").
* ``asserted``: stated plainly.
"""
from __future__ import annotations

from dataclasses import dataclass

from cartelscope.extract.context import DocContext

NEGATION_WINDOW = 40
SPECULATION_REACH = 70  # a modal governs what follows it in its clause, not the whole sentence
SPECULATION_AFTER = 40


@dataclass
class Certainty:
    level: str
    attribution: str | None = None


def _cue(ms, key, lang) -> list:
    return [m for m in ms if m.key == key and (m.entry.lang in (None, lang) or lang == "other")]


_ASSERTED = Certainty("asserted", None)


def of_sentence(ctx: DocContext, i: int, anchor: int | None = None) -> Certainty:
    """The certainty of sentence ``i`` (of the claim at ``anchor`` when given); the result is
    cached per document and shared, so callers must not modify it."""
    cues = ctx.of(i, "cue")
    if not cues:
        return _ASSERTED
    key = ("certainty", i, anchor)
    hit = ctx.cache.get(key)
    if hit is None:
        hit = ctx.cache[key] = _judge(cues, ctx.lang, anchor)
    return hit


def _judge(cues: list, lang: str, anchor: int | None) -> Certainty:
    attribution = next((m.key.split(":", 1)[1] for m in cues if m.key.startswith("attribution:")), None)
    modal = _cue(cues, "speculation", lang) + _cue(cues, "forecast", lang)
    if anchor is not None:
        modal = [m for m in modal if -SPECULATION_AFTER <= anchor - m.start <= SPECULATION_REACH]
    if modal:
        return Certainty("speculative", attribution)
    if anchor is not None:
        for m in _cue(cues, "negation", lang) + _cue(cues, "denial", lang):
            if 0 <= anchor - m.end <= NEGATION_WINDOW or (m.key == "denial" and m.start < anchor):
                return Certainty("denied", attribution)
    if _cue(cues, "hedging", lang):
        return Certainty("alleged", attribution)
    if attribution:
        return Certainty("reported", attribution)
    return _ASSERTED


def document_hedged(ctx: DocContext) -> bool:
    """The main claim is speculative when the title or lead sentences speculate or forecast."""
    lead = [s.index for s in ctx.sentences[:3]]
    spec = sum(1 for i in lead if _cue(ctx.of(i, "cue"), "speculation", ctx.lang) or _cue(ctx.of(i, "cue"), "forecast", ctx.lang))
    return spec >= 1
