package data

import (
	"context"

	"github.com/seller-assistant/seller-assistant/app"
)

// Channels implements app.Workspace: logistics channels by name.
func (s *Store) Channels(ctx context.Context) ([]app.LogisticsChannel, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, type, market, first_weight_g, first_price_fen, per_kg_fen,
		vol_divisor, days_min, days_max, tracking, stability, restrictions FROM logistics_channels ORDER BY name`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.LogisticsChannel
	for rows.Next() {
		var c app.LogisticsChannel
		var firstW, firstP, perKg int64
		if err := rows.Scan(&c.ID, &c.Name, &c.Type, &c.Market, &firstW, &firstP, &perKg, &c.VolDivisor,
			&c.DaysMin, &c.DaysMax, &c.Tracking, &c.Stability, &c.Restrictions); err != nil {
			return nil, s.fail(err)
		}
		c.FirstWeightKg, c.FirstPrice, c.PerKg = grams(firstW), cents(firstP), cents(perKg)
		out = append(out, c)
	}
	return out, s.fail(rows.Err())
}

// Platforms implements app.Workspace: sales platforms by name.
func (s *Store) Platforms(ctx context.Context) ([]app.Platform, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, referral_rate, per_order_cents, payment_rate, markets
		FROM platforms ORDER BY name`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.Platform
	for rows.Next() {
		var p app.Platform
		var referral, payment, markets string
		var perOrder int64
		if err := rows.Scan(&p.ID, &p.Name, &referral, &perOrder, &payment, &markets); err != nil {
			return nil, s.fail(err)
		}
		p.ReferralRate, p.PerOrderFee, p.PaymentRate, p.Markets = rate(referral), cents(perOrder), rate(payment), list(markets)
		out = append(out, p)
	}
	return out, s.fail(rows.Err())
}
