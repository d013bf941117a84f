"""`jdm-ctp --self-test` from source: the same checks clinic IT runs on an installed bundle."""

from __future__ import annotations

import os

from app import paths
from app.cli.self_test import CHECKS, run_self_test


def test_self_test_passes_and_reports_every_check(capsys, private_home):
    assert run_self_test() == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    for name, _check in CHECKS:
        assert any(line.startswith(f"ok   {name}:") for line in lines), out
    assert "FAIL" not in out
    # The known dose: IVIG 2 g/kg × 20 kg = 40 g.
    assert "IVIG 40 g" in out
    assert lines[-1] == f"self-test passed: {len(CHECKS)} checks"
    # It worked in its own temporary folder: the test's data directory is as it was,
    # and the environment it borrowed is restored.
    assert os.environ[paths.HOME_ENV] == str(private_home)
    assert not (private_home / "data" / "jdm-ctp.sqlite3").exists()


def test_a_failing_check_makes_the_self_test_fail(capsys, monkeypatch):
    def broken(_work):
        raise RuntimeError("migrations folder missing")

    monkeypatch.setattr("app.cli.self_test.CHECKS", (("database", broken),))
    assert run_self_test() == 1
    out = capsys.readouterr().out
    assert "FAIL database: RuntimeError: migrations folder missing" in out
    assert "self-test FAILED: 1 of 1 checks failed" in out
