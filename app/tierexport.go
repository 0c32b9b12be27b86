package app

import (
	"encoding/csv"
	"io"
	"strconv"
)

// TiersHeader is the header of the tiers CSV (CLI `tiers`) and of segment
// and tier exports for email marketing.
var TiersHeader = []string{"customer_id", "country", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "segment", "tier"}

// TierRow is one scored customer as the export writes it: monetary to two
// places, segment by its English name, tier by its id. Text cells are
// escaped with EscapeCell; numbers are written as they are.
func TierRow(c CustomerScore) []string {
	return []string{EscapeCell(c.ID), EscapeCell(c.Country), strconv.Itoa(c.RecencyDays), strconv.Itoa(c.Orders),
		c.Monetary.StringFixed(2), strconv.Itoa(c.R), strconv.Itoa(c.F), strconv.Itoa(c.M), string(c.Segment), string(c.Tier)}
}

// EscapeCell defuses spreadsheet formula injection: a text cell starting
// with = + - @ (or a tab or carriage return, which some spreadsheets skip
// before reading a formula) gets a leading apostrophe, so Excel, Numbers and
// LibreOffice show it as text instead of running it.
func EscapeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// WriteTiersCSV writes TiersHeader and one row per customer.
func WriteTiersCSV(w io.Writer, customers []CustomerScore) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(TiersHeader); err != nil {
		return err
	}
	for _, c := range customers {
		if err := cw.Write(TierRow(c)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
