# kg: build, test and demo targets.
#
#   make setup   create $(VENV) if missing and install the locked dependencies (hash-checked),
#                then kg itself (editable); skipped when neither requirements.lock nor
#                pyproject.toml changed since the last install (stamp file in $(VENV))
#   make test    setup, then pytest, ruff and mypy (what CI runs: .ci/run)
#   make demo    setup, ingest seeds/ into the store ($KG_STORE or the default), ask questions
#   make lock    regenerate requirements.lock with pip-compile (needs pip-tools in $(VENV))
#
# VENV can point elsewhere (VENV=/tmp/venv make test) to try a clean install.

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
LOCK := requirements.lock
STAMP := $(VENV)/.kg-setup-stamp

.PHONY: setup test demo lock

setup:
	@set -e; \
	want="$$(cat $(LOCK) pyproject.toml | sha256sum | cut -d' ' -f1)"; \
	if [ -f "$(STAMP)" ] && [ "$$(cat $(STAMP))" = "$$want" ] && [ -x "$(BIN)/kg" ]; then \
		echo "setup: $(VENV) matches $(LOCK); nothing to install"; \
		exit 0; \
	fi; \
	if [ ! -x "$(BIN)/python" ]; then \
		echo "setup: creating $(VENV) with $(PYTHON)"; \
		$(PYTHON) -m venv "$(VENV)"; \
	fi; \
	"$(BIN)/python" -m pip install --quiet --require-hashes -r $(LOCK); \
	"$(BIN)/python" -m pip install --quiet --no-deps --no-build-isolation -e .; \
	echo "$$want" > "$(STAMP)"; \
	echo "setup: $(VENV) installed from $(LOCK)"

test: setup
	"$(BIN)/pytest"
	"$(BIN)/ruff" check kg cli tests benchmarks
	"$(BIN)/mypy" kg cli

demo: setup
	"$(BIN)/kg" ingest seeds/
	"$(BIN)/kg" ask "who signed with Ruijin Hospital"
	"$(BIN)/kg" ask "who organized CIFTIS 2021"
	"$(BIN)/kg" ask "where was the International Health Industry Forum held"
	"$(BIN)/kg" ask "when did the Boao Forum for Asia third global health forum start"

# Extras stay in the lock (no --strip-extras): weasel asks for smart-open[http], and pip in
# --require-hashes mode refuses that requirement unless the lock pins it with its extra.
lock:
	"$(BIN)/pip-compile" --generate-hashes --extra dev --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o $(LOCK) pyproject.toml
