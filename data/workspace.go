package data

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// Info implements app.Workspace.
func (s *Store) Info(ctx context.Context) (app.WorkspaceInfo, error) {
	meta, err := s.meta(ctx)
	if err != nil {
		return app.WorkspaceInfo{}, err
	}
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return app.WorkspaceInfo{}, s.fail(err)
	}
	created, _ := time.Parse(time.RFC3339, meta["created"])
	return app.WorkspaceInfo{
		Path:          s.path,
		Name:          meta["name"],
		Demo:          meta["demo"] == "1",
		SchemaVersion: v,
		Created:       created,
		Currency:      meta["currency"],
	}, nil
}

func (s *Store) meta(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT key, value FROM meta")
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, s.fail(err)
		}
		m[k] = v
	}
	return m, s.fail(rows.Err())
}

// fail maps a storage error to what the person sees, keeping the cause.
func (s *Store) fail(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return app.Wrap(err, app.ENotFound, "error.not_found")
	}
	if errors.Is(err, context.Canceled) {
		return app.Wrap(err, app.ECanceled, "error.canceled")
	}
	return classify(err, s.path)
}

// notFoundIfNone is the one way a statement that must touch a row (an
// UPDATE or DELETE by id) reports that the row was gone: ENotFound with
// "error.not_found". Every such statement in this package goes through it.
func (s *Store) notFoundIfNone(res sql.Result) error {
	return s.notFoundIfNoneAs(res, "error.not_found")
}

// notFoundIfNoneAs is notFoundIfNone for a caller that can name the row in
// the message (key and args, as app.Errorf).
func (s *Store) notFoundIfNoneAs(res sql.Result, key string, args ...any) error {
	n, err := res.RowsAffected()
	if err != nil {
		return s.fail(err)
	}
	if n == 0 {
		return app.Errorf(app.ENotFound, key, args...)
	}
	return nil
}

// Summary implements app.Workspace. Order figures come from the summary
// tables and meta, never from a scan of order_lines.
func (s *Store) Summary(ctx context.Context) (app.Summary, error) {
	var sum app.Summary
	var revenue int64
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM notes),
		(SELECT count(*) FROM competitors),
		(SELECT count(*) FROM products),
		(SELECT count(*) FROM logistics_channels),
		(SELECT count(*) FROM platforms),
		(SELECT count(*) FROM campaigns),
		(SELECT count(*) FROM risks),
		(SELECT count(*) FROM risks WHERE status <> 'closed'),
		(SELECT coalesce(sum(lines), 0) FROM order_months),
		(SELECT coalesce(sum(orders), 0) FROM order_months),
		(SELECT coalesce(sum(revenue_cents), 0) FROM order_months),
		(SELECT count(*) FROM order_countries)`).Scan(
		&sum.Notes, &sum.Competitors, &sum.Products, &sum.Channels, &sum.Platforms, &sum.Campaigns,
		&sum.Risks, &sum.OpenRisks, &sum.OrderLines, &sum.Orders, &revenue, &sum.Countries)
	if err != nil {
		return sum, s.fail(err)
	}
	sum.Revenue = cents(revenue)
	meta, err := s.meta(ctx)
	if err != nil {
		return sum, err
	}
	sum.Customers = atoi(meta["orders.customers"])
	sum.FirstOrder, _ = time.Parse(dateLayout, meta["orders.first"])
	sum.LastOrder, _ = time.Parse(dateLayout, meta["orders.last"])
	return sum, nil
}
