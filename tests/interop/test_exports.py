"""GeoJSON, GraphML, GEXF, STIX, PLOVER and Parquet exports, each read back."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import networkx as nx
import pyarrow.parquet as pq
import pytest
import stix2

from cartelscope.interop import InteropError, export
from cartelscope.store.schema import relation_sources, relations
from interop_paths import sample_size

RELATIONS = [
    ("rel-test-1", "rivalry", "los-chapitos", "la-mayiza", "2024-09", None, "2024-09-10", "2025-03-14", 2),
    ("rel-test-2", "alliance", "cjng", "sangre-nueva-zeta", "2021", "2023-06", "2021-05-02", "2023-01-20", 1),
    ("rel-test-3", "faction_of", "los-chapitos", "sinaloa-cartel", None, None, "2023-04-01", "2023-04-01", 1),
]


def add_relations(scope) -> None:
    """Relations as extraction stores them, with invented evidence sentences."""
    stamp = datetime(2025, 3, 15, tzinfo=timezone.utc)
    with scope.store.engine.begin() as conn:
        for rid, kind, a, b, vf, vt, fr, lr, n in RELATIONS:
            conn.execute(relations.insert().values(
                id=rid, kind=kind, a=a, b=b, valid_from=vf, valid_to=vt, first_reported=fr, last_reported=lr,
                certainty="reported", status="active", created_at=stamp, updated_at=stamp))
            for i in range(n):
                conn.execute(relation_sources.insert().values(
                    relation_id=rid, document_id=None, char_start=i, char_end=i + 10,
                    sentence=f"Invented sentence {i} stating {kind} between {a} and {b}.",
                    extractor_version="test", certainty="reported", reported_on=fr, stated_from=vf, stated_to=vt))


def test_geojson_events_and_aggregates(ucdp_scope, tmp_path):
    out = tmp_path / "mx.geojson"
    n = export(ucdp_scope, "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == n
    layers: dict[str, list] = {}
    for f in data["features"]:
        layers.setdefault(f["properties"]["layer"], []).append(f)
    events = ucdp_scope.events()
    assert len(layers["event"]) == sample_size()
    assert {f["properties"]["code"] for f in layers["state"]} == {e["state"] for e in events if e["state"]}
    assert {f["properties"]["code"] for f in layers["municipality"]} == \
        {e["municipality_code"] for e in events if e["municipality_code"]}
    assert sum(f["properties"]["events"] for f in layers["state"]) == sum(1 for e in events if e["state"])
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in layers["state"])
    point = next(f for f in layers["event"] if f["geometry"])
    assert point["geometry"]["type"] == "Point" and point["properties"]["geo_precision_label"]
    lon, lat = point["geometry"]["coordinates"]
    assert -118 < lon < -86 and 14 < lat < 33


def test_graphml_and_gexf_read_back_with_intervals(ucdp_scope, tmp_path):
    add_relations(ucdp_scope)
    export(ucdp_scope, "graphml", tmp_path / "net.graphml")
    g = nx.read_graphml(tmp_path / "net.graphml")
    stored = {(r["kind"], frozenset((r["a"], r["b"]))): r for r in ucdp_scope.relations()}
    edges = {(d["kind"], frozenset((u, v))): d for u, v, d in g.edges(data=True)}
    assert set(edges) == set(stored)  # article relations plus the UCDP dyads' rivalries
    assert {k for k, _ in edges} == {"rivalry", "alliance", "faction_of"}
    for key, d in edges.items():
        for field in ("valid_from", "valid_to", "first_reported", "last_reported"):
            assert d.get(field) == stored[key][field]
    rivalry = edges[("rivalry", frozenset(("los-chapitos", "la-mayiza")))]
    stored_rivalry = stored[("rivalry", frozenset(("los-chapitos", "la-mayiza")))]
    assert rivalry["symmetric"] and rivalry["n_sources"] == len(stored_rivalry["sources"]) == 3
    assert g.nodes["los-chapitos"]["label"] == "Los Chapitos"
    assert "gulf-zetas-coalition" in g  # stored actors without relations are nodes too
    export(ucdp_scope, "gexf", tmp_path / "net.gexf")
    h = nx.read_gexf(tmp_path / "net.gexf")
    alliance = next(d for _, _, d in h.edges(data=True) if d.get("kind") == "alliance")
    stored_alliance = next(r for r in stored.values() if r["kind"] == "alliance")
    assert stored_alliance["valid_from"] == "2021" and stored_alliance["valid_to"] == "2023-06"
    assert (alliance["start"], alliance["end"]) == ("2021-01-01", "2023-06-30")  # widened to whole days
    only = tmp_path / "chapitos.graphml"
    chapitos = [k for k in stored if "los-chapitos" in k[1]]
    assert export(ucdp_scope, "graphml", only, actor="Los Chapitos") == len(chapitos)
    with pytest.raises(InteropError, match="--state does not apply"):
        export(ucdp_scope, "gexf", tmp_path / "x.gexf", state="Sinaloa")


def test_stix_bundle_parses_with_stix2(ucdp_scope, tmp_path):
    add_relations(ucdp_scope)
    out = tmp_path / "mx.stix.json"
    n = export(ucdp_scope, "stix", out)
    bundle = stix2.parse(out.read_text(encoding="utf-8"), allow_custom=False)
    objects = bundle.objects
    assert len(objects) == n
    kinds: dict[str, list] = {}
    for o in objects:
        kinds.setdefault(o.type, []).append(o)
    assert len(kinds["report"]) == sample_size()
    assert {r.relationship_type for r in kinds["relationship"]} == {"rival-of", "allied-with", "faction-of"}
    ids = {o.id for o in objects}
    for r in kinds["relationship"]:
        assert r.source_ref in ids and r.target_ref in ids
    for rep in kinds["report"]:
        assert set(rep.object_refs) <= ids
        assert any(ref.get("source_name") == "UCDP" for ref in rep.external_references)
    assert any(t.name == "Sinaloa Cartel" for t in kinds["threat-actor"])
    assert all(loc.country == "MX" for loc in kinds["location"])
    again = tmp_path / "again.json"
    export(ucdp_scope, "stix", again)
    assert {o["id"] for o in json.loads(again.read_text())["objects"][1:]} == \
        {o["id"] for o in json.loads(out.read_text())["objects"][1:]}


def test_plover_lines(ucdp_scope, tmp_path):
    out = tmp_path / "mx.jsonl"
    assert export(ucdp_scope, "plover", out) == sample_size()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == sample_size()
    for r in records:
        assert r["context"] == ["crime"] and r["source"]
        if r["cartelscope"]["event_type"] == "Violence against civilians":
            assert r["event"] == "ASSAULT" and r["target"][0]["sector"] == "CVL"
        else:
            assert r["event"] == "FIGHT" and r["target"]


def test_parquet_directory_and_prefix(ucdp_scope, tmp_path):
    add_relations(ucdp_scope)
    folder = tmp_path / "pq"
    folder.mkdir()
    assert export(ucdp_scope, "parquet", folder) == sample_size()
    events = pq.read_table(folder / "events.parquet")
    assert events.num_rows == sample_size()
    assert set(events.column("dataset").to_pylist()) == {"ucdp"}
    actors = pq.read_table(folder / "actors.parquet").to_pylist()
    assert any(a["id"] == "sinaloa-cartel" and a["origin"] == "dataset" for a in actors)
    rels = pq.read_table(folder / "relations.parquet").to_pylist()
    assert {r["kind"] for r in rels} == {"rivalry", "alliance", "faction_of"}
    export(ucdp_scope, "parquet", tmp_path / "mx", state="MX-SIN", batch=3)
    part = pq.read_table(tmp_path / "mx_events.parquet")
    assert set(part.column("state").to_pylist()) == {"MX-SIN"}
    assert part.num_rows == sum(1 for e in ucdp_scope.events() if e["state"] == "MX-SIN")
