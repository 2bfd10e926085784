"""Helpers for the extraction tests: read records, check evidence spans, locate the shared
evaluation files.

The shared folder (``../shared``: seeds, gold and the project scorer) lives next to the repo.
Tests that need it are skipped when it is absent, except in CI (``CI=true``), where its
absence is a failure.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
DEV = ROOT / "eval" / "dev"
PUB = "2025-03-14"  # a Friday


def shared_dir() -> Path:
    """The shared folder, or skip (fail in CI) when it is not there."""
    if not (SHARED / "eval" / "score.py").is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the shared evaluation folder must be present in CI: {SHARED}")
        pytest.skip(f"shared evaluation folder not present: {SHARED}")
    return SHARED


def assert_spans(text: str, record: dict) -> None:
    """Every event's and relation's evidence sentence is exactly the text at its span."""
    for item in [*record["events"], *record["relations"]]:
        assert item["evidence"], item
        for ev in item["evidence"]:
            start, end = ev["char_span"]
            assert 0 <= start < end <= len(text)
            assert text[start:end] == ev["sentence"]


def events(record: dict, event_type: str | None = None, sub: str | None = None) -> list[dict]:
    return [e for e in record["events"]
            if (event_type is None or e["event_type"] == event_type) and (sub is None or e["sub_event_type"] == sub)]


def only_event(record: dict) -> dict:
    assert len(record["events"]) == 1, [(e["sub_event_type"], e["state"], e["actor_ids"]) for e in record["events"]]
    return record["events"][0]


def relations(record: dict) -> set[tuple]:
    """Relations as comparable keys; symmetric kinds ignore order, as the scorer does."""
    out = set()
    for r in record["relations"]:
        if r["type"] in ("alliance", "rivalry", "ceasefire", "split"):
            out.add((r["type"], frozenset((r["a_id"], r["b_id"]))))
        else:
            out.add((r["type"], r["a_id"], r["b_id"]))
    return out


def sym(kind: str, a: str, b: str) -> tuple:
    return (kind, frozenset((a, b)))


def actor_ids(record: dict) -> set[str]:
    return {a["id"] for a in record["actors"]}
