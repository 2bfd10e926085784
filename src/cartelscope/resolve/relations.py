"""Relation timelines: each relation between two actors as dated intervals, bitemporally.

Every relation source is a *statement*: a kind (alliance, rivalry, ...), the date it speaks of
(the date the text gives, else the day it was published) and the day it was reported. Valid
time and reporting time are kept apart:

- **valid time** (``valid_from`` / ``valid_to``): when the relation held. It starts at the
  first statement's date and ends at an explicit end date, or where a later statement of a
  conflicting kind about the same pair begins (an alliance ends where a rivalry or split is
  reported). An interval with no reported end stays open: as far as anyone reported, it holds.
- **reporting time** (``first_reported`` / ``last_reported``): when sources said so.

``as_of`` asks what held on a date; ``known_on`` rebuilds the timeline from only the sources
published by a date, so it answers what a reader could have known then. Break and re-form
cycles (alliance, rivalry, alliance again) give separate intervals.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ALGORITHM = "resolve.relations.v1"
# A statement of the key kind ends an open interval of each kind in the value.
ENDS = {
    "alliance": {"rivalry", "split"},
    "rivalry": {"alliance", "ceasefire"},
    "ceasefire": {"rivalry"},
    "split": {"alliance", "faction_of"},
    "faction_of": {"split"},
}


@dataclass
class Statement:
    kind: str
    date: str | None  # what the statement is about (stated date, else the reporting day)
    reported_on: str | None
    stated: bool = False
    ends_on: str | None = None
    source: int | None = None


@dataclass
class Interval:
    kind: str
    valid_from: str | None
    valid_to: str | None = None
    from_stated: bool = False
    end: str = "open"  # open | stated | superseded
    first_reported: str | None = None
    last_reported: str | None = None
    sources: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "valid_from": self.valid_from, "valid_to": self.valid_to,
                "valid_from_basis": "stated" if self.from_stated else "reported", "end": self.end,
                "first_reported": self.first_reported, "last_reported": self.last_reported,
                "sources": len(self.sources)}

    def holds_on(self, day: str) -> bool:
        """Did this interval hold on ``day`` (valid time)? Partial dates compare by prefix."""
        if self.valid_from and _after(self.valid_from, day):
            return False
        return self.valid_to is None or _before(day, self.valid_to)


def _after(a: str, b: str) -> bool:
    """a starts after b ends, comparing only the precision both share."""
    n = min(len(a), len(b))
    return a[:n] > b[:n]


def _before(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def known_by(reported_on: str | None, day: str) -> bool:
    """Was a source reported on or before ``day``? Undated sources count as known."""
    return reported_on is None or reported_on[: len(day)] <= day


def timeline(statements: list[Statement]) -> list[Interval]:
    """Intervals for one pair of actors from all its statements, of every kind."""
    ordered = sorted(statements, key=lambda s: (s.date or "", s.reported_on or "", s.kind, s.source or 0))
    open_: dict[str, Interval] = {}
    done: list[Interval] = []
    for s in ordered:
        for other in sorted(ENDS.get(s.kind, ())):
            iv = open_.pop(other, None)
            if iv is not None:
                iv.valid_to, iv.end = s.date, "superseded"
                done.append(iv)
        iv = open_.get(s.kind)
        if iv is None:
            iv = open_[s.kind] = Interval(s.kind, s.date, from_stated=s.stated)
        iv.sources.append(s.source)
        iv.first_reported = min(filter(None, [iv.first_reported, s.reported_on]), default=None)
        iv.last_reported = max(filter(None, [iv.last_reported, s.reported_on]), default=None)
        if s.ends_on:
            iv.valid_to, iv.end = s.ends_on, "stated"
            done.append(open_.pop(s.kind))
    done.extend(open_.values())
    return sorted(done, key=lambda i: (i.kind, i.valid_from or "", i.valid_to or "\uffff"))
