"""Measuring event resolution against a gold multi-source set.

Each gold article carries an ``incident`` id. After ingesting, two documents are *merged* when
they share a stored event. Pairwise precision is the share of merged pairs that report the same
incident, recall the share of same-incident pairs that were merged; events per incident counts
the distinct stored events the articles landed in, divided by the number of real incidents.
"""
from __future__ import annotations

import json
import random
import time
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path

import sqlalchemy as sa

from cartelscope.ingest.pipeline import ingest_items, to_document
from cartelscope.ingest.sources import Item
from cartelscope.store.repository import Store
from cartelscope.store.schema import event_sources, events


@dataclass
class Figures:
    documents: int
    documents_with_event: int
    incidents: int
    stored_events: int
    precision: float
    recall: float
    events_per_incident: float
    seconds: float

    def as_dict(self) -> dict:
        return asdict(self)


def load_articles(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def ordered(articles: list[dict], seed: int | None) -> list[dict]:
    """The articles in file order, or shuffled with a fixed seed."""
    out = list(articles)
    if seed is not None:
        random.Random(seed).shuffle(out)
    return out


def run(db: str, articles: list[dict], extractor, resolver) -> Figures:
    """Ingest ``articles`` in the given order into a fresh store ``db`` and score the result."""
    store = Store(db)
    try:
        items = [Item(origin=a["url"], text=a["text"], title=a.get("title"), url=a["url"],
                      published=a.get("published"), source=a.get("source")) for a in articles]
        start = time.perf_counter()
        report = ingest_items(store, items, extractor=extractor, resolver=resolver)
        seconds = time.perf_counter() - start
        if not report.ok:
            raise RuntimeError("; ".join(report.failures))
        gold = {to_document(i).id: a["incident"] for i, a in zip(items, articles)}
        return score(store, gold, seconds)
    finally:
        store.close()


def score(store: Store, gold: dict[str, str], seconds: float = 0.0) -> Figures:
    """Pairwise merge precision and recall of stored events against gold incident ids."""
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(event_sources.c.document_id, event_sources.c.event_id)
                            .select_from(event_sources.join(events, events.c.id == event_sources.c.event_id))
                            .where(event_sources.c.document_id.in_(list(gold)))).all()
    placed: dict[str, set] = {}
    for doc_id, event_id in rows:
        placed.setdefault(doc_id, set()).add(event_id)
    docs = sorted(placed)
    merged = same = both = 0
    for d1, d2 in combinations(docs, 2):
        m = bool(placed[d1] & placed[d2])
        s = gold[d1] == gold[d2]
        merged += m
        same += s
        both += m and s
    incidents = {gold[d] for d in docs}
    stored = set().union(*placed.values()) if placed else set()
    return Figures(
        documents=len(gold), documents_with_event=len(docs), incidents=len(incidents), stored_events=len(stored),
        precision=round(both / merged, 3) if merged else 1.0,
        recall=round(both / same, 3) if same else 1.0,
        events_per_incident=round(len(stored) / len(incidents), 3) if incidents else 0.0,
        seconds=round(seconds, 3),
    )
