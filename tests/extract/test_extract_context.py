"""The document context: the compiled copies of pack entries and the refs' value semantics."""
from __future__ import annotations

from cartelscope import knowledge
from cartelscope.extract.context import ActorRef, PlaceRef, known_actors
from cartelscope.model import Place


def test_known_actors_mirror_the_pack_entries():
    pack = knowledge.load()
    known = known_actors(pack)
    assert set(known) == set(pack.actors)
    for actor_id, actor in pack.actors.items():
        copy = known[actor_id]
        assert (copy.id, copy.name, copy.kind, copy.parent, copy.country, copy.states, copy.members) == \
            (actor.id, actor.name, actor.kind, actor.parent, actor.country, actor.states, actor.members)
    assert known_actors(pack) is known  # built once per pack


def test_place_refs_are_equal_and_hashed_by_value():
    town = Place("Culiacán", "municipality", state="MX-SIN")
    a = PlaceRef(10, 18, town, 0, "Culiacán")
    b = PlaceRef(10, 18, Place("Culiacán", "municipality", state="MX-SIN"), 0, "Culiacán")
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != PlaceRef(10, 18, town, 0, "Culiacán", bordering=True)
    assert "bordering=False" in repr(a)


def test_actor_refs_are_equal_by_value():
    assert ActorRef(0, 4, "cjng", 0, "CJNG") == ActorRef(0, 4, "cjng", 0, "CJNG")
    assert ActorRef(0, 4, "cjng", 0, "CJNG") != ActorRef(0, 4, "cjng", 0, "CJNG", via="coref")
