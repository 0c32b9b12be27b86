package app_test

import (
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

// TestMappingWithoutPriceNamesTheField: the message names the price field
// in the reader's language; it showed the raw key
// "customers.field.unit_price" (issue 13).
func TestMappingWithoutPriceNamesTheField(t *testing.T) {
	m := app.EmptyMapping()
	m.Invoice, m.Date, m.Quantity = 0, 1, 2
	err := m.Validate()
	if app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("a mapping without a price: %v", err)
	}
	for _, lang := range app.Langs {
		l := app.NewLocalizer(lang)
		msg := l.Message(err)
		field := l.T("customers.field.unit_price")
		if strings.Contains(msg, "customers.field") || !strings.Contains(msg, field) {
			t.Errorf("%s: %q, want it to name %q", lang, msg, field)
		}
	}
	// The other required fields were already named this way.
	m.Date = -1
	if msg := app.NewLocalizer(app.LangChinese).Message(m.Validate()); !strings.Contains(msg, app.NewLocalizer(app.LangChinese).T("customers.field.date")) {
		t.Errorf("no date: %q", msg)
	}
}
