package screens

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// relativeLuminance is WCAG 2.x's relative luminance of an opaque colour.
func relativeLuminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrastRatio is WCAG 2.x's contrast ratio, from 1 to 21.
func contrastRatio(a, b color.Color) float64 {
	la, lb := relativeLuminance(a), relativeLuminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestContrastRatioMatchesWCAGExamples(t *testing.T) {
	black, white := color.Black, color.White
	if got := contrastRatio(black, white); math.Abs(got-21) > 1e-9 {
		t.Fatalf("black on white = %v, want 21", got)
	}
	// #767676 on white is the lightest grey that passes AA (4.54:1).
	if got := contrastRatio(color.NRGBA{0x76, 0x76, 0x76, 0xff}, white); math.Abs(got-4.54) > 0.01 {
		t.Fatalf("#767676 on white = %.3f, want 4.54", got)
	}
}

// Secondary text (formula lines, metadata) must reach WCAG AA 4.5:1 on every
// background it is drawn on, in both themes.
func TestSecondaryTextContrast(t *testing.T) {
	test.NewTempApp(t)
	backgrounds := []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground,
		theme.ColorNameOverlayBackground, theme.ColorNameMenuBackground, theme.ColorNameHeaderBackground}
	for _, variant := range []string{"light", "dark"} {
		th := &appTheme{variant: variant}
		fg := th.Color(colorNameSecondary, theme.VariantLight)
		for _, bg := range backgrounds {
			if r := contrastRatio(fg, th.Color(bg, theme.VariantLight)); r < 4.5 {
				t.Errorf("%s theme: secondary text on %s is %.2f:1, below 4.5:1", variant, bg, r)
			}
		}
		// Secondary stays visibly dimmer than body text, or it would not be secondary.
		body := contrastRatio(th.Color(theme.ColorNameForeground, 0), th.Color(theme.ColorNameBackground, 0))
		sec := contrastRatio(fg, th.Color(theme.ColorNameBackground, 0))
		if sec >= body {
			t.Errorf("%s theme: secondary text (%.2f:1) is as strong as body text (%.2f:1)", variant, sec, body)
		}
	}
}

// A low-importance textBlock is drawn in the secondary colour, not Fyne's
// disabled grey.
func TestSecondaryTextUsesSecondaryColour(t *testing.T) {
	test.NewTempApp(t)
	tb := secondaryText("= 12.99 USD × 15%")
	if got := tb.rich.Segments[0].(*widget.TextSegment).Style.ColorName; got != colorNameSecondary {
		t.Fatalf("secondary text colour = %q, want %q", got, colorNameSecondary)
	}
}
