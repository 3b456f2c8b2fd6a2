# Footnote — set-up and everyday commands. See README.md.
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the product links against, and what the tests drive the REPL with.
RUN_PACKAGES := libreadline-dev libstemmer-dev
TEST_PACKAGES := $(RUN_PACKAGES) tmux


.PHONY: run test build release deps test-deps clean bench-quality

## make run: install what is missing, build, start the REPL on corpus/
run: deps release
	./.build/release/footnote --corpus corpus

## make test: install what is missing, then the whole test suite
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

deps:
	@./scripts/install-packages $(RUN_PACKAGES)

test-deps:
	@./scripts/install-packages $(TEST_PACKAGES)

## make bench-quality: footnote eval on every collection in ../shared/data, beside the
## reference engines when ANCHORS_PYTHON names a Python with ../shared/bench/requirements.txt
ANCHORS_PYTHON ?= $(firstword $(wildcard ../shared/bench/.venv-anchors/bin/python))
bench-quality: release
	ANCHORS_PYTHON=$(ANCHORS_PYTHON) python3 Benchmarks/quality.py

clean:
	rm -rf .build
