package data

import (
	"context"

	"github.com/seller-assistant/seller-assistant/app"
)

// RecentNotes implements app.Workspace: the newest notes by date.
func (s *Store) RecentNotes(ctx context.Context, limit int) ([]app.Note, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, market, method, source, tags, noted_on, body
		FROM notes ORDER BY noted_on DESC, id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.Note
	for rows.Next() {
		var n app.Note
		var tags, on string
		if err := rows.Scan(&n.ID, &n.Title, &n.Market, &n.Method, &n.Source, &tags, &on, &n.Body); err != nil {
			return nil, s.fail(err)
		}
		n.Tags, n.Date = list(tags), day(on)
		out = append(out, n)
	}
	return out, s.fail(rows.Err())
}
