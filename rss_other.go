//go:build !linux

package main

import "os"

// peakRSS is not measured outside Linux: 0.
func peakRSS(*os.ProcessState) int64 { return 0 }
