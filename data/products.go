package data

import (
	"context"

	"github.com/seller-assistant/seller-assistant/app"
)

// Products implements app.Workspace: the catalogue by SKU.
func (s *Store) Products(ctx context.Context) ([]app.Product, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, sku, name_zh, name_en, category, supplier, cost_fen, weight_g,
		hs_code, price_band, role, stage, status FROM products ORDER BY sku`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.Product
	for rows.Next() {
		var p app.Product
		var cost, weight int64
		if err := rows.Scan(&p.ID, &p.SKU, &p.NameZh, &p.NameEn, &p.Category, &p.Supplier, &cost, &weight,
			&p.HSCode, &p.PriceBand, &p.Role, &p.Stage, &p.Status); err != nil {
			return nil, s.fail(err)
		}
		p.PurchaseCost, p.WeightKg = cents(cost), grams(weight)
		out = append(out, p)
	}
	return out, s.fail(rows.Err())
}
