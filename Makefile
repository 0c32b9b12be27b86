# Seller Assistant — build, run and test. `make run` and `make test` are the
# two commands of the README; both install what is missing first.

SHELL    := bash
BIN      := bin/seller-assistant
GO       ?= go
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages: the GLFW driver's C headers, Xvfb, imagemagick and xdotool for the
# smoke test and screenshots, the CJK font the binary bundles, npm for echarts.
APT_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev libxkbcommon-dev \
            xvfb imagemagick xdotool fonts-droid-fallback npm sqlite3
FONT_SRC := /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
FONT_DST := assets/fonts/DroidSansFallbackFull.ttf

# make dist: the Windows cross build (mingw-w64), the installer (nsis), the
# Debian package tools; make dist-test adds wine, Xvfb, xdotool, lintian.
DIST_PKGS      := gcc-mingw-w64-x86-64 nsis imagemagick dpkg-dev xz-utils zip
DISTTEST_PKGS  := $(DIST_PKGS) wine64 xvfb xdotool lintian unzip locales python3

.PHONY: run test build deps assets tools vet unit race smoke screenshot bench-startup bench-tiers bench-clv bench-ads bench-replenish bench-reads bench clean dist dist-deps dist-test

run: build
	./$(BIN) $(ARGS)

test: deps assets vet unit race smoke

build: deps assets
	$(GO) build -o $(BIN) .

# Installs only the packages that are missing, so a second run asks nothing.
deps:
	@missing=$$(for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if command -v npm >/dev/null 2>&1; then missing=$$(echo $$missing | tr ' ' '\n' | grep -vx npm); fi; \
	if [ -n "$$(echo $$missing)" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	$(GO) mod download

# echarts (pinned in assets/echarts/VERSION) from the npm registry and the
# CJK font from the Debian package, both embedded, neither committed.
assets: $(FONT_DST)
	bash assets/echarts/fetch.sh

$(FONT_DST): $(FONT_SRC)
	cp $< $@

# The gates good Go projects run, at pinned versions, installed into bin/tools
# from the Go module proxy: modules tidy, staticcheck clean, no dead code
# (functions only tests reach count as alive), and no function outside tests
# over a cyclomatic complexity of $(CYCLO_MAX) (rymdport's CI runs gocyclo too; 30
# leaves a table-driven parser room and catches a 60-branch function).
TOOLS        := $(CURDIR)/bin/tools
STATICCHECK  := honnef.co/go/tools/cmd/staticcheck@v0.8.2
DEADCODE     := golang.org/x/tools/cmd/deadcode@v0.52.0
GOCYCLO      := github.com/fzipp/gocyclo/cmd/gocyclo@v0.6.0
CYCLO_MAX    := 30

tools:
	@for t in $(STATICCHECK) $(DEADCODE) $(GOCYCLO); do \
		n=$${t%@*}; n=$${n##*/}; \
		test -x $(TOOLS)/$$n || { echo "installing $$t"; GOBIN=$(TOOLS) GOFLAGS= $(GO) install $$t; } || exit 1; \
	done

vet: tools
	$(GO) vet ./...
	CGO_ENABLED=0 GOOS=windows $(GO) vet -tags ci .   # the Windows build: no Linux-only calls outside build tags
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { gofmt -l .; echo "gofmt needed"; exit 1; }
	$(GO) mod tidy -diff
	$(TOOLS)/staticcheck ./...
	@out=$$($(TOOLS)/deadcode -test ./...); test -z "$$out" || { echo "$$out"; echo "dead code: remove it or use it"; exit 1; }
	@out=$$($(TOOLS)/gocyclo -over $(CYCLO_MAX) -ignore '_test\.go$$' .); test -z "$$out" || { echo "$$out"; echo "split these functions (cyclomatic complexity over $(CYCLO_MAX))"; exit 1; }

# app, data and screens test headless and without cgo (fyne.io/fyne/v2/test).
unit:
	CGO_ENABLED=0 $(GO) test ./app/... ./data/... ./screens/... ./assets/...

# The same packages under the race detector (needs cgo, not the GLFW driver).
# The SQLite engine is Go and instrumented too (15–20× slower): the data
# package once ran past go test's 10-minute default on a slow CI machine,
# and took 788 s here on 2026-12-03 (migration-progress and currency tests
# added): the timeout leaves a slower machine room.
race:
	$(GO) test -race -count=1 -timeout 45m ./app/... ./data/... ./screens/...

# The main package: the real binary (cgo, GLFW) run under Xvfb, and every
# CLI subcommand in-process and as a process.
smoke:
	$(GO) test -count=1 -v . 2>&1 | grep -E '^(=== RUN|--- |PASS|FAIL|ok|panic)|_test.go' ; exit $${PIPESTATUS[0]}

# The README's screenshots: the real window under Xvfb, English and Chinese.
screenshot: build
	bash scripts/screenshot.sh

# Cold start to first frame with the demo workspace, over 10 runs.
bench-startup: build
	bash scripts/bench-startup.sh

# Import + tiers of N generated order lines, dates shuffled and then in order,
# against the sqlite3 shell's .import + GROUP BY on the same file
# (ARGS="--lines 200000 --runs 5").
bench-tiers: build
	./$(BIN) bench tiers --dates shuffled $(ARGS)
	./$(BIN) bench tiers --dates ordered $(ARGS)

# ads import + ads terms of a generated 100,000-row search term report
# (ARGS="--rows 200000 --runs 5"); the target is under 3 s.
bench-ads: build
	./$(BIN) bench ads $(ARGS)

# BG/NBD + Gamma-Gamma fit on 100,000 simulated customers.
bench-clv:
	CGO_ENABLED=0 $(GO) test ./app/ -run '^$$' -bench FitBGNBD100k -benchtime 3x

bench:
	CGO_ENABLED=0 $(GO) test -run XXX -bench . -benchmem ./app/... ./data/... ./screens/...

# Every release artifact into dist/ (scripts/dist.sh; version from FyneApp.toml).
dist: deps assets dist-deps
	bash scripts/dist.sh

dist-deps:
	@$(MAKE) --no-print-directory deps APT_PKGS="$(DIST_PKGS)"

# Builds dist/ and checks every artifact: the .exe and installer under wine on
# Xvfb, the .deb with dpkg-deb and lintian, the tarball (scripts/test-dist.sh).
# It installs its packages one by one, so one that cannot be installed skips
# only the checks that need it.
dist-test: deps assets
	DISTTEST_PKGS="$(DISTTEST_PKGS)" bash scripts/test-dist.sh

clean:
	rm -rf bin dist

# replenish over 5,000 SKUs and 1,000,000 generated order lines (random date
# order); the import is set-up, each timed run is the command start to exit.
bench-replenish: build
	./$(BIN) bench replenish $(ARGS)

# The read side at 1,000,000 order lines (issue 20): report, clv against the
# sqlite3 shell's GROUP BY customer, the Prediction tab's first result. Makes
# the workspace first (~15 s, not timed) unless ARGS="--workspace W"; with
# ARGS="--dir D" the workspace is kept in D for the next run.
bench-reads: build
	./$(BIN) bench reads $(ARGS)
