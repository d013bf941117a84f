# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv if needed, install the project into it, and check Qt's system libraries.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint setup demo clean bundle translations bench

run: setup
	@$(BIN)/python installer/qt_system_libs.py --gui
	$(BIN)/jdm-ctp

# The whole suite runs on SQLite; with JDM_CTP_TEST_DATABASE_URL set (a PostgreSQL
# server) the database and security suites then run a second time against that server,
# including the tests marked `postgres` (concurrent writers, the lock-out race) that need one.
# Both passes run on every core (pytest-xdist, PYTEST_WORKERS to override, 0 = one
# process); --dist loadgroup keeps the tests sharing one built bundle on one worker.
PYTEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -q -p no:cacheprovider -n $(PYTEST_WORKERS) --dist loadgroup

test: setup
	$(BIN)/lint-imports
	$(BIN)/ruff check app tests migrations/env.py installer bench
	env -u JDM_CTP_TEST_DATABASE_URL QT_QPA_PLATFORM=offscreen $(PYTEST)
	@if [ -n "$$JDM_CTP_TEST_DATABASE_URL" ]; then \
	  echo "== database and security suites against PostgreSQL"; \
	  QT_QPA_PLATFORM=offscreen $(PYTEST) tests/db tests/security; \
	fi

lint: setup
	$(BIN)/ruff check app tests migrations/env.py installer bench
	$(BIN)/lint-imports

# The interface translations: compiled from the .ts sources kept in git whenever these change.
QM := resources/translations/jdm_ctp_fr.qm resources/translations/jdm_ctp_en.qm

setup: $(STAMP) $(QM)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After adding or changing tr() strings: collect them into the .ts files (then translate
# the new entries with $(BIN)/pyside6-linguist and commit the .ts).
translations: $(STAMP)
	$(BIN)/python installer/translations.py update

# Re-install only when the package definition changes.
$(STAMP): pyproject.toml
	@sh installer/make-venv.sh "$(PYTHON)" "$(VENV)"
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@$(BIN)/python installer/qt_system_libs.py
	@touch $(STAMP)

# Every user-visible path timed against its bare-library floor (medians, ratios, goals);
# BENCH_ARGS="--patients 50000" for the larger demo. Not part of make test: timings
# on a shared machine are measured, never asserted.
bench: setup
	$(BIN)/python bench/suite.py $(BENCH_ARGS)

# A demo database with 10,000 synthetic children (for trying the app and for benchmarks).
demo: setup
	$(BIN)/jdm-ctp demo-data --db demo.sqlite3 --patients 10000 --seed 1

# The desktop bundle for this platform: dist/jdm-ctp/ (Linux: also a .tar.gz). See installer/README.md.
bundle: setup
	$(BIN)/python installer/build_bundle.py

clean:
	rm -rf $(VENV) build dist *.egg-info
