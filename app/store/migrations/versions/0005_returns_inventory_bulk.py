"""returns, inventory (stock per bin, movements, cycle counts), bulk shipments (SSCC units), sequences

Revision ID: 0005
Revises: 0003
Create Date: 2026-11-26

A branch of its own beside 0004: the station upgrades to every head.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0003'
branch_labels = None
depends_on = None

SEQUENCES = ("sscc", "rma")  # app.store.returns_models.SEQUENCES, frozen here as migrations must be
APPEND_ONLY = ("return_events", "stock_movements")


def upgrade() -> None:
    op.create_table('sequences',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('next_value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_sequences'))
    )
    op.create_table('return_authorizations',
    sa.Column('rma', sa.String(length=32), nullable=False),
    sa.Column('order_number', sa.String(length=64), nullable=False),
    sa.Column('token', sa.String(length=16), nullable=False),
    sa.Column('return_tracking', sa.String(length=64), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('issued_by', sa.Integer(), nullable=True),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('rma', name=op.f('pk_return_authorizations')),
    sa.UniqueConstraint('token', name=op.f('uq_return_authorizations_token'))
    )
    with op.batch_alter_table('return_authorizations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_return_authorizations_order_number'), ['order_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_return_authorizations_return_tracking'), ['return_tracking'], unique=False)

    op.create_table('returns',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=80), nullable=False),
    sa.Column('order_number', sa.String(length=64), nullable=False),
    sa.Column('rma', sa.String(length=32), nullable=True),
    sa.Column('station', sa.String(length=64), nullable=False),
    sa.Column('opened_by', sa.Integer(), nullable=True),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('flags', sa.Text(), nullable=False),
    sa.Column('approved_by', sa.Integer(), nullable=True),
    sa.Column('refund_ready_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_returns')),
    sa.UniqueConstraint('number', name=op.f('uq_returns_number'))
    )
    with op.batch_alter_table('returns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_returns_opened_at'), ['opened_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_returns_order_number'), ['order_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_returns_status'), ['status'], unique=False)

    op.create_table('return_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('return_id', sa.String(length=36), nullable=False),
    sa.Column('item_no', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('serial', sa.String(length=64), nullable=True),
    sa.Column('lot', sa.String(length=64), nullable=True),
    sa.Column('grade', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('disposition', sa.String(length=24), nullable=False),
    sa.Column('bin', sa.String(length=32), nullable=True),
    sa.Column('in_order', sa.Boolean(), nullable=False),
    sa.Column('flags', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('restocked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('removed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['return_id'], ['returns.id'], name=op.f('fk_return_items_return_id_returns')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_items')),
    sa.UniqueConstraint('return_id', 'item_no', name='uq_return_items_return_item')
    )
    with op.batch_alter_table('return_items', schema=None) as batch_op:
        batch_op.create_index('ix_return_items_serial', ['serial'], unique=False)
        batch_op.create_index('ix_return_items_sku_recorded', ['sku', 'recorded_at'], unique=False)

    op.create_table('return_events',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('station', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('return_id', sa.String(length=36), nullable=True),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_return_events')),
    sa.UniqueConstraint('uuid', name=op.f('uq_return_events_uuid'))
    )
    with op.batch_alter_table('return_events', schema=None) as batch_op:
        batch_op.create_index('ix_return_events_return_seq', ['return_id', 'seq'], unique=False)
        batch_op.create_index('ix_return_events_station_seq', ['station', 'seq'], unique=False)
        batch_op.create_index('ix_return_events_type_seq', ['type', 'seq'], unique=False)

    op.create_table('stock_levels',
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('bin', sa.String(length=32), nullable=False),
    sa.Column('on_hand', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sku', 'bin', name=op.f('pk_stock_levels'))
    )
    op.create_table('stock_movements',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('bin', sa.String(length=32), nullable=False),
    sa.Column('delta', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=24), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('reference', sa.String(length=80), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('station', sa.String(length=64), nullable=False),
    sa.Column('negative', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_movements')),
    sa.UniqueConstraint('uuid', name=op.f('uq_stock_movements_uuid'))
    )
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.create_index('ix_stock_movements_at', ['at'], unique=False)
        batch_op.create_index('ix_stock_movements_reference', ['reference', 'reason'], unique=False)
        batch_op.create_index('ix_stock_movements_sku_bin', ['sku', 'bin'], unique=False)

    op.create_table('cycle_counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bin', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('started_by', sa.Integer(), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cycle_counts'))
    )
    with op.batch_alter_table('cycle_counts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cycle_counts_bin'), ['bin'], unique=False)

    op.create_table('cycle_count_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('count_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('expected', sa.Integer(), nullable=False),
    sa.Column('counted', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['count_id'], ['cycle_counts.id'], name=op.f('fk_cycle_count_lines_count_id_cycle_counts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cycle_count_lines')),
    sa.UniqueConstraint('count_id', 'round', 'sku', name='uq_cycle_count_lines_count_round_sku')
    )
    op.create_table('logistic_units',
    sa.Column('sscc', sa.String(length=18), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('order_number', sa.String(length=64), nullable=False),
    sa.Column('parent_sscc', sa.String(length=18), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('weight_g', sa.Integer(), nullable=True),
    sa.Column('station', sa.String(length=64), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sscc', name=op.f('pk_logistic_units'))
    )
    with op.batch_alter_table('logistic_units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_logistic_units_order_number'), ['order_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_logistic_units_parent_sscc'), ['parent_sscc'], unique=False)

    op.create_table('logistic_unit_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sscc', sa.String(length=18), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('gtin', sa.String(length=14), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('lot', sa.String(length=64), nullable=True),
    sa.Column('serials', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['sscc'], ['logistic_units.sscc'], name=op.f('fk_logistic_unit_items_sscc_logistic_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_logistic_unit_items'))
    )
    with op.batch_alter_table('logistic_unit_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_logistic_unit_items_sscc'), ['sscc'], unique=False)

    _sequences()
    for table in APPEND_ONLY:
        _append_only(table)


def _sequences() -> None:
    """SQLite: a row per sequence. PostgreSQL: a real sequence (and the row, unused, for symmetry)."""
    table = sa.table('sequences', sa.column('name', sa.String), sa.column('next_value', sa.BigInteger))
    op.bulk_insert(table, [{'name': name, 'next_value': 1} for name in SEQUENCES])
    if op.get_bind().dialect.name == 'postgresql':
        for name in SEQUENCES:
            op.execute(f"CREATE SEQUENCE IF NOT EXISTS ps_seq_{name} START WITH 1")


def _append_only(table: str) -> None:
    """Evidence is never edited: refuse UPDATE and DELETE at the database itself."""
    dialect = op.get_bind().dialect.name
    if dialect == 'sqlite':
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")
    elif dialect == 'postgresql':
        op.execute("CREATE OR REPLACE FUNCTION ps_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$")
        op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION ps_append_only()")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for name in SEQUENCES:
            op.execute(f"DROP SEQUENCE IF EXISTS ps_seq_{name}")
    op.drop_table('logistic_unit_items')
    op.drop_table('logistic_units')
    op.drop_table('cycle_count_lines')
    op.drop_table('cycle_counts')
    op.drop_table('stock_movements')  # its triggers go with it
    op.drop_table('stock_levels')
    op.drop_table('return_events')
    op.drop_table('return_items')
    op.drop_table('returns')
    op.drop_table('return_authorizations')
    op.drop_table('sequences')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP FUNCTION IF EXISTS ps_append_only()")
