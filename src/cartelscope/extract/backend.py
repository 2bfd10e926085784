"""Extraction backends: the bundled rules, or another extractor a user installed.

Everything that extracts (``cartelscope extract``, ``cartelscope eval``, ingest, re-extraction and
the Python API) gets its extractor from :func:`load_extractor`. By default that is the rule-based
:class:`~cartelscope.extract.pipeline.Extractor`, which runs offline with no model download. A
user who has a model-based extractor (a spaCy pipeline installed on their machine, say) plugs it
in with ``CARTELSCOPE_EXTRACTOR=package.module:factory``: ``factory(pack)`` receives the knowledge
pack and returns an object that satisfies :class:`ExtractionBackend`. Its ``version`` is stored
with every record it produces, so results stay traceable to the backend that made them.
"""
from __future__ import annotations

import importlib
from typing import Any, Protocol, runtime_checkable

from cartelscope import config
from cartelscope.errors import ConfigError
from cartelscope.knowledge import KnowledgePack
from cartelscope.model import Extraction

RULES = "rules"
MAX_VERSION_CHARS = 40  # store.schema: extractor_version columns


@runtime_checkable
class ExtractionBackend(Protocol):
    """What an extractor provides: a version string and a pure ``extract`` function."""

    version: str

    def extract(self, text: str, published: str | None = None, lang: str | None = None) -> Extraction: ...


class _DocumentAdapter:
    """Gives a backend the ``backend(document)`` form ingest calls, when it lacks one."""

    def __init__(self, backend: ExtractionBackend):
        self.backend = backend
        self.version = backend.version

    def extract(self, text: str, published: str | None = None, lang: str | None = None) -> Extraction:
        return self.backend.extract(text, published=published, lang=lang)

    def __call__(self, doc: Any) -> Extraction:
        return self.backend.extract(doc.text, published=doc.published, lang=doc.lang)


def load_extractor(pack: KnowledgePack, spec: str | None = None) -> Any:
    """The extractor named by ``spec`` (else the ``extractor`` setting): ``rules`` or nothing for
    the bundled rules, or ``module:factory``. Raises :class:`ConfigError` saying what is wrong."""
    spec = spec if spec is not None else config.get("extractor")
    if not spec or spec == RULES:
        from cartelscope.extract.pipeline import Extractor

        return Extractor(pack)
    module_name, sep, attr = spec.partition(":")
    if not sep or not module_name or not attr:
        raise ConfigError(f"extractor {spec!r}: expected 'rules' or 'package.module:factory'")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ConfigError(f"extractor {spec!r}: cannot import {module_name!r} ({exc})") from None
    factory = getattr(module, attr, None)
    if not callable(factory):
        raise ConfigError(f"extractor {spec!r}: {module_name!r} has no callable {attr!r}")
    backend = factory(pack)
    version = getattr(backend, "version", None)
    if not isinstance(version, str) or not version or not callable(getattr(backend, "extract", None)):
        raise ConfigError(f"extractor {spec!r}: the factory must return an object with a non-empty "
                          f"'version' string and an extract(text, published, lang) method")
    if len(version) > MAX_VERSION_CHARS:
        raise ConfigError(f"extractor {spec!r}: version {version!r} is longer than {MAX_VERSION_CHARS} "
                          f"characters, the width stored with every record")
    return backend if callable(backend) else _DocumentAdapter(backend)
