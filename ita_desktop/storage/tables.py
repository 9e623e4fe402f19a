"""SQLAlchemy tables of the local database (one SQLite file per user, any file via --db)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class DecimalText(TypeDecorator[Decimal]):
    """Exact decimals stored as text: SQLite's NUMERIC would round-trip through float."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(value)


class Base(DeclarativeBase):
    pass


class OrganizationRow(Base):
    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(200), default="")
    district: Mapped[str] = mapped_column(String(200), default="")
    province: Mapped[str] = mapped_column(String(200), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    units: Mapped[list[str]] = mapped_column(JSON, default=list)

    assessments: Mapped[list[AssessmentRow]] = relationship(
        back_populates="organization", cascade="all, delete-orphan", passive_deletes=True
    )


class AssessmentRow(Base):
    __tablename__ = "assessments"
    __table_args__ = (UniqueConstraint("organization_id", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    rules: Mapped[dict[str, Any]] = mapped_column(JSON)
    threshold: Mapped[Decimal] = mapped_column(DecimalText)
    target: Mapped[Decimal] = mapped_column(DecimalText)
    official_iit: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    official_eit: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    official_oit: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    official_overall: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    official_level: Mapped[str] = mapped_column(String(100), default="")
    issues_by_indicator: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    issues_by_tool: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    narratives: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    # section key -> the figures (name -> text) an edited section was written for
    narrative_basis: Mapped[dict[str, dict[str, str]]] = mapped_column(JSON, default=dict)
    issue_priorities: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)  # indicator ->
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    organization: Mapped[OrganizationRow] = relationship(back_populates="assessments")
    scores: Mapped[list[ScoreRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ScoreRow.indicator"
    )
    measures: Mapped[list[MeasureRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="MeasureRow.position"
    )


class ScoreRow(Base):
    __tablename__ = "scores"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    indicator: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[Decimal] = mapped_column(DecimalText)


class MeasureRow(Base):
    __tablename__ = "measures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text, default="")
    indicators: Mapped[list[int]] = mapped_column(JSON, default=list)
    steps: Mapped[list[str]] = mapped_column(JSON, default=list)
    responsible: Mapped[list[str]] = mapped_column(JSON, default=list)
    period: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    monitoring: Mapped[str] = mapped_column(Text, default="")
    kpi: Mapped[str] = mapped_column(Text, default="")
    activities: Mapped[list[str]] = mapped_column(JSON, default=list)  # กิจกรรม/โครงการ
    budget: Mapped[str] = mapped_column(Text, default="")

    progress: Mapped[list[ProgressRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class ProgressRow(Base):
    __tablename__ = "progress"
    __table_args__ = (UniqueConstraint("measure_id", "round"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), index=True
    )
    round: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(100), default="")
    output: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    suggestions: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
