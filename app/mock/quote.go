package mock

import (
	"context"

	"github.com/seller-assistant/seller-assistant/app"
)

// QuoteStore is a double of app.QuoteStore. A nil *QuoteStore (the
// Workspace's default) returns empty results, so screens that never save a
// quote need not set it.
type QuoteStore struct {
	QuotesFn           func() ([]app.SavedQuote, error)
	SaveQuoteFn        func(q app.SavedQuote) (int64, error)
	DeleteQuoteFn      func(id int64) error
	CompetitorPricesFn func(market, sku string) ([]app.CompetitorPrice, error)
}

var _ app.QuoteStore = (*QuoteStore)(nil)

func (m *QuoteStore) Quotes(context.Context) ([]app.SavedQuote, error) {
	if m == nil || m.QuotesFn == nil {
		return nil, nil
	}
	return m.QuotesFn()
}

func (m *QuoteStore) SaveQuote(_ context.Context, q app.SavedQuote) (int64, error) {
	if m == nil || m.SaveQuoteFn == nil {
		return 0, nil
	}
	return m.SaveQuoteFn(q)
}

func (m *QuoteStore) DeleteQuote(_ context.Context, id int64) error {
	if m == nil || m.DeleteQuoteFn == nil {
		return nil
	}
	return m.DeleteQuoteFn(id)
}

func (m *QuoteStore) CompetitorPrices(_ context.Context, market, sku string) ([]app.CompetitorPrice, error) {
	if m == nil || m.CompetitorPricesFn == nil {
		return nil, nil
	}
	return m.CompetitorPricesFn(market, sku)
}
