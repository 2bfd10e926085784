"""The pack against real reference data: every UCDP GED actor and every evaluation alias.

Reads ``../shared`` (beside the repo). Skipped only when that folder is absent outside CI.
"""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "tests" / "fixtures"
UCDP = SHARED / "data" / "ucdp_ged_mexico.csv"
EVAL_ACTORS = SHARED / "eval" / "actors.json"


def _need(path):
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} must exist in CI")
        pytest.skip(f"{path} not present")
    return path


@pytest.fixture(scope="module")
def ucdp_sides() -> set[str]:
    names = set()
    with _need(UCDP).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names.update((row["side_a"], row["side_b"]))
    return names - {"Civilians"}


def _ucdp_owner(pack, name: str):
    owners = [a for a in pack.actors.values() if name in a.aliases.ucdp]
    assert len(owners) == 1, f"UCDP name {name!r} is the ucdp alias of {[a.id for a in owners]}"
    return owners[0]


def test_every_ucdp_side_resolves_to_its_actor(pack, ucdp_sides):
    assert len(ucdp_sides) >= 70  # the file's README counts 74 names with Civilians
    for name in sorted(ucdp_sides):
        actor = _ucdp_owner(pack, name)
        assert pack.resolve_actor(name) == actor.id, name
        assert actor.id in [r["id"] for r in pack.lookup(name) if r["type"] == "actor"], name


def test_ucdp_faction_names_resolve_to_the_faction_with_its_parent(pack, ucdp_sides):
    factions = [n for n in ucdp_sides if " - " in n and ", " not in n]
    assert len(factions) >= 15
    for name in factions:
        parent_name = name.split(" - ", 1)[0]
        parent = pack.resolve_actor(parent_name)
        actor = _ucdp_owner(pack, name)
        assert parent is not None, parent_name
        assert actor.id != parent, name
        assert actor.parent == parent, f"{name}: {actor.id} has parent {actor.parent}, expected {parent}"
        assert actor.parent_relation is not None


def test_ucdp_coalition_sides_resolve_to_coalitions_of_their_parts(pack, ucdp_sides):
    coalitions = [n for n in ucdp_sides if ", " in n]
    assert "Los Rusos, UPOEG" in coalitions
    for name in coalitions:
        actor = _ucdp_owner(pack, name)
        assert actor.kind == "coalition", name
        parts = name.split(", ")
        assert len(actor.members) == len(parts), name
        for part in parts:
            # a part can mean several groups ("Los Rusos"): one of its readings is a member
            readings = {r["id"] for r in pack.lookup(part) if r["type"] == "actor"}
            assert len(readings & set(actor.members)) == 1, f"{name}: {part!r} is none of {actor.members}"

def test_every_eval_alias_looks_up_to_its_labelled_actor(pack):
    gold = json.loads(_need(EVAL_ACTORS).read_text(encoding="utf-8"))
    label_to_actor = json.loads((FIXTURES / "eval_label_to_actor.json").read_text(encoding="utf-8"))
    assert set(gold) == set(label_to_actor)
    for label, aliases in gold.items():
        allowed = set(label_to_actor[label])
        assert allowed <= set(pack.actors), label
        for alias in aliases:
            assert pack.resolve_actor(alias) in allowed, f"{alias!r} ({label})"
            found = [r["id"] for r in pack.lookup(alias) if r["type"] == "actor"]
            assert found and found[0] in allowed, f"{alias!r} looks up to {found[:3]}, want one of {allowed}"
