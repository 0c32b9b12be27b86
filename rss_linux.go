//go:build linux

package main

import (
	"os"
	"syscall"
)

// peakRSS is a finished child's peak resident memory in bytes. Linux reports
// ru_maxrss in kilobytes (macOS in bytes, Windows not at all), so this lives
// behind a build tag and the other systems report 0: unknown.
func peakRSS(ps *os.ProcessState) int64 {
	if ps == nil {
		return 0
	}
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024
	}
	return 0
}
