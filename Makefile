# make run   — set up (venv, project, OS packages) and start the window
# make test  — the same set-up, then ruff, mypy and the whole test suite
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml requirements-nodeps.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	$(PY) -m pip install -q --no-deps -r requirements-nodeps.txt
	@$(PY) -c "import importlib.util as u, sys; sys.exit(u.find_spec('cv2') is None)" \
	  || { echo "OpenCV is missing from $(VENV)" >&2; exit 1; }
	@! $(PY) -m pip show -q opencv-python 2>/dev/null \
	  || { echo "opencv-python (non-headless) is installed in $(VENV): it clashes with Qt;" \
	       "remove it with '$(PY) -m pip uninstall opencv-python'" >&2; exit 1; }
	@touch $(STAMP)

run: $(STAMP)
	@scripts/system-deps.sh run
	$(PY) main.py

lint: $(STAMP)
	$(PY) -m ruff check workstation tests bench main.py
	$(PY) -m mypy

test: $(STAMP)
	@scripts/system-deps.sh test
	$(MAKE) --no-print-directory lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

.PHONY: installer installer-smoke
installer: $(STAMP)
	scripts/build-installer.sh $(VENV)

installer-smoke: $(STAMP)
	scripts/installer-smoke.sh $(VENV)
