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
    reviews,
)

NEAR_DUPLICATE_JACCARD = 0.5
NEAR_DUPLICATE_CONTAINMENT = 0.8
SYMMETRIC = ("alliance", "rivalry", "ceasefire", "split")


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

    def _write_extraction(self, conn: Connection, doc: Document, ex: Extraction, stamp, resolver,
                          *, count_mentions: bool = True) -> None:
        seen_day = doc.published or stamp.date().isoformat()
        merged = _actor_map(conn)
        for mention in ex.actors:
            self._upsert_actor(conn, mention.id, mention.name, mention.kind, mention.aliases, seen_day,
                               (len(mention.spans) or 1) if count_mentions else 0)
        for n, event in enumerate(ex.events):
            self._write_event(conn, doc, ex, n, event, stamp, resolver, merged)
        for rel in ex.relations:
            self._write_relation(conn, doc, ex, rel, stamp, merged)
        if count_mentions:
            for cand in ex.candidates:
                self._upsert_candidate(conn, doc, cand, seen_day)

    def replace_extraction(self, doc_id: str, extraction: Extraction, *, resolver: Any = None) -> dict[str, int]:
        """Re-extraction: replace one stored document's sources with a new extraction (a newer
        extractor or knowledge pack), in one transaction.

        Events and relations this document supported are recomputed from the sources left; one
        left with no source is removed unless a reviewer decided on it, in which case it stays
        with its decision and is re-attached if the new extraction finds it again (same stable
        id), so reviews survive re-extraction.
        """
        stamp = now()
        try:
            with self.engine.begin() as conn:
                row = conn.execute(sa.select(documents).where(documents.c.id == doc_id)).first()
                if row is None:
                    raise StoreError(f"{self.db}: no document {doc_id!r}")
                doc = Document(text=row.text, title=row.title, url=row.url, published=row.published,
                               source=row.source, lang=row.lang, sha256=row.sha256, origin=row.origin)
                old_events = {r[0] for r in conn.execute(
                    sa.select(event_sources.c.event_id).where(event_sources.c.document_id == doc_id))}
                old_relations = {r[0] for r in conn.execute(
                    sa.select(relation_sources.c.relation_id).where(relation_sources.c.document_id == doc_id))}
                conn.execute(event_sources.delete().where(event_sources.c.document_id == doc_id))
                conn.execute(relation_sources.delete().where(relation_sources.c.document_id == doc_id))
                removed = self._drop_orphans(conn, old_events, old_relations)
                self._write_extraction(conn, doc, extraction, stamp, resolver, count_mentions=False)
                for event_id in old_events - removed:
                    if resolver is not None and hasattr(resolver, "refresh"):
                        resolver.refresh(conn, event_id, stamp)
                back = {r[0] for r in conn.execute(sa.select(events.c.id).where(events.c.id.in_(removed)))} if removed else set()
                removed -= back  # found again under the same stable id
                conn.execute(documents.update().where(documents.c.id == doc_id).values(
                    extractor_version=extraction.extractor_version, extracted_at=stamp))
        except (DBAPIError, OperationalError) as exc:
            raise StoreError(explain_db_error(self.db, exc)) from None
        return {"events_before": len(old_events), "events_after": len(extraction.events), "removed": len(removed)}

    def _drop_orphans(self, conn, event_ids: set[str], relation_ids: set[str]) -> set[str]:
        """Delete events and relations left without sources and without review decisions."""
        removed: set[str] = set()
        for event_id in event_ids:
            has_source = conn.execute(sa.select(event_sources.c.id).where(event_sources.c.event_id == event_id)).first()
            reviewed = conn.execute(sa.select(reviews.c.id).where(
                reviews.c.target_type == "event", reviews.c.target_id == event_id)).first()
            if has_source is None and reviewed is None:
                conn.execute(event_actors.delete().where(event_actors.c.event_id == event_id))
                conn.execute(events.delete().where(events.c.id == event_id))
                removed.add(event_id)
        for rel_id in relation_ids:
            has_source = conn.execute(sa.select(relation_sources.c.id).where(
                relation_sources.c.relation_id == rel_id)).first()
            reviewed = conn.execute(sa.select(reviews.c.id).where(
                reviews.c.target_type == "relation", reviews.c.target_id == rel_id)).first()
            if has_source is None and reviewed is None:
                conn.execute(relations.delete().where(relations.c.id == rel_id))
        return removed

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

    def _write_event(self, conn, doc: Document, ex: Extraction, n: int, e: ExtractedEvent, stamp, resolver,
                     merged: dict[str, str] | None = None) -> str:
        place = e.place
        canon = (lambda a: merged.get(a, a) if a else a) if merged else (lambda a: a)
        reported = _unique(canon(a) for a in e.actors)
        actor1 = canon(e.actor1 or (e.actors[0] if e.actors else None))
        actor2 = canon(e.actor2)
        assoc = [a for a in _unique(canon(a) for a in e.assoc_actors) if a not in (actor1, actor2)]
        values = dict(
            dataset="cartelscope",
            event_date=e.date,
            date_precision=e.date_precision,
            year=int(e.date[:4]) if e.date else None,
            event_type=e.event_type,
            sub_event_type=e.sub_event_type,
            actor1=actor1,
            actor2=actor2 if actor2 != actor1 else None,
            assoc_actors=assoc,
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
            fatalities_best=e.fatalities,
            fatalities_high=e.fatalities,
            tactics=list(e.tactics),
            tags=list(e.tags),
            certainty=e.certainty,
            civilian_targeting=e.civilian_targeting,
            summary=e.summary,
        )
        event_id = resolver.match(conn, values, e, document_id=doc.id) if resolver is not None else None
        attached = event_id is not None
        if not attached:
            event_id = stable_id("ev", doc.sha256, n, e.event_type, e.sub_event_type)
            # re-extraction finds an event a reviewer kept: attach to it so the decision holds
            attached = conn.execute(sa.select(events.c.id).where(events.c.id == event_id)).first() is not None
        if not attached:
            conn.execute(events.insert().values(id=event_id, status="active", created_at=stamp, updated_at=stamp, **values))
            roles = [(values["actor1"], "actor1"), (values["actor2"], "actor2")]
            roles += [(a, "assoc") for a in assoc + reported]
            seen = set()
            for actor_id, role in roles:
                if actor_id and actor_id not in seen:
                    seen.add(actor_id)
                    conn.execute(event_actors.insert().values(event_id=event_id, actor_id=actor_id, role=role))
        ev = e.evidence[0] if e.evidence else None  # one source row per document; the first sentence carries the span
        report = {**values, "assoc_actors": [a for a in assoc + reported if a not in (values["actor1"], values["actor2"])],
                  "_document": doc.id, "_published": doc.published}
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
                    "tactics": list(e.tactics), "rule": ev.rule if ev else None, "values": report},
        ))
        if resolver is not None:
            if attached:
                resolver.absorb(conn, event_id, values, e, stamp)
            elif hasattr(resolver, "settle"):
                resolver.settle(conn, event_id, stamp)
        return event_id

    def _write_relation(self, conn, doc: Document, ex: Extraction, r: ExtractedRelation, stamp,
                        merged: dict[str, str] | None = None) -> None:
        ra, rb = (merged.get(r.a, r.a), merged.get(r.b, r.b)) if merged else (r.a, r.b)
        if ra == rb:
            return  # the two ends were merged into one actor by review
        a, b = (ra, rb) if r.kind not in SYMMETRIC else tuple(sorted((ra, rb)))
        reported = doc.published or stamp.date().isoformat()
        rel_id = stable_id("rel", r.kind, a, b)
        row = conn.execute(sa.select(relations.c.first_reported, relations.c.last_reported, relations.c.valid_from)
                           .where(relations.c.id == rel_id)).first()
        if row is None:
            conn.execute(relations.insert().values(
                id=rel_id, kind=r.kind, a=a, b=b, valid_from=r.valid_from, valid_to=r.valid_to,
                first_reported=reported, last_reported=reported, certainty=r.certainty,
                status="active", created_at=stamp, updated_at=stamp))
        else:
            # status is left alone: a refuted relation stays refuted, its new sources are still kept
            firsts = [x for x in (row.first_reported, row.last_reported, reported) if x]
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
                certainty=r.certainty, reported_on=reported, stated_from=r.valid_from, stated_to=r.valid_to))

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
        """Database-wide counts, documents per language and the five states with most events.

        Three queries: the plain counts as scalar subqueries of one SELECT, the languages, and
        active events per state, whose sum is the event count."""
        def count(table, *where):
            return sa.select(sa.func.count()).select_from(table).where(*where).scalar_subquery()

        totals = sa.select(
            count(documents).label("documents"),
            count(documents, documents.c.near_duplicate_of.is_not(None)).label("near_duplicates"),
            count(event_sources).label("event_sources"),
            count(actors).label("actors"),
            count(relations, relations.c.status != "refuted").label("relations"),
            count(candidate_actors).label("candidate_actors"),
        )
        # Grouping on an expression, not the bare column, keeps SQLite on the status prefix of
        # ix_events_status_date_cover; grouping on admin1 walks ix_events_admin1 and reads every row.
        state = sa.func.coalesce(events.c.admin1, "")
        per_state = sa.select(state, sa.func.count()).where(events.c.status == "active").group_by(state)
        with self._read() as conn:
            row = conn.execute(totals).one()
            by_lang = conn.execute(sa.select(documents.c.lang, sa.func.count()).group_by(documents.c.lang)).all()
            by_state = [(s, int(n)) for s, n in conn.execute(per_state)]
        top_states = sorted(((s, n) for s, n in by_state if s), key=lambda sn: (-sn[1], sn[0]))[:5]
        return {
            "documents": int(row.documents),
            "near_duplicates": int(row.near_duplicates),
            "events": sum(n for _, n in by_state),
            "event_sources": int(row.event_sources),
            "actors": int(row.actors),
            "relations": int(row.relations),
            "candidate_actors": int(row.candidate_actors),
            "documents_by_lang": {lang: int(n) for lang, n in by_lang},
            "top_states": [{"state": s, "events": n} for s, n in top_states],
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
            ids = self._with_merged([actor] if isinstance(actor, str) else list(actor))
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

    def _with_merged(self, ids: list[str]) -> list[str]:
        """The ids plus every actor id a review merged into one of them."""
        with self._read() as conn:
            merged = _actor_map(conn)
        return sorted(set(ids) | {a for a, into in merged.items() if into in ids or merged.get(into) in ids})

    def events(self, *, limit=None, offset=0, with_sources=True, **filters) -> list[dict]:
        """Events matching the filters of :meth:`event_query`, newest first, with actors and
        (``with_sources``) each source's evidence and who it blames."""
        q = self.event_query(**filters)
        if limit:
            q = q.limit(limit).offset(offset)
        with self._read() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            return self.decorate_events(conn, rows, with_sources)

    def event(self, event_id: str) -> dict | None:
        """One event by id, whatever its review status, shaped like an element of :meth:`events`
        (with sources); None if there is no such event."""
        with self._read() as conn:
            row = conn.execute(sa.select(events).where(events.c.id == event_id)).first()
            return self.decorate_events(conn, [dict(row._mapping)], True)[0] if row else None

    def iter_event_batches(self, *, batch=5000, with_sources=False, extra_columns: Iterable[str] = (),
                           **filters) -> Iterator[list[dict]]:
        """Lists of at most ``batch`` events, oldest first and undated events last, each shaped
        like an element of :meth:`events` plus the raw event columns named in ``extra_columns``.

        Keyset pages: each batch is a fresh query resuming after the last (date, id) seen, so no
        page re-sorts and skips what came before (LIMIT/OFFSET does, quadratically) and no read
        stays open across a long export, where it would hold off SQLite writers. Events written
        during the stream may or may not appear in it."""
        extra = tuple(extra_columns)
        unknown = [c for c in extra if c not in events.c]
        if unknown:
            raise StoreError(f"no such event column: {', '.join(unknown)}")
        base = self.event_query(**filters).order_by(None)
        date, key = events.c.event_date, events.c.id
        for part, keys in ((base.where(date.is_not(None)), (date, key)), (base.where(date.is_(None)), (key,))):
            last: tuple | None = None
            while True:
                q = part.order_by(*keys).limit(batch)
                if last is not None:
                    # the leading-key bound lets either engine range-scan an index on it
                    q = q.where(keys[0] >= last[0], sa.tuple_(*keys) > sa.tuple_(*last)) if len(keys) > 1 \
                        else q.where(keys[0] > last[0])
                with self._read() as conn:
                    rows = [dict(r._mapping) for r in conn.execute(q)]
                    if not rows:
                        break
                    out = self.decorate_events(conn, rows, with_sources)
                for row, record in zip(rows, out):
                    record.update((c, row[c]) for c in extra)
                yield out
                if len(rows) < batch:
                    break
                last = tuple(rows[-1][k.name] for k in keys)

    def iter_events(self, *, batch=5000, with_sources=False, **filters) -> Iterator[dict]:
        """Every matching event, oldest first and undated last, in constant memory (for exports);
        see :meth:`iter_event_batches`."""
        for page in self.iter_event_batches(batch=batch, with_sources=with_sources, **filters):
            yield from page

    def decorate_events(self, conn, rows: list[dict], with_sources: bool) -> list[dict]:
        """Event records from raw ``events`` rows read on ``conn``: actors (folded onto the actor
        a review merged them into) and, with ``with_sources``, sources and attribution."""
        if not rows:
            return rows
        ids = [r["id"] for r in rows]
        merged = _actor_map(conn)
        names = dict(conn.execute(sa.select(actors.c.id, actors.c.name).where(actors.c.id.in_(set(merged.values())))).all()) if merged else {}
        acts: dict[str, list] = {i: [] for i in ids}
        order = {"actor1": 0, "actor2": 1, "contested": 2, "assoc": 3}
        for chunk in _chunks(ids, 500):
            for ea in conn.execute(sa.select(event_actors.c.event_id, event_actors.c.actor_id, event_actors.c.role,
                                             actors.c.name).select_from(event_actors.outerjoin(actors, actors.c.id == event_actors.c.actor_id))
                                   .where(event_actors.c.event_id.in_(chunk))):
                actor_id = merged.get(ea.actor_id, ea.actor_id)
                name = names.get(actor_id) if actor_id != ea.actor_id else ea.name
                entry = {"id": actor_id, "name": name or actor_id, "role": ea.role}
                have = next((a for a in acts[ea.event_id] if a["id"] == actor_id), None)
                if have is None:
                    acts[ea.event_id].append(entry)
                elif order.get(ea.role, 9) < order.get(have["role"], 9):
                    have["role"] = ea.role
        srcs: dict[str, list] = {i: [] for i in ids}
        blamed: dict[str, list] = {i: [] for i in ids}
        if with_sources:
            for chunk in _chunks(ids, 500):
                q = (sa.select(event_sources, documents.c.url, documents.c.title, documents.c.source.label("outlet"),
                               documents.c.published)
                     .select_from(event_sources.outerjoin(documents, documents.c.id == event_sources.c.document_id))
                     .where(event_sources.c.event_id.in_(chunk)).order_by(event_sources.c.id))
                for s in conn.execute(q):
                    detail = dict(s.detail or {})
                    blamed[s.event_id].append((s.document_id, (detail.pop("values", None) or {}).get("actor1")))
                    srcs[s.event_id].append({
                        "document_id": s.document_id, "url": s.url, "title": s.title, "outlet": s.outlet,
                        "published": s.published, "sentence": s.sentence,
                        "char_span": [s.char_start, s.char_end] if s.char_start is not None else None,
                        "reported_actors": s.reported_actors, "reported_fatalities": s.reported_fatalities,
                        "certainty": s.certainty, "extractor_version": s.extractor_version, "detail": detail,
                    })
        out = []
        for r in rows:
            out.append({
                "id": r["id"], "event_type": r["event_type"], "sub_event_type": r["sub_event_type"],
                "date": r["event_date"], "date_precision": r["date_precision"],
                "state": r["admin1"], "municipality": r["admin2"], "municipality_code": r["admin2_code"],
                "location": r["location"], "country": r["country"], "lat": r["lat"], "lon": r["lon"],
                "geo_precision": r["geo_precision"],
                "actors": sorted(acts[r["id"]], key=lambda a: (order.get(a["role"], 9), a["id"])),
                "fatalities": r["fatalities"], "fatalities_low": r["fatalities_low"],
                "fatalities_best": r.get("fatalities_best"),
                "fatalities_high": r["fatalities_high"], "tactics": r["tactics"], "tags": r["tags"],
                "certainty": r["certainty"], "civilian_targeting": r["civilian_targeting"],
                "summary": r["summary"], "dataset": r["dataset"], "dataset_id": r["dataset_id"],
                "status": r["status"],
                "sources": srcs[r["id"]],
            })
            if with_sources:
                out[-1]["attribution"] = _attribution(blamed[r["id"]], merged)
        return out

    def actors(self, *, kind=None, text=None, limit=None, include_merged=False) -> list[dict]:
        """Actors, most mentioned first; an actor merged by review is folded into its target."""
        q = sa.select(actors).order_by(actors.c.mentions.desc(), actors.c.id)
        if kind:
            q = q.where(actors.c.kind == kind)
        if text:
            q = q.where(sa.func.lower(actors.c.name).like(f"%{text.lower()}%"))
        with self._read() as conn:
            merged = _actor_map(conn)
            rows = [dict(r._mapping) for r in conn.execute(q)]
            pairs = conn.execute(sa.select(event_actors.c.actor_id, event_actors.c.event_id).distinct()).all()
        counts: dict[str, set] = {}
        for actor_id, event_id in pairs:
            counts.setdefault(merged.get(actor_id, actor_id), set()).add(event_id)
        out = []
        for r in rows:
            r["merged_into"] = merged.get(r["id"])
            if r["merged_into"] and not include_merged:
                continue
            r["events"] = len(counts.get(r["id"], ()))
            out.append(r)
        return out[:limit] if limit else out

    def relations(self, *, actor=None, kind=None, since=None, until=None, as_of=None, known_on=None,
                  include_refuted=False) -> list[dict]:
        """Relations with their sources and dated intervals (see :mod:`cartelscope.resolve.relations`).

        ``as_of``: only relations with an interval holding on that date (valid time), and
        ``valid_from``/``valid_to`` are that interval's. ``known_on``: only sources reported by
        that date, and intervals rebuilt from them (reporting time). One row per relation."""
        from cartelscope.resolve.relations import Statement, known_by, timeline

        q = sa.select(relations).order_by(relations.c.kind, relations.c.a, relations.c.b)
        if not include_refuted:
            q = q.where(relations.c.status != "refuted")
        with self._read() as conn:
            merged = _actor_map(conn)
            rows = [dict(r._mapping) for r in conn.execute(q)]
            names = dict(conn.execute(sa.select(actors.c.id, actors.c.name)).all())
            ids = [r["id"] for r in rows]
            srcs: dict[str, list] = {i: [] for i in ids}
            for chunk in _chunks(ids, 500):
                for s in conn.execute(sa.select(relation_sources, documents.c.url, documents.c.title)
                                      .select_from(relation_sources.outerjoin(documents, documents.c.id == relation_sources.c.document_id))
                                      .where(relation_sources.c.relation_id.in_(chunk)).order_by(relation_sources.c.id)):
                    if known_on and not known_by(s.reported_on, known_on):
                        continue
                    srcs[s.relation_id].append({"id": s.id, "document_id": s.document_id, "url": s.url, "title": s.title,
                                                "sentence": s.sentence, "char_span": [s.char_start, s.char_end],
                                                "certainty": s.certainty, "reported_on": s.reported_on,
                                                "stated_from": s.stated_from, "stated_to": s.stated_to})
        # merged actors: fold rows onto canonical ids; the first row (by kind, a, b) keeps its id
        grouped: dict[tuple, dict] = {}
        for r in rows:
            a, b = merged.get(r["a"], r["a"]), merged.get(r["b"], r["b"])
            if a == b:
                continue
            if r["kind"] in SYMMETRIC:
                a, b = sorted((a, b))
            key = (r["kind"], a, b)
            if key in grouped:
                grouped[key]["sources"].extend(srcs[r["id"]])
                grouped[key]["merged_ids"].append(r["id"])
            else:
                grouped[key] = {**r, "a": a, "b": b, "sources": list(srcs[r["id"]]), "merged_ids": []}
        pairs: dict[frozenset, list] = {}
        for (k, a, b), r in grouped.items():
            r["sources"].sort(key=lambda s: s["id"])
            pairs.setdefault(frozenset((a, b)), []).extend(
                Statement(k, s["stated_from"] or s["reported_on"], s["reported_on"], bool(s["stated_from"]),
                          s["stated_to"], s["id"]) for s in r["sources"])
        lines = {p: timeline(st) for p, st in pairs.items()}
        want = set(self._with_merged([actor] if isinstance(actor, str) else list(actor))) if actor else None
        out = []
        for (k, a, b), r in grouped.items():
            if want is not None and a not in want and b not in want or kind and k != kind:
                continue
            if known_on and not r["sources"]:
                continue  # nothing about it had been reported by then
            intervals = [iv for iv in lines.get(frozenset((a, b)), []) if iv.kind == k]
            reported = [s["reported_on"] for s in r["sources"] if s["reported_on"]]
            if known_on:
                r["first_reported"], r["last_reported"] = (min(reported), max(reported)) if reported else (None, None)
            if since and r["last_reported"] and r["last_reported"] < since:
                continue
            if until and r["first_reported"] and r["first_reported"][: len(until)] > until:
                continue
            current = intervals[-1] if intervals else None
            if as_of:
                holding = [iv for iv in intervals if iv.holds_on(as_of)]
                if not holding:
                    continue
                current = holding[-1]
            if current is not None:
                r["valid_from"], r["valid_to"] = current.valid_from, current.valid_to
            r["intervals"] = [iv.to_dict() for iv in intervals]
            r["a_name"] = names.get(a, a)
            r["b_name"] = names.get(b, b)
            r["created_at"] = r["created_at"].isoformat() if r.get("created_at") else None
            r["updated_at"] = r["updated_at"].isoformat() if r.get("updated_at") else None
            for s in r["sources"]:
                s.pop("id", None)
            out.append(r)
        return out

    def candidates(self, *, min_mentions: int = 1) -> list[dict]:
        with self._read() as conn:
            q = (sa.select(candidate_actors).where(candidate_actors.c.mentions >= min_mentions)
                 .order_by(candidate_actors.c.mentions.desc(), candidate_actors.c.normalized))
            return [dict(r._mapping) for r in conn.execute(q)]


def _attribution(blamed: list[tuple], merged: dict[str, str]) -> list[dict]:
    """Who each source blames: one entry per perpetrator named, with the documents naming it."""
    by_actor: dict[str, list] = {}
    for document_id, actor in blamed:
        if actor:
            by_actor.setdefault(merged.get(actor, actor), []).append(document_id)
    return [{"actor": a, "documents": docs} for a, docs in sorted(by_actor.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


def _unique(items: Iterable) -> list:
    out: list = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out


def _actor_map(conn) -> dict[str, str]:
    """Actor ids merged by review -> the id they were merged into."""
    from cartelscope.resolve.review import actor_map

    return actor_map(conn)


def _chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
