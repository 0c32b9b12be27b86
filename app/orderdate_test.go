package app

import (
	"testing"
	"time"
)

// Every layout of the formats table reads a date written in it, converted
// to UTC; the layouts with no zone read it as UTC.
func TestOrderDateLayouts(t *testing.T) {
	at := time.Date(2023, 7, 14, 21, 5, 9, 0, time.FixedZone("CST", 8*3600))
	for _, layout := range orderDateLayouts {
		s := at.Format(layout)
		got, ok := layoutOrderDate(s)
		if !ok {
			t.Errorf("layout %q: %q not read", layout, s)
			continue
		}
		// What the layout keeps of the time, in UTC when it keeps a zone.
		want, _ := time.Parse(layout, s)
		if w := want.UTC().Format("2006-01-02 15:04:05"); got != w {
			t.Errorf("layout %q: %q read as %q, want %q", layout, s, got, w)
		}
	}
	if got, _ := layoutOrderDate("2023-07-14T21:05:09+08:00"); got != "2023-07-14 13:05:09" {
		t.Errorf("RFC 3339 with a zone: %q, want converted to UTC", got)
	}
	for _, s := range []string{"14/07/2023", "2023.07.14", "45121", "yesterday"} {
		if got, ok := layoutOrderDate(s); ok {
			t.Errorf("layoutOrderDate(%q) = %q; want left to the other readers", s, got)
		}
	}
}

// dayMonth: the order given wins; else the part over 12 is the day; equal
// parts are the same date either way; two different parts up to 12 ask.
func TestDayMonth(t *testing.T) {
	for _, c := range []struct {
		a, b   int
		order  DateOrder
		mo, d  int
		reason string
	}{
		{3, 4, DateDMY, 4, 3, ""},
		{3, 4, DateMDY, 3, 4, ""},
		{13, 4, DateAuto, 4, 13, ""},
		{4, 13, DateAuto, 4, 13, ""},
		{5, 5, DateAuto, 5, 5, ""},
		{3, 4, DateAuto, 0, 0, ReasonAmbiguous},
		{13, 14, DateAuto, 0, 0, ReasonBadDate},
	} {
		mo, d, reason := dayMonth(c.a, c.b, c.order)
		if mo != c.mo || d != c.d || reason != c.reason {
			t.Errorf("dayMonth(%d, %d, %q) = %d, %d, %q; want %d, %d, %q", c.a, c.b, c.order, mo, d, reason, c.mo, c.d, c.reason)
		}
	}
}

func TestClockTime(t *testing.T) {
	for _, c := range []struct {
		s          string
		h, mi, sec int
		ok         bool
	}{
		{"", 0, 0, 0, true},
		{"9:05", 9, 5, 0, true},
		{"23:59:59", 23, 59, 59, true},
		{"24:00", 0, 0, 0, false},
		{"9:5", 0, 0, 0, false},
		{"9:05:60", 0, 0, 0, false},
		{"9", 0, 0, 0, false},
		{"1:02:03:04", 0, 0, 0, false},
	} {
		h, mi, sec, ok := clockTime(c.s)
		if h != c.h || mi != c.mi || sec != c.sec || ok != c.ok {
			t.Errorf("clockTime(%q) = %d, %d, %d, %v; want %d, %d, %d, %v", c.s, h, mi, sec, ok, c.h, c.mi, c.sec, c.ok)
		}
	}
}

// A line total is stored per unit, rounded half away from zero; out of
// range it names the bound it breaks, and a bad amount says so.
func TestLineTotalCents(t *testing.T) {
	for _, c := range []struct {
		v      string
		q      int64
		want   int64
		reason string
	}{
		{"10.00", 3, 333, ""},
		{"10.01", 2, 501, ""},
		{"-10.01", 2, -501, ""},
		{"7.50", 0, 750, ""},
		{"10,000,000,000.01", 1, 0, ReasonTotalRange},
		{"10,000,000.01", 1, 0, ReasonPriceRange},
		{"10,000,000.02", 2, 500000001, ""},
		{"ten", 1, 0, ReasonBadPrice},
	} {
		got, rerr := lineTotalCents(c.v, c.q)
		reason := ""
		if rerr != nil {
			reason = rerr.Reason
			if rerr.Field != "line_total" || rerr.Value != c.v {
				t.Errorf("lineTotalCents(%q, %d): error names %q = %q", c.v, c.q, rerr.Field, rerr.Value)
			}
		}
		if got != c.want || reason != c.reason {
			t.Errorf("lineTotalCents(%q, %d) = %d, %q; want %d, %q", c.v, c.q, got, reason, c.want, c.reason)
		}
	}
}

// A unit price is bounded itself and with its line's quantity.
func TestUnitPriceCents(t *testing.T) {
	for _, c := range []struct {
		v      string
		q      int64
		want   int64
		reason string
	}{
		{"2.55", 4, 255, ""},
		{"-2.55", 1, -255, ""},
		{"10,000,000.01", 1, 0, ReasonPriceRange},
		{"9,000,000", 2000, 0, ReasonTotalRange},
		{"9,000,000", 1000, 900000000, ""},
		{"abc", 1, 0, ReasonBadPrice},
	} {
		got, rerr := unitPriceCents(c.v, c.q)
		reason := ""
		if rerr != nil {
			reason = rerr.Reason
		}
		if got != c.want || reason != c.reason {
			t.Errorf("unitPriceCents(%q, %d) = %d, %q; want %d, %q", c.v, c.q, got, reason, c.want, c.reason)
		}
	}
}
