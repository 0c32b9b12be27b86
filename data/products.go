package data

import (
	"context"

	"github.com/seller-assistant/seller-assistant/app"
)

// Products implements app.Workspace: the catalogue by SKU, every field
// (sizes in cm from the stored millimetres; see scanProduct).
func (s *Store) Products(ctx context.Context) ([]app.Product, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+productCols+" FROM products ORDER BY sku")
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.Product
	for rows.Next() {
		p, err := scanProduct(rows)
		if err != nil {
			return nil, s.fail(err)
		}
		out = append(out, p)
	}
	return out, s.fail(rows.Err())
}
