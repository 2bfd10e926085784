"""The event filter every view shares, and the resolution of user-given names behind it.

``cartelscope events``, ``cartelscope export``, the Python API (:class:`cartelscope.scope.Scope`),
the exporters and the REST API all build an :class:`EventFilter` with :meth:`EventFilter.parse`,
so ``--actor CJNG``, ``actor="CJNG"`` and ``?actor=CJNG`` select the same events and refuse the
same mistakes with the same message. The SQL itself is :meth:`Store.event_query`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from cartelscope.errors import BadFilter
from cartelscope.store.schema import actors

if TYPE_CHECKING:
    from cartelscope.store.repository import Store

CERTAINTIES = ("asserted", "reported", "alleged", "hedged", "denied")
EVENT_ONLY = ("state", "municipality", "type", "text", "certainty", "dataset")


def check_day(value: str | None, name: str) -> str | None:
    """``value`` if it is a real date YYYY, YYYY-MM or YYYY-MM-DD (the precisions events are
    stored at), None if empty; a malformed one raises rather than comparing as a string."""
    if not value:
        return None
    parts = value.split("-")
    ok = len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4 \
        and all(len(p) == 2 for p in parts[1:])
    if ok and len(parts) > 1:
        try:
            date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 1)
        except ValueError:
            ok = False
    if not ok:
        raise BadFilter(f"{name}={value!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def actor_ids(pack: Any, store: "Store", name: str | None) -> list[str] | None:
    """The actor ids a user-given actor stands for in a filter; None for no actor.

    - A name, alias or id the knowledge pack knows: that actor and, per the pack, its factions,
      so ``CJNG`` also selects the events of its cells.
    - Else an actor id stored in the database, taken exactly as given: this is how actors only
      the data knows are filtered on, such as the ``ucdp-…``/``acled-…`` actors an import
      creates for names the pack lacks.
    - Else the name of exactly one stored actor (case-insensitive), so an imported group is
      found by the name the dataset gives it; a name two imports stored under different ids is
      refused with the ids to choose from.
    - Anything else raises :class:`BadFilter` naming it: silently matching nothing would make a
      typo look like "no events".
    """
    if not name:
        return None
    actor_id = pack.resolve_actor(name)
    if actor_id is not None:
        return [actor_id] + sorted(a.id for a in pack.actors.values() if a.parent == actor_id)
    with store.engine.connect() as conn:
        if conn.execute(sa.select(actors.c.id).where(actors.c.id == name)).first() is not None:
            return [name]
        named = conn.execute(sa.select(actors.c.id).where(sa.func.lower(actors.c.name) == name.lower())
                             .order_by(actors.c.id).limit(5)).scalars().all()
    if len(named) == 1:
        return list(named)
    if named:
        raise BadFilter(f"actor {name!r} is ambiguous: stored actors of that name have the ids "
                        f"{', '.join(named)}; filter on one id")
    raise BadFilter(f"unknown actor {name!r}: neither a name or alias in the knowledge pack nor an actor id "
                    f"in the database")


def state_iso(pack: Any, name: str | None) -> str | None:
    """The ISO 3166-2 code for a state name or code; None for no state; raises if unknown."""
    if not name:
        return None
    iso = pack.resolve_state(name)
    if iso is None:
        raise BadFilter(f"unknown state {name!r}: use an ISO code such as MX-MIC or a state name")
    return iso


@dataclass
class EventFilter:
    """Filters on events, already resolved: ``actor`` is a list of actor ids (an actor and its
    factions), ``state`` an ISO code, dates checked. Build one from user input with :meth:`parse`;
    construct it directly only from ids already known to be right (an actor page, a state page)."""

    actor: list[str] | None = None
    state: str | None = None
    municipality: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    certainty: str | None = None
    dataset: str | None = None

    @classmethod
    def parse(cls, pack: Any, store: "Store", *, actor: str | None = None, state: str | None = None,
              municipality: str | None = None, type: str | None = None, since: str | None = None,
              until: str | None = None, text: str | None = None, certainty: str | None = None,
              dataset: str | None = None) -> "EventFilter":
        """Resolve user-given filters: actor names through :func:`actor_ids`, state names through
        :func:`state_iso`; check dates and certainty. Raises :class:`BadFilter` on bad input;
        empty values mean "no filter"."""
        if certainty and certainty not in CERTAINTIES:
            raise BadFilter(f"certainty must be one of {', '.join(CERTAINTIES)}")
        return cls(actor=actor_ids(pack, store, actor), state=state_iso(pack, state),
                   municipality=municipality or None, type=type or None, since=check_day(since, "since"),
                   until=check_day(until, "until"), text=text or None, certainty=certainty or None,
                   dataset=dataset or None)

    def kwargs(self) -> dict[str, Any]:
        """The filters that are set, as keyword arguments of :meth:`Store.event_query`."""
        return {k: v for k, v in asdict(self).items() if v}

    def query(self, store: "Store") -> sa.Select:
        """``SELECT events.* WHERE <filters>`` without ordering, for counts and grouping."""
        return store.event_query(**self.kwargs()).order_by(None)

    def without(self, *names: str) -> "EventFilter":
        """The same filter with the named fields cleared (e.g. a network ignores its actor)."""
        return replace(self, **{n: None for n in names})

    def event_only(self) -> list[str]:
        """Names of set filters that only make sense for events (not for actor networks)."""
        return [k for k in EVENT_ONLY if getattr(self, k)]
