package main

import (
	_ "embed"
	"fmt"

	"github.com/BurntSushi/toml"

	"github.com/seller-assistant/seller-assistant/app"
)

// FyneApp.toml is the one place the version is written: `fyne package` reads
// it for the installers and archives, and the binary embeds it so the About
// box and `version` cannot drift from what was packaged.
//
//go:embed FyneApp.toml
var fyneAppToml []byte

func init() {
	v, err := parseAppVersion(fyneAppToml)
	if err != nil {
		panic(err) // the embedded file is checked by TestAppVersion
	}
	app.Version = v
}

// parseAppVersion reads [Details] Version from FyneApp.toml.
func parseAppVersion(b []byte) (string, error) {
	var meta struct {
		Details struct{ Version string }
	}
	if err := toml.Unmarshal(b, &meta); err != nil {
		return "", fmt.Errorf("FyneApp.toml: %w", err)
	}
	if meta.Details.Version == "" {
		return "", fmt.Errorf("FyneApp.toml: no [Details] Version")
	}
	return meta.Details.Version, nil
}
