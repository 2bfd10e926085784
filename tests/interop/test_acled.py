"""ACLED import (invented rows only: ACLED data is never bundled) and the ACLED-format export."""
from __future__ import annotations

import csv

import pytest

from cartelscope.interop import export, import_file
from cartelscope.interop.common import ACLED_COLUMNS
from interop_paths import ACLED_BAD, ACLED_SAMPLE, sample_size


def test_acled_import_maps_actors_places_and_civilians(scope):
    report = import_file(scope, "acled", ACLED_SAMPLE)
    assert (report.read, report.added, report.skipped, len(report.errors)) == (7, 6, 1, 0)
    events = {e["dataset_id"]: e for e in scope.events()}
    assert set(events) == {f"TST000{i}" for i in range(1, 7)}  # the Guatemala row is skipped
    clash = events["TST0001"]
    assert {a["id"] for a in clash["actors"]} == {"sinaloa-cartel", "cjng"}
    assert (clash["state"], clash["municipality_code"], clash["fatalities"]) == ("MX-ZAC", "32010", 4)
    attack = events["TST0002"]
    assert attack["date"] == "2024-03-05" and attack["civilian_targeting"]
    assert [a["role"] for a in attack["actors"]] == ["actor1"]
    drone = events["TST0003"]
    roles = {a["id"]: a["role"] for a in drone["actors"]}
    assert roles["cjng"] == "actor1" and roles["carteles-unidos"] == "assoc"
    assert drone["geo_precision"] == 2 and drone["tags"] == ["drones"]
    assert drone["sources"][0]["detail"]["acled"]["source"] == "Invented Weekly; Invented Radio"
    gang = next(a for a in events["TST0006"]["actors"] if a["role"] == "actor1")
    assert gang["id"] == "acled-invented-local-gang"
    assert import_file(scope, "acled", ACLED_SAMPLE).added == 0


def test_bad_acled_rows_are_reported_with_line_numbers(scope):
    import_file(scope, "acled", ACLED_SAMPLE)
    report = import_file(scope, "acled", ACLED_BAD)
    assert report.added == 1
    lines = [e.split(":")[1] for e in report.errors]
    assert lines == ["3", "4", "5", "6"]
    assert "not in ACLED's codebook" in report.errors[1]
    assert scope.stats()["events"] == 7


def read_csv(path):
    with open(path, encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def test_acled_export_has_acled_columns_ids_and_codes(ucdp_scope, tmp_path):
    out, side = tmp_path / "acled.csv", tmp_path / "prov.csv"
    assert export(ucdp_scope, "acled", out, provenance=side) == sample_size()
    header, rows = read_csv(out)
    assert header == ACLED_COLUMNS and len(header) == 31
    assert [r["event_id_cnty"] for r in rows] == [f"CSMEX{i:06d}" for i in range(1, sample_size() + 1)]
    assert {r["iso"] for r in rows} == {"484"} and {r["region"] for r in rows} == {"Central America"}
    for r in rows:
        if r["event_type"] == "Violence against civilians":
            assert r["actor2"] == "Civilians (Mexico)" and r["inter2"] == "7"
            assert r["civilian_targeting"] == "Civilian targeting"
        inters = sorted(int(x) for x in (r["inter1"], r["inter2"]) if x)
        assert int(r["interaction"]) == (inters[0] * 10 + inters[1] if len(inters) == 2 else inters[0] * 10)
    gov = next(r for r in rows if r["actor1"] == "Government of Mexico" or r["actor2"] == "Government of Mexico")
    assert "1" in (gov["inter1"], gov["inter2"])
    side_header, side_rows = read_csv(side)
    assert side_header[0] == "event_id_cnty" and all(c.startswith("cs_") for c in side_header[1:])
    assert [s["event_id_cnty"] for s in side_rows] == [r["event_id_cnty"] for r in rows]
    assert all(s["cs_event_id"].startswith("ucdp-") for s in side_rows)


def test_acled_export_round_trips_through_the_importer(ucdp_scope, other_scope, tmp_path):
    out = tmp_path / "acled.csv"
    export(ucdp_scope, "acled", out)
    report = import_file(other_scope, "acled", out)
    assert report.ok and report.added == sample_size()
    _, rows = read_csv(out)
    original = {e["id"]: e for e in ucdp_scope.events()}
    by_row = {r["event_id_cnty"]: r for r in rows}
    keys = ["event_type", "sub_event_type", "date", "state", "municipality_code", "geo_precision",
            "civilian_targeting", "lat", "lon", "summary"]
    side = tmp_path / "side.csv"
    export(ucdp_scope, "acled", tmp_path / "again.csv", provenance=side)
    link = {s["event_id_cnty"]: s["cs_event_id"] for s in read_csv(side)[1]}
    for e in other_scope.events():
        src = original[link[e["dataset_id"]]]
        assert {k: e[k] for k in keys} == {k: src[k] for k in keys}
        assert e["fatalities"] == src["fatalities_low"] == int(by_row[e["dataset_id"]]["fatalities"])
        assert {a["id"] for a in e["actors"]} == {a["id"] for a in src["actors"]}


def test_export_filters_resolve_names(ucdp_scope, pack, tmp_path):
    out = tmp_path / "f.csv"
    n = export(ucdp_scope, "acled", out, state="Chihuahua state", since="2008")
    _, rows = read_csv(out)
    assert n == len(rows) and rows
    assert {r["admin1"] for r in rows} == {"Chihuahua"} and min(r["event_date"] for r in rows) >= "2008"
    n_actor = export(ucdp_scope, "acled", out, actor="Cártel de Sinaloa")
    _, rows = read_csv(out)
    family = {a.name for a in pack.actors.values() if "sinaloa-cartel" in (a.id, a.parent)}
    assert n_actor == len(rows) and rows
    assert all(family & {r["actor1"], r["actor2"], *r["assoc_actor_1"].split("; ")} for r in rows)
    from cartelscope.errors import CartelscopeError

    with pytest.raises(CartelscopeError, match="unknown actor"):
        export(ucdp_scope, "acled", out, actor="No Such Cartel")
