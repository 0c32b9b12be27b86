package data

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/seller-assistant/seller-assistant/app"
)

// recordReader streams the rows of an order export, one record at a time,
// whatever the file type, so an import never holds the file.
type recordReader interface {
	// Read returns the next record; the slice may be reused by the next call.
	// A *badRecordError is one record that cannot be read: Read can be
	// called again for the next.
	Read() ([]string, error)
	// Line is the row number of the record last read: the line it starts
	// on in a text file, the row in a spreadsheet.
	Line() int
	// Unterminated says the record last read is a text file's last line
	// with no line end (a file cut off, or still being written).
	Unterminated() bool
	Close() error
}

// orderFile is an open export with what was detected about it.
type orderFile struct {
	recordReader
	encoding  string
	delimiter rune
	size      int64
	read      *atomic.Int64 // raw bytes consumed so far, for progress
	hash      hash.Hash     // SHA-256 of the raw bytes read so far
}

// sum is the file's SHA-256 once it has been read to the end.
func (o *orderFile) sum() string { return hex.EncodeToString(o.hash.Sum(nil)) }

// countingReader counts the bytes read through it, for the progress bar.
// It also hashes them, so the file is read once for both.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
	h hash.Hash
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	c.h.Write(p[:n])
	return n, err
}

// isXLSX says whether path is a spreadsheet by its extension.
func isXLSX(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".xlsx" || ext == ".xlsm"
}

// openOrderFile opens path as CSV/TSV (any supported encoding and
// delimiter, detected when not given) or XLSX (the first sheet).
func openOrderFile(path, encoding string, delim rune) (*orderFile, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, app.Wrap(err, app.ENotFound, "error.file_not_found", path)
		}
		return nil, app.Wrap(err, app.EInvalid, "customers.err.open_file", path)
	}
	if isXLSX(path) {
		return openXLSX(path, st.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, app.Wrap(err, app.EInvalid, "customers.err.open_file", path)
	}
	read, h := new(atomic.Int64), sha256.New()
	br := bufio.NewReaderSize(countingReader{f, read, h}, 1<<16)
	head, _ := br.Peek(4096)
	if encoding == "" || encoding == "auto" {
		encoding = detectEncoding(head)
	}
	var text io.Reader
	switch encoding {
	case "utf-8":
		if bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) {
			br.Discard(3)
		}
		text = br
	case "utf-16le":
		text = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder())
	case "utf-16be":
		text = transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder())
	case "gb18030", "gbk":
		// GB18030 is a superset of GBK, so one decoder reads both.
		encoding = "gb18030"
		text = transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder())
	default:
		f.Close()
		return nil, app.Errorf(app.EInvalid, "customers.err.bad_encoding", encoding)
	}
	tr := bufio.NewReaderSize(text, 1<<16)
	if delim == 0 {
		first, _ := tr.Peek(4096)
		delim = detectDelimiter(first)
	}
	lr, err := newLineCSV(tr, delim)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &orderFile{recordReader: &csvRecords{lineCSV: lr, f: f}, encoding: encoding, delimiter: delim, size: st.Size(), read: read, hash: h}, nil
}

type csvRecords struct {
	*lineCSV
	f *os.File
}

func (c *csvRecords) Close() error { return c.f.Close() }

// detectEncoding looks at the first bytes: a BOM decides; otherwise many
// zero bytes mean UTF-16 without BOM, valid UTF-8 means UTF-8, and anything
// else is taken for GB18030 (what Chinese Excel saves as "CSV").
func detectEncoding(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		return "utf-8"
	case bytes.HasPrefix(head, []byte("\xff\xfe")):
		return "utf-16le"
	case bytes.HasPrefix(head, []byte("\xfe\xff")):
		return "utf-16be"
	}
	if len(head) >= 4 {
		evenZeros, oddZeros := 0, 0
		for i, b := range head {
			if b == 0 {
				if i%2 == 0 {
					evenZeros++
				} else {
					oddZeros++
				}
			}
		}
		if oddZeros > len(head)/4 {
			return "utf-16le"
		}
		if evenZeros > len(head)/4 {
			return "utf-16be"
		}
	}
	// A cut multi-byte character at the end of the sample is not an error.
	trimmed := head
	for i := 0; i < 3 && len(trimmed) > 0 && !utf8.Valid(trimmed); i++ {
		trimmed = trimmed[:len(trimmed)-1]
	}
	if utf8.Valid(trimmed) {
		return "utf-8"
	}
	return "gb18030"
}

// detectDelimiter picks the most frequent of tab, semicolon and comma
// outside quotes on the first line.
func detectDelimiter(text []byte) rune {
	line, _, _ := bytes.Cut(text, []byte("\n"))
	counts := map[rune]int{}
	quoted := false
	for _, r := range string(line) {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ',' || r == ';' || r == '\t'):
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{'\t', ';'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// xlsxRecords streams the first sheet with excelize's row iterator.
type xlsxRecords struct {
	f     *excelize.File
	rows  *excelize.Rows
	read  *atomic.Int64
	row   int
	cells int
}

// Bounds on a spreadsheet, so a small file that unpacks to a huge one (a
// "zip bomb": 307 KB unpacking to 300 MB once took 2 GB) is refused instead
// of filling memory, and any import stays under 200 MB:
//   - xlsxMaxUnpacked: all parts of the workbook together, unpacked. Checked
//     by excelize against each part's size before it unpacks it (and Go's
//     zip reader refuses a part that unpacks to more than it declares);
//   - xlsxMaxCells: cells read from the sheet (Excel's own limit is 1,048,576
//     rows; an order export of a million lines and ten columns is 10M);
//   - xlsxMaxColumns: cells in one row (Excel's limit, column XFD).
//
// Parts over xlsxPartInMemory (the sheet, the shared strings) are unpacked
// to a temporary file and streamed from there rather than held in memory.
const (
	xlsxMaxUnpacked  = 256 << 20
	xlsxPartInMemory = 16 << 20
	xlsxMaxColumns   = 16_384
)

// xlsxMaxCells is a variable so a test can lower it.
var xlsxMaxCells = 10_000_000

func openXLSX(path string, size int64) (*orderFile, error) {
	// The zip is read by excelize, not through a counting reader: hash it
	// first (spreadsheets are small next to CSV exports).
	h := sha256.New()
	raw, err := os.Open(path)
	if err != nil {
		return nil, app.Wrap(err, app.EInvalid, "customers.err.open_file", path)
	}
	_, err = io.Copy(h, raw)
	raw.Close()
	if err != nil {
		return nil, app.Wrap(err, app.EInvalid, "customers.err.open_file", path)
	}
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: xlsxMaxUnpacked, UnzipXMLSizeLimit: xlsxPartInMemory})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size exceeds") {
			// excelize has no exported error value for this one.
			return nil, app.Wrap(err, app.EInvalid, "customers.err.xlsx_too_big", path, xlsxMaxUnpacked>>20)
		}
		return nil, app.Wrap(err, app.EInvalid, "customers.err.open_file", path)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, app.Errorf(app.EInvalid, "customers.err.empty_file", path)
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		f.Close()
		return nil, app.Wrap(err, app.EInvalid, "customers.err.open_file", path)
	}
	read := new(atomic.Int64)
	return &orderFile{recordReader: &xlsxRecords{f: f, rows: rows, read: read}, encoding: "xlsx", size: size, read: read, hash: h}, nil
}

func (x *xlsxRecords) Read() ([]string, error) {
	// Progress for a spreadsheet is not by bytes: it stays at the start.
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	x.row++
	rec, err := x.rows.Columns()
	if err != nil {
		return nil, err
	}
	x.cells += len(rec)
	if len(rec) > xlsxMaxColumns || x.cells > xlsxMaxCells {
		return nil, app.Errorf(app.EInvalid, "customers.err.xlsx_too_many_cells", xlsxMaxCells)
	}
	return rec, nil
}

func (x *xlsxRecords) Line() int          { return x.row }
func (x *xlsxRecords) Unterminated() bool { return false }

func (x *xlsxRecords) Close() error {
	x.rows.Close()
	return x.f.Close()
}
