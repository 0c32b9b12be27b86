package data

import (
	"context"
	"errors"
	"strings"

	"github.com/shopspring/decimal"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/seller-assistant/seller-assistant/app"
)

// Channels implements app.Workspace: logistics channels by name.
func (s *Store) Channels(ctx context.Context) ([]app.LogisticsChannel, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, type, market, first_weight_g, first_price_fen, per_kg_fen,
		vol_divisor, days_min, days_max, tracking, stability, restrictions, fulfilment_cents, max_weight_g,
		battery_ok, liquid_ok, min_charge_fen, carton_units, storage_cents FROM logistics_channels ORDER BY name`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.LogisticsChannel
	for rows.Next() {
		var c app.LogisticsChannel
		var firstW, firstP, perKg, fulfil, maxW, minCharge, storage int64
		if err := rows.Scan(&c.ID, &c.Name, &c.Type, &c.Market, &firstW, &firstP, &perKg, &c.VolDivisor,
			&c.DaysMin, &c.DaysMax, &c.Tracking, &c.Stability, &c.Restrictions, &fulfil, &maxW,
			&c.BatteryOK, &c.LiquidOK, &minCharge, &c.CartonUnits, &storage); err != nil {
			return nil, s.fail(err)
		}
		c.FirstWeightKg, c.FirstPrice, c.PerKg = grams(firstW), cents(firstP), cents(perKg)
		c.FulfilmentFee, c.MaxWeightKg = cents(fulfil), grams(maxW)
		c.MinChargeCNY, c.StoragePerUnit = cents(minCharge), cents(storage)
		out = append(out, c)
	}
	return out, s.fail(rows.Err())
}

// SaveChannel implements app.ChannelStore.
func (s *Store) SaveChannel(ctx context.Context, c app.LogisticsChannel) (int64, error) {
	if err := c.Validate(); err != nil {
		return 0, err
	}
	args := []any{strings.TrimSpace(c.Name), c.Type, c.Market, kgToGrams(c.FirstWeightKg), toCents(c.FirstPrice),
		toCents(c.PerKg), c.VolDivisor, c.DaysMin, c.DaysMax, c.Tracking, c.Stability, c.Restrictions,
		toCents(c.FulfilmentFee), kgToGrams(c.MaxWeightKg), c.BatteryOK, c.LiquidOK,
		toCents(c.MinChargeCNY), c.CartonUnits, toCents(c.StoragePerUnit)}
	if c.ID == 0 {
		var id int64
		err := s.db.QueryRowContext(ctx, `INSERT INTO logistics_channels (name, type, market, first_weight_g,
			first_price_fen, per_kg_fen, vol_divisor, days_min, days_max, tracking, stability, restrictions,
			fulfilment_cents, max_weight_g, battery_ok, liquid_ok, min_charge_fen, carton_units, storage_cents)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, args...).Scan(&id)
		return id, s.fail(err)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE logistics_channels SET name = ?, type = ?, market = ?,
		first_weight_g = ?, first_price_fen = ?, per_kg_fen = ?, vol_divisor = ?, days_min = ?, days_max = ?,
		tracking = ?, stability = ?, restrictions = ?, fulfilment_cents = ?, max_weight_g = ?, battery_ok = ?,
		liquid_ok = ?, min_charge_fen = ?, carton_units = ?, storage_cents = ? WHERE id = ?`, append(args, c.ID)...)
	if err != nil {
		return c.ID, s.fail(err)
	}
	return c.ID, s.notFoundIfNone(res)
}

// DeleteChannel implements app.ChannelStore.
func (s *Store) DeleteChannel(ctx context.Context, id int64) error {
	return s.deletePricingRow(ctx, "logistics_channels", id)
}

// Platforms implements app.Workspace: sales platforms by name.
func (s *Store) Platforms(ctx context.Context) ([]app.Platform, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, referral_rate, per_order_cents, payment_rate, markets,
		category_rates FROM platforms ORDER BY name`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.Platform
	for rows.Next() {
		var p app.Platform
		var referral, payment, markets, cats string
		var perOrder int64
		if err := rows.Scan(&p.ID, &p.Name, &referral, &perOrder, &payment, &markets, &cats); err != nil {
			return nil, s.fail(err)
		}
		p.ReferralRate, p.PerOrderFee, p.PaymentRate, p.Markets = rate(referral), cents(perOrder), rate(payment), list(markets)
		p.CategoryRates = categoryRates(cats)
		out = append(out, p)
	}
	return out, s.fail(rows.Err())
}

// SavePlatform implements app.ChannelStore.
func (s *Store) SavePlatform(ctx context.Context, p app.Platform) (int64, error) {
	if err := p.Validate(); err != nil {
		return 0, err
	}
	var cats []string
	for c, r := range p.CategoryRates {
		cats = append(cats, c+":"+r.String())
	}
	args := []any{strings.TrimSpace(p.Name), p.ReferralRate.String(), toCents(p.PerOrderFee), p.PaymentRate.String(),
		strings.Join(p.Markets, ","), strings.Join(cats, ";")}
	id := p.ID
	if id == 0 {
		err := s.db.QueryRowContext(ctx, `INSERT INTO platforms (name, referral_rate, per_order_cents, payment_rate,
			markets, category_rates) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, args...).Scan(&id)
		if isUnique(err) {
			return 0, app.Wrap(err, app.EConflict, "channels.error.platform_exists", p.Name)
		}
		return id, s.fail(err)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE platforms SET name = ?, referral_rate = ?, per_order_cents = ?,
		payment_rate = ?, markets = ?, category_rates = ? WHERE id = ?`, append(args, id)...)
	if isUnique(err) {
		return 0, app.Wrap(err, app.EConflict, "channels.error.platform_exists", p.Name)
	}
	if err != nil {
		return id, s.fail(err)
	}
	return id, s.notFoundIfNone(res)
}

// DeletePlatform implements app.ChannelStore.
func (s *Store) DeletePlatform(ctx context.Context, id int64) error {
	return s.deletePricingRow(ctx, "platforms", id)
}

// isUnique reports a UNIQUE constraint failure by its SQLite code.
func isUnique(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE
}

func kgToGrams(kg decimal.Decimal) int64 { return kg.Shift(3).Round(0).IntPart() }

// categoryRates reads "Kitchen:0.15;Lighting:0.12"; a damaged pair is
// skipped, as rate() reads a damaged rate as zero, and the platform form
// shows what is left for correction.
func categoryRates(s string) map[string]decimal.Decimal {
	out := map[string]decimal.Decimal{}
	for _, part := range strings.Split(s, ";") {
		name, val, ok := strings.Cut(part, ":")
		if d, err := decimal.NewFromString(strings.TrimSpace(val)); ok && err == nil && strings.TrimSpace(name) != "" {
			out[strings.TrimSpace(name)] = d
		}
	}
	return out
}
