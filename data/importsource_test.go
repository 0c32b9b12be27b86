package data

import (
	"context"
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

// importSource names the format stored and the source order ids are unique
// within: a known format as itself, any other as "custom"; the named source
// trimmed, else the format; more than 40 characters refused.
func TestImportSource(t *testing.T) {
	for _, c := range []struct {
		mapping, named, format, source string
	}{
		{"shopify", "", "shopify", "shopify"},
		{"amazon", "  EU shop ", "amazon", "EU shop"},
		{"generic", "   ", "generic", "generic"},
		{"uci", "", "uci", "uci"},
		{"", "", "custom", "custom"},
		{"mystery", "店铺一", "custom", "店铺一"},
		{"shopify", strings.Repeat("店", 40), "shopify", strings.Repeat("店", 40)},
	} {
		format, source, err := importSource(c.mapping, c.named)
		if err != nil || format != c.format || source != c.source {
			t.Errorf("importSource(%q, %q) = %q, %q, %v; want %q, %q", c.mapping, c.named, format, source, err, c.format, c.source)
		}
	}
	long := strings.Repeat("店", 41)
	if _, _, err := importSource("shopify", long); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("a 41-character source: err %v, want EInvalid", err)
	}
}

// The import's connection is tuned for a bulk load, and handed back to the
// pool as the other connections are, even when the import was cancelled.
func TestBulkLoadConnSettingsReset(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx, cancel := context.WithCancel(context.Background())
	conn, err := s.bulkLoadConn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	read := func(pragma string) int {
		var v int
		if err := conn.QueryRowContext(context.Background(), "PRAGMA "+pragma).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	if fk, ts, cs := read("foreign_keys"), read("temp_store"), read("cache_size"); fk != 0 || ts != 2 || cs != -importCacheKiB {
		t.Errorf("bulk load: foreign_keys %d, temp_store %d, cache_size %d; want 0, 2 (memory), %d", fk, ts, cs, -importCacheKiB)
	}
	cancel()
	resetBulkLoad(ctx, conn)
	if fk, ts, cs := read("foreign_keys"), read("temp_store"), read("cache_size"); fk != 1 || ts != 0 || cs != -2000 {
		t.Errorf("after reset: foreign_keys %d, temp_store %d, cache_size %d; want 1, 0 (default), -2000", fk, ts, cs)
	}
	conn.Close()
}
