package data

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Stored money is integer minor units (see the migrations); these turn it
// into decimals for app and back, never through float.

func cents(v int64) decimal.Decimal { return decimal.New(v, -2) }

func toCents(d decimal.Decimal) int64 { return d.Shift(2).Round(0).IntPart() }

func grams(v int64) decimal.Decimal { return decimal.New(v, -3) }

// rate reads a decimal TEXT column; a damaged value reads as zero rather
// than failing a whole list, and the screen shows it for correction.
func rate(s string) decimal.Decimal {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Zero
	}
	return d
}

const dateLayout = "2006-01-02"

func day(s string) time.Time {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func list(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
