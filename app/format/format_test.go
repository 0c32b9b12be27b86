package format

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

func TestPieces(t *testing.T) {
	nb := NBSP
	tests := []struct {
		in   string
		want []string
	}{
		{"物流成本", []string{"物", "流", "成", "本"}},
		// Numbers and Latin words stay whole, CJK around them breaks.
		{"单价0.100元", []string{"单", "价", "0.100", "元"}},
		{"毛利率10.00%。", []string{"毛", "利", "率", "10.00%。"}},
		{"用Yanwen发货", []string{"用", "Yanwen", "发", "货"}},
		{"SKU HL-KT-001 缺货", []string{"SKU ", "HL-KT-001 ", "缺", "货"}},
		// Closing punctuation never starts a line; opening never ends one.
		{"成本。利润，", []string{"成", "本。", "利", "润，"}},
		{"（头程）运费", []string{"（头", "程）", "运", "费"}},
		{"见《指南》", []string{"见", "《指", "南》"}},
		// A number keeps its unit across a no-break space, and a plain
		// space before % does not let % start a line.
		{"16" + nb + "h" + nb + "10" + nb + "min", []string{"16" + nb + "h" + nb + "10" + nb + "min"}},
		{"up 10 %", []string{"up ", "10 %"}},
		{"22,415" + nb + "USD 收入", []string{"22,415" + nb + "USD ", "收", "入"}},
		{"Landed cost per unit", []string{"Landed ", "cost ", "per ", "unit"}},
		// A plain space between a number and its unit does not break either.
		{"12.99 USD 到岸", []string{"12.99 USD ", "到", "岸"}},
		{"共 500 件", []string{"共 ", "500 件"}},
		{"共500 件", []string{"共", "500 件"}},
		{"价12.99 USD", []string{"价", "12.99 USD"}},
		{"2026 年 11 月", []string{"2026 年 ", "11 月"}},
		{"", nil},
	}
	for _, tt := range tests {
		got := Pieces(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Pieces(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// width in "cells": a CJK character is two, anything else one, as in a
// monospaced terminal; enough to test where lines break.
func cells(s string) float32 {
	n := 0
	for _, r := range s {
		if isCJK(r) || isClosing(r) && r > 0x2000 || isOpening(r) && r > 0x2000 {
			n += 2
		} else {
			n++
		}
	}
	return float32(n)
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width float32
		want  []string
	}{
		{"到岸成本包括货值、头程运费和关税。", 10, []string{"到岸成本包", "括货值、头", "程运费和关", "税。"}},
		// "税。" moves together rather than leaving "。" to start a line.
		{"到岸成本包括货值头程运费关税。", 10, []string{"到岸成本包", "括货值头程", "运费关税。"}},
		{"售价0.100美元", 6, []string{"售价", "0.100", "美元"}},
		// A number keeps the unit after it ("12.99 USD", "500 件").
		{"Break-even price 12.99 USD", 12, []string{"Break-even", "price", "12.99 USD"}},
		{"库存共500 件，够卖", 8, []string{"库存共", "500 件，", "够卖"}},
		{"3 orders from 2 customers", 12, []string{"3 orders", "from", "2 customers"}},
		{"first\nsecond line", 8, []string{"first", "second", "line"}},
		// A piece wider than the line still breaks, as it must.
		{"ABCDEFGHIJ", 4, []string{"ABCD", "EFGH", "IJ"}},
		{"no width", 0, []string{"no width"}},
	}
	for _, tt := range tests {
		got := Wrap(tt.in, tt.width, cells)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Wrap(%q, %v) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
		for _, l := range got {
			if r, _ := utf8.DecodeRuneInString(l); isClosing(r) && l != "" && tt.width > 1 {
				t.Errorf("Wrap(%q): line %q starts with closing punctuation", tt.in, l)
			}
		}
	}
}

func FuzzPieces(f *testing.F) {
	for _, s := range []string{"单价0.100元", "（头程）", "a b  c", "16\u00a0h", "x\ny"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got := strings.Join(Pieces(s), ""); got != s {
			t.Fatalf("pieces of %q join to %q", s, got)
		}
		lines := Wrap(s, 7, cells)
		if strings.Count(s, "\n")+1 > len(lines) {
			t.Fatalf("Wrap(%q) lost a line: %q", s, lines)
		}
	})
}

func TestNumbers(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct{ got, want string }{
		{Int(0), "0"},
		{Int(999), "999"},
		{Int(1000), "1,000"},
		{Int(-3546123), "-3,546,123"},
		{Fixed(d("1234.5"), 2), "1,234.50"},
		{Money(d("22415.5"), "usd"), "22,415.50 USD"},
		{Money(d("1980"), "JPY"), "1,980 JPY"},
		{Money(d("1979.6"), "JPY"), "1,980 JPY"},
		{Money(d("12.3456"), "KWD"), "12.346 KWD"},
		{MoneyWhole(d("22415.49"), "USD"), "22,415 USD"},
		{Amount(d("-0.5"), "EUR"), "-0.50"},
		{Percent(d("0.1234"), 1), "12.3%"},
		{Percent(d("0.0045"), 2), "0.45%"},
		{Percent(d("12.5"), 1), "1,250.0%"},
		{PercentFloat(0.2751, 1), "27.5%"},
		{PercentExact(d("0.15")), "15%"},
		{PercentExact(d("0.0290")), "2.9%"},
		{PercentExact(d("0.0125")), "1.25%"},
		{PercentExact(d("0")), "0%"},
		{PercentExact(d("12.5")), "1,250%"},
		{Duration(16*time.Hour+10*time.Minute, "en"), "16 h 10 min"},
		{Duration(16*time.Hour+10*time.Minute, "zh"), "16小时10分"},
		{Duration(16*time.Hour+10*time.Minute, "zh_Hans"), "16小时10分"},
		{Duration(76*time.Hour+30*time.Minute, "zh_Hans"), "3天4小时"},
		{Duration(45*time.Minute, "zh_Hans"), "45分"},
		{Hours(1234.5, "en"), "51 d 10 h"},
		{Duration(-90*time.Minute, "en"), "-1 h 30 min"},
		{Duration(45*time.Minute+20*time.Second, "en"), "45 min"},
		{Duration(3*time.Hour, "en"), "3 h"},
		{Duration(76*time.Hour+30*time.Minute, "en"), "3 d 4 h"},
		{Hours(16.16, "en"), "16 h 10 min"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}
