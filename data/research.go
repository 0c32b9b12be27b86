package data

import (
	"context"
	"database/sql"
	"sort"
	"strings"

	"github.com/seller-assistant/seller-assistant/app"
)

var _ app.NoteStore = (*Store)(nil)

const noteCols = `n.id, n.title, n.market, n.method, n.source, n.tags, n.noted_on, n.body`

func scanNote(rows interface{ Scan(...any) error }) (app.Note, error) {
	var n app.Note
	var tags, on string
	err := rows.Scan(&n.ID, &n.Title, &n.Market, &n.Method, &n.Source, &tags, &on, &n.Body)
	n.Tags, n.Date = list(tags), day(on)
	return n, err
}

// Notes implements app.NoteStore. A query searches the FTS index (best
// match first by bm25, a title match counting three times a body match);
// market, method and tag filter in SQL.
func (s *Store) Notes(ctx context.Context, f app.NoteFilter) ([]app.Note, error) {
	var where []string
	var args []any
	from := "notes n"
	order := "n.noted_on DESC, n.id DESC"
	if strings.TrimSpace(f.Query) != "" {
		match := ftsQuery(f.Query)
		if match == "" {
			return nil, nil // only punctuation: nothing can match
		}
		if err := s.refreshNoteIndex(ctx); err != nil {
			return nil, err
		}
		from = "notes_fts JOIN notes n ON n.id = notes_fts.rowid"
		where = append(where, "notes_fts MATCH ?")
		args = append(args, match)
		order = "bm25(notes_fts, 3, 3, 3, 1, 1, 1), n.noted_on DESC"
	}
	if f.Market != "" {
		where, args = append(where, "n.market = ?"), append(args, f.Market)
	}
	if f.Method != "" {
		where, args = append(where, "n.method = ?"), append(args, f.Method)
	}
	if f.Tag != "" {
		where, args = append(where, "(',' || n.tags || ',') LIKE ?"), append(args, "%,"+f.Tag+",%")
	}
	q := "SELECT " + noteCols + " FROM " + from
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY " + order
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.Note
	for rows.Next() {
		n, err := scanNote(rows)
		if err != nil {
			return nil, s.fail(err)
		}
		out = append(out, n)
	}
	return out, s.fail(rows.Err())
}

// ftsQuery turns what the person typed into an FTS5 query over the app's
// own tokens (see app.Tokenize): every term must match; a word matches as a
// prefix ("froth" finds "frother"), a CJK run as the phrase of its bigrams
// (so "物流" and "物流成本" match exactly those characters in a row), a single
// CJK character as a unigram. Tokens hold only letters and digits, so they
// need no escaping inside the quotes.
func ftsQuery(input string) string {
	var terms []string
	for _, seg := range app.TextRuns(input) {
		switch {
		case !seg.CJK:
			terms = append(terms, `{t_words b_words} : "`+seg.Text+`"*`)
		case len([]rune(seg.Text)) == 1:
			terms = append(terms, `{t_cjk1 b_cjk1} : "`+seg.Text+`"`)
		default:
			terms = append(terms, `{t_cjk2 b_cjk2} : "`+strings.Join(seg.Bigrams(), " ")+`"`)
		}
	}
	return strings.Join(terms, " AND ")
}

// refreshNoteIndex re-tokenizes the notes the triggers queued, in one
// transaction, so a search never sees a half-updated index.
func (s *Store) refreshNoteIndex(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM notes_fts_queue").Scan(&n); err != nil {
		return s.fail(err)
	}
	if n == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(err)
	}
	defer tx.Rollback()
	if err := reindexQueued(ctx, tx); err != nil {
		return s.fail(err)
	}
	return s.fail(tx.Commit())
}

func reindexQueued(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT q.note_id, n.id IS NOT NULL, coalesce(n.title, ''),
		coalesce(n.body, '') || ' ' || coalesce(n.tags, '') || ' ' || coalesce(n.source, '')
		FROM notes_fts_queue q LEFT JOIN notes n ON n.id = q.note_id`)
	if err != nil {
		return err
	}
	type entry struct {
		id          int64
		exists      bool
		title, rest string
	}
	var todo []entry
	for rows.Next() {
		var e entry
		if err := rows.Scan(&e.id, &e.exists, &e.title, &e.rest); err != nil {
			rows.Close()
			return err
		}
		todo = append(todo, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, e := range todo {
		if _, err := tx.ExecContext(ctx, "DELETE FROM notes_fts WHERE rowid = ?", e.id); err != nil {
			return err
		}
		if e.exists {
			t, b := app.Tokenize(e.title), app.Tokenize(e.rest)
			j := func(ss []string) string { return strings.Join(ss, " ") }
			if _, err := tx.ExecContext(ctx, `INSERT INTO notes_fts (rowid, t_words, t_cjk2, t_cjk1, b_words, b_cjk2, b_cjk1)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, e.id, j(t.Words), j(t.Bigrams), j(t.Unigrams), j(b.Words), j(b.Bigrams), j(b.Unigrams)); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM notes_fts_queue WHERE note_id = ?", e.id); err != nil {
			return err
		}
	}
	return nil
}

// Note implements app.NoteStore.
func (s *Store) Note(ctx context.Context, id int64) (app.Note, error) {
	n, err := scanNote(s.db.QueryRowContext(ctx, "SELECT "+noteCols+" FROM notes n WHERE n.id = ?", id))
	if err != nil {
		return app.Note{}, s.fail(err)
	}
	rows, err := s.db.QueryContext(ctx, "SELECT path FROM note_attachments WHERE note_id = ? ORDER BY id", id)
	if err != nil {
		return app.Note{}, s.fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return app.Note{}, s.fail(err)
		}
		n.Attachments = append(n.Attachments, p)
	}
	return n, s.fail(rows.Err())
}

// SaveNote implements app.NoteStore: the note and its attachments in one
// transaction; the index catches up through the queue.
func (s *Store) SaveNote(ctx context.Context, n *app.Note) error {
	if err := n.Validate(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(err)
	}
	defer tx.Rollback()
	tags, on := strings.Join(n.Tags, ","), n.Date.Format(dateLayout)
	if n.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO notes (title, market, method, source, tags, noted_on, body)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, n.Title, n.Market, n.Method, n.Source, tags, on, n.Body)
		if err != nil {
			return s.fail(err)
		}
		if n.ID, err = res.LastInsertId(); err != nil {
			return s.fail(err)
		}
	} else {
		res, err := tx.ExecContext(ctx, `UPDATE notes SET title = ?, market = ?, method = ?, source = ?, tags = ?,
			noted_on = ?, body = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?`,
			n.Title, n.Market, n.Method, n.Source, tags, on, n.Body, n.ID)
		if err != nil {
			return s.fail(err)
		}
		if err := s.notFoundIfNone(res); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM note_attachments WHERE note_id = ?", n.ID); err != nil {
			return s.fail(err)
		}
	}
	for _, p := range n.Attachments {
		if _, err := tx.ExecContext(ctx, "INSERT INTO note_attachments (note_id, path) VALUES (?, ?)", n.ID, p); err != nil {
			return s.fail(err)
		}
	}
	return s.fail(tx.Commit())
}

// DeleteNote implements app.NoteStore.
func (s *Store) DeleteNote(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, "DELETE FROM notes WHERE id = ?", id)
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}

// NoteTags implements app.NoteStore.
func (s *Store) NoteTags(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT tags FROM notes WHERE tags <> ''")
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, s.fail(err)
		}
		for _, tag := range list(t) {
			if !seen[tag] {
				seen[tag] = true
				out = append(out, tag)
			}
		}
	}
	sort.Strings(out)
	return out, s.fail(rows.Err())
}
