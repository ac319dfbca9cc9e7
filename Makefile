# PhieuKin — every set-up step a fresh Debian 12 machine with Swift needs is behind these targets.
SHELL := /bin/bash
SWIFT ?= swift
WORKSPACE ?= $(CURDIR)/demo-workspace
FORMAT_PATHS = Package.swift Sources Tests

.PHONY: deps build release test browser-test demo bench format lint clean

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
	@$(BROWSER_TEST)

# The booth and the kiosk in a real headless Chromium (Tests/browser/e2e.py): Debian's selenium is
# for /usr/bin/python3. Exit 77 means chromium or chromedriver is missing: skipped, said loudly.
BROWSER_TEST = /usr/bin/python3 Tests/browser/e2e.py --bin "$$($(SWIFT) build --show-bin-path)/phieukin" || { \
	  status=$$?; if [[ $$status -eq 77 ]]; then echo "== browser tests SKIPPED: no chromium/chromedriver (scripts/install-deps) =="; \
	  else exit $$status; fi; }

browser-test: deps
	$(SWIFT) build --product phieukin
	@$(BROWSER_TEST)

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
