package data

import (
	"bufio"
	"encoding/csv"
	"io"
	"strings"
	"testing"
)

// benchCSVText is order lines in the UCI layout, a few quoted.
func benchCSVText() string {
	var b strings.Builder
	b.WriteString(uciHeader)
	for i := 0; i < 100000; i++ {
		desc := "SET OF 3 HANGING OWLS OLLIE BEAK"
		if i%50 == 0 {
			desc = `"BOX, RED 12"" TRAY"`
		}
		b.WriteString("565806,23275," + desc + ",12,2011-09-07 10:51:00,1.25,15594.0,United Kingdom\n")
	}
	return b.String()
}

// BenchmarkLineCSV reads 100,000 order lines with the import's reader;
// BenchmarkEncodingCSV with encoding/csv as the import used it before.
func BenchmarkLineCSV(b *testing.B) {
	text := benchCSVText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		c, _ := newLineCSV(bufio.NewReaderSize(strings.NewReader(text), 1<<16), ',')
		for {
			if _, err := c.Read(); err == io.EOF {
				break
			}
		}
	}
}

func BenchmarkEncodingCSV(b *testing.B) {
	text := benchCSVText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		c := csv.NewReader(bufio.NewReaderSize(strings.NewReader(text), 1<<16))
		c.FieldsPerRecord, c.LazyQuotes, c.ReuseRecord = -1, true, true
		for {
			if _, err := c.Read(); err == io.EOF {
				break
			}
		}
	}
}
