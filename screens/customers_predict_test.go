package screens

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

// fakePurchases makes n customers over 52 weeks: first purchases in the
// first 12 weeks, each at their own rate and around their own mean spend
// (so the spend model has differences between customers to fit), a 30 %
// chance of leaving after each repeat purchase.
func fakePurchases(n int) []app.CustomerPurchases {
	return fakePurchasesSpend(n, true)
}

// fakePurchasesSpend is fakePurchases; with ownMean false every purchase
// draws from the same spend range, which leaves Gamma-Gamma nothing to fit.
func fakePurchasesSpend(n int, ownMean bool) []app.CustomerPurchases {
	r := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	out := make([]app.CustomerPurchases, n)
	for i := range out {
		c := app.CustomerPurchases{ID: "C" + strconv.Itoa(1000+i)}
		d := r.IntN(84)
		gap := 10 + r.ExpFloat64()*60 // customers buy at different rates
		mean := 1000 + r.ExpFloat64()*4000
		for d < 364 {
			cents := int64(1000 + r.IntN(9000))
			if ownMean {
				cents = int64(mean * (0.6 + 0.8*r.Float64()))
			}
			c.Days = append(c.Days, app.PurchaseDay{Day: start.AddDate(0, 0, d), Cents: cents})
			if len(c.Days) > 1 && r.Float64() < 0.3 {
				break
			}
			d += 1 + int(r.ExpFloat64()*gap)
		}
		out[i] = c
	}
	return out
}

func predictionWorkspace(cs []app.CustomerPurchases) *mock.Workspace {
	ws := demoWorkspace("/tmp/demo.sellerdb")
	ws.InfoFn = func() (app.WorkspaceInfo, error) { return app.WorkspaceInfo{Name: "Test", Currency: "USD"}, nil }
	ws.CLVStore = &mock.CLVStore{PurchaseDaysFn: func() ([]app.CustomerPurchases, error) { return cs, nil }}
	return ws
}

// showPrediction puts a prediction view in the test window and runs the
// UI updates until its first fit is done.
func showPrediction(t *testing.T, ts testShell) (*predictionView, fyne.CanvasObject) {
	t.Helper()
	v := newPredictionView(ts.Shell)
	obj := v.buildUI()
	ts.win.SetContent(obj)
	ts.next(t) // the purchase days, which start the fit
	waitFit(t, ts, v)
	return v, obj
}

func waitFit(t *testing.T, ts testShell, v *predictionView) {
	t.Helper()
	for v.cancel != nil {
		ts.next(t)
	}
}

func TestPredictionViewFitsAndChecksHoldout(t *testing.T) {
	ts := newTestShell(t, predictionWorkspace(fakePurchases(3000)))
	var got map[string]app.CustomerCLV
	v := newPredictionView(ts.Shell)
	v.OnPredicted = func(m map[string]app.CustomerCLV) { got = m }
	obj := v.buildUI()
	ts.win.SetContent(obj)
	ts.next(t)
	// Defaults: the last third of the history is the holdout.
	cs := fakePurchases(3000)
	first, last := firstPurchase(cs), app.NewestPurchase(cs)
	wantCal := first.AddDate(0, 0, app.DaysBetween(first, last)*2/3).Format(time.DateOnly)
	if v.calEnd.Text != wantCal || v.holdEnd.Text != last.Format(time.DateOnly) {
		t.Errorf("defaults: calibrate to %q, holdout to %q; want %s, %s", v.calEnd.Text, v.holdEnd.Text, wantCal, last.Format(time.DateOnly))
	}
	if !v.progress.Visible() || !v.runBtn.Disabled() || v.cancelBtn.Disabled() {
		t.Error("no progress shown while fitting")
	}
	waitFit(t, ts, v)
	shown := texts(obj)
	for _, want := range []string{"BG/NBD (weeks): r = ", "Gamma-Gamma: p = ", "3,000 customers", "repeat purchases:", "times a year", "Next 52 weeks:"} {
		if !strings.Contains(shown, want) {
			t.Errorf("screen lacks %q:\n%s", want, shown)
		}
	}
	if !strings.HasPrefix(v.holdoutText.Text, "Predicted ") {
		t.Errorf("holdout summary %q", v.holdoutText.Text)
	}
	for _, c := range []*chart.View{v.cumChart, v.byX, v.alive, v.dist} {
		if c.Chart().Empty() {
			t.Errorf("chart %s is empty", c.Chart().ID)
		}
	}
	if len(got) != 3000 || len(v.Predictions()) != 3000 {
		t.Fatalf("%d predictions handed on", len(got))
	}
	if c := got["C1000"]; c.PAlive <= 0 || c.PAlive > 1 || c.ExpectedPurchases <= 0 || !c.CLV.IsPositive() {
		t.Errorf("C1000: %+v", c)
	}
	if v.progress.Visible() || v.runBtn.Disabled() || !v.cancelBtn.Disabled() {
		t.Error("still busy after the fit")
	}

	// The margin starts at the shop's: this workspace has no saved quotes,
	// so the default rate, said as such.
	if v.margin.Text != "35" || !strings.Contains(v.marginNote.Text, "Gross margin 35.0 %: no saved quote") {
		t.Errorf("margin %q, note %q", v.margin.Text, v.marginNote.Text)
	}
	// Half the margin halves the CLV; Enter in a field refits.
	v.margin.SetText("100")
	v.margin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitFit(t, ts, v)
	if !strings.HasPrefix(v.marginNote.Text, "Gross margin 100.0 %, as typed.") {
		t.Errorf("note after typing 100: %q", v.marginNote.Text)
	}
	before := got["C1000"].CLV
	v.margin.SetText("")
	test.Type(v.margin, "50")
	v.margin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitFit(t, ts, v)
	half := before.Div(decimal.NewFromInt(2))
	if diff := got["C1000"].CLV.Sub(half).Abs(); diff.GreaterThan(decimal.RequireFromString("0.0002")) {
		t.Errorf("CLV at 50 %% margin %s, was %s at 100 %%", got["C1000"].CLV, before)
	}
}

func TestPredictionViewRejectsBadInput(t *testing.T) {
	ts := newTestShell(t, predictionWorkspace(fakePurchases(500)))
	v, _ := showPrediction(t, ts)
	first := v.result
	v.margin.SetText("abc")
	test.Tap(v.runBtn)
	top := ts.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(texts(top), "Gross margin (%): enter a number.") {
		t.Fatalf("no error naming the field")
	}
	if v.cancel != nil || v.result.Model != first.Model {
		t.Error("a bad field started a fit or changed the results")
	}
	select {
	case <-ts.posted:
		t.Error("work was started on bad input")
	default:
	}
}

func TestPredictionViewRefusesTooFewRepeatCustomers(t *testing.T) {
	cs := fakePurchases(40)
	for i := range cs { // keep only first purchases: nobody came back
		cs[i].Days = cs[i].Days[:1]
	}
	ts := newTestShell(t, predictionWorkspace(cs))
	v, obj := showPrediction(t, ts)
	if !strings.Contains(v.status.Text, "needs at least 20") {
		t.Errorf("status %q", v.status.Text)
	}
	if top := ts.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(texts(top), "Only 0 customers bought more than once") {
		t.Error("no refusal message")
	}
	if !v.alive.Chart().Empty() || strings.Contains(texts(obj), "r = ") || v.Predictions() != nil {
		t.Error("numbers shown for an unfittable data set")
	}
}

func TestPredictionViewCancel(t *testing.T) {
	ts := newTestShell(t, predictionWorkspace(fakePurchases(20000)))
	v := newPredictionView(ts.Shell)
	ts.win.SetContent(v.buildUI())
	ts.next(t) // data loaded, fit started
	if v.cancel == nil || !v.runBtn.Disabled() {
		t.Fatal("no fit running")
	}
	test.Tap(v.cancelBtn)
	waitFit(t, ts, v)
	if v.status.Text != "The prediction was stopped." || v.Predictions() != nil {
		t.Errorf("status %q, %d predictions", v.status.Text, len(v.Predictions()))
	}
	if ts.win.Canvas().Overlays().Top() != nil {
		t.Error("a cancel should not show an error dialog")
	}
}
