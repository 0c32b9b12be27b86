package data

import (
	"bytes"
	"context"
	"database/sql"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// Quotes implements app.QuoteStore: saved quotes, newest first.
func (s *Store) Quotes(ctx context.Context) ([]app.SavedQuote, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, product_sku, product_name, market, platform, channel, currency,
		inputs, saved_at FROM quotes ORDER BY saved_at DESC, id DESC`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.SavedQuote
	for rows.Next() {
		var q app.SavedQuote
		var inputs, saved string
		if err := rows.Scan(&q.ID, &q.ProductSKU, &q.ProductName, &q.Market, &q.Platform, &q.Channel, &q.Currency,
			&inputs, &saved); err != nil {
			return nil, s.fail(err)
		}
		in, err := app.ParseQuoteJSON(bytes.NewReader([]byte(inputs)))
		if err != nil {
			// A quote saved by this version always parses; one that does
			// not was edited outside the app and is shown as damaged.
			return nil, app.Wrap(err, app.ECorrupt, "error.corrupt_workspace", s.path)
		}
		if in.Currency == "" {
			// Quotes saved before the input carried its currency: the
			// row's currency decides the charm price's ending (¥…80).
			in.Currency = q.Currency
		}
		q.Input = in
		q.SavedAt, _ = time.Parse(time.RFC3339, saved)
		out = append(out, q)
	}
	return out, s.fail(rows.Err())
}

// SaveQuote implements app.QuoteStore: one quote per product, market,
// platform and channel, so saving the same combination replaces it (and
// keeps its id, so a list selection survives).
func (s *Store) SaveQuote(ctx context.Context, q app.SavedQuote) (int64, error) {
	if err := q.Input.Validate(); err != nil {
		return 0, err
	}
	r := q.Input.Compute()
	var rec, price, profit sql.NullInt64
	if r.RecommendedOK {
		rec = sql.NullInt64{Int64: toCents(r.Recommended), Valid: true}
	}
	margin := ""
	if q.Input.HasPrice {
		price = sql.NullInt64{Int64: toCents(q.Input.Price), Valid: true}
		profit = sql.NullInt64{Int64: toCents(r.Profit), Valid: true}
		margin = r.Margin.Round(4).String()
	}
	saved := time.Now().UTC().Format(time.RFC3339)
	if !q.SavedAt.IsZero() {
		saved = q.SavedAt.UTC().Format(time.RFC3339)
	}
	var id int64
	err := s.db.QueryRowContext(ctx, `INSERT INTO quotes (product_sku, product_name, market, platform, channel, currency,
		inputs, landed_cents, recommended_cents, price_cents, profit_cents, margin, saved_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (product_sku, market, platform, channel) DO UPDATE SET product_name = excluded.product_name,
			currency = excluded.currency, inputs = excluded.inputs, landed_cents = excluded.landed_cents,
			recommended_cents = excluded.recommended_cents, price_cents = excluded.price_cents,
			profit_cents = excluded.profit_cents, margin = excluded.margin, saved_at = excluded.saved_at
		RETURNING id`,
		q.ProductSKU, q.ProductName, q.Market, q.Platform, q.Channel, q.Currency, string(q.Input.QuoteJSON()),
		toCents(r.Landed), rec, price, profit, margin, saved).Scan(&id)
	return id, s.fail(err)
}

// DeleteQuote implements app.QuoteStore.
func (s *Store) DeleteQuote(ctx context.Context, id int64) error {
	return s.deletePricingRow(ctx, "quotes", id)
}

// deletePricingRow deletes one row of table by id; ENotFound when there is none.
// table is always a literal of this package, never user input.
func (s *Store) deletePricingRow(ctx context.Context, table string, id int64) error {
	res, err := s.db.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?", id)
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}

// CompetitorPrices implements app.QuoteStore: the competitors' listings in
// market, those linked to sku first, then cheapest first; prices from the
// stored cents (yen too are stored as yen*100).
func (s *Store) CompetitorPrices(ctx context.Context, market, sku string) ([]app.CompetitorPrice, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT competitor, product, platform, price_cents, currency, product_sku
		FROM competitors WHERE market = ? AND price_cents > 0
		ORDER BY (product_sku = ? AND product_sku <> '') DESC, price_cents`, market, sku)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.CompetitorPrice
	for rows.Next() {
		var c app.CompetitorPrice
		var price int64
		if err := rows.Scan(&c.Competitor, &c.Product, &c.Platform, &price, &c.Currency, &c.SKU); err != nil {
			return nil, s.fail(err)
		}
		c.Price = cents(price)
		out = append(out, c)
	}
	return out, s.fail(rows.Err())
}
