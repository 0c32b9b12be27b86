package mock

import (
	"context"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// FXStore keeps rates in memory. A nil *FXStore (the Workspace's default)
// has no rates, so screens fall back to the built-in market rates.
type FXStore struct {
	Rates []app.FXRate
	Err   error // returned by every call when set
}

var _ app.FXStore = (*FXStore)(nil)

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
	for i, x := range m.Rates {
		if x.Currency == currency && x.ValidFrom.Equal(validFrom) {
			m.Rates = append(m.Rates[:i], m.Rates[i+1:]...)
			return nil
		}
	}
	return app.Errorf(app.ENotFound, "error.not_found")
}
