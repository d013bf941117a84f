"""Tests recorded at baseline: muscle MRI (done? date, active myositis) and the
myositis-specific and myositis-associated autoantibody panel, as data and declarations.

Source: seed 000, Table 3 (initial: MRI if done; expanded: autoantibodies); the panel is
that of the IMACS/CARRA registries. Nothing is scored; answers are recorded as given.
"""

from __future__ import annotations

from app.domain.instruments.data_dictionary import (
    YES_NO_TEXT,
    ExportContext,
    Field,
    Form,
    FormBuilder,
    date_field,
)
from app.domain.instruments.declaration import (
    Requirement,
    Summary,
    Values,
    VisitContext,
    VisitInstrument,
)
from app.domain.instruments.printed import Boxes, Finding, PaperBlock, PaperGrid, PaperLine
from app.domain.phrases import Label, Lowered, joined, phrase, sentence

# The panel (code, label). "Anti-TIF1-γ" is written with the hyphen, as the exported
# REDCap dictionary has always had it (changing an exported label would make earlier
# exports fail the import's dictionary check).
AUTOANTIBODIES: tuple[tuple[str, str], ...] = (
    ("tif1g", "Anti-TIF1-γ"),
    ("nxp2", "Anti-NXP2"),
    ("mda5", "Anti-MDA5"),
    ("mi2", "Anti-Mi-2"),
    ("sae", "Anti-SAE"),
    ("srp", "Anti-SRP"),
    ("hmgcr", "Anti-HMGCR"),
    ("jo1", "Anti-Jo-1"),
    ("other_synthetase", "Other anti-synthetase"),
    ("pmscl", "Anti-PM-Scl"),
    ("ku", "Anti-Ku"),
    ("u1rnp", "Anti-U1-RNP"),
    ("ro52", "Anti-Ro52"),
)
AUTOANTIBODY_ANSWERS: tuple[tuple[str, str], ...] = (
    ("positive", "Positive"),
    ("negative", "Negative"),
    ("not_tested", "Not tested"),
)


# --------------------------------------------------------------------- MRI


def _mri_requirements(protocol_id: str, ctx: VisitContext) -> list[Requirement]:
    """Whether an MRI was done; when it was, its date and finding."""
    out = [Requirement("mri:done", "mri", "mri", ("done",), "MRI done?")]
    if ctx.mri_done:
        out += [Requirement("mri:date", "mri", "mri", ("date",), "MRI date"),
                Requirement("mri:active_myositis", "mri", "mri", ("active_myositis",),
                            "MRI: active myositis?")]
    return out


def _mri_summary(values: Values, ctx: VisitContext) -> Summary:
    done = values.get("mri", {}).get("done")
    return Summary(done.value_text or "" if done else "", done is not None)


def _mri_forms(ctx: ExportContext) -> tuple[Form, ...]:
    form = FormBuilder("mri", "Muscle MRI", "mri")
    form.item(Field("mri_done", "mri", "Muscle MRI done", "dropdown", YES_NO_TEXT), "done",
              "code")
    form.item(date_field("mri", "mri", "MRI date", ctx.identified, "mri"), "date", "date",
              missing=False)
    form.item(Field("mri_active_myositis", "mri", "MRI shows active myositis", "dropdown",
                    YES_NO_TEXT), "active_myositis", "code")
    return (form.build(),)


# the visit summary's findings: "MRI: yes on 2025-01-05, active myositis no" (the date as
# stored) and "Autoantibodies: Anti-NXP2 positive, Anti-MDA5 not tested"
MRI_FOUND = "MRI: %1"
MRI_ON = "MRI: %1 on %2"
MRI_ACTIVE = "MRI: %1, active myositis %2"
MRI_ON_ACTIVE = "MRI: %1 on %2, active myositis %3"
ANTIBODIES_FOUND = "Autoantibodies: %1"
ANTIBODY = "%1 %2"
BASELINE_FINDINGS = (MRI_FOUND, MRI_ON, MRI_ACTIVE, MRI_ON_ACTIVE, ANTIBODIES_FOUND, ANTIBODY)


def _answer(answers: tuple[tuple[str, str], ...], code: str, written: str) -> str:
    """A stored code as the finding writes it (``written``: "not tested"): the answer's
    label lowered when it reads so, else as written."""
    label = dict(answers).get(code)
    return Lowered(label) if label is not None and label.lower() == written else written


def _mri_findings(values: Values) -> list[Finding]:
    mri = values.get("mri", {})
    if not mri:
        return []
    done, on, active = mri.get("done"), mri.get("date"), mri.get("active_myositis")
    shown: list[str] = [_answer(YES_NO_TEXT, done.value_text, done.value_text)
                        if done and done.value_text else "—"]
    if on and on.value_text:
        shown.append(on.value_text)
    if active and active.value_text:
        shown.append(_answer(YES_NO_TEXT, active.value_text, active.value_text))
        template = MRI_ON_ACTIVE if len(shown) == 3 else MRI_ACTIVE
    else:
        template = MRI_ON if len(shown) == 2 else MRI_FOUND
    return [Finding(sentence(template, *shown))]


def _mri_paper() -> tuple[PaperBlock, ...]:
    yes_no = Boxes(("yes", "no"), across=True)
    return (PaperLine(("Done:", yes_no, "   Date: ____________   Active myositis:", yes_no),
                      heading="Muscle MRI"),)


MRI = VisitInstrument(
    id="mri",
    label="MRI",
    protocol_ids=("mri",),
    stored=("mri",),
    unscheduled=False,
    requirements=_mri_requirements,
    summary=_mri_summary,
    export_forms=_mri_forms,
    findings=_mri_findings,
    paper=_mri_paper,
    item_labels=lambda: {"done": "MRI done", "date": "MRI date",
                         "active_myositis": "MRI: active myositis"},
)


# --------------------------------------------------------------------- autoantibodies


def _antibody_requirements(protocol_id: str, ctx: VisitContext) -> list[Requirement]:
    """Every antibody of the panel answered: positive, negative or "not tested" (issue 18:
    a required baseline item for which not testing is an allowed answer, so the study
    tells "negative" from "never looked")."""
    return [Requirement(f"autoantibodies:{code}", "autoantibodies", "autoantibodies", (code,),
                        f"{label} (positive, negative or not tested)")
            for code, label in AUTOANTIBODIES]


def _antibody_summary(values: Values, ctx: VisitContext) -> Summary:
    entries = values.get("autoantibodies", {})
    n = sum(1 for code, _ in AUTOANTIBODIES if code in entries and entries[code].has_value)
    return Summary(f"{n}/{len(AUTOANTIBODIES)}", n == len(AUTOANTIBODIES))


def _antibody_forms(ctx: ExportContext) -> tuple[Form, ...]:
    form = FormBuilder("autoantibodies", "Autoantibodies", "autoantibodies")
    for code, label in AUTOANTIBODIES:
        form.item(Field(f"aab_{code}", "autoantibodies", label, "dropdown",
                        AUTOANTIBODY_ANSWERS), code, "code")
    return (form.build(),)


def _antibody_findings(values: Values) -> list[Finding]:
    entries = values.get("autoantibodies", {})
    if not entries:
        return []
    names = dict(AUTOANTIBODIES)
    return [Finding(sentence(ANTIBODIES_FOUND, joined(", ", [
        phrase(ANTIBODY, Label(names[code]) if code in names else code,
               _answer(AUTOANTIBODY_ANSWERS, entry.value_text,
                       entry.value_text.replace("_", " ")))
        for code, entry in entries.items() if entry.value_text])))]


def _antibody_paper() -> tuple[PaperBlock, ...]:
    box = Boxes(("",))
    return (PaperGrid("Autoantibodies", ("Autoantibody", "Positive", "Negative", "Not tested"),
                      tuple((label, box, box, box) for _code, label in AUTOANTIBODIES),
                      (0.46, 0.18, 0.18, 0.18)),)


AUTOANTIBODY_PANEL = VisitInstrument(
    id="autoantibodies",
    label="Autoantibodies",
    protocol_ids=("autoantibodies",),
    stored=("autoantibodies",),
    unscheduled=False,
    requirements=_antibody_requirements,
    summary=_antibody_summary,
    export_forms=_antibody_forms,
    findings=_antibody_findings,
    paper=_antibody_paper,
    item_labels=lambda: dict(AUTOANTIBODIES),
)

__all__ = ["AUTOANTIBODIES", "AUTOANTIBODY_ANSWERS", "AUTOANTIBODY_PANEL", "MRI"]
