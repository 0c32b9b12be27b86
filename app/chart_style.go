package app

import (
	"fmt"
	"image/color"
	"math"
	"strings"
)

// The look both renderers share: the series colours and the axis titles.
// They live in the model so the window and the report colour a chart the
// same way and name its axes the same way.

// basePalette holds mid-luminance, saturated colours that stay distinct from
// each other and readable on light and dark backgrounds alike.
var basePalette = []color.NRGBA{
	{R: 0x3b, G: 0x82, B: 0xf6, A: 0xff}, // blue
	{R: 0xf5, G: 0x9e, B: 0x0b, A: 0xff}, // amber
	{R: 0x10, G: 0xb9, B: 0x81, A: 0xff}, // emerald
	{R: 0xef, G: 0x44, B: 0x44, A: 0xff}, // red
	{R: 0x8b, G: 0x5c, B: 0xf6, A: 0xff}, // violet
	{R: 0x06, G: 0xb6, B: 0xd4, A: 0xff}, // cyan
	{R: 0xec, G: 0x48, B: 0x99, A: 0xff}, // pink
	{R: 0x84, G: 0xcc, B: 0x16, A: 0xff}, // lime
}

// morePalette follows the base colours in a chart with more series or
// slices than they cover: the same hues darker, then lighter, so each still
// stands apart from all the others.
var morePalette = []color.NRGBA{
	{R: 0x1e, G: 0x3a, B: 0x8a, A: 0xff}, {R: 0xb4, G: 0x53, B: 0x09, A: 0xff},
	{R: 0x04, G: 0x78, B: 0x57, A: 0xff}, {R: 0x99, G: 0x1b, B: 0x1b, A: 0xff},
	{R: 0x5b, G: 0x21, B: 0xb6, A: 0xff}, {R: 0x0e, G: 0x74, B: 0x90, A: 0xff},
	{R: 0x9d, G: 0x17, B: 0x4d, A: 0xff}, {R: 0x4d, G: 0x7c, B: 0x0f, A: 0xff},
	{R: 0x93, G: 0xc5, B: 0xfd, A: 0xff}, {R: 0xfc, G: 0xd3, B: 0x4d, A: 0xff},
	{R: 0x6e, G: 0xe7, B: 0xb7, A: 0xff}, {R: 0xfc, G: 0xa5, B: 0xa5, A: 0xff},
	{R: 0xc4, G: 0xb5, B: 0xfd, A: 0xff}, {R: 0x67, G: 0xe8, B: 0xf9, A: 0xff},
	{R: 0xf9, G: 0xa8, B: 0xd4, A: 0xff}, {R: 0xbe, G: 0xf2, B: 0x64, A: 0xff},
}

// SeriesColor is the colour of series (or pie slice) i of n. Up to the
// base palette's size these are the base colours; a chart with more series
// or slices gets further colours of its own, so no two slices of a pie share
// one (a palette that repeats makes the 9th slice look like the 1st).
func SeriesColor(i, n int) color.NRGBA {
	if i < 0 {
		i = -i
	}
	if i < len(basePalette) {
		return basePalette[i]
	}
	if n <= len(basePalette) {
		return basePalette[i%len(basePalette)]
	}
	if k := i - len(basePalette); k < len(morePalette) {
		return morePalette[k]
	}
	return extraColor(i - len(basePalette) - len(morePalette))
}

// Palette is SeriesColor for every one of n series or slices.
func Palette(n int) []color.NRGBA {
	out := make([]color.NRGBA, n)
	for i := range out {
		out[i] = SeriesColor(i, n)
	}
	return out
}

// extraColor, for the rare chart with more than 24 series or slices, walks
// the hue circle by the golden angle (so neighbours are far apart whatever
// n is) in three lightness rings.
func extraColor(k int) color.NRGBA {
	hue := math.Mod(20+float64(k)*137.50776, 360)
	light := []float64{0.38, 0.58, 0.48}[k%3]
	sat := []float64{0.70, 0.62, 0.55}[(k/3)%3]
	return hsl(hue, sat, light)
}

func hsl(h, s, l float64) color.NRGBA {
	c := (1 - math.Abs(2*l-1)) * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - c/2
	var r, g, b float64
	switch {
	case h < 60:
		r, g, b = c, x, 0
	case h < 120:
		r, g, b = x, c, 0
	case h < 180:
		r, g, b = 0, c, x
	case h < 240:
		r, g, b = 0, x, c
	case h < 300:
		r, g, b = x, 0, c
	default:
		r, g, b = c, 0, x
	}
	ch := func(v float64) uint8 { return uint8(math.Round((v + m) * 255)) }
	return color.NRGBA{R: ch(r), G: ch(g), B: ch(b), A: 0xff}
}

// HexColor is c as "#rrggbb", as the report's echarts option wants it.
func HexColor(c color.NRGBA) string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// AxisTitle is an axis label with its unit: "Revenue (USD)". The unit is
// added once only: not to a label that already ends in a bracketed part
// ("Business hours (h)", "工作时长（小时）") or already names the unit in any
// case ("Units" with "units", "Margin %" with "%").
func AxisTitle(label, unit string) string {
	label, unit = strings.TrimSpace(label), strings.TrimSpace(unit)
	switch {
	case unit == "":
		return label
	case label == "":
		return unit
	case strings.HasSuffix(label, ")"), strings.HasSuffix(label, "）"):
		return label
	case strings.Contains(strings.ToLower(label), strings.ToLower(unit)):
		return label
	}
	return label + " (" + unit + ")"
}

// YTitle is the value axis' title: YLabel with the chart's Unit, once.
func (c Chart) YTitle() string { return AxisTitle(c.YLabel, c.Unit) }

// XTitle is the x axis' title: XLabel, with XUnit on a scatter's number axis.
func (c Chart) XTitle() string {
	if c.Kind == ChartScatter {
		return AxisTitle(c.XLabel, c.XUnit)
	}
	return c.XLabel
}
