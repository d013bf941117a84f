"""Dose explanations read in words (issue 20.9): the source a clinician sees is the paper
or label a rule comes from, never the project's file names ("clinical-rules §1.2",
"seed 000", "issue 18"), and every date in them is written as the rest of the
application writes dates ("05 Jan 2026"), never ISO."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.catalog import protocol_catalog
from app.domain.age import AgeOnDay
from app.domain.body import BodyMeasurements
from app.domain.dosing import compute_arm_doses, compute_concomitant_limits
from app.domain.source_words import source_in_words, text_in_words

PROJECT_WORDS = re.compile(r"clinical-rules|§|\bseeds? \d{3}|\bissue \d", re.IGNORECASE)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def every_dose(body: BodyMeasurements, age: AgeOnDay):
    for protocol in protocol_catalog().protocols.values():
        yield from compute_concomitant_limits(protocol, body)
        for arm in protocol.arms:
            yield from compute_arm_doses(protocol, arm.id, body, age=age)


def test_every_shipped_dose_explains_itself_in_words():
    """Every dose and limit of every shipped plan, for a child of 4 (below abatacept IV's
    labelled age, so the age warning with its own source is there too)."""
    body = BodyMeasurements(20, height_cm=110, measured_on=date(2026, 1, 5))
    age = AgeOnDay(date(2021, 6, 1), date(2026, 1, 5))
    results = list(every_dose(body, age))
    assert len(results) > 20  # all three plans, every arm and option
    problems = [f"{r.drug}: {line}" for r in results for line in r.derivation.splitlines()
                if PROJECT_WORDS.search(line) or ISO_DATE.search(line)]
    assert problems == []
    ivig = next(r for r in results if r.drug == "ivig")
    assert "(measured 05 Jan 2026)" in ivig.derivation
    abatacept = [r for r in results if r.warnings]
    assert abatacept and all("4 years old on 05 Jan 2026" in r.warnings[0] for r in abatacept)


def test_the_stored_source_stays_as_the_plan_file_writes_it():
    """Exports and the audit carry the plan file's own words: only the display changes."""
    protocol = protocol_catalog().protocols["moderate-jdm-2010"]
    results = compute_arm_doses(protocol, protocol.arms[0].id, BodyMeasurements(30, 130))
    assert any(r.source.startswith("clinical-rules §1.3") for r in results)
    assert any("Source: Huber et al., Arthritis Care Res 2010;62:219-25" in r.derivation
               for r in results)


@pytest.mark.parametrize(("written", "shown"), [
    # a bare reference: the paper the section summarises
    ("clinical-rules §1.3 (IVIG 2 g/kg, max 70 g, every 2 weeks × 3 then monthly)",
     "Huber et al., Arthritis Care Res 2010;62:219-25 (secondary summary) (IVIG 2 g/kg, "
     "max 70 g, every 2 weeks × 3 then monthly)"),
    # a reference beside a label that already says where it comes from: dropped
    ("Infliximab US prescribing information, pediatric dosing (clinical-rules §1.2)",
     "Infliximab US prescribing information, pediatric dosing"),
    ("Tarvin et al. Arthritis Care Res 2024;76:1532-39 (arms, as cited in clinical-rules "
     "§1.2); seed 003", "Tarvin et al. Arthritis Care Res 2024;76:1532-39 (arms); CARRA "
     "report on biologics in refractory JDM"),
    # seeds by their paper; "(seed 000)" after the paper's own name is dropped
    ("Huber et al. J Rheumatol 2017;44:110-16 (seed 000), Table 2, Treatment A",
     "Huber et al. J Rheumatol 2017;44:110-16, Table 2, Treatment A"),
    ("Seeds 002/004 (refractory to glucocorticoids and methotrexate); clinical-rules §1.2",
     "CARRA JDM biologics survey (refractory to glucocorticoids and methotrexate)"),
    # two sections, and an issue number the clinician has no use for
    ("Seeds 002/004 ('daily oral steroids with a taper'); limit 2 mg/kg/day max 60 mg per "
     "clinical-rules §1.1/§1.3 and issue 7",
     "CARRA JDM biologics survey ('daily oral steroids with a taper'); limit 2 mg/kg/day max "
     "60 mg per Huber et al., J Rheumatol 2017;44:110-16 and Huber et al., Arthritis Care Res "
     "2010;62:219-25 (secondary summary)"),
    ("clinical-rules §1.2 (RIM trial, Oddis et al., Arthritis Rheum 2013;65:314-24, as "
     "recalled; issue 18)", "CARRA JDM biologics survey and Tarvin et al., Arthritis Care Res "
     "2024;76:1532-39 (RIM trial, Oddis et al., Arthritis Rheum 2013;65:314-24, as recalled)"),
    ("clinical-rules §1.3 (secondary summary of Huber et al. Arthritis Care Res "
     "2010;62:219-25)", "Secondary summary of Huber et al. Arthritis Care Res 2010;62:219-25"),
    ("Project choice: rounded down to 1 mg", "Project choice: rounded down to 1 mg"),
])
def test_sources_in_words(written, shown):
    assert source_in_words(written) == shown


def test_every_source_of_the_shipped_plan_files_reads_in_words():
    from app import paths

    folder = paths.resources_dir() / "protocols"
    sources = {s for f in folder.glob("*.toml")
               for s in re.findall(r'source = "([^"]*)"', f.read_text(encoding="utf-8"))}
    assert len(sources) > 100
    left = [s for s in sources if PROJECT_WORDS.search(source_in_words(s))]
    assert left == []


@pytest.mark.parametrize(("language", "shown"), [
    ("en", "Inputs: weight 20 kg (measured 05 Jan 2026).\nSource: Huber et al., J Rheumatol "
           "2017;44:110-16, Table 2 [seed]."),
    ("fr", "Inputs: weight 20 kg (measured 05 janv. 2026).\nSource: Huber et al., J Rheumatol "
           "2017;44:110-16, Table 2 [seed]."),
])
def test_a_derivation_stored_before_reads_in_words(language, shown):
    """Derivations saved by earlier versions keep their text in the database; the screen
    shows them in words all the same."""
    stored = ("Inputs: weight 20 kg (measured 2026-01-05).\n"
              "Source: Huber et al. J Rheumatol 2017;44:110-16 (seed 000), Table 2 [seed].")
    assert text_in_words(stored, language) == shown.replace(
        "Huber et al., J Rheumatol 2017;44:110-16, Table 2",
        "Huber et al. J Rheumatol 2017;44:110-16, Table 2")
