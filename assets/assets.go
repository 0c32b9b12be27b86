// Package assets holds the files built into the binary: the icon,
// translations, module guides, the demo seed and the report's echarts build.
package assets

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/seller-assistant/seller-assistant/app"
)

var (
	//go:embed icon.png
	icon []byte

	//go:embed translations/*.json
	translations embed.FS

	//go:embed guides
	guides embed.FS

	//go:embed demo/seed.sql
	demoSeed []byte
)

// Icon is the app icon (512x512 PNG).
func Icon() []byte { return icon }

// DemoSeed is the SQL that fills a new demo workspace (orders are generated
// in Go, see data.CreateDemo).
func DemoSeed() ([]byte, error) {
	if len(demoSeed) == 0 {
		return nil, errors.New("demo seed is empty")
	}
	return demoSeed, nil
}

// LoadTranslations registers every translations/<lang>.json with app, so
// app.NewLocalizer finds them. Call once before the first localizer.
func LoadTranslations() error {
	for _, l := range app.Langs {
		b, err := translations.ReadFile("translations/" + string(l) + ".json")
		if err != nil {
			return fmt.Errorf("translations for %s: %w", l, err)
		}
		if err := app.LoadCatalog(l, b); err != nil {
			return err
		}
	}
	return nil
}

// Guide returns the Markdown guide of module id in lang, falling back to
// English when a translation is missing.
func Guide(lang app.Lang, id string) (string, error) {
	if strings.ContainsAny(id, "/.\\") {
		return "", fmt.Errorf("guide %q: bad id", id)
	}
	b, err := guides.ReadFile("guides/" + string(lang) + "/" + id + ".md")
	if errors.Is(err, fs.ErrNotExist) && lang != app.LangEnglish {
		b, err = guides.ReadFile("guides/en/" + id + ".md")
	}
	if err != nil {
		return "", fmt.Errorf("guide %s: %w", id, err)
	}
	return string(b), nil
}

//go:embed fonts
var fonts embed.FS

// CJKFontFile is the bundled CJK font's file name under assets/fonts.
const CJKFontFile = "DroidSansFallbackFull.ttf"

// CJKFont is the bundled single-face CJK font, or nil when the build did not
// include it (see assets/fonts/README.md).
func CJKFont() []byte {
	b, err := fonts.ReadFile("fonts/" + CJKFontFile)
	if err != nil || len(b) == 0 {
		return nil
	}
	return b
}
