# trainbook: `make run` starts the prompt, `make test` runs every test, `make bench` measures.
# Each target first installs the Debian packages the build needs (as root), or says how to.

SWIFT ?= swift
DEBIAN_PACKAGES := libedit-dev libopenblas-dev pkg-config tmux
RELEASE := $(SWIFT) build -c release

.PHONY: deps build run test lint format bench docs clean

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
	.build/release/trainbook replay --check notebooks/*.md
	.build/release/trainbook lesson verify
	scripts/check-saved-session.sh
	$(SWIFT) test -c release --disable-xctest

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
