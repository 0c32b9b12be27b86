package app

import (
	"context"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// randomInputs makes n customer summaries with repeat purchases spread
// over a year and spends that vary by customer: any such data has a
// likelihood optimum for the fits to find.
func randomInputs(n int, seed uint64) []CLVInput {
	r := rand.New(rand.NewPCG(seed, 3))
	in := make([]CLVInput, n)
	for i := range in {
		T := 1 + r.IntN(364)
		c := CLVInput{ID: string(rune('a' + i%26)), TDays: T}
		if r.Float64() < 0.55 {
			c.X = 1 + int(r.ExpFloat64()*3)
			c.TxDays = r.IntN(T + 1)
			c.Zbar = math.Round((5+r.ExpFloat64()*20)*(0.5+r.Float64())*100) / 100
		}
		in[i] = c
	}
	return in
}

// TestIterationCapIsReported: a fit stopped by the iteration cap keeps its
// best point but says it did not converge, and the note that tells the
// person so exists in both languages with the iterations in it.
func TestIterationCapIsReported(t *testing.T) {
	defer func(n int) { nelderMeadMaxIter = n }(nelderMeadMaxIter)
	nelderMeadMaxIter = 15
	m, err := FitCLV(context.Background(), randomInputs(500, 2), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.Converged() || m.Fit.Converged || m.Fit.Iterations != 30 {
		t.Fatalf("capped fit: %+v %+v, want not converged after 2 x 15 iterations", m.Fit, m.SpendFit)
	}
	en, zh := m.ConvergenceNote(English()), m.ConvergenceNote(NewLocalizer(LangChinese))
	if !strings.Contains(en, "30 iterations") || !strings.Contains(zh, "30") || en == zh {
		t.Errorf("notes %q / %q", en, zh)
	}
	nelderMeadMaxIter = 4000
	m, err = FitCLV(context.Background(), randomInputs(500, 2), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	if err != nil || !m.Converged() || m.ConvergenceNote(English()) != "" {
		t.Errorf("uncapped fit: %+v %+v, note %q, %v", m.Fit, m.SpendFit, m.ConvergenceNote(English()), err)
	}
}

// TestLgammaDiff: the Stirling form (from q = 100 on) agrees with the
// plain difference of Lgamma to the precision that difference has.
func TestLgammaDiff(t *testing.T) {
	for _, q := range []float64{0.5, 3, 99.9, 100, 150, 1e3, 1e4} {
		for _, a := range []float64{0.01, 0.7, 3.5, 40, 500} {
			l1, _ := math.Lgamma(q + a)
			l0, _ := math.Lgamma(q)
			want := l1 - l0
			// The reference itself is only as exact as Lgamma's last
			// bits allow: a few ulps of lnG(q+a).
			tol := 1e-13*math.Max(1, math.Abs(want)) + 8e-16*math.Abs(l1)
			if got := lgammaDiff(q, a); math.Abs(got-want) > tol {
				t.Errorf("lgammaDiff(%g, %g) = %.15g, want %.15g", q, a, got, want)
			}
		}
	}
}
