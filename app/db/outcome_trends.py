"""The patient's outcome trends: the visits with data and their values, then per outcome
(CMAS, CHAQ, MMT8, cutaneous VAS, PGA, enzymes, TIS, PRINTO criteria) the points charted
(app.forms.trend_charts, app.reports.outcome_charts)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import ArmAssignment, Enrollment, InstrumentValue, Visit
from app.db.visits import VALUE_COLUMNS, values_by_visit
from app.domain.visit_form import VisitValues
from app.domain.visit_response import Baseline, compare_to_baseline
from app.domain.visit_scores import global_value, score_visit


@dataclass(frozen=True)
class TrendVisit:
    visit_id: int
    visit_code: str
    label: str
    on: date
    status: str
    values: VisitValues


@dataclass(frozen=True)
class TrendData:
    visits: tuple[TrendVisit, ...]
    arm_changes: tuple[tuple[date, str], ...]  # (start date, arm id), first = initial arm
    baseline_values: VisitValues | None


def trend_data(session: Session, patient_id: int) -> TrendData:
    """Visits with any data (draft, complete, signed) and their values, plus arm start
    dates, in three queries; the series themselves are computed by ``trend_series``."""
    visits = session.execute(
        select(
            Visit.id,
            Visit.visit_code,
            Visit.label,
            Visit.visit_date,
            Visit.target_date,
            Visit.status,
        )
        .join(Enrollment, Enrollment.id == Visit.enrollment_id)
        .where(Enrollment.patient_id == patient_id, Visit.status != "not_started")
    ).all()
    ids = [v.id for v in visits]
    grouped = (
        values_by_visit(
            session.execute(select(*VALUE_COLUMNS).where(InstrumentValue.visit_id.in_(ids))))
        if ids
        else {}
    )
    out = sorted(
        (
            TrendVisit(
                v.id,
                v.visit_code,
                v.label,
                v.visit_date or v.target_date or date.today(),
                v.status,
                grouped.get(v.id, {}),
            )
            for v in visits
        ),
        key=lambda t: (t.on, t.visit_id),
    )
    arms = session.execute(
        select(ArmAssignment.start_date, ArmAssignment.arm_id)
        .join(Enrollment, Enrollment.id == ArmAssignment.enrollment_id)
        .where(Enrollment.patient_id == patient_id)
        .order_by(ArmAssignment.start_date)
    ).all()
    baseline = next((t.values for t in out if t.visit_code == "baseline"), None)
    return TrendData(tuple(out), tuple((a.start_date, a.arm_id) for a in arms), baseline)


@dataclass(frozen=True)
class TrendSeries:
    series: dict[str, list[tuple[date, float]]]
    followed_enzyme: str | None
    arm_changes: tuple[tuple[date, str], ...]


def trend_series(data: TrendData) -> TrendSeries:
    """Per outcome, (date, value) points: CMAS total, CHAQ DI, MMT8 (unilateral and
    bilateral kept apart), cutaneous VAS, PGA, most abnormal enzyme ×ULN (the baseline's
    enzyme, followed), the TIS at follow-ups and the number of PRINTO
    inactive-disease criteria met where decided ("printo_inactive": the visits that are
    inactive). Incomplete totals and undetermined statuses are left out."""
    series: dict[str, list[tuple[date, float]]] = defaultdict(list)
    baseline = None
    if data.baseline_values is not None:
        baseline = Baseline.of(score_visit(data.baseline_values, explain=False), explain=False)
    followed = baseline.enzyme if baseline is not None else None
    for v in data.visits:
        scores = score_visit(v.values, explain=False)
        if scores.cmas is not None and scores.cmas.total is not None:
            series["cmas"].append((v.on, float(scores.cmas.total)))
        if scores.chaq is not None and scores.chaq.disability_index is not None:
            series["chaq_di"].append((v.on, scores.chaq.disability_index))
        if scores.mmt8 is not None and scores.mmt8.total is not None:
            series[f"mmt8_{scores.mmt8.variant.value}"].append((v.on, float(scores.mmt8.total)))
        for code, key in (("mdaat_cutaneous_vas", "cutaneous_vas"), ("pga_activity", "pga")):
            value = global_value(v.values, code)
            if value is not None:
                series[key].append((v.on, value))
        if followed and followed in scores.enzymes:
            series["enzyme_x_uln"].append((v.on, scores.enzymes[followed].times_uln))
        printo = scores.printo
        if printo is not None and printo.inactive is not None:
            series["printo_met"].append((v.on, float(len(printo.met))))
            if printo.inactive:
                series["printo_inactive"].append((v.on, float(len(printo.met))))
        if baseline is not None and v.visit_code != "baseline":
            response = compare_to_baseline(baseline, scores, is_baseline=False, explain=False)
            if response.tis is not None and response.tis.tis is not None:
                series["tis"].append((v.on, response.tis.tis))
    return TrendSeries(dict(series), followed, data.arm_changes)
