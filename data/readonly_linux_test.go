//go:build linux

package data

import (
	"context"
	"errors"
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
