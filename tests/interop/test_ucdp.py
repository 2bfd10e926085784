"""UCDP GED import and UCDP-style export, on SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import time

import pytest

from cartelscope.interop import InteropError, export, import_file
from interop_paths import UCDP_FULL, UCDP_SAMPLE, sample_size


def by_dataset_id(scope) -> dict[str, dict]:
    return {e["dataset_id"]: e for e in scope.events()}


def sample_rows() -> dict[str, dict]:
    with UCDP_SAMPLE.open(encoding="utf-8") as f:
        return {r["id"]: r for r in csv.DictReader(f)}


def test_import_maps_every_row_and_keeps_the_dataset(ucdp_scope):
    events = by_dataset_id(ucdp_scope)
    rows = sample_rows()
    assert set(events) == set(rows)
    for ged_id, e in events.items():
        row = rows[ged_id]
        assert e["id"] == f"ucdp-{ged_id}" and e["dataset"] == "ucdp"
        assert (e["fatalities"], e["fatalities_low"], e["fatalities_high"]) == \
            (int(row["best"]), int(row["low"]), int(row["high"]))
        assert e["date"] == row["date_start"]
        assert e["lat"] == pytest.approx(float(row["latitude"]))
        assert e["sources"][0]["document_id"] is None
        assert e["sources"][0]["sentence"] == (row["source_headline"] or None)
        assert e["sources"][0]["detail"]["ucdp"]["where_prec"] == row["where_prec"]


def test_type_of_violence_maps_to_acled_types(ucdp_scope):
    events = by_dataset_id(ucdp_scope)
    for ged_id, row in sample_rows().items():
        e = events[ged_id]
        roles = {a["role"]: a["id"] for a in e["actors"]}
        if row["type_of_violence"] == "3":
            assert (e["event_type"], e["sub_event_type"]) == ("Violence against civilians", "Attack")
            assert e["civilian_targeting"] and "actor2" not in roles
            assert not any(a["name"] == "Civilians" for a in e["actors"])
        else:
            assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash")
            assert "actor2" in roles and not e["civilian_targeting"]
        if row["type_of_violence"] == "1":
            assert "mexican-government" in roles.values()


def test_coalition_sides_keep_their_members(ucdp_scope, pack):
    events = by_dataset_id(ucdp_scope)
    rows = sample_rows()
    ged_id = next(i for i, r in rows.items() if "Gulf Cartel, Los Zetas" in (r["side_a"], r["side_b"]))
    ids = {a["id"]: a["role"] for a in events[ged_id]["actors"]}
    assert pack.actors["gulf-zetas-coalition"].kind == "coalition"
    assert "gulf-zetas-coalition" in ids
    assert ids["gulf-cartel"] == "assoc" and ids["los-zetas"] == "assoc"


def test_places_and_precision(ucdp_scope):
    events = by_dataset_id(ucdp_scope)
    geo = {"1": 1, "2": 2, "3": 2, "4": 3, "5": 3, "6": 3}
    time_prec = {"1": 1, "2": 2, "3": 2, "4": 3, "5": 3}
    for ged_id, row in sample_rows().items():
        e = events[ged_id]
        assert e["geo_precision"] == geo[row["where_prec"]]
        assert e["date_precision"] == time_prec[row["date_prec"]]
        if row["adm_1"] == "Distrito Federal":
            assert e["state"] == "MX-CMX"
        if not row["adm_1"]:
            assert e["state"] is None
        if not row["adm_2"]:
            assert e["municipality"] is None and e["municipality_code"] is None
    juarez = [e for e in events.values() if e["municipality"] == "Juárez" and e["state"] == "MX-CHH"]
    assert juarez and {e["municipality_code"] for e in juarez} == {"08037"}
    misspelt = [i for i, r in sample_rows().items() if r["adm_2"].endswith(("municpality", "muncipality"))]
    assert misspelt and all(events[i]["municipality_code"] for i in misspelt)


def test_reimport_is_idempotent_and_actors_are_dataset_origin(ucdp_scope):
    again = import_file(ucdp_scope, "ucdp", UCDP_SAMPLE)
    assert (again.added, again.already) == (0, sample_size())
    assert ucdp_scope.stats()["events"] == sample_size()
    actors = {a["id"]: a for a in ucdp_scope.actors()}
    assert actors["sinaloa-cartel"]["origin"] == "dataset"
    assert actors["sinaloa-cartel"]["first_seen"] <= actors["sinaloa-cartel"]["last_seen"]


def test_bad_header_is_one_error_and_stores_nothing(scope, tmp_path):
    bad = tmp_path / "not_ged.csv"
    bad.write_text("id,side_a\n1,Sinaloa Cartel\n", encoding="utf-8")
    with pytest.raises(InteropError, match="missing column"):
        import_file(scope, "ucdp", bad)
    with pytest.raises(InteropError, match="no such file"):
        import_file(scope, "ucdp", tmp_path / "absent.csv")
    assert scope.stats()["events"] == 0


def test_bad_rows_are_reported_and_the_rest_kept(scope, tmp_path):
    lines = UCDP_SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    fields = next(csv.reader([lines[1]]))
    fields[0], fields[5] = "999000001", "9"  # a new id with a type_of_violence GED does not have
    path = tmp_path / "mixed.csv"
    path.write_text(lines[0] + ",".join(f'"{f}"' for f in fields) + "\n" + "".join(lines[1:]), encoding="utf-8")
    report = import_file(scope, "ucdp", path)
    assert report.added == sample_size() and len(report.errors) == 1
    assert report.errors[0].startswith(f"{path}:2: type_of_violence")
    assert scope.stats()["events"] == sample_size()


def test_ucdp_export_round_trips(ucdp_scope, other_scope, tmp_path):
    out = tmp_path / "ged.csv"
    assert export(ucdp_scope, "ucdp", out) == sample_size()
    with out.open(encoding="utf-8") as f:
        exported = {r["id"]: r for r in csv.DictReader(f)}
    for ged_id, row in sample_rows().items():
        assert exported[ged_id] == row
    assert import_file(other_scope, "ucdp", out).added == sample_size()
    before, after = by_dataset_id(ucdp_scope), by_dataset_id(other_scope)
    keys = ["event_type", "sub_event_type", "date", "state", "municipality_code", "fatalities", "fatalities_low",
            "fatalities_high", "geo_precision", "date_precision", "civilian_targeting", "lat", "lon"]
    for ged_id, e in before.items():
        assert {k: e[k] for k in keys} == {k: after[ged_id][k] for k in keys}
        assert {a["id"] for a in e["actors"]} == {a["id"] for a in after[ged_id]["actors"]}


def test_scope_frames_after_import(ucdp_scope):
    events = ucdp_scope.events_frame()
    assert len(events) == sample_size() and set(events["dataset"]) == {"ucdp"}
    assert events["fatalities"].sum() == sum(int(r["best"]) for r in sample_rows().values())
    actors = ucdp_scope.actors_frame()
    assert {"sinaloa-cartel", "gulf-zetas-coalition"} <= set(actors["id"])
    assert actors.set_index("id").loc["sinaloa-cartel", "events"] > 0
    relations = ucdp_scope.relations_frame()
    assert len(relations) and set(relations["kind"]) == {"rivalry"}  # from the dyads' battles
    chih = ucdp_scope.events_frame(state="Chihuahua")
    assert len(chih) and set(chih["state"]) == {"MX-CHH"}


@pytest.mark.skipif(not UCDP_FULL.exists(), reason="../shared/data/ucdp_ged_mexico.csv is absent")
def test_full_ged_file_imports_in_under_a_minute(scope):
    began = time.perf_counter()
    report = import_file(scope, "ucdp", UCDP_FULL)
    elapsed = time.perf_counter() - began
    assert report.ok and report.added == 18957
    assert elapsed < 60
    assert scope.stats()["events"] == 18957
