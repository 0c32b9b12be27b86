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

var _ app.RiskStore = (*Store)(nil)

// Risk implements app.RiskStore.
func (s *Store) Risk(ctx context.Context, id int64) (app.Risk, error) {
	rs, err := s.risks(ctx, riskColumns+` WHERE id = ?`, id)
	if err != nil {
		return app.Risk{}, err
	}
	if len(rs) == 0 {
		return app.Risk{}, app.Errorf(app.ENotFound, "error.not_found")
	}
	return rs[0], nil
}

// SaveRisk implements app.RiskStore.
func (s *Store) SaveRisk(ctx context.Context, r app.Risk) (int64, error) {
	if err := r.Validate(); err != nil {
		return 0, err
	}
	args := []any{r.Title, r.Category, r.Likelihood, r.Impact, r.Owner, r.Mitigation, r.Status, isoDayOrEmpty(r.ReviewDate)}
	if r.ID == 0 {
		res, err := s.db.ExecContext(ctx, `INSERT INTO risks (title, category, likelihood, impact, owner, mitigation, status, review_on)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return 0, s.fail(err)
		}
		id, err := res.LastInsertId()
		return id, s.fail(err)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE risks SET title = ?, category = ?, likelihood = ?, impact = ?, owner = ?,
		mitigation = ?, status = ?, review_on = ? WHERE id = ?`, append(args, r.ID)...)
	if err != nil {
		return 0, s.fail(err)
	}
	return r.ID, s.notFoundIfNone(res)
}

// DeleteRisk implements app.RiskStore.
func (s *Store) DeleteRisk(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM risks WHERE id = ?`, id)
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}
