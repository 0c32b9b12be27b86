package app

import (
	"context"
	"sort"
	"time"
)

// MarketEvent is a date in the destination markets' shopping calendar that
// campaigns are planned around. Built-in events have a Key (their name is
// "promotions.event.<Key>"); events the seller adds have a Name.
type MarketEvent struct {
	ID      int64
	Year    int
	Key     string
	Name    string
	Markets []string // ISO country codes; empty: everywhere
	Start   time.Time
	End     time.Time // inclusive
}

// Title is the event's name in l's language.
func (e MarketEvent) Title(l *Localizer) string {
	if e.Name != "" || e.Key == "" {
		return e.Name
	}
	return l.T("promotions.event." + e.Key)
}

func eventDate(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// NthWeekday is the n-th (1-based) weekday wd of month m in year y.
func NthWeekday(y int, m time.Month, wd time.Weekday, n int) time.Time {
	first := eventDate(y, m, 1)
	offset := (int(wd) - int(first.Weekday()) + 7) % 7
	return first.AddDate(0, 0, offset+7*(n-1))
}

// LastWeekday is the last weekday wd of month m in year y.
func LastWeekday(y int, m time.Month, wd time.Weekday) time.Time {
	last := eventDate(y, m+1, 1).AddDate(0, 0, -1)
	return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7))
}

// Easter is Western (Gregorian) Easter Sunday of year y, by the anonymous
// Gregorian algorithm (Meeus/Jones/Butcher).
func Easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return eventDate(y, time.Month(month), day)
}

// BlackFriday is the day after the fourth Thursday of November (US
// Thanksgiving).
func BlackFriday(y int) time.Time {
	return NthWeekday(y, time.November, time.Thursday, 4).AddDate(0, 0, 1)
}

// PrimeDay is this app's rule for Amazon Prime Day, which Amazon announces a
// few weeks ahead each year: the second Tuesday of July and the Wednesday
// after it. The seller moves the event when Amazon publishes the dates.
func PrimeDay(y int) (start, end time.Time) {
	start = NthWeekday(y, time.July, time.Tuesday, 2)
	return start, start.AddDate(0, 0, 1)
}

// MothersDayFR is the Fête des mères: the last Sunday of May, or the first
// Sunday of June when that Sunday is Pentecost (Easter + 49 days).
func MothersDayFR(y int) time.Time {
	d := LastWeekday(y, time.May, time.Sunday)
	if d.Equal(Easter(y).AddDate(0, 0, 49)) {
		return d.AddDate(0, 0, 7)
	}
	return d
}

// lunarDates are the days the Chinese New Year (Spring Festival) falls on,
// from the Hong Kong Observatory's Gregorian–Lunar calendar conversion
// tables. The lunar calendar follows the moon, so there is no short rule.
var lunarDates = map[int]time.Time{
	2024: eventDate(2024, 2, 10), 2025: eventDate(2025, 1, 29), 2026: eventDate(2026, 2, 17), 2027: eventDate(2027, 2, 6),
	2028: eventDate(2028, 1, 26), 2029: eventDate(2029, 2, 13), 2030: eventDate(2030, 2, 3),
}

// ramadanDates are the first and last day of Ramadan by the Umm al-Qura
// calendar of Saudi Arabia. Many countries start by local moon sighting, so
// a market's dates may differ by a day; the event is editable.
var ramadanDates = map[int][2]time.Time{
	2024: {eventDate(2024, 3, 11), eventDate(2024, 4, 9)},
	2025: {eventDate(2025, 3, 1), eventDate(2025, 3, 29)},
	2026: {eventDate(2026, 2, 18), eventDate(2026, 3, 19)},
	2027: {eventDate(2027, 2, 8), eventDate(2027, 3, 9)},
	2028: {eventDate(2028, 1, 28), eventDate(2028, 2, 26)},
	2029: {eventDate(2029, 1, 16), eventDate(2029, 2, 14)},
	2030: {eventDate(2030, 1, 6), eventDate(2030, 2, 4)},
}

// LunarTableYears is the range of years the Chinese New Year and Ramadan
// tables cover; other years have neither event until the seller adds them.
const LunarTableFirst, LunarTableLast = 2024, 2030

var eventMarkets = []string{"US", "GB", "DE", "FR", "JP"}

// DefaultMarketEvents are the main events of year for the destination
// markets, computed by the rules above, by start date.
func DefaultMarketEvents(y int) []MarketEvent {
	ev := func(key string, markets []string, start, end time.Time) MarketEvent {
		return MarketEvent{Year: y, Key: key, Markets: markets, Start: start, End: end}
	}
	one := func(key string, markets []string, d time.Time) MarketEvent { return ev(key, markets, d, d) }
	bf := BlackFriday(y)
	ps, pe := PrimeDay(y)
	us := NthWeekday(y, time.May, time.Sunday, 2)
	out := []MarketEvent{
		one("valentines", eventMarkets, eventDate(y, 2, 14)),
		one("mothers_day_gb", []string{"GB"}, Easter(y).AddDate(0, 0, -21)),
		one("mothers_day", []string{"US", "DE", "JP"}, us),
		one("mothers_day_fr", []string{"FR"}, MothersDayFR(y)),
		ev("prime_day", eventMarkets, ps, pe),
		ev("back_to_school", []string{"US", "GB", "DE", "FR"}, eventDate(y, 7, 20), eventDate(y, 9, 10)),
		one("singles_day", nil, eventDate(y, 11, 11)),
		one("black_friday", eventMarkets, bf),
		one("cyber_monday", eventMarkets, bf.AddDate(0, 0, 3)),
		one("christmas", []string{"US", "GB", "DE", "FR"}, eventDate(y, 12, 25)),
		one("boxing_day", []string{"GB"}, eventDate(y, 12, 26)),
	}
	if d, ok := lunarDates[y]; ok {
		// Factories stop for the week of the festival and longer; the
		// event marks the public holiday week.
		out = append(out, ev("chinese_new_year", nil, d, d.AddDate(0, 0, 6)))
	}
	if r, ok := ramadanDates[y]; ok {
		out = append(out, ev("ramadan", []string{"AE", "SA", "GB", "FR", "DE"}, r[0], r[1]))
	}
	SortEvents(out)
	return out
}

// SortEvents orders events by start date, then name key.
func SortEvents(es []MarketEvent) {
	sort.SliceStable(es, func(i, j int) bool {
		if !es[i].Start.Equal(es[j].Start) {
			return es[i].Start.Before(es[j].Start)
		}
		return es[i].Key < es[j].Key
	})
}

// LoadMarketEvents returns year's events, first storing the computed
// defaults when the workspace has none for that year, so the seller edits a
// pre-filled calendar.
func LoadMarketEvents(ctx context.Context, st CampaignStore, y int) ([]MarketEvent, error) {
	es, err := st.MarketEvents(ctx, y)
	if err != nil || len(es) > 0 {
		return es, err
	}
	for _, e := range DefaultMarketEvents(y) {
		if _, err := st.SaveMarketEvent(ctx, e); err != nil {
			return nil, err
		}
	}
	return st.MarketEvents(ctx, y)
}

// Validate checks an event before it is saved.
func (e MarketEvent) Validate() error {
	if e.Key == "" && e.Name == "" {
		return Errorf(EInvalid, "promotions.err_event_name")
	}
	if e.Start.IsZero() || e.End.IsZero() {
		return Errorf(EInvalid, "promotions.err_dates")
	}
	if e.End.Before(e.Start) {
		return Errorf(EInvalid, "promotions.err_end_before_start")
	}
	return nil
}
