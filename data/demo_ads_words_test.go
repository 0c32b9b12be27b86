package data

import (
	"slices"
	"testing"
)

// The demo's search terms come from the words of a product's name a shopper
// would type: no sizes, counts or one-letter words; the SKU when none is left.
func TestDemoAdsWords(t *testing.T) {
	for _, c := range []struct {
		name, sku string
		want      []string
	}{
		{"Glass Water Bottle 1.2 L", "GWB-1", []string{"glass", "water", "bottle"}},
		{"Bamboo Cutting Board, Large (3 pcs)", "BCB", []string{"bamboo", "cutting", "board", "large"}},
		{"Mug x 2", "MUG-2", []string{"mug"}},
		{"500 ml (2 pcs)", "BOT-500", []string{"ml"}},
		{"1000 (2 pcs)", "BOT-1000", []string{"bot-1000"}},
	} {
		if got := demoAdsWords(c.name, c.sku); !slices.Equal(got, c.want) {
			t.Errorf("demoAdsWords(%q, %q) = %q, want %q", c.name, c.sku, got, c.want)
		}
	}
}
