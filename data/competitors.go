package data

import (
	"context"
	"database/sql"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

var _ app.CompetitorStore = (*Store)(nil)

// Competitors implements app.CompetitorStore. Prices are stored in the
// listing currency's minor units (JPY as yen × 100, as the foundation's
// seed does), ratings as REAL stars.
func (s *Store) Competitors(ctx context.Context, market string) ([]app.Competitor, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, competitor, market, platform, product, price_cents, currency,
		rating, reviews, strengths, weaknesses FROM competitors WHERE ? = '' OR market = ?
		ORDER BY market, reviews DESC, id`, market, market)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.Competitor
	for rows.Next() {
		var c app.Competitor
		var price int64
		var rating sql.NullFloat64
		if err := rows.Scan(&c.ID, &c.Name, &c.Market, &c.Platform, &c.Product, &price, &c.Currency, &rating,
			&c.Reviews, &c.Strengths, &c.Weaknesses); err != nil {
			return nil, s.fail(err)
		}
		c.Price = cents(price)
		if rating.Valid {
			c.Rating = decimal.NewFromFloat(rating.Float64).Round(1)
		}
		out = append(out, c)
	}
	return out, s.fail(rows.Err())
}

// SaveCompetitor implements app.CompetitorStore.
func (s *Store) SaveCompetitor(ctx context.Context, c *app.Competitor) error {
	if err := c.Validate(); err != nil {
		return err
	}
	var rating any
	if c.Rating.IsPositive() {
		rating = c.Rating.InexactFloat64()
	}
	if c.ID == 0 {
		res, err := s.db.ExecContext(ctx, `INSERT INTO competitors (competitor, market, platform, product, price_cents,
			currency, rating, reviews, strengths, weaknesses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.Name, c.Market, c.Platform, c.Product, toCents(c.Price), c.Currency, rating, c.Reviews, c.Strengths, c.Weaknesses)
		if err != nil {
			return s.fail(err)
		}
		c.ID, err = res.LastInsertId()
		return s.fail(err)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE competitors SET competitor = ?, market = ?, platform = ?, product = ?,
		price_cents = ?, currency = ?, rating = ?, reviews = ?, strengths = ?, weaknesses = ? WHERE id = ?`,
		c.Name, c.Market, c.Platform, c.Product, toCents(c.Price), c.Currency, rating, c.Reviews, c.Strengths, c.Weaknesses, c.ID)
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}

// DeleteCompetitor implements app.CompetitorStore.
func (s *Store) DeleteCompetitor(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, "DELETE FROM competitors WHERE id = ?", id)
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}
