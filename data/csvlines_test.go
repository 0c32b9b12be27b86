package data

import (
	"bufio"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// readAllLines reads every record of text: good ones with their start line,
// and bad ones as line -> reason.
type readLine struct {
	line int
	rec  []string
}

func readAllCSV(t testing.TB, text string, comma rune) (good []readLine, bad map[int]string, lastUnterminated bool) {
	t.Helper()
	c, err := newLineCSV(bufio.NewReaderSize(strings.NewReader(text), 16), comma)
	if err != nil {
		t.Fatal(err)
	}
	bad = map[int]string{}
	for i := 0; ; i++ {
		if i > len(text)+2 {
			t.Fatalf("reader does not end on %q", text)
		}
		rec, err := c.Read()
		if err == io.EOF {
			return good, bad, lastUnterminated
		}
		var be *badRecordError
		if errors.As(err, &be) {
			if _, dup := bad[be.Line]; dup {
				t.Fatalf("line %d reported bad twice in %q", be.Line, text)
			}
			bad[be.Line] = be.Reason
			lastUnterminated = false
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		good = append(good, readLine{c.Line(), append([]string(nil), rec...)})
		lastUnterminated = c.Unterminated()
	}
}

func TestLineCSV(t *testing.T) {
	tests := []struct {
		name         string
		text         string
		good         []readLine
		bad          map[int]string
		unterminated bool
	}{
		{"plain with CRLF", "a,b\r\n1,2\r\n", []readLine{{1, []string{"a", "b"}}, {2, []string{"1", "2"}}}, map[int]string{}, false},
		{"a quote that does not close where the field ends is one bad row",
			"id,desc,qty\n1,\"12\" TRAY,3\n2,CUP,1\n3,\"PLATE, BLUE\",2\n",
			[]readLine{{1, []string{"id", "desc", "qty"}}, {3, []string{"2", "CUP", "1"}}, {4, []string{"3", "PLATE, BLUE", "2"}}},
			map[int]string{2: reasonBadQuotes}, false},
		{"a bare quote inside a field is text", "1,12\" TRAY,3\n", []readLine{{1, []string{"1", "12\" TRAY", "3"}}}, map[int]string{}, false},
		{"a quoted line end stays one field, lines counted",
			"1,\"a\r\nb\",2\n3,x,4\n", []readLine{{1, []string{"1", "a\nb", "2"}}, {3, []string{"3", "x", "4"}}}, map[int]string{}, false},
		{"escaped quotes", "1,\"say \"\"hi\"\"\",2\n", []readLine{{1, []string{"1", "say \"hi\"", "2"}}}, map[int]string{}, false},
		{"a quote still open at the end of the file: that line is bad, the next ones are read",
			"1,\"open,2\n3,x,4\n5,y,6", []readLine{{2, []string{"3", "x", "4"}}, {3, []string{"5", "y", "6"}}}, map[int]string{1: reasonBadQuotes}, true},
		{"a quoted field spanning lines then broken: only its first line is bad",
			"1,\"a\nb\" c,2\n3,x,4\n", []readLine{{2, []string{"b\" c", "2"}}, {3, []string{"3", "x", "4"}}}, map[int]string{1: reasonBadQuotes}, false},
		{"empty lines are not records", "a\n\n\r\nb\n", []readLine{{1, []string{"a"}}, {4, []string{"b"}}}, map[int]string{}, false},
		{"last line without a line end", "a,b\n1,2", []readLine{{1, []string{"a", "b"}}, {2, []string{"1", "2"}}}, map[int]string{}, true},
		{"quoted last field at the end of the file", "1,\"x\"", []readLine{{1, []string{"1", "x"}}}, map[int]string{}, true},
		{"empty quoted and trailing empty fields", "\"\",,\n", []readLine{{1, []string{"", "", ""}}}, map[int]string{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			good, bad, unterminated := readAllCSV(t, tt.text, ',')
			if !reflect.DeepEqual(good, tt.good) || !reflect.DeepEqual(bad, tt.bad) || unterminated != tt.unterminated {
				t.Errorf("got %v bad %v unterminated %v\nwant %v bad %v unterminated %v", good, bad, unterminated, tt.good, tt.bad, tt.unterminated)
			}
		})
	}
}

// TestLineCSVUnclosedQuoteLosesNoRow is the case of the issue: with
// encoding/csv's LazyQuotes, 50 of 51 rows vanished into one description.
func TestLineCSVUnclosedQuoteLosesNoRow(t *testing.T) {
	var b strings.Builder
	b.WriteString("InvoiceNo,Description,Quantity\n")
	for i := 0; i < 51; i++ {
		if i == 0 {
			b.WriteString("1,\"12\" TRAY,1\n")
			continue
		}
		b.WriteString("2,WHITE CUP,3\n")
	}
	good, bad, _ := readAllCSV(t, b.String(), ',')
	if len(good) != 51 || len(bad) != 1 || bad[2] != reasonBadQuotes {
		t.Errorf("%d good records, bad %v; want 51 (header + 50) and line 2 bad", len(good), bad)
	}
}

func TestLineCSVLongLine(t *testing.T) {
	text := "a,b\n" + strings.Repeat("x", maxRecordBytes+10) + "\n1,2\n"
	good, bad, _ := readAllCSV(t, text, ',')
	if len(good) != 2 || good[1].line != 3 || bad[2] != reasonLongLine {
		t.Errorf("good %d (last line %d), bad %v", len(good), good[len(good)-1].line, bad)
	}
	// An open quote that runs into the long line: the first line is bad, the
	// long one is reported in its place, the line after it is read.
	text = "1,\"open\n" + strings.Repeat("y", maxRecordBytes+10) + "\n3,4\n"
	good, bad, _ = readAllCSV(t, text, ',')
	if len(good) != 1 || good[0].line != 3 || bad[1] != reasonBadQuotes || bad[2] != reasonLongLine {
		t.Errorf("good %v, bad %v", good, bad)
	}
}

// FuzzLineCSV: no row is lost or merged. For any input, every physical
// line is accounted for exactly once — as the start of a record, good or
// bad, as an empty line, or inside a properly quoted field that spans
// lines; for an input whose good records hold no line end, the records
// (good and bad) and the empty lines are exactly the physical lines. A
// line without any quote is read as the plain split of that line.
func FuzzLineCSV(f *testing.F) {
	for _, seed := range []string{
		"a,b\n1,2\n", "1,\"12\" TRAY,3\n2,x,4\n", "1,\"a\nb\",2\n", "\"\n", "x\r\n\r\ny", "\"\"\"", "1;2\n\"3\";4",
		"id,desc\n1,\"open\n2,ok\n3,\"x\"y\n4,\"fine\"\n",
	} {
		f.Add(seed, byte(','))
	}
	f.Fuzz(func(t *testing.T, text string, comma byte) {
		if comma != ',' && comma != ';' && comma != '\t' {
			comma = ','
		}
		good, bad, _ := readAllCSV(t, text, rune(comma))
		lines := strings.SplitAfter(text, "\n")
		if lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		seen := make([]int, len(lines)+2)
		spans := false
		for _, g := range good {
			if g.line < 1 || g.line > len(lines) {
				t.Fatalf("record at line %d of %d", g.line, len(lines))
			}
			n := 1
			for _, f := range g.rec {
				n += strings.Count(f, "\n")
			}
			if n > 1 {
				spans = true
			}
			for l := g.line; l < g.line+n; l++ {
				seen[l]++
			}
			if raw := lines[g.line-1]; n == 1 && !strings.Contains(raw, "\"") {
				want := strings.Split(strings.TrimSuffix(strings.TrimSuffix(raw, "\n"), "\r"), string(comma))
				if !reflect.DeepEqual(g.rec, want) {
					t.Fatalf("line %d %q read as %q", g.line, raw, g.rec)
				}
			}
		}
		for l := range bad {
			if l < 1 || l > len(lines) {
				t.Fatalf("bad record at line %d of %d", l, len(lines))
			}
			seen[l]++
		}
		records := len(good) + len(bad)
		for i, raw := range lines {
			// An empty line is skipped, unless it is inside a quoted field.
			if (raw == "\n" || raw == "\r\n") && seen[i+1] == 0 {
				seen[i+1]++
				records++
			}
		}
		for l := 1; l <= len(lines); l++ {
			if seen[l] != 1 {
				t.Fatalf("line %d %q accounted for %d times in %q (good %v, bad %v)", l, lines[l-1], seen[l], text, good, bad)
			}
		}
		if !spans && records != len(lines) {
			t.Fatalf("%d records for %d lines", records, len(lines))
		}
		for _, g := range good {
			for _, f := range g.rec {
				if !utf8.ValidString(text) {
					break
				}
				if !utf8.ValidString(f) {
					t.Fatalf("field %q is not valid UTF-8 though the input is", f)
				}
			}
		}
	})
}
