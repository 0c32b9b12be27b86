package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// crowdedInputs makes n customer summaries drawn from few values, as day
// granular purchases give at scale: many customers share their (x, t_x, T)
// and their (x, zbar).
func crowdedInputs(n int, seed uint64) []CLVInput {
	r := rand.New(rand.NewPCG(seed, 5))
	in := make([]CLVInput, n)
	for i := range in {
		c := CLVInput{ID: strconv.Itoa(i), TDays: 300 + 7*r.IntN(8)}
		if r.Float64() < 0.6 {
			c.X = 1 + r.IntN(4)
			c.TxDays = 7 * r.IntN(6)
			c.Zbar = float64(1+r.IntN(4)) * 2.5
		}
		in[i] = c
	}
	return in
}

type triple struct{ x, tx, t int }

func distinctTriples(in []CLVInput) map[triple]int {
	m := map[triple]int{}
	for _, c := range in {
		m[triple{c.X, c.TxDays, c.TDays}]++
	}
	return m
}

// TestBGNBDLikelihoodIsWeightedOverDistinctCustomers: the fit's likelihood
// takes one term per distinct (x, t_x, T), weighted by how many customers
// share it, and sums to the per-customer likelihood. On 20,000 customers
// with at most 200 distinct summaries it evaluates that many terms, not
// 20,000, and with many groups per x it takes them from its tables of
// e^A3 and e^A4 (logLik), underflow guard included.
func TestBGNBDLikelihoodIsWeightedOverDistinctCustomers(t *testing.T) {
	in := crowdedInputs(20000, 1)
	want := distinctTriples(in)
	d := newBGNBDData(in)
	if len(d.groups) != len(want) || len(want) > 200 {
		t.Fatalf("%d likelihood terms for %d distinct (x, t_x, T) among %d customers", len(d.groups), len(want), len(in))
	}
	var n float64
	for _, g := range d.groups {
		k := triple{int(d.xs[g.xi]), int(math.Round(d.txs[g.txi] * 7)), int(math.Round(d.ts[g.ti] * 7))}
		if float64(want[k]) != g.n {
			t.Errorf("term %+v weighs %g, %d customers have it", k, g.n, want[k])
		}
		n += g.n
	}
	if n != float64(len(in)) {
		t.Errorf("weights sum to %g, want %d", n, len(in))
	}
	// CDNOW's parameters; the million-line workspace's optimum (nobody
	// drops out); a > b (ln(a) - ln(b+x-1) > 0); and r = 150 with alpha
	// near 0, where the tables would underflow and logLik takes logAddExp.
	params := []BGNBD{{0.243, 4.414, 0.793, 2.426}, {1.9, 55, 3.5e-7, 2735}, {0.5, 2, 50, 0.5}, {150, 1e-3, 0.8, 2.4}}
	for xi, px := range d.perX {
		if px.tabulated != (d.xs[xi] > 0) {
			t.Errorf("x = %g: tabulated %v", d.xs[xi], px.tabulated)
		}
	}
	// A factor that is not a number (or out of the tables' range) makes
	// the product's log not a number, as a sum of logs would be, so the
	// fit refuses the point rather than reading the NaN's bits as a float.
	for _, bad := range []float64{math.NaN(), math.Inf(1), 3, 0} {
		if l := logProduct([]bgGroup{{n: 2}}, []float64{bad}, []float64{0}); !math.IsNaN(l) {
			t.Errorf("factor %g: log product %g", bad, l)
		}
	}
	if l, want := logProduct([]bgGroup{{n: 3}, {ti: 1, n: 1}}, []float64{0.5, 1e-200}, []float64{0.25}), 3*math.Log(0.75)+math.Log(0.25+1e-200); math.Abs(l-want) > 1e-13 {
		t.Errorf("log product %.15g, want %.15g", l, want)
	}
	// Spread-out data: most x take logAddExp group by group.
	spread := randomInputs(3000, 1)
	for _, data := range [][]CLVInput{in, spread} {
		d := newBGNBDData(data)
		for _, p := range params {
			per := 0.0
			for _, c := range data {
				per += BGNBDLogLikelihood(p, c.X, c.Tx(), c.T())
			}
			if got := d.logLik(p); math.Abs(got-per) > 1e-12*math.Abs(per) {
				t.Errorf("%d customers, %+v: weighted %.15g, per customer %.15g", len(data), p, got, per)
			}
		}
	}
}

// TestGammaGammaLikelihoodIsWeightedOverDistinctCustomers: the same for the
// spend model over (x, zbar), against the per-customer formula.
func TestGammaGammaLikelihoodIsWeightedOverDistinctCustomers(t *testing.T) {
	in := crowdedInputs(20000, 2)
	f, mean := gammaGammaObjective(in)
	var sum, n float64
	for _, c := range in {
		if c.X > 0 {
			sum += c.Zbar
			n++
		}
	}
	if math.Abs(mean-sum/n) > 1e-12*mean {
		t.Errorf("mean zbar %g, want %g", mean, sum/n)
	}
	for _, g := range []GammaGamma{{6.25, 3.74, 15.44}, {1.9, 40, 500}, {0.8, 2.5, 3}} {
		per := 0.0
		for _, c := range in {
			if c.X > 0 && c.Zbar > 0 {
				per += GammaGammaLogLikelihood(g, c.X, c.Zbar)
			}
		}
		got := -f([]float64{math.Log(g.P), math.Log(g.Q), math.Log(g.V / g.Q)})
		if math.Abs(got-per) > 1e-10*math.Abs(per) {
			t.Errorf("%+v: weighted %.12g, per customer %.12g", g, got, per)
		}
	}
}

// TestFitOnDuplicatesEqualsFitOnEachCustomerOnce: a data set and the same
// data with every customer repeated k times have the same optimum (the
// likelihood is k times as large), so fitting on distinct summaries with
// their counts as weights loses nothing.
func TestFitOnDuplicatesEqualsFitOnEachCustomerOnce(t *testing.T) {
	ctx := context.Background()
	in := crowdedInputs(3000, 3)
	var tripled []CLVInput
	for range 3 {
		tripled = append(tripled, in...)
	}
	asOf := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	one, err := FitCLV(ctx, in, asOf, nil)
	if err != nil {
		t.Fatal(err)
	}
	three, err := FitCLV(ctx, tripled, asOf, nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(three.LogLikelihood-3*one.LogLikelihood) > 1e-8*math.Abs(three.LogLikelihood) {
		t.Errorf("LL %.9f, 3 x %.9f", three.LogLikelihood, one.LogLikelihood)
	}
	a, b := one.BGNBD, three.BGNBD
	for _, p := range [][2]float64{{a.R, b.R}, {a.Alpha, b.Alpha}, {a.A, b.A}, {a.B, b.B}} {
		if math.Abs(p[0]-p[1]) > 1e-5*math.Abs(p[0]) {
			t.Errorf("fit on the data %+v, on it three times %+v", a, b)
			break
		}
	}
}

// predictEach is Predict customer by customer, as it was written before it
// grouped equal customers: the reference the grouped Predict must equal.
func predictEach(m CLVModel, in []CLVInput, o CLVOptions) []CustomerCLV {
	margin, _ := o.Margin.Float64()
	disc, _ := o.DiscountRate.Float64()
	h := float64(o.HorizonWeeks)
	out := make([]CustomerCLV, len(in))
	for i, c := range in {
		tx, T := c.Tx(), c.T()
		ey := m.BGNBD.ExpectedPurchases(h, c.X, tx, T)
		ev := m.ExpectedValue(c.X, c.Zbar)
		purchases := ey
		if disc > 0 {
			purchases = 0
			prev := 0.0
			for k := 1; k <= o.HorizonWeeks; k++ {
				cur := m.BGNBD.ExpectedPurchases(float64(k), c.X, tx, T)
				purchases += (cur - prev) / math.Pow(1+disc, float64(k)/52)
				prev = cur
			}
		}
		out[i] = CustomerCLV{CLVInput: c, HorizonWeeks: o.HorizonWeeks, PAlive: m.BGNBD.PAlive(c.X, tx, T),
			ExpectedPurchases: ey, ExpectedValue: decimal.NewFromFloat(ev).Round(4), CLV: decimal.NewFromFloat(purchases * ev * margin).Round(4)}
	}
	return out
}

// TestPredictGroupedEqualsEachCustomer: predicting once per distinct
// (x, t_x, T, zbar) gives every customer exactly (bit for bit) what the
// customer-by-customer loop gave, with and without discounting, with and
// without a spend model that fits.
func TestPredictGroupedEqualsEachCustomer(t *testing.T) {
	in := append(crowdedInputs(5000, 4), randomInputs(2000, 4)...)
	m := CLVModel{BGNBD: BGNBD{0.243, 4.414, 0.793, 2.426}, GammaGamma: GammaGamma{6.25, 3.74, 15.44}, SpendFits: true}
	flat := m
	flat.SpendFits, flat.MeanRepeatValue = false, 23.456789
	for _, tt := range []struct {
		name string
		m    CLVModel
		o    CLVOptions
	}{
		{"plain", m, CLVOptions{HorizonWeeks: 52, Margin: decimal.RequireFromString("0.35")}},
		{"discounted", m, CLVOptions{HorizonWeeks: 26, Margin: decimal.NewFromInt(1), DiscountRate: decimal.RequireFromString("0.1")}},
		{"no spend fit", flat, CLVOptions{HorizonWeeks: 104, Margin: decimal.RequireFromString("0.4")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.m.Predict(context.Background(), in, tt.o, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := predictEach(tt.m, in, tt.o)
			for i := range want {
				g, w := got[i], want[i]
				if g.CLVInput != w.CLVInput || g.HorizonWeeks != w.HorizonWeeks || g.PAlive != w.PAlive || g.ExpectedPurchases != w.ExpectedPurchases ||
					g.ExpectedValue.String() != w.ExpectedValue.String() || g.CLV.String() != w.CLV.String() {
					t.Fatalf("customer %d: %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

// TestPredictComputesEachDistinctCustomerOnce: 20,000 customers with at
// most 776 distinct (x, t_x, T, zbar) cost Predict the allocations of that
// many predictions (two decimals each) and its slices, where predicting
// each customer made 40,000.
func TestPredictComputesEachDistinctCustomerOnce(t *testing.T) {
	in := crowdedInputs(20000, 5)
	keys, of := groupPredictions(in)
	if len(keys) > 776 {
		t.Fatalf("%d distinct predictions", len(keys))
	}
	for i, c := range in {
		if k := keys[of[i]]; k != (predictKey{c.X, c.TxDays, c.TDays, c.Zbar}) {
			t.Fatalf("customer %d %+v predicted as %+v", i, c, k)
		}
	}
	m := CLVModel{BGNBD: BGNBD{0.243, 4.414, 0.793, 2.426}, GammaGamma: GammaGamma{6.25, 3.74, 15.44}, SpendFits: true}
	o := CLVOptions{HorizonWeeks: 52, Margin: decimal.NewFromInt(1)}
	allocs := testing.AllocsPerRun(3, func() {
		if _, err := m.Predict(context.Background(), in, o, nil); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > float64(10*len(keys)) {
		t.Errorf("Predict made %.0f allocations for %d distinct of %d customers", allocs, len(keys), len(in))
	}
}

// TestRound4MatchesDecimal: round4 gives what decimal.NewFromFloat(v).Round(4)
// gives (value, exponent, text) on ties, negatives, tiny and huge values
// and random values of every magnitude.
func TestRound4MatchesDecimal(t *testing.T) {
	vs := []float64{0, math.Copysign(0, -1), 0.00005, -0.00005, 0.00004999, 0.00015, 1.23445, -1.23445, 2.5e-5, 0.5, 1,
		123456.78905, 9.99995, -9.99995, 1e-300, 5e-324, 1e14, 9.2e14, 9.3e14, 1e15, 1e20, -1e20, 1.7976931348623157e308, 0.1 + 0.2}
	r := rand.New(rand.NewPCG(7, 7))
	for range 200000 {
		v := r.Float64() * math.Pow(10, float64(r.IntN(36)-18))
		if r.IntN(2) == 0 {
			v = -v
		}
		vs = append(vs, v, math.Round(v*1e5)/1e5) // the second often a tie at the fifth place
	}
	for _, v := range vs {
		checkRound4(t, v)
	}
	if !round4(math.NaN()).Equal(decimal.Zero) || !round4(math.Inf(1)).Equal(decimal.Zero) {
		t.Error("NaN or Inf not zero")
	}
}

func checkRound4(t *testing.T, v float64) {
	t.Helper()
	got, want := round4(v), decimal.NewFromFloat(v).Round(4)
	if !got.Equal(want) || got.Exponent() != want.Exponent() || got.String() != want.String() {
		t.Fatalf("round4(%v) = %s (exp %d), want %s (exp %d)", v, got, got.Exponent(), want, want.Exponent())
	}
}

func FuzzRound4(f *testing.F) {
	for _, v := range []float64{0, 0.00005, -1.23445, 1e15, 3.3e-9} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		checkRound4(t, v)
	})
}

// writeCLVCSVWithCSV is WriteCLVCSV as it was written with encoding/csv:
// the bytes the faster writer must keep.
func writeCLVCSVWithCSV(cs []CustomerCLV) []byte {
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	cw.Write(CLVHeader)
	f := func(v float64, places int) string { return strconv.FormatFloat(v, 'f', places, 64) }
	for _, c := range cs {
		cw.Write([]string{EscapeCell(c.ID), strconv.Itoa(c.X), f(c.Tx(), 2), f(c.T(), 2), f(c.Zbar, 4),
			f(c.PAlive, 4), f(c.ExpectedPurchases, 4), c.ExpectedValue.StringFixed(4), c.CLV.StringFixed(4)})
	}
	cw.Flush()
	return b.Bytes()
}

// TestWriteCLVCSVMatchesCSV: the export's bytes are encoding/csv's for the
// same cells: ids that need quoting or escaping, non-ASCII ids, negative
// and huge values, decimals not from round4.
func TestWriteCLVCSVMatchesCSV(t *testing.T) {
	ids := []string{"12346", "", "a,b", `say "hi"`, " lead", "\tx", "a\nb", "a\r\nb", `\.`, "中文客户", "=SUM(A1)", "-1", "+7", "@x", "'q", "trail ", "x\x7f"}
	r := rand.New(rand.NewPCG(8, 8))
	var cs []CustomerCLV
	for i := range 5000 {
		c := CustomerCLV{CLVInput: CLVInput{ID: ids[i%len(ids)] + strconv.Itoa(i/len(ids)), X: r.IntN(40), TxDays: r.IntN(800), TDays: r.IntN(900),
			Zbar: (r.Float64() - 0.1) * math.Pow(10, float64(r.IntN(9)))}, PAlive: r.Float64(), ExpectedPurchases: r.ExpFloat64() * 10}
		c.ExpectedValue = round4((r.Float64() - 0.2) * math.Pow(10, float64(r.IntN(12))))
		c.CLV = round4(-r.Float64() * math.Pow(10, float64(r.IntN(20))))
		cs = append(cs, c)
	}
	cs[0].ID = ""
	cs[1].ExpectedValue, cs[1].CLV = decimal.NewFromInt(3), decimal.RequireFromString("123456789012345678901234.56789")
	cs[2].ExpectedValue, cs[2].CLV = decimal.Zero, decimal.RequireFromString("-0.00001")
	var got bytes.Buffer
	if err := WriteCLVCSV(&got, cs); err != nil {
		t.Fatal(err)
	}
	if want := writeCLVCSVWithCSV(cs); !bytes.Equal(got.Bytes(), want) {
		g, w := got.Bytes(), want
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		t.Fatalf("bytes differ at %d: got %q, want %q", i, g[max(0, i-40):min(len(g), i+40)], w[max(0, i-40):min(len(w), i+40)])
	}
	var empty bytes.Buffer
	if err := WriteCLVCSV(&empty, nil); err != nil || !bytes.Equal(empty.Bytes(), writeCLVCSVWithCSV(nil)) {
		t.Errorf("no customers: %q, %v", empty.String(), err)
	}
}

// TestLog1pSeries: the spend fit's log1p is within an ulp of math.Log1p
// where it sums the series (|y| < 2^-10) and is math.Log1p elsewhere.
func TestLog1pSeries(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	ys := []float64{0, 0x1p-10, -0x1p-10, math.Nextafter(0x1p-10, 0), math.Nextafter(-0x1p-10, 0), 1e-300, 0.5, 3, 1e6}
	for range 500000 {
		y := math.Pow(2, -10-40*r.Float64())
		if r.IntN(4) == 0 {
			y = -y
		}
		ys = append(ys, y)
	}
	for _, y := range ys {
		got, want := log1p(y), math.Log1p(y)
		if ulp := math.Abs(math.Nextafter(want, math.Inf(1)) - want); math.Abs(got-want) > ulp {
			t.Fatalf("log1p(%g) = %.17g, math.Log1p %.17g", y, got, want)
		}
	}
}

// TestDaysBetweenFastPath: SummarizePurchases' day count equals
// DaysBetween for midnights UTC (its fast path) and for any other times.
func TestDaysBetweenFastPath(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 10))
	shanghai := time.FixedZone("CST", 8*3600)
	base := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	for range 100000 {
		a := base.AddDate(0, 0, r.IntN(20000))
		b := base.AddDate(0, 0, r.IntN(20000))
		switch r.IntN(4) {
		case 1:
			b = b.Add(time.Duration(r.Int64N(int64(24 * time.Hour))))
		case 2:
			a = a.In(shanghai)
		case 3:
			a = time.Unix(a.Unix(), 0).UTC()
		}
		if got, want := daysBetween(a, b), DaysBetween(a, b); got != want {
			t.Fatalf("daysBetween(%v, %v) = %d, DaysBetween %d", a, b, got, want)
		}
	}
}
