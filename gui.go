package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/assets"
	"github.com/seller-assistant/seller-assistant/data"
	"github.com/seller-assistant/seller-assistant/screens"
)

const appID = "io.github.sellerassistant"

var processStart = time.Now()

// runGUI opens the window on db, or on the last workspace, or on the demo.
// With probe set it prints the time to the first frame and quits: the
// start-up benchmark (make bench-startup).
func runGUI(db string, probe bool) int {
	a := fyneapp.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	w := a.NewWindow("Seller Assistant")
	demo, err := demoPath()
	if err != nil {
		fmt.Fprintln(os.Stderr, "seller-assistant:", err)
		return 1
	}
	// A start workspace of an older schema is migrated behind a progress
	// dialog in the window (a million order lines take seconds); any other
	// opens before the window shows, as fast as it is.
	var ws app.Workspace
	var openErr error
	migrate := data.Outdated(screens.StartPath(a.Preferences(), db))
	if !migrate {
		ws, openErr = screens.OpenStartWorkspace(context.Background(), data.Opener{}, a.Preferences(), db, demo)
	}
	shell := screens.NewShell(a, w, screens.Env{Opener: data.Opener{}, DemoPath: demo}, ws)
	w.SetContent(shell.Content())
	w.Resize(fyne.NewSize(1280, 800))
	shell.CheckFonts()
	if openErr != nil {
		shell.ShowError(openErr)
	}
	if migrate {
		shell.OpenStart(db, demo)
	}
	if probe {
		a.Lifecycle().SetOnStarted(func() {
			// fyne.Do runs after the loop has drawn the window once. The
			// probe exits at once rather than through a.Quit: GLFW 3.3 can
			// crash handling a pointer event for a window being torn down,
			// and a probe has nothing to save.
			go fyne.Do(func() {
				fmt.Printf("first frame after %d ms\n", time.Since(processStart).Milliseconds())
				os.Exit(0)
			})
		})
	}
	w.SetOnClosed(func() {
		if ws := shell.Workspace(); ws != nil {
			ws.Close()
		}
	})
	w.ShowAndRun()
	return 0
}

// demoPath is where the demo workspace lives: the app's data folder, so it
// survives updates and reinstalls (the uninstaller leaves that folder alone)
// and is the same for every start.
func demoPath() (string, error) {
	dir, err := appDataDir(runtime.GOOS, os.Getenv)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil { // holds customer data: owner only
		return "", err
	}
	return filepath.Join(dir, "demo"+app.WorkspaceExt), nil
}

// appDataDir is the folder for the app's own files: %APPDATA%\seller-assistant
// on Windows (the roaming profile: per user, never beside the program, which
// the installer may replace), $XDG_CONFIG_HOME or ~/.config on Linux and the
// BSDs, ~/Library/Application Support on macOS. It is os.UserConfigDir's rule
// with the target system as a parameter, so the Windows case is tested on
// any machine; a test checks it agrees with os.UserConfigDir where it runs.
func appDataDir(goos string, getenv func(string) string) (string, error) {
	const name = "seller-assistant"
	switch goos {
	case "windows":
		dir := getenv("APPDATA")
		if dir == "" {
			return "", errors.New("%APPDATA% is not set")
		}
		return strings.TrimRight(dir, `\/`) + `\` + name, nil
	case "darwin", "ios":
		home := getenv("HOME")
		if home == "" {
			return "", errors.New("$HOME is not set")
		}
		return path.Join(home, "Library", "Application Support", name), nil
	}
	if dir := getenv("XDG_CONFIG_HOME"); path.IsAbs(dir) {
		return path.Join(dir, name), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("neither $XDG_CONFIG_HOME nor $HOME is set")
	}
	return path.Join(home, ".config", name), nil
}
