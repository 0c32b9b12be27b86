package mock

import (
	"context"
	"slices"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// FXStore keeps rates in memory. A nil *FXStore (the Workspace's default)
// has no rates, so screens fall back to the built-in market rates.
type FXStore struct {
	Rates []app.FXRate
	Err   error // returned by every call when set
	// Base is the base currency SetBaseCurrency last set ("" untouched);
	// SetBaseFn, when set, is called instead.
	Base      string
	SetBaseFn func(ctx context.Context, cur string) error
	// Rebuilds are the currencies whose rate edits rebuild the order
	// summaries (the base and the orders' currencies, in the store);
	// RebuildErr, when set, fails such an edit as a failed rebuild does in
	// the store: with the error and nothing changed.
	Rebuilds   []string
	RebuildErr error
}

// FXEditRebuilds implements app.FXStore: whether currency is in Rebuilds.
func (m *FXStore) FXEditRebuilds(_ context.Context, currency string) (bool, error) {
	if m == nil {
		return false, nil
	}
	return slices.Contains(m.Rebuilds, currency), m.Err
}

// rebuildFails is RebuildErr for an edit of currency that rebuilds.
func (m *FXStore) rebuildFails(currency string) error {
	if slices.Contains(m.Rebuilds, currency) {
		return m.RebuildErr
	}
	return nil
}

var _ app.FXStore = (*FXStore)(nil)
var _ app.BaseCurrencyStore = (*FXStore)(nil)

// BaseCurrencies implements app.BaseCurrencyStore as the store does: CNY
// and the currencies with a rate.
func (m *FXStore) BaseCurrencies(ctx context.Context) ([]string, error) {
	rs, err := m.FXRates(ctx)
	return append([]string{"CNY"}, app.NewFXTable(rs).Currencies()...), err
}

func (m *FXStore) SetBaseCurrency(ctx context.Context, cur string) error {
	if m == nil {
		return nil
	}
	if m.SetBaseFn != nil {
		return m.SetBaseFn(ctx, cur)
	}
	if m.Err != nil {
		return m.Err
	}
	m.Base = cur
	return nil
}

func (m *FXStore) FXRates(context.Context) ([]app.FXRate, error) {
	if m == nil {
		return nil, nil
	}
	return append([]app.FXRate(nil), m.Rates...), m.Err
}

func (m *FXStore) SaveFXRate(_ context.Context, r app.FXRate) error {
	if m == nil {
		return nil
	}
	if m.Err != nil {
		return m.Err
	}
	if err := app.ValidateFXRate(r, time.Now()); err != nil {
		return err
	}
	if err := m.rebuildFails(r.Currency); err != nil {
		return err
	}
	for i, x := range m.Rates {
		if x.Currency == r.Currency && x.ValidFrom.Equal(r.ValidFrom) {
			m.Rates[i] = r
			return nil
		}
	}
	m.Rates = append(m.Rates, r)
	return nil
}

func (m *FXStore) DeleteFXRate(_ context.Context, currency string, validFrom time.Time) error {
	if m == nil {
		return nil
	}
	if m.Err != nil {
		return m.Err
	}
	if err := m.rebuildFails(currency); err != nil {
		return err
	}
	for i, x := range m.Rates {
		if x.Currency == currency && x.ValidFrom.Equal(validFrom) {
			m.Rates = append(m.Rates[:i], m.Rates[i+1:]...)
			return nil
		}
	}
	return app.Errorf(app.ENotFound, "error.not_found")
}
