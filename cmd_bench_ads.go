package main

import (
	"context"
	"fmt"
	"io"
	"math"
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

// benchAds times `ads import` + `ads terms` on a generated search term
// report: `seller-assistant bench ads [--rows N] [--runs R] [--dir D]`.
// Each run starts from an empty workspace and runs the real binary as child
// processes, as a seller would; the target is under 3 s for 100,000 rows.
func benchAds(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("bench ads")
	n := fs.Int("rows", 100_000, "search term rows to generate")
	runs := fs.Int("runs", 3, "timed runs")
	dir := benchDirFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *n < 1 || *runs < 1 {
		return usagef("--rows and --runs must be positive")
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
	csvPath := filepath.Join(*dir, "search-terms.csv")
	t0 := time.Now()
	st, err := generateSearchTerms(csvPath, *n, 2026)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "generated %s: %d rows, %d campaigns, %d days, %d distinct (campaign, ad group, targeting, term) (%.1f s)\n",
		csvPath, *n, st.campaigns, st.days, st.groups, time.Since(t0).Seconds())
	var imports, terms, totals, cpus []time.Duration
	var peak int64
	for r := 0; r < *runs; r++ {
		ws := filepath.Join(*dir, fmt.Sprintf("bench-%d.sellerdb", r))
		for _, p := range []string{ws, ws + "-wal", ws + "-shm"} {
			os.Remove(p)
		}
		created, err := data.Create(ctx, ws, "Bench")
		if err != nil {
			return err
		}
		created.Close()
		start := time.Now()
		_, rss1, cpu1, err := childCPU(ctx, self, "--db", ws, "ads", "import", csvPath)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		mid := time.Now()
		out, rss2, cpu2, err := childCPU(ctx, self, "--db", ws, "ads", "terms", "--out", filepath.Join(*dir, "terms.csv"))
		if err != nil {
			return fmt.Errorf("terms: %w", err)
		}
		end := time.Now()
		imports, terms, totals = append(imports, mid.Sub(start)), append(terms, end.Sub(mid)), append(totals, end.Sub(start))
		cpus = append(cpus, cpu1+cpu2)
		peak = max(peak, rss1, rss2)
		fmt.Fprintf(stdout, "run %d: import %.2f s + terms %.2f s = %.2f s (CPU %.2f s); %s", r+1, imports[r].Seconds(), terms[r].Seconds(),
			totals[r].Seconds(), cpus[r].Seconds(), out)
	}
	// CPU time (user + system) is printed beside the wall time: on a shared
	// machine the wall time grows with the other load, the CPU time hardly.
	fmt.Fprintf(stdout, "import + terms, %d rows: median %.2f s (min %.2f; import median %.2f s, terms median %.2f s), CPU median %.2f s, peak RSS %d MB; target < 3 s\n",
		*n, median(totals).Seconds(), slices.Min(totals).Seconds(), median(imports).Seconds(), median(terms).Seconds(), median(cpus).Seconds(), peak>>20)
	return nil
}

// childCPU runs the binary and returns its output, peak RSS and CPU time.
func childCPU(ctx context.Context, name string, args ...string) (string, int64, time.Duration, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if err != nil {
		return out.String(), 0, 0, fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out.String())
	}
	ps := cmd.ProcessState
	return out.String(), peakRSS(ps), ps.UserTime() + ps.SystemTime(), nil
}

type searchTermGenStats struct{ campaigns, days, groups int }

// generateSearchTerms writes n rows of a daily Sponsored Products search
// term report as Seller Central's CSV download has them: "$1,234.50"
// money, "12.34%" ratios, "Oct 01, 2026" dates, in no particular date order;
// 24 campaigns (manual keyword campaigns with EXACT, PHRASE and BROAD ad
// groups, and automatic ones with "-" and close-match / loose-match /
// substitutes / complements targeting), ASIN search terms ("b0…") beside
// words. Each (day, campaign, ad group, targeting, match type, term) is
// written once. Seeded, so runs compare.
func generateSearchTerms(path string, n int, seed uint64) (st searchTermGenStats, err error) {
	err = atomicfile.Write(path, func(w io.Writer) error {
		st = writeSearchTerms(w, n, seed)
		return nil
	})
	return st, err
}

// writeSearchTerms writes the rows of generateSearchTerms to w (whose
// errors atomicfile reports when it flushes).
func writeSearchTerms(w io.Writer, n int, seed uint64) searchTermGenStats {
	r := rand.New(rand.NewPCG(seed, 16))
	fmt.Fprintln(w, "Date,Portfolio name,Currency,Campaign Name,Ad Group Name,Retailer,Country,Targeting,Match Type,"+
		"Customer Search Term,Impressions,Clicks,Click-Thru Rate (CTR),Cost Per Click (CPC),Spend,7 Day Total Sales ,"+
		"Total Advertising Cost of Sales (ACOS) ,Total Return on Advertising Spend (ROAS),7 Day Total Orders (#),"+
		"7 Day Total Units (#),7 Day Conversion Rate,7 Day Advertised SKU Units (#),7 Day Other SKU Units (#),"+
		"7 Day Advertised SKU Sales ,7 Day Other SKU Sales ")
	products := []string{"garlic press", "silicone spatula", "phone mount", "usb c cable", "vegetable chopper", "night light",
		"phone case", "cutting board", "spice rack", "wireless charger", "kitchen scale", "tea infuser"}
	modifiers := []string{"", "best", "stainless steel", "for car", "magnetic", "heavy duty", "set", "small", "large", "2 pack",
		"black", "white", "cheap", "premium", "gift", "for iphone", "dishwasher safe", "with timer", "rechargeable", "bamboo"}
	type combo struct {
		campaign, group, targeting, match, term string
		ctr, cpc, cvr, price                    float64
	}
	var combos []combo
	seen := map[[4]string]bool{} // a term drawn twice for one targeting is kept once
	push := func(c combo) {
		k := [4]string{c.campaign, c.group, c.targeting, c.term}
		if !seen[k] {
			seen[k] = true
			combos = append(combos, c)
		}
	}
	campaigns := 0
	for p, prod := range products {
		price := 9.99 + float64(p)*2.5
		// A manual campaign per product with one ad group per match type,
		// and an automatic campaign for the first two thirds of them.
		camp := fmt.Sprintf("SP - %s - Manual", titleCase(prod))
		campaigns++
		for _, mt := range []string{"EXACT", "PHRASE", "BROAD"} {
			for k := 0; k < 6; k++ {
				kw := strings.TrimSpace(modifiers[k] + " " + prod)
				for t := 0; t < 40; t++ {
					term := kw
					if mt != "EXACT" {
						term = strings.TrimSpace(modifiers[r.IntN(len(modifiers))] + " " + kw + " " + modifiers[r.IntN(len(modifiers))])
						if r.Float64() < 0.1 {
							term = fmt.Sprintf("b0%08d", r.IntN(1e8))
						}
					} else if t > 0 {
						break
					}
					push(combo{camp, strings.ToLower(mt), kw, mt, term,
						0.002 + r.Float64()*0.02, 0.3 + r.Float64()*1.7, r.Float64() * 0.2, price})
				}
			}
		}
		if p < 8 {
			auto := fmt.Sprintf("SP - %s - Auto", titleCase(prod))
			campaigns++
			for _, tg := range []string{"close-match", "loose-match", "substitutes", "complements"} {
				for t := 0; t < 60; t++ {
					term := strings.TrimSpace(modifiers[r.IntN(len(modifiers))] + " " + prod)
					if r.Float64() < 0.3 {
						term = fmt.Sprintf("b0%08d", r.IntN(1e8))
					}
					push(combo{auto, "auto", tg, "-", term,
						0.001 + r.Float64()*0.01, 0.2 + r.Float64()*1.2, r.Float64() * 0.15, price})
				}
			}
		}
	}
	const days = 92
	start := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	used := make(map[[2]int]bool, n)
	dollars := func(c int64) string {
		s := fmt.Sprintf("%d.%02d", c/100, c%100)
		if c >= 100000 {
			s = fmt.Sprintf("%d,%03d.%02d", c/100000, (c/100)%1000, c%100)
		}
		return "$" + s
	}
	pct := func(num, den float64) string {
		if den == 0 {
			return ""
		}
		return fmt.Sprintf("%.2f%%", num/den*100)
	}
	for written := 0; written < n; {
		ci, day := r.IntN(len(combos)), r.IntN(days)
		if used[[2]int{ci, day}] {
			if len(used) >= len(combos)*days {
				break
			}
			continue
		}
		used[[2]int{ci, day}] = true
		c := combos[ci]
		imp := int64(math.Exp(r.NormFloat64()*1.2 + 4))
		clicks := int64(0)
		for i := int64(0); i < imp && i < 5000; i++ {
			if r.Float64() < c.ctr {
				clicks++
			}
		}
		spend := int64(math.Round(float64(clicks) * c.cpc * (0.8 + 0.4*r.Float64()) * 100))
		orders := int64(0)
		for i := int64(0); i < clicks; i++ {
			if r.Float64() < c.cvr {
				orders++
			}
		}
		units := orders
		if orders > 0 && r.Float64() < 0.2 {
			units++
		}
		otherUnits := int64(0)
		if units > 0 && r.Float64() < 0.15 {
			otherUnits = 1
		}
		sales := int64(math.Round(float64(units) * c.price * 100))
		otherSales := int64(math.Round(float64(otherUnits) * c.price * 100))
		d := start.AddDate(0, 0, day).Format("Jan 02, 2006")
		cpc := ""
		if clicks > 0 {
			cpc = fmt.Sprintf("$%.2f", float64(spend)/float64(clicks)/100)
		}
		roas := ""
		if spend > 0 {
			roas = fmt.Sprintf("%.2f", float64(sales)/float64(spend))
		}
		fmt.Fprintf(w, "%q,,USD,%s,%s,Amazon,United States,%s,%s,%s,%d,%d,%s,%s,%q,%q,%s,%s,%d,%d,%s,%d,%d,%q,%q\n",
			d, c.campaign, c.group, c.targeting, c.match, c.term, imp, clicks, pct(float64(clicks), float64(imp)), cpc,
			dollars(spend), dollars(sales), pct(float64(spend), float64(sales)), roas, orders, units,
			pct(float64(orders), float64(clicks)), units-otherUnits, otherUnits, dollars(sales-otherSales), dollars(otherSales))
		written++
	}
	return searchTermGenStats{campaigns: campaigns, days: days, groups: len(combos)}
}

// titleCase capitalises each word of an ASCII name.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
