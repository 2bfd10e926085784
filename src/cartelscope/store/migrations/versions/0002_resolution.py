"""resolution: best fatality figure, relation end dates, candidate-event index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 09:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fatalities_best', sa.Integer(), nullable=True))
        batch_op.create_index('ix_events_admin1_event_date', ['admin1', 'event_date'], unique=False)
    with op.batch_alter_table('relation_sources', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stated_to', sa.String(length=10), nullable=True))
        batch_op.create_index('ix_relation_sources_document_id', ['document_id'], unique=False)
    op.execute("UPDATE events SET fatalities_best = fatalities WHERE fatalities_best IS NULL")


def downgrade() -> None:
    with op.batch_alter_table('relation_sources', schema=None) as batch_op:
        batch_op.drop_index('ix_relation_sources_document_id')
        batch_op.drop_column('stated_to')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_admin1_event_date')
        batch_op.drop_column('fatalities_best')
