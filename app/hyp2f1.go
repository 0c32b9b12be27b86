package app

import "math"

// Hyp2F1 is the Gaussian hypergeometric function 2F1(a, b; c; z) for real
// arguments and z < 1, as the BG/NBD conditional expectation needs it
// (there z = t/(alpha+T+t) lies in [0, 1)).
//
//   - |z| <= 0.9: the power series sum_n (a)_n (b)_n / ((c)_n n!) z^n, which
//     converges for |z| < 1 (about 350 terms at z = 0.9).
//   - z < -0.9: Pfaff's transformation 2F1(a,b;c;z) =
//     (1-z)^-a 2F1(a, c-b; c; z/(z-1)), which maps z into (0.47, 1).
//   - 0.9 < z < 1: the 1-z transformation (Abramowitz & Stegun 15.3.6) when
//     c-a-b is not close to an integer; when it is (the transformation then
//     needs the logarithmic case 15.3.10-12), the series with enough terms.
//
// It returns NaN when z >= 1 or c is zero or a negative integer.
func Hyp2F1(a, b, c, z float64) float64 {
	if z >= 1 || math.IsNaN(z) || (c <= 0 && c == math.Floor(c)) {
		return math.NaN()
	}
	if z == 0 || a == 0 || b == 0 {
		return 1
	}
	switch {
	case z < -0.9:
		w := z / (z - 1)
		return math.Pow(1-z, -a) * Hyp2F1(a, c-b, c, w)
	case z > 0.9:
		d := c - a - b
		if math.Abs(d-math.Round(d)) > 1e-3 {
			if v, ok := hyp2f1OneMinusZ(a, b, c, z); ok {
				return v
			}
		}
	}
	return hyp2f1Series(a, b, c, z)
}

// hyp2f1Series sums the power series until a term no longer changes the sum
// (relative 1e-15) or the budget runs out; the budget grows as z nears 1,
// where the terms fall like z^n.
func hyp2f1Series(a, b, c, z float64) float64 {
	sum, term := 1.0, 1.0
	limit := 200000
	for n := 0; n < limit; n++ {
		fn := float64(n)
		term *= (a + fn) * (b + fn) / ((c + fn) * (fn + 1)) * z
		sum += term
		if term == 0 || (math.Abs(term) < 1e-16*math.Abs(sum) && fn > math.Abs(a*b/c)) {
			break
		}
		if math.IsInf(sum, 0) || math.IsNaN(sum) {
			return sum
		}
	}
	return sum
}

// hyp2f1OneMinusZ is A&S 15.3.6:
//
//	2F1(a,b;c;z) = G(c)G(c-a-b)/(G(c-a)G(c-b)) 2F1(a, b; a+b-c+1; 1-z)
//	  + (1-z)^(c-a-b) G(c)G(a+b-c)/(G(a)G(b)) 2F1(c-a, c-b; c-a-b+1; 1-z)
//
// with the Gamma ratios taken in log space (with signs) so large
// parameters do not overflow. ok is false when a Gamma argument is a pole.
func hyp2f1OneMinusZ(a, b, c, z float64) (float64, bool) {
	w := 1 - z
	d := c - a - b
	c1, ok1 := gammaRatio([]float64{c, d}, []float64{c - a, c - b})
	c2, ok2 := gammaRatio([]float64{c, -d}, []float64{a, b})
	if !ok1 || !ok2 {
		return 0, false
	}
	t1 := 0.0
	if c1 != 0 {
		t1 = c1 * hyp2f1Series(a, b, 1-d, w)
	}
	t2 := 0.0
	if c2 != 0 {
		t2 = c2 * math.Pow(w, d) * hyp2f1Series(c-a, c-b, d+1, w)
	}
	return t1 + t2, true
}

// gammaRatio is prod G(num) / prod G(den); 1/G at a pole is 0, a pole in
// the numerator is not ok.
func gammaRatio(num, den []float64) (float64, bool) {
	lg, sign := 0.0, 1.0
	for _, x := range num {
		if x <= 0 && x == math.Floor(x) {
			return 0, false
		}
		v, s := math.Lgamma(x)
		lg += v
		sign *= float64(s)
	}
	for _, x := range den {
		if x <= 0 && x == math.Floor(x) {
			return 0, true
		}
		v, s := math.Lgamma(x)
		lg -= v
		sign *= float64(s)
	}
	return sign * math.Exp(lg), true
}
