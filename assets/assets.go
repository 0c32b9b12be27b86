// Package assets holds the files built into the binary: the icon,
// translations, module guides, the demo seed and the report's echarts build.
package assets

import (
	"embed"
	"encoding/json"
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

	//go:embed demo/*.sql
	demoSeeds embed.FS
)

// Icon is the app icon (512x512 PNG).
func Icon() []byte { return icon }

// DemoSeeds are the SQL files that fill a new demo workspace, in the order
// to run them: one per module (demo/NN_module.sql), so each module owns its
// demo data. Orders are generated in Go, see data.CreateDemo.
func DemoSeeds() ([]string, error) {
	entries, err := demoSeeds.ReadDir("demo")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries { // ReadDir sorts by name
		b, err := demoSeeds.ReadFile("demo/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, string(b))
	}
	if len(out) == 0 {
		return nil, errors.New("no demo seed")
	}
	return out, nil
}

// LoadTranslations registers the catalogues with app, so app.NewLocalizer
// finds them. Each module owns a pair of files,
// translations/<module>.<lang>.json; a key defined twice is an error, so
// modules cannot silently override each other. Call once at start.
func LoadTranslations() error {
	entries, err := translations.ReadDir("translations")
	if err != nil {
		return err
	}
	for _, l := range app.Langs {
		merged := map[string]string{}
		from := map[string]string{}
		for _, e := range entries {
			name := e.Name()
			if !strings.HasSuffix(name, "."+string(l)+".json") {
				continue
			}
			b, err := translations.ReadFile("translations/" + name)
			if err != nil {
				return err
			}
			m := map[string]string{}
			if err := json.Unmarshal(b, &m); err != nil {
				return fmt.Errorf("translations %s: %w", name, err)
			}
			for k, v := range m {
				if other, dup := from[k]; dup {
					return fmt.Errorf("translation key %q is in both %s and %s", k, other, name)
				}
				merged[k], from[k] = v, name
			}
		}
		if len(merged) == 0 {
			return fmt.Errorf("no translations for %s", l)
		}
		b, _ := json.Marshal(merged)
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
