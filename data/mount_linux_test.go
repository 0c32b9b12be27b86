//go:build linux

package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

// TestReadOnlyWorkspaceSaysSo opens a workspace on a read-only mount (root
// writes through chmod, so a read-only bind mount stands in for a
// read-only folder or disk): opening or writing fails with a message that
// says the file cannot be changed, not "internal error", and the file
// keeps every byte.
func TestReadOnlyWorkspaceSaysSo(t *testing.T) {
	ctx := context.Background()
	s, path := newWorkspace(t)
	s.Close()
	before := fileSum(t, path)
	ro := filepath.Join(t.TempDir(), "ro")
	os.Mkdir(ro, 0o700)
	if err := syscall.Mount(filepath.Dir(path), ro, "", syscall.MS_BIND, ""); err != nil {
		t.Skipf("cannot bind-mount (needs root): %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(ro, 0) })
	if err := syscall.Mount(filepath.Dir(path), ro, "", syscall.MS_BIND|syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot remount read-only: %v", err)
	}
	roPath := filepath.Join(ro, filepath.Base(path))
	s2, err := Open(ctx, roPath)
	if err == nil {
		err = s2.SaveContact(ctx, app.Contact{CustomerID: "C1", Name: "Ann", Language: "en", TimeZone: "UTC"})
		s2.Close()
	}
	var ae *app.Error
	if !errors.As(err, &ae) || ae.Code != app.EFile || (ae.Key != "error.read_only" && ae.Key != "error.cant_open") {
		t.Fatalf("got %v (%#v), want a read-only message", err, ae)
	}
	for _, l := range []*app.Localizer{app.English(), app.NewLocalizer(app.LangChinese)} {
		if msg := l.Message(err); strings.Contains(msg, "Internal") || strings.Contains(msg, "内部错误") {
			t.Errorf("message %q", msg)
		}
	}
	t.Logf("%s", app.English().Message(err))
	if fileSum(t, path) != before {
		t.Fatal("the workspace changed")
	}
	// A backup into the read-only folder fails the same way.
	s3, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Close()
	err = s3.SaveCopy(ctx, filepath.Join(ro, "copy.sellerdb"))
	if !errors.As(err, &ae) || ae.Code != app.EFile || ae.Key != "error.read_only" {
		t.Fatalf("backup into a read-only folder: %v", err)
	}
}

// TestFullDiskSaysSo creates a workspace on a small tmpfs filled to a few
// KB short: the disk fills (in the shared-memory file or in the database
// itself), the message says so, and no file is left behind. Mounting needs
// root; elsewhere the mapping is covered by the atomicfile tests.
func TestFullDiskSaysSo(t *testing.T) {
	for _, free := range []int64{16 << 10, 96 << 10} {
		t.Run(fmt.Sprintf("%d KB free", free>>10), func(t *testing.T) {
			dir := t.TempDir()
			if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=512k"); err != nil {
				t.Skipf("cannot mount a small tmpfs (needs root): %v", err)
			}
			t.Cleanup(func() { syscall.Unmount(dir, 0) })
			filler := filepath.Join(dir, "filler")
			f, _ := os.Create(filler)
			buf := make([]byte, 4096)
			for {
				if _, err := f.Write(buf); err != nil {
					break
				}
			}
			f.Close()
			fi, _ := os.Stat(filler)
			os.Truncate(filler, fi.Size()-free)
			path := filepath.Join(dir, "shop.sellerdb")
			s, err := Create(context.Background(), path, "Shop")
			if err == nil {
				s.Close()
				t.Fatal("Create succeeded on a full disk")
			}
			var ae *app.Error
			if !errors.As(err, &ae) || ae.Key != "error.disk_full" || ae.Args[0] != path {
				t.Fatalf("got %v, want error.disk_full about %s", err, path)
			}
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("a half-made workspace is left: %v", err)
			}
			if es, _ := os.ReadDir(dir); len(es) != 1 {
				t.Fatalf("files left: %v", es)
			}
		})
	}
}
