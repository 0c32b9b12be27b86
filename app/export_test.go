package app

import (
	"context"
	"math"
)

// ColdFits fits both models on in from the generic starting points,
// without the warm start from a sample that fitBGNBD and fitGammaGamma
// take above warmStartCustomers: the reference a warm-started fit must
// agree with.
func ColdFits(ctx context.Context, in []CLVInput) (BGNBD, float64, GammaGamma, float64, error) {
	d := newBGNBDData(in)
	meanT := 0.0
	for _, g := range d.groups {
		meanT += g.n * d.ts[g.ti]
	}
	meanT = max(1, meanT/float64(len(in)))
	v, fv, _, err := fitBGNBDFrom(ctx, d, []float64{0, math.Log(meanT / 4), 0, 0}, 1, 2, nil)
	if err != nil {
		return BGNBD{}, 0, GammaGamma{}, 0, err
	}
	f, mean := gammaGammaObjective(in)
	gv, gfv, _, err := nelderMead(ctx, f, []float64{0, math.Log(2), math.Log(max(mean, 1e-6) / 2)}, 1, nil)
	if err != nil {
		return BGNBD{}, 0, GammaGamma{}, 0, err
	}
	return BGNBD{math.Exp(v[0]), math.Exp(v[1]), math.Exp(v[2]), math.Exp(v[3])}, -fv,
		GammaGamma{P: math.Exp(gv[0]), Q: math.Exp(gv[1]), V: math.Exp(gv[1] + gv[2])}, -gfv, nil
}

// WarmStartCustomers is warmStartCustomers, for tests.
const WarmStartCustomers = warmStartCustomers
