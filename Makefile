# make run   — set up (venv, project, OS packages) and start the window
# make test      — the same set-up, then ruff, mypy, import contracts and every test not
#                  marked slow (the everyday run: under 8 minutes on two cores)
# make test-all  — the same, then the whole test suite, slow tests included (CI: .ci/run)
# make lock  — re-resolve pyproject.toml's dependencies into requirements.lock (deliberately)
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PIP_VERSION := 26.3
# Parallel test workers (pytest-xdist); CI and two-core machines use both cores.
JOBS ?= auto

.PHONY: run test test-all lint lock bench clean translations

# Every package comes from requirements.lock at the version recorded there, with no
# resolution at install time: what passed here is what runs there.
$(STAMP): pyproject.toml requirements.lock
	@scripts/system-deps.sh build
	@test -x $(PY) || { echo "setup: creating $(VENV)"; $(PYTHON) -m venv $(VENV); }
	@echo "setup: pip $(PIP_VERSION)"
	@$(PY) -m pip install --disable-pip-version-check --progress-bar on -q "pip==$(PIP_VERSION)"
	@echo "setup: installing the locked environment (requirements.lock, $$(grep -c '==' requirements.lock) packages)"
	$(PY) -m pip install --disable-pip-version-check --progress-bar on --no-deps -r requirements.lock
	@echo "setup: installing workstation (editable)"
	@$(PY) -m pip install --disable-pip-version-check -q --no-deps -e .
	@$(PY) -c "import importlib.util as u, sys; sys.exit(u.find_spec('cv2') is None)" \
	  || { echo "OpenCV is missing from $(VENV)" >&2; exit 1; }
	@! $(PY) -m pip show -q opencv-python 2>/dev/null \
	  || { echo "opencv-python (non-headless) is installed in $(VENV): it clashes with Qt;" \
	       "remove it with '$(PY) -m pip uninstall opencv-python'" >&2; exit 1; }
	@$(PY) -m workstation.i18n.build
	@touch $(STAMP)
	@echo "setup: done"

# Compile the message catalogues (resources/i18n/*.ts -> .qm, not committed) with
# pyside6-lrelease; `python tools/i18n_update.py` extracts new texts into the .ts first.
translations: $(STAMP)
	$(PY) -m workstation.i18n.build

run: $(STAMP)
	@scripts/system-deps.sh run
	@$(PY) -m workstation.i18n.build >/dev/null
	$(PY) main.py

lint: $(STAMP)
	$(PY) -m ruff check workstation tests bench main.py
	$(PY) -m mypy
	$(PY) -m mypy --strict --follow-imports=silent workstation/session workstation/examination workstation/types.py
	$(VENV)/bin/lint-imports

# Tests marked `slow` (a whole window audited at every size, long runs, subprocess
# round trips; tests/conftest.py says what earns the mark) run only in `make test-all`.
test test-all: $(STAMP)
	@scripts/system-deps.sh test
	$(MAKE) --no-print-directory lint
	$(PY) -m workstation.i18n.build
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n $(JOBS) $(if $(filter test,$@),-m "not slow")
	@$(if $(filter test,$@),echo "make test: the tests marked slow were left out; make test-all (CI) runs them")

# Resolve the newest versions pyproject.toml allows in a scratch environment and write
# them to requirements.lock. Review the diff, run `make test`, then commit both.
lock:
	@scripts/system-deps.sh build
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install -q "pip==$(PIP_VERSION)"
	.lock-venv/bin/python -m pip install '.[test,installer]'
	.lock-venv/bin/python -m pip install --no-deps rapidocr-onnxruntime==1.4.4
	.lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^workstation[ =@]' > requirements.lock
	rm -rf .lock-venv
	@echo "requirements.lock updated: review 'git diff requirements.lock', then make test"

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

.PHONY: installer installer-smoke
installer: $(STAMP)
	scripts/build-installer.sh $(VENV)

installer-smoke: $(STAMP)
	scripts/installer-smoke.sh $(VENV)
