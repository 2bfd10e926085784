"""Review decisions as data: stored, respected by later ingests, undoable; CLI over them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from cartelscope import knowledge
from cartelscope.ingest.pipeline import ingest_items, to_document
from cartelscope.ingest.sources import Item
from cartelscope.model import Evidence, Extraction, ExtractedRelation
from cartelscope.resolve import EventResolver, ReviewError, Reviews
from cartelscope.resolve.measure import load_articles

ARTICLES = load_articles(Path(__file__).resolve().parent.parent / "fixtures" / "resolution" / "articles.jsonl")


def items(incident):
    return [Item(origin=a["url"], text=a["text"], url=a["url"], published=a["published"], source=a["source"])
            for a in ARTICLES if a["incident"] == incident]


def test_rejected_event_stays_rejected_when_new_reports_arrive(store, extractor):
    first, *rest = items("i02")
    ingest_items(store, [first], extractor=extractor, resolver=EventResolver())
    [event] = store.events()
    review = Reviews(store).reject_event(event["id"], by="ana", why="duplicate of an official report")
    assert review["reviewer"] == "ana" and review["reason"].startswith("duplicate")
    ingest_items(store, rest, extractor=extractor, resolver=EventResolver())
    assert store.events() == []
    [kept] = store.events(include_rejected=True)
    assert kept["status"] == "rejected" and len(kept["sources"]) == 3
    Reviews(store).undo(review["id"])
    assert [e["id"] for e in store.events()] == [event["id"]]


def test_edit_survives_new_sources_and_undo_restores(store, extractor):
    first, *rest = items("i01")
    ingest_items(store, [first], extractor=extractor, resolver=EventResolver())
    event_id = store.events()[0]["id"]
    edit = Reviews(store).edit_event(event_id, {"fatalities": "14", "summary": "Culiacanazo"}, by="ana")
    ingest_items(store, rest, extractor=extractor, resolver=EventResolver())
    e = store.events()[0]
    assert (e["fatalities"], e["summary"], len(e["sources"])) == (14, "Culiacanazo", 3)
    Reviews(store).undo(edit["id"])
    reported = [s["reported_fatalities"] for s in e["sources"] if s["reported_fatalities"] is not None]
    assert store.events()[0]["fatalities"] == min(reported) != 14
    with pytest.raises(ReviewError, match="already undone"):
        Reviews(store).undo(edit["id"])
    with pytest.raises(ReviewError, match="cannot be edited"):
        Reviews(store).edit_event(event_id, {"status": "x"})
    with pytest.raises(ReviewError, match="whole number"):
        Reviews(store).edit_event(event_id, {"fatalities": "many"})


def test_actor_merge_maps_ids_in_queries_and_later_ingests(store, extractor):
    ingest_items(store, items("i08")[:1], extractor=extractor, resolver=EventResolver())
    reviews = Reviews(store)
    merge = reviews.merge_actors("los-metros", "gulf-cartel", by="ana")
    ingest_items(store, items("i08")[1:], extractor=extractor, resolver=EventResolver())
    [e] = store.events(actor="gulf-cartel")
    assert "los-metros" not in {a["id"] for a in e["actors"]}
    assert "los-metros" not in {a["id"] for a in store.actors()}
    reviews.split_actors("los-metros", "gulf-cartel", why="distinct faction")
    assert "los-metros" in {a["id"] for a in store.actors()}
    with pytest.raises(ReviewError, match="unknown actor"):
        reviews.merge_actors("no-such-group", "cjng")
    assert [r["action"] for r in reviews.list(target_type="actor")] == ["merge", "split"]
    assert merge["undone_at"] is None


def _relation(store, published, n):
    text = f"Report {n}: Los Chapitos and La Mayiza are at war, officials said on {published}."
    doc = to_document(Item(origin="t", text=text, published=published))
    rel = ExtractedRelation("rivalry", "los-chapitos", "la-mayiza", evidence=[Evidence(text, 0, len(text))])
    store.add_document(doc, Extraction(lang="en", relations=[rel], extractor_version="test"))


def test_refuted_relation_stays_refuted_but_keeps_sources(store):
    _relation(store, "2024-10-01", 1)
    [rel] = store.relations()
    Reviews(store).refute_relation(rel["id"], why="misread")
    _relation(store, "2024-11-01", 2)
    assert store.relations() == []
    [hidden] = store.relations(include_refuted=True)
    assert hidden["status"] == "refuted" and len(hidden["sources"]) == 2
    Reviews(store).confirm_relation(rel["id"])
    assert store.relations()[0]["status"] == "confirmed"


def test_candidate_added_to_user_knowledge_and_merged(store, extractor, tmp_path):
    # a made-up group name: the point is the review flow for a name the pack does not know
    text = "Hombres de Los Zorros Grises atacaron a balazos a policías en Tamazula, Durango, el 2 de mayo de 2024."
    doc = to_document(Item(origin="t", text=text, published="2024-05-03"))
    store.add_document(doc, extractor(doc))
    cand = store.candidates()[0]
    reviews = Reviews(store)
    added = reviews.add_candidate(cand["name"], tmp_path, actor_id="zorros-grises")
    entries = yaml.safe_load((tmp_path / "actors.yaml").read_text(encoding="utf-8"))
    assert entries[0]["id"] == "zorros-grises"
    assert knowledge.load(str(tmp_path)).resolve_actor(cand["name"]) == "zorros-grises"
    reviews.undo(added["id"])
    assert yaml.safe_load((tmp_path / "actors.yaml").read_text(encoding="utf-8")) == []
    reviews.merge_candidate(cand["name"], "sinaloa-cartel", tmp_path)
    assert knowledge.load(str(tmp_path)).resolve_actor(cand["name"]) == "sinaloa-cartel"


def test_cli_review_and_events_json(tmp_path, extractor):
    from cartelscope.cli import app
    from cartelscope.store.repository import Store

    db = str(tmp_path / "cli.db")
    store = Store(db)
    ingest_items(store, items("i12"), extractor=extractor, resolver=EventResolver())
    store.close()
    runner = CliRunner()
    out = runner.invoke(app, ["events", "--db", db, "--format", "json"])
    [event] = json.loads(out.stdout)
    assert len(event["sources"]) == 3
    res = runner.invoke(app, ["review", "event", "reject", event["id"], "--db", db, "--by", "ana", "--why", "test"])
    assert res.exit_code == 0 and "review 1: reject event" in res.stdout
    assert json.loads(runner.invoke(app, ["events", "--db", db, "--format", "json"]).stdout) == []
    listed = json.loads(runner.invoke(app, ["review", "list", "--db", db, "--format", "json"]).stdout)
    assert listed[0]["reviewer"] == "ana"
    assert runner.invoke(app, ["review", "undo", "1", "--db", db]).exit_code == 0
    bad = runner.invoke(app, ["review", "undo", "99", "--db", db])
    assert bad.exit_code == 1 and "no review 99" in bad.stderr
    assert runner.invoke(app, ["review", "candidates", "--db", db, "--format", "json"]).exit_code == 0
