"""STIX 2.1 bundle export, built with the stix2 library so every object is validated as made.

- criminal groups, factions, cells, coalitions and publicly reported leaders: ``threat-actor``
  (``crime-syndicate``, or ``criminal`` for persons) with their aliases;
- state forces: ``identity`` (organization, sector ``government``);
- relations: ``relationship`` (alliance -> ``allied-with``, rivalry -> ``rival-of``, faction_of
  -> ``faction-of``, split -> ``split-from``, leader_of -> ``leads``, ceasefire -> ``ceasefire-with``,
  supplies -> ``supplies``) with start/stop time, the evidence sentences and source URLs;
- states and municipalities with events: ``location`` (country MX, administrative area, centroid);
- events: one ``report`` each (published on the event date) referring to its actors and location,
  with the source URLs (or the dataset row) as external references.

Ids are UUIDv5 of the cartelscope ids, so exporting the same store twice gives the same ids.
The bundle is written object by object; only the ids of locations already written stay in memory.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

from stix2.v21 import Identity, Location, Relationship, Report, ThreatActor

from cartelscope.interop.common import full_date
from cartelscope.interop.job import exporter

NAMESPACE = uuid.UUID("6f1d3c1e-1b1e-5f0e-9a57-63617274656c")
RELATIONSHIP_TYPES = {"alliance": "allied-with", "rivalry": "rival-of", "faction_of": "faction-of",
                      "split": "split-from", "leader_of": "leads", "ceasefire": "ceasefire-with",
                      "supplies": "supplies"}
CERTAINTY_CONFIDENCE = {"asserted": 85, "reported": 70, "hedged": 30, "alleged": 30, "denied": 10}


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, key)}"


def _stamp(partial: str | None, *, end: bool = False) -> datetime | None:
    if not partial:
        return None
    from cartelscope.interop.graph import _day

    return datetime.fromisoformat(_day(partial, end=end)).replace(tzinfo=timezone.utc)


def actor_object(actor_id: str, info: dict, creator: str, now: datetime):
    sid_kind = "identity" if info.get("kind") == "state_force" else "threat-actor"
    common = dict(id=stix_id(sid_kind, f"actor:{actor_id}"), name=info.get("name") or actor_id,
                  created=now, modified=now, created_by_ref=creator,
                  external_references=[{"source_name": "cartelscope", "external_id": actor_id}])
    if sid_kind == "identity":
        return Identity(identity_class="organization", sectors=["government-national"], **common)
    aliases = [a for a in info.get("aliases") or [] if a != info.get("name")]
    first, last = _stamp(info.get("first_seen")), _stamp(info.get("last_seen"), end=True)
    return ThreatActor(threat_actor_types=["criminal" if info.get("kind") == "person" else "crime-syndicate"],
                       aliases=aliases or None, first_seen=first, last_seen=last if first and last and last >= first else None,
                       **common)


def relationship_object(r: dict, refs: dict[str, str], creator: str):
    start = _stamp(r["valid_from"])
    stop = _stamp(r["valid_to"], end=True)
    if start and stop and stop <= start:
        stop = None
    urls = [{"source_name": s.get("title") or "source", "url": s["url"]} for s in r["sources"] if s.get("url")]
    evidence = " | ".join(s["sentence"] for s in r["sources"] if s.get("sentence"))
    return Relationship(
        id=stix_id("relationship", f"relation:{r['id']}"), relationship_type=RELATIONSHIP_TYPES.get(r["kind"], "related-to"),
        source_ref=refs[r["a"]], target_ref=refs[r["b"]], start_time=start, stop_time=stop,
        description=evidence or None, created=datetime.fromisoformat(r["created_at"]),
        modified=datetime.fromisoformat(r["updated_at"]), created_by_ref=creator,
        confidence=CERTAINTY_CONFIDENCE.get(r["certainty"]),
        external_references=urls + [{"source_name": "cartelscope", "external_id": r["id"]}])


def location_object(event: dict, pack, creator: str, now: datetime):
    """The municipality (or else state) location of an event, or None when the state is unknown."""
    state = pack.states.get(event["state"]) if event["state"] else None
    if state is None:
        return None
    muni = pack.municipalities.get(event["municipality_code"]) if event["municipality_code"] else None
    key = f"municipality:{muni.inegi}" if muni else f"state:{state.iso}"
    lat, lon = (muni.lat, muni.lon) if muni and muni.lat is not None else (state.lat, state.lon)
    return Location(id=stix_id("location", key), name=f"{muni.name}, {state.name}" if muni else state.name,
                    country="MX", region="central-america", administrative_area=state.name,
                    city=muni.name if muni else None, latitude=lat, longitude=lon,
                    created=now, modified=now, created_by_ref=creator)


def report_object(event: dict, refs: dict[str, str], location_ref: str | None, creator: str, fallback: datetime):
    day, _ = full_date(event["date"])
    published = datetime.fromisoformat(day).replace(tzinfo=timezone.utc) if day else fallback
    stamp = event.get("updated_at") or fallback
    objects = [refs[a["id"]] for a in event["actors"] if a["id"] in refs]
    if location_ref:
        objects.append(location_ref)
    refs_out = [{"source_name": s.get("outlet") or "source", "url": s["url"]}
                for s in event.get("sources") or [] if s.get("url")]
    if event["dataset"] != "cartelscope":
        refs_out.append({"source_name": event["dataset"].upper(), "external_id": str(event["dataset_id"])})
    refs_out.append({"source_name": "cartelscope", "external_id": event["id"]})
    place = event["municipality"] or event["state"] or "Mexico"
    return Report(
        id=stix_id("report", f"event:{event['id']}"),
        name=f"{event['event_type']}: {event['sub_event_type']}, {place}, {event['date'] or 'undated'}",
        description=event["summary"] or None, published=published, report_types=["threat-report"],
        object_refs=objects or [creator], labels=[event["event_type"], event["sub_event_type"]],
        confidence=CERTAINTY_CONFIDENCE.get(event["certainty"]), created=stamp, modified=stamp,
        created_by_ref=creator, external_references=refs_out)


@exporter("stix")
def export_stix(job) -> int:
    """Write the bundle; returns the number of STIX objects."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    creator = Identity(id=stix_id("identity", "cartelscope"), name="cartelscope", identity_class="system",
                       created=now, modified=now)
    table = dict(job.actor_table())
    rels = job.store.relations(actor=job.flt.actor, since=job.flt.since, until=job.flt.until)
    for r in rels:
        for actor_id in (r["a"], r["b"]):
            if actor_id not in table:
                known = job.pack.actors.get(actor_id)
                table[actor_id] = {"name": known.name if known else actor_id, "kind": known.kind if known else None}
    n = 0
    with job.open_text() as out:
        out.write('{"type": "bundle", "id": "%s", "objects": [\n' % stix_id("bundle", f"export:{now.isoformat()}"))

        def put(obj) -> None:
            nonlocal n
            out.write((",\n" if n else "") + obj.serialize())
            n += 1

        put(creator)
        refs = {}
        for actor_id in sorted(table):
            obj = actor_object(actor_id, table[actor_id], creator.id, now)
            refs[actor_id] = obj.id
            put(obj)
        for r in rels:
            put(relationship_object(r, refs, creator.id))
        written: set[str] = set()
        for batch in job.batches(with_sources=True):
            for event in batch:
                loc = location_object(event, job.pack, creator.id, now)
                if loc is not None and loc.id not in written:
                    written.add(loc.id)
                    put(loc)
                put(report_object(event, refs, loc.id if loc else None, creator.id, now))
        out.write("\n]}\n")
    return n

