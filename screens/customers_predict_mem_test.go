package screens

import (
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// countReleases replaces releaseMemory for the test with one that counts
// its calls (and still releases).
func countReleases(t *testing.T) func() int {
	t.Helper()
	var mu sync.Mutex
	n := 0
	orig := releaseMemory
	releaseMemory = func() {
		orig()
		mu.Lock()
		n++
		mu.Unlock()
	}
	t.Cleanup(func() { releaseMemory = orig })
	return func() int {
		mu.Lock()
		defer mu.Unlock()
		return n
	}
}

// TestPredictionShowsFitBeforeHoldout: with a holdout set, the fit on all
// orders is on screen (parameters, the customers' predictions handed to
// the table) while the holdout check still runs, and the check follows.
// At a million order lines that is the difference between a first result
// in 1.5-1.8 s and one after both fits (2.7-3.0 s; issue 20: < 2 s).
func TestPredictionShowsFitBeforeHoldout(t *testing.T) {
	ts := newTestShell(t, predictionWorkspace(fakePurchases(3000)))
	var got map[string]app.CustomerCLV
	v := newPredictionView(ts.Shell)
	v.OnPredicted = func(m map[string]app.CustomerCLV) { got = m }
	ts.win.SetContent(v.buildUI())
	ts.next(t) // the purchase days: the fit starts, with a holdout
	if v.holdEnd.Text == "" {
		t.Fatal("no holdout proposed")
	}
	for got == nil {
		ts.next(t)
	}
	if v.cancel == nil || !v.runBtn.Disabled() {
		t.Error("the run ended with the first result: no holdout check")
	}
	if !strings.Contains(v.params.Text, "BG/NBD (weeks): r = ") || len(got) != 3000 {
		t.Errorf("first result not shown: params %q, %d predictions", v.params.Text, len(got))
	}
	if v.holdoutText.Text != "Checking the predictions on the holdout…" || !v.cumChart.Chart().Empty() {
		t.Errorf("holdout while it runs: %q", v.holdoutText.Text)
	}
	waitFit(t, ts, v)
	if !strings.HasPrefix(v.holdoutText.Text, "Predicted ") || v.cumChart.Chart().Empty() || v.byX.Chart().Empty() {
		t.Errorf("holdout after the check: %q", v.holdoutText.Text)
	}
	if !strings.HasPrefix(v.status.Text, "Model fitted in ") {
		t.Errorf("status %q", v.status.Text)
	}
}

// TestPredictionFitsKeepMemoryFlat: repeated fits do not add to what the
// view keeps (the live heap after fits 2 to 5 stays where fit 2 left it,
// within 2 MB), the holdout check's per-customer predictions are not kept,
// and every fit, and the customers' load, hands its garbage back to the
// system (releaseMemory) once the result is posted.
func TestPredictionFitsKeepMemoryFlat(t *testing.T) {
	releases := countReleases(t)
	cs := fakePurchases(8000)
	ws := predictionWorkspace(cs)
	var stats []app.CustomerStat
	for _, c := range cs {
		stats = append(stats, app.CustomerStat{ID: c.ID, Country: "DE", Orders: len(c.Days), Lines: len(c.Days),
			Monetary: decimal.New(c.Days[0].Cents, -2), FirstOrder: c.Days[0].Day, LastOrder: c.Days[len(c.Days)-1].Day})
	}
	ws.CustomerStore = &mock.CustomerStore{CustomerStatsFn: func() ([]app.CustomerStat, error) { return stats, nil }}
	ts := newTestShell(t, ws)
	c := newCustomers(ts.Shell)
	ts.win.SetContent(c.buildUI())
	ts.next(t) // the customers
	waitReleases(t, releases, 1)
	v := newPredictionView(ts.Shell)
	v.OnPredicted = c.onPredicted
	v.buildUI()
	ts.next(t)
	waitFit(t, ts, v)
	waitReleases(t, releases, 2)
	if v.holdout == nil || v.holdout.Customers != nil {
		t.Fatalf("holdout kept: %v", v.holdout != nil && v.holdout.Customers != nil)
	}
	var base uint64
	for i := 2; i <= 5; i++ {
		v.onRun()
		waitFit(t, ts, v)
		waitReleases(t, releases, i+1)
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if i == 2 {
			base = m.HeapAlloc
		} else if m.HeapAlloc > base+2<<20 {
			t.Errorf("fit %d: live heap %d MB, after fit 2 %d MB", i, m.HeapAlloc>>20, base>>20)
		}
	}
}

func waitReleases(t *testing.T, releases func() int, want int) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); releases() < want; {
		if time.Now().After(deadline) {
			t.Fatalf("memory released %d times, want %d", releases(), want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
