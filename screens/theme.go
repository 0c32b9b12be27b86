package screens

import (
	"image/color"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/fontscan"
)

// appTheme is Fyne's default theme with two changes: a light/dark choice
// that can override the system's, and a bundled CJK font used only when the
// machine has none (Fyne falls back to system fonts for missing glyphs, so
// with a CJK font installed the default font and its bold face stay). The
// bundled font has no Latin letters; Fyne tries its default font next for
// each glyph, so Latin text keeps its usual look, bold included.
type appTheme struct {
	variant string        // "light", "dark" or "" for the system's
	cjk     fyne.Resource // nil: rely on the system's fallback fonts
}

var _ fyne.Theme = (*appTheme)(nil)

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.variant {
	case "light":
		v = theme.VariantLight
	case "dark":
		v = theme.VariantDark
	}
	if n == colorNameSecondary {
		if v == theme.VariantLight {
			return secondaryLight
		}
		return secondaryDark
	}
	return theme.DefaultTheme().Color(n, v)
}

// colorNameSecondary is the colour of secondary text: formula lines and
// metadata under a figure. Fyne draws low-importance text in its disabled
// colour (#e3e3e3 on white, 1.3:1), nearly invisible in the light theme; these
// keep WCAG AA's 4.5:1 against the window, entry and dialog backgrounds of
// both themes (TestSecondaryTextContrast computes it), while staying dimmer
// than body text.
const colorNameSecondary fyne.ThemeColorName = "sellerSecondary"

var (
	secondaryLight = color.NRGBA{R: 0x66, G: 0x66, B: 0x66, A: 0xff}
	secondaryDark  = color.NRGBA{R: 0x9e, G: 0x9e, B: 0x9e, A: 0xff}
)

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource {
	if t.cjk != nil && !s.Monospace && !s.Symbol {
		return t.cjk
	}
	return theme.DefaultTheme().Font(s)
}

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// envForceBundledFont makes the app use its bundled CJK font even when the
// system has one: how the "no CJK font" case is checked on a machine that
// has CJK fonts installed.
const envForceBundledFont = "SELLER_ASSISTANT_BUNDLED_FONT"

var (
	cjkOnce   sync.Once
	cjkSystem bool
)

// systemHasCJK reports whether any system font covers common Chinese
// characters, using the same font index Fyne's fallback uses (built once and
// cached on disk by go-text).
func systemHasCJK() bool {
	cjkOnce.Do(func() {
		fps, err := fontscan.SystemFonts(nil, "")
		if err != nil {
			return
		}
		for _, fp := range fps {
			if fp.Runes.Contains('中') && fp.Runes.Contains('跨') && fp.Runes.Contains('卖') {
				cjkSystem = true
				return
			}
		}
	})
	return cjkSystem
}

// needBundledCJK decides whether the theme must carry the bundled font.
func needBundledCJK() bool {
	if os.Getenv(envForceBundledFont) != "" {
		return true
	}
	return !systemHasCJK()
}
