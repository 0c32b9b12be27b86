// Package atomicfile writes every file the app produces — exports, reports,
// backups, new workspaces — so that it appears whole or not at all: the
// bytes go to a temporary file beside the target, are synced to disk, and
// the temporary file is renamed over the target. A run killed half-way
// leaves the target as it was (plus, at worst, a hidden ".NAME.*.tmp").
//
// It also refuses a target that would destroy data: the open workspace
// (however its path is spelled, through symlinks too, and its -wal and -shm
// files) and any SQLite database, found by its 16-byte header. Overwriting an
// ordinary earlier export is fine. Files are created mode 0600: they hold
// customer data.
package atomicfile

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/seller-assistant/seller-assistant/app"
)

// Mode is the permission of every file written here: customer data, for
// the owner only.
const Mode os.FileMode = 0o600

// sqliteHeader starts every SQLite 3 database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// walMagic starts a SQLite write-ahead log (either byte order flag).
var walMagic = [][]byte{{0x37, 0x7f, 0x06, 0x82}, {0x37, 0x7f, 0x06, 0x83}}

// sidecars are the files SQLite keeps beside a database while it is open.
var sidecars = []string{"-wal", "-shm", "-journal"}

// Check refuses path as a target when writing it would destroy data: it is
// one of protect (the open workspace) or a file SQLite keeps beside one, or
// it is a SQLite database or write-ahead log of any program. The refusal is
// bad use (app.EInvalid): nothing was written.
func Check(path string, protect ...string) error {
	for _, p := range protect {
		if p == "" {
			continue
		}
		for _, suffix := range append([]string{""}, sidecars...) {
			if samePath(path, p+suffix) {
				return app.Errorf(app.EInvalid, "error.out_is_workspace", path)
			}
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil // nothing there to lose; a bad folder shows when writing
	}
	if fi.IsDir() {
		return app.Errorf(app.EInvalid, "error.out_is_folder", path)
	}
	if !fi.Mode().IsRegular() {
		return nil // a device or pipe holds no file to lose (and reading a pipe would wait)
	}
	if isDatabase(path) {
		return app.Errorf(app.EInvalid, "error.out_is_database", path)
	}
	for _, suffix := range sidecars {
		if base, ok := strings.CutSuffix(path, suffix); ok && isDatabase(base) {
			return app.Errorf(app.EInvalid, "error.out_is_database", path)
		}
	}
	return nil
}

// IsDatabase reports whether the file at path starts like a SQLite database
// or write-ahead log. A file that cannot be read is not one.
func isDatabase(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if bytes.Equal(head, sqliteHeader) {
		return true
	}
	for _, m := range walMagic {
		if bytes.HasPrefix(head, m) {
			return true
		}
	}
	return false
}

// samePath reports whether a and b name the same file: the same inode when
// both exist (a symlink, a hard link, "./x" and "x"), else the same
// absolute path once the folder's symlinks are resolved.
func samePath(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(fa, fb)
	}
	if errA == nil || errB == nil {
		return false // one exists and the other does not
	}
	return canonical(a) == canonical(b)
}

// canonical is path made absolute with its folder's symlinks resolved.
func canonical(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	dir, base := filepath.Split(abs)
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(d, base)
	}
	return abs
}

// Write checks path (see Check), then writes what fill writes into a
// temporary file beside it and renames that over path once it is complete
// and synced. An error from fill is returned as it is and leaves path
// untouched; an error of the file system is explained (read-only, full
// disk, no permission) or reported as a file that cannot be written.
func Write(path string, fill func(w io.Writer) error, protect ...string) error {
	return WriteWith(path, func(tmp *os.File) error {
		w := bufio.NewWriterSize(tmp, 1<<16)
		if err := fill(w); err != nil {
			// A write to the temporary file failed (disk full, …): say so
			// about the target. Anything else (a query) is the caller's.
			var pe *fs.PathError
			if errors.As(err, &pe) && pe.Path == tmp.Name() {
				return FileError(err, path)
			}
			return err
		}
		if err := w.Flush(); err != nil {
			return FileError(err, path)
		}
		return nil
	}, protect...)
}

// WriteWith is Write for writers that need a file, not a stream: produce
// gets the open, empty temporary file and may write it through its name
// (SQLite's VACUUM INTO accepts an empty file and keeps its 0600).
func WriteWith(path string, produce func(tmp *os.File) error, protect ...string) (err error) {
	if err := Check(path, protect...); err != nil {
		return err
	}
	// A device or pipe (--out /dev/null, /dev/stdout, a FIFO) is written
	// through: renaming a file over it would replace the device itself, and
	// run as root that turned /dev/null into a plain file for the machine.
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return writeThrough(path, produce)
	}
	dir := filepath.Dir(path)
	// CreateTemp makes the file 0600 with O_EXCL, and a leading dot hides
	// it from file dialogs if a crash leaves it behind.
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return FileError(err, path)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = produce(f); err != nil {
		return err
	}
	if err = f.Chmod(Mode); err != nil {
		return FileError(err, path)
	}
	// Sync before the rename: otherwise a power cut after it can leave
	// the new name pointing at blocks that were never written.
	if err = f.Sync(); err != nil {
		return FileError(err, path)
	}
	if err = f.Close(); err != nil {
		return FileError(err, path)
	}
	// Check again just before the rename: the target may have become a
	// database while we were writing.
	if err = Check(path, protect...); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return FileError(err, path)
	}
	SyncDir(dir)
	return nil
}

// writeThrough writes into an existing device or pipe in place: there is
// no file there to keep whole, only a stream.
func writeThrough(path string, produce func(f *os.File) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return FileError(err, path)
	}
	if err := produce(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return FileError(err, path)
	}
	return nil
}

// Publish moves a complete temporary file tmp to path without replacing
// anything there: it fails with os.ErrExist when path exists, so two
// processes creating the same new file never destroy each other's work.
// tmp is removed either way.
func Publish(tmp, path string) error {
	defer os.Remove(tmp)
	// A hard link is the portable no-replace rename: it fails when the
	// target exists, and the target appears complete or not at all.
	err := os.Link(tmp, path)
	if err == nil {
		SyncDir(filepath.Dir(path))
		return nil
	}
	if errors.Is(err, os.ErrExist) {
		return os.ErrExist
	}
	// File systems without hard links (FAT, some network shares): fall
	// back to a rename after a check, which has a small race window.
	if _, serr := os.Lstat(path); serr == nil {
		return os.ErrExist
	}
	if rerr := os.Rename(tmp, path); rerr != nil {
		return FileError(rerr, path)
	}
	SyncDir(filepath.Dir(path))
	return nil
}

// SyncDir makes a rename in dir durable. Not every system can sync a
// folder (Windows cannot); the rename itself has happened either way, so a
// failure here is not reported.
func SyncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}

// FileError is err of the file system while writing path, as the person
// should read it: read-only, disk full, no permission, or path cannot be
// written. An error that already says something (*app.Error) is kept.
func FileError(err error, path string) error {
	var ae *app.Error
	if errors.As(err, &ae) {
		return err
	}
	if x := app.ExplainFile(err, path); x != nil {
		return x
	}
	return app.Wrap(err, app.EFile, "error.file_unwritable", path)
}
