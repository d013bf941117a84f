"""Every window of the workstation built on a small clinic database, for the tests that
check all of them at once (fits 1366×768, unique mnemonics). Not a test module."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget
from screening_answers import eligible_answers

from app.catalog import protocol_catalog
from app.db.enrollments import finish_enrollment
from app.db.patients import PatientInput, create_patient
from app.db.screenings import complete_screening
from app.domain.enrollment import EnrollmentDraft, EnrollmentFlow
from app.domain.screening import ScreeningDraft

TODAY = date(2026, 11, 21)
PROTOCOL_ID = "persistent-skin-rash"


def clinic(database) -> dict[str, int]:
    """Two patients: one enrolled on arm A (visits, doses), one screened eligible."""
    protocol = protocol_catalog().protocols[PROTOCOL_ID]
    ids = {}
    for key, study_id in (("enrolled", "JDM-001"), ("screened", "JDM-002")):
        with database.session() as session:
            ids[key] = create_patient(session, PatientInput(
                study_id, "Zoé", "Nguyễn", date(2020, 5, 4), "female"), user="nurse")
        with database.session() as session:
            screening_id, _ = complete_screening(
                session, protocol, ScreeningDraft(ids[key], PROTOCOL_ID, "2026-11-01",
                                                  eligible_answers()), user="nurse")
        if key == "enrolled":
            draft = EnrollmentDraft(ids[key], screening_id, PROTOCOL_ID,
                                    enrollment_date="2026-11-02", weight="20", height="115",
                                    measured_on="2026-11-02", arm_id="A",
                                    sun_protection_counselled=True)
            plan = EnrollmentFlow(protocol, {}, TODAY, date(2026, 11, 1)).finalise(draft)
            with database.session() as session:
                finish_enrollment(session, protocol, screening_id, plan, user="dr.ito")
    return ids


def _blank_pdf(folder: Path) -> Path:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    path = folder / "blank.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.drawString(72, 720, "Preview")
    pdf.showPage()
    pdf.save()
    return path


def windows(window, ids: dict[str, int], tmp_path: Path
            ) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    """(name, factory) for every window a user can open from the main window."""
    from app.forms.due_visits import DueVisitsDialog
    from app.forms.export_dialog import ExportDialog
    from app.forms.patient_dialog import PatientDialog
    from app.forms.pdf_preview import PdfPreviewDialog
    from app.forms.prior_therapy_dialog import PriorTherapyDialog
    from app.forms.visit_timeline import UnscheduledVisitDialog

    enrolled, screened = ids["enrolled"], ids["screened"]
    yield "main window", lambda: window
    yield "new patient", lambda: PatientDialog(lambda _data: None, today=TODAY, parent=window)
    yield "patient page", lambda: window.make_patient_page(enrolled)
    yield "screening wizard", lambda: window.make_screening_wizard(screened, "JDM-002")
    yield "enrollment wizard", lambda: window.make_enrollment_wizard(screened, "JDM-002")
    yield "arm switch", lambda: window.make_arm_switch_dialog(enrolled, "JDM-001")
    yield "prior therapies", lambda: PriorTherapyDialog(
        window.database, enrolled, "nurse", window.protocols.values(), TODAY, "JDM-001",
        parent=window)
    yield "due visits", lambda: DueVisitsDialog(window.database, today=TODAY, parent=window)
    yield "unscheduled visit", lambda: UnscheduledVisitDialog(TODAY, window)
    yield "print choice", lambda: window.make_print_dialog(enrolled, "JDM-001")
    yield "print preview", lambda: PdfPreviewDialog(_blank_pdf(tmp_path), window)
    yield "export", lambda: ExportDialog(window.database, window, user="nurse")
    yield "treatment plans", lambda: window.make_treatment_plans_dialog()
    yield "cohort outcomes", lambda: window.make_cohort_window()


def fill_current_page(wizard) -> None:
    """Answer the current page of the screening or enrollment wizard so Next is allowed
    (eligible answers; 20 kg, 115 cm, arm B)."""
    from app.forms.enrollment.wizard import EnrollmentWizard

    page = wizard.currentPage()
    if isinstance(wizard, EnrollmentWizard):
        if page is wizard.details_page:
            page.enrollment_date.set_iso("2026-11-21")
            m = page.measurements
            m.weight.setText("20")
            m.height.setText("115")
            m.measured_on.set_iso("2026-11-21")
        elif page is wizard.arm_page:
            page.choose("B")
        return
    if page is getattr(wizard, "setup_page", None):
        page.protocol.setCurrentIndex(page.protocol.findData(PROTOCOL_ID))
        return
    answers = eligible_answers()
    for box in getattr(page, "boxes", {}).values():
        answer = answers[box.criterion.id]
        box.set_answer(answer.answer)
        for field_id, value in answer.details.items():
            box.inputs[field_id].set_value(value)
    if page is getattr(wizard, "verdict_page", None):
        page.confirm.setChecked(True)


def administrator_windows(window, tmp_path: Path
                          ) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    """(name, factory) for every window of the Tools and Help menus an administrator opens
    (``window``: a main window signed in as the administrator, with a settings file)."""
    from PySide6.QtWidgets import QMessageBox

    from app.forms.audit_view import audit_view_for
    from app.forms.site_code_dialog import SiteCodeDialog
    from app.forms.site_list_dialog import SiteListDialog
    from app.forms.users_dialog import UserAdministration, UsersDialog

    def about() -> QWidget:
        box = window.make_about_box()
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        return box

    yield "settings", lambda: window.make_settings_dialog()
    yield "user accounts", lambda: UsersDialog(
        UserAdministration(window.database, window.database.actor), window)
    yield "encryption", lambda: window.make_encryption_dialog()
    yield "audit trail", lambda: audit_view_for(window.database, window.database.actor,
                                                parent=window)
    yield "site list", lambda: SiteListDialog(window.database, "admin", window)
    yield "site code", lambda: SiteCodeDialog(window.database, "admin", window)
    yield "language", lambda: window.make_language_dialog()
    yield "about", about


def stored_problem_visit(database, patient_id: int, *, problem: bool = True) -> int:
    """The baseline visit of ``patient_id`` saved with every section's items filled in (as
    the demo data fills them) and, with ``problem``, an MMT8 grade of 11 stored (out of
    0-10: the form shows its message at the field when the visit is opened); its id."""
    from sqlalchemy import select

    from app.db.models import Enrollment, Visit
    from app.db.visit_saving import save_visit
    from app.db.visits import load_visit
    from app.domain.visit_values import ItemEntry

    with database.session() as session:
        visit_pk = session.scalar(
            select(Visit.id).join(Enrollment, Visit.enrollment_id == Enrollment.id)
            .where(Enrollment.patient_id == patient_id).order_by(Visit.target_date))
        version = load_visit(session, visit_pk).header.version_id

    def number(value: float, unit: str | None = None) -> ItemEntry:
        return ItemEntry(value_num=float(value), unit=unit)

    values = {
        "global": {"pga_activity": number(6), "parent_global_activity": number(7),
                   "mdaat_extramuscular": number(5)},
        "cmas": {f"cmas_{i}": number(2) for i in range(1, 15)},
        "mmt8": {f"mmt_{group}": number(11 if problem and group == "quadriceps" else 6)
                 for group in ("neck_flexors", "middle_deltoid", "biceps_brachii",
                               "gluteus_maximus", "gluteus_medius", "quadriceps",
                               "wrist_extensors", "ankle_dorsiflexors")},
        "chaq": {f"chaq_{domain}_1": number(1) for domain in (
            "dressing", "arising", "eating", "walking", "hygiene", "reach", "grip",
            "activities")},
        "enzymes": {"ck": number(900, "U/L"), "ck_uln": number(200, "U/L")},
        "vitals": {"weight_kg": number(20, "kg"), "height_cm": number(115, "cm")},
        "medications": {"methotrexate_dose": number(15, "mg"),
                        "methotrexate_frequency": ItemEntry(value_text="weekly"),
                        "hydroxychloroquine_dose": number(100, "mg"),
                        "hydroxychloroquine_frequency": ItemEntry(value_text="once daily")},
    }
    with database.session() as session:
        save_visit(session, visit_pk, values, [], user="nurse", expected_version=version,
                   visit_date=date(2026, 11, 2))
    return visit_pk
