package data

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

var _ app.StorageStore = (*Store)(nil)

// agedDaysKey is the meta key of the workspace's aged threshold.
const agedDaysKey = "storage.aged_days"

// StorageFees implements app.StorageStore.
func (s *Store) StorageFees(ctx context.Context) ([]app.StorageFee, error) {
	var out []app.StorageFee
	err := s.eachRow(ctx, `SELECT id, fee_type, kind, location, size_tier, season, min_age_days, volume_unit, currency, price, valid_from
		FROM storage_fees ORDER BY fee_type DESC, location, size_tier DESC, season, min_age_days, valid_from`, nil, func(rows *sql.Rows) error {
		var f app.StorageFee
		var price, from string
		if err := rows.Scan(&f.ID, &f.Type, &f.Kind, &f.Location, &f.SizeTier, &f.Season, &f.MinAgeDays, &f.VolumeUnit,
			&f.Currency, &price, &from); err != nil {
			return err
		}
		var err error
		if f.Price, err = decimal.NewFromString(price); err != nil {
			return err
		}
		if f.ValidFrom, err = time.Parse(time.DateOnly, from); err != nil {
			return err
		}
		out = append(out, f)
		return nil
	})
	return out, err
}

// SaveStorageFee implements app.StorageStore. A monthly row keeps no band
// and an aged row no tier or season, whatever the form held.
func (s *Store) SaveStorageFee(ctx context.Context, f app.StorageFee) (int64, error) {
	if err := f.Validate(); err != nil {
		return 0, err
	}
	if f.Type == app.FeeMonthly {
		f.MinAgeDays = 0
	} else {
		f.SizeTier, f.Season = "", ""
	}
	args := []any{f.Type, f.Kind, f.Location, f.SizeTier, f.Season, f.MinAgeDays, f.VolumeUnit, f.Currency, f.Price.String(),
		f.ValidFrom.Format(time.DateOnly)}
	var err error
	var r sql.Result
	if f.ID == 0 {
		r, err = s.db.ExecContext(ctx, `INSERT INTO storage_fees (fee_type, kind, location, size_tier, season, min_age_days,
			volume_unit, currency, price, valid_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
	} else {
		r, err = s.db.ExecContext(ctx, `UPDATE storage_fees SET fee_type = ?, kind = ?, location = ?, size_tier = ?, season = ?,
			min_age_days = ?, volume_unit = ?, currency = ?, price = ?, valid_from = ? WHERE id = ?`, append(args, f.ID)...)
	}
	if isUniqueViolation(err) {
		return 0, app.Wrap(err, app.EConflict, "storage.err.duplicate", f.Location, f.ValidFrom.Format(time.DateOnly))
	}
	if err != nil {
		return 0, s.fail(err)
	}
	if f.ID != 0 {
		return f.ID, s.notFoundIfNone(r)
	}
	id, err := r.LastInsertId()
	return id, s.fail(err)
}

// DeleteStorageFee implements app.StorageStore.
func (s *Store) DeleteStorageFee(ctx context.Context, id int64) error {
	r, err := s.db.ExecContext(ctx, `DELETE FROM storage_fees WHERE id = ?`, id)
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(r)
}

// SaveStorageProfile implements app.StorageStore.
func (s *Store) SaveStorageProfile(ctx context.Context, p app.StorageProfile) error {
	if p.SKU == "" {
		return app.Errorf(app.EInvalid, "inventory.err.stock_key")
	}
	if p.SizeTier != "" && p.SizeTier != app.TierStandard && p.SizeTier != app.TierOversize {
		return app.Errorf(app.EInvalid, "storage.err.size_tier")
	}
	if p.EnteredCm3.IsNegative() || p.EnteredCm3.GreaterThan(app.MaxUnitVolumeCm3) {
		return app.Errorf(app.EInvalid, "storage.err.volume", p.EnteredCm3.String())
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO sku_storage (sku, location, size_tier, entered_cm3) VALUES (?, ?, ?, ?)
		ON CONFLICT (sku) DO UPDATE SET location = excluded.location, size_tier = excluded.size_tier, entered_cm3 = excluded.entered_cm3`,
		p.SKU, p.Location, p.SizeTier, decText(p.EnteredCm3))
	return s.fail(err)
}

// decText stores a decimal as text, "" for zero (not given).
func decText(d decimal.Decimal) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func textDec(s string) decimal.Decimal {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Zero
	}
	return d
}

// AgedDays implements app.StorageStore.
func (s *Store) AgedDays(ctx context.Context) (int, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, agedDaysKey).Scan(&v)
	if err == sql.ErrNoRows {
		return app.DefaultAgedDays, nil
	}
	if err != nil {
		return 0, s.fail(err)
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return app.DefaultAgedDays, nil
	}
	return n, nil
}

// SetAgedDays implements app.StorageStore.
func (s *Store) SetAgedDays(ctx context.Context, days int) error {
	o := app.StorageOptions{WindowDays: 1, AgedDays: days}
	if err := o.Validate(); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`, agedDaysKey, strconv.Itoa(days))
	return s.fail(err)
}

// StorageInputs implements app.StorageStore: every SKU with units on hand
// over all warehouses, its window demand (non-cancelled lines in
// [as-of − window, as-of)), the catalogue's product, the entries, the
// market of its default FBA channel as the default location, and its
// received shipments for the age.
func (s *Store) StorageInputs(ctx context.Context, o app.StorageOptions) ([]app.StorageInput, error) {
	var out []app.StorageInput
	idx := map[string]int{}
	err := s.eachRow(ctx, `SELECT sku, sum(on_hand) FROM stock_levels GROUP BY sku HAVING sum(on_hand) > 0 ORDER BY sku`, nil,
		func(rows *sql.Rows) error {
			var in app.StorageInput
			if err := rows.Scan(&in.SKU, &in.OnHand); err != nil {
				return err
			}
			idx[in.SKU] = len(out)
			in.Profile.SKU = in.SKU
			out = append(out, in)
			return nil
		})
	if err != nil || len(out) == 0 {
		return out, err
	}
	start := o.AsOf.AddDate(0, 0, -o.WindowDays)
	if err := s.withIndex(ctx, dateIndexSQL); err != nil {
		return nil, err
	}
	err = s.eachRow(ctx, `SELECT stock_code, sum(quantity) FROM order_rows
		WHERE at >= ? AND at < ? AND stock_code <> '' AND NOT `+cancelledSQL+` GROUP BY 1`,
		[]any{dayStart(start.Format(time.DateOnly)), dayStart(o.AsOf.Format(time.DateOnly))}, func(rows *sql.Rows) error {
			var sku string
			var units int64
			if err := rows.Scan(&sku, &units); err != nil {
				return err
			}
			if i, ok := idx[sku]; ok {
				out[i].UnitsInWindow = units
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = s.eachRow(ctx, `SELECT sku, location, size_tier, entered_cm3, report_ft3 FROM sku_storage`, nil, func(rows *sql.Rows) error {
		var p app.StorageProfile
		var entered, report string
		if err := rows.Scan(&p.SKU, &p.Location, &p.SizeTier, &entered, &report); err != nil {
			return err
		}
		p.EnteredCm3, p.ReportFt3 = textDec(entered), textDec(report)
		if i, ok := idx[p.SKU]; ok {
			out[i].Profile = p
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = s.eachRow(ctx, `SELECT p.sku, c.market FROM products p JOIN logistics_channels c ON c.id = p.default_channel_id
		WHERE c.type = 'fba' AND c.market <> ''`, nil, func(rows *sql.Rows) error {
		var sku, market string
		if err := rows.Scan(&sku, &market); err != nil {
			return err
		}
		if i, ok := idx[sku]; ok {
			out[i].DefaultLocation = market
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	products, err := s.Products(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range products {
		if i, ok := idx[p.SKU]; ok {
			out[i].Product = &p
		}
	}
	err = s.eachRow(ctx, `SELECT id, sku, warehouse, quantity, shipped_on, arrives_on FROM inbound_shipments
		WHERE received = 1 ORDER BY arrives_on, id`, nil, func(rows *sql.Rows) error {
		sh := app.InboundShipment{Received: true}
		var shipped, arrives string
		if err := rows.Scan(&sh.ID, &sh.SKU, &sh.Warehouse, &sh.Quantity, &shipped, &arrives); err != nil {
			return err
		}
		sh.ShippedOn, _ = time.Parse(time.DateOnly, shipped)
		sh.ArrivesOn, _ = time.Parse(time.DateOnly, arrives)
		if i, ok := idx[sh.SKU]; ok {
			out[i].Received = append(out[i].Received, sh)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
