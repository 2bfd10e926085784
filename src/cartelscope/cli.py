"""The command line: one Typer app; each verb parses options and calls one library method."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import List, Optional

import typer

from cartelscope import __version__, config
from cartelscope.errors import CartelscopeError
from cartelscope.output import FORMATS, emit, emit_object, write_lines

app = typer.Typer(help="cartelscope: sourced event data and actor networks from reporting on organized-crime "
                       "conflict in Mexico.", no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
knowledge_app = typer.Typer(help="The knowledge pack: actors, places, codebook.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(knowledge_app, name="knowledge")

DB_HELP = "SQLite path or postgresql:// URL (env CARTELSCOPE_DB; default ./cartelscope.db)"
DbOpt = typer.Option(None, "--db", help=DB_HELP, show_default=False)
KnowledgeOpt = typer.Option(None, "--knowledge", help="Folder of user knowledge files (env CARTELSCOPE_KNOWLEDGE)",
                            show_default=False)
FormatOpt = typer.Option("table", "--format", "-f", help="table, csv, json or jsonl")


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _check_format(fmt: str, allowed=FORMATS) -> str:
    if fmt not in allowed:
        fail(f"--format must be one of {', '.join(allowed)}, not {fmt!r}", 2)
    return fmt


def open_scope(db: str | None, knowledge: str | None = None):
    from cartelscope.scope import Scope

    try:
        return Scope(db or config.get("db"), knowledge=knowledge)
    except CartelscopeError as exc:
        fail(str(exc))


def guarded(fn):
    """Turn library and database errors into one clear line and a non-zero exit."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from sqlalchemy.exc import DBAPIError, OperationalError

        try:
            return fn(*args, **kwargs)
        except CartelscopeError as exc:
            fail(str(exc))
        except (DBAPIError, OperationalError) as exc:
            from cartelscope.store.repository import explain_db_error

            fail(explain_db_error(kwargs.get("db") or config.get("db"), exc))
        except BrokenPipeError:  # pragma: no cover - e.g. piping into head
            sys.stderr.close()
            raise typer.Exit(0)

    return wrapper


def version_callback(value: bool):
    if value:
        from cartelscope.extract import native

        typer.echo(f"cartelscope {__version__}")
        typer.echo(f"extraction rules: {native.STATUS}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True,
                                      help="Print the version and exit.")):
    """cartelscope command line."""


# -- ingest and extract ----------------------------------------------------------------------
def _count_items(sources: list[str]) -> int | None:
    """Items the progress bar expects, or None (unknown: URLs, feeds, JSON arrays)."""
    from cartelscope.ingest.sources import FILE_KINDS, is_url

    total = 0
    for s in sources:
        if is_url(s):
            return None
        p = Path(s)
        files = [f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in FILE_KINDS] if p.is_dir() else [p]
        for f in files:
            suffix = f.suffix.lower()
            if suffix == ".json":
                return None
            if suffix == ".jsonl":
                try:
                    with f.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


@app.command()
@guarded
def ingest(
    sources: List[str] = typer.Argument(..., help="Files, folders, http(s) article URLs or RSS/Atom feed URLs"),
    db: Optional[str] = DbOpt,
    knowledge: Optional[str] = KnowledgeOpt,
    allow_private: bool = typer.Option(False, "--allow-private",
                                       help="Allow private, loopback and link-local addresses "
                                            "(env CARTELSCOPE_ALLOW_PRIVATE)"),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar"),
    format: str = typer.Option("table", "--format", "-f", help="table or json for the final counts"),
):
    """Ingest articles, extract events and relations, and store them with their evidence.

    Each problem prints one line "failed: WHERE: WHAT"; the batch goes on; exit code 1 if any failed.
    """
    _check_format(format, ("table", "json"))
    allow_private = allow_private or config.get("allow_private")
    scope = open_scope(db, knowledge)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    console = Console(stderr=True)
    try:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      console=console, disable=not progress, transient=True) as bar:
            task = bar.add_task("ingesting", total=_count_items(sources))
            report = scope.ingest(sources, allow_private=allow_private, on_item=lambda _o, _s: bar.advance(task))
    finally:
        scope.close()
    for line in report.failures:
        typer.echo(f"failed: {line}", err=True)
    if report.stopped:
        typer.echo(f"error: {report.stopped}", err=True)
    if format == "json":
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        typer.echo(f"new {report.new}, duplicate {report.duplicate}, near-duplicate {report.near_duplicate}, "
                   f"failed {report.failed}")
    if report.stopped and report.stopped.startswith("interrupted"):
        raise typer.Exit(130)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
@guarded
def extract(
    files: List[Path] = typer.Argument(..., help="Text, Markdown, HTML, JSON or JSONL files"),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one object per document) or json"),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for relative dates"),
    knowledge: Optional[str] = KnowledgeOpt,
):
    """Stateless extraction: one JSON object per document, in the evaluation scorer's format."""
    _check_format(format, ("jsonl", "json"))
    if published:
        from cartelscope.extract.dates import parse_pub_date

        if parse_pub_date(published) is None:
            fail(f"--published {published!r} is not a date YYYY-MM-DD", 2)
    from cartelscope import knowledge as kmod
    from cartelscope.extract.backend import load_extractor
    from cartelscope.extract.runner import extract_files

    extractor = load_extractor(kmod.load(knowledge))
    failures = []
    records = extract_files([str(f) for f in files], extractor, published=published, failures=failures)
    if format == "jsonl":
        write_lines(records)
    else:
        typer.echo(json.dumps(list(records), ensure_ascii=False, indent=2))
    for f in failures:
        typer.echo(f"failed: {f}", err=True)
    if failures:
        raise typer.Exit(1)


@app.command("eval")
@guarded
def evaluate(
    texts: List[Path] = typer.Argument(..., help="Article files or folders to extract from"),
    gold: Path = typer.Option(..., "--gold", help="Gold JSONL (the shared eval schema)"),
    actors: Path = typer.Option(..., "--actors", help="Alias table: label -> aliases (JSON)"),
    output: Optional[Path] = typer.Option(None, "--pred-out", help="Also write the predictions here"),
    split: Optional[str] = typer.Option(None, "--split", help="Only gold rows whose 'split' is this"),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON"),
    verbose: bool = typer.Option(False, "--verbose", help="List misses and false alarms per document"),
    knowledge: Optional[str] = KnowledgeOpt,
):
    """Run extraction over TEXTS and score it against gold in one step."""
    from cartelscope import knowledge as kmod
    from cartelscope.evaluate import score_files
    from cartelscope.extract.backend import load_extractor

    summary, report = score_files([str(t) for t in texts], gold, actors, load_extractor(kmod.load(knowledge)),
                                  pred_out=output, split=split, verbose=verbose)
    if as_json:
        typer.echo(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        typer.echo(report)


# -- queries -------------------------------------------------------------------------------------
EVENT_COLUMNS = ["id", "date", "event_type", "sub_event_type", "state", "municipality", "actors", "fatalities",
                 "certainty", "summary"]


@app.command()
@guarded
def events(
    db: Optional[str] = DbOpt,
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor id or name (includes its factions)"),
    state: Optional[str] = typer.Option(None, "--state", help="State ISO code (MX-MIC) or name"),
    type: Optional[str] = typer.Option(None, "--type", help="ACLED event type or sub-event type"),
    since: Optional[str] = typer.Option(None, "--since", help="Earliest event date YYYY[-MM[-DD]]"),
    until: Optional[str] = typer.Option(None, "--until", help="Latest event date YYYY[-MM[-DD]]"),
    text: Optional[str] = typer.Option(None, "--text", help="Words in the summary or evidence"),
    certainty: Optional[str] = typer.Option(None, "--certainty", help="asserted, reported, alleged"),
    limit: Optional[int] = typer.Option(None, "--limit", min=1),
    format: str = FormatOpt,
    knowledge: Optional[str] = KnowledgeOpt,
):
    """Events with their sources; filter by actor, state, type, dates or text."""
    _check_format(format)
    scope = open_scope(db, knowledge)
    rows = scope.events(actor=actor, state=state, type=type, since=since, until=until, text=text,
                        certainty=certainty, limit=limit)
    if format in ("csv", "table"):
        for r in rows:
            r["sources"] = len(r["sources"])
    emit(rows, format, EVENT_COLUMNS + (["sources"] if format == "csv" else []), title="events")


@app.command()
@guarded
def documents(
    db: Optional[str] = DbOpt,
    lang: Optional[str] = typer.Option(None, "--lang", help="en, es or other"),
    since: Optional[str] = typer.Option(None, "--since", help="Published on or after YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", help="Published on or before YYYY-MM-DD"),
    text: Optional[str] = typer.Option(None, "--text", help="Words in the title or text"),
    limit: Optional[int] = typer.Option(None, "--limit", min=1),
    format: str = FormatOpt,
):
    """Ingested documents."""
    _check_format(format)
    rows = open_scope(db).documents(lang=lang, since=since, until=until, text=text, limit=limit)
    emit(rows, format, ["id", "published", "lang", "source", "title", "url", "near_duplicate_of"], title="documents")


@app.command()
@guarded
def actors(
    db: Optional[str] = DbOpt,
    kind: Optional[str] = typer.Option(None, "--kind", help="cartel, faction, state_force, person, ..."),
    text: Optional[str] = typer.Option(None, "--text", help="Words in the name"),
    limit: Optional[int] = typer.Option(None, "--limit", min=1),
    format: str = FormatOpt,
):
    """Actors seen in the stored documents, most mentioned first."""
    _check_format(format)
    rows = open_scope(db).actors(kind=kind, text=text, limit=limit)
    emit(rows, format, ["id", "name", "kind", "mentions", "events", "first_seen", "last_seen"], title="actors")


@app.command()
@guarded
def relations(
    db: Optional[str] = DbOpt,
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor id or name"),
    type: Optional[str] = typer.Option(None, "--type", help="alliance, rivalry, faction_of, split, leader_of, ceasefire, supplies"),
    since: Optional[str] = typer.Option(None, "--since", help="Reported on or after"),
    until: Optional[str] = typer.Option(None, "--until", help="Reported on or before"),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="What held on this date (valid time)"),
    known_on: Optional[str] = typer.Option(None, "--known-on", help="Only what had been reported by this date"),
    format: str = FormatOpt,
    knowledge: Optional[str] = KnowledgeOpt,
):
    """Relations between actors over time, with the sentences that state them."""
    _check_format(format)
    for flag, value in (("--as-of", as_of), ("--known-on", known_on)):
        if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            fail(f"{flag} {value!r} is not a date YYYY[-MM[-DD]]", 2)
    rows = open_scope(db, knowledge).relations(actor=actor, kind=type, since=since, until=until,
                                               as_of=as_of, known_on=known_on)
    if format in ("csv", "table"):
        for r in rows:
            r["sources"] = len(r["sources"])
            r["intervals"] = "; ".join(f"{i.get('valid_from') or '?'}..{i.get('valid_to') or ''}"
                                       for i in r.get("intervals") or [])
    columns = ["kind", "a_name", "b_name", "valid_from", "valid_to", "first_reported", "sources"]
    if format == "csv":
        columns += ["intervals", "last_reported", "certainty", "status"]
    emit(rows, format, columns, title="relations")


@app.command()
@guarded
def stats(db: Optional[str] = DbOpt, format: str = FormatOpt):
    """Counts of documents, events, actors and relations."""
    _check_format(format)
    emit_object(open_scope(db).stats(), format)


@app.command()
@guarded
def reextract(
    db: Optional[str] = DbOpt,
    document: Optional[List[str]] = typer.Option(None, "--document", help="Document id (repeatable); default all"),
    knowledge: Optional[str] = KnowledgeOpt,
):
    """Run the current extractor again over stored documents; review decisions are kept."""
    totals = open_scope(db, knowledge).reextract(document or None)
    typer.echo(f"re-extracted {totals['documents']} documents: {totals['events_before']} event sources before, "
               f"{totals['events_after']} after, {totals['removed']} events left without sources removed")


@app.command()
@guarded
def demo(db: str = typer.Option("demo.db", "--db", help=DB_HELP)):
    """Ingest the bundled sample corpus into a SQLite file and print a summary."""
    from cartelscope.demo import run_demo

    run_demo(db, echo=typer.echo)


# -- db and knowledge --------------------------------------------------------------------------
@db_app.command("upgrade")
@guarded
def db_upgrade(db: Optional[str] = DbOpt):
    """Apply schema migrations (they also run automatically on every command)."""
    from cartelscope.store import db as dbmod
    from cartelscope.store.repository import Store

    store = Store(db or config.get("db"), migrate=False)
    try:
        rev = dbmod.upgrade(store.engine)
    except Exception as exc:  # noqa: BLE001 - shown as one line
        from cartelscope.store.repository import explain_db_error

        fail(explain_db_error(store.db, exc))
    typer.echo(f"{store.db}: schema at revision {rev}")


@knowledge_app.command("stats")
@guarded
def knowledge_stats(knowledge: Optional[str] = KnowledgeOpt, format: str = typer.Option("json", "--format", "-f")):
    """Counts of actors, places, triggers and aliases."""
    from cartelscope import knowledge as kmod

    emit_object(kmod.load(knowledge).stats(), "json" if format == "json" else format)


@knowledge_app.command("lookup")
@guarded
def knowledge_lookup(
    name: str = typer.Argument(..., help="A name, alias, acronym or place"),
    knowledge: Optional[str] = KnowledgeOpt,
    format: str = typer.Option("table", "--format", "-f"),
):
    """Every actor or place a string can mean, best first."""
    from cartelscope import knowledge as kmod

    rows = kmod.load(knowledge).lookup(name)
    emit(rows, _check_format(format), ["id", "name", "type", "kind", "state"], title=name)
    if not rows:
        raise typer.Exit(1)


@knowledge_app.command("validate")
@guarded
def knowledge_validate(knowledge: Optional[str] = KnowledgeOpt):
    """Load and validate the pack (and a user folder); prints the files read."""
    from cartelscope import knowledge as kmod

    pack = kmod.load(knowledge)
    for src in pack.sources:
        typer.echo(src)
    typer.echo(f"ok: {len(pack.actors)} actors, {len(pack.municipalities)} municipalities")




def _register_plugins() -> None:
    """Commands that live with their package (import/export, serve, review)."""
    from cartelscope.api.cli import register as register_api
    from cartelscope.interop.cli import register as register_interop
    from cartelscope.resolve.cli import register as register_resolve

    for register in (register_interop, register_api, register_resolve):
        register(app)


_register_plugins()


if __name__ == "__main__":  # pragma: no cover
    app()
