"""`cartelscope import` and `cartelscope export` through the real CLI (SQLite)."""
from __future__ import annotations

import csv

from typer.testing import CliRunner

from cartelscope.cli import app
from interop_paths import ACLED_BAD, UCDP_SAMPLE, sample_size

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_import_and_export_commands(tmp_path):
    db = tmp_path / "cli.db"
    first = run("import", "ucdp", UCDP_SAMPLE, "--db", db)
    assert first.exit_code == 0, first.output
    assert f"added {sample_size()}" in first.output
    again = run("import", "ucdp", UCDP_SAMPLE, "--db", db, "--json")
    assert again.exit_code == 0 and '"added": 0' in again.output
    out = tmp_path / "sin.csv"
    res = run("export", "acled", "-o", out, "--db", db, "--state", "Sinaloa", "--type", "Battles")
    assert res.exit_code == 0, res.output
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and {(r["admin1"], r["event_type"]) for r in rows} == {("Sinaloa", "Battles")}
    res = run("export", "geojson", "-o", tmp_path / "t.geojson", "--db", db, "--text", "killings")
    assert res.exit_code == 0, res.output


def test_cli_errors_are_one_line_and_change_nothing(tmp_path):
    db = tmp_path / "cli.db"
    run("import", "ucdp", UCDP_SAMPLE, "--db", db)
    bad = run("import", "acled", ACLED_BAD, "--db", db)
    assert bad.exit_code == 1 and "rejected:" in bad.output and "added 1" in bad.output
    wrong = run("import", "ucdp", ACLED_BAD, "--db", db)
    assert wrong.exit_code == 1 and "not a UCDP GED CSV" in wrong.output
    fmt = run("export", "kml", "-o", tmp_path / "x", "--db", db)
    assert fmt.exit_code == 2 and "unknown export format" in fmt.output
    date = run("export", "acled", "-o", tmp_path / "x.csv", "--db", db, "--since", "last year")
    assert date.exit_code == 1 and "is not a date" in date.output
    folder = run("export", "acled", "-o", tmp_path / "missing" / "x.csv", "--db", db)
    assert folder.exit_code == 1 and "does not exist" in folder.output
    prov = run("export", "plover", "-o", tmp_path / "p.jsonl", "--provenance", tmp_path / "s.csv", "--db", db)
    assert prov.exit_code == 1 and "only for the acled format" in prov.output
    assert not (tmp_path / "x.csv").exists()
    stats = run("stats", "--db", db, "--format", "json")
    assert f'"events": {sample_size() + 1}' in stats.output
