"""GeoJSON export: one FeatureCollection of event points plus per-state and per-municipality
aggregates.

Each feature has a ``layer`` property: ``event``, ``state`` or ``municipality``. Events are Point
features (WGS84, [lon, lat]) with ``geo_precision`` and its meaning in ``geo_precision_label``, so
a point placed at a state's centroid is never read as an exact place; events without
coordinates keep a null geometry. Aggregates are Polygon/MultiPolygon features carrying the
INEGI boundaries shipped with the dashboard (``web/static/geo``), one per state or municipality
that has at least one exported event. Events are written as they stream; only the aggregate
counters (at most one per municipality) stay in memory.
"""
from __future__ import annotations

import json
from pathlib import Path

from cartelscope.interop.common import GEO_PRECISION_LABEL
from cartelscope.interop.job import exporter

GEO = Path(__file__).resolve().parent.parent / "web" / "static" / "geo"


def event_feature(e: dict) -> dict:
    geometry = {"type": "Point", "coordinates": [e["lon"], e["lat"]]} if e["lat"] is not None else None
    return {"type": "Feature", "id": e["id"], "geometry": geometry, "properties": {
        "layer": "event", "id": e["id"], "date": e["date"], "date_precision": e["date_precision"],
        "event_type": e["event_type"], "sub_event_type": e["sub_event_type"],
        "actors": [a["name"] for a in e["actors"]], "actor_ids": [a["id"] for a in e["actors"]],
        "state": e["state"], "municipality": e["municipality"], "municipality_code": e["municipality_code"],
        "location": e["location"], "geo_precision": e["geo_precision"],
        "geo_precision_label": GEO_PRECISION_LABEL.get(e["geo_precision"], "unknown"),
        "fatalities": e["fatalities"], "certainty": e["certainty"], "dataset": e["dataset"],
        "summary": e["summary"],
    }}


class Tally:
    """Counts per area: events, fatalities, first and last date, events per type."""

    def __init__(self):
        self.areas: dict[str, dict] = {}

    def add(self, key: str | None, e: dict) -> None:
        if not key:
            return
        t = self.areas.setdefault(key, {"events": 0, "fatalities": 0, "first_date": None, "last_date": None,
                                        "by_event_type": {}})
        t["events"] += 1
        t["fatalities"] += e["fatalities"] or 0
        if e["date"]:
            t["first_date"] = min(filter(None, [t["first_date"], e["date"]]))
            t["last_date"] = max(filter(None, [t["last_date"], e["date"]]))
        t["by_event_type"][e["event_type"]] = t["by_event_type"].get(e["event_type"], 0) + 1


def _polygons(name: str, key: str) -> dict[str, dict]:
    with (GEO / name).open(encoding="utf-8") as f:
        return {feat["properties"][key]: feat for feat in json.load(f)["features"]}


@exporter("geojson")
def export_geojson(job) -> int:
    """Write the FeatureCollection; returns the number of features."""
    states, munis = Tally(), Tally()
    n = 0
    with job.open_text() as out:
        out.write('{"type": "FeatureCollection", "features": [\n')
        for batch in job.batches():
            for e in batch:
                out.write((",\n" if n else "") + json.dumps(event_feature(e), ensure_ascii=False))
                n += 1
                states.add(e["state"], e)
                munis.add(e["municipality_code"], e)
        for layer, tally, file, key in (("state", states, "states.geojson", "state_iso"),
                                        ("municipality", munis, "municipalities.geojson", "inegi")):
            if not tally.areas:
                continue
            shapes = _polygons(file, key)
            for code in sorted(tally.areas):
                shape = shapes.get(code)
                props = {"layer": layer, "code": code, **(shape["properties"] if shape else {}), **tally.areas[code]}
                feat = {"type": "Feature", "id": f"{layer}:{code}", "geometry": shape["geometry"] if shape else None,
                        "properties": props}
                out.write((",\n" if n else "") + json.dumps(feat, ensure_ascii=False))
                n += 1
        out.write("\n]}\n")
    return n
