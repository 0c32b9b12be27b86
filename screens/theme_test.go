package screens

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"github.com/seller-assistant/seller-assistant/assets"
)

func TestThemeUsesBundledFontOnlyWhenSet(t *testing.T) {
	test.NewTempApp(t)
	plain := &appTheme{}
	if plain.Font(fyne.TextStyle{}) != theme.DefaultTheme().Font(fyne.TextStyle{}) {
		t.Fatal("without a bundled font the theme must keep Fyne's font (and its bold face)")
	}
	cjk := fyne.NewStaticResource("cjk.ttf", []byte("font"))
	th := &appTheme{cjk: cjk}
	if th.Font(fyne.TextStyle{}) != cjk || th.Font(fyne.TextStyle{Bold: true}) != cjk {
		t.Fatal("the bundled CJK font is not used for text")
	}
	if th.Font(fyne.TextStyle{Monospace: true}) == cjk || th.Font(fyne.TextStyle{Symbol: true}) == cjk {
		t.Fatal("monospace and symbols must keep their own fonts")
	}
}

func TestThemeVariantOverride(t *testing.T) {
	test.NewTempApp(t)
	dark := &appTheme{variant: "dark"}
	light := &appTheme{variant: "light"}
	bg := theme.ColorNameBackground
	if dark.Color(bg, theme.VariantLight) != theme.DefaultTheme().Color(bg, theme.VariantDark) {
		t.Fatal("dark did not override a light system")
	}
	if light.Color(bg, theme.VariantDark) != theme.DefaultTheme().Color(bg, theme.VariantLight) {
		t.Fatal("light did not override a dark system")
	}
	system := &appTheme{}
	if system.Color(bg, theme.VariantDark) != theme.DefaultTheme().Color(bg, theme.VariantDark) {
		t.Fatal("system choice not followed")
	}
}

// TestBundledFontCoversChinese: the font shipped for machines without a CJK
// font really has the glyphs the UI uses.
func TestBundledFontCoversChinese(t *testing.T) {
	b := assets.CJKFont()
	if b == nil {
		t.Skip("the CJK font is not bundled in this build: run make assets")
	}
	f, err := font.ParseTTF(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the bundled font does not parse as a single-face TTF (Fyne needs one): %v", err)
	}
	// Latin letters are not in it: Fyne puts its own default font second in
	// the face chain, and that one draws them.
	for _, r := range "跨境卖家助手总览市场调研风险管理简体中文设置" {
		if _, ok := f.NominalGlyph(r); !ok {
			t.Errorf("the bundled font lacks %q", r)
		}
	}
}

func TestForceBundledFont(t *testing.T) {
	t.Setenv(envForceBundledFont, "1")
	if !needBundledCJK() {
		t.Fatal("the override does not force the bundled font")
	}
}
