"""Document content: which figures an edited section was written for, issue priorities, and a
measure's activities (กิจกรรม/โครงการ) and budget."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("narrative_basis", sa.JSON, nullable=False, server_default="{}"))
        batch.add_column(
            sa.Column("issue_priorities", sa.JSON, nullable=False, server_default="{}")
        )
    with op.batch_alter_table("measures") as batch:
        batch.add_column(sa.Column("activities", sa.JSON, nullable=False, server_default="[]"))
        batch.add_column(sa.Column("budget", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("measures") as batch:
        batch.drop_column("budget")
        batch.drop_column("activities")
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("issue_priorities")
        batch.drop_column("narrative_basis")
