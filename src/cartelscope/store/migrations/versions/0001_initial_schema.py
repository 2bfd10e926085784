"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 10:59:47.790253
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('parent', sa.String(length=80), nullable=True),
    sa.Column('parent_relation', sa.String(length=20), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('acled_type', sa.String(length=40), nullable=True),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('first_seen', sa.String(length=10), nullable=True),
    sa.Column('last_seen', sa.String(length=10), nullable=True),
    sa.Column('mentions', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actors'))
    )
    op.create_table('candidate_actors',
    sa.Column('normalized', sa.String(length=200), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('mentions', sa.Integer(), nullable=False),
    sa.Column('documents', sa.Integer(), nullable=False),
    sa.Column('first_seen', sa.String(length=10), nullable=True),
    sa.Column('last_seen', sa.String(length=10), nullable=True),
    sa.Column('example_document', sa.String(length=40), nullable=True),
    sa.Column('example_sentence', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('normalized', name=op.f('pk_candidate_actors'))
    )
    op.create_table('documents',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('retrieved', sa.DateTime(timezone=True), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('chars', sa.Integer(), nullable=False),
    sa.Column('simhash', sa.BigInteger(), nullable=False),
    sa.Column('near_duplicate_of', sa.String(length=40), nullable=True),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('extractor_version', sa.String(length=40), nullable=True),
    sa.Column('extracted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['near_duplicate_of'], ['documents.id'], name=op.f('fk_documents_near_duplicate_of_documents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('sha256', name=op.f('uq_documents_sha256'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index('ix_documents_published', ['published'], unique=False)
        batch_op.create_index('ix_documents_url', ['url'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('dataset', sa.String(length=20), nullable=False),
    sa.Column('dataset_id', sa.String(length=60), nullable=True),
    sa.Column('event_date', sa.String(length=10), nullable=True),
    sa.Column('date_end', sa.String(length=10), nullable=True),
    sa.Column('date_precision', sa.Integer(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('event_type', sa.String(length=40), nullable=False),
    sa.Column('sub_event_type', sa.String(length=60), nullable=False),
    sa.Column('actor1', sa.String(length=80), nullable=True),
    sa.Column('actor2', sa.String(length=80), nullable=True),
    sa.Column('assoc_actors', sa.JSON(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('admin1', sa.String(length=8), nullable=True),
    sa.Column('admin2', sa.Text(), nullable=True),
    sa.Column('admin2_code', sa.String(length=5), nullable=True),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('place_id', sa.String(length=40), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('fatalities_low', sa.Integer(), nullable=True),
    sa.Column('fatalities_high', sa.Integer(), nullable=True),
    sa.Column('tactics', sa.JSON(), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('certainty', sa.String(length=12), nullable=False),
    sa.Column('civilian_targeting', sa.Boolean(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('merged_into', sa.String(length=40), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_admin1', ['admin1'], unique=False)
        batch_op.create_index('ix_events_dataset', ['dataset', 'dataset_id'], unique=False)
        batch_op.create_index('ix_events_event_date', ['event_date'], unique=False)
        batch_op.create_index('ix_events_event_type', ['event_type'], unique=False)

    op.create_table('places',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('admin1', sa.String(length=8), nullable=True),
    sa.Column('admin2', sa.Text(), nullable=True),
    sa.Column('admin2_code', sa.String(length=5), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_places'))
    )
    op.create_table('relations',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('a', sa.String(length=80), nullable=False),
    sa.Column('b', sa.String(length=80), nullable=False),
    sa.Column('valid_from', sa.String(length=10), nullable=True),
    sa.Column('valid_to', sa.String(length=10), nullable=True),
    sa.Column('first_reported', sa.String(length=10), nullable=True),
    sa.Column('last_reported', sa.String(length=10), nullable=True),
    sa.Column('certainty', sa.String(length=12), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relations'))
    )
    with op.batch_alter_table('relations', schema=None) as batch_op:
        batch_op.create_index('ix_relations_a', ['a'], unique=False)
        batch_op.create_index('ix_relations_b', ['b'], unique=False)

    op.create_table('reviews',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('target_type', sa.String(length=12), nullable=False),
    sa.Column('target_id', sa.String(length=80), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('reviewer', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviews'))
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index('ix_reviews_target', ['target_type', 'target_id'], unique=False)

    op.create_table('document_bands',
    sa.Column('document_id', sa.String(length=40), nullable=False),
    sa.Column('band', sa.Integer(), nullable=False),
    sa.Column('hash', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_document_bands_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'band', name=op.f('pk_document_bands')),
    comment='MinHash LSH bands: documents sharing a band are near-duplicate candidates'
    )
    with op.batch_alter_table('document_bands', schema=None) as batch_op:
        batch_op.create_index('ix_document_bands_band_hash', ['band', 'hash'], unique=False)

    op.create_table('event_actors',
    sa.Column('event_id', sa.String(length=40), nullable=False),
    sa.Column('actor_id', sa.String(length=80), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_actors_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'actor_id', 'role', name=op.f('pk_event_actors'))
    )
    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.create_index('ix_event_actors_actor_id', ['actor_id'], unique=False)

    op.create_table('event_sources',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.String(length=40), nullable=False),
    sa.Column('document_id', sa.String(length=40), nullable=True),
    sa.Column('char_start', sa.Integer(), nullable=True),
    sa.Column('char_end', sa.Integer(), nullable=True),
    sa.Column('sentence', sa.Text(), nullable=True),
    sa.Column('extractor_version', sa.String(length=40), nullable=False),
    sa.Column('reported_actors', sa.JSON(), nullable=False),
    sa.Column('reported_fatalities', sa.Integer(), nullable=True),
    sa.Column('certainty', sa.String(length=12), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_event_sources_document_id_documents')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_sources_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_sources')),
    sa.UniqueConstraint('event_id', 'document_id', 'char_start', name='uq_event_sources_span')
    )
    with op.batch_alter_table('event_sources', schema=None) as batch_op:
        batch_op.create_index('ix_event_sources_document_id', ['document_id'], unique=False)
        batch_op.create_index('ix_event_sources_event_id', ['event_id'], unique=False)

    op.create_table('relation_sources',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('relation_id', sa.String(length=40), nullable=False),
    sa.Column('document_id', sa.String(length=40), nullable=True),
    sa.Column('char_start', sa.Integer(), nullable=True),
    sa.Column('char_end', sa.Integer(), nullable=True),
    sa.Column('sentence', sa.Text(), nullable=True),
    sa.Column('extractor_version', sa.String(length=40), nullable=False),
    sa.Column('certainty', sa.String(length=12), nullable=True),
    sa.Column('reported_on', sa.String(length=10), nullable=True),
    sa.Column('stated_from', sa.String(length=10), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_relation_sources_document_id_documents')),
    sa.ForeignKeyConstraint(['relation_id'], ['relations.id'], name=op.f('fk_relation_sources_relation_id_relations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relation_sources')),
    sa.UniqueConstraint('relation_id', 'document_id', 'char_start', name='uq_relation_sources_span')
    )
    with op.batch_alter_table('relation_sources', schema=None) as batch_op:
        batch_op.create_index('ix_relation_sources_relation_id', ['relation_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('relation_sources', schema=None) as batch_op:
        batch_op.drop_index('ix_relation_sources_relation_id')

    op.drop_table('relation_sources')
    with op.batch_alter_table('event_sources', schema=None) as batch_op:
        batch_op.drop_index('ix_event_sources_event_id')
        batch_op.drop_index('ix_event_sources_document_id')

    op.drop_table('event_sources')
    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.drop_index('ix_event_actors_actor_id')

    op.drop_table('event_actors')
    with op.batch_alter_table('document_bands', schema=None) as batch_op:
        batch_op.drop_index('ix_document_bands_band_hash')

    op.drop_table('document_bands')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index('ix_reviews_target')

    op.drop_table('reviews')
    with op.batch_alter_table('relations', schema=None) as batch_op:
        batch_op.drop_index('ix_relations_b')
        batch_op.drop_index('ix_relations_a')

    op.drop_table('relations')
    op.drop_table('places')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_event_type')
        batch_op.drop_index('ix_events_event_date')
        batch_op.drop_index('ix_events_dataset')
        batch_op.drop_index('ix_events_admin1')

    op.drop_table('events')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index('ix_documents_url')
        batch_op.drop_index('ix_documents_published')

    op.drop_table('documents')
    op.drop_table('candidate_actors')
    op.drop_table('actors')
