"""period cover index: status, date, state, type, certainty, fatalities on events

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 09:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

COLUMNS = ['status', 'event_date', 'admin1', 'event_type', 'certainty', 'fatalities']


def upgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_status_date_cover', COLUMNS, unique=False)
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite' and bind.execute(sa.text(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")).first():
        # an analysed database would plan with stale statistics that do not know the new index
        op.execute('ANALYZE events')


def downgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_status_date_cover')
