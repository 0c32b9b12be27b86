//go:build race

package data

// raceEnabled: under the race detector the SQLite engine (modernc.org/sqlite
// is Go, so it is instrumented too) runs 15–20× slower. Tests that only
// repeat a long single-goroutine computation at full size are run by `make
// unit` and skipped by `make race`, which keeps the import pipeline's
// goroutines covered through the smaller imports and TestImportUCISample.
const raceEnabled = true
