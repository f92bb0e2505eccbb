# Set-up and everyday commands. `make demo` and `make test` work on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Re-install when the project's requirements change.
INSTALLED := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

TS_SOURCES := $(wildcard translations/*.ts)
QM_FILES := $(TS_SOURCES:.ts=.qm)
QT_SOURCES := $(shell find desktop registries -name '*.py' 2>/dev/null)

.PHONY: demo run server test lint bench package translations lupdate screenshots clean

demo: $(INSTALLED) $(QM_FILES)
	$(BIN)/esh-desktop --demo

run: $(INSTALLED) $(QM_FILES)
	$(BIN)/esh-desktop

# A trial server on one PC: the demo school in a SQLite file, on this computer only.
# MAX is simulated too, in a file of its own.
SERVER_DB ?= $(CURDIR)/server-demo.sqlite3
SERVER_MAX_DB ?= $(CURDIR)/server-demo.max.sqlite3
SERVER_PORT ?= 8000
server: $(INSTALLED)
	$(BIN)/esh-server demo --database sqlite:///$(SERVER_DB) \
		--max-sim-database sqlite:///$(SERVER_MAX_DB)
	$(BIN)/esh-server serve --database sqlite:///$(SERVER_DB) --host 127.0.0.1 \
		--port $(SERVER_PORT) --max-sim-database sqlite:///$(SERVER_MAX_DB)

test: $(INSTALLED) $(QM_FILES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

bench: $(INSTALLED) $(QM_FILES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.startup
	$(BIN)/python -m tests.benchmarks.chats
	$(BIN)/python -m tests.benchmarks.conferences
	$(BIN)/python -m tests.benchmarks.max_outage
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.journal
	$(BIN)/python -m tests.benchmarks.server_load
	$(BIN)/python -m tests.benchmarks.bundle

# The desktop as a PyInstaller bundle in dist/esh-desktop, and its installer for this system
# (a .deb on Debian and Ubuntu; on Windows the Inno Setup installer, see README).
package: $(INSTALLED) $(QM_FILES)
	$(BIN)/python packaging/build.py

screenshots: $(INSTALLED) $(QM_FILES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.screenshots docs

translations: $(QM_FILES)

# Refresh the .ts sources from the code (then translate the new entries in Qt Linguist).
lupdate: $(INSTALLED)
	$(BIN)/pyside6-lupdate $(QT_SOURCES) -ts $(TS_SOURCES) -no-obsolete

translations/%.qm: translations/%.ts $(INSTALLED)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench,package]'
	rm -f $(VENV)/.installed-*
	touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info translations/*.qm .pytest_cache
