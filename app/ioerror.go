package app

import (
	"errors"
	"os"
	"syscall"
)

// EFile marks a file or disk that refused the work: the workspace is locked
// by another program, a file or folder is read-only, the disk is full, an
// output cannot be written. The person can fix it (close the other program,
// pick another folder, free space); the CLI exits 1.
const EFile = "file"

// SQLite's primary result codes (sqlite3.h), so app can recognise a driver
// error without importing the driver: the driver's error reports them
// through a Code() int method (modernc.org/sqlite's *Error does).
const (
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteReadOnly = 8
	sqliteFull     = 13
	sqliteCantOpen = 14
	// SQLITE_IOERR_SHMSIZE: the shared-memory file beside a WAL database
	// could not grow — on a full disk this, not SQLITE_FULL, is what
	// SQLite reports.
	sqliteIOErrShmSize = 10 | 19<<8
)

// sqliteCoder is the part of a SQLite driver error Explain reads.
type sqliteCoder interface{ Code() int }

// ExplainFile maps a failure of the environment to a message the person can
// act on, naming path (or, when it is "", the file an os error names): a locked workspace, a read-only file or folder, a
// full disk, a file the system does not let us open. It returns nil when
// err is none of these, so a real bug still reads as an internal error.
func ExplainFile(err error, path string) *Error {
	if err == nil {
		return nil
	}
	key := ""
	var sc sqliteCoder
	switch {
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT):
		key = "error.disk_full"
	case errors.Is(err, syscall.EROFS):
		key = "error.read_only"
	case errors.Is(err, os.ErrPermission):
		key = "error.permission"
	case errors.As(err, &sc) && sc.Code() == sqliteIOErrShmSize:
		key = "error.disk_full"
	case errors.As(err, &sc):
		switch sc.Code() & 0xff {
		case sqliteBusy, sqliteLocked:
			key = "error.busy"
		case sqliteReadOnly:
			key = "error.read_only"
		case sqliteFull:
			key = "error.disk_full"
		case sqliteCantOpen:
			key = "error.cant_open"
		}
	}
	if key == "" {
		return nil
	}
	if path == "" {
		path = filePath(err)
	}
	return Wrap(err, EFile, key, path)
}

// filePath is the file an os error names, or "" when it names none; the
// messages then read with the workspace's own word for it.
func filePath(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Path
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.New
	}
	return ""
}

// Explain returns err itself when it already says what happened, and
// otherwise the environment's failure behind it (see ExplainFile, workspace
// being the file a driver error is about) when there is one: what the CLI
// and the window show instead of "internal error" for a locked, read-only
// or full disk.
func Explain(err error, workspace string) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) && e.Code != EInternal {
		return err
	}
	path := filePath(err)
	if path == "" {
		path = workspace
	}
	if x := ExplainFile(err, path); x != nil {
		return x
	}
	return err
}
