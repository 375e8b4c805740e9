# Two commands do all set-up on a fresh machine with Python 3.11+ and make:
#   make run   - virtualenv, dependencies, database, demo content, server on 127.0.0.1:8000
#   make test  - virtualenv, dependencies, the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000

AXE := tests/browser/node_modules/axe-core/axe.min.js

.PHONY: run test check install lock messages browser-tools bench clean

# Dependencies come from the hashed lock (every package, every version, every file's hash),
# then the portal itself, editable and without resolving anything again. uv installs them
# (its own pin and hashes: requirements-uv.txt), downloading and compiling to bytecode in
# parallel: 15 s on a clean machine where pip took 54. The bytecode is compiled at install,
# as pip does, because a machine may set PYTHONDONTWRITEBYTECODE: then every process would
# compile every library module it imports, each time. Where uv cannot reach the index (pip may
# be set up for a proxy or a mirror that uv does not read), pip installs the same lock.
UV_INSTALL = $(BIN)/uv pip install --quiet --native-tls --compile-bytecode --python $(BIN)/python
$(STAMP): pyproject.toml requirements-dev.txt requirements-uv.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-uv.txt
	$(UV_INSTALL) --require-hashes -r requirements-dev.txt \
		|| $(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	$(UV_INSTALL) --no-deps -e . || $(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP) messages browser-tools

# axe-core for the accessibility tests in tests/browser, from the npm lock file. Without npm
# the browser tests skip with the reason (and fail under CI=true).
browser-tools: $(AXE)
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null; then \
		cd tests/browser && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/axe-core/axe.min.js; \
	else echo "npm not found: the browser tests will be skipped"; fi

# ---- Lock files --------------------------------------------------------------------------
# requirements.txt (production) and requirements-dev.txt (with the demo and test extras) pin
# every package with its hashes, for Python 3.11.5+ on any platform. `make lock` brings them in
# line with pyproject.toml, keeping every pin it can; `make lock UPGRADE=1` moves every package
# to the newest release that pyproject.toml's ranges allow. Only PyPI is asked. The runtime
# lock is resolved within the dev lock, so production runs the versions the tests ran.
LOCK_FLAGS = --generate-hashes --universal --python-version 3.11.5 --quiet \
	--custom-compile-command "make lock" $(if $(UPGRADE),--upgrade)
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra demo --extra test $(LOCK_FLAGS) -o requirements-dev.txt
	$(BIN)/uv pip compile pyproject.toml -c requirements-dev.txt $(LOCK_FLAGS) -o requirements.txt
	echo uv | $(BIN)/uv pip compile - -c requirements-dev.txt $(LOCK_FLAGS) -o requirements-uv.txt
# ---- end of lock files -------------------------------------------------------------------

# Interface translations are compiled with polib (already a dependency), so a machine
# without GNU gettext can build them.
messages: $(STAMP)
	$(BIN)/python manage.py compile_translations

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_editorial
	$(BIN)/python manage.py setup_partners
	$(BIN)/python manage.py setup_learning
	$(BIN)/python manage.py setup_programmes
	$(BIN)/python manage.py setup_communities
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py search_starter_synonyms
	$(BIN)/python manage.py search_spelling
	PORTAL_BASE_URL=http://$(HOST) $(BIN)/python manage.py setup_site
	PORTAL_BASE_URL=http://$(HOST) $(BIN)/python manage.py runserver $(HOST)

# The suite runs on TEST_WORKERS processes (pytest-xdist; 0 runs it in this one), each test
# module on one of them, so a module's live server and browser are started once. Three on two
# cores: a worker waiting for the browser, a subprocess or PostgreSQL leaves a core idle, and
# the third fills it (242 s against 269 s with two, one after the other on a quiet machine).
# Outside CI the test database is kept between runs (--reuse-db); CI builds it afresh.
# The suite writes bytecode (git-ignored __pycache__ folders) even where PYTHONDONTWRITEBYTECODE
# is set, pytest's rewritten test modules included: without them each worker, and each
# subprocess a test starts, compiled every module again on every run (collecting the suite
# took 8.5 s of a core per worker, 4.8 s with them).
TEST_WORKERS ?= 3
test: install
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadscope $(if $(filter true,$(CI)),,--reuse-db) $(PYTEST_ARGS)

# What CI checks before the tests (and .pre-commit-config.yaml before a commit): lint, format,
# migrations that were not written, and the import layers of pyproject.toml.
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/lint-imports

# Page weight and Lighthouse on the demo portal served as in production (bench/lighthouse/run.py).
bench: install
	$(BIN)/python bench/lighthouse/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache tests/browser/node_modules bench/lighthouse/node_modules
