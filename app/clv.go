package app

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// Predictive customer lifetime value (issue 8). The rules, as the guide
// states them:
//
//   - A purchase is a purchase day: a customer's non-cancelled lines on one
//     calendar day (UTC) are one purchase, worth the sum of all that day's
//     lines (cancellations that day net it down; IsCancellation). A day with
//     only cancellations is not a purchase and its value is not counted.
//   - Only days on or before the as-of date count (default: the newest
//     purchase day). Per customer, in weeks:
//     x = purchase days - 1, t_x = (last day - first day)/7,
//     T = (as-of - first day)/7, zbar = mean value of the repeat days (0
//     when x = 0).
//   - BG/NBD (r, alpha, a, b) is fitted on all customers; Gamma-Gamma (p, q,
//     v) on those with x > 0 and zbar > 0. Fewer than MinRepeatCustomers
//     repeat customers, or a BG/NBD fit that does not converge to usable
//     values, is refused (EInvalid) rather than shown.
//   - A Gamma-Gamma fit that is degenerate (SpendModelFits) does not fit
//     this shop: its parameters are not shown, and every purchase is valued
//     at one shop-wide figure (CLVModel.MeanRepeatValue): the fit's own
//     mean spend p v / (q - 1), the limit it runs off towards, when that is
//     finite; else the mean zbar of the repeat customers.
//   - P(alive) = 1 / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))
//   - E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1)
//     * (1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t)))
//     * P(alive)
//   - E[value] = p (v + x zbar) / (p x + q - 1)
//   - CLV = E[Y(H)] x E[value] x margin; with an annual discount rate d each
//     week k of the horizon is worth (E[Y(k)] - E[Y(k-1)]) / (1+d)^(k/52).
//     The margin is the shop's (ShopMargin) unless the person sets one.

// MinRepeatCustomers is the fewest customers with a repeat purchase the fit
// accepts; below it the parameters are noise.
const MinRepeatCustomers = 20

// PurchaseDay is one customer's purchase on one calendar day.
type PurchaseDay struct {
	Day   time.Time // midnight UTC
	Cents int64     // the day's lines net of cancellations, minor units
}

// CustomerPurchases is one customer's purchase days, oldest first.
type CustomerPurchases struct {
	ID   string
	Days []PurchaseDay
}

// CLVStore is what the prediction needs from a workspace.
type CLVStore interface {
	// PurchaseDays lists every customer's purchase days (see the rules
	// above), customers by id, days oldest first.
	PurchaseDays(ctx context.Context) ([]CustomerPurchases, error)
}

// CLVInput is one customer's summary at an as-of date. Days are kept
// as integers so equal summaries group exactly.
type CLVInput struct {
	ID     string
	X      int     // repeat purchases
	TxDays int     // first to last purchase day
	TDays  int     // first purchase day to as-of
	Zbar   float64 // mean repeat purchase value, currency units; 0 when X = 0
	First  time.Time
}

// Tx is t_x in weeks.
func (c CLVInput) Tx() float64 { return float64(c.TxDays) / 7 }

// T is T in weeks.
func (c CLVInput) T() float64 { return float64(c.TDays) / 7 }

// NewestPurchase is the newest purchase day of cs; zero when there is none.
func NewestPurchase(cs []CustomerPurchases) time.Time {
	var t time.Time
	for _, c := range cs {
		if n := len(c.Days); n > 0 && c.Days[n-1].Day.After(t) {
			t = c.Days[n-1].Day
		}
	}
	return t
}

// SummarizePurchases turns purchase days into CLVInputs at asOf, keeping the
// customers with a purchase on or before it.
func SummarizePurchases(cs []CustomerPurchases, asOf time.Time) []CLVInput {
	asOf = Day(asOf)
	out := make([]CLVInput, 0, len(cs))
	for _, c := range cs {
		n := 0
		for n < len(c.Days) && !c.Days[n].Day.After(asOf) {
			n++
		}
		if n == 0 {
			continue
		}
		first, last := c.Days[0].Day, c.Days[n-1].Day
		in := CLVInput{ID: c.ID, X: n - 1, TxDays: daysBetween(first, last), TDays: daysBetween(first, asOf), First: first}
		if n > 1 {
			var sum int64
			for _, d := range c.Days[1:n] {
				sum += d.Cents
			}
			in.Zbar = float64(sum) / 100 / float64(n-1)
		}
		out = append(out, in)
	}
	return out
}

// daysBetween is DaysBetween, by the Unix seconds when both are midnight
// UTC, as purchase days are: DaysBetween's calendar arithmetic, four
// times per customer, was 4 % of `clv` at a million order lines.
func daysBetween(a, b time.Time) int {
	sa, sb := a.Unix(), b.Unix()
	if a.Location() == time.UTC && b.Location() == time.UTC && a.Nanosecond() == 0 && b.Nanosecond() == 0 && sa%86400 == 0 && sb%86400 == 0 {
		return int((sb - sa) / 86400)
	}
	return DaysBetween(a, b)
}

// CLVOptions are the user's settings for a prediction.
type CLVOptions struct {
	AsOf         time.Time       // end of the calibration; zero: the newest purchase day
	HorizonWeeks int             // weeks ahead; 0: 52
	Margin       decimal.Decimal // gross margin as a rate; zero value: 1 (100 %)
	DiscountRate decimal.Decimal // annual rate, e.g. 0.1; zero: no discounting
}

func (o CLVOptions) withDefaults(cs []CustomerPurchases) CLVOptions {
	if o.AsOf.IsZero() {
		o.AsOf = NewestPurchase(cs)
	}
	o.AsOf = Day(o.AsOf)
	if o.HorizonWeeks <= 0 {
		o.HorizonWeeks = 52
	}
	if o.Margin.IsZero() {
		o.Margin = decimal.NewFromInt(1)
	}
	return o
}

// Validate checks the settings a person typed.
func (o CLVOptions) Validate() error {
	if o.HorizonWeeks < 0 || o.HorizonWeeks > 520 {
		return Errorf(EInvalid, "clv.err.horizon", o.HorizonWeeks)
	}
	if o.Margin.IsNegative() || o.Margin.GreaterThan(decimal.NewFromInt(1)) {
		return Errorf(EInvalid, "clv.err.margin", o.Margin.String())
	}
	if o.DiscountRate.IsNegative() || o.DiscountRate.GreaterThan(decimal.NewFromInt(1)) {
		return Errorf(EInvalid, "clv.err.discount", o.DiscountRate.String())
	}
	return nil
}

// CLVModel is a fitted model.
type CLVModel struct {
	BGNBD           BGNBD
	LogLikelihood   float64 // BG/NBD, summed over all customers
	GammaGamma      GammaGamma
	GGLogLikelihood float64
	// SpendFits is false when Gamma-Gamma does not fit this shop
	// (SpendModelFits): its parameters are then not shown, and every
	// purchase is valued at MeanRepeatValue.
	SpendFits bool
	// MeanRepeatValue is the value of a purchase when the spend model does
	// not fit, in currency units: p v / (q - 1) of the degenerate fit when
	// finite and positive (so the CLI's p, q and v still reproduce the
	// CSV), else the mean zbar of the repeat customers.
	MeanRepeatValue float64
	// Fit and SpendFit are how the BG/NBD and Gamma-Gamma optimisations
	// ended: a fit that stopped at the iteration cap keeps its best point
	// and is reported as not converged (Converged), not passed off as an
	// optimum.
	Fit, SpendFit   FitReport
	Customers       int
	RepeatCustomers int
	AsOf            time.Time
}

// SpendModelMaxQ is the largest Gamma-Gamma q taken as a fit. Customers'
// mean spends are p/ν with ν ~ Gamma(q, v), whose coefficient of variation
// is 1/sqrt(q - 2): at q = 1000 customers' average spends differ by about
// 3 % from one another, which is no difference the fit can measure. The
// likelihood then runs q and v off together (only p·v/(q - 1), the mean
// spend, stays put): the demo shop's fit stopped at q = 1.458e7,
// v = 1.283e8. Real fits sit far below the threshold (Fader and Hardie's
// CDNOW data: q = 3.74; the UCI retail sample here: q = 2.6 to 3.0), so it
// separates the two cases with orders of magnitude to spare.
const SpendModelMaxQ = 1000

// SpendModelFits reports whether a fitted Gamma-Gamma can be used: finite
// parameters and likelihood, q > 1 (else the mean spend p·v/(q-1) is not
// finite) and q <= SpendModelMaxQ.
func SpendModelFits(g GammaGamma, logLikelihood float64) bool {
	return finiteAll(g.P, g.Q, g.V, logLikelihood) && g.P > 0 && g.V > 0 && g.Q > 1 && g.Q <= SpendModelMaxQ
}

// CustomerCLV is one customer's prediction. ExpectedValue and CLV are model
// expectations in currency units, rounded to 4 places.
type CustomerCLV struct {
	CLVInput
	HorizonWeeks      int // the weeks ExpectedPurchases and CLV cover
	PAlive            float64
	ExpectedPurchases float64 // in the horizon
	ExpectedValue     decimal.Decimal
	CLV               decimal.Decimal
}

// CLVResult is a model and every customer's prediction.
type CLVResult struct {
	Model     CLVModel
	Options   CLVOptions // with defaults filled in
	Customers []CustomerCLV
}

// ByID indexes the predictions by customer id, for the customers table.
func (r CLVResult) ByID() map[string]CustomerCLV {
	m := make(map[string]CustomerCLV, len(r.Customers))
	for _, c := range r.Customers {
		m[c.ID] = c
	}
	return m
}

// FitCLV fits both models on the summaries. It refuses (EInvalid) data that
// cannot support a fit.
func FitCLV(ctx context.Context, in []CLVInput, asOf time.Time, progress func(float64)) (CLVModel, error) {
	m := CLVModel{Customers: len(in), AsOf: asOf}
	for _, c := range in {
		if c.X > 0 {
			m.RepeatCustomers++
		}
	}
	if m.RepeatCustomers < MinRepeatCustomers {
		return m, Errorf(EInvalid, "clv.err.too_few", m.RepeatCustomers, MinRepeatCustomers)
	}
	report := func(f float64) {
		if progress != nil {
			progress(f)
		}
	}
	// The two models share no parameters: the spend model fits on the
	// other core while BG/NBD fits here, which halves the wait at a
	// million lines (each takes about as long as the other there). A
	// refused or cancelled BG/NBD fit stops it.
	ggCtx, stopGG := context.WithCancel(ctx)
	defer stopGG()
	type ggFit struct {
		g   GammaGamma
		ll  float64
		rep FitReport
		err error
	}
	ggDone := make(chan ggFit, 1)
	go func() {
		var r ggFit
		r.g, r.ll, r.rep, r.err = fitGammaGamma(ggCtx, in)
		ggDone <- r
	}()
	var err error
	m.BGNBD, m.LogLikelihood, m.Fit, err = fitBGNBD(ctx, in, func(f float64) { report(0.85 * f) })
	if err != nil {
		return m, err
	}
	b := m.BGNBD
	// Parameters at the edge of their range are the model's limiting cases
	// (r, alpha -> infinity: every customer buys at the same rate; a -> 0,
	// b -> infinity: nobody drops out) and still predict; only a fit that
	// is not a number, or sits where the expectation divides by a - 1 = 0,
	// is refused.
	if !finiteAll(b.R, b.Alpha, b.A, b.B, m.LogLikelihood) || math.Abs(b.A-1) < 1e-6 {
		return m, Errorf(EInvalid, "clv.err.no_fit")
	}
	gg := <-ggDone
	m.GammaGamma, m.GGLogLikelihood, m.SpendFit, err = gg.g, gg.ll, gg.rep, gg.err
	if err != nil && ctx.Err() != nil {
		return m, Wrap(ctx.Err(), ECanceled, "clv.err.canceled")
	}
	m.SpendFits = err == nil && SpendModelFits(m.GammaGamma, m.GGLogLikelihood)
	if !m.SpendFits {
		g := m.GammaGamma
		if mean := g.P * g.V / (g.Q - 1); err == nil && g.Q > 1 && finiteAll(mean) && mean > 0 {
			m.MeanRepeatValue = mean
		} else {
			var sum float64
			for _, c := range in {
				if c.X > 0 {
					sum += c.Zbar
				}
			}
			m.MeanRepeatValue = sum / float64(m.RepeatCustomers)
		}
	}
	report(1)
	return m, nil
}

// Converged reports whether both optimisations met their convergence test
// before the iteration cap.
func (m CLVModel) Converged() bool { return m.Fit.Converged && m.SpendFit.Converged }

// ConvergenceNote tells the person, in l's language, that a fit stopped at
// the iteration cap: its figures are the best found, not an optimum. Empty
// when both fits converged.
func (m CLVModel) ConvergenceNote(l *Localizer) string {
	if m.Converged() {
		return ""
	}
	it := m.Fit.Iterations
	if !m.Fit.Converged {
		return l.T("clv.not_converged", l.T("clv.model.bgnbd"), it)
	}
	return l.T("clv.not_converged", l.T("clv.model.gg"), m.SpendFit.Iterations)
}

func finiteAll(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// PAlive is the probability the customer is still buying at T.
func (p BGNBD) PAlive(x int, tx, T float64) float64 {
	if x == 0 {
		return 1
	}
	fx := float64(x)
	l := math.Log(p.A) - math.Log(p.B+fx-1) + (p.R+fx)*(math.Log(p.Alpha+T)-math.Log(p.Alpha+tx))
	return 1 / (1 + math.Exp(l))
}

// ExpectedPurchases is E[Y(t) | x, t_x, T]: the purchases expected in the t
// weeks after T.
func (p BGNBD) ExpectedPurchases(t float64, x int, tx, T float64) float64 {
	if t <= 0 {
		return 0
	}
	fx := float64(x)
	z := t / (p.Alpha + T + t)
	h := Hyp2F1(p.R+fx, p.B+fx, p.A+p.B+fx-1, z)
	bracket := 1 - math.Exp((p.R+fx)*math.Log1p(-z))*h
	return (p.A + p.B + fx - 1) / (p.A - 1) * bracket * p.PAlive(x, tx, T)
}

// ExpectedRepeat is E[X(t)]: the repeat purchases a new customer is
// expected to make in the t weeks after their first.
func (p BGNBD) ExpectedRepeat(t float64) float64 {
	if t <= 0 {
		return 0
	}
	z := t / (p.Alpha + t)
	h := Hyp2F1(p.R, p.B, p.A+p.B-1, z)
	return (p.A + p.B - 1) / (p.A - 1) * (1 - math.Exp(p.R*math.Log1p(-z))*h)
}

// ExpectedValue is the expected value of a customer's future purchase:
// Gamma-Gamma's when the spend model fits, else the shop's mean repeat
// purchase value.
func (m CLVModel) ExpectedValue(x int, zbar float64) float64 {
	if !m.SpendFits {
		return m.MeanRepeatValue
	}
	return m.GammaGamma.ExpectedValue(x, zbar)
}

// ExpectedValue is E[Z | x, zbar], the expected value of a future purchase.
func (g GammaGamma) ExpectedValue(x int, zbar float64) float64 {
	if x == 0 || zbar <= 0 {
		return g.P * g.V / (g.Q - 1)
	}
	fx := float64(x)
	return g.P * (g.V + fx*zbar) / (g.P*fx + g.Q - 1)
}

// predictKey is what a customer's prediction depends on: customers with
// equal keys get equal predictions.
type predictKey struct {
	x, tx, t int
	zbar     float64
}

// groupPredictions returns the distinct prediction inputs of in, in their
// first customer's order, and for each customer the index of its own. At a
// million order lines the 90,101 customers with a purchase have 49,272
// distinct keys (every one-time buyer of a day shares one), so predicting
// each key once nearly halves Predict, whose cost is the hypergeometric
// series and the decimal rounding, not the loop.
func groupPredictions(in []CLVInput) (keys []predictKey, of []int32) {
	index := make(map[predictKey]int32, len(in)/2)
	of = make([]int32, len(in))
	for i, c := range in {
		k := predictKey{c.X, c.TxDays, c.TDays, c.Zbar}
		j, ok := index[k]
		if !ok {
			j = int32(len(keys))
			index[k] = j
			keys = append(keys, k)
		}
		of[i] = j
	}
	return keys, of
}

// Predict applies the model to each customer, once per distinct (x, t_x,
// T, zbar): the same arithmetic on the same values as per customer, so
// the figures are exactly those of a customer-by-customer loop.
func (m CLVModel) Predict(ctx context.Context, in []CLVInput, o CLVOptions, progress func(float64)) ([]CustomerCLV, error) {
	margin, _ := o.Margin.Float64()
	disc, _ := o.DiscountRate.Float64()
	h := float64(o.HorizonWeeks)
	keys, of := groupPredictions(in)
	type prediction struct {
		pAlive, expected float64
		value, clv       decimal.Decimal
	}
	preds := make([]prediction, len(keys))
	for i, k := range keys {
		if i%2000 == 0 {
			if ctx.Err() != nil {
				return nil, Wrap(ctx.Err(), ECanceled, "clv.err.canceled")
			}
			if progress != nil {
				progress(float64(i) / float64(len(keys)))
			}
		}
		tx, T := float64(k.tx)/7, float64(k.t)/7
		ey := m.BGNBD.ExpectedPurchases(h, k.x, tx, T)
		ev := m.ExpectedValue(k.x, k.zbar)
		purchases := ey
		if disc > 0 {
			// Discounted purchases: each week's increment at its present value.
			purchases = 0
			prev := 0.0
			for w := 1; w <= o.HorizonWeeks; w++ {
				cur := m.BGNBD.ExpectedPurchases(float64(w), k.x, tx, T)
				purchases += (cur - prev) / math.Pow(1+disc, float64(w)/52)
				prev = cur
			}
		}
		preds[i] = prediction{pAlive: m.BGNBD.PAlive(k.x, tx, T), expected: ey, value: round4(ev), clv: round4(purchases * ev * margin)}
	}
	out := make([]CustomerCLV, len(in))
	for i, c := range in {
		p := &preds[of[i]]
		out[i] = CustomerCLV{CLVInput: c, HorizonWeeks: o.HorizonWeeks, PAlive: p.pAlive, ExpectedPurchases: p.expected, ExpectedValue: p.value, CLV: p.clv}
	}
	return out, nil
}

// round4 is v to 4 decimal places as decimal.NewFromFloat(v).Round(4)
// gives it: v's shortest decimal form (the digits strconv prints), rounded
// half away from zero on those digits. The library takes a big.Int through
// Round's rescaling for each value, a tenth of a second of `clv` at a
// million order lines; here the digits are rounded in an int64, and only a
// value whose coefficient would not fit one (beyond 9.2e14) goes the
// library's way. TestRound4MatchesDecimal holds it to the library.
func round4(v float64) decimal.Decimal {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return decimal.Zero
	}
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], v, 'e', -1, 64) // [-]d[.ddd]e±dd
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	var mant int64
	nd, i := 0, 0
	for ; b[i] != 'e'; i++ {
		if b[i] != '.' {
			mant = mant*10 + int64(b[i]-'0')
			nd++
		}
	}
	e := 0
	for _, c := range b[i+2:] {
		e = e*10 + int(c-'0')
	}
	if b[i+1] == '-' {
		e = -e
	}
	// v = mant × 10^(e-nd+1); its coefficient at 10^-4 is mant × 10^shift.
	shift := e - nd + 1 + 4
	var coef int64
	switch {
	case shift >= 0:
		if shift >= len(pow10) || mant > math.MaxInt64/pow10[shift] {
			return decimal.NewFromFloat(v).Round(4)
		}
		coef = mant * pow10[shift]
	case -shift >= len(pow10):
		// mant has at most 17 digits: below half of the last place kept.
	default:
		p := pow10[-shift]
		coef = mant / p
		if mant%p >= p/2 { // the first digit dropped is 5 or more
			coef++
		}
	}
	if neg {
		coef = -coef
	}
	return decimal.New(coef, -4)
}

// pow10 are the powers of ten an int64 holds.
var pow10 = [...]int64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// PredictCLV fits the models on the purchases up to the as-of date and
// predicts every customer with a purchase by then. progress gets 0..1.
func PredictCLV(ctx context.Context, cs []CustomerPurchases, o CLVOptions, progress func(float64)) (CLVResult, error) {
	if err := o.Validate(); err != nil {
		return CLVResult{}, err
	}
	o = o.withDefaults(cs)
	report := func(f float64) {
		if progress != nil {
			progress(f)
		}
	}
	in := SummarizePurchases(cs, o.AsOf)
	model, err := FitCLV(ctx, in, o.AsOf, func(f float64) { report(0.8 * f) })
	if err != nil {
		return CLVResult{Model: model, Options: o}, err
	}
	preds, err := model.Predict(ctx, in, o, func(f float64) { report(0.8 + 0.2*f) })
	if err != nil {
		return CLVResult{}, err
	}
	report(1)
	return CLVResult{Model: model, Options: o, Customers: preds}, nil
}

// Holdout compares a model fitted up to CalibrationEnd with what happened
// after it, up to End.
type Holdout struct {
	CLVResult           // the fit on the calibration period
	CalibrationEnd, End time.Time
	Weeks               []time.Time // end day of each week from the first purchase
	PredictedCumulative []float64   // repeat purchases up to each week end, sum of E[X(t)] per customer
	ActualCumulative    []float64
	XLabels             []string  // "0".."6", "7+"
	PredictedMeanByX    []float64 // mean E[Y(holdout) | x, t_x, T] per x
	ActualMeanByX       []float64 // mean purchase days in the holdout per x
	CustomersByX        []int
	Predicted, Actual   float64 // repeat purchases in the holdout, all calibration customers
	HoldoutWeeks        float64
}

// ErrorPercent is (predicted - actual) / actual x 100; 0 when actual is 0.
func (h Holdout) ErrorPercent() float64 {
	if h.Actual == 0 {
		return 0
	}
	return (h.Predicted - h.Actual) / h.Actual * 100
}

const holdoutMaxX = 7

// HoldoutCheck fits on the purchases on or before calEnd and compares the
// predictions with the purchases after it, up to end (zero: the newest
// purchase day).
func HoldoutCheck(ctx context.Context, cs []CustomerPurchases, calEnd, end time.Time, o CLVOptions, progress func(float64)) (Holdout, error) {
	calEnd = Day(calEnd)
	if end.IsZero() {
		end = NewestPurchase(cs)
	}
	end = Day(end)
	if !end.After(calEnd) {
		return Holdout{}, Errorf(EInvalid, "clv.err.holdout_dates", calEnd.Format(time.DateOnly), end.Format(time.DateOnly))
	}
	o.AsOf = calEnd
	res, err := PredictCLV(ctx, cs, o, func(f float64) {
		if progress != nil {
			progress(0.9 * f)
		}
	})
	h := Holdout{CLVResult: res, CalibrationEnd: calEnd, End: end, HoldoutWeeks: float64(DaysBetween(calEnd, end)) / 7}
	if err != nil {
		return h, err
	}
	p := res.Model.BGNBD
	ids := make(map[string]int, len(res.Customers))
	for i, c := range res.Customers {
		ids[c.ID] = i
	}
	// Actual purchases per week and per customer in the holdout.
	first := calEnd
	for _, c := range res.Customers {
		if c.First.Before(first) {
			first = c.First
		}
	}
	nWeeks := (DaysBetween(first, end) + 6) / 7
	actualWeek := make([]float64, nWeeks+1)
	holdoutCount := make([]int, len(res.Customers))
	for _, c := range cs {
		i, ok := ids[c.ID]
		if !ok {
			continue
		}
		for _, d := range c.Days[1:] {
			if d.Day.After(end) {
				break
			}
			w := (DaysBetween(first, d.Day) + 6) / 7
			actualWeek[w]++
			if d.Day.After(calEnd) {
				holdoutCount[i]++
			}
		}
	}
	// Predicted: customers grouped by first day, each week E[X(t)].
	cohorts := map[time.Time]int{}
	for _, c := range res.Customers {
		cohorts[c.First]++
	}
	days := make([]time.Time, 0, len(cohorts))
	for d := range cohorts {
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
	cum := 0.0
	for w := 1; w <= nWeeks; w++ {
		if w%10 == 0 && ctx.Err() != nil {
			return h, Wrap(ctx.Err(), ECanceled, "clv.err.canceled")
		}
		weekEnd := first.AddDate(0, 0, 7*w)
		if weekEnd.After(end) {
			weekEnd = end
		}
		pred := 0.0
		for _, d := range days {
			if t := float64(DaysBetween(d, weekEnd)) / 7; t > 0 {
				pred += float64(cohorts[d]) * p.ExpectedRepeat(t)
			}
		}
		cum += actualWeek[w]
		h.Weeks = append(h.Weeks, weekEnd)
		h.PredictedCumulative = append(h.PredictedCumulative, pred)
		h.ActualCumulative = append(h.ActualCumulative, cum)
	}
	// Conditional expectations over the holdout, by x.
	n := holdoutMaxX + 1
	h.PredictedMeanByX, h.ActualMeanByX, h.CustomersByX = make([]float64, n), make([]float64, n), make([]int, n)
	for i := 0; i < n; i++ {
		label := strconv.Itoa(i)
		if i == holdoutMaxX {
			label += "+"
		}
		h.XLabels = append(h.XLabels, label)
	}
	for i, c := range res.Customers {
		e := p.ExpectedPurchases(h.HoldoutWeeks, c.X, c.Tx(), c.T())
		k := min(c.X, holdoutMaxX)
		h.PredictedMeanByX[k] += e
		h.ActualMeanByX[k] += float64(holdoutCount[i])
		h.CustomersByX[k]++
		h.Predicted += e
		h.Actual += float64(holdoutCount[i])
	}
	for k := range n {
		if c := h.CustomersByX[k]; c > 0 {
			h.PredictedMeanByX[k] /= float64(c)
			h.ActualMeanByX[k] /= float64(c)
		}
	}
	if progress != nil {
		progress(1)
	}
	return h, nil
}

// CLVCharts are the charts of a prediction, built here so the window and the
// HTML report draw the same ones.

// PAliveChart plots P(alive) against weeks since the last purchase
// (T - t_x), at most limit customers (evenly sampled) so the chart stays
// readable.
func PAliveChart(l *Localizer, r CLVResult, limit int) Chart {
	c := Chart{ID: "clv_palive", Title: l.T("clv.chart.palive"), Kind: ChartScatter,
		XLabel: l.T("clv.chart.palive.x"), YLabel: l.T("clv.chart.palive.y"), Unit: "%", XUnit: l.T("clv.unit.weeks"),
		Note: l.T("clv.chart.palive.note")}
	if len(r.Customers) == 0 {
		return c
	}
	s := Series{Name: l.T("clv.chart.palive.series")}
	step := max(1, len(r.Customers)/max(1, limit))
	for i := 0; i < len(r.Customers); i += step {
		cu := r.Customers[i]
		s.Points = append(s.Points, Point{X: math.Round((cu.T()-cu.Tx())*10) / 10, Y: math.Round(cu.PAlive*1000) / 10, Label: cu.ID})
	}
	c.Series = []Series{s}
	return c
}

// CLVDistributionChart counts customers by CLV band (bands of nice width).
func CLVDistributionChart(l *Localizer, r CLVResult, currency string) Chart {
	c := Chart{ID: "clv_distribution", Title: l.T("clv.chart.dist"), Kind: ChartBar,
		XLabel: l.T("clv.chart.dist.x", horizonOf(r.Options), currency), YLabel: l.T("clv.chart.dist.y"), Note: l.T("clv.chart.dist.note")}
	if len(r.Customers) == 0 {
		return c
	}
	vals := make([]float64, len(r.Customers))
	for i, cu := range r.Customers {
		vals[i], _ = cu.CLV.Float64()
	}
	slices.Sort(vals)
	// The top 5 % would stretch the axis: they share the last band.
	top := vals[int(0.95*float64(len(vals)-1))]
	const bands = 10
	width := niceStep(math.Max(top, 1) / bands)
	counts := make([]float64, bands+1)
	for _, v := range vals {
		counts[min(bands, max(0, int(v/width)))]++
	}
	for i := range bands {
		c.Categories = append(c.Categories, strconv.FormatFloat(float64(i)*width, 'f', -1, 64)+"–"+strconv.FormatFloat(float64(i+1)*width, 'f', -1, 64))
	}
	c.Categories = append(c.Categories, "≥ "+strconv.FormatFloat(bands*width, 'f', -1, 64))
	c.Series = []Series{{Name: l.T("clv.chart.dist.series"), Values: counts}}
	return c
}

// horizonOf is the prediction's horizon in weeks, 52 before any fit.
func horizonOf(o CLVOptions) int {
	if o.HorizonWeeks > 0 {
		return o.HorizonWeeks
	}
	return 52
}

// niceStep rounds v up to 1, 2 or 5 times a power of ten.
func niceStep(v float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// HoldoutCumulativeChart is the cumulative repeat purchases per week,
// predicted vs actual, with the holdout weeks shaded.
func HoldoutCumulativeChart(l *Localizer, h Holdout) Chart {
	c := Chart{ID: "clv_holdout_cumulative", Title: l.T("clv.chart.cum"), Kind: ChartLine,
		XLabel: l.T("clv.chart.cum.x"), YLabel: l.T("clv.chart.cum.y"), Note: l.T("clv.chart.cum.note")}
	if len(h.Weeks) == 0 {
		return c
	}
	from := -1
	for i, w := range h.Weeks {
		c.Categories = append(c.Categories, w.Format("2006-01-02"))
		if from < 0 && w.After(h.CalibrationEnd) {
			from = i
		}
	}
	round1 := func(vs []float64) []float64 {
		out := make([]float64, len(vs))
		for i, v := range vs {
			out[i] = math.Round(v*10) / 10
		}
		return out
	}
	c.Series = []Series{{Name: l.T("clv.chart.predicted"), Values: round1(h.PredictedCumulative)},
		{Name: l.T("clv.chart.actual"), Values: h.ActualCumulative}}
	if from >= 0 {
		c.Shade = &ChartRange{From: from, To: len(h.Weeks) - 1, Label: l.T("clv.chart.holdout")}
	}
	return c
}

// HoldoutByXChart is the mean holdout purchases per calibration x.
func HoldoutByXChart(l *Localizer, h Holdout) Chart {
	c := Chart{ID: "clv_holdout_by_x", Title: l.T("clv.chart.byx"), Kind: ChartBar,
		XLabel: l.T("clv.chart.byx.x"), YLabel: l.T("clv.chart.byx.y"), Note: l.T("clv.chart.byx.note")}
	if len(h.XLabels) == 0 || h.Actual+h.Predicted == 0 && len(h.Customers) == 0 {
		return c
	}
	round2 := func(vs []float64) []float64 {
		out := make([]float64, len(vs))
		for i, v := range vs {
			out[i] = math.Round(v*100) / 100
		}
		return out
	}
	c.Categories = h.XLabels
	c.Series = []Series{{Name: l.T("clv.chart.predicted"), Values: round2(h.PredictedMeanByX)},
		{Name: l.T("clv.chart.actual"), Values: round2(h.ActualMeanByX)}}
	return c
}

// HoldoutSummary is the error in words, e.g. "predicted 412, actual 398
// repeat purchases: 3.5 % over".
func HoldoutSummary(l *Localizer, h Holdout) string {
	pct := h.ErrorPercent()
	key := "clv.holdout.over"
	if pct < 0 {
		key = "clv.holdout.under"
	}
	return l.T(key, h.Predicted, h.Actual, math.Abs(pct), h.HoldoutWeeks)
}

// ParamsReading is the fitted parameters in plain language.
func ParamsReading(l *Localizer, m CLVModel) []string {
	b, g := m.BGNBD, m.GammaGamma
	// Mean purchase rate r/alpha per week; mean drop-out chance a/(a+b).
	out := []string{
		l.T("clv.read.rate", b.R/b.Alpha*52, b.R/b.Alpha),
		l.T("clv.read.dropout", b.A/(b.A+b.B)*100),
		l.T("clv.read.spread", b.R),
	}
	if b.A/(b.A+b.B) < 0.005 {
		out = append(out, l.T("clv.read.no_dropout"))
	}
	if m.SpendFits {
		out = append(out, l.T("clv.read.value", g.P*g.V/(g.Q-1)))
	} else {
		out = append(out, l.T("clv.spend.no_fit_read", m.MeanRepeatValue))
	}
	return out
}

// CLVHeader is the columns of the CLV export (CLI and window).
var CLVHeader = []string{"customer_id", "x", "t_x", "T", "zbar", "p_alive", "expected_purchases", "expected_value", "clv"}

// WriteCLVCSV writes one row per customer: t_x and T in weeks to 2 places,
// the rest to 4; ids escaped against formula injection (EscapeCell). The
// bytes are encoding/csv's for the same cells (TestWriteCLVCSVMatchesCSV),
// but the rows are appended to one buffer with strconv's Append functions:
// a string per cell through csv.Writer was an eighth of `clv` at a million
// order lines.
func WriteCLVCSV(w io.Writer, cs []CustomerCLV) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var cell csvCell
	row := make([]byte, 0, 256)
	for i, h := range CLVHeader {
		if i > 0 {
			row = append(row, ',')
		}
		row = cell.append(row, h)
	}
	row = append(row, '\n')
	if _, err := bw.Write(row); err != nil {
		return err
	}
	for _, c := range cs {
		row = cell.append(row[:0], EscapeCell(c.ID))
		row = append(row, ',')
		row = strconv.AppendInt(row, int64(c.X), 10)
		row = append(row, ',')
		row = strconv.AppendFloat(row, c.Tx(), 'f', 2, 64)
		row = append(row, ',')
		row = strconv.AppendFloat(row, c.T(), 'f', 2, 64)
		row = append(row, ',')
		row = strconv.AppendFloat(row, c.Zbar, 'f', 4, 64)
		row = append(row, ',')
		row = strconv.AppendFloat(row, c.PAlive, 'f', 4, 64)
		row = append(row, ',')
		row = strconv.AppendFloat(row, c.ExpectedPurchases, 'f', 4, 64)
		row = append(row, ',')
		row = appendFixed4(row, c.ExpectedValue)
		row = append(row, ',')
		row = appendFixed4(row, c.CLV)
		row = append(row, '\n')
		if _, err := bw.Write(row); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// csvCell writes a text cell as encoding/csv does. A cell of printable
// ASCII other than a comma or a quote (every customer id the imports
// make) needs no quotes and is copied; any other goes through csv.Writer
// itself, so the quoting rules stay the library's.
type csvCell struct {
	buf bytes.Buffer
	w   *csv.Writer
}

func (c *csvCell) append(dst []byte, s string) []byte {
	plain := s != `\.`
	for i := 0; plain && i < len(s); i++ {
		plain = s[i] > ' ' && s[i] < 0x7f && s[i] != ',' && s[i] != '"'
	}
	if plain {
		return append(dst, s...)
	}
	if c.w == nil {
		c.w = csv.NewWriter(&c.buf)
	}
	c.buf.Reset()
	c.w.Write([]string{s}) // into a bytes.Buffer: cannot fail
	c.w.Flush()
	return append(dst, bytes.TrimSuffix(c.buf.Bytes(), []byte("\n"))...)
}

// fixed4Max bounds the coefficients appendFixed4 formats itself.
var fixed4Max, fixed4Min = decimal.New(math.MaxInt64, -4), decimal.New(-math.MaxInt64, -4)

// appendFixed4 appends d.StringFixed(4). A decimal from round4 has
// exponent -4 and an int64 coefficient, written here without the big.Int
// string StringFixed makes; any other takes StringFixed.
func appendFixed4(dst []byte, d decimal.Decimal) []byte {
	if d.Exponent() != -4 || d.Cmp(fixed4Max) > 0 || d.Cmp(fixed4Min) < 0 {
		return append(dst, d.StringFixed(4)...)
	}
	c := d.CoefficientInt64()
	if c < 0 {
		dst = append(dst, '-')
		c = -c
	}
	dst = strconv.AppendInt(dst, c/10000, 10)
	frac := c % 10000
	return append(dst, '.', byte('0'+frac/1000), byte('0'+frac/100%10), byte('0'+frac/10%10), byte('0'+frac%10))
}
