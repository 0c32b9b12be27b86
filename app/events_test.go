package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

func TestEventRulesPerYear(t *testing.T) {
	tests := []struct {
		year                                     int
		blackFriday, easter, mothersGB, motherUS string
		mothersFR, primeDay, cny, ramadan        string
	}{
		{2024, "2024-11-29", "2024-03-31", "2024-03-10", "2024-05-12", "2024-05-26", "2024-07-09", "2024-02-10", "2024-03-11"},
		{2025, "2025-11-28", "2025-04-20", "2025-03-30", "2025-05-11", "2025-05-25", "2025-07-08", "2025-01-29", "2025-03-01"},
		{2026, "2026-11-27", "2026-04-05", "2026-03-15", "2026-05-10", "2026-05-31", "2026-07-14", "2026-02-17", "2026-02-18"},
		{2027, "2027-11-26", "2027-03-28", "2027-03-07", "2027-05-09", "2027-05-30", "2027-07-13", "2027-02-06", "2027-02-08"},
		{2028, "2028-11-24", "2028-04-16", "2028-03-26", "2028-05-14", "2028-05-28", "2028-07-11", "2028-01-26", "2028-01-28"},
		{2029, "2029-11-23", "2029-04-01", "2029-03-11", "2029-05-13", "2029-05-27", "2029-07-10", "2029-02-13", "2029-01-16"},
		{2030, "2030-11-29", "2030-04-21", "2030-03-31", "2030-05-12", "2030-05-26", "2030-07-09", "2030-02-03", "2030-01-06"},
	}
	f := func(d time.Time) string { return d.Format("2006-01-02") }
	for _, tt := range tests {
		t.Run(time.Date(tt.year, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"), func(t *testing.T) {
			if got := f(app.BlackFriday(tt.year)); got != tt.blackFriday {
				t.Errorf("Black Friday %s, want %s", got, tt.blackFriday)
			}
			if got := f(app.Easter(tt.year)); got != tt.easter {
				t.Errorf("Easter %s, want %s", got, tt.easter)
			}
			if got := f(app.MothersDayFR(tt.year)); got != tt.mothersFR {
				t.Errorf("Fête des mères %s, want %s", got, tt.mothersFR)
			}
			if s, e := app.PrimeDay(tt.year); f(s) != tt.primeDay || e.Sub(s) != 24*time.Hour || s.Weekday() != time.Tuesday {
				t.Errorf("Prime Day %s..%s, want %s and the next day", f(s), f(e), tt.primeDay)
			}
			byKey := map[string]app.MarketEvent{}
			for _, e := range app.DefaultMarketEvents(tt.year) {
				if e.End.Before(e.Start) || e.Year != tt.year {
					t.Errorf("%s: bad event %+v", e.Key, e)
				}
				byKey[e.Key] = e
			}
			checks := map[string]string{
				"black_friday": tt.blackFriday, "mothers_day_gb": tt.mothersGB, "mothers_day": tt.motherUS,
				"mothers_day_fr": tt.mothersFR, "prime_day": tt.primeDay, "chinese_new_year": tt.cny, "ramadan": tt.ramadan,
				"valentines": f(ymd(tt.year, 2, 14)), "singles_day": f(ymd(tt.year, 11, 11)), "christmas": f(ymd(tt.year, 12, 25)),
				"boxing_day": f(ymd(tt.year, 12, 26)), "back_to_school": f(ymd(tt.year, 7, 20)),
				"cyber_monday": f(app.BlackFriday(tt.year).AddDate(0, 0, 3)),
			}
			for key, want := range checks {
				e, ok := byKey[key]
				if !ok {
					t.Errorf("%s missing", key)
					continue
				}
				if got := f(e.Start); got != want {
					t.Errorf("%s starts %s, want %s", key, got, want)
				}
				for _, lang := range app.Langs {
					if !app.NewLocalizer(lang).Has("promotions.event." + key) {
						t.Errorf("%s has no name in %s", key, lang)
					}
				}
			}
			if byKey["cyber_monday"].Start.Weekday() != time.Monday {
				t.Error("Cyber Monday is not a Monday")
			}
		})
	}
}

func TestFeteDesMeresMovesForPentecost(t *testing.T) {
	// 2020: the last Sunday of May was Pentecost, so the day moved to 7 June.
	if got := app.MothersDayFR(2020); !got.Equal(ymd(2020, 6, 7)) {
		t.Fatalf("2020: %s", got)
	}
}

func TestEventsOutsideLunarTable(t *testing.T) {
	for _, e := range app.DefaultMarketEvents(2031) {
		if e.Key == "chinese_new_year" || e.Key == "ramadan" {
			t.Fatalf("2031 has no table entry, yet %s is there", e.Key)
		}
	}
	if len(app.DefaultMarketEvents(2031)) != 11 {
		t.Fatal("the rule-based events must still be there")
	}
}

func TestLoadMarketEventsPrefillsOnce(t *testing.T) {
	var stored []app.MarketEvent
	st := &mock.CampaignStore{
		MarketEventsFn: func(y int) ([]app.MarketEvent, error) {
			var out []app.MarketEvent
			for _, e := range stored {
				if e.Year == y {
					out = append(out, e)
				}
			}
			return out, nil
		},
		SaveMarketEventFn: func(e app.MarketEvent) (int64, error) {
			e.ID = int64(len(stored) + 1)
			stored = append(stored, e)
			return e.ID, nil
		},
	}
	es, err := app.LoadMarketEvents(context.Background(), st, 2026)
	if err != nil || len(es) != 13 {
		t.Fatalf("%d events, %v", len(es), err)
	}
	if _, err := app.LoadMarketEvents(context.Background(), st, 2026); err != nil || len(stored) != 13 {
		t.Fatalf("second load stored again: %d rows, %v", len(stored), err)
	}
}

func TestNthAndLastWeekday(t *testing.T) {
	if got := app.NthWeekday(2026, time.November, time.Thursday, 4); !got.Equal(ymd(2026, 11, 26)) {
		t.Fatal(got)
	}
	if got := app.LastWeekday(2026, time.May, time.Sunday); !got.Equal(ymd(2026, 5, 31)) {
		t.Fatal(got)
	}
	if got := app.NthWeekday(2026, time.July, time.Wednesday, 1); !got.Equal(ymd(2026, 7, 1)) {
		t.Fatal(got)
	}
}
