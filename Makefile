# `make run`: set up .venv when missing, install, extract corpus/ into outputs/.
# `make test`: the same set-up, then the test suite.
# `make view`: `make run`, then an HTML report of outputs/ in outputs/report/.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
# Re-install when the project's metadata changes.
STAMP := $(VENV)/.installed

.PHONY: run test view install clean

run: $(STAMP)
	$(BIN)/extractor run corpus -o outputs

view: run
	$(BIN)/extractor view outputs -o outputs/report

test: $(STAMP)
	$(BIN)/python -m pytest -q

install: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dask,serve]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info
	find outputs -mindepth 1 ! -name README.md -exec rm -rf {} +
