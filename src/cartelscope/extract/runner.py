"""Streaming extraction over files: constant memory, one record per document as it goes."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from cartelscope.errors import CartelscopeError
from cartelscope.ingest.sources import FILE_KINDS, Failure, iter_file, read_text_file


def iter_texts(paths: list[str], failures: list[str]) -> Iterator[tuple[str, str, dict]]:
    """(doc, text, fields) per document. Plain text is used exactly as stored in the file, so
    evidence spans index the file's own text; HTML and JSON records go through their readers."""
    for given in paths:
        p = Path(given)
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in FILE_KINDS) if p.is_dir() else [p]
        for f in files:
            shown = str(f) if p.is_dir() else given
            if not f.exists():
                failures.append(f"{shown}: no such file")
                continue
            if f.suffix.lower() in (".txt", ".md", ""):
                try:
                    yield shown, read_text_file(f), {}
                except CartelscopeError as exc:
                    failures.append(f"{shown}: {exc}")
                continue
            for item in iter_file(f, shown):
                if isinstance(item, Failure):
                    failures.append(str(item))
                else:
                    yield item.origin, item.text, {"published": item.published, "title": item.title, "url": item.url}


def extract_files(paths: list[str], extractor, *, published: str | None = None,
                  failures: list[str] | None = None) -> Iterator[dict]:
    failures = failures if failures is not None else []
    for doc, text, fields in iter_texts(paths, failures):
        try:
            result = extractor.extract(text, published=published or fields.get("published"))
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the stream
            failures.append(f"{doc}: extraction failed: {type(exc).__name__}: {exc}")
            continue
        yield result.to_record(doc)
