"""The main window's menus: where staff find each piece of the clinic's work, with its
shortcut and status tip. Entries a role may not use are shown, disabled, so staff learn
where things live; the services check the account again when an entry is used.

Built again when the interface language changes (``MainWindow.changeEvent``); the words
keep the main window's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from app.domain.permissions import Permission

if TYPE_CHECKING:
    from app.forms.main_window import MainWindow

# Collected by pyside6-lupdate under the context named in each call.
translate = QCoreApplication.translate


def action(window: MainWindow, text: str, slot=None, shortcut=None, tip: str = "") -> QAction:
    entry = QAction(text, window)
    if shortcut:
        entry.setShortcut(QKeySequence(shortcut))
    if slot is not None:
        entry.triggered.connect(slot)
    else:
        # Laid out now so staff learn where things live; enabled as each feature lands.
        entry.setEnabled(False)
        tip = tip or translate("MainWindow", "Not available in this version yet.")
    entry.setStatusTip(tip)
    return entry


def build_menus(window: MainWindow) -> None:
    """Every menu of the main window; the actions tests and the patient page use are kept
    on the window (``window.print_action`` …)."""
    w = window
    bar = w.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    w.new_patient_action = action(
        w, translate("MainWindow", "&New patient…"), w.add_patient, QKeySequence.New,
        translate("MainWindow", "Add a patient to the list."))
    w.print_action = action(
        w, translate("MainWindow", "&Print / Save as PDF…"), w.print_selected_patient,
        QKeySequence.Print,
        translate("MainWindow",
                  "Visit summary, blank worksheet or dosing sheet for the selected patient."))
    file_menu.addAction(w.print_action)
    w.export_action = action(
        w, translate("MainWindow", "&Export for coordinators…"), w.export_for_coordinators,
        "Ctrl+Shift+E",
        translate("MainWindow",
                  "CSV files for the study coordinators (de-identified by default)."))
    file_menu.addAction(w.export_action)
    w.import_action = action(
        w, translate("MainWindow", "&Import…"), w.import_export_folder,
        tip=translate("MainWindow", "Load an identified export of this app."))
    file_menu.addAction(w.import_action)
    file_menu.addSeparator()
    w.sign_out_action = action(
        w, translate("MainWindow", "&Sign out / switch user…"), w.sign_out, "Ctrl+Shift+L",
        translate("MainWindow",
                  "Close this person's work (drafts are kept) and let someone else sign in."))
    file_menu.addAction(w.sign_out_action)
    file_menu.addAction(action(w, translate("MainWindow", "&Quit"), w.close, QKeySequence.Quit))

    # Patients are added where patients are worked on, not under File.
    patient_menu = bar.addMenu(translate("MainWindow", "&Patient"))
    patient_menu.addAction(w.new_patient_action)
    patient_menu.addSeparator()
    w.edit_patient_action = action(
        w, translate("MainWindow", "&Edit patient…"), w.edit_selected_patient, "Ctrl+E",
        translate("MainWindow", "Edit the selected patient."))
    patient_menu.addAction(w.edit_patient_action)
    w.open_patient_action = action(
        w, translate("MainWindow", "&Open patient page…"), w.open_selected_patient, "Ctrl+O",
        translate("MainWindow",
                  "Plan, arm, doses, visit due dates and screening log of the selected patient."))
    patient_menu.addAction(w.open_patient_action)
    patient_menu.addSeparator()
    w.screen_action = action(
        w, translate("MainWindow", "&Screen for a treatment plan…"), w.screen_selected_patient,
        "Ctrl+Shift+S",
        translate("MainWindow",
                  "Check the selected patient against a plan's eligibility criteria."))
    w.enroll_action = action(
        w, translate("MainWindow", "En&roll and choose arm…"), w.enroll_selected_patient,
        "Ctrl+Shift+N",
        translate("MainWindow",
                  "Enroll the selected patient from an eligible screening and choose the arm."))
    w.change_arm_action = action(
        w, translate("MainWindow", "&Change arm…"), w.change_arm_selected_patient, None,
        translate("MainWindow", "Move the selected patient to another arm (e.g. A to B or C)."))
    for entry in (w.screen_action, w.enroll_action, w.change_arm_action):
        patient_menu.addAction(entry)

    visits_menu = bar.addMenu(translate("MainWindow", "&Visits"))
    w.due_visits_action = action(
        w, translate("MainWindow", "Visits due this &week and overdue…"), w.show_due_visits,
        "Ctrl+D",
        translate("MainWindow", "Every patient's visits due in the next 7 days and those overdue."))
    visits_menu.addAction(w.due_visits_action)

    cohort_menu = bar.addMenu(translate("MainWindow", "&Cohort"))
    w.cohort_action = action(
        w, translate("MainWindow", "&Outcomes by arm…"), w.show_cohort_outcomes,
        tip=translate("MainWindow",
                      "Counts, baseline balance, time to inactive disease, TIS, skin VAS, "
                      "steroids and adverse events by arm, each figure with the patients "
                      "behind it."))
    w.cohort_action.setEnabled(w.may(Permission.VIEW_DATA))
    cohort_menu.addAction(w.cohort_action)

    tools_menu = bar.addMenu(translate("MainWindow", "&Tools"))
    w.users_action = action(
        w, translate("MainWindow", "&User accounts…"), w.manage_users,
        tip=translate("MainWindow", "Add people, change roles, unlock accounts."))
    w.audit_action = action(
        w, translate("MainWindow", "&Audit trail…"), w.show_audit_trail,
        tip=translate("MainWindow", "Who changed what, when and why."))
    w.backup_action = action(
        w, translate("MainWindow", "&Back up now…"), w.backups.back_up_now,
        tip=translate("MainWindow", "Copy the database to a file you choose."))
    w.settings_action = action(
        w, translate("MainWindow", "&Settings…"), w.change_settings,
        tip=translate("MainWindow",
                      "Screen lock after idle minutes, automatic backups kept and their folder."))
    w.sites_action = action(
        w, translate("MainWindow", "S&ite list…"), w.manage_sites,
        tip=translate("MainWindow",
                      "The sites offered in the patient dialog (exported as codes)."))
    w.site_code_action = action(
        w, translate("MainWindow", "Site &code…"), w.set_site_code,
        tip=translate("MainWindow",
                      "This site's code: every exported record id starts with it."))
    w.encryption_action = action(
        w, translate("MainWindow", "Database &encryption…"), w.change_encryption,
        tip=translate("MainWindow",
                      "Encrypt the database file with a passphrase, change it, or stop "
                      "encrypting."))
    w.gated_actions = ((w.users_action, Permission.MANAGE_USERS),
                       (w.audit_action, Permission.VIEW_AUDIT),
                       (w.backup_action, Permission.BACKUP),
                       (w.settings_action, Permission.CHANGE_SETTINGS),
                       (w.sites_action, Permission.CHANGE_SETTINGS),
                       (w.site_code_action, Permission.CHANGE_SETTINGS),
                       (w.encryption_action, Permission.MANAGE_ENCRYPTION))
    for entry, _permission in w.gated_actions:
        tools_menu.addAction(entry)
    apply_permissions(w)
    tools_menu.addSeparator()
    # Everyone may see which plans are offered and why a protocol file was refused.
    w.plans_action = action(
        w, translate("MainWindow", "&Treatment plans…"), w.show_treatment_plans,
        tip=translate("MainWindow",
                      "The plans offered (shipped or site plan, with file hash) and any "
                      "protocol file refused, with the reasons."))
    tools_menu.addAction(w.plans_action)
    if w.database.file_path is None:
        w.encryption_action.setEnabled(False)
        w.encryption_action.setStatusTip(translate(
            "MainWindow", "A server database is protected by the server, not encrypted here."))

    # Everyone may choose the language of the workstation's interface (not audited:
    # it changes no data and no protection).
    w.language_action = action(
        w, translate("MainWindow", "&Language…"), w.change_language,
        tip=translate("MainWindow", "English or French; the computer's language by default."))
    w.language_action.setEnabled(w.settings is not None)
    tools_menu.addAction(w.language_action)

    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(action(w, translate("MainWindow", "&About"), w.about,
                               tip=translate("MainWindow", "About this application.")))

    find = QAction(w)
    find.setShortcut(QKeySequence.Find)
    find.triggered.connect(lambda: (w.search.setFocus(), w.search.selectAll()))
    w.addAction(find)


def apply_permissions(window: MainWindow) -> None:
    """Shown to everyone so staff know they exist; enabled for the roles that may."""
    for entry, permission in window.gated_actions:
        entry.setEnabled(window.may(permission))
