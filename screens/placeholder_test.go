package screens

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// looksLikeDate: a placeholder that parses as a date reads as a date set.
func looksLikeDate(s string) bool {
	for _, layout := range []string{time.DateOnly, "2006-01-02 15:04", "2006/01/02", "01/02/2006"} {
		if _, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return true
		}
	}
	return false
}

// A date field left empty must look empty: its placeholder is a hint in
// words, never a sample date (the risk form's review date showed
// "2026-12-31" while it was empty).
func TestDatePlaceholdersAreNotDates(t *testing.T) {
	var calls riskCalls
	_, r := openRisks(t, riskWorkspace(&calls))
	_, c := openCare(t, newCareDB())
	for _, lang := range []app.Lang{app.LangEnglish, app.LangChinese} {
		l := app.NewLocalizer(lang)
		for _, key := range []string{"risks.review_placeholder", "care.due_placeholder", "care.opened_placeholder"} {
			if ph := l.T(key); looksLikeDate(ph) || !strings.Contains(ph, "YYYY-MM-DD") {
				t.Errorf("%s %s = %q: a date, or no format hint", lang, key, ph)
			}
		}
	}
	for name, e := range map[string]*widget.Entry{"risk review": r.review, "follow-up due": c.ct.dueOn, "case opened": c.cs.opened} {
		if e.Text != "" {
			continue
		}
		if looksLikeDate(e.PlaceHolder) || e.PlaceHolder == "" {
			t.Errorf("%s placeholder %q looks like a value (or is missing)", name, e.PlaceHolder)
		}
	}
}
