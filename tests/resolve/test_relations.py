"""Relation timelines: intervals, break and re-form, as-of and known-on, on both databases."""
from __future__ import annotations

from cartelscope.ingest.pipeline import to_document
from cartelscope.ingest.sources import Item
from cartelscope.model import Evidence, Extraction, ExtractedRelation
from cartelscope.resolve.relations import Statement, timeline


def report(store, published, kind, stated_from=None, n=0):
    text = f"Report {published} {kind} {n}: the two groups were described as in {kind}."
    doc = to_document(Item(origin="t", text=text, published=published))
    rel = ExtractedRelation(kind, "cjng", "carteles-unidos", valid_from=stated_from,
                            evidence=[Evidence(text, 0, len(text), "test")])
    store.add_document(doc, Extraction(lang="en", relations=[rel], extractor_version="test"))


def test_break_and_reform_gives_two_alliance_intervals(store):
    report(store, "2019-05-01", "alliance")
    report(store, "2020-08-01", "alliance")
    report(store, "2021-03-01", "rivalry")
    report(store, "2023-06-01", "alliance", stated_from="2023-04")
    alliance = store.relations(kind="alliance")[0]
    spans = [(i["valid_from"], i["valid_to"]) for i in alliance["intervals"]]
    assert spans == [("2019-05-01", "2021-03-01"), ("2023-04", None)]
    assert alliance["intervals"][1]["valid_from_basis"] == "stated"
    assert {r["kind"] for r in store.relations(as_of="2020-01-01")} == {"alliance"}
    assert {r["kind"] for r in store.relations(as_of="2022-01-01")} == {"rivalry"}
    assert {r["kind"] for r in store.relations(as_of="2024-01-01")} == {"alliance"}
    assert store.relations(as_of="2018-01-01") == []


def test_known_on_uses_only_what_was_reported_by_then(store):
    report(store, "2019-05-01", "alliance")
    report(store, "2021-03-01", "rivalry")
    then = store.relations(known_on="2020-12-31")
    assert [(r["kind"], r["valid_to"], len(r["sources"])) for r in then] == [("alliance", None, 1)]
    # as known at the end of 2020, the alliance still held in 2022; as known now it did not
    assert store.relations(known_on="2020-12-31", as_of="2022-01-01")[0]["kind"] == "alliance"
    assert {r["kind"] for r in store.relations(as_of="2022-01-01")} == {"rivalry"}


def test_timeline_is_independent_of_statement_order():
    st = [Statement("alliance", "2019", "2019"), Statement("split", "2021-02", "2021-02"),
          Statement("alliance", "2023-01-05", "2023-01-06")]
    a = [i.to_dict() for i in timeline(st)]
    b = [i.to_dict() for i in timeline(list(reversed(st)))]
    assert a == b and [i["kind"] for i in a] == ["alliance", "alliance", "split"]
    assert a[0]["valid_to"] == "2021-02" and a[0]["end"] == "superseded"


def test_a_time_the_article_states_starts_the_interval(store):
    """End to end: the extractor reads "desde hace al menos cuatro años" and the store's
    timeline starts there, marked as stated, not at the publication day."""
    from cartelscope.extract.pipeline import Extractor

    text = ("Guanajuato, 2 de agosto de 2020. El Cártel de Santa Rosa de Lima mantiene desde hace al menos "
            "cuatro años una disputa armada con el Cártel Jalisco Nueva Generación.")
    doc = to_document(Item(origin="t", text=text, published="2020-08-02"))
    store.add_document(doc, Extractor()(doc))
    rivalry = store.relations(kind="rivalry")[0]
    assert rivalry["intervals"][0]["valid_from"] == "2016"
    assert rivalry["intervals"][0]["valid_from_basis"] == "stated"
