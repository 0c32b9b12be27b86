package app

import (
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
)

// FeedbackRow is one imported answer: the case it belongs to and its CSAT,
// NPS and reason (zero/false/"" when the column is empty).
type FeedbackRow struct {
	CaseID int64
	CSAT   int // 1..5, 0 = no answer
	NPS    int
	HasNPS bool
	Reason string
}

// FeedbackColumns are the columns a feedback file may have; case_id and at
// least one of csat and nps are required, in any order, any case.
var FeedbackColumns = []string{"case_id", "csat", "nps", "reason"}

// ParseFeedbackCSV reads a whole feedback file. It is all or nothing: the
// first bad row is named (row number as a spreadsheet shows it, the field
// and the value) and no rows are returned, so a half-applied import cannot
// happen.
func ParseFeedbackCSV(r io.Reader) ([]FeedbackRow, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	head, err := cr.Read()
	if err != nil {
		return nil, Errorf(EInvalid, "care.err_feedback_header", strings.Join(FeedbackColumns, ","))
	}
	col := map[string]int{}
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if slices.Contains(FeedbackColumns, h) {
			col[h] = i
		}
	}
	_, hasCSAT := col["csat"]
	_, hasNPS := col["nps"]
	if _, ok := col["case_id"]; !ok || (!hasCSAT && !hasNPS) {
		return nil, Errorf(EInvalid, "care.err_feedback_header", strings.Join(FeedbackColumns, ","))
	}
	var out []FeedbackRow
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, Errorf(EInvalid, "care.err_feedback_row", line, "", err.Error())
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if strings.Join(rec, "") == "" {
			continue // blank line
		}
		var f FeedbackRow
		id, err := strconv.ParseInt(get("case_id"), 10, 64)
		if err != nil || id <= 0 {
			return nil, Errorf(EInvalid, "care.err_feedback_row", line, "case_id", get("case_id"))
		}
		f.CaseID = id
		if s := get("csat"); s != "" {
			v, err := strconv.Atoi(s)
			if err != nil || v < 1 || v > 5 {
				return nil, Errorf(EInvalid, "care.err_feedback_row", line, "csat", s)
			}
			f.CSAT = v
		}
		if s := get("nps"); s != "" {
			v, err := strconv.Atoi(s)
			if err != nil || v < 0 || v > 10 {
				return nil, Errorf(EInvalid, "care.err_feedback_row", line, "nps", s)
			}
			f.NPS, f.HasNPS = v, true
		}
		if s := strings.ToLower(get("reason")); s != "" {
			if !slices.Contains(CaseReasons, s) {
				return nil, Errorf(EInvalid, "care.err_feedback_row", line, "reason", s)
			}
			f.Reason = s
		}
		if f.CSAT == 0 && !f.HasNPS {
			return nil, Errorf(EInvalid, "care.err_feedback_row", line, "csat/nps", "")
		}
		out = append(out, f)
	}
	return out, nil
}
