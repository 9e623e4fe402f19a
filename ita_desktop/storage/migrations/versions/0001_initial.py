"""Initial schema: organisations, assessments, scores, measures, progress."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organizations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(200), nullable=False),
        sa.Column("district", sa.String(200), nullable=False),
        sa.Column("province", sa.String(200), nullable=False),
        sa.Column("logo", sa.LargeBinary, nullable=True),
        sa.Column("units", sa.JSON, nullable=False),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "organization_id",
            sa.Integer,
            sa.ForeignKey("organizations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("rules", sa.JSON, nullable=False),
        sa.Column("threshold", sa.String(32), nullable=False),
        sa.Column("target", sa.String(32), nullable=False),
        sa.Column("official_iit", sa.String(32)),
        sa.Column("official_eit", sa.String(32)),
        sa.Column("official_oit", sa.String(32)),
        sa.Column("official_overall", sa.String(32)),
        sa.Column("official_level", sa.String(100), nullable=False),
        sa.Column("issues_by_indicator", sa.JSON, nullable=False),
        sa.Column("issues_by_tool", sa.JSON, nullable=False),
        sa.Column("narratives", sa.JSON, nullable=False),
        sa.Column("settings", sa.JSON, nullable=False),
        sa.UniqueConstraint("organization_id", "year"),
    )
    op.create_index("ix_assessments_organization_id", "assessments", ["organization_id"])
    op.create_table(
        "scores",
        sa.Column(
            "assessment_id",
            sa.Integer,
            sa.ForeignKey("assessments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("indicator", sa.Integer, primary_key=True),
        sa.Column("value", sa.String(32), nullable=False),
    )
    op.create_table(
        "measures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "assessment_id",
            sa.Integer,
            sa.ForeignKey("assessments.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("indicators", sa.JSON, nullable=False),
        sa.Column("steps", sa.JSON, nullable=False),
        sa.Column("responsible", sa.JSON, nullable=False),
        sa.Column("period", sa.JSON, nullable=False),
        sa.Column("monitoring", sa.Text, nullable=False),
        sa.Column("kpi", sa.Text, nullable=False),
    )
    op.create_index("ix_measures_assessment_id", "measures", ["assessment_id"])
    op.create_table(
        "progress",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "measure_id",
            sa.Integer,
            sa.ForeignKey("measures.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("round", sa.Integer, nullable=False),
        sa.Column("status", sa.String(100), nullable=False),
        sa.Column("output", sa.Text, nullable=False),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("problems", sa.Text, nullable=False),
        sa.Column("suggestions", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.UniqueConstraint("measure_id", "round"),
    )
    op.create_index("ix_progress_measure_id", "progress", ["measure_id"])


def downgrade() -> None:
    for table in ("progress", "measures", "scores", "assessments", "organizations"):
        op.drop_table(table)
