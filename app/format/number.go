package format

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// NBSP is a no-break space, which Pieces never breaks at. The formatters
// write a plain space between a number and its unit ("22,415 USD", "16 h")
// as people type and search for it; Pieces keeps a number with the word
// after it anyway.
const NBSP = "\u00a0"

// Lang is a language tag as app.Lang spells it ("en", "zh").
type Lang = string

const zh Lang = "zh"

// zeroDecimal are ISO 4217 currencies without minor units in daily use.
var zeroDecimal = map[string]bool{
	"JPY": true, "KRW": true, "VND": true, "CLP": true, "ISK": true,
	"IDR": true, "UGX": true, "PYG": true, "XAF": true, "XOF": true,
}

// threeDecimal are ISO 4217 currencies with three minor digits.
var threeDecimal = map[string]bool{"BHD": true, "KWD": true, "OMR": true, "JOD": true, "TND": true, "IQD": true, "LYD": true}

// Decimals is the number of minor-unit digits shown for an ISO 4217
// currency: 0 for the yen and won, 3 for the Gulf dinars, 2 otherwise.
func Decimals(currency string) int32 {
	c := strings.ToUpper(currency)
	switch {
	case zeroDecimal[c]:
		return 0
	case threeDecimal[c]:
		return 3
	}
	return 2
}

// Group puts thousands separators into a plain decimal string
// ("-1234567.50" -> "-1,234,567.50"). Chinese uses the same comma grouping
// for money in business documents, so one form serves both languages.
func Group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		sign, s = s[:1], s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	if len(intPart) <= 3 {
		return sign + intPart + frac
	}
	var b strings.Builder
	lead := len(intPart) % 3
	if lead > 0 {
		b.WriteString(intPart[:lead])
	}
	for i := lead; i < len(intPart); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(intPart[i : i+3])
	}
	return sign + b.String() + frac
}

// Int is a count with separators: 3546 -> "3,546".
func Int(n int64) string { return Group(fmt.Sprint(n)) }

// Fixed is d rounded to places, with separators: (1234.5, 2) -> "1,234.50".
func Fixed(d decimal.Decimal, places int32) string { return Group(d.StringFixed(places)) }

// Amount is d as an amount of currency, without its code: the currency's
// decimals and separators (1980 JPY -> "1,980"; 22415.5 USD -> "22,415.50").
func Amount(d decimal.Decimal, currency string) string { return Fixed(d, Decimals(currency)) }

// Money is d with its currency code after it: "22,415.50 USD", "1,980 JPY".
// A code, not a symbol: ¥ is both yuan and yen, $ half a dozen dollars.
func Money(d decimal.Decimal, currency string) string {
	if currency == "" {
		return Amount(d, currency)
	}
	return Amount(d, currency) + " " + strings.ToUpper(currency)
}

// MoneyWhole is Money rounded to whole units, for totals on a dashboard
// where cents are noise: "22,415 USD".
func MoneyWhole(d decimal.Decimal, currency string) string {
	s := Fixed(d, 0)
	if currency == "" {
		return s
	}
	return s + " " + strings.ToUpper(currency)
}

// Percent shows a fraction as a percentage with one decimal: 0.1234 ->
// "12.3%". Places more than one is for figures whose formula needs them
// (a conversion rate of 0.45 %).
func Percent(fraction decimal.Decimal, places int32) string {
	return Group(fraction.Shift(2).StringFixed(places)) + "%"
}

// PercentExact is a fraction as a percentage with as many decimals as it
// has and no trailing zeros: 0.15 -> "15%", 0.0125 -> "1.25%". For rates a
// person typed, which a formula must repeat without rounding.
func PercentExact(fraction decimal.Decimal) string {
	s := fraction.Shift(2).String() // decimal's String has no trailing zeros
	return Group(s) + "%"
}

// PercentFloat is Percent for a float fraction (chart values, fitted rates).
func PercentFloat(fraction float64, places int32) string {
	if math.IsNaN(fraction) || math.IsInf(fraction, 0) {
		return "—"
	}
	return Percent(decimal.NewFromFloat(fraction), places)
}

// Duration reads as hours and minutes, never as fractional hours:
// 16h10m -> "16 h 10 min" ("16小时10分", Chinese writes units without
// spaces); under an hour "45 min"; whole days past 48 hours "3 d 4 h"
// ("3天4小时"). Rounded to the minute. lang is "en", or "zh" or any tag
// starting with it ("zh_Hans", as app.Lang spells Chinese).
func Duration(d time.Duration, lang Lang) string {
	neg := d < 0
	if neg {
		d = -d
	}
	mins := int64(d.Round(time.Minute) / time.Minute)
	days, hours, m := mins/(24*60), mins/60%24, mins%60
	chinese := isChinese(lang)
	unit := func(n int64, en, cn string) string {
		if chinese {
			return Int(n) + cn
		}
		return Int(n) + " " + en
	}
	var parts []string
	switch {
	case mins >= 48*60:
		parts = append(parts, unit(days, "d", "天"))
		if hours > 0 {
			parts = append(parts, unit(hours, "h", "小时"))
		}
	case mins >= 60:
		parts = append(parts, unit(mins/60, "h", "小时"))
		if m > 0 {
			parts = append(parts, unit(m, "min", "分"))
		}
	default:
		parts = append(parts, unit(m, "min", "分"))
	}
	sep := " "
	if chinese {
		sep = ""
	}
	s := strings.Join(parts, sep)
	if neg {
		s = "-" + s
	}
	return s
}

// isChinese is lang as app.Lang or a locale spells Chinese: "zh",
// "zh_Hans", "zh-CN".
func isChinese(lang Lang) bool { return strings.HasPrefix(strings.ToLower(lang), zh) }

// Hours is Duration for a figure kept in (business) hours as a float.
func Hours(h float64, lang Lang) string {
	if math.IsNaN(h) || math.IsInf(h, 0) {
		return "—"
	}
	return Duration(time.Duration(h*float64(time.Hour)), lang)
}
