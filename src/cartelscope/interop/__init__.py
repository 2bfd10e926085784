"""Importers (UCDP GED, ACLED) and exporters (ACLED CSV, UCDP, GeoJSON, GraphML, GEXF, STIX, PLOVER, Parquet)."""
