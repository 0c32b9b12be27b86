package data

import (
	"context"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

var _ app.FXStore = (*Store)(nil)

// FXRates implements app.FXStore, oldest first per currency.
func (s *Store) FXRates(ctx context.Context) ([]app.FXRate, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT currency, valid_from, cny_per_unit, note FROM fx_rates
		ORDER BY currency, valid_from`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.FXRate
	for rows.Next() {
		var r app.FXRate
		var day, rate string
		if err := rows.Scan(&r.Currency, &day, &rate, &r.Note); err != nil {
			return nil, s.fail(err)
		}
		if r.ValidFrom, err = time.Parse(time.DateOnly, day); err != nil {
			return nil, s.fail(err)
		}
		if r.CNYPerUnit, err = decimal.NewFromString(rate); err != nil {
			return nil, s.fail(err)
		}
		out = append(out, r)
	}
	return out, s.fail(rows.Err())
}

// SaveFXRate implements app.FXStore.
func (s *Store) SaveFXRate(ctx context.Context, r app.FXRate) error {
	if err := app.ValidateFXRate(r, time.Now()); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO fx_rates (currency, valid_from, cny_per_unit, note) VALUES (?, ?, ?, ?)
		ON CONFLICT (currency, valid_from) DO UPDATE SET cny_per_unit = excluded.cny_per_unit, note = excluded.note`,
		r.Currency, r.ValidFrom.Format(time.DateOnly), r.CNYPerUnit.String(), r.Note)
	return s.fail(err)
}

// DeleteFXRate implements app.FXStore.
func (s *Store) DeleteFXRate(ctx context.Context, currency string, validFrom time.Time) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM fx_rates WHERE currency = ? AND valid_from = ?`,
		currency, validFrom.Format(time.DateOnly))
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}
