package app_test

import (
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// TestMarkPartialMonth: the month that contains "today" is labelled
// partial, with the date its orders run to; other months are untouched.
func TestMarkPartialMonth(t *testing.T) {
	months := []app.MonthValue{{Month: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}, {Month: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}}
	now := time.Date(2026, 12, 2, 16, 0, 0, 0, time.UTC)
	for _, l := range []*app.Localizer{app.English(), app.NewLocalizer(app.LangChinese)} {
		c := app.MarkPartialMonth(l, app.RevenueByMonthChart(l, months, "USD"), now)
		if c.Categories[0] != "2026-11" || c.Categories[1] != l.T("chart.partial_month", "2026-12") || !strings.Contains(c.Note, "2026-12-02") {
			t.Errorf("%s: %v, note %q", l.Lang(), c.Categories, c.Note)
		}
	}
	if c := app.MarkPartialMonth(app.English(), app.OrdersByMonthChart(app.English(), months), now.AddDate(0, 2, 0)); c.Categories[1] != "2026-12" {
		t.Errorf("a past month was marked partial: %v", c.Categories)
	}
	if got := app.English().T("chart.partial_month", "2026-12"); got != "2026-12 (partial)" {
		t.Errorf("label %q", got)
	}
}
