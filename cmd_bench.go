package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/seller-assistant/seller-assistant/app/atomicfile"
	"github.com/seller-assistant/seller-assistant/data"
)

// benchCmd times customer tiering against the sqlite3 CLI on the same
// generated file: `seller-assistant bench tiers [--lines N] [--runs R] [--dir D] [--dates shuffled|ordered]`.
// Both sides run as child processes, so each one's peak memory (max RSS) is
// its own.
type benchCmd struct{}

func init() { commands["bench"] = benchCmd{} }

func (benchCmd) run(ctx context.Context, _ string, args []string, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "ads" {
		return benchAds(ctx, args[1:], stdout)
	}
	if len(args) > 0 && args[0] == "replenish" {
		return benchReplenish(ctx, args[1:], stdout)
	}
	if len(args) > 0 && args[0] == "reads" {
		return benchReads(ctx, args[1:], stdout)
	}
	if len(args) == 0 || args[0] != "tiers" {
		return usagef("usage: bench tiers [--lines N] [--runs R] [--dir DIR] [--sqlite3 PATH] [--dates shuffled|ordered]\n       bench ads [--rows N] [--runs R] [--dir DIR]\n       bench replenish [--lines N] [--skus N] [--runs R] [--dir DIR]\n       bench reads [--workspace W] [--lines N] [--runs R] [--dir DIR] [--sqlite3 PATH]")
	}
	fs := newFlags("bench tiers")
	lines := fs.Int("lines", 1_000_000, "order lines to generate")
	runs := fs.Int("runs", 3, "timed runs of each side")
	dir := benchDirFlag(fs)
	sqlite := benchShellFlag(fs)
	dates := fs.String("dates", "shuffled", "order of the invoice dates in the file: shuffled (as exports sorted by order id, customer or marketplace are) or ordered")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *lines < 1 || *runs < 1 {
		return usagef("--lines and --runs must be positive")
	}
	if *dates != "shuffled" && *dates != "ordered" {
		return usagef("--dates must be shuffled or ordered")
	}
	self, err := benchSelf(*sqlite)
	if err != nil {
		return err
	}
	work, cleanup, err := benchFolder(*dir)
	if err != nil {
		return err
	}
	defer cleanup()
	*dir = work
	csvPath := filepath.Join(*dir, "orders.csv")
	t0 := time.Now()
	stats, err := generateOrders(csvPath, *lines, *dates == "shuffled")
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "generated %s: %d lines, dates %s, %d customers, %d countries, %d cancelled lines, %d without customer (%.1f s)\n",
		csvPath, *lines, *dates, stats.customers, stats.countries, stats.cancelled, stats.noCustomer, time.Since(t0).Seconds())

	var ours, ref []time.Duration
	var oursRSS, refRSS int64
	for r := 0; r < *runs; r++ {
		ws := filepath.Join(*dir, fmt.Sprintf("bench-%d.sellerdb", r))
		refDB := filepath.Join(*dir, fmt.Sprintf("ref-%d.db", r))
		for _, p := range []string{ws, ws + "-wal", ws + "-shm", refDB} {
			os.Remove(p)
		}
		// Creating the empty workspace is not part of the timing: sqlite3
		// gets an empty file too.
		created, err := data.Create(ctx, ws, "Bench")
		if err != nil {
			return err
		}
		created.Close()
		start := time.Now()
		_, rss1, err := child(ctx, self, nil, "--db", ws, "import", "orders", csvPath)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		_, rss2, err := child(ctx, self, nil, "--db", ws, "tiers", "--out", filepath.Join(*dir, "tiers.csv"))
		if err != nil {
			return fmt.Errorf("tiers: %w", err)
		}
		ours = append(ours, time.Since(start))
		oursRSS = max(oursRSS, rss1, rss2)

		script := fmt.Sprintf(".mode csv\n.import %s lines\n.output /dev/null\n"+
			"SELECT CustomerID, count(DISTINCT InvoiceNo), sum(Quantity * UnitPrice), max(InvoiceDate) FROM lines GROUP BY CustomerID;\n", csvPath)
		start = time.Now()
		_, rss, err := child(ctx, *sqlite, strings.NewReader(script), refDB)
		if err != nil {
			return fmt.Errorf("sqlite3: %w", err)
		}
		ref = append(ref, time.Since(start))
		refRSS = max(refRSS, rss)
		fmt.Fprintf(stdout, "run %d: import + tiers %.2f s, sqlite3 .import + GROUP BY %.2f s, ratio %.2f\n",
			r+1, ours[r].Seconds(), ref[r].Seconds(), ours[r].Seconds()/ref[r].Seconds())
	}
	om, rm := median(ours), median(ref)
	fmt.Fprintf(stdout, "import + tiers:            min %.2f s, median %.2f s, peak RSS %d MB\n", slices.Min(ours).Seconds(), om.Seconds(), oursRSS>>20)
	fmt.Fprintf(stdout, "sqlite3 .import + GROUP BY: min %.2f s, median %.2f s, peak RSS %d MB\n", slices.Min(ref).Seconds(), rm.Seconds(), refRSS>>20)
	ratios := make([]float64, len(ours))
	for i := range ours {
		ratios[i] = ours[i].Seconds() / ref[i].Seconds()
	}
	slices.Sort(ratios)
	fmt.Fprintf(stdout, "ratio: %.2f of the medians; per run min %.2f, median %.2f (target <= 1.5); peak RSS target < 200 MB\n",
		om.Seconds()/rm.Seconds(), ratios[0], ratios[len(ratios)/2])
	return nil
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

// child runs a command and returns its output and peak RSS in bytes.
func child(ctx context.Context, name string, stdin io.Reader, args ...string) (string, int64, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdin = stdin
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	rss := peakRSS(cmd.ProcessState)
	if err != nil {
		return out.String(), rss, fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out.String())
	}
	return out.String(), rss, nil
}

type genStats struct{ customers, countries, cancelled, noCustomer int }

// generateOrders writes n order lines in the UCI layout: ~n/10 customers
// with a long-tailed number of orders, 40 countries (one large home
// market), 1-8 lines per order, about 2% cancelled lines and 10% of lines
// without a customer id, over one year: in time order, or (shuffled) each
// order on a random day and minute of the year while the order ids still
// rise, as an export sorted by order id, customer or marketplace is.
// Seeded, so runs compare.
func generateOrders(path string, n int, shuffled bool) (st genStats, err error) {
	err = atomicfile.Write(path, func(w io.Writer) error {
		st = writeOrders(w, n, shuffled)
		return nil
	})
	return st, err
}

// writeOrders writes the lines of generateOrders to w (whose errors
// atomicfile reports when it flushes).
func writeOrders(w io.Writer, n int, shuffled bool) genStats {
	r := rand.New(rand.NewPCG(4, 2026))
	dr := rand.New(rand.NewPCG(5, 2026))
	countries := []string{"United Kingdom", "Germany", "France", "EIRE", "Spain", "Netherlands", "Belgium", "Switzerland",
		"Portugal", "Australia", "Norway", "Italy", "Channel Islands", "Finland", "Cyprus", "Sweden", "Austria", "Denmark",
		"Japan", "Poland", "Israel", "USA", "Hong Kong", "Singapore", "Iceland", "Canada", "Greece", "Malta",
		"United Arab Emirates", "European Community", "RSA", "Lebanon", "Lithuania", "Brazil", "Czech Republic", "Bahrain",
		"Saudi Arabia", "China", "South Korea", "Mexico"}
	products := []string{"GARLIC PRESS STAINLESS", "SILICONE SPATULA SET", "MAGNETIC PHONE MOUNT", "USB-C CABLE 2M",
		"VEGETABLE CHOPPER", "LED NIGHT LIGHT", "PHONE CASE CLEAR", "BAMBOO CUTTING BOARD", "SPICE RACK ORGANISER",
		"WIRELESS CHARGER PAD", "KITCHEN SCALE DIGITAL", "TEA INFUSER, HEART", "DRAWER KNOB CERAMIC RED", "SCREEN PROTECTOR 2PK"}
	fmt.Fprintln(w, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country")
	customers := max(1, n/6) // the long tail leaves ~60% of ids with orders: ~100k at 1M lines
	custCountry := make([]uint8, customers)
	for i := range custCountry {
		if r.Float64() < 0.5 {
			custCountry[i] = 0
		} else {
			custCountry[i] = uint8(1 + r.IntN(len(countries)-1))
		}
	}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var st genStats
	seen := make([]bool, customers)
	usedCountry := map[uint8]bool{}
	invoice := 500000
	written := 0
	for written < n {
		invoice++
		// A long tail: low ids buy far more often than high ids.
		c := int(float64(customers) * r.Float64() * r.Float64())
		guest := r.Float64() < 0.10
		// Exports list orders in time order, as shops write them.
		at := start.Add(time.Duration(float64(written) / float64(n) * float64(365*24*time.Hour))).Truncate(time.Minute)
		if shuffled {
			// Drawn from its own generator, so both orders hold the very
			// same customers, products, quantities and prices.
			at = start.Add(time.Duration(dr.Int64N(int64(365 * 24 * time.Hour)))).Truncate(time.Minute)
		}
		lines := 1 + r.IntN(8)
		cancelled := r.Float64() < 0.02
		inv := fmt.Sprint(invoice)
		if cancelled {
			inv = "C" + inv
		}
		for l := 0; l < lines && written < n; l++ {
			p := r.IntN(len(products))
			qty := 1 + r.IntN(12)
			if cancelled {
				qty = -qty
				st.cancelled++
			}
			price := 0.5 + float64(r.IntN(2000))/100
			cid, country := "", countries[custCountry[c]]
			if guest {
				st.noCustomer++
				country = countries[r.IntN(len(countries))]
			} else {
				cid = fmt.Sprintf("%d.0", 12346+c)
				if !seen[c] {
					seen[c] = true
					st.customers++
				}
				usedCountry[custCountry[c]] = true
			}
			desc := products[p]
			if strings.Contains(desc, ",") {
				desc = `"` + desc + `"`
			}
			fmt.Fprintf(w, "%s,%d,%s,%d,%s,%.2f,%s,%s\n", inv, 20000+p, desc, qty, at.Format("2006-01-02 15:04:05"), price, cid, country)
			written++
		}
	}
	st.countries = len(usedCountry)
	return st
}

// benchDirFlag is every benchmark's --dir (see benchFolder).
func benchDirFlag(fs *flag.FlagSet) *string {
	return fs.String("dir", "", "folder to work in: the runs use a new folder made inside it, kept afterwards (default: a temporary one, removed after)")
}

// benchShellFlag is the --sqlite3 of a benchmark timed against the shell.
func benchShellFlag(fs *flag.FlagSet) *string {
	return fs.String("sqlite3", "sqlite3", "the sqlite3 command line shell")
}

// benchSelf is this binary's path, which every benchmark runs as child
// processes; with a shell named (not ""), it first checks the shell is
// there, so a missing sqlite3 says so before any work is done.
func benchSelf(sqlite string) (string, error) {
	if sqlite != "" {
		if _, err := exec.LookPath(sqlite); err != nil {
			return "", fmt.Errorf("bench needs the sqlite3 shell (Debian package sqlite3): %w", err)
		}
	}
	return os.Executable()
}

// benchFolder is the folder a benchmark works in. Without --dir it is a new
// temporary folder, removed by the returned cleanup; with --dir it is a new
// folder made inside DIR (0700, kept for a look afterwards): the runs remove
// and rewrite their files, and must never touch a file of the user's that
// has the same name.
func benchFolder(dir string) (string, func(), error) {
	if dir == "" {
		d, err := os.MkdirTemp("", "seller-bench-")
		if err != nil {
			return "", nil, err
		}
		return d, func() { os.RemoveAll(d) }, nil
	}
	d, err := os.MkdirTemp(dir, "seller-bench-")
	if err != nil {
		return "", nil, atomicfile.FileError(err, dir)
	}
	return d, func() {}, nil
}
