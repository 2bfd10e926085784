"""Importers (UCDP GED, ACLED) and exporters (ACLED CSV, UCDP, GeoJSON, GraphML, GEXF, STIX,
PLOVER, Parquet).

    >>> import cartelscope
    >>> from cartelscope import interop
    >>> cs = cartelscope.open("mx.db")
    >>> interop.import_file(cs, "ucdp", "ged_mexico.csv").as_dict()
    >>> interop.export(cs, "acled", "events.csv", state="Michoacán", since="2023")

Imported events carry ``dataset`` ("ucdp" or "acled") and the row id in ``dataset_id``; events
extracted from text carry ``dataset="cartelscope"``. See docs/interop.md for the mappings.
"""
from __future__ import annotations

from pathlib import Path

from cartelscope.interop.common import InteropError
from cartelscope.interop.writer import ImportReport

__all__ = ["IMPORTERS", "InteropError", "ImportReport", "export", "import_file"]

IMPORTERS = ("ucdp", "acled")


def import_file(scope, dataset: str, path: str | Path) -> ImportReport:
    """Import a UCDP GED or ACLED CSV into the scope's store (idempotent)."""
    if dataset == "ucdp":
        from cartelscope.interop.ucdp import import_ucdp as run
    elif dataset == "acled":
        from cartelscope.interop.acled import import_acled as run
    else:
        raise InteropError(f"unknown dataset {dataset!r}: use one of {', '.join(IMPORTERS)}")
    return run(scope.store, scope.knowledge, path)


def export(scope, fmt: str, path: str | Path, *, provenance: str | Path | None = None, batch: int | None = None,
           **filters) -> int:
    """Export events (or the actor network) matching the filters of ``cartelscope events``, as
    :meth:`Scope.event_filter` resolves them (actor, state, type, since, until, text, dataset...);
    returns rows or features written."""
    from cartelscope.interop.job import ExportJob, run_export
    from cartelscope.interop.stream import BATCH

    if fmt == "parquet" and str(path).endswith(("/", "\\")):
        Path(path).mkdir(parents=True, exist_ok=True)
    job = ExportJob(store=scope.store, pack=scope.knowledge, path=Path(path), flt=scope.event_filter(**filters),
                    provenance=Path(provenance) if provenance else None, batch=batch or BATCH)
    return run_export(job, fmt)
