package mock

import (
	"context"

	"github.com/seller-assistant/seller-assistant/app"
)

// CLVStore is a double of app.CLVStore; it works on a nil receiver (no
// purchases).
type CLVStore struct {
	PurchaseDaysFn func() ([]app.CustomerPurchases, error)
}

var _ app.CLVStore = (*CLVStore)(nil)

func (c *CLVStore) PurchaseDays(context.Context) ([]app.CustomerPurchases, error) {
	if c == nil || c.PurchaseDaysFn == nil {
		return nil, nil
	}
	return c.PurchaseDaysFn()
}
