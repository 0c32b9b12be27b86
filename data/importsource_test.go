package data

import (
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
