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
    return [m for m in ms if m.category == "cue" and m.key == key and (m.entry.lang in (None, lang) or lang == "other")]


def of_sentence(ctx: DocContext, i: int, anchor: int | None = None) -> Certainty:
    ms = ctx.by_sentence[i]
    lang = ctx.lang
    attribution = next((m.key.split(":", 1)[1] for m in ms if m.category == "cue" and m.key.startswith("attribution:")), None)
    modal = _cue(ms, "speculation", lang) + _cue(ms, "forecast", lang)
    if anchor is not None:
        modal = [m for m in modal if -SPECULATION_AFTER <= anchor - m.start <= SPECULATION_REACH]
    if modal:
        return Certainty("speculative", attribution)
    if anchor is not None:
        for m in _cue(ms, "negation", lang) + _cue(ms, "denial", lang):
            if 0 <= anchor - m.end <= NEGATION_WINDOW or (m.key == "denial" and m.start < anchor):
                return Certainty("denied", attribution)
    if _cue(ms, "hedging", lang):
        return Certainty("alleged", attribution)
    if attribution:
        return Certainty("reported", attribution)
    return Certainty("asserted", None)


def document_hedged(ctx: DocContext) -> bool:
    """The main claim is speculative when the title or lead sentences speculate or forecast."""
    lead = [s.index for s in ctx.sentences[:3]]
    spec = sum(1 for i in lead if _cue(ctx.by_sentence[i], "speculation", ctx.lang) or _cue(ctx.by_sentence[i], "forecast", ctx.lang))
    return spec >= 1
