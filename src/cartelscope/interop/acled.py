"""ACLED: import a licensed ACLED CSV export, export events as an ACLED-format CSV.

ACLED's terms forbid redistributing its data, so nothing from ACLED ships with cartelscope; the
importer reads a file the user has licensed. Exported ids are ``CSMEX`` plus a sequence number
in export order: ACLED's own ids are ``MEX`` plus digits, so the two can never collide. The
optional provenance sidecar links each exported id to the cartelscope event, its source URLs,
evidence sentences and spans, certainty and cluster (merged duplicates).
"""
from __future__ import annotations

import csv
from contextlib import nullcontext
from pathlib import Path

from cartelscope.interop.common import (
    ACLED_COLUMNS,
    ACLED_TYPES,
    DISORDER_TYPES,
    INTER_CODES,
    INTER_NAMES,
    KIND_FOR_INTER,
    MEXICO_ISO_NUMERIC,
    Actors,
    ImportedEvent,
    Places,
    RowError,
    full_date,
    interaction_code,
    inter_code,
    iso_date,
    to_coord,
    to_int,
)
from cartelscope.interop.writer import ImportReport, import_dataset

DATASET = "acled"
EXTRACTOR = "import:acled"
REQUIRED = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
            "admin1", "admin2", "location", "latitude", "longitude", "fatalities"]
ID_PREFIX = "CSMEX"
PROVENANCE_COLUMNS = ["event_id_cnty", "cs_event_id", "cs_dataset", "cs_dataset_id", "cs_status", "cs_certainty",
                      "cs_cluster_size", "cs_source_urls", "cs_evidence", "cs_evidence_spans", "cs_tactics"]
RAW_KEEP = ("event_id_cnty", "disorder_type", "inter1", "inter2", "interaction", "assoc_actor_2", "admin3",
            "source", "source_scale", "timestamp", "iso", "region")


def _inter(value: str | None) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return int(value)
    if value in INTER_CODES:
        return INTER_CODES[value]
    raise RowError(f"inter code {value!r} is neither 1-8 nor an ACLED actor category")


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def _is_civilians(name: str, inter: int | None) -> bool:
    return inter == 7 or name.lower().startswith("civilians")


def map_row(row: dict, actors: Actors, places: Places) -> ImportedEvent | None:
    """One ACLED row as an event; None for rows outside Mexico; RowError if malformed."""
    if (row.get("country") or "").strip() not in ("Mexico", "México") and \
            (row.get("iso") or "").strip() != str(MEXICO_ISO_NUMERIC):
        return None
    acled_id = (row.get("event_id_cnty") or "").strip()
    if not acled_id or len(acled_id) > 54:
        raise RowError(f"event_id_cnty {acled_id!r} is empty or too long")
    event_type, sub_type = (row.get("event_type") or "").strip(), (row.get("sub_event_type") or "").strip()
    if sub_type not in ACLED_TYPES.get(event_type, ()):
        raise RowError(f"event type {event_type!r} / {sub_type!r} is not in ACLED's codebook")
    day = iso_date(row.get("event_date"), "event_date")
    precision = to_int(row.get("time_precision"), "time_precision", default=1)
    geo = to_int(row.get("geo_precision"), "geo_precision")
    if precision not in (1, 2, 3) or (geo is not None and geo not in (1, 2, 3)):
        raise RowError("time_precision and geo_precision must be 1, 2 or 3")
    fatalities = to_int(row.get("fatalities"), "fatalities", default=0)
    if fatalities < 0:
        raise RowError("fatalities cannot be negative")
    lat = to_coord(row.get("latitude"), "latitude", 90)
    lon = to_coord(row.get("longitude"), "longitude", 180)
    inter1, inter2 = _inter(row.get("inter1")), _inter(row.get("inter2"))

    new_actors: dict[str, dict] = {}
    roles: list[tuple[str, str]] = []
    civilian = (row.get("civilian_targeting") or "").strip().lower().startswith("civilian")
    ids: dict[str, str | None] = {"actor1": None, "actor2": None}
    for role, inter in (("actor1", inter1), ("actor2", inter2)):
        name = (row.get(role) or "").strip()
        if not name:
            continue
        if _is_civilians(name, inter):
            civilian = True
            continue
        actor_id, rows = actors.get(name, kind=KIND_FOR_INTER.get(inter or 3, "unknown"),
                                    acled_type=INTER_NAMES.get(inter or 0))
        new_actors.update(rows)
        ids[role] = actor_id
        roles.append((actor_id, role))
    if ids["actor1"] is None:
        raise RowError("actor1 is empty (or names civilians, who are never the actor in ACLED)")
    assoc: list[str] = []
    for name in _split(row.get("assoc_actor_1")) + _split(row.get("assoc_actor_2")):
        if _is_civilians(name, None):
            continue
        actor_id, rows = actors.get(name)
        new_actors.update(rows)
        if actor_id not in assoc and actor_id not in ids.values():
            assoc.append(actor_id)
    for actor_id in list(ids.values()):
        for member in actors.members(actor_id) if actor_id else []:
            if member not in assoc:
                assoc.append(member)
    roles += [(a, "assoc") for a in assoc]

    state = places.state(row.get("admin1"))
    adm2 = (row.get("admin2") or "").strip()
    muni = places.municipality(state, adm2, lat, lon)
    notes = (row.get("notes") or "").strip() or None
    raw = {k: row[k] for k in RAW_KEEP if (row.get(k) or "").strip()}
    values = {
        "id": f"{DATASET}-{acled_id}", "dataset": DATASET, "dataset_id": acled_id,
        "event_date": day, "date_end": None, "date_precision": precision, "year": int(day[:4]),
        "event_type": event_type, "sub_event_type": sub_type, "actor1": ids["actor1"], "actor2": ids["actor2"],
        "assoc_actors": assoc, "country": "MX", "admin1": state,
        "admin2": muni.name if muni else (adm2 or None), "admin2_code": muni.inegi if muni else None,
        "location": (row.get("location") or "").strip() or None, "place_id": None, "lat": lat, "lon": lon,
        "geo_precision": geo, "fatalities": fatalities, "fatalities_low": fatalities, "fatalities_best": fatalities,
        "fatalities_high": fatalities, "tactics": [], "tags": _split(row.get("tags")),
        "certainty": "reported", "civilian_targeting": civilian, "summary": notes, "status": "active",
        "merged_into": None,
    }
    source = {
        "document_id": None, "char_start": None, "char_end": None, "sentence": notes,
        "extractor_version": EXTRACTOR,
        "reported_actors": [n for n in ((row.get("actor1") or "").strip(), (row.get("actor2") or "").strip()) if n],
        "reported_fatalities": fatalities, "certainty": "reported", "detail": {"acled": raw},
    }
    return ImportedEvent(values=values, roles=roles, source=source, new_actors=new_actors)


def import_acled(store, pack, path: str | Path, *, chunk: int | None = None) -> ImportReport:
    """Import an ACLED CSV export (Mexico rows); idempotent, bad rows reported and skipped."""
    return import_dataset(store, pack, path, dataset=DATASET, label="ACLED", required=REQUIRED,
                          map_row=map_row, chunk=chunk, source_version=EXTRACTOR)


# -- export ----------------------------------------------------------------------------------
def export_row(n: int, event: dict, table: dict[str, dict], places: Places) -> dict:
    """The 31 ACLED columns for one stored event; ``n`` numbers it in the export."""
    by_role: dict[str, list[dict]] = {}
    for a in event["actors"]:
        by_role.setdefault(a["role"], []).append(a)
    raw = _raw(event, DATASET)

    def inter_of(actor: dict | None) -> int | None:
        if actor is None:
            return None
        info = table.get(actor["id"], {})
        return inter_code(info.get("acled_type"), info.get("kind"))

    a1 = (by_role.get("actor1") or [None])[0]
    a2 = (by_role.get("actor2") or [None])[0]
    inter1, inter2 = inter_of(a1), inter_of(a2)
    actor2_name = a2["name"] if a2 else ""
    if a2 is None and event["civilian_targeting"] and event["event_type"] == "Violence against civilians":
        actor2_name, inter2 = "Civilians (Mexico)", 7
    day, padded = full_date(event["date"])
    precision = event["date_precision"] or 1
    if padded:
        precision = 3
    sources = event.get("sources") or []
    outlets = [s["outlet"] for s in sources if s.get("outlet")]
    if not outlets and raw.get("source"):
        outlets = [raw["source"]]
    elif not outlets and event["dataset"] == "ucdp":
        outlets = [_raw(event, "ucdp").get("source_office") or "UCDP GED"]
    low = event["fatalities_low"] if event["fatalities_low"] is not None else event["fatalities"]
    stamp = event.get("updated_at")
    return {
        "event_id_cnty": f"{ID_PREFIX}{n:06d}", "event_date": day or "", "year": event.get("year") or "",
        "time_precision": precision, "disorder_type": DISORDER_TYPES.get(event["event_type"], ""),
        "event_type": event["event_type"], "sub_event_type": event["sub_event_type"],
        "actor1": a1["name"] if a1 else "",
        "assoc_actor_1": "; ".join(a["name"] for a in by_role.get("assoc", [])),
        "inter1": inter1 or "", "actor2": actor2_name, "assoc_actor_2": "", "inter2": inter2 or "",
        "interaction": interaction_code(inter1, inter2) or "",
        "civilian_targeting": "Civilian targeting" if event["civilian_targeting"] else "",
        "iso": MEXICO_ISO_NUMERIC, "region": "Central America", "country": "Mexico",
        "admin1": places.state_name(event["state"]), "admin2": event["municipality"] or "",
        "admin3": raw.get("admin3", ""), "location": event["location"] or "",
        "latitude": "" if event["lat"] is None else event["lat"],
        "longitude": "" if event["lon"] is None else event["lon"],
        "geo_precision": event["geo_precision"] or "", "source": "; ".join(dict.fromkeys(outlets)),
        "source_scale": raw.get("source_scale", ""), "notes": event["summary"] or "",
        "fatalities": low if low is not None else 0, "tags": "; ".join(event["tags"] or []),
        "timestamp": int(stamp.timestamp()) if stamp is not None else "",
    }


def _raw(event: dict, dataset: str) -> dict:
    if event["dataset"] != dataset:
        return {}
    for s in event.get("sources") or []:
        if (s.get("detail") or {}).get(dataset):
            return s["detail"][dataset]
    return {}


def provenance_row(event_id_cnty: str, event: dict) -> dict:
    sources = event.get("sources") or []
    spans = [f"{s['document_id']}:{s['char_span'][0]}-{s['char_span'][1]}" for s in sources
             if s.get("document_id") and s.get("char_span")]
    return {
        "event_id_cnty": event_id_cnty, "cs_event_id": event["id"], "cs_dataset": event["dataset"],
        "cs_dataset_id": event["dataset_id"] or "", "cs_status": event["status"],
        "cs_certainty": event["certainty"], "cs_cluster_size": len(sources),
        "cs_source_urls": " ".join(dict.fromkeys(s["url"] for s in sources if s.get("url"))),
        "cs_evidence": " | ".join(s["sentence"].replace("\n", " ") for s in sources if s.get("sentence")),
        "cs_evidence_spans": "; ".join(spans), "cs_tactics": "; ".join(event["tactics"] or []),
    }


def export_acled(job) -> int:
    """Write the ACLED CSV (and the provenance sidecar when ``job.provenance`` is set)."""
    places = Places(job.pack)
    table = job.actor_table()
    n = 0
    with job.open_text() as out:
        writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        side = None
        with (job.open_text(job.provenance) if job.provenance else nullcontext()) as prov:
            if prov is not None:
                side = csv.DictWriter(prov, fieldnames=PROVENANCE_COLUMNS, lineterminator="\n")
                side.writeheader()
            for batch in job.batches(with_sources=True):
                for event in batch:
                    n += 1
                    row = export_row(n, event, table, places)
                    writer.writerow(row)
                    if side is not None:
                        side.writerow(provenance_row(row["event_id_cnty"], event))
    return n

