# The two commands at the top of README.md: `make demo` and `make test`.
# Both create the virtual environment and install what they need on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install tools browser stop clean

# Java 17+ (JDK) and Maven run the embedded Neo4j: installed from the OS packages when absent (Debian/Ubuntu, as
# root or with sudo); elsewhere the message says what to install.
tools:
	@if ! command -v java >/dev/null || ! command -v javac >/dev/null || ! command -v mvn >/dev/null; then \
	  if command -v apt-get >/dev/null; then \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -q && $$SUDO apt-get install -y -q openjdk-17-jdk-headless maven; \
	  else \
	    echo "Install Java 17+ (JDK) and Maven from your OS packages (macOS: brew install openjdk@17 maven)"; exit 1; \
	  fi; \
	fi

# Chromium runs the browser tests (tests/browser, driven by Playwright, never a downloaded browser).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if command -v apt-get >/dev/null; then \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; \
	  else \
	    echo "Install Chromium at /usr/bin/chromium from your OS packages for the browser tests"; exit 1; \
	  fi; \
	fi

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@

install: $(BIN)/.installed

demo: tools $(BIN)/.installed
	$(BIN)/hub demo

test: tools browser $(BIN)/.installed
	$(BIN)/python -m pytest

stop: $(BIN)/.installed
	$(BIN)/hub db stop

clean:
	-$(BIN)/hub db stop
	rm -rf $(VENV) .hub
