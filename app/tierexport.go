package app

import (
	"encoding/csv"
	"io"
	"strconv"
)

// TiersHeader is the header of the tiers CSV (CLI `tiers`) and of segment
// and tier exports for email marketing. fm_score (FMScore) sits right after
// m_score: it is the score the segment is read from, beside r_score.
var TiersHeader = []string{"customer_id", "country", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "fm_score", "segment", "tier"}

// TierRow is one scored customer as the export writes it: monetary to two
// places, segment by its English name, tier by its id. Text cells are
// escaped with EscapeCell; numbers are written as they are.
func TierRow(c CustomerScore) []string {
	return []string{EscapeCell(c.ID), EscapeCell(c.Country), strconv.Itoa(c.RecencyDays), strconv.Itoa(c.Orders),
		c.Monetary.StringFixed(2), strconv.Itoa(c.R), strconv.Itoa(c.F), strconv.Itoa(c.M), strconv.Itoa(c.FM), string(c.Segment), string(c.Tier)}
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

// WriteTiersCSV writes TiersHeader and one row per customer: the format of
// the CLI's `tiers`, which scripts rely on.
func WriteTiersCSV(w io.Writer, customers []CustomerScore) error {
	return WriteCustomersCSV(w, customers, nil)
}

// PredictionHeader are the columns a customer export gains once the CLV
// model has been fitted, named with the horizon they cover so a predicted
// CLV is never read as the historic monetary column beside it:
// p_alive, expected_purchases_52w, predicted_clv_52w.
func PredictionHeader(horizonWeeks int) []string {
	w := strconv.Itoa(horizonWeeks) + "w"
	return []string{"p_alive", "expected_purchases_" + w, "predicted_clv_" + w}
}

// PredictionsHorizon is the horizon of preds (every prediction of one fit
// shares it); 52 when preds is empty.
func PredictionsHorizon(preds map[string]CustomerCLV) int {
	for _, p := range preds {
		if p.HorizonWeeks > 0 {
			return p.HorizonWeeks
		}
	}
	return 52
}

// PredictionRow is a customer's prediction as exported (rates and counts to
// 4 places, CLV to 2), or empty cells for a customer the fit did not cover.
func PredictionRow(p CustomerCLV, ok bool) []string {
	if !ok {
		return []string{"", "", ""}
	}
	return []string{strconv.FormatFloat(p.PAlive, 'f', 4, 64), strconv.FormatFloat(p.ExpectedPurchases, 'f', 4, 64), p.CLV.StringFixed(2)}
}

// WriteCustomersCSV writes TiersHeader and one row per customer; with preds
// (not nil) each row also carries PredictionHeader's columns.
func WriteCustomersCSV(w io.Writer, customers []CustomerScore, preds map[string]CustomerCLV) error {
	cw := csv.NewWriter(w)
	header := TiersHeader
	if preds != nil {
		header = append(append([]string(nil), TiersHeader...), PredictionHeader(PredictionsHorizon(preds))...)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, c := range customers {
		row := TierRow(c)
		if preds != nil {
			p, ok := preds[c.ID]
			row = append(row, PredictionRow(p, ok)...)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
