// Package data keeps a workspace in one SQLite file (modernc.org/sqlite, pure
// Go) and implements the store interfaces of package app.
package data

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
)

// ApplicationID marks a SQLite file as a Seller Assistant workspace ("SELA"
// in the header's application_id), so Open can tell our files from any other
// SQLite database without reading its tables.
const ApplicationID = 0x53454c41

//go:embed migrations/*.sql
var migrationFS embed.FS

// sqliteHeader is the first 16 bytes of every SQLite 3 file.
var sqliteHeader = []byte("SQLite format 3\x00")

// Store is an open workspace. It implements app.Workspace.
type Store struct {
	db   *sql.DB
	path string
}

var _ app.Workspace = (*Store)(nil)

// Opener implements app.Opener over SQLite files.
type Opener struct{}

var _ app.Opener = Opener{}

// dsn builds the connection string. WAL lets the UI read while an import
// writes and survives a crash mid-write; foreign keys are off by default in
// SQLite and the schema relies on them; busy_timeout turns a brief lock into
// a wait instead of an error. The pragmas run in this order, so
// busy_timeout comes first: setting journal_mode needs a lock, and without
// the timeout a second process opening the file while another writes
// failed at once with SQLITE_BUSY.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		// Every write transaction takes the write lock when it begins
		// (BEGIN IMMEDIATE; the driver leaves read-only ones alone). A
		// deferred one that reads first and then writes cannot wait when
		// another process wrote in between: SQLite fails it at once with
		// SQLITE_BUSY, ignoring busy_timeout. Immediate, it waits its turn.
		q.Set("_txlock", "immediate")
	}
	q.Add("_pragma", "foreign_keys(1)")
	return "file:" + filepath.ToSlash(path) + "?" + q.Encode()
}

// header is what Open reads from a file's first page before SQLite touches it.
type header struct {
	userVersion   int
	applicationID uint32
}

// readHeader reads the fixed SQLite header fields straight from the file, so
// refusing a wrong file never goes through a connection that could write.
func readHeader(path string) (header, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return header{}, app.Wrap(err, app.ENotFound, "error.file_not_found", path)
		}
		// A workspace the system will not let us read is a refused file
		// (exit 1), not bad use.
		return header{}, app.Wrap(err, app.EFile, "error.file_unreadable", path)
	}
	defer f.Close()
	buf := make([]byte, 100)
	if _, err := io.ReadFull(f, buf); err != nil {
		return header{}, app.Wrap(err, app.ENotWorkspace, "error.not_workspace", path)
	}
	if !bytes.Equal(buf[:16], sqliteHeader) {
		return header{}, app.Errorf(app.ENotWorkspace, "error.not_workspace", path)
	}
	return header{
		userVersion:   int(binary.BigEndian.Uint32(buf[60:64])),
		applicationID: binary.BigEndian.Uint32(buf[68:72]),
	}, nil
}

// Open implements app.Opener.
func (Opener) Open(ctx context.Context, path string) (app.Workspace, error) {
	return workspace(Open(ctx, path))
}

// Create implements app.Opener.
func (Opener) Create(ctx context.Context, path, name string) (app.Workspace, error) {
	return workspace(Create(ctx, path, name))
}

// CreateDemo implements app.Opener.
func (Opener) CreateDemo(ctx context.Context, path string) (app.Workspace, error) {
	return workspace(CreateDemo(ctx, path, time.Now()))
}

// workspace turns a failed open's nil *Store into a nil app.Workspace: an
// interface holding a nil pointer is not nil, and the window then crashed
// reading a workspace that was never opened (--db naming a missing file).
func workspace(s *Store, err error) (app.Workspace, error) {
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Open opens an existing workspace file. Files that are not workspaces, are
// damaged or come from a newer version are refused before anything is
// written; an older workspace is copied to a backup next to it and then
// migrated.
func Open(ctx context.Context, path string) (*Store, error) {
	ms, err := migrations()
	if err != nil {
		return nil, app.Wrap(err, app.EInternal, "error.internal", err.Error())
	}
	return open(ctx, path, ms)
}

// open is Open with the migrations given, so tests can add a step.
func open(ctx context.Context, path string, ms []migration) (*Store, error) {
	latest := len(ms)
	h, err := readHeader(path)
	if err != nil {
		return nil, err
	}
	if h.applicationID != ApplicationID {
		return nil, app.Errorf(app.ENotWorkspace, "error.not_workspace", path)
	}
	if h.userVersion > latest {
		return nil, app.Errorf(app.ENewer, "error.newer_workspace", path, h.userVersion, latest)
	}
	if err := checkReadable(ctx, path); err != nil {
		return nil, err
	}
	if h.userVersion == latest {
		return openRW(ctx, path, ms, nil)
	}
	// Only an older workspace reports progress: its backup copy and
	// migrations are what can take seconds (a million order lines).
	r := startOpenReporter(ctx)
	defer r.close()
	r.stage(app.OpenBackingUp, 0, 0)
	if _, err := backupBeforeMigration(ctx, path, h.userVersion, r); err != nil {
		return nil, canceledOpen(ctx, err)
	}
	return openRW(ctx, path, ms, r)
}

// canceledOpen is err, or the person's cancel of the open when that is
// why it failed: the workspace is then as it was (the migration's
// transaction rolled back; a backup copy made before stays).
func canceledOpen(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil {
		return app.Wrap(ctx.Err(), app.ECanceled, "open.err.canceled")
	}
	return err
}

// checkReadable reads the schema through a read-only connection: a damaged
// first page or schema shows up here, before any connection that could
// write has touched the file.
func checkReadable(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return app.Wrap(err, app.EInternal, "error.internal", err.Error())
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
		return classify(err, path)
	}
	var key string
	err = db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'app'").Scan(&key)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return classify(err, path)
	}
	if key != "seller-assistant" {
		return app.Errorf(app.ENotWorkspace, "error.not_workspace", path)
	}
	return nil
}

// classify turns a SQLite failure while opening into the error the person
// sees: damaged or not a database, by SQLite's own result code.
func classify(err error, path string) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT:
			return app.Wrap(err, app.ECorrupt, "error.corrupt_workspace", path)
		case sqlite3.SQLITE_NOTADB:
			return app.Wrap(err, app.ENotWorkspace, "error.not_workspace", path)
		case sqlite3.SQLITE_ERROR:
			// "no such table: meta": a SQLite file, but not ours.
			if strings.Contains(se.Error(), "no such table") {
				return app.Wrap(err, app.ENotWorkspace, "error.not_workspace", path)
			}
		}
	}
	// Locked by another program, read-only, disk full: say so.
	if x := app.ExplainFile(err, path); x != nil {
		return x
	}
	return app.Wrap(err, app.EInternal, "error.internal", err.Error())
}

// backupBeforeMigration copies the file before a migration changes it, named
// after the old schema version and the time so repeated opens never clobber
// an earlier backup; a second open in the same second (one cancelled and
// opened again) gets "-2", "-3" … rather than being refused.
func backupBeforeMigration(ctx context.Context, path string, from int, r *openReporter) (string, error) {
	stem := fmt.Sprintf("%s.v%d-%s", path, from, time.Now().UTC().Format("20060102-150405"))
	dst := stem + ".bak"
	for n := 2; ; n++ {
		if _, err := os.Lstat(dst); errors.Is(err, os.ErrNotExist) {
			break
		}
		dst = fmt.Sprintf("%s-%d.bak", stem, n)
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return "", app.Wrap(err, app.EInternal, "error.internal", err.Error())
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return "", classify(err, path)
	}
	defer conn.Close()
	var pageSize int64
	if err := conn.QueryRowContext(ctx, "PRAGMA page_size").Scan(&pageSize); err != nil {
		return "", classify(err, path)
	}
	err = atomicfile.WriteWith(dst, func(tmp *os.File) error {
		err := conn.Raw(func(dc any) error { return copyPages(ctx, dc, tmp.Name(), pageSize, r) })
		if err != nil {
			if x := app.ExplainFile(err, path); x != nil {
				return x
			}
			return app.Wrap(err, app.EInternal, "error.backup_failed", dst)
		}
		return nil
	}, path)
	if err != nil {
		return "", err
	}
	log.Printf("workspace %s: backed up to %s before migrating from schema %d", path, dst, from)
	return dst, nil
}

// backupStep is how many pages the backup before a migration copies
// between two reports: 4 MiB of SQLite's default 4 KiB pages.
const backupStep = 1024

// copyPages copies the database open on the driver connection dc, page by
// page, into the empty file dst with SQLite's online backup (which modernc
// exposes), reporting megabytes copied of all (pages of pageSize bytes):
// unlike VACUUM INTO, which it replaces here, it can say how far it is,
// and it copies pages instead of rebuilding every table and index.
func copyPages(ctx context.Context, dc any, dst string, pageSize int64, r *openReporter) error {
	b, ok := dc.(interface {
		NewBackup(dstURI string) (*sqlite.Backup, error)
	})
	if !ok {
		return fmt.Errorf("the SQLite driver's connection (%T) cannot back up", dc)
	}
	bk, err := b.NewBackup("file:" + filepath.ToSlash(dst))
	if err != nil {
		return err
	}
	for {
		more, err := bk.Step(backupStep)
		if err != nil {
			bk.Finish()
			return err
		}
		total := int64(bk.PageCount())
		done := total - int64(bk.Remaining())
		if !more {
			done = total
		}
		// As whole megabytes for the person.
		r.count("open.progress.mb_copied", done*pageSize>>20, max(1, total*pageSize>>20))
		if !more {
			return bk.Finish()
		}
		if err := ctx.Err(); err != nil {
			bk.Finish()
			return err
		}
	}
}

func openRW(ctx context.Context, path string, ms []migration, r *openReporter) (*Store, error) {
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, app.Wrap(err, app.EInternal, "error.internal", err.Error())
	}
	if err := migrateReporting(ctx, db, ms, r); err != nil {
		db.Close()
		return nil, canceledOpen(ctx, err)
	}
	if r != nil {
		if err := compactAfterMigration(ctx, db, r); err != nil {
			db.Close()
			return nil, canceledOpen(ctx, err)
		}
	}
	return &Store{db: db, path: path}, nil
}

// compactAfterMigration gives back the space a migration freed when it is
// a large part of the file: 0015 rewrites the order lines into a table
// half their old size, and without this a million-line workspace would
// stay at 169 MB on disk where 66 MB are used. VACUUM writes the file anew
// in one transaction (a kill leaves the migrated file as it was). A cancel
// stops it, and the open, with the workspace migrated; any other failure
// (no room for the copy) leaves it larger, which is said in the log only.
func compactAfterMigration(ctx context.Context, db *sql.DB, r *openReporter) error {
	var pages, free int64
	if err := db.QueryRowContext(ctx, `SELECT page_count, freelist_count FROM pragma_page_count, pragma_freelist_count`).Scan(&pages, &free); err != nil {
		return err
	}
	if free < 1024 || free*4 < pages { // under 4 MiB, or under a quarter of the file
		return nil
	}
	r.stage(app.OpenCompacting, 0, 0)
	if _, err := db.ExecContext(ctx, `VACUUM`); err != nil {
		if ctx.Err() != nil {
			return err
		}
		log.Printf("workspace: compacting after the update failed (the file stays larger): %v", err)
	}
	return nil
}

// migration is one embedded schema step; version is the number its file
// name starts with. fill, when set (migrationFills), runs after the SQL in
// the same transaction: the part of a step that reads every order line is
// Go, so it can count the lines it has done and report them.
type migration struct {
	version int
	name    string
	sql     string
	fill    migrationFill
}

// afterFill splits a migration's SQL: what follows this line runs after the
// fill (0015 drops the table its fill copies from).
const afterFill = "\n-- after the fill --\n"

// migrationFill is the Go part of a migration; report takes done of total
// units, unit naming them (a translation key).
type migrationFill func(ctx context.Context, tx *sql.Tx, report func(unit string, done, total int64)) error

// SchemaVersion is the workspace schema this build writes: the number of
// embedded migrations. A file with a larger version came from a newer build
// and is refused untouched.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

func migrations() ([]migration, error) {
	entries, err := migrationFS.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its number", e.Name())
		}
		body, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(body), fill: migrationFills[e.Name()]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.name, i+1)
		}
	}
	return out, nil
}

// migrate applies the migrations the file lacks, each in its own
// transaction together with its user_version bump, so a crash leaves the
// file at the last complete version.
func migrate(ctx context.Context, db *sql.DB, ms []migration) error {
	return migrateReporting(ctx, db, ms, nil)
}

// migrateReporting is migrate telling r which step runs and how far it is.
func migrateReporting(ctx context.Context, db *sql.DB, ms []migration, r *openReporter) error {
	var current int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return classify(err, "")
	}
	pending := ms[min(current, len(ms)):]
	for i, m := range pending {
		r.stage(app.OpenMigrating, i+1, len(pending))
		if err := applyMigration(ctx, db, m, r); err != nil {
			return err
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration, r *openReporter) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return app.Wrap(err, app.EInternal, "error.migration_failed", m.name)
	}
	defer tx.Rollback()
	before, after, _ := strings.Cut(m.sql, afterFill)
	if _, err := tx.ExecContext(ctx, before); err != nil {
		return app.Wrap(err, app.EInternal, "error.migration_failed", m.name)
	}
	if m.fill != nil {
		if err := m.fill(ctx, tx, r.count); err != nil {
			return app.Wrap(err, app.EInternal, "error.migration_failed", m.name)
		}
	}
	if strings.TrimSpace(after) != "" {
		if _, err := tx.ExecContext(ctx, after); err != nil {
			return app.Wrap(err, app.EInternal, "error.migration_failed", m.name)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return app.Wrap(err, app.EInternal, "error.migration_failed", m.name)
	}
	if err := tx.Commit(); err != nil {
		return app.Wrap(err, app.EInternal, "error.migration_failed", m.name)
	}
	return nil
}

// Create makes a new empty workspace at path, which must not exist yet.
// The file is built complete under a temporary name in the same folder and
// then linked into place without replacing anything: a process killed
// half-way leaves no half-made file at path, and when two processes create
// the same path at once the second gets EConflict and nobody's file is
// deleted.
func Create(ctx context.Context, path, name string) (*Store, error) {
	if strings.TrimSpace(name) == "" {
		return nil, app.Errorf(app.EInvalid, "error.name_required")
	}
	if _, err := os.Lstat(path); err == nil {
		return nil, app.Errorf(app.EConflict, "error.file_exists", path)
	}
	tmp, err := build(ctx, path, name, false, nil)
	if err != nil {
		return nil, err
	}
	if err := atomicfile.Publish(tmp, path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, app.Errorf(app.EConflict, "error.file_exists", path)
		}
		return nil, err
	}
	return Open(ctx, path)
}

// build writes a complete workspace — schema, meta and what seed adds — to
// a new temporary file beside path and returns its name, closed and synced.
// On failure it removes only the files it made.
func build(ctx context.Context, path, name string, demo bool, seed func(context.Context, *sql.DB) error) (_ string, err error) {
	// CreateTemp: O_EXCL and mode 0600, which SQLite also gives the -wal
	// and -shm files it makes beside it. The leading dot keeps a file a
	// crash leaves behind out of file dialogs.
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.new")
	if err != nil {
		return "", atomicfile.FileError(err, path)
	}
	tmp := f.Name()
	f.Close()
	defer func() {
		if err != nil {
			removeDB(tmp)
		}
	}()
	s, err := create(ctx, tmp, path, name, demo)
	if err != nil {
		return "", err
	}
	if seed != nil {
		err = seed(ctx, s.db)
	}
	if cerr := s.Close(); err == nil && cerr != nil {
		err = app.Explain(app.Wrap(cerr, app.EInternal, "error.internal", cerr.Error()), path)
	}
	if err != nil {
		return "", err
	}
	// Close checkpointed the log into the file; make that durable before
	// the file gets its real name.
	if err = syncFile(tmp); err != nil {
		return "", atomicfile.FileError(err, path)
	}
	os.Remove(tmp + "-wal")
	os.Remove(tmp + "-shm")
	return tmp, nil
}

// removeDB removes a database this process made and the files SQLite kept
// beside it.
func removeDB(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		os.Remove(p)
	}
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// create writes the schema and meta into path, an empty file this process
// has just made; errors name target, the file the person asked for.
func create(ctx context.Context, path, target, name string, demo bool) (*Store, error) {
	if strings.TrimSpace(name) == "" {
		return nil, app.Errorf(app.EInvalid, "error.name_required")
	}
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, app.Wrap(err, app.EInternal, "error.internal", err.Error())
	}
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		db.Close()
		return nil, atomicfile.FileError(err, target)
	}
	ms, err := migrations()
	if err == nil {
		err = migrate(ctx, db, ms)
	}
	if err != nil {
		db.Close()
		if x := app.ExplainFile(err, target); x != nil {
			return nil, x
		}
		return nil, err
	}
	demoFlag := "0"
	if demo {
		demoFlag = "1"
	}
	_, err = db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES
		('app', 'seller-assistant'), ('name', ?), ('demo', ?), ('created', ?), ('currency', 'USD')`,
		name, demoFlag, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		db.Close()
		if x := app.ExplainFile(err, target); x != nil {
			return nil, x
		}
		return nil, app.Wrap(err, app.EInternal, "error.internal", err.Error())
	}
	return &Store{db: db, path: path}, nil
}

// Close closes the workspace; WAL content is checkpointed into the file so
// it can be copied as one file afterwards.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	_, _ = s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	err := s.db.Close()
	s.db = nil
	return err
}

// Path is the workspace file's path.
func (s *Store) Path() string { return s.path }

// SaveCopy writes a consistent copy with VACUUM INTO, which reads one
// snapshot and also compacts the copy; the app keeps working on the
// original. The copy is made under a temporary name beside path and renamed
// into place (atomicfile), so a crash never leaves half a copy; path may
// not be the workspace or any other database (an earlier backup is kept,
// never overwritten).
func (s *Store) SaveCopy(ctx context.Context, path string) error {
	return atomicfile.WriteWith(path, func(tmp *os.File) error {
		// VACUUM INTO accepts an empty file, so the temporary file keeps
		// the 0600 CreateTemp gave it.
		if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp.Name()); err != nil {
			if x := app.ExplainFile(err, path); x != nil {
				return x
			}
			return app.Wrap(err, app.EFile, "error.backup_failed", path)
		}
		return nil
	}, s.path)
}

// Outdated reports whether path is a workspace of an older schema, which
// opening it will back up and migrate (seconds for a million order lines).
// Anything else — no file, not a workspace, damaged, current or newer — is
// false: Open says what is wrong with it, and fast.
func Outdated(path string) bool {
	if path == "" {
		return false
	}
	h, err := readHeader(path)
	return err == nil && h.applicationID == ApplicationID && h.userVersion < SchemaVersion()
}
