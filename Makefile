# Praxis Hub: `make up` starts the demo workspace, `make test` runs every test.
# Both set up everything they need on a fresh Debian machine with Python 3.11.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Servers run as other Unix users, so the environment must be readable by them:
# prefer Debian's Python over one under /root (pyenv), which others cannot reach.
PYTHON ?= $(firstword $(wildcard /usr/bin/python3.11 /usr/bin/python3) python3)

# If other users cannot read this checkout (e.g. it lives under /root), install
# Praxis Hub into a venv they can read instead of linking to the checkout.
ifeq ($(shell id -u),0)
ifneq ($(shell runuser -u nobody -- test -r $(CURDIR)/pyproject.toml 2>/dev/null && echo yes),yes)
VENV ?= /opt/praxishub/venv-$(shell echo $(CURDIR) | md5sum | cut -c1-8)
EDITABLE :=
endif
endif
VENV ?= .venv
EDITABLE ?= -e
BIN := $(VENV)/bin
STAMP := $(VENV)/.praxishub-installed
SOURCES := $(shell find src -type f -not -path '*/__pycache__/*' -not -name '*.crfsuite' 2>/dev/null)

.PHONY: help up test lint format bench install models chromium fonts postgres

help:
	@echo "make up     start the demo workspace at http://127.0.0.1:8000"
	@echo "make test   run the whole test suite (unit, integration, browser)"
	@echo "make bench  run the benchmarks (results in bench/results/)"

$(STAMP): pyproject.toml $(if $(EDITABLE),,$(SOURCES))
	@if ! $(PYTHON) -c 'import venv, ensurepip' 2>/dev/null; then \
	  echo "Installing Debian's python3-venv"; \
	  apt-get update -qq && apt-get install -y -qq python3-venv; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q $(EDITABLE) ".[test]"
	@touch $@

install: $(STAMP) models

# The learned de-identification layer's three CRF models are built here, not kept in git: each
# is trained deterministically (about six minutes; the three side by side) from the labelled
# sets it learns from and the word lists its features read (not terms_more.txt or
# surnames_zh_more.txt, which only the rules read). A venv that holds a copy of the package (not a link to src/) gets the models
# by a reinstall once they are built.
MODEL_DIR := src/praxishub/cases/data
MODELS := $(MODEL_DIR)/deid_crf.crfsuite $(MODEL_DIR)/deid_crf_earlier.crfsuite $(MODEL_DIR)/deid_crf_newest.crfsuite
TRAIN_SETS := labelled tuning $(addprefix tuning,2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34)
MODEL_INPUTS := $(foreach s,$(TRAIN_SETS),$(wildcard tests/fixtures/deid/$(s)/*.txt)) \
  $(filter-out $(MODEL_DIR)/terms_more.txt $(MODEL_DIR)/surnames_zh_more.txt,$(wildcard src/praxishub/cases/learned*.py $(MODEL_DIR)/*.txt)) \
  src/praxishub/cases/evaluate.py src/praxishub/cases/precision.py src/praxishub/cases/wordlists.py
MODELS_STAMP := $(VENV)/.praxishub-models

models: $(MODELS_STAMP)

$(MODELS_STAMP): $(MODELS) | $(STAMP)
	$(if $(EDITABLE),,$(BIN)/python -m pip install -q --no-deps --force-reinstall .)
	@touch $@

# Training is deterministic, so models trained once are kept in a cache keyed by a hash of every
# input (and pyproject.toml, which pins the trainer): another checkout of the same inputs (a
# fresh clone that `make up` is tested from) copies it instead of training again. A cache that
# cannot be written only costs the next checkout its copy, never this build.
MODEL_CACHE ?= $(HOME)/.cache/praxishub/models
$(MODELS) &: $(MODEL_INPUTS) pyproject.toml | $(STAMP)
	@key=$$(sha256sum $(sort $(MODEL_INPUTS)) pyproject.toml | sha256sum | cut -c1-24); \
	cache="$(MODEL_CACHE)/$$key"; \
	if [ -s "$$cache/deid_crf.crfsuite" ] && [ -s "$$cache/deid_crf_earlier.crfsuite" ] \
	    && [ -s "$$cache/deid_crf_newest.crfsuite" ]; then \
	  echo "De-identification models for these inputs found in $$cache"; \
	  for m in deid_crf deid_crf_earlier deid_crf_newest; do \
	    cp "$$cache/$$m.crfsuite" "$(MODEL_DIR)/.$$m.crfsuite.tmp" && \
	    mv "$(MODEL_DIR)/.$$m.crfsuite.tmp" "$(MODEL_DIR)/$$m.crfsuite" || exit 1; \
	  done; \
	else \
	  echo "Training the de-identification models (about six minutes)"; \
	  PYTHONPATH=src $(BIN)/python -m praxishub.cases.learned_train --both || exit 1; \
	  { mkdir -p "$$cache.tmp$$$$" && cp $(MODELS) "$$cache.tmp$$$$/" && \
	    mv -T "$$cache.tmp$$$$" "$$cache"; } 2>/dev/null || { rm -rf "$$cache.tmp$$$$"; \
	    echo "(models not cached: $(MODEL_CACHE) is not writable or already holds them)"; }; \
	fi
	@touch $(MODELS)

up: $(STAMP) models fonts
	$(BIN)/praxishub up --demo var --hub-config hub_config/jupyterhub_config.py

# PDF certificates and reports draw names in Cyrillic (Kazakh letters too), Czech and
# Chinese: DejaVu Sans and WenQuanYi Zen Hei (TrueType, which ReportLab can embed).
fonts:
	@test -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf -a -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc || { \
	  echo "Installing Debian's fonts-dejavu-core and fonts-wqy-zenhei for PDFs"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core fonts-wqy-zenhei; }

chromium:
	@command -v chromium >/dev/null || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# The storage tests run on SQLite and on a real PostgreSQL server, which the tests start
# themselves from Debian's package (no cluster of the machine's is used).
postgres:
	@ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || { \
	  echo "Installing Debian's postgresql for the storage tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Unit and content tests on both cores; then the tests that start hubs, one at a time
# (they share ports, Unix users and the machine's two cores). Exit code 5 is "no test
# selected", e.g. PYTEST_ARGS naming a file of the other kind. (Running the two side by
# side was tried on 2026-12-02: no faster, as the hub tests use the cores too, and
# browser steps got slower.)
TEST_ENV := PRAXISHUB_HUB_CONFIG=$(CURDIR)/hub_config/jupyterhub_config.py
test: $(STAMP) models chromium fonts postgres lint
	$(TEST_ENV) $(BIN)/pytest -m "not integration" -n 2 $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(TEST_ENV) $(BIN)/pytest -m integration $(PYTEST_ARGS) || [ $$? -eq 5 ]

bench: $(STAMP) models
	$(BIN)/python bench/login_storm.py
	$(BIN)/python bench/autograde.py
	$(BIN)/python bench/deidentify.py
	$(BIN)/python bench/gradebook.py
	$(BIN)/python bench/dashboard.py
	$(BIN)/python bench/reliability.py
