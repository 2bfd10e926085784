"""Ingest: sources -> documents -> extraction -> store, one transaction per document."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from cartelscope.errors import CartelscopeError, StoreError
from cartelscope.ingest.sources import Failure, Item, iter_items
from cartelscope.ingest.text import clean_text, detect_language, sha256_text
from cartelscope.model import Document


@dataclass
class IngestReport:
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def as_dict(self) -> dict:
        return {"new": self.new, "duplicate": self.duplicate, "near_duplicate": self.near_duplicate,
                "failed": self.failed, "failures": self.failures}


def to_document(item: Item) -> Document:
    text = clean_text(item.text)
    published = item.published
    if published:
        published = str(published)[:10]
    return Document(
        text=text,
        title=(item.title or "").strip() or None,
        url=item.url,
        published=published,
        source=item.source,
        lang=detect_language(text),
        sha256=sha256_text(text),
        origin=item.origin,
    )


def ingest_items(
    store,
    items: Iterable[Item | Failure],
    *,
    extractor: Callable | None = None,
    resolver=None,
    on_item: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Store each item unless it is a duplicate; near-duplicates are linked to the first copy.

    ``extractor(document) -> Extraction`` runs on new documents only; near-duplicates are stored
    (so their URL and outlet are known) but not extracted again, so a syndicated story does not
    produce its events twice.
    """
    report = IngestReport()

    def note(origin: str, status: str) -> None:
        if on_item:
            on_item(origin, status)

    for item in items:
        if isinstance(item, Failure):
            report.failed += 1
            report.failures.append(str(item))
            note(item.origin, "failed")
            continue
        try:
            doc = to_document(item)
            if not doc.text:
                raise CartelscopeError("empty text after cleaning")
            check = store.check_duplicate(doc)
            if check.status == "duplicate":
                report.duplicate += 1
                note(item.origin, "duplicate")
                continue
            if check.status == "near_duplicate":
                store.add_document(doc, None, near_duplicate_of=check.of)
                report.near_duplicate += 1
                report.document_ids.append(doc.id)
                note(item.origin, "near_duplicate")
                continue
            extraction = extractor(doc) if extractor else None
            store.add_document(doc, extraction, resolver=resolver)
            report.new += 1
            report.document_ids.append(doc.id)
            note(item.origin, "new")
        except StoreError as exc:
            report.failed += 1
            report.failures.append(f"{item.origin}: {exc}")
            note(item.origin, "failed")
            if _fatal(exc):
                # the database itself is unusable: say so once per remaining item, keep counting
                continue
        except CartelscopeError as exc:
            report.failed += 1
            report.failures.append(f"{item.origin}: {exc}")
            note(item.origin, "failed")
    return report


def _fatal(exc: StoreError) -> bool:
    text = str(exc)
    return "read-only" in text or "cannot connect" in text


def ingest(store, sources: list[str], *, allow_private: bool = False, **kwargs) -> IngestReport:
    return ingest_items(store, iter_items(sources, allow_private=allow_private), **kwargs)
