# Newsroom: `make run` to try it, `make test` to test it, `make help` for the rest.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Development defaults; production sets these in the environment instead.
export DJANGO_DEBUG ?= 1

.DEFAULT_GOAL := help
.PHONY: help install install-dev setup migrate samples demo-editor run serve test lint format \
	check-deploy ci clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-13s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the requirements

install-dev: $(VENV)/.installed-dev ## Also install the test and development tools

migrate: install ## Create or upgrade the database (SQLite unless DATABASE_URL is set)
	$(BIN)/python manage.py migrate --no-input

samples: migrate ## Load the sample articles (safe to run again)
	$(BIN)/python manage.py load_articles samples/

demo-editor: migrate ## Make sure the demo editor exists and print its login
	$(BIN)/python manage.py create_demo_editor

setup: samples demo-editor ## Install, migrate, load the samples, print the demo login

run: setup ## Set everything up and serve on http://127.0.0.1:8000 (PORT overrides)
	@echo "Serving on http://127.0.0.1:$(PORT)/  (editors: http://127.0.0.1:$(PORT)/admin/)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

serve: migrate ## Serve the app under gunicorn with gunicorn.conf.py (no samples, no demo login)
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py newsroom.wsgi:application

test: install-dev ## Run the whole test suite (DATABASE_URL selects PostgreSQL)
	$(BIN)/python -m pytest

lint: install-dev ## Check the code with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-deploy: install ## Check production settings (python manage.py check --deploy)
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')} \
	DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-newsroom.example} \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

ci: ## Run what CI runs (SQLite, then PostgreSQL on 127.0.0.1:5432)
	bash .ci/run

clean: ## Remove the virtualenv, the SQLite database and collected static files
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
