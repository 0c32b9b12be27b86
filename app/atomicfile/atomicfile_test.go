package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

// sqliteFile writes a file that starts like a SQLite database.
func sqliteFile(t *testing.T, path string) []byte {
	t.Helper()
	body := append([]byte("SQLite format 3\x00"), make([]byte, 4080)...)
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return body
}

func TestCheckRefusesWorkspaceAndDatabases(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "shop.sellerdb")
	sqliteFile(t, ws)
	os.WriteFile(ws+"-wal", []byte{0x37, 0x7f, 0x06, 0x82, 0, 0, 0, 0}, 0o644)
	os.WriteFile(ws+"-shm", make([]byte, 64), 0o644)
	other := filepath.Join(dir, "backup.bin") // a database under any name
	sqliteFile(t, other)
	export := filepath.Join(dir, "tiers.csv")
	os.WriteFile(export, []byte("old export\n"), 0o644)
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o700)
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(ws, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.csv")
	if err := os.Link(ws, hard); err != nil {
		t.Fatal(err)
	}
	dirLink := filepath.Join(dir, "dirlink")
	os.Symlink(dir, dirLink)
	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) })
	os.Chdir(dir)

	tests := []struct {
		name, path, key string
	}{
		{"the workspace", ws, "error.out_is_workspace"},
		{"another spelling", filepath.Join(sub, "..", "shop.sellerdb"), "error.out_is_workspace"},
		{"relative", "shop.sellerdb", "error.out_is_workspace"},
		{"through a symlink", link, "error.out_is_workspace"},
		{"a hard link", hard, "error.out_is_workspace"},
		{"through a linked folder", filepath.Join(dirLink, "shop.sellerdb"), "error.out_is_workspace"},
		{"its -wal", ws + "-wal", "error.out_is_workspace"},
		{"its -shm", filepath.Join(dirLink, "shop.sellerdb-shm"), "error.out_is_workspace"},
		{"its -journal, absent", ws + "-journal", "error.out_is_workspace"},
		{"another database", other, "error.out_is_database"},
		{"a folder", sub, "error.out_is_folder"},
		{"an earlier export", export, ""},
		{"a new file", filepath.Join(dir, "new.csv"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.path, ws)
			if tt.key == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var ae *app.Error
			if !errors.As(err, &ae) || ae.Key != tt.key || ae.Code != app.EInvalid {
				t.Fatalf("got %v, want %s", err, tt.key)
			}
		})
	}
	// Without naming the workspace, its header still protects it, and a
	// -wal or -shm beside any database is refused.
	for _, p := range []string{ws, ws + "-wal", ws + "-shm"} {
		if err := Check(p); app.ErrorCode(err) != app.EInvalid {
			t.Errorf("Check(%s) with no workspace named = %v", p, err)
		}
	}
}

func TestWriteRefusedLeavesBytes(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "shop.sellerdb")
	before := sqliteFile(t, ws)
	err := Write(ws, func(w io.Writer) error { _, err := io.WriteString(w, "a,b\n"); return err }, ws)
	if app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("err = %v", err)
	}
	after, _ := os.ReadFile(ws)
	if string(after) != string(before) {
		t.Fatal("the workspace changed")
	}
	assertOnly(t, dir, "shop.sellerdb")
}

func TestWriteReplacesWholeOrNotAtAll(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("earlier export\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("query failed")
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("partial,row\n", 100000)) // past the buffer
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the fill's error", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "earlier export\n" {
		t.Fatalf("a failed write changed the target: %q…", b[:min(len(b), 20)])
	}
	assertOnly(t, dir, "out.csv")

	if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "new\n"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new\n" {
		t.Fatalf("content %q", b)
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	assertOnly(t, dir, "out.csv")
}

func TestWriteWithNamedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "copy.xlsx")
	err := WriteWith(path, func(tmp *os.File) error {
		return os.WriteFile(tmp.Name(), []byte("by name"), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "by name" {
		t.Fatalf("content %q", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
}

func TestPublishNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.sellerdb")
	a, b := filepath.Join(dir, ".a.tmp"), filepath.Join(dir, ".b.tmp")
	os.WriteFile(a, []byte("first"), 0o600)
	os.WriteFile(b, []byte("second"), 0o600)
	if err := Publish(a, path); err != nil {
		t.Fatal(err)
	}
	if err := Publish(b, path); !errors.Is(err, os.ErrExist) {
		t.Fatalf("second publish: %v, want ErrExist", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "first" {
		t.Fatalf("the winner's file was replaced: %q", got)
	}
	assertOnly(t, dir, "new.sellerdb")
}

func TestFileErrorExplains(t *testing.T) {
	for _, tt := range []struct {
		errno syscall.Errno
		key   string
	}{
		{syscall.ENOSPC, "error.disk_full"},
		{syscall.EROFS, "error.read_only"},
		{syscall.EACCES, "error.permission"},
		{syscall.EPERM, "error.permission"},
		{syscall.EIO, "error.file_unwritable"},
	} {
		err := FileError(&fs.PathError{Op: "write", Path: "/x/.out.csv.1.tmp", Err: tt.errno}, "/x/out.csv")
		var ae *app.Error
		if !errors.As(err, &ae) || ae.Key != tt.key || ae.Code != app.EFile || ae.Args[0] != "/x/out.csv" {
			t.Errorf("%v: got %#v, want %s about /x/out.csv", tt.errno, err, tt.key)
		}
	}
}

// assertOnly fails unless dir holds exactly names (no temporary file left).
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	es, _ := os.ReadDir(dir)
	var got []string
	for _, e := range es {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Fatalf("folder holds %v, want %v", got, names)
	}
}
