"""Every CLI verb through Typer's runner, on SQLite and PostgreSQL, and every database failure:
one clear line, a non-zero exit, nothing already stored lost."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cartelscope.cli import app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
ALL_KINDS = [str(FIXTURES / n) for n in ("zamora.txt", "reynosa.md", "culiacan.html", "tijuana.htm", "one.json",
                                         "many.json", "batch.jsonl", "folder")]


def cli(*args: str, ok: bool = True):
    result = CliRunner().invoke(app, list(args))
    if ok:
        assert result.exit_code == 0, f"{args}: {result.output}"
    return result


def stats(db: str) -> dict:
    return json.loads(cli("stats", "--db", db, "--format", "json").stdout)


@pytest.fixture
def filled(db_url):
    cli("ingest", "--no-progress", "--db", db_url, *ALL_KINDS)
    return db_url


def test_ingest_every_local_kind_then_reingest_is_a_no_op(db_url):
    first = cli("ingest", "--no-progress", "--db", db_url, "--format", "json", *ALL_KINDS)
    counts = json.loads(first.stdout)
    assert (counts["new"], counts["duplicate"], counts["failed"]) == (11, 0, 0)
    before = stats(db_url)
    again = cli("ingest", "--no-progress", "--db", db_url, *ALL_KINDS)
    assert "new 0, duplicate 11, near-duplicate 0, failed 0" in again.stdout
    assert stats(db_url) == before


def test_stats_json_keys(filled):
    data = stats(filled)
    for key in ("documents", "events", "actors", "relations"):
        assert isinstance(data[key], int)
    assert data["documents"] == 11 and data["events"] > 0 and data["actors"] > 0
    assert data["documents_by_lang"]["es"] >= 5 and data["documents_by_lang"]["en"] >= 5


def test_documents_filters_and_formats(filled):
    rows = json.loads(cli("documents", "--db", filled, "--format", "json").stdout)
    assert len(rows) == 11
    spanish = json.loads(cli("documents", "--db", filled, "--lang", "es", "--format", "json").stdout)
    assert spanish and all(r["lang"] == "es" for r in spanish) and len(spanish) < 11
    hits = json.loads(cli("documents", "--db", filled, "--text", "Fresnillo", "--format", "json").stdout)
    assert [r["url"] for r in hits] == ["https://example.org/test-wire/fresnillo-bodies"]
    since = json.loads(cli("documents", "--db", filled, "--since", "2023-01-01", "--until", "2023-12-31",
                           "--format", "json").stdout)
    assert sorted(r["published"] for r in since) == ["2023-04-16", "2023-11-09"]
    csv_out = cli("documents", "--db", filled, "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "id,published,lang,source,title,url,near_duplicate_of" and len(csv_out) == 12
    lines = cli("documents", "--db", filled, "--format", "jsonl", "--limit", "3").stdout.splitlines()
    assert len(lines) == 3 and all(json.loads(line)["id"].startswith("doc-") for line in lines)
    table = cli("documents", "--db", filled).stdout  # rich table
    assert "documents" in table and "published" in table and table.count("\n") > 12


def test_events_json_contract_and_filters(filled):
    events = json.loads(cli("events", "--db", filled, "--format", "json").stdout)
    assert events
    for ev in events:
        for key in ("id", "event_type", "sub_event_type", "date", "state", "municipality", "actors", "fatalities",
                    "certainty", "sources"):
            assert key in ev
        for src in ev["sources"]:
            assert {"url", "title", "sentence", "char_span"} <= set(src)
    sinaloa = json.loads(cli("events", "--db", filled, "--state", "Sinaloa", "--format", "json").stdout)
    assert sinaloa and all(e["state"] == "MX-SIN" for e in sinaloa)
    assert len(sinaloa) < len(events)
    battles = json.loads(cli("events", "--db", filled, "--type", "Battles", "--format", "json").stdout)
    assert all(e["event_type"] == "Battles" for e in battles)
    assert cli("events", "--db", filled, "--format", "csv").stdout.startswith("id,date,event_type")
    unknown = cli("events", "--db", filled, "--actor", "Nobody At All", ok=False)
    assert unknown.exit_code == 1 and "unknown actor 'Nobody At All'" in unknown.stderr
    bad = cli("events", "--db", filled, "--format", "xml", ok=False)
    assert bad.exit_code == 2 and "--format must be one of table, csv, json, jsonl" in bad.stderr


def test_actors_and_relations(filled):
    actors = json.loads(cli("actors", "--db", filled, "--format", "json").stdout)
    ids = {a["id"] for a in actors}
    assert "los-chapitos" in ids
    factions = json.loads(cli("actors", "--db", filled, "--kind", "faction", "--format", "json").stdout)
    assert factions and all(a["kind"] == "faction" for a in factions)
    relations = json.loads(cli("relations", "--db", filled, "--format", "json").stdout)
    assert any({r["a"], r["b"]} == {"los-chapitos", "la-mayiza"} for r in relations)
    assert cli("relations", "--db", filled, "--actor", "Los Chapitos").exit_code == 0


def test_extract_is_stateless_jsonl(tmp_path):
    out = cli("extract", str(FIXTURES / "zamora.txt"), str(FIXTURES / "batch.jsonl"), "--published", "2024-05-12")
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["doc"] for r in records] == [str(FIXTURES / "zamora.txt"), f"{FIXTURES / 'batch.jsonl'}:1",
                                           f"{FIXTURES / 'batch.jsonl'}:2"]
    assert all("events" in r for r in records)
    assert not list(tmp_path.iterdir()) and not Path("cartelscope.db").exists()
    bad_date = cli("extract", str(FIXTURES / "zamora.txt"), "--published", "May 12", ok=False)
    assert bad_date.exit_code == 2 and "is not a date YYYY-MM-DD" in bad_date.stderr
    missing = cli("extract", str(tmp_path / "nope.txt"), ok=False)
    assert missing.exit_code == 1 and "nope.txt: no such file" in missing.stderr


def test_demo(tmp_path):
    db = str(tmp_path / "demo.db")
    out = cli("demo", "--db", db).stdout
    assert "near-duplicate 1, failed 0" in out and "most active states:" in out
    assert stats(db)["documents"] >= 30
    again = cli("demo", "--db", db).stdout
    assert "this run: new 0, duplicate" in again


def test_db_upgrade(db_url):
    from cartelscope.store.db import head_revision

    out = cli("db", "upgrade", "--db", db_url).stdout
    assert out.strip().endswith(f"schema at revision {head_revision()}")


def test_knowledge_commands(tmp_path):
    data = json.loads(cli("knowledge", "stats").stdout)
    assert data
    found = json.loads(cli("knowledge", "lookup", "CJNG", "--format", "json").stdout)
    assert found[0]["id"] == "cjng"
    assert cli("knowledge", "lookup", "Zzyzx Nowhere", ok=False).exit_code == 1
    assert cli("knowledge", "validate").stdout.splitlines()[-1].startswith("ok: ")


def test_environment_db_and_bad_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("CARTELSCOPE_DB", str(tmp_path / "env.db"))
    cli("ingest", "--no-progress", str(FIXTURES / "zamora.txt"))
    assert (tmp_path / "env.db").exists()
    monkeypatch.setenv("CARTELSCOPE_FETCH_TIMEOUT", "soon")
    bad = cli("ingest", "--no-progress", "https://example.org/x", ok=False)
    assert bad.exit_code == 1
    assert "CARTELSCOPE_FETCH_TIMEOUT='soon'" in bad.output


def test_failed_items_give_exit_1_and_keep_the_rest(db_url, tmp_path):
    cli("ingest", "--no-progress", "--db", db_url, str(FIXTURES / "zamora.txt"))
    before = stats(db_url)
    (tmp_path / "bin.txt").write_bytes(b"\x00\xff\x00")
    result = cli("ingest", "--no-progress", "--db", db_url, str(tmp_path / "bin.txt"), str(FIXTURES / "reynosa.md"),
                 ok=False)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"failed: {tmp_path / 'bin.txt'}: binary file (NUL bytes), not text"]
    assert "new 1, duplicate 0, near-duplicate 0, failed 1" in result.stdout
    assert stats(db_url)["documents"] == before["documents"] + 1


# -- the database itself is the problem --------------------------------------------------------
@pytest.fixture
def sqlite_db(tmp_path):
    db = str(tmp_path / "store.db")
    cli("ingest", "--no-progress", "--db", db, str(FIXTURES / "zamora.txt"))
    return db


def test_locked_sqlite_file(sqlite_db, monkeypatch):
    monkeypatch.setenv("CARTELSCOPE_SQLITE_BUSY_TIMEOUT", "0.5")
    before = stats(sqlite_db)
    holder = sqlite3.connect(sqlite_db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = cli("ingest", "--no-progress", "--db", sqlite_db, str(FIXTURES / "reynosa.md"), ok=False)
        query = cli("stats", "--db", sqlite_db, ok=False)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {sqlite_db}: database is locked by another process (database is locked)"
    assert query.exit_code == 1 and "database is locked" in query.stderr
    assert stats(sqlite_db) == before


def test_read_only_sqlite_by_uri(sqlite_db):
    """SQLite's own read-only mode: works for root too, where file permissions do not."""
    before = stats(sqlite_db)
    ro = f"sqlite:///{sqlite_db}?mode=ro"
    assert stats(ro) == before  # reading works
    result = cli("ingest", "--no-progress", "--db", ro, str(FIXTURES / "reynosa.md"), str(FIXTURES / "batch.jsonl"),
                 ok=False)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == (f"failed: {FIXTURES / 'reynosa.md'}: {ro}: database is read-only "
                        "(attempt to write a readonly database)")
    assert lines[1].startswith("error: stopped: ") and lines[1].endswith("the remaining sources were not read")
    assert "new 0, duplicate 0, near-duplicate 0, failed 1" in result.stdout
    assert stats(sqlite_db) == before


def test_read_only_sqlite_file_immutable(sqlite_db):
    """An immutable file (chattr +i) stops root as well; skipped where the file system has no such flag."""
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", sqlite_db], capture_output=True).returncode:
        pytest.skip("chattr +i is not supported here")
    try:
        before = stats(sqlite_db)
        result = cli("ingest", "--no-progress", "--db", sqlite_db, str(FIXTURES / "reynosa.md"), ok=False)
        assert result.exit_code == 1
        assert "database is read-only" in result.stderr and len(result.stderr.splitlines()) == 2
        assert stats(sqlite_db) == before
    finally:
        subprocess.run(["chattr", "-i", sqlite_db], check=True)


def test_postgresql_server_down():
    with __import__("socket").socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgresql://127.0.0.1:{port}/test"
    for args in (["ingest", "--no-progress", str(FIXTURES / "zamora.txt")], ["stats"], ["db", "upgrade"]):
        result = cli(*args, "--db", url, ok=False)
        assert result.exit_code == 1
        (line,) = result.stderr.splitlines()
        assert line.startswith(f"error: {url}: cannot connect to the PostgreSQL server (")


def test_missing_sqlite_folder(tmp_path):
    result = cli("stats", "--db", str(tmp_path / "no" / "x.db"), ok=False)
    assert result.stderr.strip() == f"error: {tmp_path / 'no' / 'x.db'}: folder {tmp_path / 'no'} does not exist"
