"""Response formats: JSON, CSV and GeoJSON, chosen by ``?format=`` or the Accept header."""
from __future__ import annotations

import csv
import io
from typing import Any, Iterable, Sequence

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from cartelscope.errors import BadFilter
from cartelscope.output import _cell, dumps

MEDIA = {"json": "application/json", "csv": "text/csv; charset=utf-8", "geojson": "application/geo+json"}
ACCEPT = {"text/csv": "csv", "application/geo+json": "geojson", "application/json": "json"}


class JSON(JSONResponse):
    """JSON that keeps accents readable and serialises dates."""

    def render(self, content: Any) -> bytes:
        return dumps(content).encode("utf-8")


def negotiate(request: Request, fmt: str | None, allowed: Sequence[str] = ("json", "csv")) -> str:
    """The format asked for: the ``format`` parameter wins, then the Accept header, then JSON."""
    if fmt:
        chosen = fmt.lower()
    else:
        accept = request.headers.get("accept", "")
        chosen = next((v for k, v in ACCEPT.items() if k in accept), "json")
    if chosen not in allowed:
        raise BadFilter(f"format must be one of {', '.join(allowed)}, not {chosen!r}")
    return chosen


def csv_response(rows: Iterable[dict], columns: Sequence[str], filename: str) -> Response:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_csv_safe(_cell(r.get(c))) for c in columns])
    return Response(buf.getvalue(), media_type=MEDIA["csv"],
                    headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'})


def _csv_safe(value: str) -> str:
    """Defuse spreadsheet formulas in untrusted text (a cell starting = + - @ runs in Excel)."""
    if value and value[0] in "=+@\t\r" or (value[:1] == "-" and not value[1:2].isdigit()):
        return "'" + value
    return value


def event_feature(e: dict) -> dict:
    """An event as a GeoJSON feature. State-level events (precision 3) get no point geometry:
    a state-wide report is not a pin in the capital."""
    geometry = None
    if e.get("lat") is not None and e.get("lon") is not None and e.get("geo_precision") in (1, 2):
        geometry = {"type": "Point", "coordinates": [e["lon"], e["lat"]]}
    props = {k: v for k, v in e.items() if k not in ("lat", "lon", "sources")}
    props["actors"] = [a["name"] for a in e.get("actors", [])]
    props["sources"] = len(e.get("sources", []))
    return {"type": "Feature", "id": e["id"], "geometry": geometry, "properties": props}


def geojson_response(features: list[dict], **meta) -> Response:
    return JSON({"type": "FeatureCollection", "features": features, **meta}, media_type=MEDIA["geojson"])
