# PhieuKin — every set-up step a fresh Debian 12 machine with Swift needs is behind these targets.
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
	$(SWIFT) test --skip-build --parallel

demo: deps
	$(SWIFT) build -c release --product phieukin
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
