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
    """Counts for one run. ``stopped`` is set when the database became unusable (read-only,
    locked, server gone) or the run was interrupted; the sources after that point were not read."""

    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)
    stopped: str | None = None

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.stopped is None

    def as_dict(self) -> dict:
        return {"new": self.new, "duplicate": self.duplicate, "near_duplicate": self.near_duplicate,
                "failed": self.failed, "failures": self.failures, "stopped": self.stopped}


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

    def failed(origin: str, message: str) -> None:
        report.failed += 1
        report.failures.append(f"{origin}: {message}")
        if on_item:
            on_item(origin, "failed")

    try:
        for item in items:
            if isinstance(item, Failure):
                failed(item.origin, item.message)
                continue
            try:
                status, doc_id = _ingest_one(store, item, extractor, resolver)
            except StoreError as exc:
                failed(item.origin, str(exc))
                if _fatal(exc):
                    report.stopped = f"stopped: {exc}; the remaining sources were not read"
                    break
                continue
            except CartelscopeError as exc:
                failed(item.origin, str(exc))
                continue
            except Exception as exc:  # noqa: BLE001 - a bug on one document must not end the batch
                failed(item.origin, f"internal error ({type(exc).__name__}: {exc}); nothing stored for it")
                continue
            setattr(report, status, getattr(report, status) + 1)
            if doc_id:
                report.document_ids.append(doc_id)
            if on_item:
                on_item(item.origin, status)
    except KeyboardInterrupt:
        report.stopped = "interrupted; documents stored before this point are complete"
    return report


def _ingest_one(store, item: Item, extractor, resolver) -> tuple[str, str | None]:
    """Store one item (one transaction); returns (status, document id)."""
    doc = to_document(item)
    if not doc.text:
        raise CartelscopeError("empty text after cleaning")
    check = store.check_duplicate(doc)
    if check.status == "duplicate":
        return "duplicate", None
    if check.status == "near_duplicate":
        store.add_document(doc, None, near_duplicate_of=check.of)
        return "near_duplicate", doc.id
    extraction = extractor(doc) if extractor else None
    store.add_document(doc, extraction, resolver=resolver)
    return "new", doc.id


_FATAL = ("read-only", "locked", "cannot connect", "cannot open", "server closed", "terminating connection",
          "no such table", "disk is full", "disk i/o")


def _fatal(exc: StoreError) -> bool:
    """Errors about the database itself, after which every further write would fail too."""
    text = str(exc).lower()
    return any(marker in text for marker in _FATAL)


def ingest(store, sources: list[str], *, allow_private: bool = False, **kwargs) -> IngestReport:
    return ingest_items(store, iter_items(sources, allow_private=allow_private), **kwargs)
