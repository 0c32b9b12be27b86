package data

import (
	"context"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// Checklists implements app.RiskStore: every checklist with its items, in
// two queries whatever the number of lists.
func (s *Store) Checklists(ctx context.Context) ([]app.Checklist, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, template, title, created_on FROM risk_checklists ORDER BY id`)
	if err != nil {
		return nil, s.fail(err)
	}
	var out []app.Checklist
	index := map[int64]int{}
	for rows.Next() {
		var c app.Checklist
		var created string
		if err := rows.Scan(&c.ID, &c.Template, &c.Title, &created); err != nil {
			rows.Close()
			return nil, s.fail(err)
		}
		c.Created = day(created)
		index[c.ID] = len(out)
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.fail(err)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT id, checklist_id, key, text, done, owner, due_on, evidence
		FROM risk_checklist_items ORDER BY checklist_id, position, id`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var it app.ChecklistItem
		var list int64
		var done int
		var due string
		if err := rows.Scan(&it.ID, &list, &it.Key, &it.Text, &done, &it.Owner, &due, &it.Evidence); err != nil {
			return nil, s.fail(err)
		}
		it.Done, it.Due = done == 1, day(due)
		if i, ok := index[list]; ok {
			out[i].Items = append(out[i].Items, it)
		}
	}
	return out, s.fail(rows.Err())
}

// SaveChecklist implements app.RiskStore: the list and its items in one
// transaction, so a copy is never half made.
func (s *Store) SaveChecklist(ctx context.Context, c app.Checklist) (int64, error) {
	if c.Template == "" && c.Title == "" {
		return 0, app.Errorf(app.EInvalid, "risks.err_checklist_title")
	}
	if c.Created.IsZero() {
		c.Created = time.Now().UTC()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, s.fail(err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT INTO risk_checklists (template, title, created_on) VALUES (?, ?, ?)`,
		c.Template, c.Title, c.Created.Format(dateLayout))
	if err != nil {
		return 0, s.fail(err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, s.fail(err)
	}
	for i, it := range c.Items {
		if _, err := tx.ExecContext(ctx, `INSERT INTO risk_checklist_items (checklist_id, position, key, text, done, owner, due_on, evidence)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, i, it.Key, it.Text, checklistBool(it.Done), it.Owner, isoDayOrEmpty(it.Due), it.Evidence); err != nil {
			return 0, s.fail(err)
		}
	}
	return id, s.fail(tx.Commit())
}

// SaveChecklistItem implements app.RiskStore.
func (s *Store) SaveChecklistItem(ctx context.Context, it app.ChecklistItem) error {
	res, err := s.db.ExecContext(ctx, `UPDATE risk_checklist_items SET done = ?, owner = ?, due_on = ?, evidence = ?
		WHERE id = ?`, checklistBool(it.Done), it.Owner, isoDayOrEmpty(it.Due), it.Evidence, it.ID)
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}

// DeleteChecklist implements app.RiskStore; its items go with it (ON
// DELETE CASCADE).
func (s *Store) DeleteChecklist(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM risk_checklists WHERE id = ?`, id)
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}

func checklistBool(b bool) int {
	if b {
		return 1
	}
	return 0
}

func isoDayOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}
