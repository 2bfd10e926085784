"""The REST API over the sample corpus, on SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import io



def test_events_paginate_with_a_total_that_matches_the_pages(client):
    first = client.get("/api/events", params={"limit": 10}).json()
    total = first["total"]
    assert total == client.get("/api/stats").json()["database"]["events"] > 20
    seen = [e["id"] for e in first["items"]]
    offset = 10
    while offset < total:
        seen += [e["id"] for e in client.get("/api/events", params={"limit": 10, "offset": offset}).json()["items"]]
        offset += 10
    assert len(seen) == len(set(seen)) == total


def test_event_filters_narrow_the_result_to_what_they_name(client):
    sin = client.get("/api/events", params={"state": "Sinaloa", "limit": 500}).json()
    assert sin["total"] > 3 and {e["state"] for e in sin["items"]} == {"MX-SIN"}
    battles = client.get("/api/events", params={"type": "Battles", "limit": 500}).json()
    assert battles["items"] and {e["event_type"] for e in battles["items"]} == {"Battles"}
    dated = client.get("/api/events", params={"since": "2024-01-01", "until": "2024-12-31", "limit": 500}).json()
    assert dated["items"] and all("2024-01-01" <= e["date"] <= "2024-12-31" for e in dated["items"])
    family = {"cjng"} | {f["id"] for f in client.get("/api/actors/cjng").json()["factions"]}
    cjng = client.get("/api/events", params={"actor": "CJNG", "limit": 500}).json()
    assert cjng["items"] and all(family & {a["id"] for a in e["actors"]} for e in cjng["items"])
    both = client.get("/api/events", params={"state": "MX-SIN", "type": "Battles", "limit": 500}).json()
    assert both["total"] <= min(sin["total"], battles["total"])


def test_csv_and_geojson_outputs(client):
    r = client.get("/api/events", params={"format": "csv", "limit": 1000})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == client.get("/api/events", params={"limit": 0}).json()["total"]
    assert {"id", "date", "event_type", "state", "geo_precision"} <= set(rows[0])
    by_accept = client.get("/api/events", headers={"Accept": "text/csv"})
    assert by_accept.text.splitlines()[0] == r.text.splitlines()[0]
    geo = client.get("/api/events", params={"format": "geojson", "limit": 1000}).json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == len(rows)
    for f in geo["features"]:
        if f["properties"]["geo_precision"] == 3:
            assert f["geometry"] is None  # a state-level event is not a pin in the capital
    assert any(f["geometry"] for f in geo["features"])
    states = client.get("/api/places/states", params={"format": "geojson"}).json()
    assert len(states["features"]) == 32
    sin = next(f for f in states["features"] if f["properties"]["state_iso"] == "MX-SIN")
    assert sin["properties"]["events"] > 0


def test_aggregates_agree_with_each_other(client):
    stats = client.get("/api/stats").json()["filtered"]
    series = client.get("/api/timeseries").json()
    assert sum(w["events"] for w in series["series"]) + series["imprecise"] == stats["events"]
    assert all(sum(w["by_type"].values()) == w["events"] for w in series["series"])
    weeks = [w["week"] for w in series["series"]]
    assert weeks == sorted(weeks)
    import datetime as dt
    assert all(dt.date.fromisoformat(w).weekday() == 0 for w in weeks)  # Monday-started ISO weeks
    states = client.get("/api/places/states").json()["items"]
    placed = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert sum(s["events"] for s in states) == sum(1 for e in placed if e["state"])
    period = client.get("/api/places/states", params={"since": "2025-01-01"}).json()["items"]
    assert any(s["events"] == 0 and s["ever"] > 0 for s in period)  # "quiet", not "no reports"
    munis = client.get("/api/places/municipalities", params={"state": "MX-SIN"}).json()["items"]
    assert munis and all(m["state"] in (None, "MX-SIN") for m in munis)


def test_network_follows_the_as_of_date(client):
    def edges(as_of):
        net = client.get("/api/network", params={"as_of": as_of}).json()
        return {(e["kind"], *sorted((e["a"], e["b"]))) for e in net["edges"]}, net

    early, _ = edges("2022-06-01")
    late, net = edges("2024-12-01")
    assert ("alliance", "cjng", "sinaloa-cartel") in early
    assert ("rivalry", "cjng", "sinaloa-cartel") in late  # the later war supersedes the alliance
    assert ("alliance", "cjng", "sinaloa-cartel") not in late
    before, _ = edges("2015-01-01")
    assert not any({"cjng", "sinaloa-cartel"} <= set(e[1:]) for e in before)
    nodes = {n["id"]: n for n in net["nodes"]}
    assert nodes["cjng"]["events"] > 0 and all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in nodes.values())
    factions = [n for n in nodes.values() if n["parent"]]
    assert factions and all(n["group"] != n["id"] for n in factions)
    as_of = client.get("/api/relations", params={"as_of": "2024-12-01", "actor": "CJNG"}).json()["items"]
    assert {r["kind"] for r in as_of} >= {"rivalry"}


def test_actor_and_state_pages(client):
    cjng = client.get("/api/actors/cjng").json()
    assert cjng["name"] and "CJNG" in cjng["aliases"]["acronyms"]
    assert cjng["summary"]["events"] > 0 and cjng["relations"]
    assert all(r["other"] != "cjng" for r in cjng["relations"])
    sin = client.get("/api/places/states/mx-sin").json()
    assert sin["name"] == "Sinaloa" and sin["summary"]["events"] > 0
    assert any(m["name"] == "Culiacán" for m in sin["municipalities"])
    assert client.get("/api/actors", params={"limit": 5}).json()["total"] > 5
    docs = client.get("/api/documents", params={"lang": "es"}).json()
    assert docs["total"] > 5 and all(d["lang"] == "es" for d in docs["items"])
    one = client.get(f"/api/documents/{docs['items'][0]['id']}").json()
    assert one["text"]


def test_bad_input_gives_one_clear_error(client):
    cases = {
        "/api/events?since=2024-13": 400, "/api/events?state=Atlantis": 400, "/api/events?format=xml": 400,
        "/api/events?limit=5000": 400, "/api/events?limit=-1": 422, "/api/events?certainty=sure": 400,
        "/api/events/ev-nope": 404, "/api/actors/nobody": 404, "/api/places/states/MX-XXX": 404,
        "/api/network?as_of=yesterday": 400, "/actors/nobody": 404, "/api/events?actor=Cartel de Nadie": 400,
        "/api/relations?actor=Cartel de Nadie": 400,
    }
    for path, status in cases.items():
        r = client.get(path)
        assert r.status_code == status, path
        assert isinstance(r.json()["error"], str) and "\n" not in r.json()["error"]
    assert "unknown actor 'Cartel de Nadie'" in client.get("/api/stats", params={"actor": "Cartel de Nadie"}).json()["error"]


def test_read_only_without_a_token(client):
    r = client.post("/api/ingest", json={"text": "Hombres armados atacaron una patrulla en Uruapan."})
    assert r.status_code == 403 and "api_token" in r.json()["error"]
    assert client.get("/api/stats").json()["database"]["documents"] == 38


def test_ingest_needs_the_bearer_token_and_loses_nothing_on_bad_records(writer, auth):
    article = {"title": "Ataque en Uruapan", "published": "2024-05-02", "source": "Prueba",
               "text": "Hombres armados del CJNG atacaron a policías estatales en Uruapan, Michoacán, el 1 de mayo "
                       "de 2024; murieron tres agentes, informó la fiscalía estatal."}
    assert writer.post("/api/ingest", json=article).status_code == 401
    assert writer.post("/api/ingest", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = writer.post("/api/ingest", json=[article, {"title": "no text"}, 7], headers=auth)
    assert r.status_code == 200
    body = r.json()
    assert body["new"] == 1 and body["failed"] == 2 and len(body["failures"]) == 2
    stats = writer.get("/api/stats").json()["database"]
    assert stats["documents"] == 39
    assert writer.post("/api/ingest", content=b"{not json", headers=auth).status_code == 400
    assert writer.get("/api/stats").json()["database"]["documents"] == 39
    uru = writer.get("/api/events", params={"text": "Uruapan"}).json()
    assert uru["total"] >= 1


def test_security_headers_openapi_and_cors(client, sample_db):
    from fastapi.testclient import TestClient

    from cartelscope.api import create_app

    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in page.text.replace("<script src=", "")
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/network", "/api/timeseries", "/api/ingest"} <= set(spec["paths"])
    origin = {"Origin": "https://analyst.example.org"}
    assert "access-control-allow-origin" not in client.get("/api/health", headers=origin).headers
    with TestClient(create_app(sample_db, cors_origins=["https://analyst.example.org"])) as cors:
        r = cors.get("/api/health", headers=origin)
        assert r.headers["access-control-allow-origin"] == "https://analyst.example.org"
        other = cors.get("/api/health", headers={"Origin": "https://elsewhere.example.com"})
        assert "access-control-allow-origin" not in other.headers


def test_event_page_escapes_article_text_and_highlights_evidence(writer, auth):
    hostile = {"title": "Balacera <script>document.title='pwned'</script>", "url": "javascript:alert(1)",
               "published": "2024-03-04",
               "text": "Hombres armados del Cártel de Sinaloa atacaron a policías estatales en Culiacán, Sinaloa, el 3 "
                       "de marzo de 2024 <script>document.title='pwned'</script>; murieron dos agentes "
                       "<img src=x onerror=\"document.title='pwned'\">. La fiscalía informó del ataque."}
    r = writer.post("/api/ingest", json=hostile, headers=auth)
    doc_id = r.json()["document_ids"][0]
    events = writer.get("/api/events", params={"text": "onerror", "limit": 50}).json()["items"]
    event = next(e for e in events if any(s["document_id"] == doc_id for s in e["sources"]))
    html = writer.get(f"/events/{event['id']}").text
    assert "<script>document.title" not in html and "<img src=x" not in html
    assert "&lt;script&gt;document.title=" in html and "onerror=&#34;" in html or "onerror=&quot;" in html
    assert '<mark class="evidence">' in html
    assert 'href="javascript:' not in html  # non-http links are shown as text
