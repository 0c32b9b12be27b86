package data

import (
	"context"
	"database/sql"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

var _ app.CareStore = (*Store)(nil)

// timeLayout is how care stores instants: ISO 8601 UTC, sortable as text.
const timeLayout = "2006-01-02T15:04:05Z"

func isoTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

func parseTime(s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	t, err := time.Parse(timeLayout, s.String)
	if err != nil {
		return time.Time{}
	}
	return t
}

func zoneOr(z string) string {
	if z == "" {
		return "UTC"
	}
	return z
}

const contactColumns = `SELECT customer_id, name, email, platform_handle, chat, phone, language, time_zone, country FROM care_contacts`

// Contacts implements app.CareStore, by customer id.
func (s *Store) Contacts(ctx context.Context) ([]app.Contact, error) {
	return s.contacts(ctx, contactColumns+` ORDER BY customer_id`)
}

// Contact implements app.CareStore.
func (s *Store) Contact(ctx context.Context, id string) (app.Contact, error) {
	cs, err := s.contacts(ctx, contactColumns+` WHERE customer_id = ?`, id)
	if err != nil {
		return app.Contact{}, err
	}
	if len(cs) == 0 {
		return app.Contact{}, app.Errorf(app.ENotFound, "error.not_found")
	}
	return cs[0], nil
}

func (s *Store) contacts(ctx context.Context, q string, args ...any) ([]app.Contact, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.Contact
	for rows.Next() {
		var c app.Contact
		if err := rows.Scan(&c.CustomerID, &c.Name, &c.Email, &c.PlatformHandle, &c.Chat, &c.Phone, &c.Language, &c.TimeZone, &c.Country); err != nil {
			return nil, s.fail(err)
		}
		out = append(out, c)
	}
	return out, s.fail(rows.Err())
}

// SaveContact implements app.CareStore: insert or replace by customer id.
func (s *Store) SaveContact(ctx context.Context, c app.Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO care_contacts (customer_id, name, email, platform_handle, chat, phone, language, time_zone, country)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (customer_id) DO UPDATE SET name = excluded.name, email = excluded.email, platform_handle = excluded.platform_handle,
		chat = excluded.chat, phone = excluded.phone, language = excluded.language, time_zone = excluded.time_zone, country = excluded.country`,
		c.CustomerID, c.Name, c.Email, c.PlatformHandle, c.Chat, c.Phone, c.Language, zoneOr(c.TimeZone), c.Country)
	return s.fail(err)
}

// DeleteContact implements app.CareStore in one transaction, so a refused
// or failed delete leaves everything in place.
func (s *Store) DeleteContact(ctx context.Context, id string, withCases bool) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM care_cases WHERE customer_id = ?`, id).Scan(&n); err != nil {
		return s.fail(err)
	}
	if n > 0 && !withCases {
		return app.Errorf(app.EConflict, "care.err_has_cases", id, n)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM care_cases WHERE customer_id = ?`, id); err != nil {
		return s.fail(err)
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM care_contacts WHERE customer_id = ?`, id)
	if err != nil {
		return s.fail(err)
	}
	if err := s.notFoundIfNone(res); err != nil {
		return err
	}
	return s.fail(tx.Commit())
}

const interactionColumns = `SELECT id, customer_id, kind, body, created_at, due_on, done FROM care_interactions`

// Interactions implements app.CareStore: newest first.
func (s *Store) Interactions(ctx context.Context, id string) ([]app.Interaction, error) {
	return s.interactions(ctx, interactionColumns+` WHERE customer_id = ? ORDER BY created_at DESC, id DESC`, id)
}

// DueFollowUps implements app.CareStore.
func (s *Store) DueFollowUps(ctx context.Context, day time.Time, limit int) ([]app.Interaction, error) {
	return s.interactions(ctx, interactionColumns+` WHERE kind = 'followup' AND done = 0 AND due_on <= ?
		ORDER BY due_on, id LIMIT ?`, day.Format(dateLayout), limit)
}

func (s *Store) interactions(ctx context.Context, q string, args ...any) ([]app.Interaction, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.Interaction
	for rows.Next() {
		var i app.Interaction
		var created, due sql.NullString
		if err := rows.Scan(&i.ID, &i.CustomerID, &i.Kind, &i.Body, &created, &due, &i.Done); err != nil {
			return nil, s.fail(err)
		}
		i.Created = parseTime(created)
		i.Due = day(due.String)
		out = append(out, i)
	}
	return out, s.fail(rows.Err())
}

// SaveInteraction implements app.CareStore.
func (s *Store) SaveInteraction(ctx context.Context, i app.Interaction) (int64, error) {
	if err := i.Validate(); err != nil {
		return 0, err
	}
	var due any
	if i.Kind == "followup" {
		due = i.Due.Format(dateLayout)
	}
	if i.Created.IsZero() {
		i.Created = time.Now()
	}
	if i.ID == 0 {
		res, err := s.db.ExecContext(ctx, `INSERT INTO care_interactions (customer_id, kind, body, created_at, due_on, done)
			VALUES (?, ?, ?, ?, ?, ?)`, i.CustomerID, i.Kind, i.Body, isoTime(i.Created), due, i.Done)
		if err != nil {
			return 0, s.fail(err)
		}
		id, err := res.LastInsertId()
		return id, s.fail(err)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE care_interactions SET kind = ?, body = ?, due_on = ?, done = ? WHERE id = ?`,
		i.Kind, i.Body, due, i.Done, i.ID)
	if err != nil {
		return 0, s.fail(err)
	}
	return i.ID, s.notFoundIfNone(res)
}

// caseColumns joins the customer's name and country: the country of their
// orders when they have any, else the contact's.
const caseColumns = `SELECT k.id, k.customer_id, k.type, k.channel, k.platform, k.order_id, k.tracking_no, k.priority, k.status,
	k.subject, k.reason, k.escalated, k.opened_at, k.opened_zone, k.first_response_at, k.first_response_zone, k.resolved_at,
	k.resolved_zone, k.csat, k.nps, k.feedback_reason, c.name, coalesce(nullif(o.country, ''), c.country)
	FROM care_cases k JOIN care_contacts c ON c.customer_id = k.customer_id
	LEFT JOIN order_customers o ON o.customer_id = k.customer_id`

// Cases implements app.CareStore: newest first.
func (s *Store) Cases(ctx context.Context, f app.CareFilter) ([]app.Case, error) {
	q, args := caseColumns+` WHERE 1 = 1`, []any{}
	if !f.From.IsZero() {
		q, args = q+` AND k.opened_at >= ?`, append(args, isoTime(f.From))
	}
	if !f.To.IsZero() {
		q, args = q+` AND k.opened_at < ?`, append(args, isoTime(f.To))
	}
	if f.CustomerID != "" {
		q, args = q+` AND k.customer_id = ?`, append(args, f.CustomerID)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY k.opened_at DESC, k.id DESC`, args...)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.Case
	for rows.Next() {
		var c app.Case
		var opened, first, resolved sql.NullString
		var csat, nps sql.NullInt64
		if err := rows.Scan(&c.ID, &c.CustomerID, &c.Type, &c.Channel, &c.Platform, &c.OrderID, &c.TrackingNo, &c.Priority, &c.Status,
			&c.Subject, &c.Reason, &c.Escalated, &opened, &c.OpenedZone, &first, &c.ResponseZone, &resolved, &c.ResolvedZone,
			&csat, &nps, &c.FeedbackReason, &c.CustomerName, &c.Country); err != nil {
			return nil, s.fail(err)
		}
		c.Opened, c.FirstResponse, c.Resolved = parseTime(opened), parseTime(first), parseTime(resolved)
		c.CSAT = int(csat.Int64)
		c.NPS, c.HasNPS = int(nps.Int64), nps.Valid
		out = append(out, c)
	}
	return out, s.fail(rows.Err())
}

// SaveCase implements app.CareStore.
func (s *Store) SaveCase(ctx context.Context, c app.Case) (int64, error) {
	if err := c.Validate(); err != nil {
		return 0, err
	}
	var exists int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM care_contacts WHERE customer_id = ?`, c.CustomerID).Scan(&exists); err != nil {
		return 0, s.fail(err)
	}
	if exists == 0 {
		return 0, app.Errorf(app.EInvalid, "care.err_no_contact", c.CustomerID)
	}
	var csat, nps any
	if c.CSAT > 0 {
		csat = c.CSAT
	}
	if c.HasNPS {
		nps = c.NPS
	}
	args := []any{c.CustomerID, c.Type, c.Channel, c.Platform, c.OrderID, c.TrackingNo, c.Priority, c.Status, c.Subject, c.Reason,
		c.Escalated, isoTime(c.Opened), zoneOr(c.OpenedZone), isoTime(c.FirstResponse), zoneOr(c.ResponseZone), isoTime(c.Resolved),
		zoneOr(c.ResolvedZone), csat, nps, c.FeedbackReason}
	if c.ID == 0 {
		res, err := s.db.ExecContext(ctx, `INSERT INTO care_cases (customer_id, type, channel, platform, order_id, tracking_no, priority,
			status, subject, reason, escalated, opened_at, opened_zone, first_response_at, first_response_zone, resolved_at, resolved_zone,
			csat, nps, feedback_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return 0, s.fail(err)
		}
		id, err := res.LastInsertId()
		return id, s.fail(err)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE care_cases SET customer_id = ?, type = ?, channel = ?, platform = ?, order_id = ?,
		tracking_no = ?, priority = ?, status = ?, subject = ?, reason = ?, escalated = ?, opened_at = ?, opened_zone = ?,
		first_response_at = ?, first_response_zone = ?, resolved_at = ?, resolved_zone = ?, csat = ?, nps = ?, feedback_reason = ?
		WHERE id = ?`, append(args, c.ID)...)
	if err != nil {
		return 0, s.fail(err)
	}
	return c.ID, s.notFoundIfNone(res)
}

// DeleteCase implements app.CareStore.
func (s *Store) DeleteCase(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM care_cases WHERE id = ?`, id)
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}

// Templates implements app.CareStore, by situation and language.
func (s *Store) Templates(ctx context.Context) ([]app.Template, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, situation, language, body FROM care_templates ORDER BY situation, language`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.Template
	for rows.Next() {
		var t app.Template
		if err := rows.Scan(&t.ID, &t.Situation, &t.Language, &t.Body); err != nil {
			return nil, s.fail(err)
		}
		out = append(out, t)
	}
	return out, s.fail(rows.Err())
}

// SaveTemplate implements app.CareStore: one template per situation and
// language, replaced when it exists.
func (s *Store) SaveTemplate(ctx context.Context, t app.Template) (int64, error) {
	if t.Body == "" {
		return 0, app.Errorf(app.EInvalid, "care.err_body_required")
	}
	var id int64
	err := s.db.QueryRowContext(ctx, `INSERT INTO care_templates (situation, language, body) VALUES (?, ?, ?)
		ON CONFLICT (situation, language) DO UPDATE SET body = excluded.body RETURNING id`, t.Situation, t.Language, t.Body).Scan(&id)
	if err != nil {
		return 0, app.Wrap(err, app.EInvalid, "care.err_no_template")
	}
	return id, nil
}

// BusinessHours implements app.CareStore.
func (s *Store) BusinessHours(ctx context.Context) (app.BusinessHours, error) {
	var zone, days string
	var start, end int
	err := s.db.QueryRowContext(ctx, `SELECT time_zone, start_min, end_min, days FROM care_hours WHERE id = 1`).Scan(&zone, &start, &end, &days)
	if err != nil {
		return app.BusinessHours{}, s.fail(err)
	}
	bh, err := app.NewBusinessHours(zone, start, end, days)
	if err != nil {
		return app.BusinessHours{}, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT day, name FROM care_holidays ORDER BY day`)
	if err != nil {
		return app.BusinessHours{}, s.fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var d, name string
		if err := rows.Scan(&d, &name); err != nil {
			return app.BusinessHours{}, s.fail(err)
		}
		bh.Holidays[d], bh.Names[d] = true, name
	}
	return bh, s.fail(rows.Err())
}

// SaveBusinessHours implements app.CareStore: the window and the holidays
// together, in one transaction.
func (s *Store) SaveBusinessHours(ctx context.Context, bh app.BusinessHours) error {
	if err := bh.Validate(); err != nil {
		return err
	}
	if _, err := app.LoadZone(bh.Zone); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE care_hours SET time_zone = ?, start_min = ?, end_min = ?, days = ? WHERE id = 1`,
		zoneOr(bh.Zone), bh.StartMin, bh.EndMin, bh.DaysText()); err != nil {
		return s.fail(err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM care_holidays`); err != nil {
		return s.fail(err)
	}
	for d, on := range bh.Holidays {
		if !on {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO care_holidays (day, name) VALUES (?, ?)`, d, bh.Names[d]); err != nil {
			return app.Wrap(err, app.EInvalid, "care.err_date", d)
		}
	}
	return s.fail(tx.Commit())
}

// Targets implements app.CareStore.
func (s *Store) Targets(ctx context.Context) (app.Targets, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT platform, hours FROM care_targets`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	t := app.Targets{}
	for rows.Next() {
		var p string
		var h int
		if err := rows.Scan(&p, &h); err != nil {
			return nil, s.fail(err)
		}
		t[p] = h
	}
	return t, s.fail(rows.Err())
}

// SaveTarget implements app.CareStore.
func (s *Store) SaveTarget(ctx context.Context, platform string, hours int) error {
	if hours < 1 || hours > 720 {
		return app.Errorf(app.EInvalid, "care.err_target", platform)
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO care_targets (platform, hours) VALUES (?, ?)
		ON CONFLICT (platform) DO UPDATE SET hours = excluded.hours`, platform, hours)
	return s.fail(err)
}

// OrdersByCountry implements app.CareStore. It reads the lines in the
// period (through the date index), off the UI goroutine.
func (s *Store) OrdersByCountry(ctx context.Context, from, to time.Time) ([]app.NamedValue, error) {
	if err := s.withIndex(ctx, dateIndexSQL); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT c.text, count(DISTINCT o.invoice_no) FROM order_rows o JOIN order_texts c ON c.id = o.country_id
		WHERE o.at >= ? AND o.at < ? AND o.quantity > 0 AND o.invoice_no NOT LIKE 'C%' AND c.text <> ''
		GROUP BY c.text ORDER BY 2 DESC, c.text`, from.Unix(), to.Unix())
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.NamedValue
	for rows.Next() {
		var nv app.NamedValue
		if err := rows.Scan(&nv.Name, &nv.Count); err != nil {
			return nil, s.fail(err)
		}
		out = append(out, nv)
	}
	return out, s.fail(rows.Err())
}

// SaveFeedback implements app.CareStore.
func (s *Store) SaveFeedback(ctx context.Context, rows []app.FeedbackRow) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(err)
	}
	defer tx.Rollback()
	for _, f := range rows {
		var csat, nps any
		if f.CSAT > 0 {
			csat = f.CSAT
		}
		if f.HasNPS {
			nps = f.NPS
		}
		// An empty column keeps what the case had.
		res, err := tx.ExecContext(ctx, `UPDATE care_cases SET csat = coalesce(?, csat), nps = coalesce(?, nps),
			feedback_reason = CASE WHEN ? = '' THEN feedback_reason ELSE ? END WHERE id = ?`, csat, nps, f.Reason, f.Reason, f.CaseID)
		if err != nil {
			return s.fail(err)
		}
		if err := s.notFoundIfNoneAs(res, "care.err_feedback_case", f.CaseID); err != nil {
			return err
		}
	}
	return s.fail(tx.Commit())
}
