package app

// Version is the app's version. Its one source is FyneApp.toml: package main
// embeds that file and sets Version before anything runs (appversion.go), so
// the window's About box, `seller-assistant version`, the HTML report and the
// packages built from FyneApp.toml (make dist) all carry the same number.
// Packages tested on their own, without main, see "dev".
var Version = "dev"
