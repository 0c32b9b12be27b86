package app_test

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

// TestHyp2F1 checks 2F1 against closed forms (Abramowitz & Stegun 15.1),
// on every branch: the series, the 1-z transformation (z > 0.9) and Pfaff's
// transformation (z < -0.9).
func TestHyp2F1(t *testing.T) {
	tests := []struct {
		name       string
		a, b, c, z float64
		want       float64
	}{
		{"zero", 2.5, 3, 4, 0, 1},
		{"log small", 1, 1, 2, 0.3, -math.Log(1-0.3) / 0.3},
		{"log near one", 1, 1, 2, 0.99, -math.Log(1-0.99) / 0.99}, // c-a-b = 0: series fallback
		{"log negative", 1, 1, 2, -0.5, math.Log(1.5) / 0.5},
		{"log very negative", 1, 1, 2, -20, math.Log(21) / 20},
		{"binomial", 2.5, 1.7, 1.7, 0.95, math.Pow(1-0.95, -2.5)},          // 1-z branch
		{"binomial negative", 0.7, 3.1, 3.1, -5, math.Pow(1+5, -0.7)},      // Pfaff branch
		{"arcsin", 0.5, 0.5, 1.5, 0.81, math.Asin(0.9) / 0.9},              // 15.1.6, z = 0.9^2
		{"arcsin near one", 0.5, 0.5, 1.5, 0.9801, math.Asin(0.99) / 0.99}, // 1-z branch
		{"atanh", 0.5, 1, 1.5, 0.9604, math.Atanh(0.98) / 0.98},            // 15.1.5 (c-a-b=0: series)
		// Gauss's theorem at z -> 1 with c-a-b > 0: G(c)G(c-a-b)/(G(c-a)G(c-b)).
		{"gauss", 0.3, 0.4, 2.2, 0.999999, gauss(0.3, 0.4, 2.2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := app.Hyp2F1(tt.a, tt.b, tt.c, tt.z)
			tol := 1e-9
			if tt.name == "gauss" {
				tol = 1e-4 // the function itself is that far from its limit
			}
			if math.Abs(got-tt.want) > tol*math.Abs(tt.want) {
				t.Errorf("2F1(%g,%g;%g;%g) = %.12g, want %.12g", tt.a, tt.b, tt.c, tt.z, got, tt.want)
			}
		})
	}
	if !math.IsNaN(app.Hyp2F1(1, 1, 2, 1)) {
		t.Error("z = 1 should be NaN")
	}
}

func gauss(a, b, c float64) float64 {
	l1, _ := math.Lgamma(c)
	l2, _ := math.Lgamma(c - a - b)
	l3, _ := math.Lgamma(c - a)
	l4, _ := math.Lgamma(c - b)
	return math.Exp(l1 + l2 - l3 - l4)
}

// cdnow is the BG/NBD fit of the CDNOW sample in Fader, Hardie & Lee (2005),
// weeks as the unit.
var cdnow = app.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}

// TestExpectedPurchasesPublished: FHL 2005 (section 5) give, for a customer
// with x = 2, t_x = 30.43, T = 38.86 under the CDNOW fit, 1.226 expected
// purchases in the next 39 weeks.
func TestExpectedPurchasesPublished(t *testing.T) {
	got := cdnow.ExpectedPurchases(39, 2, 30.43, 38.86)
	if math.Abs(got-1.226) > 0.001 {
		t.Errorf("E[Y(39)|2, 30.43, 38.86] = %.4f, want 1.226 (FHL 2005)", got)
	}
}

// posterior integrates over a customer's (lambda, p) posterior under the
// BG/NBD priors, independently of the closed forms: it returns P(alive) and
// E[Y(t)] = E[alive * (1 - e^(-lambda p t))/p] (a live customer buys at rate
// lambda and drops out after each purchase with probability p, so expects
// (1 - e^(-lambda p t))/p purchases in t). Midpoint rule after
// substitutions that smooth the priors' singularities at 0.
func posterior(m app.BGNBD, x int, tx, T, t float64) (alive, expected float64) {
	const n = 1500
	fx := float64(x)
	s := m.R + fx
	lamMax := 60 / (m.Alpha + tx)
	// lambda = lamMax v^k turns the prior's lambda^(s-1) d lambda into
	// v^(ks-1) dv, smooth at 0 when ks >= 3.
	k := math.Max(1, 3/s)
	lambda := func(i int) (lam, weight float64) {
		v := (float64(i) + 0.5) / n
		return lamMax * math.Pow(v, k), math.Pow(v, k*s-1)
	}
	var num, den, ey float64
	for i := 0; i < n; i++ {
		lam, wt := lambda(i)
		eT := math.Exp(-(m.Alpha + T) * lam)
		eTx := math.Exp(-(m.Alpha + tx) * lam)
		for j := 0; j < n; j++ {
			p := math.Pow((float64(j)+0.5)/n, 1/m.A)
			prior := wt * math.Pow(1-p, m.B-1)
			live := math.Pow(1-p, fx) * eT
			l := live
			if x > 0 {
				l += p * math.Pow(1-p, fx-1) * eTx
			}
			num += live * prior
			den += l * prior
			ey += live * prior * -math.Expm1(-lam*p*t) / p
		}
	}
	return num / den, ey / den
}

func TestPAliveAndExpectationAgainstIntegration(t *testing.T) {
	tests := []struct {
		x         int
		tx, T, hz float64
	}{
		{0, 0, 30, 39},
		{1, 5, 30, 52},
		{2, 30.43, 38.86, 39},
		{5, 10, 40, 26},
		{12, 35, 38, 52},
	}
	for _, tt := range tests {
		alive, ey := posterior(cdnow, tt.x, tt.tx, tt.T, tt.hz)
		gotA := cdnow.PAlive(tt.x, tt.tx, tt.T)
		gotE := cdnow.ExpectedPurchases(tt.hz, tt.x, tt.tx, tt.T)
		if math.Abs(gotA-alive) > 1e-4 {
			t.Errorf("x=%d tx=%g T=%g: P(alive) = %.5f, integration %.5f", tt.x, tt.tx, tt.T, gotA, alive)
		}
		if math.Abs(gotE-ey) > 1e-3*math.Max(1, ey) {
			t.Errorf("x=%d tx=%g T=%g: E[Y(%g)] = %.5f, integration %.5f", tt.x, tt.tx, tt.T, tt.hz, gotE, ey)
		}
	}
}

// TestGammaGammaExpectedValue: E[Z|x,zbar] is a weighted mean of the
// population mean p v/(q-1) and the customer's own zbar, weight on zbar
// p x/(p x + q - 1) (Fader & Hardie 2013, eq. 5).
func TestGammaGammaExpectedValue(t *testing.T) {
	g := app.GammaGamma{P: 6.25, Q: 3.74, V: 15.44}
	pop := g.P * g.V / (g.Q - 1)
	if got := g.ExpectedValue(0, 0); math.Abs(got-pop) > 1e-9 {
		t.Errorf("x=0: %g, want the population mean %g", got, pop)
	}
	x, zbar := 3, 40.0
	w := g.P * 3 / (g.P*3 + g.Q - 1)
	want := (1-w)*pop + w*zbar
	if got := g.ExpectedValue(x, zbar); math.Abs(got-want) > 1e-9 {
		t.Errorf("x=3 zbar=40: %g, want %g", got, want)
	}
}

// gammaRand draws Gamma(shape k, rate 1) (Marsaglia & Tsang 2000).
func gammaRand(r *rand.Rand, k float64) float64 {
	if k < 1 {
		return gammaRand(r, k+1) * math.Pow(r.Float64(), 1/k)
	}
	d := k - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if math.Log(u) < 0.5*x*x+d-d*v+d*math.Log(v) {
			return d * v
		}
	}
}

var simStart = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// simulate draws n customers from the BG/NBD and Gamma-Gamma processes:
// first purchases spread over the first 12 weeks, observed for `weeks`
// weeks in all (more days given in extra for a holdout), purchases rounded
// down to calendar days.
func simulate(seed uint64, n int, m app.BGNBD, g app.GammaGamma, weeks, extraWeeks float64) []app.CustomerPurchases {
	r := rand.New(rand.NewPCG(seed, 7))
	out := make([]app.CustomerPurchases, 0, n)
	end := weeks + extraWeeks
	for i := 0; i < n; i++ {
		lam := gammaRand(r, m.R) / m.Alpha
		ga, gb := gammaRand(r, m.A), gammaRand(r, m.B)
		p := ga / (ga + gb)
		nu := gammaRand(r, g.Q) / g.V
		t := math.Floor(r.Float64()*84) / 7 // first purchase, on a whole day
		c := app.CustomerPurchases{ID: "c" + itoa(i)}
		add := func(at float64) {
			day := simStart.AddDate(0, 0, int(at*7))
			cents := int64(math.Round(gammaRand(r, g.P) / nu * 100))
			if k := len(c.Days); k > 0 && c.Days[k-1].Day.Equal(day) {
				c.Days[k-1].Cents += cents
				return
			}
			c.Days = append(c.Days, app.PurchaseDay{Day: day, Cents: cents})
		}
		add(t)
		// A live customer buys at rate lambda; after each repeat purchase
		// they drop out with probability p.
		for {
			t += r.ExpFloat64() / lam
			if t >= end {
				break
			}
			add(t)
			if r.Float64() < p {
				break
			}
		}
		out = append(out, c)
	}
	return out
}

func itoa(i int) string { return decimal.NewFromInt(int64(i)).String() }

var simBG = app.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
var simGG = app.GammaGamma{P: 6.25, Q: 3.74, V: 15.44}

// TestFitRecoversSimulated: 20,000 customers drawn with the CDNOW BG/NBD
// parameters and Fader & Hardie's CDNOW Gamma-Gamma parameters, observed 78
// weeks; the fit recovers r and alpha within 10 %, a and b within 25 % (the
// drop-out Beta is the least identified part of the model), p within 15 %,
// and the population mean value p v/(q-1) within 5 %.
func TestFitRecoversSimulated(t *testing.T) {
	if testing.Short() {
		t.Skip("simulation fit")
	}
	cs := simulate(1, 20000, simBG, simGG, 78, 0)
	asOf := simStart.AddDate(0, 0, 78*7)
	res, err := app.PredictCLV(context.Background(), cs, app.CLVOptions{AsOf: asOf}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, g := res.Model.BGNBD, res.Model.GammaGamma
	t.Logf("BG/NBD %+v LL %.1f; Gamma-Gamma %+v; %d customers, %d repeat", b, res.Model.LogLikelihood, g, res.Model.Customers, res.Model.RepeatCustomers)
	within := func(name string, got, want, tol float64) {
		if math.Abs(got-want) > tol*want {
			t.Errorf("%s = %.4f, want %.4f within %.0f %%", name, got, want, tol*100)
		}
	}
	within("r", b.R, simBG.R, 0.10)
	within("alpha", b.Alpha, simBG.Alpha, 0.10)
	within("a", b.A, simBG.A, 0.25)
	within("b", b.B, simBG.B, 0.25)
	within("p", g.P, simGG.P, 0.15)
	within("mean value", g.P*g.V/(g.Q-1), simGG.P*simGG.V/(simGG.Q-1), 0.05)
	// The fitted optimum is at least as likely as the true parameters.
	in := app.SummarizePurchases(cs, asOf)
	truth := 0.0
	for _, c := range in {
		truth += app.BGNBDLogLikelihood(simBG, c.X, c.Tx(), c.T())
	}
	// The grouped sums the fit maximises equal the per-customer formulas.
	fitted, ggSum := 0.0, 0.0
	for _, c := range in {
		fitted += app.BGNBDLogLikelihood(b, c.X, c.Tx(), c.T())
		if c.X > 0 && c.Zbar > 0 {
			ggSum += app.GammaGammaLogLikelihood(g, c.X, c.Zbar)
		}
	}
	if math.Abs(fitted-res.Model.LogLikelihood) > 1e-6*math.Abs(fitted) || math.Abs(ggSum-res.Model.GGLogLikelihood) > 1e-6*math.Abs(ggSum) {
		t.Errorf("grouped LL %.3f / %.3f, per customer %.3f / %.3f", res.Model.LogLikelihood, res.Model.GGLogLikelihood, fitted, ggSum)
	}
	if res.Model.LogLikelihood < truth-1e-6 {
		t.Errorf("fitted LL %.3f below the true parameters' %.3f: the optimiser stopped early", res.Model.LogLikelihood, truth)
	}
	if len(res.Customers) != 20000 || len(res.ByID()) != 20000 {
		t.Errorf("%d predictions", len(res.Customers))
	}
}

// TestHoldoutSimulated: on simulated data with a 26-week holdout the
// predicted total of holdout repeat purchases is within 10 % of the actual,
// and the cumulative curve ends near the actual count.
func TestHoldoutSimulated(t *testing.T) {
	if testing.Short() {
		t.Skip("simulation fit")
	}
	cs := simulate(2, 10000, simBG, simGG, 52, 26)
	cal := simStart.AddDate(0, 0, 52*7)
	end := simStart.AddDate(0, 0, 78*7)
	h, err := app.HoldoutCheck(context.Background(), cs, cal, end, app.CLVOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("holdout %.1f weeks: predicted %.1f actual %.0f (%.1f %%)", h.HoldoutWeeks, h.Predicted, h.Actual, h.ErrorPercent())
	if math.Abs(h.ErrorPercent()) > 10 {
		t.Errorf("holdout error %.1f %%", h.ErrorPercent())
	}
	n := len(h.Weeks)
	if n < 77 || n > 79 {
		t.Fatalf("%d weeks", n)
	}
	if got, want := h.PredictedCumulative[n-1], h.ActualCumulative[n-1]; math.Abs(got-want) > 0.1*want {
		t.Errorf("cumulative at the end: predicted %.0f, actual %.0f", got, want)
	}
	l := app.English()
	for _, c := range []app.Chart{app.HoldoutCumulativeChart(l, h), app.HoldoutByXChart(l, h),
		app.PAliveChart(l, h.CLVResult, 500), app.CLVDistributionChart(l, h.CLVResult, "USD")} {
		if err := c.Validate(); err != nil || c.Empty() {
			t.Errorf("chart %s: %v (empty %v)", c.ID, err, c.Empty())
		}
	}
	if s := app.HoldoutSummary(l, h); s == "" {
		t.Error("no summary")
	}
}

func clvDay(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestSummarizePurchases(t *testing.T) {
	cs := []app.CustomerPurchases{
		{ID: "a", Days: []app.PurchaseDay{{clvDay("2024-01-01"), 1000}, {clvDay("2024-01-15"), 3000}, {clvDay("2024-01-29"), 5000}, {clvDay("2024-03-01"), 9900}}},
		{ID: "b", Days: []app.PurchaseDay{{clvDay("2024-01-08"), 500}}},
		{ID: "late", Days: []app.PurchaseDay{{clvDay("2024-02-20"), 500}}},
	}
	got := app.SummarizePurchases(cs, clvDay("2024-02-12"))
	if len(got) != 2 {
		t.Fatalf("%d customers, want 2 (late bought after as-of)", len(got))
	}
	a := got[0]
	if a.X != 2 || a.TxDays != 28 || a.TDays != 42 || a.Zbar != 40 || a.Tx() != 4 || a.T() != 6 {
		t.Errorf("a = %+v (tx %g, T %g), want x 2, t_x 4 w, T 6 w, zbar 40 (first day excluded, later day ignored)", a, a.Tx(), a.T())
	}
	if b := got[1]; b.X != 0 || b.Zbar != 0 || b.TDays != 35 {
		t.Errorf("b = %+v", b)
	}
	if n := app.NewestPurchase(cs); !n.Equal(clvDay("2024-03-01")) {
		t.Errorf("newest %v", n)
	}
}

// TestFitRefusesTooFew: under MinRepeatCustomers repeat buyers the fit is
// refused with EInvalid in the user's language.
func TestFitRefusesTooFew(t *testing.T) {
	var cs []app.CustomerPurchases
	for i := 0; i < 200; i++ {
		c := app.CustomerPurchases{ID: itoa(i), Days: []app.PurchaseDay{{clvDay("2024-01-01").AddDate(0, 0, i%50), 1000}}}
		if i < app.MinRepeatCustomers-1 {
			c.Days = append(c.Days, app.PurchaseDay{clvDay("2024-03-01"), 2000})
		}
		cs = append(cs, c)
	}
	_, err := app.PredictCLV(context.Background(), cs, app.CLVOptions{}, nil)
	if app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("err = %v, want EInvalid", err)
	}
	if msg := app.NewLocalizer(app.LangChinese).Message(err); msg == "" || msg == err.Error() {
		t.Errorf("Chinese message %q", msg)
	}
}

func TestCLVOptionsValidate(t *testing.T) {
	tests := []struct {
		name string
		o    app.CLVOptions
		ok   bool
	}{
		{"defaults", app.CLVOptions{}, true},
		{"margin 35 %", app.CLVOptions{Margin: decimal.RequireFromString("0.35")}, true},
		{"margin over 1", app.CLVOptions{Margin: decimal.RequireFromString("1.5")}, false},
		{"negative discount", app.CLVOptions{DiscountRate: decimal.RequireFromString("-0.1")}, false},
		{"horizon too long", app.CLVOptions{HorizonWeeks: 10000}, false},
	}
	for _, tt := range tests {
		if err := tt.o.Validate(); (err == nil) != tt.ok {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

// TestCLVDiscountAndMargin: CLV scales with the margin and discounting only
// lowers it.
func TestCLVDiscountAndMargin(t *testing.T) {
	cs := simulate(3, 3000, simBG, simGG, 52, 0)
	ctx := context.Background()
	asOf := simStart.AddDate(0, 0, 52*7)
	full, err := app.PredictCLV(ctx, cs, app.CLVOptions{AsOf: asOf}, nil)
	if err != nil {
		t.Fatal(err)
	}
	half, _ := app.PredictCLV(ctx, cs, app.CLVOptions{AsOf: asOf, Margin: decimal.RequireFromString("0.5")}, nil)
	disc, _ := app.PredictCLV(ctx, cs, app.CLVOptions{AsOf: asOf, DiscountRate: decimal.RequireFromString("0.2")}, nil)
	for i, c := range full.Customers {
		f, _ := c.CLV.Float64()
		h, _ := half.Customers[i].CLV.Float64()
		d, _ := disc.Customers[i].CLV.Float64()
		want := c.ExpectedPurchases * c.ExpectedValue.InexactFloat64()
		if math.Abs(f-want) > 1e-3 || math.Abs(h-f/2) > 1e-3 || d > f+1e-4 || (f > 1 && d > f*0.999) {
			t.Fatalf("%s: clv %g (want %g), half margin %g, discounted %g", c.ID, f, want, h, d)
		}
		if c.PAlive < 0 || c.PAlive > 1 || c.ExpectedPurchases < 0 {
			t.Fatalf("%s: %+v", c.ID, c)
		}
	}
}

// FuzzBGNBDLogLikelihood: for valid inputs (x >= 0, 0 <= t_x <= T,
// positive parameters) the log-likelihood is never NaN and never +Inf. (It
// may be positive: the likelihood is a density in t_x, not a probability.)
func FuzzBGNBDLogLikelihood(f *testing.F) {
	f.Add(0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86)
	f.Add(1e-6, 1e6, 1e-6, 1e6, 0, 0.0, 0.0)
	f.Add(50.0, 0.01, 1000.0, 0.01, 500, 1.0, 1000.0)
	f.Fuzz(func(t *testing.T, r, alpha, a, b float64, x int, tx, T float64) {
		for _, v := range []float64{r, alpha, a, b} {
			if !(v >= 1e-8 && v <= 1e8) {
				return
			}
		}
		if x < 0 || x > 100000 || !(tx >= 0 && tx <= T && T <= 1e5) {
			return
		}
		if x == 0 {
			tx = 0
		}
		ll := app.BGNBDLogLikelihood(app.BGNBD{R: r, Alpha: alpha, A: a, B: b}, x, tx, T)
		if math.IsNaN(ll) || math.IsInf(ll, 1) {
			t.Fatalf("LL(r=%g alpha=%g a=%g b=%g; x=%d tx=%g T=%g) = %g", r, alpha, a, b, x, tx, T, ll)
		}
	})
}

// BenchmarkFitBGNBD100k fits both models on 100,000 simulated customers
// observed 78 weeks (their summaries precomputed). Run:
//
//	CGO_ENABLED=0 go test ./app/ -run '^$' -bench FitBGNBD100k -benchtime 3x
func BenchmarkFitBGNBD100k(b *testing.B) {
	cs := simulate(4, 100000, simBG, simGG, 78, 0)
	asOf := simStart.AddDate(0, 0, 78*7)
	in := app.SummarizePurchases(cs, asOf)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := app.FitCLV(context.Background(), in, asOf, nil); err != nil {
			b.Fatal(err)
		}
	}
}
