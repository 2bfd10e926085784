"""The built-in export formats, registered by name (see :func:`cartelscope.interop.job.exporter`)."""
from __future__ import annotations

from cartelscope.interop import geojson, graph, parquet, plover, stix  # noqa: F401 - register on import
from cartelscope.interop.acled import export_acled
from cartelscope.interop.job import exporter
from cartelscope.interop.ucdp import export_ucdp

exporter("acled")(export_acled)
exporter("ucdp")(export_ucdp)

FORMATS = ("acled", "ucdp", "geojson", "graphml", "gexf", "stix", "plover", "parquet")
