"""Re-extraction replaces a document's sources, keeps review decisions, and is idempotent."""
from __future__ import annotations

from pathlib import Path

from cartelscope.ingest.pipeline import ingest_items
from cartelscope.ingest.sources import Item
from cartelscope.model import Extraction
from cartelscope.resolve import EventResolver, Reviews
from cartelscope.resolve.measure import load_articles

ARTICLES = load_articles(Path(__file__).resolve().parent.parent / "fixtures" / "resolution" / "articles.jsonl")


def _ingest(store, extractor, incident):
    docs = [Item(origin=a["url"], text=a["text"], url=a["url"], published=a["published"], source=a["source"])
            for a in ARTICLES if a["incident"] == incident]
    report = ingest_items(store, docs, extractor=extractor, resolver=EventResolver())
    return report.document_ids


def _snapshot(store):
    return sorted((e["id"], e["status"], len(e["sources"]), e["event_type"])
                  for e in store.events(include_rejected=True))


def test_reextract_with_the_same_extractor_changes_nothing(store, extractor):
    ids = _ingest(store, extractor, "i01")
    before, stats_before = _snapshot(store), store.stats()
    for doc_id in ids:
        doc = store.document(doc_id)
        store.replace_extraction(doc_id, extractor.extract(doc["text"], published=doc["published"], lang=doc["lang"]),
                                 resolver=EventResolver())
    assert _snapshot(store) == before
    after = store.stats()
    assert (after["events"], after["event_sources"], after["relations"]) == \
        (stats_before["events"], stats_before["event_sources"], stats_before["relations"])


def test_rejected_event_survives_reextraction(store, extractor):
    ids = _ingest(store, extractor, "i02")
    [event] = store.events()
    Reviews(store).reject_event(event["id"], by="ana", why="not an incident")
    for doc_id in ids:
        doc = store.document(doc_id)
        store.replace_extraction(doc_id, extractor.extract(doc["text"], published=doc["published"]),
                                 resolver=EventResolver())
    [kept] = store.events(include_rejected=True)
    assert kept["id"] == event["id"] and kept["status"] == "rejected" and len(kept["sources"]) == len(ids)


def test_an_event_no_longer_extracted_goes_unless_reviewed(store, extractor):
    ids = _ingest(store, extractor, "i01") + _ingest(store, extractor, "i02")
    reviewed = store.events()[0]["id"]
    Reviews(store).accept_event(reviewed, by="ana")
    for doc_id in ids:  # an extractor that now finds nothing in these documents
        counts = store.replace_extraction(doc_id, Extraction(lang="en", extractor_version="test/empty"),
                                          resolver=EventResolver())
        assert counts["events_after"] == 0
    left = store.events(include_rejected=True)
    assert [e["id"] for e in left] == [reviewed] and left[0]["sources"] == []
    assert {d["id"]: d for d in store.documents()}[ids[0]]
    assert store.document(ids[0])["extractor_version"] == "test/empty"
