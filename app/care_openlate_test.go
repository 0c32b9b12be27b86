package app_test

import (
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// The care header counts the late cases someone still has to act on: open
// and past the deadline. A case answered late and then resolved stays late
// in the service KPIs but is not a case to act on.
func TestKPIsCountOpenLateCasesApart(t *testing.T) {
	shop := hours(t, "Asia/Shanghai", 9, 18, "1,2,3,4,5")
	opened := time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC) // Monday 09:00 in Shanghai
	now := opened.AddDate(0, 0, 14)
	late := opened.Add(7 * 24 * time.Hour) // a week later: past a 24 business-hour target
	cases := []app.Case{
		{ID: 1, Status: "resolved", Opened: opened, FirstResponse: late, Resolved: late},  // late, closed
		{ID: 2, Status: "resolved", Opened: opened, FirstResponse: late, Resolved: late},  // late, closed
		{ID: 3, Status: "waiting", Opened: opened, FirstResponse: late},                   // late, still open
		{ID: 4, Status: "new", Opened: opened},                                            // never answered: late, open
		{ID: 5, Status: "new", Opened: now.Add(-time.Hour)},                               // not due yet
		{ID: 6, Status: "resolved", Opened: opened, FirstResponse: opened.Add(time.Hour)}, // on time
	}
	k := app.KPIsOf(cases, shop, app.Targets{}, now)
	if k.Late != 4 || k.OpenLate != 2 || k.Open != 3 {
		t.Fatalf("late %d, open late %d, open %d; want 4, 2, 3", k.Late, k.OpenLate, k.Open)
	}
}

// Times read as hours and minutes in the user's language, not as
// fractional hours.
func TestKPITextShowsDurations(t *testing.T) {
	shop := hours(t, "Asia/Shanghai", 9, 18, "1,2,3,4,5")
	opened := time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC)
	cases := []app.Case{{ID: 1, Status: "resolved", Opened: opened, FirstResponse: opened.Add(2*time.Hour + 30*time.Minute),
		Resolved: opened.Add(3*time.Hour + 10*time.Minute)}}
	k := app.KPIsOf(cases, shop, app.Targets{}, opened.AddDate(0, 0, 1))
	en := app.KPIText(app.English(), k)
	if !strings.Contains(en, "median first response 2 h 30 min, resolution 3 h 10 min") || !strings.Contains(en, "1 case,") {
		t.Errorf("English KPI line: %s", en)
	}
	zh := app.KPIText(app.NewLocalizer(app.LangChinese), k)
	if !strings.Contains(zh, "首次响应中位数 2小时30分，解决 3小时10分") {
		t.Errorf("Chinese KPI line: %s", zh)
	}
}
