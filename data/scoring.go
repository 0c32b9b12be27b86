package data

import (
	"context"

	"github.com/seller-assistant/seller-assistant/app"
)

var _ app.ScoringStore = (*Store)(nil)

// Scoreboard implements app.ScoringStore.
func (s *Store) Scoreboard(ctx context.Context) (app.Scoreboard, error) {
	var b app.Scoreboard
	rows, err := s.db.QueryContext(ctx, "SELECT id, key, name, weight, inverse FROM scoring_criteria ORDER BY position, id")
	if err != nil {
		return b, s.fail(err)
	}
	for rows.Next() {
		var c app.Criterion
		var w string
		if err := rows.Scan(&c.ID, &c.Key, &c.Name, &w, &c.Inverse); err != nil {
			rows.Close()
			return b, s.fail(err)
		}
		c.Weight = rate(w)
		b.Criteria = append(b.Criteria, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return b, s.fail(err)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT id, country, geographic, demographic, psychographic, behavioural, positioning
		FROM scoring_markets ORDER BY country`)
	if err != nil {
		return b, s.fail(err)
	}
	byID := map[int64]int{}
	for rows.Next() {
		m := app.CandidateMarket{Cells: map[int64]app.Cell{}}
		if err := rows.Scan(&m.ID, &m.Country, &m.Segments.Geographic, &m.Segments.Demographic,
			&m.Segments.Psychographic, &m.Segments.Behavioural, &m.Positioning); err != nil {
			rows.Close()
			return b, s.fail(err)
		}
		byID[m.ID] = len(b.Markets)
		b.Markets = append(b.Markets, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return b, s.fail(err)
	}
	rows, err = s.db.QueryContext(ctx, "SELECT market_id, criterion_id, score, note FROM scoring_cells")
	if err != nil {
		return b, s.fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var mid, cid int64
		var c app.Cell
		if err := rows.Scan(&mid, &cid, &c.Score, &c.Note); err != nil {
			return b, s.fail(err)
		}
		if i, ok := byID[mid]; ok {
			b.Markets[i].Cells[cid] = c
		}
	}
	return b, s.fail(rows.Err())
}

// SaveCriterion implements app.ScoringStore; a new criterion goes last.
func (s *Store) SaveCriterion(ctx context.Context, c *app.Criterion) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.ID == 0 {
		res, err := s.db.ExecContext(ctx, `INSERT INTO scoring_criteria (key, name, weight, inverse, position)
			VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM scoring_criteria))`,
			c.Key, c.Name, c.Weight.String(), c.Inverse)
		if err != nil {
			return s.fail(err)
		}
		c.ID, err = res.LastInsertId()
		return s.fail(err)
	}
	res, err := s.db.ExecContext(ctx, "UPDATE scoring_criteria SET name = ?, weight = ?, inverse = ? WHERE id = ?",
		c.Name, c.Weight.String(), c.Inverse, c.ID)
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}

// DeleteCriterion implements app.ScoringStore; its cells go with it.
func (s *Store) DeleteCriterion(ctx context.Context, id int64) error {
	return s.deleteByID(ctx, "scoring_criteria", id)
}

// SaveCandidate implements app.ScoringStore.
func (s *Store) SaveCandidate(ctx context.Context, m *app.CandidateMarket) error {
	if len(m.Country) != 2 {
		return app.Errorf(app.EInvalid, "research.err_market", m.Country)
	}
	g := m.Segments
	if m.ID == 0 {
		res, err := s.db.ExecContext(ctx, `INSERT INTO scoring_markets (country, geographic, demographic, psychographic,
			behavioural, positioning) VALUES (?, ?, ?, ?, ?, ?)`,
			m.Country, g.Geographic, g.Demographic, g.Psychographic, g.Behavioural, m.Positioning)
		if err != nil {
			if isUniqueViolation(err) {
				return app.Errorf(app.EConflict, "research.err_market_exists", m.Country)
			}
			return s.fail(err)
		}
		m.ID, err = res.LastInsertId()
		return s.fail(err)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE scoring_markets SET country = ?, geographic = ?, demographic = ?,
		psychographic = ?, behavioural = ?, positioning = ? WHERE id = ?`,
		m.Country, g.Geographic, g.Demographic, g.Psychographic, g.Behavioural, m.Positioning, m.ID)
	if err != nil {
		if isUniqueViolation(err) {
			return app.Errorf(app.EConflict, "research.err_market_exists", m.Country)
		}
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}

// DeleteCandidate implements app.ScoringStore; its cells go with it.
func (s *Store) DeleteCandidate(ctx context.Context, id int64) error {
	return s.deleteByID(ctx, "scoring_markets", id)
}

// SetCell implements app.ScoringStore.
func (s *Store) SetCell(ctx context.Context, marketID, criterionID int64, c app.Cell) error {
	if err := app.ValidateCell(c.Score); err != nil {
		return err
	}
	if c.Score == 0 {
		_, err := s.db.ExecContext(ctx, "DELETE FROM scoring_cells WHERE market_id = ? AND criterion_id = ?", marketID, criterionID)
		return s.fail(err)
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO scoring_cells (market_id, criterion_id, score, note) VALUES (?, ?, ?, ?)
		ON CONFLICT (market_id, criterion_id) DO UPDATE SET score = excluded.score, note = excluded.note`,
		marketID, criterionID, c.Score, c.Note)
	return s.fail(err)
}

// deleteByID deletes one row of a table this file names (never user input).
func (s *Store) deleteByID(ctx context.Context, table string, id int64) error {
	res, err := s.db.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?", id)
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}
