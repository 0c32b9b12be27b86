package app

import (
	"encoding/csv"
	"io"
	"strconv"
	"time"
)

// CasesHeader is the columns of a cases export (`cases export`).
var CasesHeader = []string{"case_id", "customer_id", "type", "channel", "platform", "status", "opened_at", "first_response_at",
	"resolved_at", "first_response_business_hours", "resolution_business_hours", "within_target", "csat"}

// WriteCasesCSV writes CasesHeader and one row per case: times in ISO 8601
// UTC, business hours to 2 places (empty when the case has no such time
// yet), within_target "yes"/"no" (empty while an unanswered case is still
// inside its target), csat empty when not answered. Text cells are escaped
// against formula injection (EscapeCell).
func WriteCasesCSV(w io.Writer, cases []Case, bh BusinessHours, t Targets, now time.Time) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CasesHeader); err != nil {
		return err
	}
	iso := func(x time.Time) string {
		if x.IsZero() {
			return ""
		}
		return x.UTC().Format("2006-01-02T15:04:05Z")
	}
	hours := func(d time.Duration, ok bool) string {
		if !ok {
			return ""
		}
		return HoursText(d)
	}
	for _, c := range cases {
		within := ""
		if in, known := c.WithinTarget(bh, t.For(c.Platform), now); known {
			within = map[bool]string{true: "yes", false: "no"}[in]
		}
		csat := ""
		if c.CSAT > 0 {
			csat = strconv.Itoa(c.CSAT)
		}
		fr, frOK := c.FirstResponseHours(bh)
		res, resOK := c.ResolutionHours(bh)
		row := []string{strconv.FormatInt(c.ID, 10), EscapeCell(c.CustomerID), c.Type, c.Channel, EscapeCell(c.Platform), c.Status,
			iso(c.Opened), iso(c.FirstResponse), iso(c.Resolved), hours(fr, frOK), hours(res, resOK), within, csat}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
