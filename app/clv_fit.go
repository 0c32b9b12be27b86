package app

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sort"
)

// BGNBD holds the parameters of the BG/NBD model (Fader, Hardie & Lee 2005)
// with weeks as the time unit: while alive a customer buys at rate lambda ~
// Gamma(shape R, rate Alpha); after each purchase they drop out with
// probability p ~ Beta(A, B).
type BGNBD struct{ R, Alpha, A, B float64 }

// GammaGamma holds the parameters of the Gamma-Gamma spend model (Fader &
// Hardie 2013): each purchase's value z ~ Gamma(shape P, rate nu), nu ~
// Gamma(shape Q, rate V) per customer. The mean value of a purchase across
// customers is P*V/(Q-1).
type GammaGamma struct{ P, Q, V float64 }

// BGNBDLogLikelihood is the log-likelihood of one customer with x repeat
// purchases, the last t_x weeks after the first, observed for T weeks
// (FHL 2005, equation 6, in log space):
//
//	A1 = lnG(r+x) - lnG(r) + r ln(alpha)
//	A2 = lnG(a+b) + lnG(b+x) - lnG(b) - lnG(a+b+x)
//	A3 = -(r+x) ln(alpha+T)
//	A4 = ln(a) - ln(b+x-1) - (r+x) ln(alpha+t_x)   (only when x > 0)
//	LL = A1 + A2 + ln(e^A3 + [x>0] e^A4)
func BGNBDLogLikelihood(p BGNBD, x int, tx, T float64) float64 {
	fx := float64(x)
	lr, _ := math.Lgamma(p.R + fx)
	lr0, _ := math.Lgamma(p.R)
	lab, _ := math.Lgamma(p.A + p.B)
	lbx, _ := math.Lgamma(p.B + fx)
	lb, _ := math.Lgamma(p.B)
	labx, _ := math.Lgamma(p.A + p.B + fx)
	a1 := lr - lr0 + p.R*math.Log(p.Alpha)
	a2 := lab + lbx - lb - labx
	a3 := -(p.R + fx) * math.Log(p.Alpha+T)
	if x == 0 {
		return a1 + a2 + a3
	}
	a4 := math.Log(p.A) - math.Log(p.B+fx-1) - (p.R+fx)*math.Log(p.Alpha+tx)
	return a1 + a2 + logAddExp(a3, a4)
}

func logAddExp(u, v float64) float64 {
	if u < v {
		u, v = v, u
	}
	return u + math.Log1p(math.Exp(v-u))
}

// bgnbdData is the fit's input grouped by equal (x, t_x, T), with the
// distinct x, t_x and T kept apart so each likelihood evaluation takes the
// Lgamma and Log of each distinct value once instead of once per customer.
type bgnbdData struct {
	xs, txs, ts []float64 // distinct values; t_x and T in weeks
	groups      []bgGroup // ordered by x, then t_x, then T
	perX        []bgX     // the groups of each distinct x, by index into xs
	e3, e4      []float64 // logLik's tables, kept between evaluations
}

type bgGroup struct {
	xi, txi, ti int32
	n           float64 // customers in the group
}

// bgX is where the groups of one x sit in bgnbdData.groups, and the
// smallest and largest t_x and T index among them.
type bgX struct {
	from, to     int
	txiLo, txiHi int32
	tiLo, tiHi   int32
	tabulated    bool // worth logLik's tables (see there)
	customers    float64
}

func newBGNBDData(in []CLVInput) *bgnbdData {
	type key struct{ x, tx, t int }
	count := map[key]int{}
	xset, txset, tset := map[int]int{}, map[int]int{}, map[int]int{}
	for _, c := range in {
		count[key{c.X, c.TxDays, c.TDays}]++
		xset[c.X], txset[c.TxDays], tset[c.TDays] = 0, 0, 0
	}
	index := func(set map[int]int, scale float64) []float64 {
		vals := make([]int, 0, len(set))
		for v := range set {
			vals = append(vals, v)
		}
		sort.Ints(vals)
		out := make([]float64, len(vals))
		for i, v := range vals {
			set[v] = i
			out[i] = float64(v) / scale
		}
		return out
	}
	d := &bgnbdData{xs: index(xset, 1), txs: index(txset, 7), ts: index(tset, 7)}
	d.groups = make([]bgGroup, 0, len(count))
	for k, n := range count {
		d.groups = append(d.groups, bgGroup{int32(xset[k.x]), int32(txset[k.tx]), int32(tset[k.t]), float64(n)})
	}
	// A fixed order makes the sum, and so the fit, repeatable.
	slices.SortFunc(d.groups, func(a, b bgGroup) int {
		if a.xi != b.xi {
			return cmp.Compare(a.xi, b.xi)
		}
		if a.txi != b.txi {
			return cmp.Compare(a.txi, b.txi)
		}
		return cmp.Compare(a.ti, b.ti)
	})
	d.perX = make([]bgX, len(d.xs))
	for i, g := range d.groups {
		px := &d.perX[g.xi]
		if px.to == 0 {
			*px = bgX{from: i, txiLo: g.txi, txiHi: g.txi, tiLo: g.ti, tiHi: g.ti}
		}
		px.to = i + 1
		px.txiLo, px.txiHi = min(px.txiLo, g.txi), max(px.txiHi, g.txi)
		px.tiLo, px.tiHi = min(px.tiLo, g.ti), max(px.tiHi, g.ti)
		px.customers += g.n
	}
	for i := range d.perX {
		px := &d.perX[i]
		// An exp per table entry against an exp and a log1p per group.
		span := int(px.txiHi-px.txiLo+1) + int(px.tiHi-px.tiLo+1)
		px.tabulated = d.xs[i] > 0 && span < px.to-px.from
	}
	d.e3, d.e4 = make([]float64, len(d.ts)), make([]float64, len(d.txs))
	return d
}

// logLik sums BGNBDLogLikelihood over all customers.
//
// For x > 0 a customer's term is A1 + A2 + ln(e^A3 + e^A4), where A3
// depends on x and T only and A4 on x and t_x only. Where an x has more
// groups than distinct t_x and T among them (at a million order lines,
// x = 1 has 19,000 groups over 365 days of each), e^A3 and e^A4 are
// tabulated once per value, scaled by e^-K so the largest is 1, and the
// groups' e^A3 + e^A4 are multiplied into one product per x (logProduct):
// one Log per x instead of the Exp and Log1p of logAddExp per group, which
// were most of the fit, and the fit most of `clv`. The scaling keeps every
// entry above e^-690 or the x takes logAddExp, so nothing underflows; both
// forms are the same sum to rounding
// (TestBGNBDLikelihoodIsWeightedOverDistinctCustomers).
func (d *bgnbdData) logLik(p BGNBD) float64 {
	lr0, _ := math.Lgamma(p.R)
	lab, _ := math.Lgamma(p.A + p.B)
	lb, _ := math.Lgamma(p.B)
	la, lalpha := math.Log(p.A), math.Log(p.Alpha)
	ltx := make([]float64, len(d.txs))
	for i, v := range d.txs {
		ltx[i] = math.Log(p.Alpha + v)
	}
	lt := make([]float64, len(d.ts))
	for i, v := range d.ts {
		lt[i] = math.Log(p.Alpha + v)
	}
	sum := 0.0
	for xi, x := range d.xs {
		px := d.perX[xi]
		lr, _ := math.Lgamma(p.R + x)
		lbx, _ := math.Lgamma(p.B + x)
		labx, _ := math.Lgamma(p.A + p.B + x)
		base := lr - lr0 + p.R*lalpha + lab + lbx - lb - labx // A1 + A2
		rx := p.R + x
		groups := d.groups[px.from:px.to]
		if x == 0 {
			for _, g := range groups {
				sum += g.n * (base - rx*lt[g.ti])
			}
			continue
		}
		drop := la - math.Log(p.B+x-1) // ln(a) - ln(b+x-1)
		// The largest A3 and A4 are at the smallest T and t_x.
		k := max(-rx*lt[px.tiLo], drop-rx*ltx[px.txiLo])
		if !px.tabulated || -rx*lt[px.tiHi]-k < -690 || drop-rx*ltx[px.txiHi]-k < -690 {
			for _, g := range groups {
				sum += g.n * (base + logAddExp(-rx*lt[g.ti], drop-rx*ltx[g.txi]))
			}
			continue
		}
		e3, e4 := d.e3, d.e4
		for i := px.tiLo; i <= px.tiHi; i++ {
			e3[i] = math.Exp(-rx*lt[i] - k)
		}
		for i := px.txiLo; i <= px.txiHi; i++ {
			e4[i] = math.Exp(drop - rx*ltx[i] - k)
		}
		sum += (base+k)*px.customers + logProduct(groups, e3, e4)
	}
	return sum
}

// logProduct is the sum over groups of n ln(e3[T] + e4[t_x]), taken as
// the log of the product: the product is kept as a mantissa in [1, 2) and a
// power of two (moving the exponent bits is exact), so each customer costs
// a multiplication instead of a Log, and one Log ends the x. Every factor
// lies in [e^-690, 2], so no product underflows (a factor outside, which
// only parameters outside the fit's bounds could make, gives NaN, as the
// sum of logs would). The rounding of the multiplications adds up to a few
// 1e-16 relative, as a sum of Logs does.
func logProduct(groups []bgGroup, e3, e4 []float64) float64 {
	m, e := 1.0, 0
	for _, g := range groups {
		y := e3[g.ti] + e4[g.txi]
		if !(y >= 0x1p-1000 && y <= 2) {
			return math.NaN()
		}
		for c := 0.0; c < g.n; c++ {
			b := math.Float64bits(m * y)
			e += int(b>>52) - 1023
			m = math.Float64frombits(b&(1<<52-1) | 1023<<52)
		}
	}
	return math.Log(m) + float64(e)*math.Ln2
}

// GammaGammaLogLikelihood is the log-likelihood of one customer's mean
// repeat purchase value zbar over x > 0 purchases (Fader & Hardie 2013):
//
//	lnG(px+q) - lnG(px) - lnG(q) + q ln v + (px-1) ln zbar + px ln x - (px+q) ln(x zbar + v)
func GammaGammaLogLikelihood(g GammaGamma, x int, zbar float64) float64 {
	px := g.P * float64(x)
	l1, _ := math.Lgamma(px + g.Q)
	l2, _ := math.Lgamma(px)
	l3, _ := math.Lgamma(g.Q)
	return l1 - l2 - l3 + g.Q*math.Log(g.V) + (px-1)*math.Log(zbar) + px*math.Log(float64(x)) -
		(px+g.Q)*math.Log(float64(x)*zbar+g.V)
}

// warmStartCustomers is the size from which a fit first runs on a sample
// (every k-th of about warmStartSample inputs) and starts the full fit
// from the sample's optimum, with a small first simplex. At a million
// order lines (90k customers) each likelihood evaluation costs a few
// milliseconds and most of the iterations are spent walking from the
// generic start to the optimum; on the sample that walk is ~20x cheaper.
// The answer is still the full data's optimum under the same convergence
// test. The sample's fit already is the restart that guards a simplex
// against collapsing early, so the full fit runs one round instead of two.
// Below the threshold (the demo shop, the UCI sample) the fit runs exactly
// as before.
const (
	warmStartCustomers = 20_000
	warmStartSample    = 5_000
	warmStartStep      = 0.1
)

// warmStart returns every k-th input, k chosen so about warmStartSample
// remain; nil when in is below warmStartCustomers.
func warmStart(in []CLVInput) []CLVInput {
	if len(in) < warmStartCustomers {
		return nil
	}
	k := len(in) / warmStartSample
	out := make([]CLVInput, 0, len(in)/k+1)
	for i := 0; i < len(in); i += k {
		out = append(out, in[i])
	}
	return out
}

// fitBGNBD maximises the BG/NBD likelihood over log-parameters, so every
// step keeps r, alpha, a, b positive.
func fitBGNBD(ctx context.Context, in []CLVInput, progress func(float64)) (BGNBD, float64, FitReport, error) {
	// Start at a scale fitting the data: alpha near the mean observation
	// time, so the first simplex is not far off.
	d := newBGNBDData(in)
	meanT := 0.0
	for _, g := range d.groups {
		meanT += g.n * d.ts[g.ti]
	}
	meanT = max(1, meanT/float64(len(in)))
	x0, step, rounds := []float64{0, math.Log(meanT / 4), 0, 0}, 1.0, 2
	var warm FitReport
	if sample := warmStart(in); sample != nil {
		v, _, rep, err := fitBGNBDFrom(ctx, newBGNBDData(sample), x0, step, 2, nil)
		if err != nil {
			return BGNBD{}, 0, rep, err
		}
		x0, step, rounds, warm = v, warmStartStep, 1, rep
	}
	v, fv, rep, err := fitBGNBDFrom(ctx, d, x0, step, rounds, progress)
	rep.Iterations += warm.Iterations
	if err != nil {
		return BGNBD{}, 0, rep, err
	}
	return BGNBD{math.Exp(v[0]), math.Exp(v[1]), math.Exp(v[2]), math.Exp(v[3])}, -fv, rep, nil
}

// fitBGNBDFrom runs nelderMead on the BG/NBD likelihood of d from x0 (log
// parameters) and returns the log-parameters found.
func fitBGNBDFrom(ctx context.Context, d *bgnbdData, x0 []float64, step float64, rounds int, progress func(float64)) ([]float64, float64, FitReport, error) {
	fromLog := func(v []float64) BGNBD {
		return BGNBD{math.Exp(v[0]), math.Exp(v[1]), math.Exp(v[2]), math.Exp(v[3])}
	}
	f := func(v []float64) float64 {
		for _, e := range v {
			if e < -15 || e > 15 { // e^15 ≈ 3.3 million: past it the model is degenerate
				return math.Inf(1)
			}
		}
		ll := d.logLik(fromLog(v))
		if math.IsNaN(ll) {
			return math.Inf(1)
		}
		return -ll
	}
	return nelderMeadRounds(ctx, f, x0, step, rounds, progress)
}

// fitGammaGamma maximises the Gamma-Gamma likelihood over the customers with
// x > 0 and a positive mean value, grouped by equal (x, zbar), with the
// Lgamma terms taken once per distinct x.
//
// It searches over (ln p, ln q, ln(v/q)) rather than (ln p, ln q, ln v).
// When customers' mean spends do not differ (a shop whose order values are
// drawn alike for everyone, as the generated million-line workspace's are)
// the likelihood keeps rising as q and v grow together with v/q — the
// customers' common 1/E[nu] — fixed: in (ln q, ln v) that is a narrow
// diagonal valley, along which the simplex crawled for the whole
// iteration cap (8,000 iterations, 30 s of CPU at 49k repeat customers)
// without converging. With v/q as a coordinate the valley lies along the
// ln q axis alone, and the search stops against the bound on q in a few
// hundred iterations. Interior optima (the UCI sample's q = 2.6 to 3.0)
// are the same point in either coordinates.
func fitGammaGamma(ctx context.Context, in []CLVInput) (GammaGamma, float64, FitReport, error) {
	f, mean := gammaGammaObjective(in)
	// Start at p = 1, q = 2 and v = mean: the population mean p*v/(q-1)
	// equals the data's mean.
	x0, step, rounds := []float64{0, math.Log(2), math.Log(max(mean, 1e-6) / 2)}, 1.0, 2
	var warm FitReport
	if sample := warmStart(in); sample != nil {
		fs, _ := gammaGammaObjective(sample)
		v, _, rep, err := nelderMead(ctx, fs, x0, step, nil)
		if err != nil {
			return GammaGamma{}, 0, rep, err
		}
		x0, step, rounds, warm = v, warmStartStep, 1, rep
	}
	v, fv, rep, err := nelderMeadRounds(ctx, f, x0, step, rounds, nil)
	rep.Iterations += warm.Iterations
	if err != nil {
		return GammaGamma{}, 0, rep, err
	}
	q := math.Exp(v[1])
	return GammaGamma{P: math.Exp(v[0]), Q: q, V: q * math.Exp(v[2])}, -fv, rep, nil
}

// gammaGammaObjective is the negative Gamma-Gamma log-likelihood of in over
// (ln p, ln q, ln(v/q)), and the mean zbar of the customers it counts.
func gammaGammaObjective(in []CLVInput) (func([]float64) float64, float64) {
	type key struct {
		x    int
		zbar float64
	}
	count := map[key]float64{}
	mean, n := 0.0, 0.0
	for _, c := range in {
		if c.X > 0 && c.Zbar > 0 {
			count[key{c.X, c.Zbar}]++
			mean += c.Zbar
			n++
		}
	}
	keys := make([]key, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.x != b.x {
			return cmp.Compare(a.x, b.x)
		}
		return cmp.Compare(a.zbar, b.zbar)
	})
	type group struct{ xi, n, x, zbar, lzbar float64 }
	var xs []float64
	groups := make([]group, len(keys))
	for i, k := range keys {
		if len(xs) == 0 || xs[len(xs)-1] != float64(k.x) {
			xs = append(xs, float64(k.x))
		}
		groups[i] = group{float64(len(xs) - 1), count[k], float64(k.x), k.zbar, math.Log(k.zbar)}
	}
	lx := make([]float64, len(xs))
	for i, x := range xs {
		lx[i] = math.Log(x)
	}
	perX := make([]float64, len(xs))
	fromLog := func(v []float64) GammaGamma {
		q := math.Exp(v[1])
		return GammaGamma{P: math.Exp(v[0]), Q: q, V: q * math.Exp(v[2])}
	}
	f := func(v []float64) float64 {
		// e^15 ≈ 3.3 million: a q past it is a spend model that does not
		// fit (SpendModelMaxQ is 1,000), and v/q within e^±20 covers mean
		// spends from fractions of a cent to millions.
		if v[0] < -15 || v[0] > 15 || v[1] < -15 || v[1] > 15 || v[2] < -20 || v[2] > 20 {
			return math.Inf(1)
		}
		g := fromLog(v)
		// The likelihood of gammaGammaLogLikelihood rearranged so no two
		// large terms cancel: with v = q w,
		//   lnG(px+q) - lnG(q) + q ln v - (px+q) ln(x zbar + v)
		//   = lgammaDiff(q, px) - px ln v - (px+q) log1p(x zbar / v).
		// Written as it reads, each term is about q ln v (6e7 per
		// customer at q = 3e6) and their sum lost every digit below 1e-5:
		// the value jumped by that much between neighbouring points, and
		// the convergence test (1e-10 relative) could never hold.
		lv := v[1] + v[2] // ln v, exactly the coordinates' sum
		for i, x := range xs {
			px := g.P * x
			l2, _ := math.Lgamma(px)
			perX[i] = lgammaDiff(g.Q, px) - l2 + px*lx[i] - px*lv
		}
		sum := 0.0
		for _, gr := range groups {
			px := g.P * gr.x
			sum += gr.n * (perX[int(gr.xi)] + (px-1)*gr.lzbar - (px+g.Q)*log1p(gr.x*gr.zbar/g.V))
		}
		if math.IsNaN(sum) {
			return math.Inf(1)
		}
		return -sum
	}
	return f, mean / math.Max(1, n)
}

// log1p is math.Log1p(y) for y > -1. Below 2^-10 it sums the Taylor series
// to y^6/6, whose remainder there is under 1e-19 relative: within an ulp
// of math.Log1p (TestLog1pSeries) at a quarter of its cost. The spend fit
// takes one per (x, zbar) and evaluation, and where the spend model does
// not fit (v runs off to 1e8 and more) every argument is that small.
func log1p(y float64) float64 {
	if y < 0x1p-10 && y > -0x1p-10 {
		return y * (1 - y*(1.0/2-y*(1.0/3-y*(1.0/4-y*(1.0/5-y*(1.0/6))))))
	}
	return math.Log1p(y)
}

// FitReport is how an optimisation ended: the Nelder-Mead iterations it
// took over all its rounds, and whether its convergence test held before
// the iteration cap (nelderMeadMaxIter per round). A fit that hit the cap
// still returns its best point, and says so (CLVModel.Converged).
type FitReport struct {
	Iterations int
	Converged  bool
}

// nelderMeadMaxIter caps each round of nelderMead. Fits that converge take
// a few hundred iterations (TestGammaGammaConvergesOnFlatSpend); the cap is
// there so a fit that does not converge ends, and is reported, instead of
// running for minutes at a million order lines. A variable so a test can
// make a fit hit it.
var nelderMeadMaxIter = 4000

// lgammaDiff is lnG(q+a) - lnG(q) for a >= 0, without the cancellation of
// two large Lgamma values when q is large: from q = 100 on it uses
// Stirling's series, whose remainder there is below 1e-17, with the
// leading terms combined as a ln q + (q+a-1/2) log1p(a/q) - a.
func lgammaDiff(q, a float64) float64 {
	if q < 100 {
		l1, _ := math.Lgamma(q + a)
		l0, _ := math.Lgamma(q)
		return l1 - l0
	}
	tail := func(z float64) float64 { // 1/(12z) - 1/(360z^3) + 1/(1260z^5)
		z2 := z * z
		return (1.0/12 - (1.0/360-1.0/(1260*z2))/z2) / z
	}
	return a*math.Log(q) + (q+a-0.5)*math.Log1p(a/q) - a + tail(q+a) - tail(q)
}

// nelderMead minimises f from x0 with the Nelder-Mead simplex method,
// restarted once from its own answer (the usual guard against a simplex
// that collapsed early). A short one of our own rather than
// gonum/optimize: the problems have 3 or 4 parameters and no cheap
// gradient, and it keeps a new module out of the go.mod everyone shares.
// progress, if set, gets a rough fraction done. It converged when both
// rounds met their convergence test.
func nelderMead(ctx context.Context, f func([]float64) float64, x0 []float64, step float64, progress func(float64)) ([]float64, float64, FitReport, error) {
	return nelderMeadRounds(ctx, f, x0, step, 2, progress)
}

// nelderMeadRounds is nelderMead with rounds runs of the simplex, each
// from the last one's answer with a quarter of its step.
func nelderMeadRounds(ctx context.Context, f func([]float64) float64, x0 []float64, step float64, rounds int, progress func(float64)) ([]float64, float64, FitReport, error) {
	best, fbest := x0, f(x0)
	rep := FitReport{Converged: true}
	for round := 0; round < rounds; round++ {
		var err error
		var it int
		var ok bool
		best, fbest, it, ok, err = nelderMeadOnce(ctx, f, best, step, nelderMeadMaxIter, func(i int) {
			if progress != nil && i%20 == 0 {
				progress(math.Min(1, (float64(round)+float64(i)/600)/float64(rounds)))
			}
		})
		if err != nil {
			return nil, 0, rep, err
		}
		rep.Iterations += it
		rep.Converged = rep.Converged && ok
		step /= 4
	}
	if progress != nil {
		progress(1)
	}
	return best, fbest, rep, nil
}

// nelderMeadOnce runs one simplex from x0 until its convergence test holds
// (converged true) or maxIter iterations have run; it returns the best
// point, its value and the iterations taken.
func nelderMeadOnce(ctx context.Context, f func([]float64) float64, x0 []float64, step float64, maxIter int, iter func(int)) (best []float64, fbest float64, iters int, converged bool, err error) {
	n := len(x0)
	pts := make([][]float64, n+1)
	fs := make([]float64, n+1)
	for i := range pts {
		pts[i] = append([]float64(nil), x0...)
		if i > 0 {
			pts[i][i-1] += step
		}
		fs[i] = f(pts[i])
	}
	at := func(c []float64, w []float64, t float64) []float64 { // c + t (w - c)
		out := make([]float64, n)
		for j := range out {
			out[j] = c[j] + t*(w[j]-c[j])
		}
		return out
	}
	order := make([]int, n+1)
	it := 0
	for ; it < maxIter; it++ {
		if it%50 == 0 && ctx.Err() != nil {
			return nil, 0, it, false, Wrap(ctx.Err(), ECanceled, "clv.err.canceled")
		}
		iter(it)
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(i, j int) bool { return fs[order[i]] < fs[order[j]] })
		lo, hi, nh := order[0], order[n], order[n-1]
		// Converged when the values and the simplex have both shrunk.
		spread := 0.0
		for _, p := range pts {
			for j := range p {
				spread = math.Max(spread, math.Abs(p[j]-pts[lo][j]))
			}
		}
		if math.Abs(fs[hi]-fs[lo]) <= 1e-10*(math.Abs(fs[lo])+1e-10) && spread < 1e-7 {
			converged = true
			break
		}
		centroid := make([]float64, n)
		for i, p := range pts {
			if i == hi {
				continue
			}
			for j := range p {
				centroid[j] += p[j] / float64(n)
			}
		}
		xr := at(centroid, pts[hi], -1)
		fr := f(xr)
		switch {
		case fr < fs[lo]:
			xe := at(centroid, pts[hi], -2)
			if fe := f(xe); fe < fr {
				pts[hi], fs[hi] = xe, fe
			} else {
				pts[hi], fs[hi] = xr, fr
			}
		case fr < fs[nh]:
			pts[hi], fs[hi] = xr, fr
		default:
			var xc []float64
			if fr < fs[hi] {
				xc = at(centroid, xr, 0.5)
			} else {
				xc = at(centroid, pts[hi], 0.5)
			}
			if fc := f(xc); fc < math.Min(fr, fs[hi]) {
				pts[hi], fs[hi] = xc, fc
				continue
			}
			for i := range pts { // shrink towards the best point
				if i != lo {
					pts[i] = at(pts[lo], pts[i], 0.5)
					fs[i] = f(pts[i])
				}
			}
		}
	}
	lo := 0
	for i := range fs {
		if fs[i] < fs[lo] {
			lo = i
		}
	}
	return pts[lo], fs[lo], it, converged, nil
}
