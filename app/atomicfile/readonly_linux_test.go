//go:build linux

package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

// TestWriteReadOnlyFolder needs a folder the process may not write to:
// root writes anyway, so as root it uses a read-only bind mount when it
// can, and skips saying so when it cannot.
func TestWriteReadOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o700)
	if os.Geteuid() == 0 {
		if err := syscall.Mount(dir, ro, "", syscall.MS_BIND, ""); err != nil {
			t.Skipf("running as root and cannot bind-mount read-only (%v): chmod would not stop root", err)
		}
		t.Cleanup(func() { syscall.Unmount(ro, 0) })
		if err := syscall.Mount(dir, ro, "", syscall.MS_BIND|syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
			t.Skipf("cannot remount read-only: %v", err)
		}
	} else {
		os.Chmod(ro, 0o500)
		t.Cleanup(func() { os.Chmod(ro, 0o700) })
	}
	err := Write(filepath.Join(ro, "out.csv"), func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err })
	var ae *app.Error
	if !errors.As(err, &ae) || ae.Code != app.EFile || (ae.Key != "error.read_only" && ae.Key != "error.permission") {
		t.Fatalf("got %v", err)
	}
}
