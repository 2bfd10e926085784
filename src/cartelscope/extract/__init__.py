"""Extraction: pure functions from one document's text to records with evidence.

:func:`extract` takes text (and optionally the publication date and language) and returns an
:class:`~cartelscope.model.Extraction`. It does no I/O beyond reading the knowledge pack once.
"""
from __future__ import annotations

__all__ = ["EXTRACTOR_VERSION", "Extractor", "extract"]


def __getattr__(name):
    if name in __all__:
        from cartelscope.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
