"""Review decisions over the API: token required, stored with who and why, undoable."""
from __future__ import annotations


def test_reject_an_event_and_undo_it(writer, auth):
    event = writer.get("/api/events", params={"limit": 1}).json()["items"][0]
    decision = {"target_type": "event", "target_id": event["id"], "action": "reject", "by": "ana",
                "why": "an opinion column, not a report"}
    assert writer.post("/api/reviews", json=decision).status_code == 401
    r = writer.post("/api/reviews", json=decision, headers=auth)
    assert r.status_code == 200, r.text
    review = r.json()
    assert review["reviewer"] == "ana" and review["reason"].startswith("an opinion")
    ids = {e["id"] for e in writer.get("/api/events", params={"limit": 500}).json()["items"]}
    assert event["id"] not in ids
    listed = writer.get("/api/reviews", params={"target_id": event["id"]}).json()
    assert listed["total"] == 1
    assert writer.post(f"/api/reviews/{review['id']}/undo", headers=auth).status_code == 200
    ids = {e["id"] for e in writer.get("/api/events", params={"limit": 500}).json()["items"]}
    assert event["id"] in ids


def test_bad_review_requests_are_one_clear_error(writer, auth, client):
    event = writer.get("/api/events", params={"limit": 1}).json()["items"][0]
    bad = writer.post("/api/reviews", json={"target_type": "event", "target_id": event["id"], "action": "delete"},
                      headers=auth)
    assert bad.status_code == 400 and "allowed actions" in bad.json()["error"]
    files = writer.post("/api/reviews", json={"target_type": "candidate", "target_id": "Los X", "action": "add"},
                        headers=auth)
    assert files.status_code == 400 and "target_type" in files.json()["error"]
    assert writer.post("/api/reviews", content=b"[", headers=auth).status_code == 400
    assert client.post("/api/reviews", json={}).status_code == 403  # read-only server
