"""Source kinds: files (.txt .md .html .htm .json .jsonl), folders, article URLs and feeds.

:func:`iter_items` turns the user's SOURCE arguments into a stream of :class:`Item` (one article's
fields) or :class:`Failure` (what went wrong, and where), so one bad file, line or feed entry never
stops the batch.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from cartelscope import config
from cartelscope.errors import CartelscopeError, IngestError
from cartelscope.ingest import fetch as fetch_mod
from cartelscope.ingest.html import extract_article

FILE_KINDS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
FIELDS = ("title", "text", "url", "published", "source")


@dataclass
class Item:
    origin: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class Failure:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def decode_text(data: bytes) -> str:
    """UTF-8 (or UTF-16 with a byte-order mark) to str; refuses binary and other encodings."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise IngestError("not valid UTF-16 text despite its byte-order mark") from None
    if b"\x00" in data[:8192]:
        raise IngestError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None


def _check_size(path: Path, max_bytes: int) -> int:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror}") from None
    if size == 0:
        raise IngestError("empty file")
    if size > max_bytes:
        raise IngestError(f"{size} bytes is over the {max_bytes}-byte limit (CARTELSCOPE_MAX_FILE_BYTES)")
    return size


def read_text_file(path: Path, max_bytes: int | None = None) -> str:
    """Read a UTF-8 text file, refusing empty, oversized, binary and non-UTF-8 files."""
    max_bytes = config.get("max_file_bytes") if max_bytes is None else max_bytes
    _check_size(path, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror}") from None
    text = decode_text(data)
    if not text.strip():
        raise IngestError("empty file (whitespace only)")
    return text


def _title_of(text: str, markdown: bool) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if markdown and line.startswith("#"):
            return line.lstrip("#").strip() or None
        return line if len(line) <= 200 else None
    return None


_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?([T ].*)?")


def _record(origin: str, obj: object) -> Item:
    if not isinstance(obj, dict):
        raise IngestError(f"expected a JSON object with a 'text' field, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError("missing or empty 'text' field")
    limit = config.get("max_file_bytes")
    if len(text) > limit:
        raise IngestError(f"'text' has {len(text)} characters, over the {limit} limit (CARTELSCOPE_MAX_FILE_BYTES)")
    values = {k: obj.get(k) for k in FIELDS if k != "text"}
    for key, value in values.items():
        if value is not None and not isinstance(value, str):
            raise IngestError(f"field {key!r} must be a string, not {type(value).__name__}")
    published = values.get("published")
    if published and not _DATE.fullmatch(published.strip()):
        raise IngestError(f"field 'published' is {published!r}, not a date YYYY-MM-DD")
    extra = {k: v for k, v in obj.items() if k not in FIELDS}
    return Item(origin=origin, text=text, extra=extra, **values)


def _json_items(text: str, shown: str) -> Iterator[Item | Failure]:
    """A JSON document: one article object, or an array of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Failure(f"{shown}:{exc.lineno}", f"not valid JSON: {exc.msg} (column {exc.colno})")
        return
    rows = data if isinstance(data, list) else [data]
    if not rows:
        yield Failure(shown, "empty JSON array")
    for n, obj in enumerate(rows, 1):
        origin = f"{shown}#{n}" if isinstance(data, list) else shown
        try:
            yield _record(origin, obj)
        except IngestError as exc:
            yield Failure(origin, str(exc))


def _jsonl_items(path: Path, shown: str) -> Iterator[Item | Failure]:
    """JSON lines, streamed: the file may be any size, each line is capped like a file."""
    limit = config.get("max_file_bytes")
    try:
        if path.stat().st_size == 0:
            yield Failure(shown, "empty file")
            return
        handle = path.open("rb")
    except OSError as exc:
        yield Failure(shown, f"cannot read: {exc.strerror}")
        return
    found = False
    with handle:
        for n, raw in enumerate(handle, 1):
            origin = f"{shown}:{n}"
            if len(raw) > limit:
                yield Failure(origin, f"line of {len(raw)} bytes is over the {limit}-byte limit (CARTELSCOPE_MAX_FILE_BYTES)")
                continue
            try:
                line = decode_text(raw) if n > 1 else decode_text(raw).lstrip("\ufeff")
            except IngestError as exc:
                yield Failure(origin, str(exc))
                continue
            if not line.strip():
                continue
            found = True
            try:
                obj = json.loads(line.strip())
            except json.JSONDecodeError as exc:
                yield Failure(origin, f"malformed JSON line: {exc.msg} (column {exc.colno})")
                continue
            try:
                yield _record(origin, obj)
            except IngestError as exc:
                yield Failure(origin, str(exc))
    if not found:
        yield Failure(shown, "empty file (no JSON lines)")


def iter_file(path: Path, shown: str) -> Iterator[Item | Failure]:
    """The items of one local file; every problem is a :class:`Failure` naming file and line."""
    kind = FILE_KINDS.get(path.suffix.lower())
    if kind is None:
        yield Failure(shown, f"unsupported file type {path.suffix or '(none)'}; use .txt .md .html .htm .json .jsonl")
        return
    if kind == "jsonl":
        yield from _jsonl_items(path, shown)
        return
    try:
        text = read_text_file(path)
    except IngestError as exc:
        yield Failure(shown, str(exc))
        return
    if kind == "text":
        yield Item(origin=shown, text=text, title=_title_of(text, path.suffix.lower() == ".md"))
    elif kind == "html":
        try:
            art = extract_article(text)
        except IngestError as exc:
            yield Failure(shown, str(exc))
            return
        yield Item(origin=shown, **art)
    else:
        yield from _json_items(text, shown)


def iter_url(url: str, allow_private: bool, *, feeds: bool = True) -> Iterator[Item | Failure]:
    """An article URL, or (when ``feeds``) a feed whose entries are fetched as articles."""
    try:
        page = fetch_mod.fetch(url, allow_private=allow_private)
    except CartelscopeError as exc:
        yield Failure(url, str(exc))
        return
    if page.is_feed:
        if feeds:
            yield from iter_feed(url, page.body, allow_private)
        else:
            yield Failure(url, "links to a feed, not an article (feeds inside feeds are not followed)")
        return
    body = page.text()
    if page.content_type == "application/json":
        yield from _json_items(body, url)
        return
    if page.content_type in ("text/plain", "text/markdown"):
        if not body.strip():
            yield Failure(url, "empty response body")
            return
        yield Item(origin=url, text=body, url=page.final_url, title=_title_of(body, page.content_type == "text/markdown"))
        return
    try:
        art = extract_article(body, url=page.final_url)
    except IngestError as exc:
        yield Failure(url, str(exc))
        return
    item = Item(origin=url, url=page.final_url, **art)
    if feeds:
        item.source = item.source or urlsplit(page.final_url).hostname
    yield item


def iter_feed(url: str, body: bytes, allow_private: bool) -> Iterator[Item | Failure]:
    """Each entry's link is fetched as an article; entries without a usable link are failures."""
    import feedparser

    try:
        feed = feedparser.parse(body)
    except Exception as exc:  # noqa: BLE001 - feedparser on hostile XML; one line, batch goes on
        yield Failure(url, f"cannot parse the feed: {type(exc).__name__}: {exc}")
        return
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        yield Failure(url, f"feed has no readable entries{f' ({reason})' if reason else ''}")
        return
    outlet = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, 1):
        link = entry.get("link")
        origin = f"{url}#item{n}"
        if not link or not is_url(link):
            title = entry.get("title")
            yield Failure(origin, f"feed entry{f' {title!r}' if title else ''} has no http(s) link")
            continue
        for got in iter_url(link, allow_private, feeds=False):
            if isinstance(got, Item):
                got.origin = f"{origin} {link}"
                got.title = got.title or entry.get("title")
                got.source = got.source or outlet or urlsplit(link).hostname
                if not got.published and entry.get("published_parsed"):
                    p = entry.published_parsed
                    got.published = f"{p.tm_year:04d}-{p.tm_mon:02d}-{p.tm_mday:02d}"
            else:
                got.origin = f"{origin} {link}"
            yield got


def _folder_files(path: Path) -> list[Path]:
    files = []
    for p in path.rglob("*"):
        try:
            if p.is_file() and p.suffix.lower() in FILE_KINDS:
                files.append(p)
        except OSError:
            continue
    return sorted(files)


def iter_items(sources: list[str], *, allow_private: bool = False) -> Iterator[Item | Failure]:
    """Expand SOURCE arguments (files, folders, URLs, feeds) into items, in a stable order."""
    for source in sources:
        if is_url(source):
            yield from iter_url(source, allow_private)
            continue
        path = Path(source)
        if path.is_dir():
            files = _folder_files(path)
            if not files:
                yield Failure(source, "folder holds no .txt .md .html .htm .json or .jsonl files")
            for f in files:
                yield from iter_file(f, str(f))
        elif path.is_file():
            yield from iter_file(path, source)
        elif path.exists():
            yield Failure(source, "not a regular file or folder")
        else:
            yield Failure(source, "no such file, folder or http(s) URL")
