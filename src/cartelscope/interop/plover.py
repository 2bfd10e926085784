"""PLOVER-style JSON lines: one event per line with PLOVER's field names (``id``, ``date``,
``source``, ``target``, ``event``, ``mode``, ``context``, ``text``, ``dead``, ``language``,
``publication``) plus a ``geo`` object and a ``cartelscope`` object carrying the ACLED typology,
precision, certainty and provenance.

ACLED types map to PLOVER categories as listed in :data:`PLOVER_TYPES` (armed clashes and
remote violence: FIGHT; violence against civilians: ASSAULT; arrests, looting: COERCE;
agreements: AGREE; protests and riots: PROTEST). ``context`` is always ``crime``: every event
here is organized-crime violence.
"""
from __future__ import annotations

import json

from cartelscope.interop.job import exporter

PLOVER_TYPES = {
    ("Battles", "Armed clash"): ("FIGHT", "small arms"),
    ("Battles", "Government regains territory"): ("FIGHT", "occupy"),
    ("Battles", "Non-state actor overtakes territory"): ("FIGHT", "occupy"),
    ("Explosions/Remote violence", "Air/drone strike"): ("FIGHT", "aerial weapons"),
    ("Explosions/Remote violence", "Grenade"): ("FIGHT", "explosives"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"): ("FIGHT", "explosives"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"): ("FIGHT", "artillery"),
    ("Explosions/Remote violence", "Suicide bomb"): ("FIGHT", "explosives"),
    ("Violence against civilians", "Attack"): ("ASSAULT", "kill"),
    ("Violence against civilians", "Abduction/forced disappearance"): ("ASSAULT", "abduct"),
    ("Violence against civilians", "Sexual violence"): ("ASSAULT", "sexual violence"),
    ("Strategic developments", "Agreement"): ("AGREE", ""),
    ("Strategic developments", "Arrests"): ("COERCE", "arrest"),
    ("Strategic developments", "Change to group/activity"): ("MOBILIZE", ""),
    ("Strategic developments", "Disrupted weapons use"): ("COERCE", "seize"),
    ("Strategic developments", "Headquarters or base established"): ("MOBILIZE", ""),
    ("Strategic developments", "Looting/property destruction"): ("COERCE", "seize"),
    ("Strategic developments", "Non-violent transfer of territory"): ("RETREAT", ""),
    ("Strategic developments", "Other"): ("CRIME", ""),
    ("Protests", "Peaceful protest"): ("PROTEST", "demonstrate"),
    ("Protests", "Protest with intervention"): ("PROTEST", "demonstrate"),
    ("Protests", "Excessive force against protesters"): ("ASSAULT", "beat"),
    ("Riots", "Violent demonstration"): ("PROTEST", "riot"),
    ("Riots", "Mob violence"): ("PROTEST", "riot"),
}


def plover_record(e: dict, table: dict[str, dict]) -> dict:
    def actor(a: dict) -> dict:
        info = table.get(a["id"], {})
        return {"actorText": a["name"], "code": "MEX", "sector": "GOV" if info.get("kind") == "state_force" else "CRM",
                "id": a["id"]}

    roles = {"actor1": [], "actor2": [], "assoc": []}
    for a in e["actors"]:
        roles.setdefault(a["role"], []).append(actor(a))
    target = roles["actor2"] or ([{"actorText": "civilians", "code": "MEX", "sector": "CVL"}]
                                 if e["civilian_targeting"] else [])
    event, mode = PLOVER_TYPES.get((e["event_type"], e["sub_event_type"]), ("CRIME", ""))
    sources = e.get("sources") or []
    evidence = next((s["sentence"] for s in sources if s.get("sentence")), None)
    return {
        "id": e["id"], "date": e["date"], "source": roles["actor1"] + roles["assoc"], "target": target,
        "event": event, "mode": mode, "context": ["crime"], "text": evidence or e["summary"] or "",
        "dead": e["fatalities"], "language": None,
        "publication": "; ".join(dict.fromkeys(s["outlet"] for s in sources if s.get("outlet"))) or e["dataset"],
        "geo": {"country": "MEX", "admin1": e["state"], "admin2": e["municipality"], "location": e["location"],
                "lat": e["lat"], "lon": e["lon"], "geo_precision": e["geo_precision"]},
        "cartelscope": {"event_type": e["event_type"], "sub_event_type": e["sub_event_type"],
                        "date_precision": e["date_precision"], "certainty": e["certainty"],
                        "tactics": e["tactics"], "dataset": e["dataset"], "dataset_id": e["dataset_id"],
                        "fatalities_low": e["fatalities_low"], "fatalities_high": e["fatalities_high"],
                        "source_urls": [s["url"] for s in sources if s.get("url")]},
    }


@exporter("plover")
def export_plover(job) -> int:
    table = job.actor_table()
    n = 0
    with job.open_text() as out:
        for batch in job.batches(with_sources=True):
            out.writelines(json.dumps(plover_record(e, table), ensure_ascii=False) + "\n" for e in batch)
            n += len(batch)
    return n
