"""One schema for SQLite and PostgreSQL, in SQLAlchemy Core.

Every fact keeps its provenance: events and relations have per-document source rows with the
evidence sentence, its character span in the document text and the extractor version. Event
columns follow ACLED's export (type, sub-type, actors, admin1/admin2, precision codes) and keep
UCDP's low/best/high fatalities so both exports are straight column mappings.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("url", Text),
    Column("title", Text),
    Column("source", Text, doc="outlet name"),
    Column("published", String(10), doc="YYYY-MM-DD, YYYY-MM or YYYY as known"),
    Column("retrieved", DateTime(timezone=True), nullable=False),
    Column("lang", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("chars", Integer, nullable=False),
    Column("simhash", BigInteger, nullable=False, doc="64-bit simhash as a signed integer"),
    Column("near_duplicate_of", String(40), ForeignKey("documents.id"), doc="first copy of a syndicated story"),
    Column("origin", Text, doc="where it was ingested from: path, URL or feed"),
    Column("extractor_version", String(40)),
    Column("extracted_at", DateTime(timezone=True)),
)

document_bands = Table(
    "document_bands",
    metadata,
    Column("document_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("band", Integer, primary_key=True),
    Column("hash", BigInteger, nullable=False),
    comment="MinHash LSH bands: documents sharing a band are near-duplicate candidates",
)
Index("ix_document_bands_band_hash", document_bands.c.band, document_bands.c.hash)
Index("ix_documents_published", documents.c.published)
Index("ix_documents_url", documents.c.url)

actors = Table(
    "actors",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("parent", String(80)),
    Column("parent_relation", String(20)),
    Column("country", String(2)),
    Column("acled_type", String(40)),
    Column("aliases", JSON, nullable=False, default=list),
    Column("origin", String(20), nullable=False, doc="knowledge | candidate | dataset"),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("mentions", Integer, nullable=False, default=0),
)

places = Table(
    "places",
    metadata,
    Column("id", String(40), primary_key=True, doc="INEGI code, GeoNames id or ISO code"),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False, doc="state | municipality | locality | foreign"),
    Column("admin1", String(8)),
    Column("admin2", Text),
    Column("admin2_code", String(5)),
    Column("country", String(2), nullable=False),
    Column("lat", Float),
    Column("lon", Float),
)

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("dataset", String(20), nullable=False, doc="cartelscope | ucdp | acled"),
    Column("dataset_id", String(60), doc="row id in an imported dataset"),
    Column("event_date", String(10), doc="YYYY-MM-DD, YYYY-MM or YYYY"),
    Column("date_end", String(10)),
    Column("date_precision", Integer, doc="ACLED time_precision: 1 day, 2 week/month, 3 longer"),
    Column("year", Integer),
    Column("event_type", String(40), nullable=False),
    Column("sub_event_type", String(60), nullable=False),
    Column("actor1", String(80)),
    Column("actor2", String(80)),
    Column("assoc_actors", JSON, nullable=False, default=list),
    Column("country", String(2), nullable=False, default="MX"),
    Column("admin1", String(8), doc="ISO 3166-2, e.g. MX-MIC"),
    Column("admin2", Text, doc="municipality name"),
    Column("admin2_code", String(5), doc="INEGI municipality code"),
    Column("location", Text),
    Column("place_id", String(40)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer, doc="ACLED geo_precision: 1 place, 2 municipality, 3 state"),
    Column("fatalities", Integer, doc="lowest credible figure (ACLED rule)"),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("fatalities_best", Integer, doc="median of the figures sources report (lower median)"),
    Column("tactics", JSON, nullable=False, default=list),
    Column("tags", JSON, nullable=False, default=list),
    Column("certainty", String(12), nullable=False, doc="asserted | reported | hedged | denied"),
    Column("civilian_targeting", Boolean, nullable=False, default=False),
    Column("summary", Text),
    Column("status", String(12), nullable=False, default="active", doc="active | rejected | merged"),
    Column("merged_into", String(40)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_events_event_date", events.c.event_date)
Index("ix_events_admin1", events.c.admin1)
Index("ix_events_event_type", events.c.event_type)
Index("ix_events_dataset", events.c.dataset, events.c.dataset_id)
Index("ix_events_admin1_event_date", events.c.admin1, events.c.event_date)
# Covers the dashboard's period queries (status + date range, grouped by state, type, certainty,
# summing fatalities) so they read the index alone, never the wide event rows.
Index("ix_events_status_date_cover", events.c.status, events.c.event_date, events.c.admin1,
      events.c.event_type, events.c.certainty, events.c.fatalities)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", String(80), primary_key=True),
    Column("role", String(12), primary_key=True, doc="actor1 | actor2 | assoc | contested"),
)
Index("ix_event_actors_actor_id", event_actors.c.actor_id)

event_sources = Table(
    "event_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", String(40), ForeignKey("documents.id"), doc="null for imported datasets"),
    Column("char_start", Integer),
    Column("char_end", Integer),
    Column("sentence", Text),
    Column("extractor_version", String(40), nullable=False),
    Column("reported_actors", JSON, nullable=False, default=list, doc="actors as this source names them"),
    Column("reported_fatalities", Integer),
    Column("certainty", String(12)),
    Column("detail", JSON, nullable=False, default=dict, doc="per-source extraction: date, place, tactics, rule"),
    UniqueConstraint("event_id", "document_id", "char_start", name="uq_event_sources_span"),
)
Index("ix_event_sources_event_id", event_sources.c.event_id)
Index("ix_event_sources_document_id", event_sources.c.document_id)

relations = Table(
    "relations",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("a", String(80), nullable=False),
    Column("b", String(80), nullable=False),
    Column("valid_from", String(10)),
    Column("valid_to", String(10)),
    Column("first_reported", String(10)),
    Column("last_reported", String(10)),
    Column("certainty", String(12), nullable=False),
    Column("status", String(12), nullable=False, default="active", doc="active | confirmed | refuted"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_relations_a", relations.c.a)
Index("ix_relations_b", relations.c.b)

relation_sources = Table(
    "relation_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("relation_id", String(40), ForeignKey("relations.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", String(40), ForeignKey("documents.id")),
    Column("char_start", Integer),
    Column("char_end", Integer),
    Column("sentence", Text),
    Column("extractor_version", String(40), nullable=False),
    Column("certainty", String(12)),
    Column("reported_on", String(10), doc="publication date of the reporting document"),
    Column("stated_from", String(10), doc="date the text gives for the relation, if any"),
    Column("stated_to", String(10), doc="end date the text gives for the relation, if any"),
    UniqueConstraint("relation_id", "document_id", "char_start", name="uq_relation_sources_span"),
)
Index("ix_relation_sources_relation_id", relation_sources.c.relation_id)
Index("ix_relation_sources_document_id", relation_sources.c.document_id)

candidate_actors = Table(
    "candidate_actors",
    metadata,
    Column("normalized", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("mentions", Integer, nullable=False, default=0),
    Column("documents", Integer, nullable=False, default=0),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("example_document", String(40)),
    Column("example_sentence", Text),
)

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target_type", String(12), nullable=False, doc="event | relation | actor | candidate"),
    Column("target_id", String(80), nullable=False),
    Column("action", String(20), nullable=False),
    Column("payload", JSON, nullable=False, default=dict),
    Column("reviewer", Text, nullable=False),
    Column("reason", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("undone_at", DateTime(timezone=True)),
)
Index("ix_reviews_target", reviews.c.target_type, reviews.c.target_id)

ALL_TABLES = [t.name for t in metadata.sorted_tables]
