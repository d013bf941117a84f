"""The response section of a follow-up visit (clinical-rules §3), declared like an
instrument: a section of the visit form and a form of the export, computed only (nothing
is entered or stored). The criteria themselves are ``app.domain.response``; the visit's
response is ``app.domain.visit_response``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.instruments.data_dictionary import ExportContext, Field, Form
from app.domain.instruments.declaration import Summary, Values, VisitContext, VisitInstrument
from app.domain.phrases import Label, Number, sentence

if TYPE_CHECKING:
    from app.domain.visit_response import VisitResponse
    from app.domain.visit_scores import VisitScores

TIS_LINE = "TIS %1 %2"  # the section list's line (listed in app/forms/terms.py)
TIS_CATEGORIES = (("none", "None"), ("minimal", "Minimal (TIS ≥ 30)"),
                  ("moderate", "Moderate (TIS ≥ 45)"), ("major", "Major (TIS ≥ 70)"))
PRINTO_STATUSES = (("inactive", "Clinically inactive"), ("not_inactive", "Not inactive"),
                   ("undetermined", "Undetermined (criteria missing)"))
IMACS_STATUSES = (("improved", "Improved"), ("not_improved", "Not improved"),
                  ("undetermined", "Undetermined (measures missing)"))


def _summary(values: Values, ctx: VisitContext) -> Summary:
    # Scoring reads the registry, which lists this declaration: imported when used.
    from app.domain.visit_response import visit_response

    if ctx.baseline_values is None:
        return Summary("", True)
    tis = visit_response(ctx.baseline_values, values).tis
    if tis is not None and tis.tis is not None:
        category = tis.category.value if tis.category else "none"
        return Summary(sentence(TIS_LINE, Number(f"{tis.tis:.1f}"), Label(category)), True)
    return Summary("TIS —", True)


def _export_forms(ctx: ExportContext) -> tuple[Form, ...]:
    src = "computed (app.domain.response)"
    codes = "Measure codes separated by ';'"
    fields = (
        Field("resp_tis", "response", "ACR/EULAR Total Improvement Score (0-100) vs baseline",
              validation="number", minimum="0", maximum="100", computed=True,
              note="PROVISIONAL percent-change rule (clinical-rules §3.2); blank if a core "
              "measure is missing or not comparable", source=src, places=2),
        Field("resp_tis_category", "response", "JDM response category", "dropdown",
              TIS_CATEGORIES, computed=True, note="Rider 2017: minimal ≥ 30, moderate ≥ 45, "
              "major ≥ 70", source=src),
        Field("resp_tis_provisional", "response", "TIS uses the provisional rule", "yesno",
              computed=True, source=src),
        Field("resp_tis_missing", "response", "Core measures missing or not comparable",
              computed=True, note=codes, source=src),
        Field("resp_printo_status", "response", "PRINTO clinically inactive disease",
              "dropdown", PRINTO_STATUSES, computed=True,
              note="≥ 3 of 4: CK ≤ 150 U/L, CMAS ≥ 48, MMT8 ≥ 78, PGA ≤ 0.2 cm (Lazarevic 2013)",
              source=src),
        Field("resp_printo_met", "response", "PRINTO criteria met", computed=True,
              note="Criterion codes separated by ';'", source=src),
        Field("resp_imacs_status", "response", "IMACS definition of improvement vs baseline",
              "dropdown", IMACS_STATUSES, computed=True,
              note="≥ 3 of 6 improved ≥ 20%, ≤ 2 worse ≥ 25%, MMT not worse (Rider 2004)",
              source=src),
        Field("resp_imacs_improved", "response", "IMACS measures improved", computed=True,
              note=codes, source=src),
        Field("resp_imacs_worsened", "response", "IMACS measures worsened", computed=True,
              note=codes, source=src),
    )
    return (Form("response", "Response criteria (computed)", fields=fields),)


def _export_values(scores: VisitScores, response: VisitResponse | None) -> dict[str, object]:
    """The response columns: PRINTO of the visit, TIS and IMACS against the baseline."""
    if response is None:
        return {}
    out: dict[str, object] = {}
    if response.printo is not None:
        out["resp_printo_status"] = response.printo.status.value
        out["resp_printo_met"] = response.printo.met
    tis = response.tis
    if tis is not None:
        out["resp_tis"] = tis.tis
        out["resp_tis_category"] = tis.category.value if tis.category else ""
        out["resp_tis_provisional"] = tis.provisional
        out["resp_tis_missing"] = tuple(m.measure.value for m in tis.measures
                                        if m.points is None)
    imacs = response.imacs
    if imacs is not None:
        out["resp_imacs_status"] = imacs.status.value
        out["resp_imacs_improved"] = imacs.improved_measures
        out["resp_imacs_worsened"] = imacs.worsened_measures
    return out


DEFINITION = VisitInstrument(
    id="response",
    label="Response",
    follow_up_only=True,
    summary=_summary,
    export_forms=_export_forms,
    export_values=_export_values,
)

__all__ = ["DEFINITION", "IMACS_STATUSES", "PRINTO_STATUSES", "TIS_CATEGORIES"]
