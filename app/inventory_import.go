package app

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Stock files: the parsing rules, free of files and SQL (data/ reads the
// file and writes the rows).
//
// Amazon's "Manage FBA Inventory" report (tab-separated) is recognised by its
// afn-fulfillable-quantity column; on hand is what can be sold now,
// afn-fulfillable + mfn-fulfillable, and inbound is everything Amazon knows
// is on its way: working + shipped + receiving. A simple file has the columns
// sku, warehouse, on_hand, inbound (and optionally reserved, unsellable).

// Stock file formats.
const (
	StockFormatAmazon = "amazon_fba"
	StockFormatSimple = "simple"
)

// DefaultFBAWarehouse is the warehouse an Amazon report's rows go to.
const DefaultFBAWarehouse = "FBA"

// StockMapping says which column (0-based; -1 absent) holds each field.
type StockMapping struct {
	Format     string
	SKU        int
	Warehouse  int           // simple files
	OnHand     []StockColumn // summed: afn-fulfillable + mfn-fulfillable, or on_hand
	Inbound    []StockColumn // summed: working + shipped + receiving, or inbound
	Reserved   int
	Unsellable int
	// Volume is Amazon's per-unit-volume (cubic feet in the US report): the
	// storage cost's volume when the catalogue has no packed size.
	Volume int
}

// StockColumn is one quantity column: its index and the name a bad-row
// message gives it (the file's own header).
type StockColumn struct {
	Index int
	Name  string
}

// stockColumns are the accepted header names (normalised as normHeader does).
var (
	amazonOnHand  = []string{"afn-fulfillable-quantity", "mfn-fulfillable-quantity"}
	amazonInbound = []string{"afn-inbound-working-quantity", "afn-inbound-shipped-quantity", "afn-inbound-receiving-quantity"}
)

// DetectStockMapping recognises the Amazon report and the simple layout. It
// fails with the missing column named.
func DetectStockMapping(header []string) (StockMapping, error) {
	idx := map[string]int{}
	for i, h := range header {
		n := normHeader(h)
		if _, seen := idx[n]; !seen {
			idx[n] = i
		}
	}
	col := func(names ...string) int {
		for _, n := range names {
			if i, ok := idx[n]; ok {
				return i
			}
		}
		return -1
	}
	m := StockMapping{SKU: col("sku", "sellersku", "stockcode"), Warehouse: -1, Reserved: -1, Unsellable: -1, Volume: -1}
	if m.SKU < 0 {
		return m, Errorf(EInvalid, "inventory.err.missing_column", "sku")
	}
	if _, ok := idx["afnfulfillablequantity"]; ok {
		m.Format = StockFormatAmazon
		for _, n := range amazonOnHand {
			if i := col(normHeader(n)); i >= 0 {
				m.OnHand = append(m.OnHand, StockColumn{i, n})
			}
		}
		for _, n := range amazonInbound {
			if i := col(normHeader(n)); i >= 0 {
				m.Inbound = append(m.Inbound, StockColumn{i, n})
			}
		}
		m.Reserved, m.Unsellable = col("afnreservedquantity"), col("afnunsellablequantity")
		m.Volume = col("perunitvolume")
		return m, nil
	}
	m.Format = StockFormatSimple
	m.Warehouse = col("warehouse", "仓库")
	onHand, inbound := col("onhand", "在库", "库存"), col("inbound", "在途")
	for name, i := range map[string]int{"warehouse": m.Warehouse, "on_hand": onHand, "inbound": inbound} {
		if i < 0 {
			return m, Errorf(EInvalid, "inventory.err.missing_column", name)
		}
	}
	m.OnHand, m.Inbound = []StockColumn{{onHand, "on_hand"}}, []StockColumn{{inbound, "inbound"}}
	m.Reserved, m.Unsellable = col("reserved"), col("unsellable")
	return m, nil
}

// ParseStockRow reads one record. Empty quantity cells are 0 (Amazon leaves
// mfn-fulfillable-quantity empty for FBA-only listings); a quantity must be a
// whole number of at least 0.
func ParseStockRow(rec []string, m StockMapping, warehouse string) (StockLevel, *RowError) {
	cell := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	var s StockLevel
	s.SKU = cell(m.SKU)
	if s.SKU == "" {
		return s, &RowError{Field: "sku", Reason: "no_sku"}
	}
	s.Warehouse = warehouse
	if m.Warehouse >= 0 {
		s.Warehouse = cell(m.Warehouse)
		if s.Warehouse == "" {
			return s, &RowError{Field: "warehouse", Reason: "no_warehouse"}
		}
	}
	qty := func(c StockColumn, dst *int64) *RowError {
		v := cell(c.Index)
		if v == "" {
			return nil
		}
		q, err := ParseQuantity(v)
		// Sums of absurd quantities must not wrap around to negative.
		if err != nil || q < 0 || q > 1e12 {
			return &RowError{Field: c.Name, Value: v, Reason: "bad_quantity"}
		}
		*dst += q
		return nil
	}
	for _, c := range m.OnHand {
		if e := qty(c, &s.OnHand); e != nil {
			return s, e
		}
	}
	for _, c := range m.Inbound {
		if e := qty(c, &s.Inbound); e != nil {
			return s, e
		}
	}
	if e := qty(StockColumn{m.Reserved, "reserved"}, &s.Reserved); e != nil {
		return s, e
	}
	if e := qty(StockColumn{m.Unsellable, "unsellable"}, &s.Unsellable); e != nil {
		return s, e
	}
	return s, nil
}

// ParseStockVolume reads an Amazon row's per-unit-volume (cubic feet): 0
// when the file has no such column or the cell is empty.
func ParseStockVolume(rec []string, m StockMapping) (decimal.Decimal, *RowError) {
	if m.Volume < 0 || m.Volume >= len(rec) {
		return decimal.Zero, nil
	}
	v := strings.TrimSpace(rec[m.Volume])
	if v == "" {
		return decimal.Zero, nil
	}
	vol, err := decimal.NewFromString(v)
	// A unit over MaxUnitVolumeFt3 is a typo, and an exponent such as 1e9999
	// would print as ten thousand digits.
	if err != nil || vol.IsNegative() || vol.GreaterThan(MaxUnitVolumeFt3) {
		return decimal.Zero, &RowError{Field: "per-unit-volume", Value: v, Reason: "bad_volume"}
	}
	return vol, nil
}
