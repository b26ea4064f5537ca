# The two commands at the top of README.md: `make demo` and `make test`.
# Both create the virtual environment and install what they need on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install stop clean

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@

install: $(BIN)/.installed

demo: $(BIN)/.installed
	$(BIN)/hub demo

test: $(BIN)/.installed
	$(BIN)/python -m pytest

stop: $(BIN)/.installed
	$(BIN)/hub db stop

clean:
	-$(BIN)/hub db stop
	rm -rf $(VENV) .hub
