package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/seller-assistant/seller-assistant/data"
)

// benchReplenish times `replenish` on a workspace of generated orders and
// stock: `seller-assistant bench replenish [--lines N] [--skus N] [--runs R]
// [--dir D]`. The import is set-up, not timed; each timed run is the
// replenish command as a child process, start to exit, as a user runs it.
func benchReplenish(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("bench replenish")
	lines := fs.Int("lines", 1_000_000, "order lines to generate")
	skus := fs.Int("skus", 5_000, "SKUs with stock and sales")
	runs := fs.Int("runs", 5, "timed runs")
	dir := benchDirFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *lines < 1 || *skus < 1 || *runs < 1 {
		return usagef("--lines, --skus and --runs must be positive")
	}
	self, err := benchSelf("")
	if err != nil {
		return err
	}
	work, cleanup, err := benchFolder(*dir)
	if err != nil {
		return err
	}
	defer cleanup()
	*dir = work
	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ordersPath, stockPath := filepath.Join(*dir, "orders.csv"), filepath.Join(*dir, "stock.csv")
	t0 := time.Now()
	if err := generateSKUOrders(ordersPath, stockPath, *lines, *skus, asOf); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "generated %d order lines over %d SKUs in random date order, and their stock (%.1f s)\n",
		*lines, *skus, time.Since(t0).Seconds())
	ws := filepath.Join(*dir, "bench.sellerdb")
	for _, p := range []string{ws, ws + "-wal", ws + "-shm"} {
		os.Remove(p)
	}
	created, err := data.Create(ctx, ws, "Bench")
	if err != nil {
		return err
	}
	created.Close()
	t0 = time.Now()
	if _, _, err := child(ctx, self, nil, "--db", ws, "import", "orders", ordersPath); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if _, _, err := child(ctx, self, nil, "--db", ws, "inventory", "import", stockPath); err != nil {
		return fmt.Errorf("inventory import: %w", err)
	}
	fmt.Fprintf(stdout, "set-up (import orders + stock, not timed below): %.2f s\n", time.Since(t0).Seconds())
	var times, cpus []time.Duration
	var peak int64
	var summary string
	for r := 0; r < *runs; r++ {
		// The CPU time (user + system) is the run's own work: on a machine
		// shared with other jobs the wall time also counts their turns.
		cmd := exec.CommandContext(ctx, self, "--db", ws, "replenish", "--as-of", asOf.Format(time.DateOnly),
			"--out", filepath.Join(*dir, "plan.csv"))
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("replenish: %w\n%s", err, out.String())
		}
		times = append(times, time.Since(start))
		cpus = append(cpus, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
		peak = max(peak, peakRSS(cmd.ProcessState))
		summary = out.String()
		fmt.Fprintf(stdout, "run %d: replenish %.3f s wall, %.3f s CPU\n", r+1, times[r].Seconds(), cpus[r].Seconds())
	}
	fmt.Fprintf(stdout, "replenish: %swall min %.3f s, median %.3f s, max %.3f s; CPU median %.3f s; peak RSS %d MB (target < 2 s)\n", summary,
		slices.Min(times).Seconds(), median(times).Seconds(), slices.Max(times).Seconds(), median(cpus).Seconds(), peak>>20)
	return nil
}

// generateSKUOrders writes n order lines in the UCI layout over skus SKUs
// with a long-tailed popularity, dated at random over the year before asOf
// (not in time order, as merged exports from several platforms are), about
// 2% cancelled; and a stock file with every SKU in two warehouses. Seeded, so
// runs compare.
func generateSKUOrders(ordersPath, stockPath string, n, skus int, asOf time.Time) error {
	r := rand.New(rand.NewPCG(17, 2026))
	f, err := os.Create(ordersPath)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country")
	start := asOf.AddDate(-1, 0, 0)
	span := asOf.Sub(start)
	for i := 0; i < n; i++ {
		sku := int(float64(skus) * r.Float64() * r.Float64())
		at := start.Add(time.Duration(r.Int64N(int64(span)))).Truncate(time.Second)
		inv, qty := fmt.Sprint(600000+i/3), 1+r.IntN(6)
		if r.Float64() < 0.02 {
			inv, qty = "C"+inv, -qty
		}
		fmt.Fprintf(w, "%s,SKU-%05d,Item %d,%d,%s,%.2f,%d,United Kingdom\n", inv, sku, sku, qty, at.Format("2006-01-02 15:04:05"),
			0.5+float64(r.IntN(2000))/100, 12346+r.IntN(90000))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	f, err = os.Create(stockPath)
	if err != nil {
		return err
	}
	w = bufio.NewWriter(f)
	fmt.Fprintln(w, "sku,warehouse,on_hand,inbound")
	for s := 0; s < skus; s++ {
		fmt.Fprintf(w, "SKU-%05d,FBA-US,%d,%d\nSKU-%05d,Shenzhen,%d,0\n", s, r.IntN(400), r.IntN(200), s, r.IntN(300))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
