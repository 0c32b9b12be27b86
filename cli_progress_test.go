package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// TestOpenProgressLines: the CLI says nothing during an open's first
// second, then about one line a second with what runs, the count and the
// share done; a report between two lines is not printed.
func TestOpenProgressLines(t *testing.T) {
	loadCustomerTranslations(t)
	var out bytes.Buffer
	report := openProgressLines(&out)
	at := func(ms int, p app.OpenProgress) {
		p.Elapsed = time.Duration(ms) * time.Millisecond
		report(p)
	}
	step := func(done int64) app.OpenProgress {
		return app.OpenProgress{Stage: app.OpenMigrating, Step: 1, Steps: 1, Unit: "open.progress.lines_read", Done: done, Total: 1_000_000}
	}
	at(250, app.OpenProgress{Stage: app.OpenBackingUp})
	at(750, step(100_000))
	if out.Len() != 0 {
		t.Fatalf("printed during the first second:\n%s", out.String())
	}
	at(1000, step(250_000))
	at(1250, step(300_000))
	at(1750, step(400_000))
	at(2000, step(420_000))
	at(3250, app.OpenProgress{Stage: app.OpenBackingUp})
	want := []string{
		"seller-assistant: 25 % — Updating the workspace for this version: step 1 of 1 — 250,000 of 1,000,000 order lines summarised — 1 s so far",
		"seller-assistant: 42 % — Updating the workspace for this version: step 1 of 1 — 420,000 of 1,000,000 order lines summarised — 2 s so far",
		"seller-assistant: Saving a backup copy of the workspace before updating it… — 3 s so far",
	}
	if got := strings.Split(strings.TrimSpace(out.String()), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
