"""Loading and validating the knowledge pack, with user overrides.

Bad entries are reported as ``FILE:LINE: what is wrong``. A user folder holds files with the
same names as the bundled ones; its entries are added, and an entry with an existing ``id``
(or ``iso`` / ``inegi`` for places) replaces the bundled one.
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any, Callable

import yaml
from pydantic import BaseModel, ValidationError

from cartelscope.errors import KnowledgeError

DATA = Path(__file__).parent / "data"

try:  # libyaml is bundled in PyYAML's wheels and parses ~10x faster
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader


class _LineLoader(_BaseLoader):
    """Records the line of each mapping so errors can point at the entry."""


def _construct_mapping(loader, node, deep=False):
    mapping = loader.construct_mapping(node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _strip_lines(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _strip_lines(v) for k, v in obj.items() if k != "__line__"}
    if isinstance(obj, list):
        return [_strip_lines(v) for v in obj]
    return obj


def read_text(path: Path) -> str:
    """A knowledge file's text; a non-UTF-8 file is reported with the line of the first bad byte."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise KnowledgeError(f"{path}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x})") from None


def read_yaml(path: Path) -> Any:
    text = read_text(path)
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else f"{path}:1"
        raise KnowledgeError(f"{where}: not valid YAML: {getattr(exc, 'problem', None) or exc}") from None


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        loc = ".".join(str(x) for x in err["loc"]) or "entry"
        parts.append(f"{loc}: {err['msg']}")
    return "; ".join(parts)


def parse_entries(path: Path, entries: Any, model: type[BaseModel], key: str = "entries") -> list:
    """Validate a YAML list of mappings into models; errors name the file and line."""
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise KnowledgeError(f"{path}: expected a list of {key}")
    out = []
    for n, raw in enumerate(entries, 1):
        if not isinstance(raw, dict):
            raise KnowledgeError(f"{path}: {key} number {n} must be a mapping, got {raw!r}")
        line = raw.get("__line__")
        data = _strip_lines(raw)
        try:
            obj = model.model_validate(data)
        except ValidationError as exc:
            raise KnowledgeError(f"{path}:{line}: {_describe(exc)}") from None
        if "line" in model.model_fields:
            obj.line = line
        obj.__dict__.setdefault("_file", str(path))
        out.append(obj)
    return out


def read_csv(path: Path, columns: tuple[str, ...], build: Callable[[dict], Any]) -> list:
    """Rows of a CSV file built into entries; ``build`` raises ValueError for a bad row.

    The header must hold ``columns``. Errors name the file and the row's line. Rows are built by
    plain functions rather than pydantic models: the 16,880 localities load several times faster.
    """
    reader = csv.DictReader(io.StringIO(read_text(path), newline=""))
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise KnowledgeError(f"{path}:1: header lacks column(s) {', '.join(missing)}")
    out = []
    for row in reader:
        try:
            if None in row:
                raise ValueError(f"{len(row) - 1 + len(row[None])} fields where the header has {len(row) - 1}")
            out.append(build(row))
        except (ValueError, KeyError, TypeError) as exc:
            raise KnowledgeError(f"{path}:{reader.line_num}: {exc}") from None
    return out


def merge(base: list, extra: list, key: str, path: Path | None = None) -> list:
    """Entries of ``extra`` replace those of ``base`` with the same key; new ones are appended.

    The same key twice within ``extra`` (one file) is an error: it is a typo, not an override.
    """
    index = {getattr(e, key): i for i, e in enumerate(base)}
    out = list(base)
    seen: set = set()
    for e in extra:
        k = getattr(e, key)
        if k in seen:
            line = getattr(e, "line", None) or "?"
            raise KnowledgeError(f"{path}:{line}: duplicate {key} {k!r} in the same file")
        seen.add(k)
        if k in index:
            out[index[k]] = e
        else:
            index[k] = len(out)
            out.append(e)
    return out


def user_dir(path: str | os.PathLike | None) -> Path | None:
    if path is None:
        return None
    p = Path(path)
    if not p.is_dir():
        raise KnowledgeError(f"{p}: knowledge folder does not exist")
    return p
