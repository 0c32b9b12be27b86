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
	t := &orderTexts{ids: map[string]any{}, next: 1}
	rows, err := q.QueryContext(ctx, `SELECT id, text FROM order_texts`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return nil, err
		}
		t.ids[text] = id
		t.next = max(t.next, id+1)
	}
	return t, rows.Err()
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

// withCustomerIndex makes sure order_rows_by_customer is there: the
// customer detail reads one customer's lines through it, and a campaign's
// new customers look up each buyer's first line. Every import drops it (a
// million random inserts cost more than the load), and the first of those
// readers builds it, one sort (≈ 1 s at a million lines). Without it, the
// new-customer count scanned every line once per buyer.
func (s *Store) withCustomerIndex(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE INDEX IF NOT EXISTS order_rows_by_customer ON order_rows (customer_id, at)`); err != nil {
		return s.fail(err)
	}
	return nil
}

// withDateIndex makes sure order_rows_by_at is there before a date range
// is read: an import into an empty workspace leaves it out (see
// dropDateIndex), and this builds it the first time, one sort of the
// lines' times (≈ 0.7 s at a million lines, as the customer index is built
// by the first customer detail). Once it is there the statement does
// nothing (SQLite sees the index when it prepares it).
func (s *Store) withDateIndex(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE INDEX IF NOT EXISTS order_rows_by_at ON order_rows (at)`); err != nil {
		return s.fail(err)
	}
	return nil
}
