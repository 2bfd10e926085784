"""CLI commands of this package, registered on the main app by :func:`register`:
``cartelscope import ucdp|acled FILE`` and ``cartelscope export FORMAT -o PATH``."""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Optional

import typer


FILTERS = {
    "actor": "Actor id or name (includes its factions)",
    "state": "State ISO code (MX-MIC) or name",
    "type": "ACLED event type or sub-event type",
    "since": "Earliest event date YYYY[-MM[-DD]]",
    "until": "Latest event date YYYY[-MM[-DD]]",
    "text": "Words in the summary or evidence",
    "dataset": "Only events from cartelscope, ucdp or acled",
}


def _filter(name: str):
    """The ``--NAME`` option of the event filters shared with ``cartelscope events``."""
    return typer.Option(None, f"--{name}", help=FILTERS[name], show_default=False)


def register(app) -> None:
    """Add the ``import`` sub-app and the ``export`` command to the Typer app."""
    from cartelscope.cli import DbOpt, KnowledgeOpt, fail, guarded, open_scope

    import_app = typer.Typer(help="Import a dataset file (UCDP GED, ACLED) into the store.", no_args_is_help=True)
    app.add_typer(import_app, name="import")

    def run_import(dataset: str, file: Path, db, knowledge, as_json: bool) -> None:
        from cartelscope.interop import import_file

        scope = open_scope(db, knowledge)
        try:
            report = import_file(scope, dataset, file)
        finally:
            scope.close()
        for line in report.errors[:50]:
            typer.echo(f"rejected: {line}", err=True)
        if len(report.errors) > 50:
            typer.echo(f"rejected: ... and {len(report.errors) - 50} more rows", err=True)
        counts = report.as_dict()
        if as_json:
            typer.echo(json.dumps(counts, ensure_ascii=False))
        else:
            typer.echo(f"{dataset}: read {report.read}, added {report.added}, already stored {report.already}, "
                       f"skipped {report.skipped}, rejected {len(report.errors)}, new actors "
                       f"{report.actors_added} ({report.seconds:.1f} s)")
        if not report.ok:
            raise typer.Exit(1)

    JsonOpt = typer.Option(False, "--json", help="Print the counts as JSON")
    FileArg = typer.Argument(..., help="The CSV file", show_default=False)

    @import_app.command("ucdp")
    @guarded
    def import_ucdp(file: Path = FileArg, db: Optional[str] = DbOpt, knowledge: Optional[str] = KnowledgeOpt,
                    as_json: bool = JsonOpt):
        """Import a UCDP GED CSV (49 columns); re-importing the same file adds nothing."""
        run_import("ucdp", file, db, knowledge, as_json)

    @import_app.command("acled")
    @guarded
    def import_acled(file: Path = FileArg, db: Optional[str] = DbOpt, knowledge: Optional[str] = KnowledgeOpt,
                     as_json: bool = JsonOpt):
        """Import an ACLED CSV export you have licensed (Mexico rows); never redistribute it."""
        run_import("acled", file, db, knowledge, as_json)

    @app.command("export")
    @guarded
    def export(
        format: str = typer.Argument(..., help="acled, ucdp, geojson, graphml, gexf, stix, plover or parquet"),
        output: Path = typer.Option(..., "--output", "-o", help="Output file (parquet: a directory or a file prefix)"),
        db: Optional[str] = DbOpt,
        actor: Optional[str] = _filter("actor"),
        state: Optional[str] = _filter("state"),
        type: Optional[str] = _filter("type"),
        since: Optional[str] = _filter("since"),
        until: Optional[str] = _filter("until"),
        text: Optional[str] = _filter("text"),
        dataset: Optional[str] = _filter("dataset"),
        provenance: Optional[Path] = typer.Option(None, "--provenance",
                                                  help="acled only: also write the cs_ provenance sidecar CSV here"),
        knowledge: Optional[str] = KnowledgeOpt,
    ):
        """Export events (or the actor network) in a format analysts use; streams in constant memory."""
        from cartelscope.interop import export as run_export
        from cartelscope.interop.exporters import FORMATS

        if format not in FORMATS:
            fail(f"unknown export format {format!r}: use one of {', '.join(FORMATS)}", 2)
        scope = open_scope(db, knowledge)
        began = time.perf_counter()
        try:
            n = run_export(scope, format, output, provenance=provenance, actor=actor, state=state, type=type,
                           since=since, until=until, text=text, dataset=dataset)
        finally:
            scope.close()
        unit = "edges" if format in ("graphml", "gexf") else "objects" if format == "stix" else \
            "features" if format == "geojson" else "events"
        typer.echo(f"{format}: wrote {n} {unit} to {output} ({time.perf_counter() - began:.1f} s)", err=True)
