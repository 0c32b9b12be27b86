// Seller Assistant (跨境卖家助手): plan a cross-border shop on a laptop.
// With no subcommand it opens the window; subcommands are the CLI.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/seller-assistant/seller-assistant/app"
	_ "github.com/seller-assistant/seller-assistant/app/localeenv" // before Fyne's init: see its doc
	"github.com/seller-assistant/seller-assistant/assets"
)

func main() {
	if len(os.Args) > 1 {
		attachConsole() // Windows: output for the CLI (console_windows.go)
	}
	if err := assets.LoadTranslations(); err != nil {
		fmt.Fprintln(os.Stderr, "seller-assistant:", err)
		os.Exit(1)
	}
	g, rest, err := parseGlobal(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "seller-assistant:", err)
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	path, isWorkspace := workspaceArg(rest)
	os.Exit(withCPUProfile(g.cpuProfile, []string{g.db, path}, os.Stderr, func() int {
		if len(rest) == 0 {
			return runGUI(g.db, g.probe)
		}
		if isWorkspace && g.db == "" {
			return runGUI(path, g.probe)
		}
		return runCommand(g.db, rest, os.Stdout, os.Stderr)
	}))
}

// workspaceArg reports whether the arguments are one workspace file: what a
// double-click on a .sellerdb runs (the Windows file association and the
// Linux .desktop file pass the path as the only argument). No subcommand
// name ends in .sellerdb, so the two cannot be confused.
func workspaceArg(args []string) (string, bool) {
	if len(args) != 1 || !strings.HasSuffix(strings.ToLower(args[0]), app.WorkspaceExt) {
		return "", false
	}
	return args[0], true
}
