"""UCDP Georeferenced Event Dataset (GED): import the 49-column CSV, export a UCDP-style CSV.

Mapping (docs/interop.md has the full table): ``type_of_violence`` 1 (state-based) and 2
(non-state) become Battles / Armed clash, 3 (one-sided) becomes Violence against civilians /
Attack with side_a as the perpetrator and no actor2 ("Civilians" is a victim category, not an
actor). Sides resolve to knowledge-pack actors through ``aliases.ucdp``; a coalition side keeps
its members as associated actors. ``best``/``low``/``high`` become fatalities / fatalities_low /
fatalities_high. The raw UCDP fields go to ``event_sources.detail["ucdp"]`` so the UCDP export
gives them back unchanged.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from cartelscope.interop.common import (
    GEO_TO_UCDP_WHERE,
    TIME_TO_UCDP_DATE,
    UCDP_DATE_TO_TIME,
    UCDP_WHERE_TO_GEO,
    Actors,
    ImportedEvent,
    Places,
    RowError,
    full_date,
    iso_date,
    to_coord,
    to_int,
)
from cartelscope.interop.writer import ImportReport, import_dataset

DATASET = "ucdp"
EXTRACTOR = "import:ucdp-ged"
UCDP_COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start",
    "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    "gwnoa", "gwnob",
]
REQUIRED = ["id", "type_of_violence", "side_a", "side_b", "date_start", "best", "low", "high",
            "where_prec", "date_prec", "adm_1", "adm_2", "latitude", "longitude"]
CIVILIANS = "Civilians"
TYPES = {1: ("Battles", "Armed clash"), 2: ("Battles", "Armed clash"),
         3: ("Violence against civilians", "Attack")}
VIOLENCE_LABEL = {1: "state-based", 2: "non-state", 3: "one-sided"}
# UCDP appends "municipality" to adm_2, sometimes misspelt ("municpality", "muncipality").
_ADM2_SUFFIX = re.compile(r"\s+(mu\w*|delegaci\w+|borough)$", re.IGNORECASE)
_ADM1_SUFFIX = re.compile(r"\s+state$", re.IGNORECASE)
RAW_SKIP = {"source_headline"}


def map_row(row: dict, actors: Actors, places: Places) -> ImportedEvent:
    """One GED row as an event with its actors and its evidence row; RowError if malformed."""
    ged_id = (row.get("id") or "").strip()
    if not ged_id or len(ged_id) > 54:
        raise RowError(f"id {ged_id!r} is empty or too long")
    violence = to_int(row.get("type_of_violence"), "type_of_violence")
    if violence not in TYPES:
        raise RowError(f"type_of_violence {row.get('type_of_violence')!r} is not 1, 2 or 3")
    side_a, side_b = (row.get("side_a") or "").strip(), (row.get("side_b") or "").strip()
    if not side_a or not side_b:
        raise RowError("side_a and side_b must both be given")
    start = iso_date(row.get("date_start"), "date_start")
    end = iso_date(row["date_end"], "date_end") if (row.get("date_end") or "").strip() else None
    date_prec = to_int(row.get("date_prec"), "date_prec", default=1)
    where_prec = to_int(row.get("where_prec"), "where_prec")
    if date_prec not in UCDP_DATE_TO_TIME:
        raise RowError(f"date_prec {date_prec} is not 1-5")
    if where_prec is not None and not 1 <= where_prec <= 7:
        raise RowError(f"where_prec {where_prec} is not 1-7")
    best = to_int(row.get("best"), "best")
    low = to_int(row.get("low"), "low", default=best)
    high = to_int(row.get("high"), "high", default=best)
    if any(x is not None and x < 0 for x in (best, low, high)):
        raise RowError("deaths cannot be negative")
    lat = to_coord(row.get("latitude"), "latitude", 90)
    lon = to_coord(row.get("longitude"), "longitude", 180)

    new_actors: dict[str, dict] = {}
    kind_a = "state_force" if side_a.startswith("Government of") else "unknown"
    actor1, rows_a = actors.get(side_a, kind=kind_a, acled_type="State forces" if kind_a == "state_force" else None)
    new_actors.update(rows_a)
    roles = [(actor1, "actor1")]
    assoc = actors.members(actor1)
    actor2 = None
    one_sided = violence == 3 or side_b == CIVILIANS
    if not one_sided:
        kind_b = "state_force" if side_b.startswith("Government of") else "unknown"
        actor2, rows_b = actors.get(side_b, kind=kind_b,
                                    acled_type="State forces" if kind_b == "state_force" else None)
        new_actors.update(rows_b)
        roles.append((actor2, "actor2"))
        assoc += actors.members(actor2)
    roles += [(m, "assoc") for m in assoc]

    state = places.state(_ADM1_SUFFIX.sub("", row.get("adm_1") or "")) or places.state(row.get("adm_1"))
    adm2 = _ADM2_SUFFIX.sub("", (row.get("adm_2") or "").strip())
    muni = places.municipality(state, adm2, lat, lon)
    event_type, sub_type = TYPES[violence]
    dyad = (row.get("dyad_name") or "").strip() or f"{side_a} - {side_b}"
    where = (row.get("where_description") or row.get("where_coordinates") or "").strip()
    summary = f"{dyad} ({VIOLENCE_LABEL[violence]} violence): {best if best is not None else 'unknown'} deaths, " \
              f"UCDP best estimate" + (f"; {where}" if where else "") + "."
    headline = (row.get("source_headline") or "").strip() or None
    values = {
        "id": f"{DATASET}-{ged_id}", "dataset": DATASET, "dataset_id": ged_id,
        "event_date": start, "date_end": end, "date_precision": UCDP_DATE_TO_TIME[date_prec],
        "year": int(start[:4]), "event_type": event_type, "sub_event_type": sub_type,
        "actor1": actor1, "actor2": actor2, "assoc_actors": assoc, "country": "MX",
        "admin1": state, "admin2": muni.name if muni else (adm2 or None),
        "admin2_code": muni.inegi if muni else None,
        "location": (row.get("where_coordinates") or "").strip() or None, "place_id": None,
        "lat": lat, "lon": lon,
        "geo_precision": UCDP_WHERE_TO_GEO.get(where_prec) if where_prec else None,
        "fatalities": best, "fatalities_low": low, "fatalities_best": best, "fatalities_high": high,
        "tactics": [], "tags": [], "certainty": "reported", "civilian_targeting": one_sided,
        "summary": summary, "status": "active", "merged_into": None,
    }
    raw = {k: v for k, v in row.items() if k and k not in RAW_SKIP and v not in (None, "")}
    source = {
        "document_id": None, "char_start": None, "char_end": None, "sentence": headline,
        "extractor_version": EXTRACTOR, "reported_actors": [side_a, side_b], "reported_fatalities": best,
        "certainty": "reported", "detail": {"ucdp": raw},
    }
    return ImportedEvent(values=values, roles=roles, source=source, new_actors=new_actors)


def import_ucdp(store, pack, path: str | Path, *, chunk: int | None = None) -> ImportReport:
    """Import a UCDP GED CSV into the store; idempotent (rows already stored are skipped)."""
    return import_dataset(store, pack, path, dataset=DATASET, label="UCDP GED", required=REQUIRED,
                          map_row=map_row, chunk=chunk, source_version=EXTRACTOR)


# -- export ----------------------------------------------------------------------------------
def violence_type(event: dict, kinds: dict[str, str]) -> int | None:
    """UCDP type_of_violence of a stored event; None for events UCDP does not count (arrests...)."""
    if event["event_type"] == "Violence against civilians" or (
            event["civilian_targeting"] and event["event_type"] in ("Battles", "Explosions/Remote violence")):
        return 3
    if event["event_type"] not in ("Battles", "Explosions/Remote violence", "Riots"):
        return None
    roles = [a["id"] for a in event["actors"] if a["role"] in ("actor1", "actor2")]
    return 1 if any(kinds.get(a) == "state_force" for a in roles) else 2


def ucdp_state(places: Places, iso: str | None) -> str:
    if not iso:
        return ""
    name = places.state_name(iso)
    return name if iso == "MX-CMX" else f"{name} state"


def export_row(event: dict, table: dict[str, dict], places: Places) -> dict:
    """A UCDP-style row: raw UCDP fields for imported UCDP events, derived fields otherwise;
    dates, deaths and coordinates always reflect the stored (possibly reviewed) event."""
    sources = event.get("sources") or []
    raw = dict((sources[0].get("detail") or {}).get("ucdp") or {}) if sources and event["dataset"] == DATASET else {}
    if raw:
        raw["source_headline"] = sources[0].get("sentence") or ""
    else:
        kinds = {k: v.get("kind") for k, v in table.items()}
        by_role = {a["role"]: a for a in event["actors"]}
        tov = violence_type(event, kinds)
        side_b = by_role.get("actor2", {}).get("name") or (CIVILIANS if tov == 3 else "")
        side_a = by_role.get("actor1", {}).get("name", "")
        urls = [s["url"] for s in sources if s.get("url")]
        raw = {
            "id": event["id"], "year": event["year"] or "", "type_of_violence": tov or "",
            "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else "", "side_a": side_a, "side_b": side_b,
            "number_of_sources": len(sources), "source_article": "; ".join(urls),
            "source_office": "; ".join(sorted({s["outlet"] for s in sources if s.get("outlet")})),
            "source_date": min((s["published"] for s in sources if s.get("published")), default=""),
            "source_headline": next((s["sentence"] for s in sources if s.get("sentence")), ""),
            "where_prec": GEO_TO_UCDP_WHERE.get(event["geo_precision"], ""),
            "where_coordinates": event["location"] or "", "where_description": event["location"] or "",
            "adm_1": ucdp_state(places, event["state"]),
            "adm_2": f"{event['municipality']} municipality" if event["municipality"] else "",
            "country": "Mexico", "country_id": 70, "region": "Americas",
            "date_prec": TIME_TO_UCDP_DATE.get(event["date_precision"], 1),
        }
    start, _ = full_date(event["date"])
    raw.update({
        "date_start": start or "", "date_end": event.get("date_end") or start or "",
        "best": _blank(event["fatalities_best"] if event.get("fatalities_best") is not None else event["fatalities"]), "low": _blank(event["fatalities_low"]),
        "high": _blank(event["fatalities_high"]),
    })
    moved = _float(raw.get("latitude")) != event["lat"] or _float(raw.get("longitude")) != event["lon"]
    if moved or "geom_wkt" not in raw:
        raw.update({"latitude": _blank(event["lat"]), "longitude": _blank(event["lon"]),
                    "geom_wkt": f"POINT ({event['lon']} {event['lat']})" if event["lat"] is not None else ""})
    return raw


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _blank(value: Any) -> Any:
    return "" if value is None else value


def export_ucdp(job) -> int:
    """Write a UCDP-style CSV (the 49 GED columns) to ``job.path``; returns the rows written."""
    places = Places(job.pack)
    table = job.actor_table()
    with job.open_text() as out:
        writer = csv.DictWriter(out, fieldnames=UCDP_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        n = 0
        for batch in job.batches(with_sources=True):
            writer.writerows(export_row(e, table, places) for e in batch)
            n += len(batch)
    return n
