//go:build race

package screens

// raceEnabled: the race detector slows code 5–20×, so speed bounds in tests
// are checked only without it (make unit); make race checks correctness.
const raceEnabled = true
