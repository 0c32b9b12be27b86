package data

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

var _ app.FXStore = (*Store)(nil)
var _ app.BaseCurrencyStore = (*Store)(nil)

// FXRates implements app.FXStore, oldest first per currency.
func (s *Store) FXRates(ctx context.Context) ([]app.FXRate, error) {
	rs, err := readFXRates(ctx, s.db)
	return rs, s.fail(err)
}

// SaveFXRate implements app.FXStore. A rate of the base currency or of a
// currency the orders are in changes the summaries: they are rebuilt in
// the same transaction.
func (s *Store) SaveFXRate(ctx context.Context, r app.FXRate) error {
	if err := app.ValidateFXRate(r, time.Now()); err != nil {
		return err
	}
	return s.changeFX(ctx, r.Currency, func(q execer) error {
		_, err := q.ExecContext(ctx, `INSERT INTO fx_rates (currency, valid_from, cny_per_unit, note) VALUES (?, ?, ?, ?)
			ON CONFLICT (currency, valid_from) DO UPDATE SET cny_per_unit = excluded.cny_per_unit, note = excluded.note`,
			r.Currency, r.ValidFrom.Format(time.DateOnly), r.CNYPerUnit.String(), r.Note)
		return err
	})
}

// DeleteFXRate implements app.FXStore. The last rate of a currency the
// orders are in (or of the base, while orders in other currencies need it)
// is refused: those orders could no longer be converted.
func (s *Store) DeleteFXRate(ctx context.Context, currency string, validFrom time.Time) error {
	var missing bool
	err := s.changeFX(ctx, currency, func(q execer) error {
		res, err := q.ExecContext(ctx, `DELETE FROM fx_rates WHERE currency = ? AND valid_from = ?`,
			currency, validFrom.Format(time.DateOnly))
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		missing = n == 0
		return err
	})
	if missing && err == nil {
		return app.Errorf(app.ENotFound, "error.not_found")
	}
	if e := (*app.Error)(nil); errors.As(err, &e) && e.Key == "fx.err.no_rate" {
		return app.Wrap(err, app.EConflict, "fx.err.in_use", currency)
	}
	return err
}

// FXEditRebuilds implements app.FXStore by the rule changeFX follows
// (fxTouchesOrders), read in a read-only transaction so the base and the
// order currencies are one consistent snapshot.
func (s *Store) FXEditRebuilds(ctx context.Context, currency string) (bool, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return false, s.fail(err)
	}
	defer tx.Rollback()
	touches, err := fxTouchesOrders(ctx, tx, currency)
	return touches, s.fail(err)
}

// changeFX runs change and, when the rates of cur matter to the orders,
// rebuilds the summaries, all in one transaction.
func (s *Store) changeFX(ctx context.Context, cur string, change func(q execer) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(err)
	}
	defer tx.Rollback()
	if err := change(tx); err != nil {
		return s.fail(err)
	}
	touches, err := fxTouchesOrders(ctx, tx, cur)
	if err != nil {
		return s.fail(err)
	}
	if touches {
		if err := rebuildSummaries(ctx, tx); err != nil {
			return s.failKeep(err)
		}
	}
	return s.fail(tx.Commit())
}

// execer is a transaction or the database.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// failKeep is fail for an error that may already be one a person can act
// on (an *app.Error from a rule checked inside the transaction).
func (s *Store) failKeep(err error) error {
	if e := (*app.Error)(nil); errors.As(err, &e) {
		return err
	}
	return s.fail(err)
}
