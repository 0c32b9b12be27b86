package app

import (
	"context"
	"testing"
)

func TestOpenProgressFraction(t *testing.T) {
	for _, tt := range []struct {
		name        string
		done, total int64
		want        float64
	}{
		{"no measure", 5, 0, -1},
		{"start", 0, 1000, 0},
		{"half", 500, 1000, 0.5},
		{"past the count (lines added meanwhile)", 1200, 1000, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := (OpenProgress{Done: tt.done, Total: tt.total}).Fraction(); got != tt.want {
				t.Errorf("Fraction = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestOpenProgressTravelsInContext(t *testing.T) {
	if OpenProgressFrom(context.Background()) != nil {
		t.Fatal("an observer from nowhere")
	}
	var got OpenProgress
	ctx := WithOpenProgress(context.Background(), func(p OpenProgress) { got = p })
	OpenProgressFrom(ctx)(OpenProgress{Step: 2})
	if got.Step != 2 {
		t.Fatal("the observer was not the one set")
	}
}
