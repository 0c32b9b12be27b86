package data

import (
	"cmp"
	"context"
	"crypto/rand"
	"database/sql"
	"database/sql/driver"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"maps"
	"math"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/seller-assistant/seller-assistant/app"
)

// previewRows is how many rows the mapping dialog shows; dateSample how
// many date cells decide between D/M and M/D.
const (
	previewRows = 20
	dateSample  = 2000
)

// PreviewOrders implements app.OrderImporter: the header, the first rows,
// the detected (or remembered) mapping and whether the dates are ambiguous.
func (s *Store) PreviewOrders(ctx context.Context, opts app.ImportOptions) (app.ImportPreview, error) {
	f, err := openOrderFile(opts.Path, opts.Encoding, opts.Delimiter)
	if err != nil {
		return app.ImportPreview{}, err
	}
	defer f.Close()
	p := app.ImportPreview{Encoding: f.encoding, Delimiter: f.delimiter}
	header, err := f.Read()
	if err != nil {
		return p, app.Wrap(err, app.EInvalid, "customers.err.empty_file", opts.Path)
	}
	p.Header = append([]string(nil), header...)
	if opts.Mapping != nil {
		p.Mapping, p.MappingKnown = *opts.Mapping, opts.Mapping.Validate() == nil
	} else if m, ok, err := s.savedMapping(ctx, p.Header); err != nil {
		return p, err
	} else if ok {
		p.Mapping, p.MappingKnown, p.Remembered = m, true, true
	} else {
		p.Mapping, p.MappingKnown = app.DetectMapping(p.Header)
	}
	var dates []string
	for i := 0; i < dateSample; i++ {
		rec, err := f.Read()
		if err == io.EOF {
			break
		}
		var bad *badRecordError
		if errors.As(err, &bad) {
			continue // listed by the import; the preview shows the readable rows
		}
		if err != nil {
			return p, app.Wrap(err, app.EInvalid, "customers.err.open_file", opts.Path)
		}
		if i < previewRows {
			p.Rows = append(p.Rows, append([]string(nil), rec...))
		}
		if p.Mapping.Date >= 0 && p.Mapping.Date < len(rec) {
			dates = append(dates, rec[p.Mapping.Date])
		}
	}
	p.DateOrder, p.DateAmbiguous = app.SlashDateOrder(dates)
	if opts.DateOrder != app.DateAuto {
		p.DateOrder, p.DateAmbiguous = opts.DateOrder, false
	}
	return p, nil
}

func (s *Store) savedMapping(ctx context.Context, header []string) (app.ColumnMapping, bool, error) {
	var js string
	err := s.db.QueryRowContext(ctx, `SELECT mapping FROM import_mappings WHERE header = ?`, app.HeaderKey(header)).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return app.ColumnMapping{}, false, nil
	}
	if err != nil {
		return app.ColumnMapping{}, false, s.fail(err)
	}
	m := app.EmptyMapping()
	if err := json.Unmarshal([]byte(js), &m); err != nil || m.Validate() != nil {
		return app.ColumnMapping{}, false, nil // a damaged memory is forgotten, not fatal
	}
	return m, true, nil
}

// importBatch is a slice of parsed lines on its way from the parser to the
// writer; batches are recycled so a million lines allocate a few dozen.
type importBatch struct {
	lines []app.ParsedLine
	rows  int // file rows read up to the end of this batch
}

const batchSize = 2048

// insertRows is how many lines one INSERT statement carries: fewer calls
// through database/sql is most of the speed-up over one row per statement.
const insertRows = 512

// importCacheKiB is the page cache of the importing connection (16 MiB):
// enough to hold the hot pages of a million-line load, well inside the
// 200 MB peak the import is held to.
const importCacheKiB = 16 << 10

// importGCPercent is GOGC while importing.
const importGCPercent = 50

// ImportOrders implements app.OrderImporter. The file is parsed in a
// goroutine beside the writer, and written with multi-row INSERTs inside one
// transaction; orders already present are then replaced or dropped as
// unchanged (replaceOrders) and the order summaries rebuilt in the same
// transaction, so a cancel, a failure or a killed process leaves the
// workspace as it was.
func (s *Store) ImportOrders(ctx context.Context, opts app.ImportOptions, progress func(app.ImportProgress)) (res app.ImportResult, err error) {
	start := time.Now()
	app.SetDateWindow(start)
	res.Skipped = map[string]int{}
	// A million-line import makes garbage fast (one record per row): a
	// tighter GC target keeps the peak well under 200 MB for a few percent
	// more CPU. Restored when the import ends.
	defer debug.SetGCPercent(debug.SetGCPercent(importGCPercent))
	defer func() { res.Elapsed = time.Since(start) }()
	f, err := openOrderFile(opts.Path, opts.Encoding, opts.Delimiter)
	if err != nil {
		return res, err
	}
	defer f.Close()
	res.Encoding = f.encoding
	header, err := f.Read()
	if err != nil {
		return res, app.Wrap(err, app.EInvalid, "customers.err.empty_file", opts.Path)
	}
	header = append([]string(nil), header...)
	if opts.Currency = strings.ToUpper(strings.TrimSpace(opts.Currency)); opts.Currency != "" && !app.IsISOCurrency(opts.Currency) {
		return res, app.Errorf(app.EInvalid, "fx.err.currency", opts.Currency)
	}
	m, remember, err := s.importMapping(ctx, header, opts.Mapping)
	if err != nil {
		return res, err
	}
	res.Format = m.Format
	format, source, err := importSource(m.Format, opts.Source)
	if err != nil {
		return res, err
	}
	res.Source = source

	conn, err := s.bulkLoadConn(ctx)
	if err != nil {
		return res, err
	}
	defer conn.Close()
	defer resetBulkLoad(ctx, conn)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return res, s.fail(err)
	}
	defer tx.Rollback()
	ld := &orderLoad{s: s, tx: tx, f: f, source: source}
	if err := ld.begin(ctx, opts.Path, format); err != nil {
		return res, err
	}
	if opts.Currency == "" {
		opts.Currency = ld.cur.base
	}

	pctx, stop := context.WithCancel(ctx)
	defer stop()
	p := newOrderParser(f, m, header, opts, ld.agg, ld.sigs)
	p.currency = opts.Currency
	go p.run(pctx)

	// The customer index is dropped for the load: a million random B-tree
	// inserts cost more than the load itself. CustomerOrders builds it again
	// (one sort) the first time a customer's history is asked for. Inside
	// the transaction, so a cancel brings it back untouched.
	if _, err := tx.ExecContext(ctx, `DROP INDEX IF EXISTS order_rows_by_customer`); err != nil {
		p.abort(stop)
		return res, s.fail(err)
	}
	if err := ld.dropDateIndex(ctx); err != nil {
		p.abort(stop)
		return res, err
	}
	if err := suspendStaleMarks(ctx, tx); err != nil {
		p.abort(stop)
		return res, s.fail(err)
	}

	var lastReport time.Time
	report := func(rows int) {
		if progress != nil && time.Since(lastReport) > 100*time.Millisecond {
			lastReport = time.Now()
			progress(app.ImportProgress{Rows: rows, Done: f.read.Load(), Total: f.size, Elapsed: time.Since(start)})
		}
	}
	// The writer: this goroutine, the only one touching the transaction.
	// It writes through the driver's connection (see lineWriter), inside
	// the same transaction, which the statements below go on with.
	var rows int
	var loadErr error
	var pr parseResult
	if err := conn.Raw(func(dc any) error {
		w, err := newLineWriter(ctx, dc, ld.importID, ld.cur.null, ld.texts)
		if err != nil {
			p.abort(stop)
			return err
		}
		defer w.close()
		var werr error
		rows, werr = p.writeTo(ctx, w, opts.SkipBad, stop, &res.Imported, report)
		pr = <-p.done
		res.RowsRead, res.NoCustomer, res.Skipped, res.BadRows = pr.rows, pr.noCustomer, pr.skipped, pr.bad
		loadErr = ld.loaded(ctx, &res, pr.err, werr, opts.SkipBad, w)
		return nil
	}); err != nil {
		return res, s.fail(err)
	}
	if loadErr != nil {
		return res, loadErr
	}
	if err := ld.convertible(&res, pr.currencies); err != nil {
		return res, err
	}
	if err := ld.countOrders(ctx, &res); err != nil {
		return res, err
	}
	var mapping *app.ColumnMapping
	if remember {
		mapping = &m
	}
	if committed, err := ld.commit(ctx, &res, header, mapping); err != nil || !committed {
		return res, err
	}
	if progress != nil {
		progress(app.ImportProgress{Rows: rows, Done: f.size, Total: f.size, Elapsed: time.Since(start)})
	}
	return res, nil
}

// importMapping is the column mapping of an import: the one the person
// confirmed (remembered for the next file with this header), else the one
// remembered for this header, else the detected one.
func (s *Store) importMapping(ctx context.Context, header []string, chosen *app.ColumnMapping) (m app.ColumnMapping, remember bool, err error) {
	switch {
	case chosen != nil:
		m, remember = *chosen, true
	default:
		saved, ok, err := s.savedMapping(ctx, header)
		if err != nil {
			return m, false, err
		}
		if ok {
			m = saved
		} else if m, ok = app.DetectMapping(header); !ok {
			return m, false, m.Validate()
		}
	}
	if err := m.Validate(); err != nil {
		return m, false, err
	}
	return m, remember, nil
}

// importFormats are the formats stored as themselves; any other mapping is
// stored as "custom".
var importFormats = map[string]bool{"generic": true, "uci": true, "shopify": true, "amazon": true}

// importSource returns the format stored for a mapping's format and the
// source an order id is unique within: the one the person named, or the
// export's format (two Shopify shops imported without a name share
// "shopify").
func importSource(mappingFormat, named string) (format, source string, err error) {
	format = mappingFormat
	if !importFormats[format] {
		format = "custom"
	}
	source = strings.TrimSpace(named)
	if source == "" {
		source = format
	}
	if utf8.RuneCountInString(source) > 40 {
		return "", "", app.Errorf(app.EInvalid, "customers.err.bad_source", named)
	}
	return format, source, nil
}

// bulkLoadConn returns one connection for the whole import, tuned for a bulk
// load: a larger page cache and an in-memory statement journal keep SQLite
// from spilling and journalling pages to disk mid-transaction (most of the
// time of a naive import). Foreign keys are off for it: the only one
// order_lines has is import_id, which the importer takes from the row it has
// just inserted, and checking it costs a lookup per line. All three are reset
// (resetBulkLoad) before the connection goes back to the pool.
func (s *Store) bulkLoadConn(ctx context.Context) (*sql.Conn, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, s.fail(err)
	}
	for _, pragma := range []string{
		`PRAGMA foreign_keys = OFF`,
		`PRAGMA temp_store = MEMORY`,
		fmt.Sprintf(`PRAGMA cache_size = -%d`, importCacheKiB),
	} {
		if _, err := conn.ExecContext(ctx, pragma); err != nil {
			conn.Close()
			return nil, s.fail(err)
		}
	}
	return conn, nil
}

// resetBulkLoad undoes bulkLoadConn's settings, even after a cancel.
func resetBulkLoad(ctx context.Context, conn *sql.Conn) {
	reset := context.WithoutCancel(ctx)
	conn.ExecContext(reset, `PRAGMA cache_size = -2000`)
	conn.ExecContext(reset, `PRAGMA temp_store = DEFAULT`)
	conn.ExecContext(reset, `PRAGMA foreign_keys = ON`)
}

// orderLoad is the transaction side of one import: the import's row, the
// state of the workspace before it, and what the parser gathers to count
// and summarise orders.
type orderLoad struct {
	s         *Store
	tx        *sql.Tx
	f         *orderFile
	source    string
	importID  int64
	maxBefore int64
	// The workspace had no orders: the summaries are computed while
	// parsing (agg). Otherwise each order of the file gets a signature of
	// its lines, to compare with the lines already there (sigs,
	// replaceOrders).
	agg  *orderAggregates
	sigs *orderSigs
	// cur is the workspace's base currency, NULL lines' currency and the
	// factors into the base.
	cur orderCurrencies
	// texts are the descriptions and countries already stored.
	texts *orderTexts
}

// begin inserts the import's row and reads what the workspace holds.
func (ld *orderLoad) begin(ctx context.Context, path, format string) error {
	// maxBefore: this import's lines get larger ids, which is how the
	// replace step below tells them from the lines already there.
	var before int
	if err := ld.tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM order_rows), coalesce(max(id), 0) FROM order_rows`).Scan(&before, &ld.maxBefore); err != nil {
		return ld.s.fail(err)
	}
	var err error
	if ld.texts, err = readOrderTexts(ctx, ld.tx); err != nil {
		return ld.s.fail(err)
	}
	// The real hash is known only at the end of the file; a unique
	// placeholder holds the row until then.
	placeholder := make([]byte, 32)
	rand.Read(placeholder)
	r, err := ld.tx.ExecContext(ctx, `INSERT INTO order_imports (file_sha256, file_name, format, source) VALUES (?, ?, ?, ?)`,
		hex.EncodeToString(placeholder), filepath.Base(path), format, ld.source)
	if err != nil {
		return ld.s.fail(err)
	}
	ld.importID, _ = r.LastInsertId()
	if ld.cur, err = readOrderCurrencies(ctx, ld.tx); err != nil {
		return ld.s.fail(err)
	}
	if before == 0 {
		ld.agg = newOrderAggregates()
		ld.agg.conv = ld.cur.conv
	} else {
		ld.sigs = newOrderSigs()
	}
	return nil
}

// convertible refuses, before anything is written, a file with lines in a
// currency the workspace has no rate for: its lines could not be summed in
// the base currency. The message names the currency and where to add it.
func (ld *orderLoad) convertible(res *app.ImportResult, currencies map[string]struct{}) error {
	missing := make([]string, 0, len(currencies))
	for c := range currencies {
		if !ld.cur.conv.Has(c) {
			missing = append(missing, c)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	slices.Sort(missing)
	res.Imported = 0
	return app.Errorf(app.EInvalid, "customers.err.no_fx_rate", strings.Join(missing, ", "), ld.cur.base)
}

// dropDateIndex drops the date index for a load into an empty workspace,
// and the first reader of a date range builds it (withIndex), once. A
// file whose dates are out of time order (an export sorted by order id,
// customer or marketplace) would put each insert at a random place in that
// B-tree (issue 20 measured the load at 0.59x the time without it), and
// building it at the end of the import was 0.6–0.8 s of a million-line one,
// where tiers, customers, the dashboard and the report never use it. A
// workspace that already has lines keeps it: a full rebuild would cost a
// small import more than its inserts do. Inside the transaction, so a
// cancel brings it back.
func (ld *orderLoad) dropDateIndex(ctx context.Context) error {
	if ld.agg == nil {
		return nil
	}
	if _, err := ld.tx.ExecContext(ctx, `DROP INDEX IF EXISTS order_rows_by_at`); err != nil {
		return ld.s.fail(err)
	}
	return nil
}

// loaded decides, once the file is read, whether the import goes on: not
// after a cancel, a failed write, an unreadable file or bad rows the person
// did not choose to skip; then nothing is imported. It then writes the last
// lines.
func (ld *orderLoad) loaded(ctx context.Context, res *app.ImportResult, parseErr, writeErr error, skipBad bool, w *lineWriter) error {
	if err := ld.refusal(ctx, res, parseErr, writeErr, skipBad); err != nil {
		res.Imported = 0
		return err
	}
	if err := w.flush(ctx); err != nil {
		return ld.s.fail(err)
	}
	if ld.agg != nil && ld.agg.overflow {
		res.Imported = 0
		return app.Errorf(app.EInvalid, "customers.err.sum_overflow")
	}
	return nil
}

// refusal is why the import stops once the file is read, if it does.
func (ld *orderLoad) refusal(ctx context.Context, res *app.ImportResult, parseErr, writeErr error, skipBad bool) error {
	if ctx.Err() != nil {
		return app.Wrap(ctx.Err(), app.ECanceled, "customers.err.canceled")
	}
	if writeErr != nil {
		return ld.s.fail(writeErr)
	}
	if parseErr != nil {
		return parseErr
	}
	if n := res.SkippedTotal(); n > 0 && !skipBad {
		return app.Errorf(app.EInvalid, "customers.err.bad_rows", n)
	}
	return nil
}

// countOrders counts the new, replaced and unchanged orders, replacing and
// dropping lines as it goes (replaceOrders).
func (ld *orderLoad) countOrders(ctx context.Context, res *app.ImportResult) error {
	// The sorts of the replace step and of the summary rebuild may spill to
	// temporary files, which must be real files to keep memory flat.
	if _, err := ld.tx.ExecContext(ctx, `PRAGMA temp_store = DEFAULT`); err != nil {
		return ld.s.fail(err)
	}
	if ld.agg != nil {
		// Nothing was there: every order of the file is new.
		res.OrdersNew = ld.agg.orderCount()
		return nil
	}
	oc, err := replaceOrders(ctx, ld.tx, ld.importID, ld.maxBefore, ld.source, ld.sigs)
	if err != nil {
		return ld.s.fail(err)
	}
	res.OrdersNew, res.OrdersReplaced, res.OrdersUnchanged = oc.added, oc.replaced, oc.unchanged
	res.Imported -= oc.unchangedLines
	return nil
}

// commit is the commit step: the import's row gets its hash and counts, the
// mapping is remembered (when given), the order summaries are rebuilt and
// the transaction commits. An import that changes nothing is rolled back
// instead, and commit reports false.
func (ld *orderLoad) commit(ctx context.Context, res *app.ImportResult, header []string, remember *app.ColumnMapping) (bool, error) {
	tx, s := ld.tx, ld.s
	sum := ld.f.sum()
	if res.OrdersNew == 0 && res.OrdersReplaced == 0 {
		// Nothing changes (the same export again, re-saved, re-sorted):
		// rolled back by the deferred Rollback, so no empty import is kept.
		var dup int
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM order_imports WHERE file_sha256 = ? AND id <> ?)`, sum, ld.importID).Scan(&dup); err != nil {
			return false, s.fail(err)
		}
		res.Imported, res.Duplicate = 0, dup == 1
		tx.Rollback()
		res.Customers, _ = s.customerCount(ctx)
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE order_imports SET file_sha256 = ?, rows_read = ?, imported = ?, skipped = ?,
		orders_new = ?, orders_replaced = ?, orders_unchanged = ? WHERE id = ?`,
		sum, res.RowsRead, res.Imported, res.SkippedTotal(), res.OrdersNew, res.OrdersReplaced, res.OrdersUnchanged, ld.importID); err != nil {
		return false, s.fail(err)
	}
	if remember != nil {
		js, _ := json.Marshal(*remember)
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO import_mappings (header, mapping) VALUES (?, ?)`,
			app.HeaderKey(header), string(js)); err != nil {
			return false, s.fail(err)
		}
	}
	var err error
	if ld.agg != nil {
		err = ld.agg.write(ctx, tx)
	} else {
		// One scan of the lines through the same in-Go sums (measured on
		// 1M lines: ≈ 6 s against ≈ 22 s for refreshOrderSummaries' SQL).
		err = rebuildSummaries(ctx, tx)
	}
	if err == nil {
		err = resumeStaleMarks(ctx, tx)
	}
	if err != nil {
		return false, s.fail(err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM order_customers`).Scan(&res.Customers); err != nil {
		return false, s.fail(err)
	}
	if err := tx.Commit(); err != nil {
		return false, s.fail(err)
	}
	res.ImportID = ld.importID
	return true, nil
}

// parseResult is what the parser found once the file is read.
type parseResult struct {
	rows, noCustomer int
	skipped          map[string]int
	bad              []app.BadRow
	err              error
	currencies       map[string]struct{} // of the good lines
}

// orderParser reads and parses rows in its own goroutine, collects bad
// rows and feeds the summaries (agg) or the order signatures (sigs). Parsed
// lines go to the writer in batches on full; the writer hands them back on
// free.
type orderParser struct {
	f         *orderFile
	m         app.ColumnMapping
	header    []string
	dateOrder app.DateOrder
	path      string
	agg       *orderAggregates
	sigs      *orderSigs
	currency  string // of lines with no currency of their own

	full, free chan *importBatch
	done       chan parseResult
	// sawBad tells the writer to stop writing when rows are bad and the
	// import will be aborted: the parser still reads on to list them all.
	sawBad atomic.Bool

	pr     parseResult // owned by the parsing goroutine until sent on done
	recent lastFields
}

func newOrderParser(f *orderFile, m app.ColumnMapping, header []string, opts app.ImportOptions, agg *orderAggregates, sigs *orderSigs) *orderParser {
	p := &orderParser{
		f: f, m: m, header: header, dateOrder: opts.DateOrder, path: opts.Path, agg: agg, sigs: sigs,
		full: make(chan *importBatch, 4),
		free: make(chan *importBatch, 6),
		done: make(chan parseResult, 1),
		pr:   parseResult{skipped: map[string]int{}, currencies: map[string]struct{}{}},
	}
	for range 6 {
		p.free <- &importBatch{lines: make([]app.ParsedLine, 0, batchSize)}
	}
	return p
}

// run parses the file to its end, or until ctx is cancelled; it closes full
// and sends its result on done.
func (p *orderParser) run(ctx context.Context) {
	defer func() { close(p.full); p.done <- p.pr }()
	var prev *app.ParsedLine
	var last app.ParsedLine
	b := <-p.free
	for {
		rec, err := p.f.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			if p.readError(err) {
				continue
			}
			return
		}
		line, ok := p.parse(rec, prev)
		if !ok {
			continue
		}
		last = line
		prev = &last
		b.lines = append(b.lines, line)
		if len(b.lines) == batchSize {
			if b = p.send(ctx, b); b == nil {
				return
			}
		}
	}
	b.rows = p.pr.rows
	select {
	case p.full <- b:
	case <-ctx.Done():
	}
}

// readError handles a record that could not be read, and reports whether
// reading goes on.
func (p *orderParser) readError(err error) bool {
	// A record that cannot be read (a quote that does not close where its
	// field ends, a line too long) is one bad row: the reader goes on at the
	// next line.
	var be *badRecordError
	if errors.As(err, &be) {
		p.pr.rows++
		p.bad(app.BadRow{Row: be.Line, Value: be.Text, Reason: be.Reason})
		return true
	}
	if app.ErrorCode(err) == app.EInvalid {
		p.pr.err = err
	} else {
		p.pr.err = app.Wrap(err, app.EInvalid, "customers.err.open_file", p.path)
	}
	return false
}

// parse parses one record; false for a blank line or a bad row.
func (p *orderParser) parse(rec []string, prev *app.ParsedLine) (app.ParsedLine, bool) {
	// Rows are named by the line they start on (the header is 1).
	row := p.f.Line()
	if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
		return app.ParsedLine{}, false // a blank line is not a row
	}
	p.pr.rows++
	line, rerr := app.ParseRow(rec, p.m, p.dateOrder, prev)
	if p.f.Unterminated() && (rerr != nil || len(rec) < len(p.header) || hasBrokenText(rec) || p.recent.cut(rec[len(rec)-1])) {
		// The last line has no line end and is incomplete: a file cut
		// off or still being written. Never stored.
		br := app.BadRow{Row: row, Value: strings.Join(rec, string(p.f.delimiter)), Reason: app.ReasonTruncated}
		if rerr != nil {
			br.Field, br.Value = rerr.Field, rerr.Value
		}
		p.bad(br)
		return app.ParsedLine{}, false
	}
	p.recent.add(rec[len(rec)-1])
	if rerr != nil {
		p.bad(app.BadRow{Row: row, Field: rerr.Field, Value: rerr.Value, Reason: rerr.Reason})
		return app.ParsedLine{}, false
	}
	if line.Customer == "" {
		p.pr.noCustomer++
	}
	if line.Currency == "" {
		line.Currency = p.currency
	}
	if prev == nil || prev.Currency != line.Currency {
		p.pr.currencies[line.Currency] = struct{}{}
	}
	if p.agg != nil {
		p.agg.add(&line)
	} else {
		p.sigs.add(&line)
	}
	return line, true
}

func (p *orderParser) bad(br app.BadRow) {
	p.sawBad.Store(true)
	p.pr.skipped[br.Reason]++
	if len(p.pr.bad) < app.MaxBadRowsListed {
		p.pr.bad = append(p.pr.bad, br)
	}
}

// send hands a full batch to the writer and takes an empty one back; nil
// when ctx is cancelled.
func (p *orderParser) send(ctx context.Context, b *importBatch) *importBatch {
	b.rows = p.pr.rows
	select {
	case p.full <- b:
	case <-ctx.Done():
		return nil
	}
	select {
	case b = <-p.free:
	case <-ctx.Done():
		return nil
	}
	b.lines = b.lines[:0]
	return b
}

// abort stops the parser and waits for it, when the writer cannot start.
func (p *orderParser) abort(stop func()) {
	stop()
	for range p.full {
	}
	<-p.done
}

// writeTo is the writer loop: it takes every batch the parser sends and
// writes it while nothing has gone wrong and no row is bad (unless bad rows
// are skipped), counting the written lines in imported. On a write error or
// a cancel it stops the parser, and still drains its batches. It returns
// the rows read and the write error.
func (p *orderParser) writeTo(ctx context.Context, w *lineWriter, skipBad bool, stop func(), imported *int, report func(rows int)) (rows int, werr error) {
	for b := range p.full {
		rows = b.rows
		if werr == nil && ctx.Err() == nil && (skipBad || !p.sawBad.Load()) {
			werr = w.write(ctx, b.lines)
			*imported += len(b.lines)
		}
		if werr != nil || ctx.Err() != nil {
			stop()
		}
		p.free <- b
		report(rows)
	}
	return rows, werr
}

func (s *Store) customerCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM order_customers`).Scan(&n)
	return n, s.fail(err)
}

// lineWriter inserts lines insertRows at a time with one prepared
// statement, and the remainder one by one at the end. It works through the
// driver's own interfaces (database/sql/driver, on the import's connection
// by sql.Conn.Raw) with one argument slice filled in place: database/sql
// copies each call's arguments into a new []driver.NamedValue, 184 KB a
// statement — 383 MB for a million lines, 38 % of all the import allocated,
// which the collector then had to keep up with.
type lineWriter struct {
	multi, single driver.StmtExecContext
	// plain is multi for lines with no order id of their own and in the
	// currency stored as NULL (most files): those two columns are NULL
	// literals in it, two binds a line fewer (≈ 0.2 s a million lines).
	plain   driver.StmtExecContext
	text    driver.StmtExecContext // a new description or country
	texts   *orderTexts
	stmts   []driver.Stmt // to close
	pending []app.ParsedLine
	args    []driver.NamedValue
	null    string // the currency stored as NULL (migration 0014)
	// The previous line's texts as interface values, by column: a string
	// put into an interface is a heap copy of its header, ten values a
	// line, and the lines of one order repeat its invoice, date, customer,
	// country and currency — most of those copies were of the value just bound.
	prev [lineParams]lastText
	at   lastAt
}

// lastAt is the previous line's time, as text and as seconds in an
// interface value.
type lastAt struct {
	s string
	v any
}

func (t *lastAt) of(s string) (any, error) {
	if t.v == nil || s != t.s {
		sec, err := atSeconds(s)
		if err != nil {
			return nil, err
		}
		t.s, t.v = s, sec
	}
	return t.v, nil
}

// lastText is a column's previous text and its interface value.
type lastText struct {
	s string
	v any
}

// of is s as an interface value, the previous one's when s is the same.
func (t *lastText) of(s string) any {
	if t.v == nil || s != t.s {
		t.s, t.v = s, s
	}
	return t.v
}

const lineCols = `(invoice_no, stock_code, description_id, quantity, at, unit_price_cents, customer_id, country_id, order_id, currency, import_id)`

func newLineWriter(ctx context.Context, dc any, importID int64, nullCurrency string, texts *orderTexts) (*lineWriter, error) {
	// OR FAIL: a failing row stops the statement without undoing its
	// earlier rows, so SQLite keeps no statement journal for the multi-row
	// INSERT (measured ~8% of the load). Any error rolls back the whole
	// import transaction anyway. The import id is the same on every line:
	// written into the statement, it is one bind fewer per line.
	row := "(?,?,?,?,?,?,?,?,?,?," + strconv.FormatInt(importID, 10) + ")"
	w := &lineWriter{args: make([]driver.NamedValue, lineParams*insertRows), null: nullCurrency, texts: texts}
	for i := range w.args {
		w.args[i].Ordinal = i + 1 // positional, as database/sql numbers them
	}
	var err error
	if w.multi, err = w.prepare(ctx, dc, `INSERT OR FAIL INTO order_rows `+lineCols+` VALUES `+
		strings.Repeat(row+",", insertRows-1)+row); err != nil {
		return nil, err
	}
	plainRow := "(?,?,?,?,?,?,?,?,NULL,NULL," + strconv.FormatInt(importID, 10) + ")"
	if w.plain, err = w.prepare(ctx, dc, `INSERT OR FAIL INTO order_rows `+lineCols+` VALUES `+
		strings.Repeat(plainRow+",", insertRows-1)+plainRow); err != nil {
		w.close()
		return nil, err
	}
	if w.single, err = w.prepare(ctx, dc, `INSERT INTO order_rows `+lineCols+` VALUES `+row); err != nil {
		w.close()
		return nil, err
	}
	if w.text, err = w.prepare(ctx, dc, insertTextSQL); err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

// prepare prepares q on the driver connection dc.
func (w *lineWriter) prepare(ctx context.Context, dc any, q string) (driver.StmtExecContext, error) {
	prep, ok := dc.(driver.ConnPrepareContext)
	if !ok {
		return nil, fmt.Errorf("the SQLite driver's connection (%T) cannot prepare with a context", dc)
	}
	st, err := prep.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	w.stmts = append(w.stmts, st)
	ex, ok := st.(driver.StmtExecContext)
	if !ok {
		return nil, fmt.Errorf("the SQLite driver's statement (%T) cannot execute with a context", st)
	}
	return ex, nil
}

// lineParams is the number of bound values per line.
const lineParams = 10

func (w *lineWriter) write(ctx context.Context, lines []app.ParsedLine) error {
	for len(w.pending) > 0 && len(lines) > 0 {
		// Finish a partial group left by the previous batch.
		w.pending = append(w.pending, lines[0])
		lines = lines[1:]
		if len(w.pending) == insertRows {
			if err := w.exec(ctx, w.multi, w.pending); err != nil {
				return err
			}
			w.pending = w.pending[:0]
		}
	}
	for len(lines) >= insertRows {
		if err := w.exec(ctx, w.multi, lines[:insertRows]); err != nil {
			return err
		}
		lines = lines[insertRows:]
	}
	w.pending = append(w.pending, lines...)
	return nil
}

func (w *lineWriter) flush(ctx context.Context) error {
	for i := range w.pending {
		if err := w.exec(ctx, w.single, w.pending[i:i+1]); err != nil {
			return err
		}
	}
	w.pending = w.pending[:0]
	return nil
}

func (w *lineWriter) exec(ctx context.Context, stmt driver.StmtExecContext, lines []app.ParsedLine) error {
	width := lineParams
	if stmt == w.multi && w.allPlain(lines) {
		stmt, width = w.plain, lineParams-2
	}
	pv := &w.prev
	args := w.args[:0]
	for i := range lines {
		p := &lines[i]
		var customer, order, currency any
		if p.Customer != "" {
			customer = pv[6].of(p.Customer)
		}
		if p.OrderID != "" {
			order = pv[8].of(p.OrderID)
		}
		if p.Currency != w.null {
			currency = pv[9].of(p.Currency)
		}
		at, err := w.at.of(p.At)
		if err != nil {
			return err
		}
		// Strings, int64s and nil: values the driver takes as they are
		// (database/sql's conversion would leave them unchanged).
		vals := [lineParams]any{pv[0].of(p.Invoice), pv[1].of(p.StockCode), w.texts.id(p.Description), p.Quantity,
			at, p.PriceCents, customer, w.texts.id(p.Country), order, currency}
		for _, v := range vals[:width] {
			args = args[:len(args)+1]
			args[len(args)-1].Value = v
		}
	}
	// The new texts first, so no line points at a text not there.
	if err := w.texts.writeQueued(func(a []driver.NamedValue) error {
		_, err := w.text.ExecContext(ctx, a)
		return err
	}); err != nil {
		return err
	}
	_, err := stmt.ExecContext(ctx, args)
	return err
}

// allPlain says whether every line goes with NULL order id and currency.
func (w *lineWriter) allPlain(lines []app.ParsedLine) bool {
	for i := range lines {
		if lines[i].OrderID != "" || lines[i].Currency != w.null {
			return false
		}
	}
	return true
}

func (w *lineWriter) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// orderAggregates computes, while the file is parsed, the same summaries
// refreshOrderSummaries computes in SQL. It is used only when the workspace
// had no order lines before the import, where the two agree exactly (a test
// checks it); otherwise the SQL rebuild runs. It saves four scans of the
// lines, most of the cost of a large import's summaries.
type orderAggregates struct {
	invoices  map[string]uint32 // interned ids keep the sets small
	customers map[string]uint32
	countries map[string]uint32
	months    map[string]uint32

	monthInv, countryInv, countryCust, custInv map[uint64]struct{}

	monthRows   []monthAgg
	countryRows []countryAgg
	custRows    []custAgg
	custNames   []string
	first, last string

	// Order ids: an interned invoice seen on a line that is its own order
	// id, and the order ids of status-marked cancellations ("C"+id stored).
	plainOrder  []bool
	markedOrder map[string]struct{}
	// overflow is set when a sum would pass int64 (see app.MaxLineCents).
	overflow bool
	// conv converts a line's amount into the base currency (the same
	// factors as orderCurrencies.baseCents).
	conv app.BaseConverter

	// order_customer_days and order_sku_days, keyed by pair(customer or
	// SKU id, day id): a row per purchase day or SKU day, not per line.
	days     map[string]uint32
	dayNums  []int64 // day number (days since 1970-01-01) of each day id
	skus     map[string]uint32
	skuNames []string
	custDays map[uint64]custDay
	skuDays  map[uint64]skuDay

	// prev is the previous line's lookups (see lastOrder).
	prev lastOrder

	// written, when set, hears how many of the day rows writeDays has
	// written (a migration reports it; an import does not).
	written func(done, total int64)
}

type custDay struct {
	cents  int64
	bought bool // a non-cancelled line that day: a purchase day
}

type skuDay struct {
	revenue, units       int64
	soldUnits, soldLines int64 // the non-cancelled lines
}

// orderCount is the number of distinct order ids added.
func (a *orderAggregates) orderCount() int {
	n := 0
	for _, plain := range a.plainOrder {
		if plain {
			n++
		}
	}
	for k := range a.markedOrder {
		if id, ok := a.invoices[k]; !ok || !a.plainOrder[id] {
			n++
		}
	}
	return n
}

// addChecked adds v to *sum unless that would overflow, which it reports.
func addChecked(sum *int64, v int64) bool {
	if (v > 0 && *sum > math.MaxInt64-v) || (v < 0 && *sum < math.MinInt64-v) {
		return false
	}
	*sum += v
	return true
}

type monthAgg struct {
	month         string
	revenue       int64
	orders, lines int
}
type countryAgg struct {
	country           string
	revenue           int64
	orders, customers int
}
type custAgg struct {
	orders, lines int
	monetary      int64
	first, last   string
	// Most customers buy from one country: it is counted inline, and a map
	// is made only for the few with a second country.
	country   uint32
	countryN  int
	countries map[uint32]int
}

func (c *custAgg) addCountry(id uint32) {
	switch {
	case c.countryN == 0 || (c.countries == nil && c.country == id):
		c.country = id
		c.countryN++
	case c.countries == nil:
		c.countries = map[uint32]int{c.country: c.countryN, id: 1}
	default:
		c.countries[id]++
	}
}

func newOrderAggregates() *orderAggregates {
	return &orderAggregates{invoices: map[string]uint32{}, customers: map[string]uint32{}, countries: map[string]uint32{},
		months: map[string]uint32{}, monthInv: map[uint64]struct{}{}, countryInv: map[uint64]struct{}{},
		countryCust: map[uint64]struct{}{}, custInv: map[uint64]struct{}{}, markedOrder: map[string]struct{}{},
		days: map[string]uint32{}, skus: map[string]uint32{}, custDays: map[uint64]custDay{}, skuDays: map[uint64]skuDay{},
		// No pair is known yet: ids are below 2^32-1, so this is none of them.
		prev: lastOrder{monthInv: math.MaxUint64, countryInv: math.MaxUint64, countryCust: math.MaxUint64, custInv: math.MaxUint64}}
}

// dayID interns a line's day; its day number is parsed once per day.
func (a *orderAggregates) dayID(day string) uint32 {
	id, isNew := intern(a.days, day)
	if isNew {
		// The parser has checked the date: a bad one cannot reach here.
		t, _ := time.Parse(time.DateOnly, day)
		a.dayNums = append(a.dayNums, t.Unix()/86400)
	}
	return id
}

// addDays adds a line to the per-day summaries (customerDaysSQL and
// skuDaysSQL in orders.go); uid is the customer's id, or -1 for none.
func (a *orderAggregates) addDays(p *app.ParsedLine, day uint32, uid int64, amount int64) {
	addDayValues(a, p.StockCode, app.IsCancellation(p.Invoice, p.Quantity), p.Quantity, day, uid, amount)
}

// addDayValues is addDays for a line's values: a line being imported, or
// one read back from the table (as bytes) by a migration.
func addDayValues[T ~string | ~[]byte](a *orderAggregates, stockCode T, cancelled bool, qty int64, day uint32, uid int64, amount int64) {
	if len(stockCode) > 0 {
		// Indexing with string(bytes) does not copy; a new SKU is copied
		// once, for the map and the names (the parser's strings point into
		// a buffer it reuses).
		sid, ok := a.skus[string(stockCode)]
		if !ok {
			name := strings.Clone(string(stockCode))
			sid = uint32(len(a.skus))
			a.skus[name] = sid
			a.skuNames = append(a.skuNames, name)
		}
		k := pair(sid, day)
		sd := a.skuDays[k]
		if !addChecked(&sd.revenue, amount) || !addChecked(&sd.units, qty) {
			a.overflow = true
		}
		if !cancelled {
			if !addChecked(&sd.soldUnits, qty) {
				a.overflow = true
			}
			sd.soldLines++
		}
		a.skuDays[k] = sd
	}
	if uid < 0 {
		return
	}
	k := pair(uint32(uid), day)
	cd := a.custDays[k]
	if !addChecked(&cd.cents, amount) {
		a.overflow = true
	}
	cd.bought = cd.bought || !cancelled
	a.custDays[k] = cd
}

func intern(m map[string]uint32, s string) (uint32, bool) {
	if id, ok := m[s]; ok {
		return id, false
	}
	id := uint32(len(m))
	m[strings.Clone(s)] = id
	return id, true
}

func pair(a, b uint32) uint64 { return uint64(a)<<32 | uint64(b) }

// baseCents is a line's amount (bounded by app.MaxLineCents) in the base
// currency. A currency without a rate gives the amount as it is: the
// import is then refused (orderLoad.convertible).
func (a *orderAggregates) baseCents(p *app.ParsedLine) int64 {
	amount := p.Quantity * p.PriceCents
	if v, ok := a.conv.Cents(p.Currency, p.At, amount); ok {
		return v
	}
	return amount
}

// lastOrder is what add found for the previous line: an export lists an
// order's lines one after another, and they share the invoice, time,
// customer and country, so most lines need none of the lookups again
// (about half of add's map operations, which were a third of the parser's
// time). The strings are copies: the parser's point into a buffer it reuses.
type lastOrder struct {
	invoice, at, country, customer, orderID string
	inv, mid, cid, uid, day                 uint32
	// Pairs known to be in their sets already.
	monthInv, countryInv, countryCust, custInv uint64
	valid                                      bool
}

func (a *orderAggregates) add(p *app.ParsedLine) {
	amount := a.baseCents(p)
	c := a.lookUp(p)
	inv, mid, cid := c.inv, c.mid, c.cid
	mr := &a.monthRows[mid]
	if !addChecked(&mr.revenue, amount) {
		a.overflow = true
	}
	mr.lines++
	if k := pair(mid, inv); k != c.monthInv {
		if _, seen := a.monthInv[k]; !seen {
			a.monthInv[k] = struct{}{}
			mr.orders++
		}
		c.monthInv = k
	}
	cr := &a.countryRows[cid]
	if !addChecked(&cr.revenue, amount) {
		a.overflow = true
	}
	if k := pair(cid, inv); k != c.countryInv {
		if _, seen := a.countryInv[k]; !seen {
			a.countryInv[k] = struct{}{}
			cr.orders++
		}
		c.countryInv = k
	}
	if p.Customer == "" {
		a.addDays(p, c.day, -1, amount)
		return
	}
	a.addCustomer(p, c, cr, amount)
}

// lookUp interns the line's invoice, month, day and country, each only when
// it differs from the previous line's (see lastOrder).
func (a *orderAggregates) lookUp(p *app.ParsedLine) *lastOrder {
	c := &a.prev
	if !c.valid || p.Invoice != c.invoice {
		inv, isNew := intern(a.invoices, p.Invoice)
		if isNew {
			a.plainOrder = append(a.plainOrder, false)
		}
		c.invoice, c.inv = strings.Clone(p.Invoice), inv
	}
	if p.OrderID == "" {
		a.plainOrder[c.inv] = true
	} else if !c.valid || p.OrderID != c.orderID {
		if _, seen := a.markedOrder[p.OrderID]; !seen {
			a.markedOrder[strings.Clone(p.OrderID)] = struct{}{}
		}
		c.orderID = strings.Clone(p.OrderID)
	}
	if !c.valid || p.At != c.at {
		mid, isNew := intern(a.months, p.At[:7])
		if isNew {
			a.monthRows = append(a.monthRows, monthAgg{month: strings.Clone(p.At[:7])})
		}
		c.at, c.mid, c.day = strings.Clone(p.At), mid, a.dayID(p.At[:10])
		day := c.at[:10]
		if a.first == "" || day < a.first {
			a.first = day
		}
		if day > a.last {
			a.last = day
		}
	}
	if !c.valid || p.Country != c.country {
		cid, isNew := intern(a.countries, p.Country)
		if isNew {
			a.countryRows = append(a.countryRows, countryAgg{country: strings.Clone(p.Country)})
		}
		c.country, c.cid = strings.Clone(p.Country), cid
	}
	c.valid = true
	return c
}

// addCustomer adds a line with a customer to its day and its customer's
// summary.
func (a *orderAggregates) addCustomer(p *app.ParsedLine, c *lastOrder, cr *countryAgg, amount int64) {
	if p.Customer != c.customer {
		uid, isNew := intern(a.customers, p.Customer)
		if isNew {
			a.custRows = append(a.custRows, custAgg{})
			a.custNames = append(a.custNames, strings.Clone(p.Customer))
		}
		c.customer, c.uid = a.custNames[uid], uid
	}
	uid := c.uid
	a.addDays(p, c.day, int64(uid), amount)
	if k := pair(c.cid, uid); k != c.countryCust {
		if _, seen := a.countryCust[k]; !seen {
			a.countryCust[k] = struct{}{}
			cr.customers++
		}
		c.countryCust = k
	}
	cu := &a.custRows[uid]
	cu.lines++
	if !addChecked(&cu.monetary, amount) {
		a.overflow = true
	}
	cu.addCountry(c.cid)
	if app.IsCancellation(p.Invoice, p.Quantity) {
		return
	}
	if k := pair(uid, c.inv); k != c.custInv {
		if _, seen := a.custInv[k]; !seen {
			a.custInv[k] = struct{}{}
			cu.orders++
		}
		c.custInv = k
	}
	day := c.at[:10]
	if cu.first == "" || day < cu.first {
		cu.first = day
	}
	if day > cu.last {
		cu.last = day
	}
}

// write stores the aggregates in the (empty) summary tables.
func (a *orderAggregates) write(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{`DELETE FROM order_months`, `DELETE FROM order_countries`, `DELETE FROM order_customers`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	for _, m := range a.monthRows {
		if _, err := tx.ExecContext(ctx, `INSERT INTO order_months (month, revenue_cents, orders, lines) VALUES (?, ?, ?, ?)`,
			m.month, m.revenue, m.orders, m.lines); err != nil {
			return err
		}
	}
	for _, c := range a.countryRows {
		if _, err := tx.ExecContext(ctx, `INSERT INTO order_countries (country, revenue_cents, orders, customers) VALUES (?, ?, ?, ?)`,
			c.country, c.revenue, c.orders, c.customers); err != nil {
			return err
		}
	}
	countryNames := make([]string, len(a.countryRows))
	for i, c := range a.countryRows {
		countryNames[i] = c.country
	}
	// Customers in id order: order_customers is keyed by the id (WITHOUT
	// ROWID), so each row is appended to the B-tree instead of splitting a
	// page somewhere in it, as first-seen order did.
	custOrder, _ := byName(a.custNames)
	if err := insertMany(ctx, tx, `INSERT INTO order_customers (customer_id, country, orders, lines, monetary_cents, first_order, last_order) VALUES `, 7, len(custOrder), func(j int, args []any) []any {
		i := custOrder[j]
		c := &a.custRows[i]
		best := countryNames[c.country]
		bestN := -1
		for cid, n := range c.countries {
			name := countryNames[cid]
			if n > bestN || (n == bestN && name < best) {
				best, bestN = name, n
			}
		}
		var first, last any
		if c.first != "" {
			first, last = c.first, c.last
		}
		return append(args, a.custNames[i], best, c.orders, c.lines, c.monetary, first, last)
	}); err != nil {
		return err
	}
	if err := a.writeDays(ctx, tx); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES
		('orders.customers', ?), ('orders.first', ?), ('orders.last', ?)`,
		strconv.Itoa(len(a.custRows)), a.first, a.last)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM meta WHERE key = 'orders.summaries_stale'`)
	return err
}

// writeDays stores order_customer_days and order_sku_days, each in its
// primary key's order: appended at the end of the B-tree, no page splits.
func (a *orderAggregates) writeDays(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{`DELETE FROM order_customer_days`, `DELETE FROM order_sku_days`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	// The names are sorted once and the keys by (name's rank, day): an
	// integer comparison per step instead of two strings'.
	sortByName := func(names []string, keys []uint64) {
		_, rank := byName(names)
		slices.SortFunc(keys, func(x, y uint64) int {
			if c := cmp.Compare(rank[x>>32], rank[y>>32]); c != 0 {
				return c
			}
			return cmp.Compare(a.dayNums[uint32(x)], a.dayNums[uint32(y)])
		})
	}
	keys := make([]uint64, 0, len(a.custDays))
	for k, d := range a.custDays {
		if d.bought { // a day of cancellations only is no purchase
			keys = append(keys, k)
		}
	}
	sortByName(a.custNames, keys)
	total, base := int64(len(keys)+len(a.skuDays)), int64(0)
	tell := func(i int) {
		if a.written != nil && i%fillReportEvery == 0 {
			a.written(base+int64(i), total)
		}
	}
	if err := insertMany(ctx, tx, `INSERT INTO order_customer_days (customer_id, day, cents) VALUES `, 3, len(keys), func(i int, args []any) []any {
		tell(i)
		k := keys[i]
		return append(args, a.custNames[k>>32], a.dayNums[uint32(k)], a.custDays[k].cents)
	}); err != nil {
		return err
	}
	base = int64(len(keys))
	keys = slices.AppendSeq(keys[:0], maps.Keys(a.skuDays))
	sortByName(a.skuNames, keys)
	return insertMany(ctx, tx, `INSERT INTO order_sku_days (stock_code, day, revenue_cents, units, sold_units, sold_lines) VALUES `, 6, len(keys), func(i int, args []any) []any {
		tell(i)
		k := keys[i]
		d := a.skuDays[k]
		return append(args, a.skuNames[k>>32], a.dayNums[uint32(k)], d.revenue, d.units, d.soldUnits, d.soldLines)
	})
}

// byName returns the ids of names (their indexes) in name order, and each
// id's rank in that order.
func byName(names []string) (order, rank []uint32) {
	order = make([]uint32, len(names))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(x, y uint32) int { return strings.Compare(names[x], names[y]) })
	rank = make([]uint32, len(names))
	for r, id := range order {
		rank[id] = uint32(r)
	}
	return order, rank
}

// insertMany inserts n rows of width values, a hundred per statement
// (fewer calls through database/sql); row appends row i's values to args.
func insertMany(ctx context.Context, tx *sql.Tx, head string, width, n int, row func(i int, args []any) []any) error {
	const per = 100
	one := "(" + strings.Repeat("?,", width-1) + "?)"
	var full *sql.Stmt
	args := make([]any, 0, per*width)
	for i := 0; i < n; i += per {
		m := min(per, n-i)
		args = args[:0]
		for j := i; j < i+m; j++ {
			args = row(j, args)
		}
		q := head + strings.Repeat(one+",", m-1) + one
		if m < per {
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return err
			}
			continue
		}
		if full == nil {
			var err error
			if full, err = tx.PrepareContext(ctx, q); err != nil {
				return err
			}
			defer full.Close()
		}
		if _, err := full.ExecContext(ctx, args...); err != nil {
			return err
		}
	}
	return nil
}

// UndoImport implements app.OrderImporter: the import's lines go and the
// lines it replaced come back, with their ids. An import whose own lines a
// later import replaced cannot be undone before that later one (the orders
// would be left with neither version).
func (s *Store) UndoImport(ctx context.Context, importID int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(err)
	}
	defer tx.Rollback()
	var exists, replacedLater int
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM order_imports WHERE id = ?1),
		EXISTS (SELECT 1 FROM order_lines_replaced WHERE import_id = ?1)`, importID).Scan(&exists, &replacedLater); err != nil {
		return s.fail(err)
	}
	if exists == 0 {
		return app.Errorf(app.ENotFound, "error.not_found")
	}
	if replacedLater == 1 {
		return app.Errorf(app.EConflict, "customers.err.undo_later_import")
	}
	if err := suspendStaleMarks(ctx, tx); err != nil {
		return s.fail(err)
	}
	for _, q := range []string{
		// The lines first: they reference the import.
		`DELETE FROM order_rows WHERE import_id = ?1`,
		`INSERT OR IGNORE INTO order_texts (text)
			SELECT description FROM order_lines_replaced WHERE replaced_by = ?1
			UNION SELECT country FROM order_lines_replaced WHERE replaced_by = ?1`,
		`INSERT INTO order_rows (id, invoice_no, stock_code, description_id, quantity, at, unit_price_cents,
				customer_id, country_id, order_id, currency, import_id)
			SELECT r.id, r.invoice_no, r.stock_code, d.id, r.quantity, unixepoch(r.invoiced_at), r.unit_price_cents,
				r.customer_id, c.id, r.order_id, r.currency, r.import_id
			FROM order_lines_replaced r JOIN order_texts d ON d.text = r.description JOIN order_texts c ON c.text = r.country
			WHERE r.replaced_by = ?1 ORDER BY r.id`,
		`DELETE FROM order_lines_replaced WHERE replaced_by = ?1`,
		`DELETE FROM order_imports WHERE id = ?1`,
	} {
		if _, err := tx.ExecContext(ctx, q, importID); err != nil {
			return s.fail(err)
		}
	}
	if err := rebuildSummaries(ctx, tx); err != nil {
		return s.fail(err)
	}
	if err := resumeStaleMarks(ctx, tx); err != nil {
		return s.fail(err)
	}
	return s.fail(tx.Commit())
}

// lineColsBare are the columns of a line that an import writes, the order
// id of lineCols' import_id aside.
const lineColsBare = `invoice_no, stock_code, description, quantity, invoiced_at, unit_price_cents, customer_id, country, order_id, currency`

// orderCounts is what replaceOrders found.
type orderCounts struct {
	added, replaced, unchanged int
	unchangedLines             int // lines of this import dropped as already there
}

// orderSig sums the hashes of an order's lines: two orders with the same
// lines in any order (a multiset) have the same signature, and orders with
// other lines differ but with a chance of 2^-128 (two independent 64-bit
// sums of keyed hashes; the keys are random per import, so no file can be
// made to collide on purpose).
type orderSig struct {
	n    int
	a, b uint64
}

func (g *orderSig) add(h1, h2 uint64) {
	g.n++
	g.a += h1
	g.b += h2
}

// orderPair is one order of the file: its lines' signature, and that of
// the lines already there under the same order id and source, if any.
type orderPair struct {
	file, there orderSig
}

// orderSigs holds the signature of every order of the file being imported,
// by order id (a status-marked cancellation's own id, not its "C" id).
type orderSigs struct {
	seed1, seed2 maphash.Seed
	by           map[string]*orderPair
	buf          []byte
}

func newOrderSigs() *orderSigs {
	return &orderSigs{seed1: maphash.MakeSeed(), seed2: maphash.MakeSeed(), by: map[string]*orderPair{}}
}

// lineBytes writes the stored values of a line, each length-prefixed so no
// two lines write the same bytes. currency is the resolved one (never the
// stored NULL), so an order re-imported in another currency is replaced.
func lineBytes[T ~string | ~[]byte](buf []byte, invoice, stock, desc T, qty int64, at T, price int64, customer, country, currency T) []byte {
	for _, f := range [...]T{invoice, stock, desc, at, customer, country, currency} {
		buf = binary.AppendUvarint(buf, uint64(len(f)))
		buf = append(buf, f...)
	}
	buf = binary.AppendVarint(buf, qty)
	return binary.AppendVarint(buf, price)
}

func (o *orderSigs) hash(b []byte) (uint64, uint64) {
	return maphash.Bytes(o.seed1, b), maphash.Bytes(o.seed2, b)
}

func (o *orderSigs) add(p *app.ParsedLine) {
	key := p.Invoice
	if p.OrderID != "" {
		key = p.OrderID
	}
	g := o.by[key]
	if g == nil {
		g = &orderPair{}
		o.by[strings.Clone(key)] = g
	}
	o.buf = lineBytes(o.buf[:0], p.Invoice, p.StockCode, p.Description, p.Quantity, p.At, p.PriceCents, p.Customer, p.Country, p.Currency)
	g.file.add(o.hash(o.buf))
}

// oldLinesOf selects the lines already there of one source (?1: the
// largest id before the import, ?2: the source).
const oldLinesOf = `FROM order_rows o JOIN order_imports i ON i.id = o.import_id WHERE o.id <= ?1 AND i.source = ?2`

// replaceOrders applies "an order is identified by its order id within its
// source" to the lines just written by import importID (those with ids
// above maxBefore), whose orders' signatures are in sigs: an order id of the
// same source already present with the very same lines (as a multiset: the
// order of lines, CRLF, re-saving and re-sorting do not matter) is
// unchanged, and this import's copy of it is dropped; one present with
// other lines is replaced, its old lines moved to order_lines_replaced (for
// UndoImport); the rest are new. One pass over the lines already there of
// that source (two when orders are replaced); the sets to act on go to
// temporary tables, so memory stays at the file's orders.
func replaceOrders(ctx context.Context, tx *sql.Tx, importID, maxBefore int64, source string, sigs *orderSigs) (orderCounts, error) {
	var oc orderCounts
	// The texts by id, read once: a lookup per line in SQL was two B-tree
	// searches a line, for lines of orders the file mostly does not hold.
	texts, err := textsByID(ctx, tx)
	if err != nil {
		return oc, err
	}
	// A file with few orders against many lines (a day's export into a
	// year of them): the lines of its orders only are read back. Every
	// column read costs a driver call; an order id looked up in a
	// temporary table costs less than reading a line's ten.
	only := ""
	if int64(len(sigs.by))*20 < maxBefore {
		keys := make([]any, 0, len(sigs.by))
		for k := range sigs.by {
			keys = append(keys, k)
		}
		if err := fillTemp(ctx, tx, "file_keys", keys); err != nil {
			return oc, err
		}
		only = ` AND coalesce(o.order_id, o.invoice_no) IN temp.file_keys`
	}
	rows, err := tx.QueryContext(ctx, `SELECT coalesce(o.order_id, o.invoice_no), o.invoice_no, o.stock_code,
		o.description_id, o.quantity, o.at, o.unit_price_cents, o.customer_id, o.country_id, `+lineCurrencySQL("o")+` `+oldLinesOf+only, maxBefore, source)
	if err != nil {
		return oc, err
	}
	var buf, at []byte
	for rows.Next() {
		var qty, price, sec, desc, country int64
		var key, invoice, stock, customer, currency sql.RawBytes
		if err := rows.Scan(&key, &invoice, &stock, &desc, &qty, &sec, &price, &customer, &country, &currency); err != nil {
			rows.Close()
			return oc, err
		}
		g := sigs.by[string(key)]
		if g == nil {
			continue // an order this file does not hold
		}
		// The time as the file's line has it (ParsedLine.At).
		at = appendAt(at[:0], sec)
		buf = lineBytes(buf[:0], invoice, stock, []byte(texts[desc]), qty, at, price, customer, []byte(texts[country]), currency)
		g.there.add(sigs.hash(buf))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return oc, err
	}
	var same, replaced []any
	for k, g := range sigs.by {
		switch {
		case g.there.n == 0:
			oc.added++
		case g.there == g.file:
			same = append(same, k)
			oc.unchangedLines += g.file.n
		default:
			replaced = append(replaced, k)
		}
	}
	oc.unchanged, oc.replaced = len(same), len(replaced)
	if len(same) > 0 {
		if err := fillTemp(ctx, tx, "same_keys", same); err != nil {
			return oc, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM order_rows WHERE id > ? AND coalesce(order_id, invoice_no) IN temp.same_keys`, maxBefore); err != nil {
			return oc, err
		}
	}
	if len(replaced) > 0 {
		if err := fillTemp(ctx, tx, "replaced_keys", replaced); err != nil {
			return oc, err
		}
		for _, q := range []string{
			`CREATE TEMP TABLE moved_lines AS SELECT o.id ` + oldLinesOf + ` AND coalesce(o.order_id, o.invoice_no) IN temp.replaced_keys`,
			`INSERT INTO order_lines_replaced (id, ` + lineColsBare + `, import_id, replaced_by)
				SELECT id, ` + lineColsBare + `, import_id, ?3 FROM order_lines WHERE id IN temp.moved_lines`,
			`DELETE FROM order_rows WHERE id IN temp.moved_lines`,
		} {
			if _, err := tx.ExecContext(ctx, q, maxBefore, source, importID); err != nil {
				return oc, err
			}
		}
	}
	for _, q := range []string{`DROP TABLE IF EXISTS temp.same_keys`, `DROP TABLE IF EXISTS temp.replaced_keys`, `DROP TABLE IF EXISTS temp.moved_lines`, `DROP TABLE IF EXISTS temp.file_keys`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return oc, err
		}
	}
	return oc, nil
}

// fillTemp makes a temporary table of one text column k holding keys,
// inserted a few hundred per statement.
func fillTemp(ctx context.Context, tx *sql.Tx, name string, keys []any) error {
	if _, err := tx.ExecContext(ctx, `DROP TABLE IF EXISTS temp.`+name); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE `+name+` (k TEXT PRIMARY KEY) WITHOUT ROWID`); err != nil {
		return err
	}
	const per = 500
	for len(keys) > 0 {
		n := min(per, len(keys))
		q := `INSERT OR IGNORE INTO temp.` + name + ` VALUES ` + strings.Repeat("(?),", n-1) + "(?)"
		if _, err := tx.ExecContext(ctx, q, keys[:n]...); err != nil {
			return err
		}
		keys = keys[n:]
	}
	return nil
}

// lastFields keeps values of the rows' last field, to tell a last line cut
// inside its last field ("United K" of "United Kingdom", or cut right after
// the delimiter) from a complete one: the distinct values up to a bound (all
// of them for a column like the country) and those of the most recent rows.
// Only the end of the file asks, and only about a line without a line end.
type lastFields struct {
	recent   [256]string
	n        int
	distinct map[string]struct{}
}

const lastFieldsDistinct = 4096

func (l *lastFields) add(v string) {
	l.recent[l.n%len(l.recent)] = v
	l.n++
	if l.distinct == nil {
		l.distinct = map[string]struct{}{}
	}
	if len(l.distinct) < lastFieldsDistinct {
		if _, seen := l.distinct[v]; !seen {
			l.distinct[strings.Clone(v)] = struct{}{}
		}
	}
}

// cut says whether v is a strict beginning of an earlier row's last field
// and not itself one.
func (l *lastFields) cut(v string) bool {
	if _, seen := l.distinct[v]; seen {
		return false
	}
	for i := 0; i < min(l.n, len(l.recent)); i++ {
		if w := l.recent[i]; len(w) > len(v) && strings.HasPrefix(w, v) {
			return true
		}
	}
	for w := range l.distinct {
		if len(w) > len(v) && strings.HasPrefix(w, v) {
			return true
		}
	}
	return false
}

// hasBrokenText says whether a record holds text that is not whole UTF-8
// (the decoders give U+FFFD for a character cut in two).
func hasBrokenText(rec []string) bool {
	for _, f := range rec {
		if strings.ContainsRune(f, utf8.RuneError) || !utf8.ValidString(f) {
			return true
		}
	}
	return false
}
