package app

import (
	"strconv"
	"strings"
	"time"

	"github.com/seller-assistant/seller-assistant/app/format"
)

// BusinessHours is when the shop answers customers: a daily window in its
// own zone on working weekdays, minus holidays.
type BusinessHours struct {
	Zone     string            // IANA name, e.g. "Asia/Shanghai"
	Loc      *time.Location    // loaded from Zone; nil means UTC
	StartMin int               // window start, minutes after local midnight
	EndMin   int               // window end (exclusive), 1..1440
	Days     [7]bool           // indexed by time.Weekday: Days[time.Monday]
	Holidays map[string]bool   // local dates "2006-01-02" with no service
	Names    map[string]string // holiday names, for the settings list
}

// DefaultBusinessHours: 9:00-18:00 Monday to Friday in Shenzhen.
func DefaultBusinessHours() BusinessHours {
	bh, _ := NewBusinessHours("Asia/Shanghai", 9*60, 18*60, "1,2,3,4,5")
	return bh
}

// NewBusinessHours builds hours from stored settings; days is a list of ISO
// weekdays (1 Monday .. 7 Sunday).
func NewBusinessHours(zone string, startMin, endMin int, days string) (BusinessHours, error) {
	loc, err := LoadZone(zone)
	if err != nil {
		return BusinessHours{}, err
	}
	bh := BusinessHours{Zone: zone, Loc: loc, StartMin: startMin, EndMin: endMin, Holidays: map[string]bool{}, Names: map[string]string{}}
	for _, d := range strings.Split(days, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(d))
		if err != nil || n < 1 || n > 7 {
			return BusinessHours{}, Errorf(EInvalid, "care.err_days", days)
		}
		bh.Days[n%7] = true // ISO 7 (Sunday) is time.Sunday (0)
	}
	return bh, bh.Validate()
}

// Validate refuses a window that is empty or hours with no working day, so
// Add always finds an end.
func (b BusinessHours) Validate() error {
	if b.StartMin < 0 || b.EndMin > 24*60 || b.EndMin <= b.StartMin {
		return Errorf(EInvalid, "care.err_window")
	}
	for _, d := range b.Days {
		if d {
			return nil
		}
	}
	return Errorf(EInvalid, "care.err_no_days")
}

// DaysText is the ISO weekday list as stored, e.g. "1,2,3,4,5".
func (b BusinessHours) DaysText() string {
	var out []string
	for iso := 1; iso <= 7; iso++ {
		if b.Days[iso%7] {
			out = append(out, strconv.Itoa(iso))
		}
	}
	return strings.Join(out, ",")
}

func (b BusinessHours) loc() *time.Location {
	if b.Loc == nil {
		return time.UTC
	}
	return b.Loc
}

// window is the working window of the local date y-m-d, ok false on a day
// off. time.Date applies the zone's offset of that day, so the window stays
// at 9:00 local time on both sides of a DST change.
func (b BusinessHours) window(y int, m time.Month, d int) (start, end time.Time, ok bool) {
	loc := b.loc()
	noon := time.Date(y, m, d, 12, 0, 0, 0, loc)
	if !b.Days[noon.Weekday()] || b.Holidays[noon.Format("2006-01-02")] {
		return time.Time{}, time.Time{}, false
	}
	start = time.Date(y, m, d, b.StartMin/60, b.StartMin%60, 0, 0, loc)
	end = time.Date(y, m, d, b.EndMin/60, b.EndMin%60, 0, 0, loc) // 24:00 normalises to the next midnight
	return start, end, true
}

// Between is the business time from a to b: the parts of [a, b) inside
// working windows. Zero when b is not after a; never negative.
func (b BusinessHours) Between(from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	loc := b.loc()
	y, m, d := from.In(loc).Date()
	var total time.Duration
	for i := 0; ; i++ {
		day := time.Date(y, m, d+i, 0, 0, 0, 0, loc)
		if !day.Before(to) {
			break
		}
		start, end, ok := b.window(day.Date())
		if !ok {
			continue
		}
		if start.Before(from) {
			start = from
		}
		if end.After(to) {
			end = to
		}
		if end.After(start) {
			total += end.Sub(start)
		}
	}
	return total
}

// maxSearchDays bounds Add's walk, for hours whose every working day is a
// holiday far ahead.
const maxSearchDays = 3660

// Add is the instant dur business time after t: the deadline of a target.
// A t outside the window starts counting at the next window's start.
func (b BusinessHours) Add(t time.Time, dur time.Duration) time.Time {
	if dur < 0 {
		dur = 0
	}
	loc := b.loc()
	y, m, d := t.In(loc).Date()
	for i := 0; i < maxSearchDays; i++ {
		start, end, ok := b.window(y, m, d+i)
		if !ok || !end.After(t) {
			continue
		}
		if start.Before(t) {
			start = t
		}
		if avail := end.Sub(start); dur <= avail {
			return start.Add(dur).UTC()
		} else {
			dur -= avail
		}
	}
	return t.Add(time.Duration(maxSearchDays) * 24 * time.Hour).UTC()
}

// DurationText writes a duration for people, in hours and minutes:
// "16 h 10 min", "16小时10分" (format.Duration), never "16.16 hours".
func DurationText(l *Localizer, d time.Duration) string {
	return format.Duration(d, string(l.Lang()))
}

// HoursText writes a duration as hours to 2 decimal places, as the export
// and the screens show it.
func HoursText(d time.Duration) string {
	return strconv.FormatFloat(d.Hours(), 'f', 2, 64)
}
