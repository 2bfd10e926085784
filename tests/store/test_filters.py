"""The one event filter: how user-given actor and state names resolve, what is refused, and that
state, actor, date range and type combine, on SQLite and PostgreSQL. Events and a dataset-only
actor (as a UCDP import stores one) are written straight into the schema."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from cartelscope.errors import BadFilter, CartelscopeError
from cartelscope.store.filters import EventFilter, actor_ids, check_day, state_iso
from cartelscope.store.schema import actors, event_actors, events

STAMP = datetime(2025, 6, 1, tzinfo=timezone.utc)
DATASET_ACTOR = "ucdp-banda-ficticia-del-sur"
DATASET_NAME = "Banda Ficticia del Sur"
BATTLE = ("Battles", "Armed clash")
DRONE = ("Explosions/Remote violence", "Air/drone strike")

# (id, date, state, (type, sub-type), actor): the two hits of the combined filter below, and one
# event that each single filter alone keeps out
EVENTS = [
    ("hit-faction", "2024-02-10", "MX-MIC", BATTLE, "los-cuinis"),  # a CJNG faction
    ("hit-month", "2024-03", "MX-MIC", BATTLE, "cjng"),  # month-precise: inside until=2024-03
    ("out-state", "2024-02-15", "MX-JAL", BATTLE, "cjng"),
    ("out-actor", "2024-02-15", "MX-MIC", BATTLE, "sinaloa-cartel"),
    ("out-dataset-actor", "2024-02-12", "MX-MIC", BATTLE, DATASET_ACTOR),
    ("out-since", "2024-01-31", "MX-MIC", BATTLE, "cjng"),
    ("out-until", "2024-04-01", "MX-MIC", BATTLE, "cjng"),
    ("out-type", "2024-02-15", "MX-MIC", DRONE, "cjng"),
]
COMBINED = {"state": "Michoacán", "actor": "CJNG", "since": "2024-02", "until": "2024-03", "type": "Battles"}


@pytest.fixture
def filled(scope):
    """The scope's store with :data:`EVENTS` and the dataset-only actor they mention."""
    with scope.store.engine.begin() as conn:
        conn.execute(actors.insert().values(id=DATASET_ACTOR, name=DATASET_NAME, kind="unknown",
                                            aliases=[DATASET_NAME], origin="dataset", mentions=0))
        for event_id, day, state, (etype, sub), actor in EVENTS:
            conn.execute(events.insert().values(
                id=event_id, dataset="ucdp" if actor == DATASET_ACTOR else "cartelscope", event_date=day,
                year=int(day[:4]), event_type=etype, sub_event_type=sub, actor1=actor, assoc_actors=[],
                country="MX", admin1=state, fatalities=1, tactics=[], tags=[], certainty="reported",
                civilian_targeting=False, status="active", created_at=STAMP, updated_at=STAMP))
            conn.execute(event_actors.insert().values(event_id=event_id, actor_id=actor, role="actor1"))
    return scope


def selected(scope, f: EventFilter) -> set[str]:
    """Ids of the events a filter selects, read through :meth:`EventFilter.query` (counts and
    charts) and through ``Store.events`` (lists), which must agree."""
    with scope.store.engine.connect() as conn:
        counted = {r.id for r in conn.execute(f.query(scope.store))}
    listed = {e["id"] for e in scope.store.events(**f.kwargs())}
    assert counted == listed
    return listed


def test_a_known_alias_resolves_to_the_actor_and_its_factions(scope, pack):
    ids = actor_ids(pack, scope.store, "Las Cuatro Letras")
    assert ids == actor_ids(pack, scope.store, "CJNG") == actor_ids(pack, scope.store, "cjng")
    assert ids[0] == "cjng" and "los-cuinis" in ids
    assert set(ids) == {"cjng"} | {a.id for a in pack.actors.values() if a.parent == "cjng"}
    assert actor_ids(pack, scope.store, None) is None and actor_ids(pack, scope.store, "") is None


def test_a_stored_dataset_only_actor_id_passes_as_is(filled, pack):
    assert pack.resolve_actor(DATASET_ACTOR) is None  # only the data knows it
    assert actor_ids(pack, filled.store, DATASET_ACTOR) == [DATASET_ACTOR]
    assert filled.actor_filter(DATASET_ACTOR) == [DATASET_ACTOR]
    f = filled.event_filter(actor=DATASET_ACTOR)
    assert f.actor == [DATASET_ACTOR] and selected(filled, f) == {"out-dataset-actor"}


@pytest.mark.parametrize("name", ["Cartel de Nadie", DATASET_ACTOR.upper(), "ucdp-banda"])
def test_an_unknown_actor_is_an_error_naming_it(filled, pack, name):
    with pytest.raises(BadFilter, match=f"unknown actor '{name}'"):
        actor_ids(pack, filled.store, name)
    with pytest.raises(CartelscopeError, match=f"unknown actor '{name}'"):  # what the CLI reports
        filled.events(actor=name)


def test_a_dataset_actor_is_found_by_its_stored_name_unless_two_share_it(filled, pack):
    """The name an import stored finds its actor; once a second import stores the same name
    under another id, the name is ambiguous and the error lists both ids."""
    assert actor_ids(pack, filled.store, DATASET_NAME) == [DATASET_ACTOR]
    assert actor_ids(pack, filled.store, DATASET_NAME.upper()) == [DATASET_ACTOR]
    with filled.store.engine.begin() as conn:
        conn.execute(actors.insert().values(id="acled-twin", name=DATASET_NAME, kind="unknown",
                                            aliases=[DATASET_NAME], origin="dataset", mentions=0))
    with pytest.raises(BadFilter, match=f"actor '{DATASET_NAME}' is ambiguous.*acled-twin, {DATASET_ACTOR}"):
        actor_ids(pack, filled.store, DATASET_NAME)


def test_state_names_resolve_and_unknown_states_are_errors(pack):
    assert state_iso(pack, "Michoacán") == state_iso(pack, "mx-mic") == "MX-MIC"
    assert state_iso(pack, None) is None and state_iso(pack, "") is None
    with pytest.raises(BadFilter, match="unknown state 'Atlántida'"):
        state_iso(pack, "Atlántida")


def test_dates_and_certainty_are_checked(scope):
    assert [check_day(d, "since") for d in ("2024", "2024-02", "2024-02-29", "", None)] == \
        ["2024", "2024-02", "2024-02-29", None, None]
    for bad in ("2024-13", "2023-02-29", "last year", "24-01-01", "2024-1"):
        with pytest.raises(BadFilter, match=f"until='{bad}' is not a date"):
            check_day(bad, "until")
    with pytest.raises(BadFilter, match="certainty must be one of asserted"):
        scope.event_filter(certainty="sure")
    assert scope.event_filter(actor="", state="", since="", text="", dataset="") == EventFilter()


def test_state_actor_date_range_and_type_combine(filled):
    f = filled.event_filter(**COMBINED)
    assert (f.state, f.actor[0], f.since, f.until, f.type) == ("MX-MIC", "cjng", "2024-02", "2024-03", "Battles")
    assert selected(filled, f) == {"hit-faction", "hit-month"}
    # each filter, left out, lets in exactly the events only it kept out
    assert selected(filled, f.without("state")) == {"hit-faction", "hit-month", "out-state"}
    assert selected(filled, f.without("actor")) == {"hit-faction", "hit-month", "out-actor", "out-dataset-actor"}
    assert selected(filled, f.without("since")) == {"hit-faction", "hit-month", "out-since"}
    assert selected(filled, f.without("until")) == {"hit-faction", "hit-month", "out-until"}
    assert selected(filled, f.without("type")) == {"hit-faction", "hit-month", "out-type"}
    # the Python API (and so the CLI) selects the same events as the filter
    assert {e["id"] for e in filled.events(**COMBINED)} == {"hit-faction", "hit-month"}


def test_a_dataset_only_actor_combines_with_the_other_filters(filled):
    f = filled.event_filter(actor=DATASET_ACTOR, state="MX-MIC", since="2024-02-12", until="2024-02-12",
                            type="Armed clash", dataset="ucdp")
    assert selected(filled, f) == {"out-dataset-actor"}
    assert not selected(filled, filled.event_filter(actor=DATASET_ACTOR, state="Jalisco"))
    assert not selected(filled, filled.event_filter(actor=DATASET_ACTOR, type="Air/drone strike"))


def test_event_only_names_the_filters_an_actor_network_cannot_take(filled):
    assert filled.event_filter(actor="CJNG", since="2024", until="2025").event_only() == []
    f = filled.event_filter(state="MX-MIC", type="Battles", text="dron", certainty="reported", dataset="ucdp",
                            municipality="16102")
    assert f.event_only() == ["state", "municipality", "type", "text", "certainty", "dataset"]
