# trainbook: `make run` starts the prompt, `make test` runs every test, `make bench` measures.
# Each target first installs the Debian packages the build needs (as root), or says how to.

SWIFT ?= swift
DEBIAN_PACKAGES := libedit-dev libzmq3-dev pkg-config tmux
RELEASE := $(SWIFT) build -c release

.PHONY: deps build run test interop lint format bench docs clean

deps:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "ok installed" \
	    || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "trainbook needs these Debian packages:$$missing"; \
	    echo "install them with:  sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(RELEASE) --product trainbook

run: build
	@.build/release/trainbook

test: deps lint
	$(RELEASE)
	TRAINBOOK_THREADS=1 .build/release/trainbook replay --check notebooks/*.md
	TRAINBOOK_THREADS=2 .build/release/trainbook replay --check notebooks/*.md
	.build/release/trainbook lesson verify
	scripts/check-saved-session.sh
	scripts/check-terminal.sh
	$(SWIFT) test -c release --disable-xctest
	scripts/kill-trials.sh
	$(MAKE) interop

# Where scripts and replays keep their runs, and the runs and their TensorBoard export read by
# TensorBoard itself; runs exported with export_pytorch trained by PyTorch (also under torchrun)
# and compared with trainbook's; the Jupyter kernel under Jupyter's own clients. Each check's
# Python packages live in a virtual environment cached in ~/.cache. The build and the unit tests
# above need no Python.
interop:
	@python3 -c "import venv, ensurepip" 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv; \
	  else \
	    echo "the interoperability checks need Python 3 with venv:"; \
	    echo "  sudo apt-get install -y python3 python3-venv"; \
	    exit 1; \
	  fi; \
	}
	scripts/check-runs.sh
	scripts/check-pytorch.sh
	scripts/check-jupyter.sh

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

bench: build
	.build/release/trainbook bench

docs: build
	.build/release/trainbook reference > docs/reference.md

clean:
	rm -rf .build
