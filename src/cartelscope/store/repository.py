"""Reading and writing the store. One transaction per document: a crash or a bad row leaves
everything stored before it intact.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from cartelscope.errors import StoreError
from cartelscope.ingest.text import containment, jaccard, minhash_bands, shingles, simhash
from cartelscope.model import Document, Extraction, ExtractedEvent, ExtractedRelation
from cartelscope.store import db as dbmod
from cartelscope.store.schema import (
    actors,
    candidate_actors,
    document_bands,
    documents,
    event_actors,
    event_sources,
    events,
    relation_sources,
    relations,
)

NEAR_DUPLICATE_JACCARD = 0.5
NEAR_DUPLICATE_CONTAINMENT = 0.8


def now() -> datetime:
    return datetime.now(timezone.utc)


def stable_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


def explain_db_error(db: str, exc: Exception) -> str:
    """One line saying what is wrong with the database, for the user."""
    msg = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
    low = msg.lower()
    if "readonly" in low or "read-only" in low:
        return f"{db}: database is read-only ({msg})"
    if "locked" in low:
        return f"{db}: database is locked by another process ({msg})"
    if "connection refused" in low or "could not connect" in low or "connection failed" in low:
        return f"{db}: cannot connect to the PostgreSQL server ({msg})"
    if "unable to open" in low:
        return f"{db}: cannot open the database file ({msg})"
    return f"{db}: {msg}"


@dataclass
class DuplicateCheck:
    status: str  # new | duplicate | near_duplicate
    of: str | None = None
    similarity: float | None = None


class Store:
    """A cartelscope database (SQLite file or PostgreSQL), migrated on open."""

    def __init__(self, db: str, *, migrate: bool = True):
        self.db = db
        try:
            self.engine: Engine = dbmod.make_engine(db)
            if migrate:
                dbmod.upgrade(self.engine)
        except StoreError:
            raise
        except (DBAPIError, OperationalError, OSError) as exc:
            raise StoreError(explain_db_error(db, exc)) from None

    def close(self) -> None:
        self.engine.dispose()

    # -- writing -------------------------------------------------------------------------
    def check_duplicate(self, doc: Document) -> DuplicateCheck:
        """Exact duplicate by SHA-256, else near-duplicate by MinHash LSH plus exact Jaccard."""
        with self._read() as conn:
            hit = conn.execute(sa.select(documents.c.id).where(documents.c.sha256 == doc.sha256)).first()
            if hit:
                return DuplicateCheck("duplicate", hit.id, 1.0)
            grams = shingles(doc.text)
            bands = minhash_bands(grams)
            if not bands:
                return DuplicateCheck("new")
            conds = [sa.and_(document_bands.c.band == i, document_bands.c.hash == h) for i, h in enumerate(bands)]
            cand_ids = [r[0] for r in conn.execute(sa.select(document_bands.c.document_id).where(sa.or_(*conds)).distinct())]
            best: tuple[float, str] | None = None
            for cid in cand_ids[:200]:
                row = conn.execute(
                    sa.select(documents.c.text, documents.c.near_duplicate_of).where(documents.c.id == cid)
                ).first()
                if row is None:
                    continue
                other = shingles(row.text)
                score = max(jaccard(grams, other), containment(grams, other) if min(len(grams), len(other)) >= 30 else 0)
                j = jaccard(grams, other)
                if j >= NEAR_DUPLICATE_JACCARD or score >= NEAR_DUPLICATE_CONTAINMENT:
                    first = row.near_duplicate_of or cid
                    if best is None or score > best[0]:
                        best = (score, first)
            if best:
                return DuplicateCheck("near_duplicate", best[1], round(best[0], 3))
            return DuplicateCheck("new")

    def add_document(
        self,
        doc: Document,
        extraction: Extraction | None,
        *,
        near_duplicate_of: str | None = None,
        resolver: Any = None,
    ) -> str:
        """Store one document and its extraction in a single transaction; returns its id."""
        stamp = now()
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    documents.insert().values(
                        id=doc.id,
                        sha256=doc.sha256,
                        url=doc.url,
                        title=doc.title,
                        source=doc.source,
                        published=doc.published,
                        retrieved=stamp,
                        lang=doc.lang,
                        text=doc.text,
                        chars=len(doc.text),
                        simhash=simhash(doc.text),
                        near_duplicate_of=near_duplicate_of,
                        origin=doc.origin,
                        extractor_version=extraction.extractor_version if extraction else None,
                        extracted_at=stamp if extraction else None,
                    )
                )
                bands = minhash_bands(shingles(doc.text))
                if bands:
                    conn.execute(
                        document_bands.insert(),
                        [{"document_id": doc.id, "band": i, "hash": h} for i, h in enumerate(bands)],
                    )
                if extraction is not None:
                    self._write_extraction(conn, doc, extraction, stamp, resolver)
        except (DBAPIError, OperationalError) as exc:
            raise StoreError(explain_db_error(self.db, exc)) from None
        return doc.id

    def _write_extraction(self, conn: Connection, doc: Document, ex: Extraction, stamp, resolver) -> None:
        seen_day = doc.published or stamp.date().isoformat()
        for mention in ex.actors:
            self._upsert_actor(conn, mention.id, mention.name, mention.kind, mention.aliases, seen_day,
                               len(mention.spans) or 1)
        for n, event in enumerate(ex.events):
            self._write_event(conn, doc, ex, n, event, stamp, resolver)
        for rel in ex.relations:
            self._write_relation(conn, doc, ex, rel, stamp)
        for cand in ex.candidates:
            self._upsert_candidate(conn, doc, cand, seen_day)

    def _upsert_actor(self, conn, actor_id, name, kind, aliases, day, count) -> None:
        row = conn.execute(sa.select(actors.c.first_seen, actors.c.last_seen).where(actors.c.id == actor_id)).first()
        if row is None:
            conn.execute(actors.insert().values(
                id=actor_id, name=name, kind=kind, aliases=list(aliases or []), origin="knowledge",
                first_seen=day, last_seen=day, mentions=count))
        else:
            conn.execute(actors.update().where(actors.c.id == actor_id).values(
                first_seen=min(filter(None, [row.first_seen, day])),
                last_seen=max(filter(None, [row.last_seen, day])),
                mentions=actors.c.mentions + count))

    def _write_event(self, conn, doc: Document, ex: Extraction, n: int, e: ExtractedEvent, stamp, resolver) -> str:
        place = e.place
        values = dict(
            dataset="cartelscope",
            event_date=e.date,
            date_precision=e.date_precision,
            year=int(e.date[:4]) if e.date else None,
            event_type=e.event_type,
            sub_event_type=e.sub_event_type,
            actor1=e.actor1 or (e.actors[0] if e.actors else None),
            actor2=e.actor2,
            assoc_actors=list(e.assoc_actors),
            country=(place.country if place else "MX") or "MX",
            admin1=place.state if place else None,
            admin2=place.municipality if place else None,
            admin2_code=place.municipality_code if place else None,
            location=place.name if place else None,
            place_id=place.place_id if place else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            geo_precision=place.geo_precision if place else None,
            fatalities=e.fatalities,
            fatalities_low=e.fatalities,
            fatalities_high=e.fatalities,
            tactics=list(e.tactics),
            tags=list(e.tags),
            certainty=e.certainty,
            civilian_targeting=e.civilian_targeting,
            summary=e.summary,
        )
        event_id = resolver.match(conn, values, e) if resolver is not None else None
        if event_id is None:
            event_id = stable_id("ev", doc.sha256, n, e.event_type, e.sub_event_type)
            conn.execute(events.insert().values(id=event_id, status="active", created_at=stamp, updated_at=stamp, **values))
            roles = [(e.actor1 or (e.actors[0] if e.actors else None), "actor1"), (e.actor2, "actor2")]
            roles += [(a, "assoc") for a in e.assoc_actors]
            roles += [(a, "assoc") for a in e.actors if a not in {e.actor1, e.actor2, *e.assoc_actors}]
            seen = set()
            for actor_id, role in roles:
                if actor_id and actor_id not in seen:
                    seen.add(actor_id)
                    conn.execute(event_actors.insert().values(event_id=event_id, actor_id=actor_id, role=role))
        elif resolver is not None:
            resolver.absorb(conn, event_id, values, e, stamp)
        for ev in e.evidence or [None]:
            conn.execute(event_sources.insert().values(
                event_id=event_id,
                document_id=doc.id,
                char_start=ev.start if ev else None,
                char_end=ev.end if ev else None,
                sentence=ev.sentence if ev else None,
                extractor_version=ex.extractor_version,
                reported_actors=list(e.actors),
                reported_fatalities=e.fatalities,
                certainty=e.certainty,
                detail={"date": e.date, "state": values["admin1"], "place": values["location"],
                        "tactics": list(e.tactics), "rule": ev.rule if ev else None},
            ))
            break  # one source row per document; the first evidence sentence carries the span
        return event_id

    def _write_relation(self, conn, doc: Document, ex: Extraction, r: ExtractedRelation, stamp) -> None:
        a, b = (r.a, r.b) if r.kind not in ("alliance", "rivalry", "ceasefire", "split") else tuple(sorted((r.a, r.b)))
        reported = doc.published
        rel_id = stable_id("rel", r.kind, a, b)
        row = conn.execute(sa.select(relations.c.first_reported, relations.c.last_reported, relations.c.valid_from)
                           .where(relations.c.id == rel_id)).first()
        if row is None:
            conn.execute(relations.insert().values(
                id=rel_id, kind=r.kind, a=a, b=b, valid_from=r.valid_from, valid_to=r.valid_to,
                first_reported=reported, last_reported=reported, certainty=r.certainty,
                status="active", created_at=stamp, updated_at=stamp))
        else:
            firsts = [x for x in (row.first_reported, reported) if x]
            conn.execute(relations.update().where(relations.c.id == rel_id).values(
                first_reported=min(firsts) if firsts else None,
                last_reported=max(firsts) if firsts else None,
                valid_from=min(filter(None, [row.valid_from, r.valid_from]), default=None),
                updated_at=stamp))
        for ev in r.evidence[:1] or [None]:
            conn.execute(relation_sources.insert().values(
                relation_id=rel_id, document_id=doc.id,
                char_start=ev.start if ev else None, char_end=ev.end if ev else None,
                sentence=ev.sentence if ev else None, extractor_version=ex.extractor_version,
                certainty=r.certainty, reported_on=reported, stated_from=r.valid_from))

    def _upsert_candidate(self, conn, doc: Document, cand, day) -> None:
        row = conn.execute(sa.select(candidate_actors.c.first_seen, candidate_actors.c.last_seen)
                           .where(candidate_actors.c.normalized == cand.normalized)).first()
        if row is None:
            conn.execute(candidate_actors.insert().values(
                normalized=cand.normalized, name=cand.name, mentions=len(cand.spans) or 1, documents=1,
                first_seen=day, last_seen=day, example_document=doc.id, example_sentence=cand.sentence))
        else:
            conn.execute(candidate_actors.update().where(candidate_actors.c.normalized == cand.normalized).values(
                mentions=candidate_actors.c.mentions + (len(cand.spans) or 1),
                documents=candidate_actors.c.documents + 1,
                first_seen=min(row.first_seen or day, day), last_seen=max(row.last_seen or day, day)))

    # -- reading -------------------------------------------------------------------------
    def _read(self):
        try:
            return self.engine.connect()
        except (DBAPIError, OperationalError) as exc:
            raise StoreError(explain_db_error(self.db, exc)) from None

    def stats(self) -> dict[str, Any]:
        with self._read() as conn:
            def count(table, *where):
                q = sa.select(sa.func.count()).select_from(table)
                for w in where:
                    q = q.where(w)
                return int(conn.execute(q).scalar_one())

            top_states = conn.execute(
                sa.select(events.c.admin1, sa.func.count().label("n"))
                .where(events.c.admin1.is_not(None), events.c.status == "active")
                .group_by(events.c.admin1).order_by(sa.desc("n"), events.c.admin1).limit(5)
            ).all()
            by_lang = conn.execute(sa.select(documents.c.lang, sa.func.count()).group_by(documents.c.lang)).all()
            return {
                "documents": count(documents),
                "near_duplicates": count(documents, documents.c.near_duplicate_of.is_not(None)),
                "events": count(events, events.c.status == "active"),
                "event_sources": count(event_sources),
                "actors": count(actors),
                "relations": count(relations, relations.c.status != "refuted"),
                "candidate_actors": count(candidate_actors),
                "documents_by_lang": {lang: int(n) for lang, n in by_lang},
                "top_states": [{"state": s, "events": int(n)} for s, n in top_states],
            }

    def documents(self, *, lang=None, since=None, until=None, text=None, limit=None, offset=0) -> list[dict]:
        q = sa.select(documents.c.id, documents.c.title, documents.c.url, documents.c.source,
                      documents.c.published, documents.c.lang, documents.c.chars,
                      documents.c.near_duplicate_of, documents.c.origin).order_by(documents.c.published, documents.c.id)
        if lang:
            q = q.where(documents.c.lang == lang)
        if since:
            q = q.where(documents.c.published >= since)
        if until:
            q = q.where(documents.c.published <= until)
        if text:
            like = f"%{text.lower()}%"
            q = q.where(sa.or_(sa.func.lower(documents.c.text).like(like), sa.func.lower(documents.c.title).like(like)))
        if limit:
            q = q.limit(limit).offset(offset)
        with self._read() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def document(self, doc_id: str) -> dict | None:
        with self._read() as conn:
            row = conn.execute(sa.select(documents).where(documents.c.id == doc_id)).first()
            return dict(row._mapping) if row else None

    def event_query(self, *, actor=None, state=None, type=None, since=None, until=None, text=None,
                    municipality=None, certainty=None, dataset=None, include_rejected=False):
        q = sa.select(events)
        if not include_rejected:
            q = q.where(events.c.status == "active")
        if actor:
            ids = [actor] if isinstance(actor, str) else list(actor)
            q = q.where(events.c.id.in_(sa.select(event_actors.c.event_id).where(event_actors.c.actor_id.in_(ids))))
        if state:
            q = q.where(events.c.admin1 == state)
        if municipality:
            q = q.where(sa.or_(events.c.admin2_code == municipality, sa.func.lower(events.c.admin2) == municipality.lower()))
        if type:
            q = q.where(sa.or_(events.c.event_type == type, events.c.sub_event_type == type))
        if since:
            q = q.where(events.c.event_date >= since)
        if until:
            q = q.where(events.c.event_date <= until + "\uffff" if len(until) < 10 else events.c.event_date <= until)
        if certainty:
            q = q.where(events.c.certainty == certainty)
        if dataset:
            q = q.where(events.c.dataset == dataset)
        if text:
            like = f"%{text.lower()}%"
            q = q.where(sa.or_(
                sa.func.lower(events.c.summary).like(like),
                events.c.id.in_(sa.select(event_sources.c.event_id).where(sa.func.lower(event_sources.c.sentence).like(like))),
            ))
        return q.order_by(sa.case((events.c.event_date.is_(None), 1), else_=0), events.c.event_date.desc(), events.c.id)

    def events(self, *, limit=None, offset=0, with_sources=True, **filters) -> list[dict]:
        q = self.event_query(**filters)
        if limit:
            q = q.limit(limit).offset(offset)
        with self._read() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            return self._decorate_events(conn, rows, with_sources)

    def iter_events(self, *, batch=5000, with_sources=False, **filters) -> Iterator[dict]:
        """Stream events in batches with constant memory (for exports)."""
        offset = 0
        while True:
            chunk = self.events(limit=batch, offset=offset, with_sources=with_sources, **filters)
            if not chunk:
                return
            yield from chunk
            offset += batch

    def _decorate_events(self, conn, rows: list[dict], with_sources: bool) -> list[dict]:
        if not rows:
            return rows
        ids = [r["id"] for r in rows]
        names = {}
        acts: dict[str, list] = {i: [] for i in ids}
        for chunk in _chunks(ids, 500):
            for ea in conn.execute(sa.select(event_actors.c.event_id, event_actors.c.actor_id, event_actors.c.role,
                                             actors.c.name).select_from(event_actors.outerjoin(actors, actors.c.id == event_actors.c.actor_id))
                                   .where(event_actors.c.event_id.in_(chunk))):
                acts[ea.event_id].append({"id": ea.actor_id, "name": ea.name or ea.actor_id, "role": ea.role})
                names[ea.actor_id] = ea.name or ea.actor_id
        srcs: dict[str, list] = {i: [] for i in ids}
        if with_sources:
            for chunk in _chunks(ids, 500):
                q = (sa.select(event_sources, documents.c.url, documents.c.title, documents.c.source.label("outlet"),
                               documents.c.published)
                     .select_from(event_sources.outerjoin(documents, documents.c.id == event_sources.c.document_id))
                     .where(event_sources.c.event_id.in_(chunk)).order_by(event_sources.c.id))
                for s in conn.execute(q):
                    srcs[s.event_id].append({
                        "document_id": s.document_id, "url": s.url, "title": s.title, "outlet": s.outlet,
                        "published": s.published, "sentence": s.sentence,
                        "char_span": [s.char_start, s.char_end] if s.char_start is not None else None,
                        "reported_actors": s.reported_actors, "reported_fatalities": s.reported_fatalities,
                        "certainty": s.certainty, "extractor_version": s.extractor_version, "detail": s.detail,
                    })
        out = []
        order = {"actor1": 0, "actor2": 1, "assoc": 2}
        for r in rows:
            out.append({
                "id": r["id"], "event_type": r["event_type"], "sub_event_type": r["sub_event_type"],
                "date": r["event_date"], "date_precision": r["date_precision"],
                "state": r["admin1"], "municipality": r["admin2"], "municipality_code": r["admin2_code"],
                "location": r["location"], "country": r["country"], "lat": r["lat"], "lon": r["lon"],
                "geo_precision": r["geo_precision"],
                "actors": sorted(acts[r["id"]], key=lambda a: (order.get(a["role"], 3), a["id"])),
                "fatalities": r["fatalities"], "fatalities_low": r["fatalities_low"],
                "fatalities_high": r["fatalities_high"], "tactics": r["tactics"], "tags": r["tags"],
                "certainty": r["certainty"], "civilian_targeting": r["civilian_targeting"],
                "summary": r["summary"], "dataset": r["dataset"], "dataset_id": r["dataset_id"],
                "status": r["status"],
                "sources": srcs[r["id"]],
            })
        return out

    def actors(self, *, kind=None, text=None, limit=None) -> list[dict]:
        q = sa.select(actors).order_by(actors.c.mentions.desc(), actors.c.id)
        if kind:
            q = q.where(actors.c.kind == kind)
        if text:
            q = q.where(sa.func.lower(actors.c.name).like(f"%{text.lower()}%"))
        if limit:
            q = q.limit(limit)
        with self._read() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            counts = dict(conn.execute(sa.select(event_actors.c.actor_id, sa.func.count(sa.distinct(event_actors.c.event_id)))
                                       .group_by(event_actors.c.actor_id)).all())
        for r in rows:
            r["events"] = int(counts.get(r["id"], 0))
        return rows

    def relations(self, *, actor=None, kind=None, since=None, until=None) -> list[dict]:
        q = sa.select(relations).where(relations.c.status != "refuted").order_by(relations.c.kind, relations.c.a, relations.c.b)
        if actor:
            ids = [actor] if isinstance(actor, str) else list(actor)
            q = q.where(sa.or_(relations.c.a.in_(ids), relations.c.b.in_(ids)))
        if kind:
            q = q.where(relations.c.kind == kind)
        if since:
            q = q.where(sa.or_(relations.c.last_reported >= since, relations.c.last_reported.is_(None)))
        if until:
            q = q.where(sa.or_(relations.c.first_reported <= until, relations.c.first_reported.is_(None)))
        with self._read() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            names = dict(conn.execute(sa.select(actors.c.id, actors.c.name)).all())
            ids = [r["id"] for r in rows]
            srcs: dict[str, list] = {i: [] for i in ids}
            for chunk in _chunks(ids, 500):
                for s in conn.execute(sa.select(relation_sources, documents.c.url, documents.c.title)
                                      .select_from(relation_sources.outerjoin(documents, documents.c.id == relation_sources.c.document_id))
                                      .where(relation_sources.c.relation_id.in_(chunk)).order_by(relation_sources.c.id)):
                    srcs[s.relation_id].append({"document_id": s.document_id, "url": s.url, "title": s.title,
                                                "sentence": s.sentence, "char_span": [s.char_start, s.char_end],
                                                "certainty": s.certainty, "reported_on": s.reported_on})
        for r in rows:
            r["a_name"] = names.get(r["a"], r["a"])
            r["b_name"] = names.get(r["b"], r["b"])
            r["created_at"] = r["created_at"].isoformat() if r.get("created_at") else None
            r["updated_at"] = r["updated_at"].isoformat() if r.get("updated_at") else None
            r["sources"] = srcs[r["id"]]
        return rows

    def candidates(self, *, min_mentions: int = 1) -> list[dict]:
        with self._read() as conn:
            q = (sa.select(candidate_actors).where(candidate_actors.c.mentions >= min_mentions)
                 .order_by(candidate_actors.c.mentions.desc(), candidate_actors.c.normalized))
            return [dict(r._mapping) for r in conn.execute(q)]


def _chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
