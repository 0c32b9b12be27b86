package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/assets"
)

// loadTranslations does for the test what main does before any command;
// main_test.go has no TestMain to do it once.
func loadTranslations(t *testing.T) {
	t.Helper()
	if err := assets.LoadTranslations(); err != nil {
		t.Fatal(err)
	}
}

const quoteIn = `{"purchase_cost": 30, "other_unit_cost": 6, "fx_rate": 7.2, "weight_kg": 1, "length_cm": 10,
 "width_cm": 10, "height_cm": 10, "volumetric_divisor": 5000, "freight_per_kg": 2, "duty_rate": 0.1,
 "duty_on_cif": true, "fulfilment_fee": 2.3, "per_order_fee": 0, "vat_rate": 0.2, "referral_fee_rate": 0.15,
 "payment_fee_rate": 0.03, "ad_rate": 0.1, "return_rate": 0.02, "target_margin": 0.1, "price": 30}`

func writeQuote(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "quote.json")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestQuoteCommand(t *testing.T) {
	loadTranslations(t)
	var stdout, stderr bytes.Buffer
	// No --db: the quote needs no workspace.
	if code := runCommand("", []string{"quote", writeQuote(t, quoteIn)}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var out map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout.String())
	}
	// GB-like: landed 5 + 2 + 0.7 = 7.7; unit cost 7.7 + 2.3 = 10; break-even 12/0.64; recommended 12/0.52
	want := map[string]any{"currency": nil, "vat_rate": 0.2, "duty_on_cif": true,
		"chargeable_kg": 1.0, "freight": 2.0, "duty": 0.7, "landed": 7.7, "unit_cost": 10.0, "break_even_price": 18.75,
		"recommended_price": 23.08, "charm_price": 23.99, "profit": 6.0, "margin": 0.2, "roi": 0.6, "break_even_acos": 0.3}
	for k, v := range want {
		if out[k] != v {
			t.Errorf("%s = %v, want %v", k, out[k], v)
		}
	}
	if len(out) != len(want) {
		t.Errorf("unexpected fields: %s", stdout.String())
	}
	if !strings.Contains(stdout.String(), `"recommended_price": 23.08,`) {
		t.Errorf("money not printed to 2 places:\n%s", stdout.String())
	}

	// Standard input, without a test price: no profit fields.
	stdout.Reset()
	quoteStdin = strings.NewReader(strings.Replace(quoteIn, `, "price": 30`, ``, 1))
	defer func() { quoteStdin = os.Stdin }()
	if code := runCommand("", []string{"quote", "-"}, &stdout, &stderr); code != 0 {
		t.Fatalf("stdin: exit %d: %s", code, stderr.String())
	}
	if strings.Contains(stdout.String(), "profit") || !strings.Contains(stdout.String(), "charm_price") {
		t.Errorf("stdin output:\n%s", stdout.String())
	}

	// An impossible target: prices are null and the reason is given, exit 0.
	stdout.Reset()
	impossible := strings.Replace(quoteIn, `"target_margin": 0.1`, `"target_margin": 0.6`, 1)
	if code := runCommand("", []string{"quote", writeQuote(t, impossible)}, &stdout, &stderr); code != 0 {
		t.Fatalf("impossible: exit %d", code)
	}
	if !strings.Contains(stdout.String(), `"recommended_price": null`) || !strings.Contains(stdout.String(), "No price reaches the 60% target margin") {
		t.Errorf("impossible output:\n%s", stdout.String())
	}
}

func TestQuoteCommandRejectsBadInput(t *testing.T) {
	loadTranslations(t)
	tests := []struct{ name, body, field string }{
		{"missing field", strings.Replace(quoteIn, `"vat_rate": 0.2, `, ``, 1), "vat_rate"},
		{"text for a number", strings.Replace(quoteIn, `"fx_rate": 7.2`, `"fx_rate": "seven"`, 1), "fx_rate"},
		{"negative", strings.Replace(quoteIn, `"weight_kg": 1`, `"weight_kg": -1`, 1), "weight_kg"},
		{"percent for a fraction", strings.Replace(quoteIn, `"ad_rate": 0.1`, `"ad_rate": 10`, 1), "ad_rate"},
		{"string for a boolean", strings.Replace(quoteIn, `"duty_on_cif": true`, `"duty_on_cif": "yes"`, 1), "duty_on_cif"},
		{"unknown field", strings.Replace(quoteIn, `{`, `{"discount": 0.1, `, 1), "discount"},
		{"broken JSON", `{"purchase_cost": 30,`, "JSON"},
		{"number out of range", strings.Replace(quoteIn, `"price": 30`, `"price": 1e400`, 1), "price is out of range"},
		{"unknown market", strings.Replace(quoteIn, `{`, `{"market": "ZZ", `, 1), "ZZ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runCommand("", []string{"quote", writeQuote(t, tt.body)}, &stdout, &stderr)
			if code != 2 {
				t.Fatalf("exit %d, want 2; stderr %s", code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.field) || stdout.Len() != 0 {
				t.Errorf("stderr %q does not name %s (stdout %q)", stderr.String(), tt.field, stdout.String())
			}
		})
	}
	for _, args := range [][]string{{"quote"}, {"quote", "a.json", "b.json"}} {
		var stdout, stderr bytes.Buffer
		if code := runCommand("", args, &stdout, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := runCommand("", []string{"quote", filepath.Join(t.TempDir(), "none.json")}, &stdout, &stderr); code != 2 {
		t.Errorf("missing file: exit %d, want 2", code)
	}
}

// Issue 12: a file saved by Windows Notepad starts with a UTF-8 byte order
// mark, and a number out of range says so rather than "must be a number".
func TestQuoteCommandNotepadAndRange(t *testing.T) {
	loadTranslations(t)
	var stdout, stderr bytes.Buffer
	if code := runCommand("", []string{"quote", writeQuote(t, "\uFEFF"+strings.ReplaceAll(quoteIn, "\n", "\r\n"))}, &stdout, &stderr); code != 0 {
		t.Fatalf("BOM + CRLF: exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), `"unit_cost": 10.00,`) {
		t.Errorf("BOM file output:\n%s", stdout.String())
	}
	stdout.Reset()
	stderr.Reset()
	big := strings.Replace(quoteIn, `"purchase_cost": 30`, `"purchase_cost": 99999999999999999999`, 1)
	if code := runCommand("", []string{"quote", writeQuote(t, big)}, &stdout, &stderr); code != 2 {
		t.Fatalf("out of range: exit %d", code)
	}
	if msg := stderr.String(); !strings.Contains(msg, "purchase_cost is out of range") || strings.Contains(msg, "must be a number") {
		t.Errorf("out-of-range message: %q", msg)
	}
}

// The README's worked quote (docs/notes-trust-pricing.md): the demo's
// motion-sensor light, HL-LT-001, sold on Amazon JP through FBA JP by sea,
// with the market filling currency, VAT, duty basis and FX rate.
//
//	goods      = (24 + 1.5) CNY / 0.048          = 531.25 yen
//	chargeable = max(0.21, 32*4.5*3 / 1000 = 0.432) = 0.432 kg (sea, per CBM)
//	freight    = 0.432 * 42                       = 18.144
//	duty       = 0.039 * (531.25 + 18.144), CIF   = 21.426366
//	landed     = 531.25 + 18.144 + 21.426366 + 25 = 595.820366
//	unit_cost  = 595.820366 + 318 + 0 + 8         = 921.820366
//	recommended = 921.820366 * 1.1 / (1 - (0.10 + 0.10 + 0.03 + 0.20) * 1.1)
//	           = 1014.0024026 / 0.527             = 1924.10
//	charm      = the smallest yen price ending in 80 at or above it = 1980
//	profit(1980) = 1980/1.1 - 921.820366 - 1980*0.23 = 1800 - 921.820366 - 455.4 = 422.78
//	margin 0.2135; roi 422.78/921.82 = 0.4586; break-even TACoS (422.78 + 198)/1980 = 0.3135
func TestQuoteCommandWorkedYenQuote(t *testing.T) {
	loadTranslations(t)
	const in = `{"market": "JP", "purchase_cost": 24, "other_unit_cost": 1.5, "weight_kg": 0.21,
 "length_cm": 32, "width_cm": 4.5, "height_cm": 3, "volumetric_divisor": 1000, "freight_per_kg": 42,
 "duty_rate": 0.039, "clearance_per_unit": 25, "fulfilment_fee": 318, "per_order_fee": 0, "storage_per_unit": 8,
 "referral_fee_rate": 0.10, "payment_fee_rate": 0, "ad_rate": 0.10, "return_rate": 0.03, "target_margin": 0.20,
 "price": 1980}`
	var stdout, stderr bytes.Buffer
	if code := runCommand("", []string{"quote", writeQuote(t, in)}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var out map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"currency": "JPY", "vat_rate": 0.1, "duty_on_cif": true, "chargeable_kg": 0.43,
		"freight": 18.14, "duty": 21.43, "landed": 595.82, "unit_cost": 921.82, "recommended_price": 1924.10,
		"charm_price": 1980.0, "profit": 422.78, "margin": 0.2135, "roi": 0.4586, "break_even_acos": 0.3135}
	for k, v := range want {
		if out[k] != v {
			t.Errorf("%s = %v, want %v", k, out[k], v)
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", stdout.String())
	}
}
