//go:build !linux

package main

import "os"

// peakRSS is unknown off Linux (see rss_linux.go): `bench tiers` then prints
// 0 for memory. It is a developer's benchmark; the Windows build only has to
// compile.
func peakRSS(*os.ProcessState) int64 { return 0 }
