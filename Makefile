# PhieuKin — every set-up step a fresh Debian 12 machine with Swift needs is behind these targets.
SHELL := /bin/bash
SWIFT ?= swift
WORKSPACE ?= $(CURDIR)/demo-workspace
FORMAT_PATHS = Package.swift Sources Tests

.PHONY: deps build release test demo bench format lint clean

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) build --build-tests
	@# The log is kept; on failure its failing lines are repeated last, where a CI tail shows them.
	@set -o pipefail; $(SWIFT) test --skip-build --parallel 2>&1 | tee .build/test.log || { \
	  echo "== failing tests (full log: .build/test.log) =="; grep -E '✘|error:' .build/test.log | head -40; exit 1; }

demo: deps
	$(SWIFT) build -c release --product phieukin
	$(SWIFT) build -c release --product phieukin-bench
	@scripts/demo "$(WORKSPACE)" "$$($(SWIFT) build -c release --show-bin-path)/phieukin"

bench:
	@scripts/install-deps --bench
	$(SWIFT) build -c release
	"$$($(SWIFT) build -c release --show-bin-path)/phieukin-bench" all

format:
	swift-format format --in-place --recursive --parallel $(FORMAT_PATHS)

lint:
	swift-format lint --strict --recursive --parallel $(FORMAT_PATHS)

clean:
	rm -rf .build "$(WORKSPACE)"
