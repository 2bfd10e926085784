"""Extraction: pure functions from one document's text to records with evidence.

:func:`extract` takes text (and optionally the publication date and language) and returns an
:class:`~cartelscope.model.Extraction`. It does no I/O beyond reading the knowledge pack once.
The rule modules run compiled to C when a matching build is present (:mod:`.native`).
"""
from __future__ import annotations

from cartelscope.extract import native as _native

__all__ = ["EXTRACTOR_VERSION", "Extractor", "extract"]

# the compiled rule engine, when a build of exactly these sources is present (see native.py)
_native.activate(__path__)


def __getattr__(name):
    if name in __all__:
        from cartelscope.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
