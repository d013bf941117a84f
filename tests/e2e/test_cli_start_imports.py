"""The desktop start (``jdm-ctp`` with no command) imports no command's module: building
every command's options imported all fifteen (a fifth of the start's CPU, issue 22)."""

from __future__ import annotations

import json
import subprocess
import sys

from app.cli import COMMANDS, build_parser

COMMAND_MODULES = {f"app.cli.{module}" for module, _help in COMMANDS.values()}


def _command_modules_imported(code: str) -> list[str]:
    script = ("import json, sys\n" + code + "\nprint(json.dumps(sorted(m for m in sys.modules"
              " if m.startswith('app.cli.') and m != 'app.cli.common')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, timeout=120)
    return sorted(set(json.loads(done.stdout.splitlines()[-1])) & COMMAND_MODULES)


def test_the_desktop_start_parses_its_arguments_without_any_command_module():
    imported = _command_modules_imported(
        "from app.cli import build_parser, COMMANDS\n"
        "args = build_parser(COMMANDS.keys() & {'--db', 'clinic.sqlite3'})"
        ".parse_args(['--db', 'clinic.sqlite3'])\n"
        "assert args.command is None and args.db == 'clinic.sqlite3'")
    assert imported == []


def test_a_command_gets_its_own_options_and_only_its_module_is_imported():
    imported = _command_modules_imported(
        "from app.cli import build_parser, COMMANDS\n"
        "argv = ['export', '--out', 'here', '--format', 'wide']\n"
        "args = build_parser(COMMANDS.keys() & set(argv)).parse_args(argv)\n"
        "assert (args.command, args.out, args.format) == ('export', 'here', 'wide')")
    assert imported == ["app.cli.export"]


def test_every_command_is_still_listed_and_the_whole_parser_has_every_option():
    parser = build_parser(set())
    listed = next(a for a in parser._actions if a.dest == "command").choices
    assert set(listed) == set(COMMANDS)
    whole = next(a for a in build_parser()._actions if a.dest == "command").choices
    assert all(len(whole[name]._actions) > 3 for name in COMMANDS)  # help, --db, ... and its own


# ------------------------------------------------- the desktop start, up to the list shown

# The application's start (`jdm-ctp --db F`, as the desktop shortcut runs it) with the
# sign-in answered, stopped the moment the patient list has been painted: it prints the
# modules imported by then and what the list showed (study id, arm column) on that paint.
_START_UNTIL_PAINTED = r"""
import json, os, sys

import app.forms.login_dialog as login_dialog
from app.domain.permissions import Permission, system_task

login_dialog.sign_in_at_start = lambda _db, *a, **k: system_task("start test", *Permission)
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication


def report(window):
    model = window.model
    shown = [[model.index(r, model.STUDY_ID).data(), model.index(r, model.ARM).data()]
             for r in range(model.rowCount())]
    print(json.dumps({"modules": sorted(sys.modules), "list": shown}), flush=True)
    os._exit(0)


def exec_until_painted(_self=None):
    from app.forms.main_window import MainWindow

    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))

    class Painted(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                # What this paint drew, read in the same turn of the event loop.
                report(window)
            return False

    painted = Painted()
    window.table.viewport().installEventFilter(painted)
    QEventLoop().exec()
    return 1


QApplication.exec = exec_until_painted
from app.cli import main

sys.exit(main(["--db", sys.argv[1]]))
"""

# What the list needs is the database and the plans' arm names; none of these.
NOT_ON_THE_START_PATH = (
    # The list is read with Core (app.db.patient_list): the ORM models, the audit trail and
    # the accounts' services are imported after the first paint (a quarter of the start).
    "app.db.models", "app.db.audit", "app.db.record_states", "app.db.score_cache",
    "app.db.users", "app.db.patients", "app.db.conflicts",
    "sqlalchemy.orm",  # the list is read on a plain connection (Database.reading_connection)
    "app.forms.pdf_preview",  # leftover previews are removed without the preview window
    "app.forms.widgets.date_field",  # no date field in the sign-in or the list
    "sqlalchemy.dialects.postgresql",  # a PostgreSQL-only index option loaded it at import
    "alembic",  # read only when an upgrade is due (the version is one SELECT)
    "reportlab", "matplotlib",  # report writers and charts
    "app.reports.visit_summary_pdf", "app.reports.redcap", "app.reports.wide",
    "app.exports",
    "app.forms.treatment_steps", "app.forms.visit_form", "app.forms.patient_page",
    "app.forms.screening_wizard", "app.forms.enrollment",
    "app.db.enrollments", "app.domain.enrollment",  # the enrollment services and rules
)

# The arms of the shipped plans as the list names them (resources/protocols/*.toml, their
# [[arms]] id and name; a plan naming its arms by one letter shows "Arm X — name").
SHIPPED_ARM_LABELS = {
    "mp": "Methotrexate + prednisone (MP)",
    "mmp": "IV methylprednisolone + methotrexate + prednisone (MMP)",
    "mmpi": "IV methylprednisolone + methotrexate + prednisone + IVIG (MMPI)",
    "A": "Arm A — IVIG",
    "B": "Arm B — Mycophenolate mofetil",
    "C": "Arm C — Cyclosporine",
    "tnf": "TNF-α inhibitor (adalimumab or infliximab)",
    "abatacept": "Abatacept (IV or subcutaneous)",
    "rituximab": "Rituximab",
    "tocilizumab": "Tocilizumab",
}


def _listed_arms(path) -> dict[str, str | None]:
    """Each patient's arm as the list shows it, read straight from the file: the last arm of
    the last enrollment recorded (the current one while enrolled; after the enrollment ended
    the protocol column says how it ended)."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        arms: dict[str, str | None] = dict.fromkeys(
            study_id for (study_id,) in connection.execute("SELECT study_id FROM patient"))
        for study_id, arm_id in connection.execute(
                "SELECT p.study_id, a.arm_id FROM patient p "
                "JOIN enrollment e ON e.id = (SELECT max(id) FROM enrollment "
                "WHERE patient_id = p.id) "
                "JOIN arm_assignment a ON a.id = (SELECT max(id) FROM arm_assignment "
                "WHERE enrollment_id = e.id)"):
            arms[study_id] = arm_id
        return arms
    finally:
        connection.close()


def test_the_desktop_start_shows_arm_names_on_its_first_paint_without_what_it_does_not_need(
        tmp_path):
    import os

    database = tmp_path / "clinic.sqlite3"
    env = dict(os.environ, JDM_CTP_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    env.pop("JDM_CTP_DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "app", "demo-data", "--db", str(database),
                    "--patients", "12", "--seed", "5", "--quiet"],
                   env=env, check=True, capture_output=True, timeout=300)
    arms = _listed_arms(database)
    # The first start loads the plans before its list; a later one names the arms from what
    # the first kept, and loads the plans after its first paint (app.catalog).
    for start in ("first start", "later start"):
        done = subprocess.run([sys.executable, "-c", _START_UNTIL_PAINTED, str(database)],
                              env=env, capture_output=True, text=True, timeout=300)
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        assert lines, done.stderr[-3000:]
        shown = json.loads(lines[-1])

        loaded = sorted(name for name in shown["modules"] for unwanted in NOT_ON_THE_START_PATH
                        if name == unwanted or name.startswith(unwanted + "."))
        assert (start, loaded) == (start, [])
        if start == "later start":  # the plans' validation needs every instrument's module
            assert "app.domain.instruments.registry" not in shown["modules"]
            # The arms are named from what the first start kept: no plan module at all.
            assert [m for m in shown["modules"] if m.startswith("app.domain.protocol")] == []

        assert sorted(study_id for study_id, _arm in shown["list"]) == sorted(arms)
        assert any(arms[study_id] for study_id, _cell in shown["list"]), "some are enrolled"
        for study_id, cell in shown["list"]:
            expected = SHIPPED_ARM_LABELS[arms[study_id]] if arms[study_id] else "—"
            assert (start, study_id, cell) == (start, study_id, expected)


# ------------------------------------------------- the sign-in, before the list

# The start's sign-in (app.forms.login_dialog.sign_in_at_start) in a fresh process: what is
# loaded when its dialog is shown, and once it has been painted while nobody typed yet.
_SIGN_IN = r"""
import json, sys, time

from PySide6.QtWidgets import QApplication

from app.db.opening import open_database
from app.forms import login_dialog

database = open_database(sys.argv[1])
app = QApplication([])
seen = {}


def loaded():
    return sorted(m for m in ("app.db.models", "app.db.users", "sqlalchemy.orm")
                  if m in sys.modules)


def run(dialog):
    seen["shown with"] = loaded()
    dialog.show()
    waited = time.monotonic() + 60
    while "app.db.users" not in sys.modules and time.monotonic() < waited:
        app.processEvents()
        time.sleep(0.005)
    seen["while nobody typed"] = loaded()
    dialog.user_name.setText("admin")
    dialog.password.setText(sys.argv[2])
    dialog.try_sign_in()
    return dialog.result()


actor = login_dialog.sign_in_at_start(database, run=run)
seen["signed in"] = actor.user_name if actor else None
print(json.dumps(seen), flush=True)
"""


def test_the_sign_in_is_shown_before_the_models_load_and_they_load_while_nobody_types(
        tmp_path, migrated_sqlite_file):
    import os

    from database_fixtures import STAFF_PASSWORD, add_people

    from app.db.opening import open_database

    path = migrated_sqlite_file(tmp_path / "clinic.sqlite3")
    database = open_database(path)
    add_people(database)
    database.dispose()
    env = dict(os.environ, JDM_CTP_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", _SIGN_IN, str(path), STAFF_PASSWORD],
                          env=env, capture_output=True, text=True, timeout=300)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr[-3000:]
    seen = json.loads(lines[-1])
    assert seen == {"shown with": [],
                    "while nobody typed": ["app.db.models", "app.db.users", "sqlalchemy.orm"],
                    "signed in": "admin"}
