"""The store on SQLite and PostgreSQL: migrations, one transaction per document, queries."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from cartelscope.ingest.pipeline import to_document
from cartelscope.ingest.sources import Item
from cartelscope.store import db as dbmod
from cartelscope.store.repository import Store

ARTICLE = ("CULIACÁN, Sinaloa, 14 de marzo de 2025.- Un enfrentamiento entre integrantes de Los Chapitos "
           "y de La Mayiza dejó cinco muertos el pasado lunes en la colonia Tierra Blanca de Culiacán, "
           "informó la Fiscalía General del Estado.")


def test_migrations_reach_head(store):
    assert dbmod.current_revision(store.engine) == dbmod.head_revision()
    names = set(sa.inspect(store.engine).get_table_names())
    assert {"documents", "events", "event_sources", "relations", "relation_sources", "actors"} <= names


def test_document_with_extraction_is_stored_with_evidence(store, extractor):
    doc = to_document(Item(origin="t", text=ARTICLE, url="https://example.org/a", published="2025-03-14"))
    store.add_document(doc, extractor(doc))
    events = store.events()
    assert len(events) == 1
    ev = events[0]
    assert ev["event_type"] == "Battles" and ev["state"] == "MX-SIN"
    assert ev["fatalities"] == 5
    assert ev["date"] == "2025-03-10"
    src = ev["sources"][0]
    start, end = src["char_span"]
    assert doc.text[start:end] == src["sentence"]
    assert src["url"] == "https://example.org/a"
    assert {a["id"] for a in ev["actors"]} == {"los-chapitos", "la-mayiza"}
    stats = store.stats()
    assert stats["documents"] == 1 and stats["events"] == 1 and stats["relations"] >= 1


def test_exact_duplicate_is_detected(store):
    doc = to_document(Item(origin="t", text=ARTICLE))
    store.add_document(doc, None)
    assert store.check_duplicate(doc).status == "duplicate"


def test_failed_transaction_leaves_earlier_documents(store, extractor):
    first = to_document(Item(origin="a", text=ARTICLE))
    store.add_document(first, extractor(first))
    with pytest.raises(Exception):
        store.add_document(first, extractor(first))  # same id: the insert fails as a whole
    assert store.stats()["documents"] == 1
    assert store.stats()["events"] == 1


def test_event_filters(store, extractor):
    doc = to_document(Item(origin="t", text=ARTICLE, published="2025-03-14"))
    store.add_document(doc, extractor(doc))
    assert store.events(state="MX-SIN")
    assert not store.events(state="MX-MIC")
    assert store.events(type="Battles") and store.events(type="Armed clash")
    assert not store.events(since="2025-04-01")
    assert store.events(until="2025-03")
    assert store.events(actor=["la-mayiza"])
    assert store.events(text="tierra blanca")


def test_unsupported_url_is_a_clear_error():
    from cartelscope.errors import StoreError

    with pytest.raises(StoreError, match="unsupported database URL"):
        Store("mysql://localhost/x")
