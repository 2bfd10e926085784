"""An export job: the store, the knowledge pack, the resolved filters and the output path.

Exporters are plain functions ``fn(job) -> int`` (rows or features written) registered by
format name in :data:`EXPORTERS`; a third party adds a format the same way the built-ins do,
with :func:`exporter`.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from cartelscope.interop.common import InteropError
from cartelscope.interop.stream import BATCH, actor_table, iter_event_batches
from cartelscope.store.filters import EventFilter

EXPORTERS: dict[str, Callable[["ExportJob"], int]] = {}
EVENTS_ONLY: set[str] = set()


def exporter(name: str, *, events: bool = True):
    """Register an export format; ``events=False`` marks actor-network formats, for which event
    filters (state, municipality, type, text, certainty, dataset) do not apply."""
    def wrap(fn):
        EXPORTERS[name] = fn
        if events:
            EVENTS_ONLY.add(name)
        return fn

    return wrap


@dataclass
class ExportJob:
    store: Any
    pack: Any
    path: Path
    flt: EventFilter = field(default_factory=EventFilter)
    provenance: Path | None = None
    batch: int = BATCH
    _actors: dict | None = None

    def batches(self, *, with_sources: bool = False) -> Iterator[list[dict]]:
        return iter_event_batches(self.store, self.flt, batch=self.batch, with_sources=with_sources)

    def actor_table(self) -> dict[str, dict]:
        if self._actors is None:
            self._actors = actor_table(self.store)
        return self._actors

    @contextmanager
    def open_text(self, path: Path | None = None):
        """Write to a temporary file and move it into place when done, so a failed export never
        leaves a half-written file under the requested name."""
        target = Path(path or self.path)
        if not target.parent.exists():
            raise InteropError(f"{target}: folder {target.parent} does not exist")
        tmp = target.with_name(f".{target.name}.partial")
        try:
            with tmp.open("w", encoding="utf-8", newline="") as out:
                yield out
            os.replace(tmp, target)
        except OSError as exc:
            raise InteropError(f"{target}: cannot write ({exc.strerror or exc})") from None
        finally:
            if tmp.exists():
                tmp.unlink()


def run_export(job: ExportJob, fmt: str) -> int:
    """Run the exporter for ``fmt``; one clear error for an unknown format or unusable filter."""
    from cartelscope.interop import exporters  # noqa: F401 - registers the built-in formats

    if fmt not in EXPORTERS:
        raise InteropError(f"unknown export format {fmt!r}: use one of {', '.join(sorted(EXPORTERS))}")
    if fmt not in EVENTS_ONLY and job.flt.event_only():
        raise InteropError(f"{', '.join('--' + f for f in job.flt.event_only())} does not apply to {fmt} "
                           "(an actor network); use --actor, --since or --until")
    if job.provenance is not None and fmt != "acled":
        raise InteropError("--provenance is only for the acled format")
    return EXPORTERS[fmt](job)
