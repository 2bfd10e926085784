"""Parquet export with pyarrow: ``events``, ``actors`` and ``relations`` tables.

``-o`` names a directory (existing, or given with a trailing slash), which receives
``events.parquet``, ``actors.parquet`` and ``relations.parquet``; any other path is a prefix:
``out/mx`` gives ``out/mx_events.parquet`` and so on. Events are written one row group per batch
through a ``ParquetWriter`` with a fixed schema, so memory stays flat however many there are.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from cartelscope.interop.common import InteropError
from cartelscope.interop.job import exporter

STR, INT, FLT, LIST = pa.string(), pa.int64(), pa.float64(), pa.list_(pa.string())
EVENT_SCHEMA = pa.schema([
    ("id", STR), ("dataset", STR), ("dataset_id", STR), ("date", STR), ("date_end", STR),
    ("date_precision", INT), ("year", INT), ("event_type", STR), ("sub_event_type", STR),
    ("actor1", STR), ("actor2", STR), ("assoc_actors", LIST), ("actor_names", LIST), ("state", STR),
    ("municipality", STR), ("municipality_code", STR), ("location", STR), ("lat", FLT), ("lon", FLT),
    ("geo_precision", INT), ("fatalities", INT), ("fatalities_low", INT), ("fatalities_best", INT), ("fatalities_high", INT),
    ("tactics", LIST), ("tags", LIST), ("certainty", STR), ("civilian_targeting", pa.bool_()),
    ("summary", STR), ("status", STR),
])
ACTOR_SCHEMA = pa.schema([
    ("id", STR), ("name", STR), ("kind", STR), ("parent", STR), ("parent_relation", STR), ("country", STR),
    ("acled_type", STR), ("aliases", LIST), ("origin", STR), ("first_seen", STR), ("last_seen", STR),
    ("mentions", INT),
])
RELATION_SCHEMA = pa.schema([
    ("id", STR), ("kind", STR), ("a", STR), ("b", STR), ("a_name", STR), ("b_name", STR),
    ("valid_from", STR), ("valid_to", STR), ("first_reported", STR), ("last_reported", STR),
    ("certainty", STR), ("status", STR), ("n_sources", INT), ("source_urls", LIST),
])


def output_paths(path: Path) -> dict[str, Path]:
    if path.is_dir() or str(path).endswith(os.sep):
        path.mkdir(parents=True, exist_ok=True)
        return {name: path / f"{name}.parquet" for name in ("events", "actors", "relations")}
    if not path.parent.exists():
        raise InteropError(f"{path}: folder {path.parent} does not exist")
    return {name: path.with_name(f"{path.name}_{name}.parquet") for name in ("events", "actors", "relations")}


def _event_row(e: dict) -> dict:
    role = {a["role"]: a["id"] for a in e["actors"] if a["role"] != "assoc"}
    return {"id": e["id"], "dataset": e["dataset"], "dataset_id": e["dataset_id"], "date": e["date"],
            "date_end": e["date_end"], "date_precision": e["date_precision"], "year": e["year"],
            "event_type": e["event_type"], "sub_event_type": e["sub_event_type"], "actor1": role.get("actor1"),
            "actor2": role.get("actor2"), "assoc_actors": [a["id"] for a in e["actors"] if a["role"] == "assoc"],
            "actor_names": [a["name"] for a in e["actors"]], "state": e["state"], "municipality": e["municipality"],
            "municipality_code": e["municipality_code"], "location": e["location"], "lat": e["lat"], "lon": e["lon"],
            "geo_precision": e["geo_precision"], "fatalities": e["fatalities"], "fatalities_low": e["fatalities_low"],
            "fatalities_best": e.get("fatalities_best"),
            "fatalities_high": e["fatalities_high"], "tactics": list(e["tactics"] or []), "tags": list(e["tags"] or []),
            "certainty": e["certainty"], "civilian_targeting": bool(e["civilian_targeting"]), "summary": e["summary"],
            "status": e["status"]}


def _write_table(rows: list[dict], schema: pa.Schema, target: Path) -> None:
    tmp = target.with_name(f".{target.name}.partial")
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
    os.replace(tmp, target)


@exporter("parquet")
def export_parquet(job) -> int:
    """Write the three files; returns the number of events."""
    paths = output_paths(Path(job.path))
    n = 0
    tmp = paths["events"].with_name(f".{paths['events'].name}.partial")
    try:
        with pq.ParquetWriter(tmp, EVENT_SCHEMA) as writer:
            for batch in job.batches():
                writer.write_table(pa.Table.from_pylist([_event_row(e) for e in batch], schema=EVENT_SCHEMA))
                n += len(batch)
        os.replace(tmp, paths["events"])
        actors = [{k: r.get(k) for k in ACTOR_SCHEMA.names} for r in job.actor_table().values()]
        _write_table(sorted(actors, key=lambda r: r["id"]), ACTOR_SCHEMA, paths["actors"])
        rels = job.store.relations(actor=job.flt.actor, since=job.flt.since, until=job.flt.until)
        rows = [{**{k: r.get(k) for k in RELATION_SCHEMA.names}, "n_sources": len(r["sources"]),
                 "source_urls": [s["url"] for s in r["sources"] if s.get("url")]} for r in rels]
        _write_table(rows, RELATION_SCHEMA, paths["relations"])
    except OSError as exc:
        raise InteropError(f"{job.path}: cannot write ({exc.strerror or exc})") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return n
