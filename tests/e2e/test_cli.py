"""The `jdm-ctp` command line as a coordinator or clinic IT would use it."""

from __future__ import annotations

import json
import math
import sqlite3
import subprocess
import sys

import pytest
from database_fixtures import add_people, password_file

from app.cli import main
from app.db.migrate import head_revision
from app.db.opening import open_database


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def dose_json(capsys, *argv):
    code, out, err = run(capsys, "dose", "--protocol", "persistent-skin-rash", *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_dose_json_has_the_specified_shape(capsys):
    report = dose_json(capsys, "--arm", "B", "--weight-kg", "20", "--height-cm", "115")
    assert set(report) == {"protocol", "protocol_version", "plan_origin", "protocol_hash", "arm",
                           "option", "option_is_default", "inputs", "doses", "limits"}
    assert report["plan_origin"] == "shipped" and len(report["protocol_hash"]) == 64
    assert report["protocol"] == "persistent-skin-rash"
    assert report["arm"] == "B" and report["option"] is None
    assert set(report["inputs"]) == {"weight_kg", "height_cm", "bsa_m2", "bsa_formula",
                                     "age_years", "age_on"}
    # Mosteller: √(115 × 20 / 3600) = √0.638889 = 0.799305
    assert report["inputs"]["bsa_m2"] == pytest.approx(0.799305, abs=1e-6)
    assert "Mosteller" in report["inputs"]["bsa_formula"]
    (dose,) = report["doses"]
    assert set(dose) == {"drug", "calculated", "amount", "unit", "per", "frequency", "route",
                         "capped", "derivation", "source", "status", "option", "warnings"}
    # max(10 mg/kg × 20 kg = 200 mg, 600 mg/m² × 0.799305 m² = 479.58 mg) = 479.58 mg
    assert dose["drug"] == "mycophenolate mofetil"
    assert dose["calculated"] == pytest.approx(479.583, abs=1e-3)
    assert dose["amount"] == 480  # nearest 1 mg (provisional rounding)
    assert (dose["unit"], dose["per"], dose["capped"]) == ("mg", "dose", False)
    assert "1500" in dose["derivation"]
    limits = {limit["drug"]: limit for limit in report["limits"]}
    assert limits["prednisone"]["max_amount"] == 40  # 2 mg/kg/day × 20 kg = 40 mg < 60 mg
    assert limits["methylprednisolone"]["max_amount"] == 600  # 30 mg/kg × 20 kg < 1000 mg
    assert all("max_amount" in limit for limit in report["limits"])


def test_dose_json_ivig_cap_from_pounds(capsys):
    # 99 lb × 0.45359237 = 44.906 kg; 2 g/kg × 44.906 = 89.81 g → cap 70 g
    report = dose_json(capsys, "--arm", "A", "--weight-lb", "99")
    (dose,) = report["doses"]
    assert report["inputs"]["weight_kg"] == pytest.approx(44.90564, abs=1e-5)
    assert report["inputs"]["height_cm"] is None and report["inputs"]["bsa_m2"] is None
    assert dose["drug"] == "ivig"
    assert dose["calculated"] == pytest.approx(89.811, abs=1e-3)
    assert (dose["amount"], dose["unit"], dose["capped"]) == (70, "g", True)


def biologic_json(capsys, *argv):
    code, out, err = run(capsys, "dose", "--protocol", "refractory-biologic", *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_dose_rituximab_uses_the_default_rim_option(capsys):
    # No --option: the plan's default, the RIM regimen. 20 kg, 115 cm: BSA
    # √(115 × 20 / 3600) = 0.7993053 m² ≤ 1.5 → 575 mg/m² × 0.7993053 = 459.60 → 459.6 mg
    report = biologic_json(capsys, "--arm", "rituximab", "--weight-kg", "20", "--height-cm",
                           "115")
    assert (report["option"], report["option_is_default"]) == ("rim_weeks_0_and_1", True)
    (dose,) = report["doses"]
    assert dose["option"] == "rim_weeks_0_and_1"
    assert (dose["amount"], dose["capped"]) == (459.6, False)
    # the flat option on request: 750 mg/m² × 0.7993053 = 599.48 → 599.5 mg
    flat = biologic_json(capsys, "--arm", "rituximab", "--option", "flat_weeks_0_and_1",
                         "--weight-kg", "20", "--height-cm", "115")
    assert flat["option_is_default"] is False and flat["doses"][0]["amount"] == 599.5
    code, out, _ = run(capsys, "dose", "--protocol", "refractory-biologic", "--arm", "rituximab",
                       "--weight-kg", "20", "--height-cm", "115")
    assert code == 0 and "(the plan's default; other options with --option:" in out


def test_dose_tocilizumab_cap_in_json(capsys):
    # 8 mg/kg × 110 kg = 880 mg > 800 mg → 800 mg, capped; 8 × 100 = 800 exactly: not capped
    heavy = biologic_json(capsys, "--arm", "tocilizumab", "--option", "every_2_weeks",
                          "--weight-kg", "110")["doses"][0]
    assert (heavy["calculated"], heavy["amount"], heavy["capped"]) == (880, 800, True)
    at_cap = biologic_json(capsys, "--arm", "tocilizumab", "--option", "every_2_weeks",
                           "--weight-kg", "100")["doses"][0]
    assert (at_cap["calculated"], at_cap["amount"], at_cap["capped"]) == (800, 800, False)


def test_dose_abatacept_age_from_date_of_birth(capsys):
    # Born 2021-06-01, dose on 2026-01-05: 4 completed years < 6 (IV labelled from 6)
    report = biologic_json(capsys, "--arm", "abatacept", "--option", "iv", "--weight-kg", "18",
                           "--date-of-birth", "2021-06-01", "--on", "2026-01-05")
    assert (report["inputs"]["age_years"], report["inputs"]["age_on"]) == (4, "2026-01-05")
    (dose,) = report["doses"]
    assert dose["amount"] == 180  # 10 mg/kg × 18 kg, computed all the same
    (warning,) = dose["warnings"]
    assert "labelled from age 6 years" in warning and "4 years old on 05 Jan 2026" in warning
    code, out, _ = run(capsys, "dose", "--protocol", "refractory-biologic", "--arm", "abatacept",
                       "--option", "iv", "--weight-kg", "18", "--date-of-birth", "2021-06-01",
                       "--on", "2026-01-05")
    assert code == 0 and "WARNING: Abatacept IV is labelled from age 6 years" in out
    # without a date of birth the age is "not known", said plainly
    unknown = biologic_json(capsys, "--arm", "abatacept", "--option", "iv", "--weight-kg", "18")
    assert "age is not known" in unknown["doses"][0]["warnings"][0]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--date-of-birth", "1st June"), "date of birth must be a date written YYYY-MM-DD"),
        (("--date-of-birth", "2027-01-01", "--on", "2026-01-05"), "is after 2026-01-05"),
    ],
)
def test_bad_date_of_birth_exits_2(capsys, args, words):
    code = main(["dose", "--protocol", "refractory-biologic", "--arm", "abatacept", "--option",
                 "iv", "--weight-kg", "18", *args])
    _, err = capsys.readouterr()
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1


def test_dose_height_in_inches(capsys):
    # 45.28 in × 2.54 = 115.0112 cm
    report = dose_json(capsys, "--arm", "B", "--weight-kg", "20", "--height-in", "45.28")
    assert report["inputs"]["height_cm"] == pytest.approx(115.0112)
    assert math.isclose(report["inputs"]["bsa_m2"], math.sqrt(115.0112 * 20 / 3600))


def test_dose_text_output_explains_each_number(capsys):
    code, out, _ = run(capsys, "dose", "--protocol", "persistent-skin-rash", "--arm", "C",
                       "--weight-kg", "20")
    assert code == 0
    assert "cyclosporine: 60 mg per day" in out  # at least 3 mg/kg/day × 20 kg
    assert "PROVISIONAL" in out  # the methylprednisolone pulse limit is provisional
    assert "Concomitant limits" in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--arm", "D", "--weight-kg", "20"], 'no treatment arm "D"'),
        (["--arm", "B", "--weight-kg", "20"], "Height is needed"),
        (["--arm", "A", "--weight-kg", "abc"], "must be a number"),
        (["--arm", "A", "--weight-kg", "0"], "between 2 and 200 kg"),
        (["--arm", "A", "--weight-kg", "-5"], "between 2 and 200 kg"),
        (["--arm", "A", "--weight-kg", "250"], "between 2 and 200 kg"),
        (["--arm", "B", "--weight-kg", "20", "--height-cm", "300"], "between 45 and 220 cm"),
        (["--arm", "A", "--weight-lb", "1000"], "lb"),
        (["--arm", "A"], "--weight-kg"),
        (["--arm", "A", "--weight-kg", "20", "--weight-lb", "44"], "not allowed with"),
    ],
)
def test_bad_dose_input_exits_2_with_one_plain_line(capsys, args, words):
    try:
        code = main(["dose", "--protocol", "persistent-skin-rash", *args])
    except SystemExit as exit_:  # argparse usage errors exit from inside the parser
        code = exit_.code
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert words in err


def test_unknown_protocol_is_named(capsys):
    code, _, err = run(capsys, "dose", "--protocol", "nope", "--arm", "A", "--weight-kg", "20")
    assert code == 2
    assert "Unknown protocol 'nope'" in err and "persistent-skin-rash" in err


def test_db_upgrade_creates_then_reports_up_to_date(capsys, tmp_path):
    path = tmp_path / "clinic.sqlite3"
    code, out, _ = run(capsys, "db", "upgrade", "--db", str(path))
    assert code == 0 and path.exists()
    with sqlite3.connect(path) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == head_revision()
    code, out2, _ = run(capsys, "--db", str(path), "db", "upgrade")  # --db before the command
    assert code == 0 and out2


def test_db_upgrade_refuses_a_file_that_is_not_a_database(capsys, tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("shopping list")
    code, _, err = run(capsys, "db", "upgrade", "--db", str(path))
    assert code == 1 and err.startswith("jdm-ctp: ")
    assert path.read_text() == "shopping list"


def test_demo_data_requires_an_explicit_database(capsys):
    code, _, err = run(capsys, "demo-data", "--patients", "3")
    assert code == 2 and "--db" in err


def test_demo_data_fills_the_database(capsys, tmp_path):
    path = tmp_path / "demo.sqlite3"
    code, out, _ = run(capsys, "demo-data", "--db", str(path), "--patients", "25", "--seed", "3")
    assert code == 0 and "Added 25 synthetic patients" in out
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM patient").fetchone() == (25,)


def test_protocols_lists_the_shipped_plan_and_rejects_a_broken_site_file(capsys, private_home):
    from app import paths
    from app.catalog import _cached

    _cached.cache_clear()
    (paths.site_protocol_dir() / "broken.toml").write_text("id = [unclosed")
    code, out, err = run(capsys, "protocols", "--json")
    assert code == 1  # the plans are listed, and the refused file makes the exit status 1
    listing = json.loads(out)
    assert "persistent-skin-rash" in [p["id"] for p in listing["protocols"]]
    assert "broken" not in [p["id"] for p in listing["protocols"]]
    assert any("broken.toml" in r for r in listing["rejected"])
    _cached.cache_clear()


def test_console_script_is_installed_and_answers(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "app", "dose", "--protocol", "persistent-skin-rash", "--arm",
         "A", "--weight-kg", "35", "--json"],
        capture_output=True, text=True, check=True)
    (dose,) = json.loads(result.stdout)["doses"]
    # 2 g/kg × 35 kg = 70 g, equal to the 70 g maximum: the cap did not change it
    assert dose["amount"] == 70 and dose["capped"] is False
    assert "equal to the maximum of 70 g, not above it" in dose["derivation"]


# ------------------------------------------------------------- encryption at rest


def _passphrase_file(folder, name, text):
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def test_database_encryption_from_the_command_line(capsys, tmp_path):
    db = str(tmp_path / "clinic.sqlite3")
    key = _passphrase_file(tmp_path, "key.txt", "violet kestrel over the ward")
    new_key = _passphrase_file(tmp_path, "new.txt", "a brand new passphrase")
    assert run(capsys, "demo-data", "--db", db, "--patients", "3")[0] == 0
    database = open_database(db)
    add_people(database)  # encrypting, exporting and backing up need an account (issue 14)
    database.dispose()
    secret = str(password_file(tmp_path))
    admin = ["--user", "admin", "--password-file", secret]
    coord = ["--user", "coord", "--password-file", secret]

    code, out, err = run(capsys, "db", "encrypt", "--db", db, "--new-passphrase-file", key,
                         *admin)
    assert code == 0, err
    assert "is now encrypted" in out
    assert not open(db, "rb").read(16).startswith(b"SQLite format 3")

    # Without the passphrase every command says so, in one plain line, and exits 1.
    code, out, err = run(capsys, "audit", "verify", "--db", db, *coord)
    assert code == 1 and "is encrypted. Give its database passphrase" in err
    # The passphrase file is accepted before or after the command.
    code, out, err = run(capsys, "--db-passphrase-file", key, "audit", "verify", "--db", db,
                         *coord)
    assert code == 0 and out.startswith("OK"), err
    code, out, err = run(capsys, "db", "upgrade", "--db", db, "--db-passphrase-file", key)
    assert code == 0 and "up to date" in out, err
    code, out, err = run(capsys, "export", "--db", db, "--db-passphrase-file", key,
                         "--out", str(tmp_path / "export"), *coord)
    assert code == 0, err
    code, out, err = run(capsys, "backup", "--db", db, "--db-passphrase-file", key,
                         "--out", str(tmp_path / "copy.sqlite3"), *coord)
    assert code == 0 and "keyed with the database passphrase" in out, err

    code, out, err = run(capsys, "db", "change-passphrase", "--db", db,
                         "--db-passphrase-file", key, "--new-passphrase-file", new_key, *admin)
    assert code == 0 and "new passphrase" in out, err
    code, out, err = run(capsys, "audit", "verify", "--db", db, "--db-passphrase-file", key,
                         *coord)
    assert code == 1 and "passphrase is wrong" in err

    code, out, err = run(capsys, "db", "decrypt", "--db", db, "--db-passphrase-file", new_key,
                         *admin)
    assert code == 0 and "stored unencrypted" in out, err
    code, out, err = run(capsys, "audit", "verify", "--db", db, *coord)
    assert code == 0 and out.startswith("OK"), err


def test_encryption_commands_refuse_unclear_requests(capsys, tmp_path):
    db = str(tmp_path / "clinic.sqlite3")
    key = _passphrase_file(tmp_path, "key.txt", "violet kestrel over the ward")
    short = _passphrase_file(tmp_path, "short.txt", "abc")
    assert run(capsys, "db", "upgrade", "--db", db)[0] == 0

    code, _out, err = run(capsys, "db", "encrypt", "--db", db, "--new-passphrase-file", short)
    assert code == 1 and "at least 10 characters" in err
    code, _out, err = run(capsys, "db", "decrypt", "--db", db)
    assert code == 1 and "--db-passphrase-file" in err
    code, _out, err = run(capsys, "db", "decrypt", "--db", db, "--db-passphrase-file", key)
    assert code == 1 and "is not encrypted" in err
    code, _out, err = run(capsys, "audit", "verify", "--db", db,
                          "--db-passphrase-file", str(tmp_path / "missing.txt"))
    assert code == 2 and "cannot be read" in err and len(err.strip().splitlines()) == 1
    code, _out, err = run(capsys, "audit", "verify", "--db", db,
                          "--db-passphrase-file", _passphrase_file(tmp_path, "empty.txt", ""))
    assert code == 2 and "is empty" in err
