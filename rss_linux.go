//go:build linux

package main

import (
	"os"
	"syscall"
)

// peakRSS is a finished child's peak resident memory in bytes (Linux
// reports kilobytes); the field is Linux-only, hence this file.
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024
	}
	return 0
}
