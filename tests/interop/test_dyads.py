"""Imported battles between two armed groups become rivalry statements sourced to the dataset."""
from __future__ import annotations

from interop_paths import UCDP_SAMPLE


def _rivalries(scope, actor):
    return [r for r in scope.relations(actor=actor) if r["kind"] == "rivalry"]


def test_ucdp_dyads_give_dated_rivalries_with_the_dataset_as_source(ucdp_scope):
    rows = _rivalries(ucdp_scope, "los-chapitos")
    mayiza = [r for r in rows if {r["a"], r["b"]} == {"los-chapitos", "la-mayiza"}]
    assert len(mayiza) == 1
    rel = mayiza[0]
    src = rel["sources"][0]
    assert src["document_id"] is None and src["sentence"].startswith("UCDP GED records 2 clashes")
    assert rel["valid_from"] and rel["valid_from"] <= rel["first_reported"]


def test_state_forces_and_victims_give_no_rivalry(ucdp_scope):
    assert not _rivalries(ucdp_scope, "mexican-government")
    kinds = {(r["a"], r["b"]) for r in ucdp_scope.relations()}
    assert all("government" not in a and "government" not in b for a, b in kinds)


def test_reimport_replaces_the_statements_instead_of_adding(ucdp_scope):
    from cartelscope.interop import import_file

    before = {r["id"]: len(r["sources"]) for r in ucdp_scope.relations()}
    import_file(ucdp_scope, "ucdp", UCDP_SAMPLE)
    after = {r["id"]: len(r["sources"]) for r in ucdp_scope.relations()}
    assert before == after and before
