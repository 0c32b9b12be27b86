// Seller Assistant (跨境卖家助手): plan a cross-border shop on a laptop.
// With no subcommand it opens the window; subcommands are the CLI.
package main

import (
	"fmt"
	"os"

	_ "github.com/seller-assistant/seller-assistant/app/localeenv" // before Fyne's init: see its doc
	"github.com/seller-assistant/seller-assistant/assets"
)

func main() {
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
	if len(rest) == 0 {
		os.Exit(runGUI(g.db, g.probe))
	}
	os.Exit(runCommand(g.db, rest, os.Stdout, os.Stderr))
}
