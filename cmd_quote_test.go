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
	// GB-like: landed 5 + 2 + 0.7 + 2.3 = 10; break-even 12/0.64; recommended 12/0.52
	want := map[string]float64{"chargeable_kg": 1, "freight": 2, "duty": 0.7, "landed": 10, "break_even_price": 18.75,
		"recommended_price": 23.08, "charm_price": 23.99, "profit": 6, "margin": 0.2, "roi": 0.6, "break_even_acos": 0.3}
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
	if !strings.Contains(stdout.String(), `"recommended_price": null`) || !strings.Contains(stdout.String(), "No price reaches the 60.00 % target margin") {
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
