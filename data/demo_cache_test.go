package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// demoCache holds one demo per "today" for the whole test binary. Building
// the demo's year of orders is the slowest step in this package (about half
// of its run under -race, where CI once hit the 10-minute limit); tests that
// only read a demo share one build and get their own copy of the file. Tests
// about CreateDemo itself (determinism, reset, refusing other files) still
// call it.
var demoCache struct {
	sync.Mutex
	dir   string
	files map[time.Time]string
}

// sharedDemo opens a private copy of the demo made for now.
func sharedDemo(t testing.TB, now time.Time) *Store {
	t.Helper()
	src := cachedDemo(t, now)
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "demo"+app.WorkspaceExt)
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), dst)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func cachedDemo(t testing.TB, now time.Time) string {
	t.Helper()
	demoCache.Lock()
	defer demoCache.Unlock()
	if p, ok := demoCache.files[now]; ok {
		return p
	}
	if demoCache.dir == "" {
		dir, err := os.MkdirTemp("", "seller-demo-cache-")
		if err != nil {
			t.Fatal(err)
		}
		demoCache.dir, demoCache.files = dir, map[time.Time]string{}
	}
	p := filepath.Join(demoCache.dir, fmt.Sprintf("demo-%d%s", len(demoCache.files), app.WorkspaceExt))
	s, err := CreateDemo(context.Background(), p, now)
	if err != nil {
		t.Fatal(err)
	}
	// Close checkpoints the log, so the file alone is the whole demo.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	demoCache.files[now] = p
	return p
}

// today is the clock's day, so tests that follow the clock share one demo.
func today() time.Time {
	return time.Now().UTC().Truncate(24 * time.Hour)
}
