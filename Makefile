# Steadfast's build. `make demo` runs it with synthetic data; `make test` runs every test.

GO       ?= go
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT   ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
LDFLAGS  := -X github.com/steadfast-care/steadfast/internal/version.version=$(VERSION) \
            -X github.com/steadfast-care/steadfast/internal/version.commit=$(COMMIT)
DIST     := internal/web/static/dist
DEMO_ARGS ?=

# A step that fails leaves no half-made file behind to look up to date.
.DELETE_ON_ERROR:

.PHONY: all build demo test test-go test-browser vet assets clean loadtest loadtest-county fuzz-language

all: build

# npm ci runs only when package-lock.json is newer than the last install.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The stylesheet and the design system's script and icons, embedded into the binary.
assets: $(DIST)/app.css

$(DIST)/app.css: node_modules/.installed $(wildcard internal/web/assets/scss/*.scss)
	@mkdir -p $(DIST)/assets/images
	npm run --silent build:css
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(DIST)/
	cp node_modules/@ministryofjustice/frontend/moj/assets/images/icon-*.svg $(DIST)/assets/images/

build: assets
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o bin/steadfast ./cmd/steadfast

demo: build
	./bin/steadfast demo $(DEMO_ARGS)

vet: assets
	$(GO) vet ./...
	$(GO) vet -tags browser ./test/browser/

test-go: assets
	$(GO) test -count=1 -timeout 20m ./...

test-browser: assets node_modules/.installed
	$(GO) test -count=1 -tags browser -timeout 15m ./test/browser/

# vet, then the Go tests (store suite on every engine available), then Chromium.
test: vet test-go test-browser

clean:
	rm -rf bin $(DIST)

# Explores the respectful-language checker with random text for 30 seconds.
# Not part of `make test`, which runs the seed corpus in
# internal/language/testdata/fuzz/FuzzCheck with the other tests.
fuzz-language:
	$(GO) test -run '^$$' -fuzz FuzzCheck -fuzztime 30s ./internal/language/

# Requests per second and latency on loopback with wrk; see docs/performance.md.
loadtest: build
	./scripts/loadtest.sh

# Builds the 10,000-family county demo (minutes) and measures the caseload,
# family and timeline pages; set STEADFAST_LOADTEST_POSTGRES to an empty
# database's DSN to measure PostgreSQL too.
loadtest-county: build
	./scripts/loadtest-county.sh

# Durable audit records per second on SQLite (synchronous=FULL, a file in
# TMPDIR): group commit against one commit per record, measured in the same
# run; PostgreSQL too when STEADFAST_TEST_POSTGRES is set. See docs/performance.md.
.PHONY: bench-audit
bench-audit: assets
	$(GO) test -run '^$$' -bench Audit -benchtime 3s ./internal/...
