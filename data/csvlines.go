package data

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/seller-assistant/seller-assistant/app"
)

// lineCSV reads the records of a delimited text export, never letting a
// field run past the end of its line unless it is properly quoted.
//
// Why not encoding/csv: strict, it refuses the bare quotes product names are
// full of (12" TRAY) and cannot go on after the first; with LazyQuotes, a
// field that opens with a quote and does not close where the field ends
// ("12" TRAY) runs on over the following lines until some later quote ends
// it, silently merging tens of rows into one description. Neither mode can
// say "this one row is bad, the next line starts the next row".
//
// The rules here:
//   - a field that starts with a quote is quoted (RFC 4180): "" is a quote,
//     line ends inside it are kept ("\r\n" as "\n"), and it must close with
//     a quote followed by the delimiter or the end of the line;
//   - any other quote is plain text (12" TRAY is read as it is);
//   - a quoted field that does not close that way ("12" TRAY, or a quote
//     still open at the end of the file or after maxRecordBytes) makes its
//     record bad: Read returns a *badRecordError naming the line the record
//     started on, and reading goes on at the line after it, so every
//     following row is read normally;
//   - a line longer than maxRecordBytes is a bad record too (and is skipped
//     without being held in memory);
//   - an empty line is not a record.
type lineCSV struct {
	r      *bufio.Reader
	comma  byte
	line   int    // physical lines consumed so far
	replay []byte // lines given back after a bad record, read before r
	buf    []byte // the raw lines of the record being read
	field  []byte // unescaped text of the record's fields
	ends   []int  // end of each field in field
	rec    []string

	start        int  // the line the last record started on
	unterminated bool // the last record ended at the end of the file with no line end
	tooLong      bool // the line just read passed maxRecordBytes and was dropped
	longAfter    bool // a dropped long line follows the replayed lines
}

// maxRecordBytes bounds one record (a line, or the lines a quoted field
// spans): a real order line is well under a kilobyte, and the bound keeps a
// damaged or hostile file from being held in memory whole.
const maxRecordBytes = 1 << 20

// Reasons a record cannot be read; translation keys customers.reason.<reason>.
const (
	reasonBadQuotes = "bad_quotes"
	reasonLongLine  = "line_too_long"
)

// badRecordError is a record that cannot be read; the reader has moved on
// to the next line.
type badRecordError struct {
	Line   int
	Reason string
	Text   string // the start of the record's first line, for the report
}

func (e *badRecordError) Error() string { return "line " + itoa(e.Line) + ": " + e.Reason }

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return string(b[i:])
}

func newLineCSV(r *bufio.Reader, comma rune) (*lineCSV, error) {
	if comma <= 0 || comma >= utf8.RuneSelf || comma == '"' || comma == '\n' || comma == '\r' {
		return nil, app.Errorf(app.EInvalid, "customers.err.bad_delimiter", string(comma))
	}
	return &lineCSV{r: r, comma: byte(comma)}, nil
}

// Line is the line (1-based) the last record read started on.
func (c *lineCSV) Line() int { return c.start }

// Unterminated says whether the last record read ended at the end of the
// file without a line end: the last line of a file still being written.
func (c *lineCSV) Unterminated() bool { return c.unterminated }

// readLine appends the next physical line, with its line end, to c.buf and
// returns how many bytes it appended; 0 with io.EOF at the end.
func (c *lineCSV) readLine() (int, error) {
	c.tooLong = false
	if len(c.replay) == 0 && c.longAfter {
		c.longAfter, c.tooLong = false, true
		c.line++
		return 1, nil
	}
	if len(c.replay) > 0 {
		l := c.replay
		if i := bytes.IndexByte(l, '\n'); i >= 0 {
			l = l[:i+1]
		}
		c.replay = c.replay[len(l):]
		c.buf = append(c.buf, l...)
		c.line++
		return len(l), nil
	}
	n := 0
	for {
		s, err := c.r.ReadSlice('\n')
		n += len(s)
		if !c.tooLong {
			c.buf = append(c.buf, s...)
			if n > maxRecordBytes {
				// Dropped from here to the line end.
				c.tooLong = true
				c.buf = c.buf[:len(c.buf)-n]
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if n > 0 {
			c.line++
			if err == io.EOF {
				err = nil
			}
		}
		return n, err
	}
}

// Read returns the next record; the slice is reused by the next call. A
// record that cannot be read is a *badRecordError, after which Read can be
// called again.
func (c *lineCSV) Read() ([]string, error) {
	for {
		c.buf, c.field, c.ends = c.buf[:0], c.field[:0], c.ends[:0]
		c.start = c.line + 1
		c.unterminated = false
		n, err := c.readLine()
		if n == 0 {
			if err == nil {
				err = io.EOF
			}
			return nil, err
		}
		if err != nil {
			return nil, err
		}
		if c.tooLong {
			return nil, &badRecordError{Line: c.start, Reason: reasonLongLine}
		}
		if len(c.buf) == 1 && c.buf[0] == '\n' || len(c.buf) == 2 && c.buf[0] == '\r' && c.buf[1] == '\n' {
			continue // an empty line is not a record
		}
		if bytes.IndexByte(c.buf, '"') < 0 {
			return c.plain(), nil
		}
		rec, err := c.quoted()
		if err != nil {
			return nil, err
		}
		return rec, nil
	}
}

// plain splits a line without quotes: one string, fields sliced from it.
func (c *lineCSV) plain() []string {
	line := c.buf
	if line[len(line)-1] == '\n' {
		line = line[:len(line)-1]
	} else {
		c.unterminated = true
	}
	line = bytes.TrimSuffix(line, []byte{'\r'})
	s := string(line)
	c.rec = c.rec[:0]
	for {
		i := strings.IndexByte(s, c.comma)
		if i < 0 {
			c.rec = append(c.rec, s)
			return c.rec
		}
		c.rec = append(c.rec, s[:i])
		s = s[i+1:]
	}
}

// quoted parses a record with quotes in it, reading more lines while a
// quoted field is open.
func (c *lineCSV) quoted() ([]string, error) {
	pos := 0
	for {
		if pos < len(c.buf) && c.buf[pos] == '"' {
			pos++
			for {
				i := bytes.IndexByte(c.buf[pos:], '"')
				if i < 0 {
					// The quoted field goes on over the line end.
					c.field = append(c.field, c.buf[pos:]...)
					if l := len(c.field); l >= 2 && c.field[l-2] == '\r' && c.field[l-1] == '\n' {
						c.field = append(c.field[:l-2], '\n')
					}
					pos = len(c.buf)
					if len(c.buf) > maxRecordBytes {
						return nil, c.bad(reasonBadQuotes)
					}
					n, err := c.readLine()
					if err != nil && n == 0 && err != io.EOF {
						return nil, err
					}
					if n == 0 || c.tooLong {
						return nil, c.bad(reasonBadQuotes) // still open at the end of the file
					}
					continue
				}
				c.field = append(c.field, c.buf[pos:pos+i]...)
				pos += i + 1
				if pos < len(c.buf) && c.buf[pos] == '"' {
					c.field = append(c.field, '"') // "" is one quote
					pos++
					continue
				}
				break
			}
			// The closing quote: the delimiter or the line end must follow.
			switch rest := c.buf[pos:]; {
			case len(rest) == 0:
				c.unterminated = true
				return c.finish(), nil
			case rest[0] == c.comma:
				c.ends = append(c.ends, len(c.field))
				pos++
				continue
			case rest[0] == '\n', len(rest) == 1 && rest[0] == '\r', len(rest) == 2 && rest[0] == '\r' && rest[1] == '\n':
				c.unterminated = rest[len(rest)-1] != '\n'
				return c.finish(), nil
			default:
				return nil, c.bad(reasonBadQuotes)
			}
		}
		// An unquoted field ends at the delimiter or the line end; after any
		// quoted field, the rest of c.buf is the record's last line.
		rest := c.buf[pos:]
		i := bytes.IndexByte(rest, c.comma)
		if i >= 0 {
			c.field = append(c.field, rest[:i]...)
			c.ends = append(c.ends, len(c.field))
			pos += i + 1
			continue
		}
		if len(rest) > 0 && rest[len(rest)-1] == '\n' {
			rest = rest[:len(rest)-1]
		} else {
			c.unterminated = true
		}
		rest = bytes.TrimSuffix(rest, []byte{'\r'})
		c.field = append(c.field, rest...)
		return c.finish(), nil
	}
}

// finish turns the field text into the record: one string, sliced.
func (c *lineCSV) finish() []string {
	c.ends = append(c.ends, len(c.field))
	s := string(c.field)
	c.rec = c.rec[:0]
	from := 0
	for _, end := range c.ends {
		c.rec = append(c.rec, s[from:end])
		from = end
	}
	return c.rec
}

// bad gives back every line of the record after its first (they are read
// again as records of their own) and reports the record.
func (c *lineCSV) bad(reason string) error {
	first := c.buf
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i+1]
	}
	if rest := c.buf[len(first):]; len(rest) > 0 {
		c.replay = append(bytes.Clone(rest), c.replay...)
	}
	// A line dropped for its length while the quote was open keeps its
	// place: it is reported after the replayed lines.
	c.longAfter = c.longAfter || c.tooLong
	c.line = c.start
	text := bytes.TrimRight(first, "\r\n")
	if len(text) > 80 {
		cut := 80
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	return &badRecordError{Line: c.start, Reason: reason, Text: string(text)}
}
