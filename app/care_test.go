package app_test

import (
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func hours(t testing.TB, zone string, start, end int, days string, holidays ...string) app.BusinessHours {
	t.Helper()
	bh, err := app.NewBusinessHours(zone, start*60, end*60, days)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range holidays {
		bh.Holidays[h] = true
	}
	return bh
}

func TestBusinessHoursBetween(t *testing.T) {
	sh, ber, ny := mustZone(t, "Asia/Shanghai"), mustZone(t, "Europe/Berlin"), mustZone(t, "America/New_York")
	at := func(loc *time.Location, y int, m time.Month, d, h, min int) time.Time {
		return time.Date(y, m, d, h, min, 0, 0, loc)
	}
	shop := hours(t, "Asia/Shanghai", 9, 18, "1,2,3,4,5")
	tests := []struct {
		name     string
		bh       app.BusinessHours
		from, to time.Time
		want     time.Duration
	}{
		{"same day inside", shop, at(sh, 2026, 11, 24, 10, 0), at(sh, 2026, 11, 24, 12, 30), 150 * time.Minute},
		{"before and after the window", shop, at(sh, 2026, 11, 24, 7, 0), at(sh, 2026, 11, 24, 20, 0), 9 * time.Hour},
		{"over a weekend", shop, at(sh, 2026, 11, 27, 17, 0), at(sh, 2026, 11, 30, 10, 0), 2 * time.Hour},
		{"opened on Saturday", shop, at(sh, 2026, 11, 28, 11, 0), at(sh, 2026, 11, 30, 9, 45), 45 * time.Minute},
		{"over a holiday", hours(t, "Asia/Shanghai", 9, 18, "1,2,3,4,5", "2026-11-27"),
			at(sh, 2026, 11, 26, 17, 0), at(sh, 2026, 11, 30, 10, 0), 2 * time.Hour},
		{"reversed is zero", shop, at(sh, 2026, 11, 24, 12, 0), at(sh, 2026, 11, 24, 10, 0), 0},
		{"equal is zero", shop, at(sh, 2026, 11, 24, 12, 0), at(sh, 2026, 11, 24, 12, 0), 0},
		// 09:00 in New York on Tuesday is 22:00 in Shenzhen: the clock
		// starts at the shop's 09:00 on Wednesday.
		{"customer in another zone", shop, at(ny, 2026, 11, 24, 9, 0), at(sh, 2026, 11, 25, 10, 0), time.Hour},
		// Berlin goes to summer time on Sunday 2026-03-29: the window stays
		// at 09:00 local on Monday, so 65 elapsed hours are 2 business hours.
		{"Berlin spring forward", hours(t, "Europe/Berlin", 9, 17, "1,2,3,4,5"),
			at(ber, 2026, 3, 27, 16, 0), at(ber, 2026, 3, 30, 10, 0), 2 * time.Hour},
		{"Berlin fall back", hours(t, "Europe/Berlin", 9, 17, "1,2,3,4,5"),
			at(ber, 2026, 10, 23, 16, 0), at(ber, 2026, 10, 26, 10, 0), 2 * time.Hour},
		// A window across the change counts the hours that really passed:
		// 00:00-06:00 on the spring-forward night is 5 hours.
		{"window across the DST jump", hours(t, "Europe/Berlin", 0, 6, "1,2,3,4,5,6,7"),
			at(ber, 2026, 3, 29, 0, 0), at(ber, 2026, 3, 29, 6, 0), 5 * time.Hour},
		{"New York fall back", hours(t, "America/New_York", 9, 17, "1,2,3,4,5"),
			at(ny, 2026, 10, 30, 16, 30), at(ny, 2026, 11, 2, 9, 30), time.Hour},
		{"New York spring forward", hours(t, "America/New_York", 9, 17, "1,2,3,4,5"),
			at(ny, 2026, 3, 6, 16, 0), at(ny, 2026, 3, 9, 11, 0), 3 * time.Hour},
		{"whole weeks", shop, at(sh, 2026, 11, 2, 0, 0), at(sh, 2026, 11, 16, 0, 0), 90 * time.Hour},
		{"seven-day shop with 24h window", hours(t, "UTC", 0, 24, "1,2,3,4,5,6,7"),
			at(time.UTC, 2026, 11, 1, 6, 0), at(time.UTC, 2026, 11, 3, 6, 0), 48 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.bh.Between(tt.from, tt.to); got != tt.want {
				t.Fatalf("Between = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBusinessHoursAdd(t *testing.T) {
	sh, ber, ny := mustZone(t, "Asia/Shanghai"), mustZone(t, "Europe/Berlin"), mustZone(t, "America/New_York")
	shop := hours(t, "Asia/Shanghai", 9, 18, "1,2,3,4,5")
	tests := []struct {
		name string
		bh   app.BusinessHours
		from time.Time
		add  time.Duration
		want time.Time
	}{
		{"inside one day", shop, time.Date(2026, 11, 24, 10, 0, 0, 0, sh), 3 * time.Hour, time.Date(2026, 11, 24, 13, 0, 0, 0, sh)},
		{"before opening", shop, time.Date(2026, 11, 23, 7, 0, 0, 0, sh), 2 * time.Hour, time.Date(2026, 11, 23, 11, 0, 0, 0, sh)},
		{"24h target from Friday 17:00", shop, time.Date(2026, 11, 27, 17, 0, 0, 0, sh), 24 * time.Hour, time.Date(2026, 12, 2, 14, 0, 0, 0, sh)},
		{"ends exactly at closing", shop, time.Date(2026, 11, 24, 9, 0, 0, 0, sh), 9 * time.Hour, time.Date(2026, 11, 24, 18, 0, 0, 0, sh)},
		{"skips a holiday", hours(t, "Asia/Shanghai", 9, 18, "1,2,3,4,5", "2026-11-25"), time.Date(2026, 11, 24, 17, 0, 0, 0, sh),
			2 * time.Hour, time.Date(2026, 11, 26, 10, 0, 0, 0, sh)},
		{"across Berlin DST", hours(t, "Europe/Berlin", 9, 17, "1,2,3,4,5"), time.Date(2026, 3, 27, 16, 0, 0, 0, ber),
			2 * time.Hour, time.Date(2026, 3, 30, 10, 0, 0, 0, ber)},
		{"opened in New York, shop in Shenzhen", shop, time.Date(2026, 11, 24, 9, 0, 0, 0, ny), 24 * time.Hour,
			time.Date(2026, 11, 27, 15, 0, 0, 0, sh)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.bh.Add(tt.from, tt.add)
			if !got.Equal(tt.want) {
				t.Fatalf("Add = %v, want %v", got.In(tt.want.Location()), tt.want)
			}
			if got.Location() != time.UTC {
				t.Errorf("deadline not in UTC: %v", got.Location())
			}
		})
	}
}

func TestNewBusinessHoursRefusesBadSettings(t *testing.T) {
	for _, tt := range []struct {
		zone       string
		start, end int
		days       string
		key        string
	}{
		{"Mars/Olympus", 540, 1080, "1,2", "care.err_zone"},
		{"UTC", 600, 540, "1,2", "care.err_window"},
		{"UTC", 540, 1080, "0,8", "care.err_days"},
		{"UTC", 540, 1080, "", "care.err_days"},
	} {
		_, err := app.NewBusinessHours(tt.zone, tt.start, tt.end, tt.days)
		var e *app.Error
		if !careAsError(err, &e) || e.Key != tt.key || e.Code != app.EInvalid {
			t.Errorf("%+v: err = %v, want %s", tt, err, tt.key)
		}
	}
	bh := hours(t, "Europe/Berlin", 8, 16, "1,3,7")
	if bh.DaysText() != "1,3,7" {
		t.Errorf("DaysText = %q", bh.DaysText())
	}
}

func careAsError(err error, e **app.Error) bool {
	x, ok := err.(*app.Error)
	*e = x
	return ok
}

func FuzzBusinessHours(f *testing.F) {
	f.Add(int64(1774600000), int64(3600*70), int64(3600*5), "Europe/Berlin", 9, 17)
	f.Add(int64(1793000000), int64(-500), int64(0), "America/New_York", 0, 24)
	f.Add(int64(1764000000), int64(86400*9), int64(86400), "Asia/Shanghai", 23, 24)
	f.Fuzz(func(t *testing.T, from, span, add int64, zone string, start, end int) {
		if start < 0 || start > 23 || end <= start || end > 24 {
			return
		}
		bh, err := app.NewBusinessHours(zone, start*60, end*60, "1,2,3,4,5,6")
		if err != nil {
			return
		}
		const year = 366 * 86400
		from = from % (200 * year)
		span = span % (3 * year)
		add = add % (60 * 86400)
		if add < 0 {
			add = -add
		}
		a := time.Unix(from, 0)
		b := a.Add(time.Duration(span) * time.Second)
		got := bh.Between(a, b)
		if got < 0 {
			t.Fatalf("Between(%v, %v) = %v < 0", a, b, got)
		}
		if span > 0 && got > b.Sub(a) {
			t.Fatalf("Between(%v, %v) = %v, more than elapsed", a, b, got)
		}
		d := time.Duration(add) * time.Second
		dl := bh.Add(a, d)
		if dl.Before(a) {
			t.Fatalf("Add(%v, %v) = %v before the start", a, d, dl)
		}
		if back := bh.Between(a, dl); back != d {
			t.Fatalf("Between(a, Add(a, %v)) = %v", d, back)
		}
	})
}

func TestFillTemplate(t *testing.T) {
	body := "Hallo {name}, Ihre Bestellung {order_id} ist unterwegs: {tracking_no}. Stand {local_date}."
	tests := []struct {
		name    string
		body    string
		values  map[string]string
		want    string
		missing string
	}{
		{"all filled", body, map[string]string{"name": "Jürgen Weiß", "order_id": "302-1", "tracking_no": "DE123", "local_date": "24.11.2026"},
			"Hallo Jürgen Weiß, Ihre Bestellung 302-1 ist unterwegs: DE123. Stand 24.11.2026.", ""},
		{"non-ASCII values", "{name}様、ご注文{order_id}", map[string]string{"name": "山田 花子", "order_id": "503-七"}, "山田 花子様、ご注文503-七", ""},
		{"chinese", "亲爱的{name}，您的订单{order_id}", map[string]string{"name": "李娜", "order_id": "A1"}, "亲爱的李娜，您的订单A1", ""},
		{"missing tracking", body, map[string]string{"name": "Anna", "order_id": "1", "local_date": "x"}, "", "{tracking_no}"},
		{"blank counts as missing", body, map[string]string{"name": "  ", "order_id": "1", "tracking_no": "T", "local_date": "x"}, "", "{name}"},
		{"several missing, named once each", "{name} {name} {order_id}", nil, "", "{name}, {order_id}"},
		{"unknown placeholder", "Hi {nickname}", map[string]string{"name": "A"}, "", "{nickname}"},
		{"no placeholders", "Thank you!", nil, "Thank you!", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := app.FillTemplate(tt.body, tt.values)
			if tt.missing == "" {
				if err != nil || got != tt.want {
					t.Fatalf("got %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			var e *app.Error
			if !careAsError(err, &e) || e.Key != "care.err_missing_placeholders" || got != "" {
				t.Fatalf("got %q, %v; want missing %s", got, err, tt.missing)
			}
			if msg := app.English().T(e.Key, e.Args...); !strings.Contains(msg, tt.missing) {
				t.Fatalf("message %q does not name %s", msg, tt.missing)
			}
		})
	}
}

func TestTemplateValuesUseTheCustomersClockAndLanguage(t *testing.T) {
	// 23:30 UTC on the 24th is already the 25th in Tokyo.
	now := time.Date(2026, 11, 24, 23, 30, 0, 0, time.UTC)
	ct := app.Contact{CustomerID: "HL10003", Name: "佐藤 健", Language: "ja", TimeZone: "Asia/Tokyo"}
	v := app.TemplateValues(ct, app.Case{OrderID: "R-77", TrackingNo: "JP998"}, now)
	if v["local_date"] != "2026年11月25日" || v["name"] != "佐藤 健" || v["order_id"] != "R-77" || v["tracking_no"] != "JP998" {
		t.Fatalf("values %v", v)
	}
	de := app.Contact{CustomerID: "x", PlatformHandle: "kuechenfan", Language: "de", TimeZone: "Europe/Berlin"}
	if v := app.TemplateValues(de, app.Case{}, now); v["local_date"] != "25.11.2026" || v["name"] != "kuechenfan" {
		t.Fatalf("values %v", v)
	}
	ts := []app.Template{{Situation: "win_back", Language: "en", Body: "en"}, {Situation: "win_back", Language: "de", Body: "de"}}
	if tp, ok := app.PickTemplate(ts, "win_back", "de"); !ok || tp.Body != "de" {
		t.Errorf("de: %v %v", tp, ok)
	}
	if tp, ok := app.PickTemplate(ts, "win_back", "ja"); !ok || tp.Body != "en" {
		t.Errorf("ja falls back to en: %v %v", tp, ok)
	}
	if _, ok := app.PickTemplate(ts, "refund_issued", "en"); ok {
		t.Error("found a template that does not exist")
	}
}

func TestFeedbackMaths(t *testing.T) {
	c := func(csat int, nps ...int) app.Case {
		x := app.Case{CSAT: csat}
		if len(nps) > 0 {
			x.NPS, x.HasNPS = nps[0], true
		}
		return x
	}
	tests := []struct {
		name       string
		cases      []app.Case
		csat, nps  float64
		csatN, npN int
	}{
		{"none", nil, 0, 0, 0, 0},
		{"all promoters", []app.Case{c(5, 10), c(4, 9)}, 100, 100, 2, 2},
		// 2 promoters, 1 passive, 2 detractors (0 counts): (2-2)/5 = 0.
		{"balanced", []app.Case{c(5, 10), c(5, 9), c(3, 8), c(2, 6), c(1, 0)}, 40, 0, 5, 5},
		// 1 promoter, 3 detractors of 4: -50; CSAT 1 of 2 answers.
		{"detractors", []app.Case{c(0, 9), c(4, 3), c(2, 5), c(0, 6)}, 50, -50, 2, 4},
		{"nps without csat", []app.Case{c(0, 7), c(0, 8)}, 0, 0, 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := app.FeedbackOf(tt.cases)
			if f.CSAT != tt.csat || f.NPS != tt.nps || f.CSATAnswers != tt.csatN || f.NPSAnswers != tt.npN {
				t.Fatalf("got %+v", f)
			}
		})
	}
	if r := app.ComplaintRate(3, 150); r != 2 {
		t.Errorf("ComplaintRate(3,150) = %v", r)
	}
	if r := app.ComplaintRate(3, 0); r != 0 {
		t.Errorf("ComplaintRate with no orders = %v", r)
	}
}

func TestCaseDeadlineAndLateness(t *testing.T) {
	shop := hours(t, "Asia/Shanghai", 9, 18, "1,2,3,4,5")
	sh := mustZone(t, "Asia/Shanghai")
	opened := time.Date(2026, 11, 27, 17, 0, 0, 0, sh) // Friday
	c := app.Case{Opened: opened.UTC(), Platform: "Amazon US"}
	targets := app.Targets{"": 24, "Amazon US": 8}
	dl := c.Deadline(shop, targets.For(c.Platform)) // 1h Fri + 7h Mon
	if want := time.Date(2026, 11, 30, 16, 0, 0, 0, sh); !dl.Equal(want) {
		t.Fatalf("deadline %v, want %v", dl, want)
	}
	if targets.For("eBay") != 24 || (app.Targets{}).For("x") != app.DefaultTarget {
		t.Error("default target")
	}
	before, after := dl.Add(-time.Minute), dl.Add(time.Minute)
	if c.Late(shop, 8, before) {
		t.Error("late before the deadline")
	}
	if _, known := c.WithinTarget(shop, 8, before); known {
		t.Error("unanswered case before its deadline is not yet known")
	}
	if !c.Late(shop, 8, after) {
		t.Error("unanswered after the deadline is late")
	}
	c.FirstResponse = before
	if c.Late(shop, 8, after.Add(time.Hour)) {
		t.Error("answered in time")
	}
	if h, ok := c.FirstResponseHours(shop); !ok || app.HoursText(h) != "7.98" {
		t.Errorf("first response %v %v", app.HoursText(h), ok)
	}
	c.FirstResponse = after
	if within, known := c.WithinTarget(shop, 8, after); within || !known {
		t.Error("answered late")
	}
}

func TestCaseValidate(t *testing.T) {
	ok := app.Case{CustomerID: "HL1", Type: "complaint", Channel: "email", Priority: "high", Status: "new",
		Opened: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := []func(c *app.Case){
		func(c *app.Case) { c.CustomerID = " " },
		func(c *app.Case) { c.Type = "chat" },
		func(c *app.Case) { c.Status = "done" },
		func(c *app.Case) { c.Opened = time.Time{} },
		func(c *app.Case) { c.FirstResponse = c.Opened.Add(-time.Hour) },
		func(c *app.Case) { c.Resolved = c.Opened.Add(-time.Hour) },
		func(c *app.Case) { c.CSAT = 6 },
		func(c *app.Case) { c.NPS, c.HasNPS = 11, true },
		func(c *app.Case) { c.Reason = "weather" },
	}
	for i, f := range bad {
		c := ok
		f(&c)
		if err := c.Validate(); app.ErrorCode(err) != app.EInvalid {
			t.Errorf("%d: %v", i, err)
		}
	}
}

func TestCareChartsAreValid(t *testing.T) {
	l := app.English()
	shop := hours(t, "Asia/Shanghai", 9, 18, "1,2,3,4,5")
	base := time.Date(2026, 11, 2, 2, 0, 0, 0, time.UTC)
	cases := []app.Case{
		{CustomerID: "A", Type: "complaint", Reason: "damaged", Platform: "eBay", Country: "DE", Opened: base, FirstResponse: base.Add(2 * time.Hour), Resolved: base.Add(30 * time.Hour), CSAT: 2, NPS: 3, HasNPS: true},
		{CustomerID: "B", Type: "shipping", Platform: "Amazon US", Country: "US", Opened: base.AddDate(0, 0, 8), FirstResponse: base.AddDate(0, 0, 9), CSAT: 5},
		{CustomerID: "C", Type: "dispute", Reason: "late", Platform: "Amazon US", Country: "US", Opened: base.AddDate(0, 0, 15)},
	}
	tiers := map[string]app.Tier{"A": app.TierLoyal}
	orders := []app.NamedValue{{Name: "US", Count: 40}, {Name: "DE", Count: 20}}
	now := base.AddDate(0, 1, 0)
	charts := []app.Chart{app.CasesByTypeChart(l, cases), app.CasesByReasonChart(l, cases), app.ResponseDistributionChart(l, cases, shop),
		app.ResponseTrendChart(l, cases, shop), app.WithinTargetChart(l, cases, shop, app.Targets{}, now), app.SatisfactionTrendChart(l, cases),
		app.ComplaintRateChart(l, cases, orders), app.ComplainerTierChart(l, cases, tiers)}
	for _, c := range charts {
		if c.Empty() {
			t.Errorf("%s is empty", c.ID)
		}
		if err := c.Validate(); err != nil {
			t.Error(err)
		}
		if strings.Contains(c.Title, "care.") || strings.Join(c.Categories, ",") != strings.ReplaceAll(strings.Join(c.Categories, ","), "care.", "") {
			t.Errorf("%s: untranslated text %q %v", c.ID, c.Title, c.Categories)
		}
	}
	rate := app.ComplaintRateChart(l, cases, orders)
	if rate.Series[0].Values[0] != 2.5 || rate.Series[0].Values[1] != 5 {
		t.Errorf("complaint rate %v", rate.Series[0].Values)
	}
	tierMix := app.ComplainerTierChart(l, cases, tiers)
	if v := tierMix.Series[0].Values; v[1] != 1 || v[4] != 1 {
		t.Errorf("tier mix %v (loyal A, no orders C)", v)
	}
	within := app.WithinTargetChart(l, cases, shop, app.Targets{}, now)
	if strings.Join(within.Categories, ",") != "Amazon US,eBay" || within.Series[0].Values[0] != 50 || within.Series[0].Values[1] != 100 {
		t.Errorf("within target %v %v", within.Categories, within.Series[0].Values)
	}
	for _, c := range []app.Chart{app.CasesByTypeChart(l, nil), app.ResponseTrendChart(l, nil, shop), app.SatisfactionTrendChart(l, nil),
		app.ComplaintRateChart(l, nil, orders), app.ComplainerTierChart(l, nil, nil)} {
		if !c.Empty() {
			t.Errorf("%s has data without cases", c.ID)
		}
	}
	k := app.KPIsOf(cases, shop, app.Targets{}, now)
	if k.Cases != 3 || k.Answered != 2 || k.Open != 3 || k.Late != 1 {
		t.Errorf("kpis %+v", k)
	}
}

func TestParseFeedbackCSV(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []app.FeedbackRow
		bad  string // the message names this, or "" for success
	}{
		{"all columns, any order and case", "\ufeffNPS,Case_ID,csat,reason\n9,12,5,\n3,14,2,Damaged\n",
			[]app.FeedbackRow{{CaseID: 12, CSAT: 5, NPS: 9, HasNPS: true}, {CaseID: 14, CSAT: 2, NPS: 3, HasNPS: true, Reason: "damaged"}}, ""},
		{"csat only, blank lines", "case_id,csat\n\n7,4\n", []app.FeedbackRow{{CaseID: 7, CSAT: 4}}, ""},
		{"nps zero is an answer", "case_id,nps\n7,0\n", []app.FeedbackRow{{CaseID: 7, NPS: 0, HasNPS: true}}, ""},
		{"no header", "", nil, "header row"},
		{"no score column", "case_id,reason\n1,late\n", nil, "header row"},
		{"csat out of range", "case_id,csat\n1,4\n2,6\n", nil, "row 3, csat: “6”"},
		{"nps not a number", "case_id,nps\n1,ten\n", nil, "row 2, nps: “ten”"},
		{"bad case id", "case_id,csat\n=1+1,4\n", nil, "row 2, case_id"},
		{"unknown reason", "case_id,csat,reason\n1,2,weather\n", nil, "row 2, reason: “weather”"},
		{"row without any answer", "case_id,csat,nps\n1,,\n", nil, "row 2, csat/nps"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := app.ParseFeedbackCSV(strings.NewReader(tt.in))
			if tt.bad != "" {
				if err == nil || got != nil || !strings.Contains(app.English().Message(err), tt.bad) {
					t.Fatalf("got %v, %v; want an error naming %q", got, err, tt.bad)
				}
				return
			}
			if err != nil || len(got) != len(tt.want) {
				t.Fatalf("got %+v, %v", got, err)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("row %d: %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func FuzzParseFeedbackCSV(f *testing.F) {
	f.Add("case_id,csat,nps,reason\n1,5,10,late\n")
	f.Add("case_id,nps\n\"2\",0\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, err := app.ParseFeedbackCSV(strings.NewReader(in))
		if err != nil && rows != nil {
			t.Fatal("rows with an error")
		}
		for _, r := range rows {
			if r.CaseID <= 0 || r.CSAT < 0 || r.CSAT > 5 || (r.HasNPS && (r.NPS < 0 || r.NPS > 10)) || (r.CSAT == 0 && !r.HasNPS) {
				t.Fatalf("invalid row accepted: %+v", r)
			}
		}
	})
}

// BenchmarkCareKPIs: the KPI line and the charts over 10,000 cases, as the
// screen computes them on every reload.
func BenchmarkCareKPIs(b *testing.B) {
	bh := hours(b, "Asia/Shanghai", 9, 21, "1,2,3,4,5,6", "2026-10-01")
	l := app.English()
	start := time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)
	cases := make([]app.Case, 10000)
	for i := range cases {
		o := start.Add(time.Duration(i*37) * time.Minute)
		cases[i] = app.Case{ID: int64(i), CustomerID: "c", Type: app.CaseTypes[i%6], Platform: []string{"Amazon US", "eBay", "Shopify"}[i%3],
			Opened: o, FirstResponse: o.Add(time.Duration(i%50) * time.Hour), Resolved: o.Add(time.Duration(i%200) * time.Hour), CSAT: 1 + i%5,
			Country: "US"}
	}
	now := start.AddDate(0, 3, 0)
	b.ResetTimer()
	for range b.N {
		app.KPIsOf(cases, bh, app.Targets{}, now)
		app.CareCharts(l, app.CareChartInput{Cases: cases, Hours: bh, Targets: app.Targets{}, Now: now})
	}
}

func BenchmarkBusinessHoursBetweenMonth(b *testing.B) {
	bh := hours(b, "Europe/Berlin", 9, 17, "1,2,3,4,5")
	a := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for range b.N {
		bh.Between(a, a.AddDate(0, 1, 0))
	}
}

// TestResponseTrendGapForWeekWithoutResolution: a week whose cases were
// answered but none resolved has no median resolution time: a gap in the
// line, not 0 h (which would read as "resolved at once").
func TestResponseTrendGapForWeekWithoutResolution(t *testing.T) {
	l := app.English()
	shop := hours(t, "Asia/Shanghai", 9, 18, "1,2,3,4,5")
	base := time.Date(2026, 11, 2, 2, 0, 0, 0, time.UTC) // a Monday
	cases := []app.Case{
		{CustomerID: "A", Type: "complaint", Platform: "eBay", Opened: base, FirstResponse: base.Add(2 * time.Hour), Resolved: base.Add(30 * time.Hour)},
		{CustomerID: "B", Type: "shipping", Platform: "eBay", Opened: base.AddDate(0, 0, 7), FirstResponse: base.AddDate(0, 0, 8)},
		{CustomerID: "C", Type: "shipping", Platform: "eBay", Opened: base.AddDate(0, 0, 14), FirstResponse: base.AddDate(0, 0, 14).Add(time.Hour), Resolved: base.AddDate(0, 0, 15)},
	}
	c := app.ResponseTrendChart(l, cases, shop)
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(c.Categories) != 3 {
		t.Fatalf("weeks %v, want 3", c.Categories)
	}
	res := c.Series[1].Values
	if !app.IsGap(res[1]) {
		t.Errorf("resolution in the week with no resolved case = %v, want a gap", res[1])
	}
	if app.IsGap(res[0]) || app.IsGap(res[2]) || res[0] <= 0 || res[2] <= 0 {
		t.Errorf("resolution medians %v: the other weeks have resolved cases", res)
	}
	if app.IsGap(c.Series[0].Values[1]) {
		t.Error("the week's first response is known and must be drawn")
	}
}
