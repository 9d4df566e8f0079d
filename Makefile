# Two commands a researcher needs: `make report` and `make test`.
# Both create .venv with the project installed (editable, with the dev extra) on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

# The joined-word repair's decision is C (libyakit/_segcore.c, built on install): without a C
# compiler, say so in one line and stop before pip does.
define CC_CHECK
import os, shlex, shutil, sys, sysconfig
cc = shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")[0]
sys.exit(None if shutil.which(cc) else f"libyakit: no C compiler ({cc}) found: the joined-word repair is compiled C (libyakit/_segcore.c); install one (e.g. apt-get install gcc) and run make install again")
endef
export CC_CHECK

.PHONY: install test unit report lab bench clean

install: $(STAMP)

$(STAMP): pyproject.toml hatch_build.py libyakit/_segcore.c
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "libyakit needs Python >= 3.11, found " + sys.version' 
	@$(PYTHON) -c "$$CC_CHECK"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --progress-bar off --upgrade pip > $(VENV)/pip.log 2>&1 || { cat $(VENV)/pip.log; exit 1; }
	$(BIN)/python -m pip install --quiet --progress-bar off -e ".[dev,dask]" > $(VENV)/pip.log 2>&1 || { cat $(VENV)/pip.log; exit 1; }
	$(BIN)/python -m pip check
	# warm matplotlib's font cache so "building the font cache" never lands in a notebook
	$(BIN)/python -c "import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot"
	# build the joined-word repair's character model once (~10 s; cached in ~/.cache/libyakit)
	$(BIN)/python -c "from libyakit.charlm import char_model; char_model()"
	@$(BIN)/python -c "from libyakit.segment import core_status; print('libyakit: joined-word decisions by the', core_status())"
	touch $@

test: $(STAMP)
	$(BIN)/python -m pytest $(NBVAL) tests notebooks

unit: $(STAMP)
	$(BIN)/python -m pytest tests

# make report CORPUS=path/to/folder-or-file [DATE_FROM=YYYY-MM-DD] [DATE_TO=YYYY-MM-DD] [LANGUAGE=ar|en]
report: $(STAMP)
	$(BIN)/python scripts/build_report.py $(if $(CORPUS),--corpus "$(CORPUS)") \
		$(if $(DATE_FROM),--date-from $(DATE_FROM)) $(if $(DATE_TO),--date-to $(DATE_TO)) \
		$(if $(LANGUAGE),--language $(LANGUAGE))

# JupyterLab refuses to run as root without --allow-root (containers, CI machines)
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)
lab: $(STAMP)
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --progress-bar off -e ".[bench]"
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/joined_words.py
	$(BIN)/python benchmarks/valid_words.py
	$(BIN)/python benchmarks/exports.py
	$(BIN)/python benchmarks/duplicates.py
	$(BIN)/python benchmarks/kwic.py

clean:
	rm -rf build .pytest_cache
