package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/data"
)

// benchReads times the read side at a million order lines (issue 20):
// `seller-assistant bench reads [--workspace W] [--lines N] [--runs R]
// [--dir D] [--sqlite3 PATH]`. With --workspace an existing workspace is
// used as it is (a million-line one takes ~15 s to make); without, N lines
// are generated with shuffled dates (as `bench tiers` makes them) and
// imported into a workspace in the run's folder, which --dir keeps for the
// next run's --workspace. Each timed run is a child process of this binary,
// start to exit, as a user runs it, with its CPU time (user + system):
// `report --out`, `clv --out`, and beside clv the sqlite3 shell's GROUP BY
// customer over the raw lines of the same workspace, the reference.
// Then, in this process, what the Prediction tab does before its first
// result: read the purchase days and the shop's margin, fit and predict.
func benchReads(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("bench reads")
	wsFlag := fs.String("workspace", "", "an existing workspace to read (default: generate and import --lines lines)")
	lines := fs.Int("lines", 1_000_000, "order lines to generate when there is no --workspace")
	runs := fs.Int("runs", 3, "timed runs of each command")
	dir := benchDirFlag(fs)
	sqlite := benchShellFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *lines < 1 || *runs < 1 {
		return usagef("--lines and --runs must be positive")
	}
	self, err := benchSelf(*sqlite)
	if err != nil {
		return err
	}
	ws := *wsFlag
	if ws != "" {
		if _, err := os.Stat(ws); err != nil {
			return usagef("--workspace %s: %v", ws, err)
		}
	}
	work, cleanup, err := benchFolder(*dir)
	if err != nil {
		return err
	}
	defer cleanup()
	if ws == "" {
		if ws, err = benchWorkspace(ctx, self, work, *lines, stdout); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "workspace %s\n", ws)
	type timing struct{ wall, cpu []time.Duration }
	var report, clv, ref timing
	var reportRSS, clvRSS int64
	// The stored lines themselves (order_rows), not the order_lines view:
	// the view joins two texts and formats a date per line, which would
	// flatter the comparison.
	groupBy := "SELECT customer_id, count(*), sum(quantity*unit_price_cents) FROM order_rows GROUP BY customer_id"
	for r := 0; r < *runs; r++ {
		w, c, rss, err := timedChild(ctx, self, "--db", ws, "report", "--out", filepath.Join(work, "report.html"))
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		report.wall, report.cpu, reportRSS = append(report.wall, w), append(report.cpu, c), max(reportRSS, rss)
		// clv and the reference back to back, so both see the same load.
		w, c, rss, err = timedChild(ctx, self, "--db", ws, "clv", "--out", filepath.Join(work, "clv.csv"))
		if err != nil {
			return fmt.Errorf("clv: %w", err)
		}
		clv.wall, clv.cpu, clvRSS = append(clv.wall, w), append(clv.cpu, c), max(clvRSS, rss)
		if w, c, _, err = timedChild(ctx, *sqlite, ws, groupBy); err != nil {
			return fmt.Errorf("sqlite3: %w", err)
		}
		ref.wall, ref.cpu = append(ref.wall, w), append(ref.cpu, c)
		fmt.Fprintf(stdout, "run %d: report %.2f s (CPU %.2f s); clv %.2f s (CPU %.2f s); sqlite3 GROUP BY %.2f s (CPU %.2f s)\n", r+1,
			report.wall[r].Seconds(), report.cpu[r].Seconds(), clv.wall[r].Seconds(), clv.cpu[r].Seconds(), ref.wall[r].Seconds(), ref.cpu[r].Seconds())
	}
	first, err := benchPredictionFirstResult(ctx, ws, *runs)
	if err != nil {
		return err
	}
	mmm := func(d []time.Duration) string {
		return fmt.Sprintf("min %.2f, median %.2f, max %.2f s", slices.Min(d).Seconds(), median(d).Seconds(), slices.Max(d).Seconds())
	}
	ratio := func(a, b []time.Duration) string {
		rs := make([]float64, len(a))
		for i := range a {
			rs[i] = a[i].Seconds() / b[i].Seconds()
		}
		slices.Sort(rs)
		return fmt.Sprintf("%.2f-%.2f (median %.2f)", rs[0], rs[len(rs)-1], rs[len(rs)/2])
	}
	fmt.Fprintf(stdout, "report:            wall %s; CPU %s; peak RSS %d MB (target < 1 s)\n", mmm(report.wall), mmm(report.cpu), reportRSS>>20)
	fmt.Fprintf(stdout, "clv:               wall %s; CPU %s; peak RSS %d MB\n", mmm(clv.wall), mmm(clv.cpu), clvRSS>>20)
	fmt.Fprintf(stdout, "sqlite3 GROUP BY:  wall %s; CPU %s\n", mmm(ref.wall), mmm(ref.cpu))
	fmt.Fprintf(stdout, "clv / sqlite3 per run: wall %s, CPU %s (target <= 1)\n", ratio(clv.wall, ref.wall), ratio(clv.cpu, ref.cpu))
	fmt.Fprintf(stdout, "prediction first result (purchase days + margin + fit + predict, in process): %s (target < 2 s)\n", mmm(first))
	return nil
}

// benchWorkspace generates n order lines with shuffled dates in dir and
// imports them into dir/bench.sellerdb; the set-up is not timed.
func benchWorkspace(ctx context.Context, self, dir string, n int, stdout io.Writer) (string, error) {
	csvPath := filepath.Join(dir, "orders.csv")
	t0 := time.Now()
	st, err := generateOrders(csvPath, n, true)
	if err != nil {
		return "", err
	}
	ws := filepath.Join(dir, "bench.sellerdb")
	created, err := data.Create(ctx, ws, "Bench")
	if err != nil {
		return "", err
	}
	created.Close()
	if _, _, err := child(ctx, self, nil, "--db", ws, "import", "orders", csvPath); err != nil {
		return "", fmt.Errorf("import: %w", err)
	}
	fmt.Fprintf(stdout, "set-up (not timed): %d lines, %d customers, generated and imported in %.1f s\n", n, st.customers, time.Since(t0).Seconds())
	return ws, nil
}

// timedChild runs a command to its exit and returns its wall and CPU time
// and peak RSS.
func timedChild(ctx context.Context, name string, args ...string) (wall, cpu time.Duration, rss int64, err error) {
	cmd := exec.CommandContext(ctx, name, args...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = io.Discard, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, 0, fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out.String())
	}
	return time.Since(start), cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), peakRSS(cmd.ProcessState), nil
}

// benchPredictionFirstResult times, runs times, what the Prediction tab
// does before its first result (screens' predictionView: load, then the fit
// on all orders; the holdout check follows it on screen).
func benchPredictionFirstResult(ctx context.Context, ws string, runs int) ([]time.Duration, error) {
	var out []time.Duration
	for range runs {
		start := time.Now()
		s, err := data.Open(ctx, ws)
		if err != nil {
			return nil, err
		}
		cs, err := s.PurchaseDays(ctx)
		if err == nil {
			var m app.ShopMargin
			if m, err = app.ShopMarginOf(ctx, s); err == nil {
				_, err = app.PredictCLV(ctx, cs, app.CLVOptions{HorizonWeeks: 52, Margin: m.Rate}, nil)
			}
		}
		s.Close()
		if err != nil {
			return nil, errors.Join(errors.New("prediction"), err)
		}
		out = append(out, time.Since(start))
	}
	return out, nil
}
