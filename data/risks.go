package data

import (
	"context"

	"github.com/seller-assistant/seller-assistant/app"
)

const riskColumns = `SELECT id, title, category, likelihood, impact, owner, mitigation, status, review_on FROM risks`

// OpenRisks implements app.Workspace: risks not closed, highest score first.
func (s *Store) OpenRisks(ctx context.Context, limit int) ([]app.Risk, error) {
	return s.risks(ctx, riskColumns+` WHERE status <> 'closed' ORDER BY likelihood * impact DESC, review_on LIMIT ?`, limit)
}

// Risks implements app.Workspace: the whole register.
func (s *Store) Risks(ctx context.Context) ([]app.Risk, error) {
	return s.risks(ctx, riskColumns+` ORDER BY likelihood * impact DESC, id`)
}

func (s *Store) risks(ctx context.Context, query string, args ...any) ([]app.Risk, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.Risk
	for rows.Next() {
		var r app.Risk
		var review string
		if err := rows.Scan(&r.ID, &r.Title, &r.Category, &r.Likelihood, &r.Impact, &r.Owner, &r.Mitigation, &r.Status, &review); err != nil {
			return nil, s.fail(err)
		}
		r.ReviewDate = day(review)
		out = append(out, r)
	}
	return out, s.fail(rows.Err())
}
