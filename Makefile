# Footnote — set-up and everyday commands. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
# swift build and swift test always write into a pipe: on a terminal SwiftPM adds
# -color-diagnostics to every compile, and a build whose flags changed is a full
# rebuild (swiftlang/swift-package-manager#8253). Piped, `make run` from a
# terminal reuses what `make test` or a piped `make run` built, and the other way round.
# WARNINGS=error (CI) fails a build that printed a compiler warning for this
# project's own code; scripts/swift-build does both.
SWIFT ?= swift
SWIFT_BUILD = SWIFT=$(SWIFT) ./scripts/swift-build
# Debian packages the product links against, and what the tests drive the REPL with.
RUN_PACKAGES := libreadline-dev libstemmer-dev libzstd-dev libarchive-dev libxml2-dev libpoppler-glib-dev wamerican
# Debian documentation the real-document question sets run over (Tests/Fixtures/realdocs).
DOC_PACKAGES := sqlite3-doc postgresql-doc-15 git-doc python3.11-doc
# man-db renders the man page in the tests and after `make install`.
TEST_PACKAGES := $(RUN_PACKAGES) tmux time man-db $(DOC_PACKAGES)


.PHONY: run test golden-index format lint build release deps test-deps clean bench-quality bench install uninstall fuzz test-asan test-tsan man

PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1

## make run: install what is missing, build, start the REPL on corpus/
run: deps release
	./.build/release/footnote --corpus corpus

## make test: install what is missing, then the whole test suite, then `make install` into a
## temporary prefix, checked to run without the Swift toolchain (scripts/test-install).
## The tests run against the release configuration built for them (FOOTNOTE_TEST_BUILD in
## Package.swift) in .build/test, and the install check links that same build. `swift test`
## alone still runs them against a debug build, 8× slower.
TEST_BUILD := .build/test
TEST_ENV := FOOTNOTE_TEST_BUILD=1
# The tests' temporary folders live in memory (/dev/shm) when there is one: on this
# machine's disk, creating and removing the hundred thousand files of a hostile-corpus
# test alone took over a minute.
TEST_TMPDIR := $(shell [ -d /dev/shm ] && [ -w /dev/shm ] && echo /dev/shm || echo "$${TMPDIR:-/tmp}")
test: test-deps
	$(TEST_ENV) $(SWIFT_BUILD) build -c release --build-tests --build-path $(TEST_BUILD)
	$(TEST_ENV) TMPDIR=$(TEST_TMPDIR) $(SWIFT) test -c release --skip-build --build-path $(TEST_BUILD) 2>&1 | cat
	$(TEST_ENV) INSTALL_BUILD=$(TEST_BUILD) ./scripts/test-install

## make golden-index: after IndexFile.formatVersion was bumped, write that version's golden index
## file and its answers into Tests/Fixtures/index-formats (only when missing; commit them). The
## tests then check that this build writes exactly that file (IndexFormatGoldenTests).
golden-index: test-deps
	$(TEST_ENV) $(SWIFT_BUILD) build -c release --build-tests --build-path $(TEST_BUILD)
	$(TEST_ENV) FOOTNOTE_RECORD_GOLDEN=1 $(SWIFT) test -c release --skip-build --build-path $(TEST_BUILD) \
		--filter IndexFormatGoldenTests 2>&1 | cat
	@ls Tests/Fixtures/index-formats

## make format: swift-format (the toolchain's) rewrites the Swift sources by .swift-format;
## make lint: checks them, failing on any difference (CI runs it before the tests)
FORMATTED := Sources Tests Benchmarks/Tune Fuzz Package.swift
format:
	$(SWIFT) format format --in-place --recursive $(FORMATTED)

lint:
	$(SWIFT) format lint --strict --recursive $(FORMATTED)

## make install [PREFIX=/usr/local]: footnote with the Swift runtime linked in (it runs on a machine
## without a Swift toolchain; readline, libstemmer and zstd stay shared), and its bash, zsh and fish
## completions and man page (`man footnote`). make uninstall [PREFIX=...] removes them.
# The build folder `make install` uses: its own, so that `make run`'s is left as it is
# (make test passes its own, whose modules the static link reuses).
INSTALL_BUILD ?= .build/static
install: deps
	FOOTNOTE_STATIC_STDLIB=1 $(SWIFT_BUILD) build -c release --product footnote-static --build-path $(INSTALL_BUILD)
	install -d $(BINDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR) $(MANDIR)
	install -m 755 -s $(INSTALL_BUILD)/release/footnote-static $(BINDIR)/footnote
	install -m 644 Documentation/footnote.1 $(MANDIR)/footnote.1
	$(INSTALL_BUILD)/release/footnote-static --generate-completion-script bash > $(BASHDIR)/footnote
	$(INSTALL_BUILD)/release/footnote-static --generate-completion-script zsh > $(ZSHDIR)/_footnote
	$(INSTALL_BUILD)/release/footnote-static --generate-completion-script fish > $(FISHDIR)/footnote.fish

uninstall:
	rm -f $(BINDIR)/footnote $(BASHDIR)/footnote $(ZSHDIR)/_footnote $(FISHDIR)/footnote.fish $(MANDIR)/footnote.1

## make man: regenerate Documentation/footnote.1 from the argument parser (its generate-manual
## plugin) and Documentation/manual-sections.mdoc; commit the result (scripts/make-manual)
man: deps
	./scripts/make-manual

## make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="analyzer passages html jsonl query index man decode pdf pdflayout"]: each libFuzzer
## target for FUZZ_SECONDS (or FUZZ_RUNS executions) under AddressSanitizer; crashers land in
## Fuzz/crashers/, which the test suite replays (scripts/fuzz, RELIABILITY.md)
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz: deps
	./scripts/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

## make test-asan / make test-tsan: the whole test suite under AddressSanitizer / ThreadSanitizer
## (own build folders, so the normal build is kept). Leak reports are off: what a command-line
## process still holds at exit (the runtime's, XCTest's) is not a leak. FOOTNOTE_SANITIZER tells
## the tests to skip their peak-memory bounds, which a sanitizer's shadow memory breaks.
test-asan: test-deps
	$(SWIFT) build --build-tests --sanitize=address --build-path .build/asan
	FOOTNOTE_SANITIZER=address ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --sanitize=address --build-path .build/asan

test-tsan: test-deps
	$(SWIFT) build --build-tests --sanitize=thread --build-path .build/tsan
	FOOTNOTE_SANITIZER=thread TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --skip-build --sanitize=thread --build-path .build/tsan

build: deps
	$(SWIFT_BUILD) build

release: deps
	$(SWIFT_BUILD) build -c release

deps:
	@./scripts/install-packages $(RUN_PACKAGES)

test-deps:
	@./scripts/install-packages $(TEST_PACKAGES)

## make bench-quality: footnote eval on every collection in ../shared/data, beside the
## reference engines when ANCHORS_PYTHON names a Python with ../shared/bench/requirements.txt
ANCHORS_PYTHON ?= $(firstword $(wildcard ../shared/bench/.venv-anchors/bin/python))
bench-quality: release
	ANCHORS_PYTHON=$(ANCHORS_PYTHON) python3 Benchmarks/quality.py

## make bench: speed, index size and peak RSS on SQuAD-dev, the 80 MB kernel corpus and the kernel's
## Documentation/ folder (both generated once into $BENCH_DATA, default /var/tmp/footnote-bench), beside
## tantivy and SQLite FTS5 when ANCHORS_PYTHON is set; BENCH_ARGS passes options (--quick, --only kernel, ...);
## then reading PDFs (beside pdftotext) and /usr/share/doc (Benchmarks/formats.py; FORMATS_BENCH_ARGS)
# What the formats benchmark sets its PDFs with (groff) and measures them against (pdftotext).
BENCH_PACKAGES := groff poppler-utils
bench: release
	@./scripts/install-packages $(BENCH_PACKAGES)
	ANCHORS_PYTHON=$(ANCHORS_PYTHON) python3 Benchmarks/speed.py $(BENCH_ARGS)
	python3 Benchmarks/formats.py $(FORMATS_BENCH_ARGS)

clean:
	rm -rf .build
