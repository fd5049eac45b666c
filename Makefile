# Two commands for a newcomer: `make run` and `make test`. Everything else is a helper of those.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
PORT ?= 8501
HOST ?=
STREAMLIT_ARGS ?=

.PHONY: run test lint bench install install-dev browser db clean

## run: install into .venv, create the database, load the sample brand when it is empty, start the dashboard
## on 127.0.0.1 (HOST=0.0.0.0 or another address only with a sign-in configured: liveroi/ui/serve.py refuses)
run: $(VENV)/.installed db
	$(PY) -m liveroi.ui.serve --server.port $(PORT) $(if $(HOST),--server.address $(HOST)) $(STREAMLIT_ARGS)

## test: install test dependencies and Chromium, lint, run every test (browser tests included)
test: $(VENV)/.installed-dev browser lint
	$(PY) -m pytest

lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .

## bench: the speed measurements in benchmarks/ (writes benchmarks/RESULTS.md)
bench: $(VENV)/.installed-dev browser
	$(PY) -m benchmarks

db: $(VENV)/.installed
	$(PY) -m liveroi init --load-sample-if-empty

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt constraints.txt | $(VENV)/bin/python
	$(PIP) install -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt constraints.txt | $(VENV)/bin/python
	$(PIP) install -r requirements-dev.txt -c constraints.txt
	touch $(VENV)/.installed $@

## browser: Debian's Chromium and CJK fonts (Playwright cannot download its own browser here)
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis artifacts
