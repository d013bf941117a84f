"""Tools → Treatment plans (issue 15, item 4): the GUI shows which plans are offered, from
where (shipped or site plan, with the file's hash), and every refused protocol file with
the reasons -- not only the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app import paths
from app.catalog import _cached, protocol_catalog
from app.forms.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("system_actor")

BUILTIN = Path(__file__).resolve().parents[2] / "resources" / "protocols"


@pytest.fixture
def site(private_home):
    _cached.cache_clear()
    folder = paths.site_protocol_dir()
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    _cached.cache_clear()


def test_the_dialog_lists_site_plans_and_refused_files_with_reasons(qtbot, database, site):
    text = (BUILTIN / "persistent-skin-rash.toml").read_text(encoding="utf-8")
    (site / "our-skin.toml").write_text(text.replace('version = "2017.2"',
                                                     'version = "site-2026.1"', 1), "utf-8")
    (site / "copy.toml").write_text(text, encoding="utf-8")  # the shipped id and version
    (site / "deep.toml").write_text("x = " + "[" * 50_000 + "]" * 50_000, encoding="utf-8")
    (site / "nocap.toml").write_text(
        text.replace('version = "2017.2"', 'version = "x"', 1).replace("  cap = 70\n", "", 1),
        encoding="utf-8")

    window = MainWindow(database, user="nurse", today=date(2026, 11, 21))
    qtbot.addWidget(window)
    window.show()
    # The main window says so at once, not only when the dialog is opened.
    assert window.refused_plans_label.isVisible()
    assert window.refused_plans_label.text().startswith("3 protocol files refused")
    menu_texts = [a.text() for a in window.menuBar().actions()]
    tools = window.menuBar().actions()[menu_texts.index("&Tools")].menu()
    assert window.plans_action in tools.actions() and window.plans_action.isEnabled()

    dialog = window.make_treatment_plans_dialog()
    qtbot.addWidget(dialog)
    plans = {row[0]: row for row in dialog.rows(dialog.plans)}
    assert sorted(plans) == ["moderate-jdm-2010", "persistent-skin-rash", "refractory-biologic"]
    skin = protocol_catalog().get("persistent-skin-rash")
    assert plans["persistent-skin-rash"][1:2] == ["site-2026.1"]
    assert plans["persistent-skin-rash"][3] == "site plan"
    assert plans["persistent-skin-rash"][5] == skin.content_hash[:12]
    assert plans["persistent-skin-rash"][6] == "our-skin.toml"
    assert plans["refractory-biologic"][3] == "shipped"
    assert plans["refractory-biologic"][4].startswith("provisional")

    refused = dialog.rows(dialog.rejected)
    by_file = {}
    for file, key, reason in refused:
        by_file.setdefault(file, []).append((key, reason))
    assert set(by_file) == {"copy.toml", "deep.toml", "nocap.toml"}
    ((key, reason),) = by_file["copy.toml"]
    assert key == "version" and "shipped plan" in reason and "own version" in reason
    ((key, reason),) = by_file["deep.toml"]
    assert key == "(whole file)" and "nested too deeply" in reason
    assert any(k == "arms[0].doses[0].cap" and "needs a cap" in r for k, r in by_file["nocap.toml"])
    assert dialog.rejected.isVisibleTo(dialog)
    assert "Protocol files refused (3)" in dialog.rejected_heading.text()


def test_without_refused_files_the_dialog_says_none(qtbot, database, site):
    window = MainWindow(database, user="nurse", today=date(2026, 11, 21))
    qtbot.addWidget(window)
    assert not window.refused_plans_label.isVisibleTo(window)
    dialog = window.make_treatment_plans_dialog()
    qtbot.addWidget(dialog)
    assert len(dialog.rows(dialog.plans)) == 3
    assert dialog.rows(dialog.rejected) == []
    assert not dialog.rejected.isVisibleTo(dialog)
    assert "none" in dialog.rejected_heading.text()


def test_refused_files_are_explained_in_french(qtbot, database, site):
    """Issue 21: the status bar and the refusal reasons a site author reads in the
    Treatment plans window are in French (the command line keeps the English)."""
    from app.forms.language import INTERFACE

    text = (BUILTIN / "persistent-skin-rash.toml").read_text(encoding="utf-8")
    (site / "copy.toml").write_text(text, encoding="utf-8")  # the shipped id and version
    (site / "deep.toml").write_text("x = " + "[" * 50_000 + "]" * 50_000, encoding="utf-8")
    (site / "extra.toml").write_text(
        text.replace('version = "2017.2"', 'version = "x"', 1).replace(
            'status = "seed"\n', 'status = "seed"\ncolour = "red"\n', 1), encoding="utf-8")
    (site / "nocap.toml").write_text(  # a dose rule's key refused: the IVIG rule's cap
        text.replace('version = "2017.2"', 'version = "y"', 1).replace("  cap = 70\n", "", 1),
        encoding="utf-8")
    INTERFACE.switch("fr")
    try:
        window = MainWindow(database, user="nurse", today=date(2026, 11, 21))
        qtbot.addWidget(window)
        window.show()
        assert window.refused_plans_label.text() == (
            "4 fichiers de plan refusés — voir Outils → Plans de traitement")
        dialog = window.make_treatment_plans_dialog()
        qtbot.addWidget(dialog)
        rows = dialog.rows(dialog.rejected)
        reasons = {file: reason for file, _key, reason in rows}
        cap = [reason for file, key, reason in rows
               if file == "nocap.toml" and key == "arms[0].doses[0].cap"]
    finally:
        INTERFACE.switch("en")
    assert reasons["copy.toml"] == (
        "« persistent-skin-rash » version « 2017.2 » est le plan livré "
        "(persistent-skin-rash.toml) ; un fichier du site ne peut pas reprendre l'identifiant "
        "et la version d'un plan livré : donnez au plan du site sa propre version")
    assert reasons["deep.toml"] == (
        "listes ou tables imbriquées trop profondément (plus de 32 niveaux)")
    assert reasons["extra.toml"].startswith("clé inconnue « colour » (permises ici : ")
    assert len(cap) == 1 and cap[0].startswith(
        "est absent : cette quantité augmente sans limite avec le poids ou la surface "
        "corporelle") and cap[0].endswith(
        "il faut donc un plafond (son maximum), ou uncapped = true avec uncapped_reason")
    # the command line's words: the English, as before
    refused = {Path(e.file).name: str(e) for e in protocol_catalog().rejected}
    assert "nested too deeply (more than 32 levels)" in refused["deep.toml"]
    assert "so it needs a cap (its maximum), or uncapped = true" in refused["nocap.toml"]


def test_a_key_refused_for_its_value_is_explained_in_french(qtbot, database, site):
    """Issue 21: a key refused for its value alone (text where a number is wanted, a
    negative cap, a drug in capitals) in French in the Treatment plans window, the number
    with the French decimal mark and what the file wrote quoted as written; the command
    line keeps the English."""

    text = (BUILTIN / "persistent-skin-rash.toml").read_text(encoding="utf-8")
    (site / "version.toml").write_text(text.replace('version = "2017.2"', "version = 2017", 1),
                                       encoding="utf-8")
    (site / "negative.toml").write_text(
        text.replace('version = "2017.2"', 'version = "n"', 1).replace(
            "  cap = 70\n", "  cap = -0.5\n", 1), encoding="utf-8")
    (site / "capitals.toml").write_text(
        text.replace('version = "2017.2"', 'version = "c"', 1).replace(
            'drug = "ivig"', 'drug = "IVIG"', 1), encoding="utf-8")
    reasons = _french_refusals(qtbot, database)
    assert reasons["version.toml", "version"] == "doit être du texte, et non un nombre"
    assert reasons["negative.toml", "arms[0].doses[0].cap"] == (
        "doit être supérieur à zéro (valeur trouvée : -0,5)")
    assert reasons["capitals.toml", "arms[0].doses[0].drug"] == (
        "les noms de médicaments sont des noms génériques en minuscules (« IVIG »)")
    refused = {Path(e.file).name: str(e) for e in protocol_catalog().rejected}
    assert "version: must be text, not a number" in refused["version.toml"]
    assert "must be greater than zero (found -0.5)" in refused["negative.toml"]
    assert 'drug names are lower-case generic names ("IVIG")' in refused["capitals.toml"]


def test_a_plan_whose_tables_do_not_fit_is_explained_in_french(qtbot, database, site):
    """A dose naming a schedule the file does not have, and dose bands that overlap: said
    in French (they were listed in English), what the file wrote quoted as written, the
    bands' bounds with a decimal comma; the command line keeps its English. The window
    opens (a dose rule's bound, "%1 %2%3 … %4 mg%3", once made it fail to build)."""

    text = (BUILTIN / "persistent-skin-rash.toml").read_text(encoding="utf-8")
    (site / "schedule.toml").write_text(
        text.replace('version = "2017.2"', 'version = "s"', 1).replace(
            'schedule = "ivig_q2w_x3_then_monthly"', 'schedule = "nowhere"', 1),
        encoding="utf-8")
    biologic = (BUILTIN / "refractory-biologic.toml").read_text(encoding="utf-8")
    (site / "bands.toml").write_text(
        biologic.replace('version = "', 'version = "s', 1).replace(
            "min_kg = 15, min_inclusive = true", "min_kg = 12.5, min_inclusive = true", 1),
        encoding="utf-8")
    reasons = _french_refusals(qtbot, database)
    assert reasons["schedule.toml", "arms[0].doses[0].schedule"] == "aucun calendrier « nowhere »"
    assert reasons["bands.toml", "arms[0].doses[0].bands[1]"] == (
        "cette tranche chevauche une autre (≥ 10 kg et < 15 kg / ≥ 12,5 kg et < 30 kg)")
    refused = {Path(e.file).name: str(e) for e in protocol_catalog().rejected}
    assert 'arms[0].doses[0].schedule: no schedule "nowhere"' in refused["schedule.toml"]
    assert ("this band overlaps another (≥ 10 kg and < 15 kg / ≥ 12.5 kg and < 30 kg)"
            in refused["bands.toml"])


def _french_refusals(qtbot, database) -> dict[tuple[str, str], str]:
    """The Treatment plans window opened in French: (file, key) -> the refusal listed."""
    from app.forms.language import INTERFACE

    INTERFACE.switch("fr")
    try:
        window = MainWindow(database, user="nurse", today=date(2026, 11, 21))
        qtbot.addWidget(window)
        dialog = window.make_treatment_plans_dialog()
        qtbot.addWidget(dialog)
        return {(file, key): reason for file, key, reason in dialog.rows(dialog.rejected)}
    finally:
        INTERFACE.switch("en")
