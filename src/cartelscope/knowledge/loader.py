"""Loading and validating the knowledge pack, with user overrides.

Bad entries are reported as ``FILE:LINE: what is wrong``. A user folder holds files with the
same names as the bundled ones; its entries are added, and an entry with an existing ``id``
(or ``iso`` / ``inegi`` for places) replaces the bundled one.
"""
from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any, Callable

import yaml
from pydantic import BaseModel, ValidationError

from cartelscope.errors import KnowledgeError
from cartelscope.knowledge import models as m

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


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise KnowledgeError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except UnicodeDecodeError:
        raise KnowledgeError(f"{path}: not UTF-8 text") from None


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
    for raw in entries:
        if not isinstance(raw, dict):
            raise KnowledgeError(f"{path}: every {key} entry must be a mapping, got {raw!r}")
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


def read_csv(path: Path, model: type[BaseModel], convert: Callable[[dict], dict]) -> list:
    out = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), 2):
                try:
                    out.append(model.model_validate(convert(row)))
                except (ValidationError, ValueError, KeyError) as exc:
                    msg = _describe(exc) if isinstance(exc, ValidationError) else str(exc)
                    raise KnowledgeError(f"{path}:{n}: {msg}") from None
    except UnicodeDecodeError:
        raise KnowledgeError(f"{path}: not UTF-8 text") from None
    return out


def merge(base: list, extra: list, key: str) -> list:
    """Entries of ``extra`` replace those of ``base`` with the same key; new ones are appended."""
    index = {getattr(e, key): i for i, e in enumerate(base)}
    out = list(base)
    for e in extra:
        k = getattr(e, key)
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
