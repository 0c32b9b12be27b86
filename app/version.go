package app

// Version is the app's version; FyneApp.toml carries the same number for
// packaging, and a test keeps the two equal.
const Version = "0.1.0"
