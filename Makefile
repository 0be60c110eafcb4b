# Hallway's two everyday commands, `make run` and `make test`, plus the
# pieces they are made of. Every target installs what it lacks (Debian
# packages, npm packages, tauri-driver) so a fresh machine needs only these.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
NPM ?= npm
# Debian packages for building the WebKitGTK app and driving it in tests;
# calcurse is the calendar program the exported ICS is imported into;
# fontconfig's fc-match is what the font checks compare the app's answer with;
# binutils' ar and xz-utils repack the .deb (`make package`).
APT_PACKAGES := libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev \
                webkit2gtk-driver xvfb curl calcurse python3-venv fontconfig binutils xz-utils
PYTHON ?= python3
# Where cargo builds (CARGO_TARGET_DIR when set); the interop checkers'
# Python venv and the CLI they drive live there too, never system-wide.
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
INTEROP_VENV := $(TARGET_DIR)/interop/venv
TAURI_DRIVER_VERSION := 2.0.4
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
UI_SOURCES := $(shell find ui/src ui/index.html ui/vite.config.ts ui/svelte.config.js -type f 2>/dev/null)

.PHONY: help
help:
	@echo "make run      set up what is missing, build, and start Hallway"
	@echo "make test     every check: format, clippy, Rust and UI tests, bindings, end to end"
	@echo "make interop  exported calendars read by icalendar (Python), ical.js and calcurse"
	@echo "make corpus-counts  sessions imported from the shared third-party corpus vs. independent counts"
	@echo "make bench    benchmarks (prints figures)"
	@echo "make link-order  the release app's code order, traced again (src-tauri/link-order.txt)"
	@echo "make js-heap  the page's JavaScript heap by kind, after start, on the list, in the grid"
	@echo "make fmt      format Rust code"
	@echo "make bindings regenerate ui/src/lib/bindings.ts from the Rust commands"
	@echo "make icons    regenerate icons/ from icons/source.svg"
	@echo "make dev      the app against the Vite dev server (hot reload)"

# ---------------------------------------------------------------- setup --

.PHONY: deps system-deps npm-deps tauri-driver
deps: system-deps npm-deps

system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@# A real Secret Service for the keychain end-to-end test (gnome-keyring in
	@# the e2e run's own D-Bus session), without the desktop it recommends.
	@dpkg-query -W -f='$${Status}\n' gnome-keyring 2>/dev/null | grep -q '^install ok installed' || { \
	  echo "Installing Debian packages: gnome-keyring"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends gnome-keyring; }

npm-deps: ui/node_modules/.package-lock.json tests/e2e/node_modules/.package-lock.json \
          tests/interop/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json
	$(NPM) ci --prefix ui --no-audit --no-fund
	@touch $@

tests/e2e/node_modules/.package-lock.json: tests/e2e/package.json tests/e2e/package-lock.json
	$(NPM) ci --prefix tests/e2e --no-audit --no-fund
	@touch $@

tests/interop/node_modules/.package-lock.json: tests/interop/package.json tests/interop/package-lock.json
	$(NPM) ci --prefix tests/interop --no-audit --no-fund
	@touch $@

# Python's icalendar and recurring-ical-events, pinned in
# tests/interop/requirements.txt, in a venv under the build folder.
$(INTEROP_VENV)/.installed: tests/interop/requirements.txt
	$(PYTHON) -m venv $(INTEROP_VENV)
	$(INTEROP_VENV)/bin/pip install --quiet --disable-pip-version-check -r tests/interop/requirements.txt
	@touch $@

tauri-driver:
	@command -v tauri-driver >/dev/null || $(CARGO) install tauri-driver --version $(TAURI_DRIVER_VERSION) --locked

# ------------------------------------------------------------------ build --

ui/dist/index.html: ui/node_modules/.package-lock.json $(UI_SOURCES)
	$(NPM) --prefix ui run build

.PHONY: ui build
ui: ui/dist/index.html

# The debug app and CLI; also what the end-to-end suite drives.
build: system-deps ui
	$(CARGO) build --workspace

.PHONY: run dev
run: build
	$(CARGO) run --bin hallway

dev: system-deps npm-deps
	# Arguments after `--` go to cargo: without custom-protocol the app loads the dev server.
	ui/node_modules/.bin/tauri dev -- --no-default-features

# ------------------------------------------------------------------- test --

.PHONY: test fmt fmt-check clippy rust-test ui-test bindings bindings-check e2e interop corpus-counts disk-space
test: disk-space deps tauri-driver fmt-check ui-test ui clippy rust-test interop corpus-counts e2e
	@echo "make test: every check passed"

# A build that runs out of disk fails deep in the linker ("ld terminated with
# signal 7 [Bus error]") a quarter of an hour in; say so at once instead. What
# `make test` builds from a fresh clone takes about 5.5 GB (the debug workspace
# in $(TARGET_DIR), npm packages, the interop venv); an existing build needs
# room for what changed.
NEED_GB := $(if $(wildcard $(TARGET_DIR)/debug),2,6)
disk-space:
	@have=$$(df -P -k "$(if $(wildcard $(TARGET_DIR)),$(TARGET_DIR),.)" | awk 'NR == 2 { print int($$4 / 1048576) }'); \
	if [ "$$have" -lt $(NEED_GB) ]; then \
	  echo "make test: $$have GB free where it builds ($(abspath $(TARGET_DIR))), it needs about $(NEED_GB) GB. Free some disk and run it again." >&2; \
	  exit 1; \
	fi

fmt:
	$(CARGO) fmt --all

fmt-check:
	$(CARGO) fmt --all -- --check

clippy: system-deps ui
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# Includes tests/bindings.rs, which fails when ui/src/lib/bindings.ts is stale,
# and the CalDAV client's tests, which start Radicale and Xandikos from the
# interop venv (tests/interop/requirements.txt).
rust-test: system-deps ui $(INTEROP_VENV)/.installed
	HALLWAY_DAV_PYTHON=$(abspath $(INTEROP_VENV))/bin/python $(CARGO) test --workspace

bindings-check: system-deps ui
	$(CARGO) test --test bindings

bindings: system-deps ui
	UPDATE_BINDINGS=1 $(CARGO) test --test bindings

ui-test: ui/node_modules/.package-lock.json
	$(NPM) --prefix ui run check
	$(NPM) --prefix ui test

e2e: build tauri-driver tests/e2e/node_modules/.package-lock.json $(INTEROP_VENV)/.installed
	HALLWAY_DAV_PYTHON=$(abspath $(INTEROP_VENV))/bin/python tests/e2e/run.sh

# The exported ICS read by independent software: Python icalendar, Mozilla's
# ical.js and calcurse (which imports it and stores the appointments).
interop: system-deps $(INTEROP_VENV)/.installed tests/interop/node_modules/.package-lock.json
	$(CARGO) build -p hallway-cli
	HALLWAY_CLI=$(TARGET_DIR)/debug/hallway-cli PYTHON=$(INTEROP_VENV)/bin/python tests/interop/run.sh

# Every program file of the shared third-party corpus (../shared/corpus,
# beside the clone) imported by hallway-cli, its session count compared with
# icalendar + recurring-ical-events' (ICS) or the standard library's (frab
# XML, schedule JSON, CSV); known differences and their reasons are listed
# in tests/interop/corpus_counts.py.
corpus-counts: system-deps $(INTEROP_VENV)/.installed
	$(CARGO) build -p hallway-cli
	HALLWAY_CLI=$(TARGET_DIR)/debug/hallway-cli PYTHON=$(INTEROP_VENV)/bin/python tests/interop/corpus.sh

# ------------------------------------------------------------------ other --

.PHONY: package
# The Linux .deb through the Tauri bundler (release build, LTO; about 8 min
# from cold on 2 cores). macOS: `ui/node_modules/.bin/tauri build --bundles
# dmg` on a Mac; Windows: `... --bundles msi` (or nsis) on Windows.
# The UI is built by make first: the Tauri CLI would run beforeBuildCommand
# from the first package.json it finds, which here may be tests/e2e's.
# The bundler compresses the .deb's files with gzip; they are packed again
# with xz, as Debian's own packages are (every dpkg reads it): the same files,
# modes, owners and control, a quarter smaller (issue 19: at most 6 MiB).
# The files' archive is then compressed again with xz's filter for the
# machine code (--x86, or --arm64), which dpkg-deb cannot ask for: 6 % smaller
# (docs/performance.md). dpkg reads any xz stream, filters included, and the
# last line checks the package reads back.
package: system-deps npm-deps ui
	ui/node_modules/.bin/tauri build --bundles deb --config '{"build":{"beforeBuildCommand":""}}'
	@for deb in $(TARGET_DIR)/release/bundle/deb/*.deb; do \
	  deb=$$(realpath "$$deb"); tmp=$$(mktemp -d); dpkg-deb -R "$$deb" "$$tmp/root"; \
	  dpkg-deb --root-owner-group -Zxz -z9 -b "$$tmp/root" "$$tmp/plain.deb" >/dev/null; \
	  case $$(dpkg-deb -f "$$deb" Architecture) in amd64|i386) code=--x86;; arm64) code=--arm64;; *) code=;; esac; \
	  (cd "$$tmp" && ar x plain.deb && xz -dc data.tar.xz | xz -T1 $$code --lzma2=preset=9e >data.tar.xz.new && \
	   mv data.tar.xz.new data.tar.xz && rm -f "$$deb" && ar rcD "$$deb" debian-binary control.tar.xz data.tar.xz); \
	  rm -rf "$$tmp"; dpkg-deb --contents "$$deb" >/dev/null; \
	done
	@ls -l $(TARGET_DIR)/release/bundle/deb/*.deb

.PHONY: bench icons link-order js-heap
# The release app and .deb, the release CLI; then the core figures on
# generated ASH-scale data and the app's own (start, memory, typing, sizes),
# with Python icalendar and ical.js (from the interop checks) as baselines.
bench: package tauri-driver tests/e2e/node_modules/.package-lock.json \
       $(INTEROP_VENV)/.installed tests/interop/node_modules/.package-lock.json
	@# The release CLI, and the bare Tauri window the memory is compared with.
	$(CARGO) build --release -p hallway-cli -p bare-window
	@# One table: the core figures, then the app's, in the same columns.
	@$(TARGET_DIR)/release/hallway-cli bench
	@HALLWAY_BIN=$(TARGET_DIR)/release/hallway HALLWAY_CLI=$(TARGET_DIR)/release/hallway-cli \
	  HALLWAY_BARE_BIN=$(TARGET_DIR)/release/bare-window HALLWAY_PYTHON=$(abspath $(INTEROP_VENV))/bin/python \
	  tests/e2e/bench.sh
	@# Sync against a local Radicale from the interop venv.
	@HALLWAY_CLI=$(TARGET_DIR)/release/hallway-cli HALLWAY_DAV_PYTHON=$(abspath $(INTEROP_VENV))/bin/python \
	  node tests/e2e/bench/sync.mjs

# src-tauri/link-order.txt again: the functions of a session under
# valgrind's callgrind, in the order they first ran (about 15 minutes; see
# tests/e2e/bench/link-order.sh). Valgrind is installed here only.
link-order: system-deps npm-deps tauri-driver ui
	@command -v valgrind >/dev/null || { $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq valgrind; }
	tests/e2e/bench/link-order.sh

# What the page's JavaScript holds, read through WebKit's inspector in a
# build that has one (about 8 minutes from a fresh clone, most of it the
# build; see tests/e2e/bench/js-heap.sh).
js-heap: system-deps npm-deps ui
	tests/e2e/bench/js-heap.sh

icons: ui/node_modules/.package-lock.json
	convert -background none icons/source.svg -resize 1024x1024 PNG32:/tmp/hallway-icon.png
	ui/node_modules/.bin/tauri icon /tmp/hallway-icon.png -o icons
	rm -rf icons/android icons/ios
