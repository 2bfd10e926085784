"""Death tolls in a sentence, following ACLED's rule of the lowest credible figure.

A count is a number (digits or number words in the document's language, or a vague quantity
such as "decenas" coded as the pack's numbers.yaml says) that a fatality noun follows within
a few words ("cinco muertos", "at least a dozen bodies") or a fatality verb precedes ("killed
12 people", "dejó cinco muertos"). Injury counts ("heridos", "wounded") are not deaths. A single
victim with no number ("fue asesinado", "a journalist was shot dead") is one death.
"""
from __future__ import annotations

from typing import Final

import re

from cartelscope.extract.backward import EndingAt
from cartelscope.extract.context import DocContext, within

# a count of one to four digits, not part of a longer number, a decimal, a time or a date
# ("(?<![\d.,:/])\d{1,4}" written to open with \d itself, so that the regex engine skips to
# the next digit instead of trying the look-behind at every character)
_DIGITS: Final = re.compile(r"\d(?<![\d.,:/]\d)\d{0,3}(?![\d:/]|\.\d)")
_YEAR: Final = re.compile(r"^(?:19|20)\d{2}$")
MAX_GAP_WORDS: Final = 4  # between a count and the fatality noun after it
VERB_REACH_WORDS: Final = 3  # between a fatality verb and its count ("killed at least 12")
PASSIVE_REACH_WORDS: Final = 5  # a passive takes adverbs first ("fueron asesinados a balazos al menos tres")
_RANGE: Final = re.compile(r"\s*(?:and|to|or|y|a|o|-)\s*")  # "between 10 and 14": the lower figure
_MONTH: Final = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic)[a-z]*\.?")
# a day of the month is not a toll: "27 de agosto", "June 29", "29th of June"
_DATE_AROUND: Final = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+(?:de|of)\s+" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2}\b")


def single_victim(ctx: DocContext, i: int, clause: tuple[int, int] | None = None) -> bool:
    """Sentence ``i`` (or its ``clause``) reports one victim's death without a number ("a
    journalist was shot dead", "fue asesinado"): at least one death, which a count stated
    elsewhere for the same incident overrides."""
    return bool(within(ctx.of(i, "onedeath"), clause))


def fatalities(ctx: DocContext, i: int, clause: tuple[int, int] | None = None) -> int | None:
    """The lowest credible death toll stated in sentence ``i`` (in its ``clause`` when the
    sentence reports two incidents), or None."""
    sent = ctx.sentences[i]
    fatal = within(ctx.of(i, "fatal"), clause)
    verbs = within(ctx.of(i, "fatalverb"), clause)
    if not fatal and not verbs:
        return None  # no fatality noun or verb: nothing can count as a toll
    numbers: list[tuple[int, int, int]] = [(m.start, m.end, int(m.key))  # start, end, value
                                           for cat in ("num", "vague") for m in ctx.usable(i, cat)]
    for d in _DIGITS.finditer(sent.text):
        token = d.group()
        if _YEAR.match(token) or _DATE_AROUND.search(ctx.folded[sent.start + max(0, d.start() - 12):sent.start + d.end() + 14]):
            continue
        numbers.append((sent.start + d.start(), sent.start + d.end(), int(token)))
    if not numbers:
        return None
    injury = ctx.of(i, "injury")
    found: list[int] = []
    counted = set()  # fatality words that a count before them already reads ("dos ... murieron")
    numbers.sort()
    for f in fatal:
        # the number nearest before the noun: "un ataque dejó cinco muertos" is five, not one
        # (a count and its noun stand in one clause: "una patrulla ...; murieron dos" is not one dead)
        before = [n for n in numbers if n[1] <= f.start and _words(ctx.folded[n[1]:f.start]) <= MAX_GAP_WORDS
                  and ";" not in ctx.folded[n[1]:f.start]]
        if before:
            start, end, value = before[-1]
            if not any(end <= j.start < f.start for j in injury):
                low = [n for n in before[:-1] if _RANGE.fullmatch(ctx.folded[n[1]:start])]
                found.append(min([value] + [n[2] for n in low]))
                counted.add(f.start)
    # a passive participle reads like a verb: "fueron asesinados a balazos al menos tres conductores"
    passives = [f for f in fatal if _PASSIVE_BEFORE.before(ctx, f.start, 16)]
    reaches = [(v, VERB_REACH_WORDS) for v in verbs] + [(p, PASSIVE_REACH_WORDS) for p in passives]
    for v, reach in reaches:
        if v.start in counted:
            continue  # "dos de los atacantes murieron y un militar resultó herido" is two, not one
        after = [n for n in numbers if n[0] >= v.end and _words(ctx.folded[v.end:n[0]]) <= reach]
        if after:
            start, end, value = after[0]
            # "dejó ocho heridos" is not a toll; "killed 4 people and wounded 9" is
            if not any(j.start >= end and _words(ctx.folded[end:j.start]) <= 1 for j in injury):
                found.append(value)
    return min(found) if found else None


_PASSIVE_BEFORE: Final = EndingAt(r"\b(?:fueron|fue|fueran|fuesen|han sido|ha sido|resultaron|were|was|have been|had been)\s+$")


_WORD: Final = re.compile(r"\w+")


def _words(gap: str) -> int:
    return len(_WORD.findall(gap))
