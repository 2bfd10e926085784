"""Printing records as a rich table, CSV, a JSON array or JSON lines."""
from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from typing import Any, Iterable, Sequence

FORMATS = ("table", "csv", "json", "jsonl")


def _default(obj: Any):
    if isinstance(obj, (date, datetime)):
        return obj.isoformat()
    if isinstance(obj, (set, frozenset)):
        return sorted(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def dumps(obj: Any, indent: int | None = None) -> str:
    return json.dumps(obj, ensure_ascii=False, default=_default, indent=indent)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v.get("name", v.get("id")) if isinstance(v, dict) else v) for v in value)
    if isinstance(value, dict):
        return dumps(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def emit(rows: Sequence[dict], fmt: str, columns: Sequence[str], *, title: str | None = None,
         out=None) -> None:
    """Write ``rows``; ``columns`` picks and orders the table and CSV columns."""
    out = out or sys.stdout
    if fmt == "json":
        out.write(dumps(list(rows), indent=2) + "\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(dumps(r) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_cell(r.get(c)) for c in columns])
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*[_cell(r.get(c)) for c in columns])
        Console(file=out, width=max(100, min(200, Console().width))).print(table)


def emit_object(obj: dict, fmt: str, out=None) -> None:
    out = out or sys.stdout
    if fmt in ("json", "jsonl"):
        out.write(dumps(obj, indent=2 if fmt == "json" else None) + "\n")
    else:
        rows = [{"key": k, "value": v} for k, v in obj.items()]
        emit(rows, fmt, ["key", "value"], out=out)


def write_lines(records: Iterable[dict], out=None) -> None:
    out = out or sys.stdout
    for r in records:
        out.write(dumps(r) + "\n")
        out.flush()
