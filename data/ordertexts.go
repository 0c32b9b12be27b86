package data

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"
)

// The compact order-line layout (migration 0015): times as seconds, the
// descriptions and countries as ids of order_texts.

// orderTexts interns descriptions and countries for the line writer: the
// ids already stored, and the new ones it hands out, which it writes to
// order_texts before the lines that use them.
type orderTexts struct {
	ids    map[string]any // text -> its id as an interface value (int64), made once
	next   int64
	queued []driver.NamedValue // new (id, text) pairs not written yet
}

func readOrderTexts(ctx context.Context, q queryer) (*orderTexts, error) {
	byID, err := textsByID(ctx, q)
	if err != nil {
		return nil, err
	}
	t := &orderTexts{ids: make(map[string]any, len(byID)), next: 1}
	for id, text := range byID {
		t.ids[text] = id
		t.next = max(t.next, id+1)
	}
	return t, nil
}

// id is text's id, a new one queued for writing when text is new.
func (t *orderTexts) id(text string) any {
	if v, ok := t.ids[text]; ok {
		return v
	}
	text = strings.Clone(text) // the parser's strings point into a buffer it reuses
	var v any = t.next
	t.next++
	t.ids[text] = v
	t.queued = append(t.queued, driver.NamedValue{Ordinal: 1, Value: v}, driver.NamedValue{Ordinal: 2, Value: text})
	return v
}

// insertTextSQL writes one queued text: its id and text.
const insertTextSQL = `INSERT INTO order_texts (id, text) VALUES (?, ?)`

// writeQueued writes the texts handed out since the last call, each as the
// (id, text) arguments of insertTextSQL, before the lines that use them.
func (t *orderTexts) writeQueued(write func(args []driver.NamedValue) error) error {
	for q := t.queued; len(q) > 0; q = q[2:] {
		if err := write(q[:2]); err != nil {
			return err
		}
	}
	t.queued = t.queued[:0]
	return nil
}

// textsByID reads order_texts as id -> text, for readers that take the
// ids from order_rows and want the texts without a join per line.
func textsByID(ctx context.Context, q queryer) (map[int64]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, text FROM order_texts`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return nil, err
		}
		out[id] = text
	}
	return out, rows.Err()
}

// atSeconds reads a stored line time, "YYYY-MM-DD HH:MM:SS" (UTC), as
// seconds since 1970-01-01. Hand-written rather than time.Parse: it runs
// for every line of an import, and the parser has already checked the
// value (it made it), so only the arithmetic is left (days from the civil
// date, H. Hinnant's algorithm).
func atSeconds(s string) (int64, error) {
	if len(s) != 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' {
		return 0, fmt.Errorf("order line time %q is not YYYY-MM-DD HH:MM:SS", s)
	}
	var bad bool
	num := func(from, to int) int64 {
		var n int64
		for i := from; i < to; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				bad = true
			}
			n = n*10 + int64(c-'0')
		}
		return n
	}
	y, m, d := num(0, 4), num(5, 7), num(8, 10)
	hh, mm, ss := num(11, 13), num(14, 16), num(17, 19)
	if bad || m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59 || y < 1970 {
		return 0, fmt.Errorf("order line time %q is not YYYY-MM-DD HH:MM:SS", s)
	}
	return daysFromCivil(y, m, d)*86400 + hh*3600 + mm*60 + ss, nil
}

// daysFromCivil is the day number (since 1970-01-01) of a proleptic
// Gregorian date.
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400 // y >= 1969 here: no negative division
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// appendAt appends the time sec (seconds since 1970-01-01, >= 0) as
// "YYYY-MM-DD HH:MM:SS": what the lines held before 0015 and what
// ParsedLine.At is, so the summaries and the order signatures read the
// compact rows as they read the file.
func appendAt(buf []byte, sec int64) []byte {
	z := sec/86400 + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	t := sec % 86400
	two := func(b []byte, v int64) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }
	buf = append(buf, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	buf = append(two(buf, m), '-')
	buf = append(two(buf, d), ' ')
	buf = append(two(buf, t/3600), ':')
	buf = append(two(buf, t/60%60), ':')
	return two(buf, t%60)
}

// atText is appendAt as a string, the previous one's when sec is the same
// (the lines of an order share their time).
type atText struct {
	sec int64
	s   string
	buf []byte
}

func (a *atText) of(sec int64) string {
	if a.s == "" || sec != a.sec {
		a.buf = appendAt(a.buf[:0], sec)
		a.sec, a.s = sec, string(a.buf)
	}
	return a.s
}

// Indexes on order_rows that imports drop and their first reader builds
// (withIndex), one sort each.
const (
	// Date ranges: campaigns, the ads funnel, care, storage fees, as-of
	// tiers. Dropped by an import into an empty workspace (see
	// dropDateIndex): ≈ 0.7 s at a million lines.
	dateIndexSQL = `CREATE INDEX IF NOT EXISTS order_rows_by_at ON order_rows (at)`
	// One customer's lines: the customer detail, and a campaign's new
	// customers (each buyer's first line; without it that count scanned
	// every line once per buyer). Dropped by every import (a million random
	// inserts cost more than the load): ≈ 1 s at a million lines.
	customerIndexSQL = `CREATE INDEX IF NOT EXISTS order_rows_by_customer ON order_rows (customer_id, at)`
)

// withIndex makes sure the index ddl creates is there before it is read
// through. Once it is there the statement does nothing (SQLite sees the
// index when it prepares it).
func (s *Store) withIndex(ctx context.Context, ddl string) error {
	if _, err := s.db.ExecContext(ctx, ddl); err != nil {
		return s.fail(err)
	}
	return nil
}
