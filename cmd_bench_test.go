package main

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The bench's generator writes what it says it writes, and the import reads
// it back with the same counts. (The timing itself runs child processes of
// the real binary: `make bench-tiers`.)
func TestBenchGeneratorRoundTrip(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "orders.csv")
	st, err := generateOrders(path, 20000)
	if err != nil {
		t.Fatal(err)
	}
	if st.countries < 30 || st.cancelled == 0 || st.noCustomer == 0 || st.customers < 1000 {
		t.Fatalf("generated %+v", st)
	}
	var out, errOut bytes.Buffer
	db := filepath.Join(dir, "b.sellerdb")
	if code := runCommand(db, []string{"import", "orders", path}, &out, &errOut); code != 0 {
		t.Fatalf("import: %d %s", code, errOut.String())
	}
	for _, want := range []string{"rows read: 20000", "imported: 20000", "skipped: 0"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("lacks %q:\n%s", want, out.String())
		}
	}
	if !strings.Contains(out.String(), "customers: "+strconv.Itoa(st.customers)) || !strings.Contains(out.String(), "lines without customer id: "+strconv.Itoa(st.noCustomer)) {
		t.Errorf("counts differ from the generator's %+v:\n%s", st, out.String())
	}
	var errs bytes.Buffer
	if code := runCommand(db, []string{"bench"}, &out, &errs); code != 2 {
		t.Errorf("bench without tiers: exit %d", code)
	}
	if code := runCommand(db, []string{"bench", "tiers", "--lines", "0"}, &out, &errs); code != 2 {
		t.Errorf("bench --lines 0: exit %d", code)
	}
}
