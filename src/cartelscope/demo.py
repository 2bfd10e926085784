"""The demo: ingest the bundled sample corpus into a SQLite file and summarise it."""
from __future__ import annotations

from importlib import resources
from typing import Callable

from cartelscope.ingest.sources import Failure, Item


def sample_path() -> str:
    return str(resources.files("cartelscope") / "sample" / "corpus.jsonl")


def sample_items() -> list[Item | Failure]:
    from cartelscope.ingest.sources import iter_file
    from pathlib import Path

    path = Path(sample_path())
    return list(iter_file(path, "sample/corpus.jsonl"))


def run_demo(db: str, echo: Callable[[str], None] = print) -> dict:
    from cartelscope.scope import Scope

    with Scope(db) as scope:
        report = scope.ingest_records(sample_items())
        stats = scope.stats()
        states = scope.knowledge.states
        echo(f"cartelscope demo: ingested the bundled sample corpus into {db}")
        echo(f"  this run: new {report.new}, duplicate {report.duplicate}, "
             f"near-duplicate {report.near_duplicate}, failed {report.failed}")
        echo(f"  documents {stats['documents']} ({', '.join(f'{k} {v}' for k, v in sorted(stats['documents_by_lang'].items()))}), "
             f"events {stats['events']}, actors {stats['actors']}, relations {stats['relations']}")
        if stats["top_states"]:
            echo("  most active states: " + ", ".join(
                f"{states[s['state']].name if s['state'] in states else s['state']} ({s['events']})"
                for s in stats["top_states"]))
        top = scope.actors(limit=5)
        if top:
            echo("  most mentioned actors: " + ", ".join(f"{a['name']} ({a['mentions']})" for a in top))
        echo(f"  explore: cartelscope events --db {db} --state MX-SIN   |   cartelscope relations --db {db}")
        echo(f"  dashboard: cartelscope serve --db {db}  then open http://127.0.0.1:8000/")
        for f in report.failures:
            echo(f"  failed: {f}")
        return {"report": report.as_dict(), "stats": stats}
