package app_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

func TestChannelCost(t *testing.T) {
	ch := app.LogisticsChannel{FirstWeightKg: decimal.RequireFromString("0.5"), FirstPrice: decimal.RequireFromString("80"), PerKg: decimal.RequireFromString("30")}
	tests := map[string]string{"0.2": "80", "0.5": "80", "1.5": "110", "2": "125"}
	for kg, want := range tests {
		if got := app.ChannelCost(ch, decimal.RequireFromString(kg)); !got.Equal(decimal.RequireFromString(want)) {
			t.Errorf("cost of %s kg = %s, want %s", kg, got, want)
		}
	}
}
