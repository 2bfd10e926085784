"""REST endpoints under ``/api``: thin calls into the Store, the Scope and :mod:`.queries`."""
from __future__ import annotations

import json
import secrets
from dataclasses import asdict
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request

from cartelscope.api import queries as qr
from cartelscope.api.formats import JSON, csv_response, event_feature, geojson_response, negotiate
from cartelscope.errors import BadFilter
from cartelscope.ingest.sources import Item
from cartelscope.store.filters import CERTAINTIES, EventFilter, check_day

router = APIRouter(prefix="/api", default_response_class=JSON)

EVENT_CSV = ["id", "date", "event_type", "sub_event_type", "state", "municipality", "municipality_code",
             "location", "lat", "lon", "geo_precision", "actors", "fatalities", "certainty", "summary", "dataset"]
MAX_PAGE = 1000
MAX_EXPORT = 100_000


def _scope(request: Request):
    return request.app.state.scope


def event_filter(
    request: Request,
    actor: Optional[str] = Query(None, description="Actor id, name or alias (includes its factions)"),
    state: Optional[str] = Query(None, description="State ISO code (MX-MIC) or name"),
    municipality: Optional[str] = Query(None, description="INEGI municipality code or name"),
    type: Optional[str] = Query(None, description="ACLED event type or sub-event type"),
    since: Optional[str] = Query(None, description="Earliest event date YYYY[-MM[-DD]]"),
    until: Optional[str] = Query(None, description="Latest event date YYYY[-MM[-DD]]"),
    text: Optional[str] = Query(None, max_length=200, description="Words in the summary or evidence"),
    certainty: Optional[str] = Query(None, description="asserted, reported, alleged, hedged, denied"),
    dataset: Optional[str] = Query(None, description="cartelscope, ucdp or acled"),
) -> EventFilter:
    return _scope(request).event_filter(actor=actor, state=state, municipality=municipality, type=type,
                                        since=since, until=until, text=text, certainty=certainty, dataset=dataset)


Filters = Depends(event_filter)
Format = Query(None, description="json (default), csv or geojson; or send an Accept header")


def require_token(request: Request, authorization: Optional[str] = Header(None)) -> None:
    """Write endpoints need ``Authorization: Bearer <api_token>``; without a configured token
    the API is read-only."""
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "read-only server: set api_token (CARTELSCOPE_API_TOKEN or serve --token) "
                                 "to enable write endpoints")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not authorization or not secrets.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


@router.get("/health", summary="Liveness check (also the benchmark baseline)")
def health() -> dict:
    return {"status": "ok"}


@router.get("/meta", summary="Event types, states, certainty levels: the dashboard's filter choices")
def meta(request: Request) -> dict:
    pack = _scope(request).knowledge
    types: dict[str, list[str]] = {}
    for t in pack.event_types:
        types.setdefault(t.event_type, []).append(t.sub_event_type)
    return {"event_types": types, "certainties": list(CERTAINTIES),
            "states": [{"iso": s.iso, "name": s.name} for s in sorted(pack.states.values(), key=lambda s: s.name)]}


@router.get("/stats", summary="Database counts and totals for the filtered events")
def stats(request: Request, f: EventFilter = Filters) -> dict:
    scope = _scope(request)
    return {"database": scope.stats(), "filtered": qr.summary(scope.store, f), "filters": asdict(f)}


@router.get("/events", summary="Events with actors and sources; paginated; JSON, CSV or GeoJSON")
def list_events(request: Request, f: EventFilter = Filters, limit: int = Query(50, ge=0, le=MAX_EXPORT),
                offset: int = Query(0, ge=0), format: Optional[str] = Format):
    fmt = negotiate(request, format, ("json", "csv", "geojson"))
    if fmt == "json" and limit > MAX_PAGE:
        raise BadFilter(f"limit is at most {MAX_PAGE} for JSON; use format=csv or geojson for exports")
    total, rows = qr.event_page(_scope(request).store, f, limit, offset)
    if fmt == "csv":
        return csv_response(rows, EVENT_CSV, "events")
    if fmt == "geojson":
        return geojson_response([event_feature(e) for e in rows], total=total, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def find_event(scope, event_id: str) -> dict:
    event = scope.store.event(event_id)
    if event is None:
        raise LookupError(f"unknown event {event_id!r}")
    return event


@router.get("/events/{event_id}", summary="One event with every source's evidence sentence")
def get_event(request: Request, event_id: str) -> dict:
    return find_event(_scope(request), event_id)


@router.get("/documents", summary="Ingested documents (without their text); paginated")
def list_documents(request: Request, lang: Optional[str] = None, since: Optional[str] = None,
                   until: Optional[str] = None, text: Optional[str] = Query(None, max_length=200),
                   limit: int = Query(50, ge=0, le=MAX_PAGE), offset: int = Query(0, ge=0),
                   format: Optional[str] = Format):
    fmt = negotiate(request, format)
    rows = _scope(request).documents(lang=lang, since=check_day(since, "since"),
                                     until=check_day(until, "until"), text=text)
    page = rows[offset:offset + limit]
    if fmt == "csv":
        return csv_response(page, ["id", "published", "lang", "source", "title", "url", "near_duplicate_of"],
                            "documents")
    return {"total": len(rows), "limit": limit, "offset": offset, "items": page}


@router.get("/documents/{document_id}", summary="One document with its full text")
def get_document(request: Request, document_id: str) -> dict:
    doc = _scope(request).store.document(document_id)
    if doc is None:
        raise LookupError(f"unknown document {document_id!r}")
    return doc


@router.get("/actors", summary="Actors seen in the data, most mentioned first; paginated")
def list_actors(request: Request, kind: Optional[str] = None, text: Optional[str] = Query(None, max_length=200),
                limit: int = Query(50, ge=0, le=MAX_PAGE), offset: int = Query(0, ge=0),
                format: Optional[str] = Format):
    fmt = negotiate(request, format)
    rows = _scope(request).actors(kind=kind, text=text)
    page = rows[offset:offset + limit]
    if fmt == "csv":
        return csv_response(page, ["id", "name", "kind", "mentions", "events", "first_seen", "last_seen"], "actors")
    return {"total": len(rows), "limit": limit, "offset": offset, "items": page}


@router.get("/actors/{actor_id}", summary="Actor page data: aliases, parent, factions, relations, totals")
def get_actor(request: Request, actor_id: str) -> dict:
    scope = _scope(request)
    return qr.actor_page(scope.store, scope.knowledge, actor_id)


@router.get("/relations", summary="Relations with evidence; with as_of, only those in force that day")
def list_relations(request: Request, actor: Optional[str] = None, kind: Optional[str] = None,
                   since: Optional[str] = None, until: Optional[str] = None,
                   as_of: Optional[str] = Query(None, description="YYYY-MM-DD: relations in force that day"),
                   format: Optional[str] = Format):
    fmt = negotiate(request, format)
    scope = _scope(request)
    f = scope.event_filter(actor=actor, since=since, until=until)
    if as_of:
        kinds = (kind,) if kind else qr.NETWORK_KINDS + ("leader_of",)
        rows = qr.relations_as_of(scope.store, check_day(as_of, "as_of"), f.actor, kinds)
    else:
        rows = scope.store.relations(actor=f.actor, kind=kind, since=f.since, until=f.until)
    if fmt == "csv":
        return csv_response(rows, ["id", "kind", "a", "b", "valid_from", "valid_to", "first_reported",
                                   "last_reported", "certainty"], "relations")
    return {"total": len(rows), "as_of": as_of, "items": rows}


@lru_cache(maxsize=2)
def boundaries(level: str) -> dict:
    """The bundled INEGI boundaries (read once per process)."""
    path = resources.files("cartelscope") / "web" / "static" / "geo" / f"{level}.geojson"
    return json.loads(path.read_text(encoding="utf-8"))


@router.get("/places/states", summary="Per state: events, fatalities, state-level events, coverage")
def states(request: Request, f: EventFilter = Filters, format: Optional[str] = Format):
    fmt = negotiate(request, format, ("json", "csv", "geojson"))
    scope = _scope(request)
    rows = qr.state_counts(scope.store, f)
    names = {s.iso: s.name for s in scope.knowledge.states.values()}
    for r in rows:
        r["name"] = names.get(r["state"], r["state"])
    if fmt == "csv":
        return csv_response(rows, ["state", "name", "events", "fatalities", "state_level", "ever"], "states")
    if fmt == "geojson":
        by_iso = {r["state"]: r for r in rows}
        feats = []
        for feat in boundaries("states")["features"]:
            iso = feat["properties"]["state_iso"]
            props = by_iso.get(iso, {"state": iso, "events": 0, "fatalities": 0, "state_level": 0, "ever": 0})
            feats.append({**feat, "properties": {**feat["properties"], **props}})
        return geojson_response(feats)
    return {"total": len(rows), "items": rows}


@router.get("/places/states/{iso}", summary="State page data: totals, active actors, municipalities")
def get_state(request: Request, iso: str) -> dict:
    scope = _scope(request)
    return qr.state_page(scope.store, scope.knowledge, iso.upper())


@router.get("/places/municipalities", summary="Per municipality: events, fatalities and coverage")
def municipalities(request: Request, f: EventFilter = Filters, format: Optional[str] = Format):
    fmt = negotiate(request, format)
    rows = qr.municipality_counts(_scope(request).store, f)
    if fmt == "csv":
        return csv_response(rows, ["municipality_code", "state", "name", "events", "fatalities", "ever"],
                            "municipalities")
    return {"total": len(rows), "items": rows}


@router.get("/network", summary="Actor network: nodes sized by activity, edges in force on as_of")
def get_network(request: Request, f: EventFilter = Filters,
                as_of: Optional[str] = Query(None, description="YYYY-MM-DD (default: until, else today)"),
                size: int = Query(60, ge=1, le=300)) -> dict:
    scope = _scope(request)
    return qr.network(scope.store, scope.knowledge, f, as_of, size)


@router.get("/timeseries", summary="Events and fatalities per ISO week and event type")
def timeseries(request: Request, f: EventFilter = Filters, format: Optional[str] = Format):
    fmt = negotiate(request, format)
    data = qr.weekly_series(_scope(request).store, f)
    if fmt == "csv":
        rows = [{"week": w["week"], "event_type": t, "events": n}
                for w in data["series"] for t, n in sorted(w["by_type"].items())]
        return csv_response(rows, ["week", "event_type", "events"], "timeseries")
    return data


@router.post("/ingest", dependencies=[Depends(require_token)],
             summary="Ingest article records (JSON object or array: text, title, url, published, source)")
async def ingest(request: Request) -> dict:
    limit = request.app.state.max_body
    body = await request.body()
    if len(body) > limit:
        raise BadFilter(f"request body of {len(body)} bytes is over the {limit}-byte limit")
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadFilter(f"body is not valid JSON: {exc}") from None
    items = [_item(n, obj) for n, obj in enumerate(data if isinstance(data, list) else [data], 1)]
    from starlette.concurrency import run_in_threadpool

    report = await run_in_threadpool(_scope(request).ingest_records, items)
    return {**report.as_dict(), "document_ids": report.document_ids}


def _item(n: int, obj: Any):
    """An article record as an ingest Item, or a Failure that names what is wrong with it."""
    from cartelscope.ingest.sources import Failure

    origin = f"api#{n}"
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
        return Failure(origin, "expected a JSON object with a non-empty 'text' field")
    fields = {k: obj.get(k) for k in ("title", "url", "published", "source")}
    bad = [k for k, v in fields.items() if v is not None and not isinstance(v, str)]
    if bad:
        return Failure(origin, f"field {bad[0]!r} must be a string")
    return Item(origin=origin, text=obj["text"], **fields)


# -- review decisions ---------------------------------------------------------------------------
API_REVIEW_TARGETS = ("event", "relation", "actor")  # candidates write files: CLI only


@router.get("/reviews", summary="Review decisions, newest last (who, when, why, undone or not)")
def list_reviews(request: Request, target_type: Optional[str] = None, target_id: Optional[str] = None) -> dict:
    from cartelscope.resolve import Reviews

    items = Reviews(_scope(request).store).list(target_type=target_type, target_id=target_id)
    return {"total": len(items), "items": items}


@router.post("/reviews", dependencies=[Depends(require_token)],
             summary="Record a decision: {target_type, target_id, action, fields|into|from, by, why}")
async def post_review(request: Request) -> dict:
    from starlette.concurrency import run_in_threadpool

    from cartelscope.resolve import Reviews

    try:
        data = json.loads(await request.body())
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadFilter(f"body is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise BadFilter("expected a JSON object")
    target_type, target_id, action = data.get("target_type"), data.get("target_id"), data.get("action")
    if target_type not in API_REVIEW_TARGETS:
        raise BadFilter(f"target_type must be one of {', '.join(API_REVIEW_TARGETS)}")
    if not isinstance(target_id, str) or not isinstance(action, str):
        raise BadFilter("target_id and action must be strings")
    payload = {k: data[k] for k in ("fields", "into", "from") if k in data}
    for key in ("by", "why"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise BadFilter(f"{key!r} must be a string")
    reviews = Reviews(_scope(request).store)
    return await run_in_threadpool(reviews.record, target_type, target_id, action, payload,
                                   by=data.get("by") or "api", why=data.get("why"))


@router.post("/reviews/{review_id}/undo", dependencies=[Depends(require_token)], summary="Undo a decision")
async def undo_review(request: Request, review_id: int) -> dict:
    from starlette.concurrency import run_in_threadpool

    from cartelscope.resolve import Reviews

    return await run_in_threadpool(Reviews(_scope(request).store).undo, review_id)
