# Footnote — set-up and everyday commands. See README.md.
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the product links against, and what the tests drive the REPL with.
RUN_PACKAGES := libreadline-dev libstemmer-dev
TEST_PACKAGES := $(RUN_PACKAGES) tmux


.PHONY: run test build release deps test-deps clean

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

clean:
	rm -rf .build
