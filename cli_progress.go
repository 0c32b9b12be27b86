package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// openProgressEvery is how often the CLI says how far opening an older
// workspace is, and how long an open runs before the first line: a fast
// open says nothing.
const openProgressEvery = time.Second

// openProgressLines returns an app.OpenProgress observer that writes a
// line to w (stderr: stdout holds what scripts read) once an older
// workspace's backup and migration have taken a second, then one a second:
//
//	seller-assistant: 42 % — Updating the workspace for this version: step 1 of 1 — 420,000 of 1,000,000 order lines summarised — 2 s so far
func openProgressLines(w io.Writer) func(app.OpenProgress) {
	var last time.Duration
	en := app.English()
	return func(p app.OpenProgress) {
		if p.Elapsed < openProgressEvery || (last > 0 && p.Elapsed-last < openProgressEvery) {
			return
		}
		last = p.Elapsed
		line := strings.ReplaceAll(p.Status(en), "\n", " — ")
		if f := p.Fraction(); f >= 0 {
			line = fmt.Sprintf("%d %% — %s", int(f*100), line)
		}
		fmt.Fprintf(w, "seller-assistant: %s\n", line)
	}
}
