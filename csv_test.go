package main

import (
	"encoding/csv"
	"os"
	"testing"
)

// readCSV reads a CSV file a command wrote, failing the test if it cannot.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
