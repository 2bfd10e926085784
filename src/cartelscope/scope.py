"""The Python API: one object over a store, the knowledge pack and the extractor.

    >>> import cartelscope
    >>> cs = cartelscope.open("cartelscope.db")
    >>> cs.ingest(["articles/"])
    >>> cs.events_frame(state="MX-MIC", since="2024-01-01")

Every CLI verb is a thin call into a method here.
"""
from __future__ import annotations

from typing import Any, Callable

from cartelscope import config, knowledge
from cartelscope.errors import CartelscopeError
from cartelscope.ingest.pipeline import IngestReport, ingest, ingest_items
from cartelscope.store.filters import EventFilter, actor_ids, state_iso
from cartelscope.store.repository import Store


class Scope:
    def __init__(self, db: str | None = None, *, knowledge: str | None = None):
        self.db = db or config.get("db")
        self._knowledge_dir = knowledge
        self.store = Store(self.db)
        self._extractor = None

    # -- components ----------------------------------------------------------------------
    @property
    def knowledge(self) -> knowledge.KnowledgePack:
        return knowledge_load(self._knowledge_dir)

    @property
    def extractor(self):
        if self._extractor is None:
            from cartelscope.extract.backend import load_extractor

            self._extractor = load_extractor(self.knowledge)
        return self._extractor

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Scope":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------
    def ingest(self, sources: list[str], *, allow_private: bool = False,
               on_item: Callable[[str, str], None] | None = None) -> IngestReport:
        """Ingest files, folders, URLs or feeds; extraction runs on each new document."""
        return ingest(self.store, sources, allow_private=allow_private, extractor=self.extractor,
                      on_item=on_item, resolver=self.resolver())

    def ingest_records(self, items, **kw) -> IngestReport:
        return ingest_items(self.store, items, extractor=self.extractor, resolver=self.resolver(), **kw)

    def reextract(self, document_ids: list[str] | None = None,
                  on_item: Callable[[str, str], None] | None = None) -> dict[str, int]:
        """Run the current extractor again over stored documents (all, or the ids given) and
        replace their sources; review decisions are kept. Near-duplicates are skipped."""
        docs = document_ids or [d["id"] for d in self.store.documents() if not d["near_duplicate_of"]]
        totals = {"documents": 0, "events_before": 0, "events_after": 0, "removed": 0}
        resolver = self.resolver()
        for doc_id in docs:
            row = self.store.document(doc_id)
            if row is None:
                raise CartelscopeError(f"no document {doc_id!r} in {self.db}")
            extraction = self.extractor.extract(row["text"], published=row["published"], lang=row["lang"])
            counts = self.store.replace_extraction(doc_id, extraction, resolver=resolver)
            totals["documents"] += 1
            for k in ("events_before", "events_after", "removed"):
                totals[k] += counts[k]
            if on_item:
                on_item(doc_id, "done")
        return totals

    def resolver(self):
        """The cross-document event resolver used for every write."""
        from cartelscope.resolve import EventResolver

        return EventResolver()

    # -- reading -------------------------------------------------------------------------
    def event_filter(self, **filters) -> EventFilter:
        """An :class:`EventFilter` from user-given filters (actor, state, municipality, type, since,
        until, text, certainty, dataset), resolved against this scope's knowledge pack and store
        exactly as the CLI, the exporters and the REST API resolve them; raises on bad input."""
        return EventFilter.parse(self.knowledge, self.store, **filters)

    def actor_filter(self, actor: str | None) -> list[str] | None:
        """The ids an actor name, alias or id stands for in a filter (see
        :func:`cartelscope.store.filters.actor_ids`); None for no actor; raises if unknown."""
        return actor_ids(self.knowledge, self.store, actor)

    def state_filter(self, state: str | None) -> str | None:
        """The ISO 3166-2 code for a state name or code; None for no state. Raises if unknown."""
        return state_iso(self.knowledge, state)

    def events(self, *, limit=None, offset=0, with_sources=True, include_rejected=False, **filters) -> list[dict]:
        """Events matching the filters of :meth:`event_filter`, newest first (see :meth:`Store.events`)."""
        return self.store.events(limit=limit, offset=offset, with_sources=with_sources,
                                 include_rejected=include_rejected, **self.event_filter(**filters).kwargs())

    def documents(self, **filters) -> list[dict]:
        return self.store.documents(**filters)

    def actors(self, **filters) -> list[dict]:
        return self.store.actors(**filters)

    def relations(self, *, actor=None, **filters) -> list[dict]:
        return self.store.relations(actor=self.actor_filter(actor), **filters)

    def stats(self) -> dict[str, Any]:
        return self.store.stats()

    # -- pandas --------------------------------------------------------------------------
    def events_frame(self, **filters):
        import pandas as pd

        rows = self.events(**filters)
        for r in rows:
            r["actor_ids"] = [a["id"] for a in r["actors"]]
            r["actors"] = "; ".join(a["name"] for a in r["actors"])
            r["source_urls"] = [s["url"] for s in r["sources"]]
            r["n_sources"] = len(r["sources"])
            del r["sources"]
        return pd.DataFrame(rows)

    def actors_frame(self, **filters):
        import pandas as pd

        return pd.DataFrame(self.actors(**filters))

    def relations_frame(self, **filters):
        import pandas as pd

        rows = self.relations(**filters)
        for r in rows:
            r["n_sources"] = len(r.pop("sources"))
        return pd.DataFrame(rows)

    def documents_frame(self, **filters):
        import pandas as pd

        return pd.DataFrame(self.documents(**filters))


def knowledge_load(folder):
    return knowledge.load(folder)
