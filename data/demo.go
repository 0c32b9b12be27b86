package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
	"github.com/seller-assistant/seller-assistant/assets"
)

// DemoName is the demo shop's name.
const DemoName = "港湾家居 Harbor Lane Home"

// CreateDemo writes the demo workspace to path, built complete under a
// temporary name in the same folder and renamed into place, so a crash
// never leaves a half-seeded demo. Only a demo workspace (or nothing) at
// path is replaced: any other file — a damaged one, a workspace that is not
// the demo, a file of another program — is refused and left byte for byte
// as it was (it cannot be told from a demo, so it may hold someone's work).
func CreateDemo(ctx context.Context, path string, now time.Time) (*Store, error) {
	if err := demoReplaceable(ctx, path); err != nil {
		return nil, err
	}
	tmp, err := build(ctx, path, DemoName, true, func(ctx context.Context, db *sql.DB) error {
		return seedDemo(ctx, db, now)
	})
	if err != nil {
		return nil, err
	}
	// Seeding takes a moment: look again just before replacing.
	if err := demoReplaceable(ctx, path); err != nil {
		removeDB(tmp)
		return nil, err
	}
	// The old demo's log must go before the new file takes its name, or
	// SQLite would replay the old pages into the new file.
	for _, p := range []string{path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			removeDB(tmp)
			return nil, atomicfile.FileError(err, p)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		removeDB(tmp)
		return nil, atomicfile.FileError(err, path)
	}
	atomicfile.SyncDir(filepath.Dir(path))
	return Open(ctx, path)
}

// demoReplaceable returns nil when path holds nothing or a demo workspace,
// the only files CreateDemo may replace.
func demoReplaceable(ctx context.Context, path string) error {
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	demo, err := isDemo(ctx, path)
	if err != nil {
		if app.ErrorCode(err) == app.EFile {
			return err // locked or unreadable: say that, not "damaged"
		}
		return app.Wrap(err, app.EConflict, "error.demo_unverified", path)
	}
	if !demo {
		return app.Errorf(app.EConflict, "error.not_demo", path)
	}
	return nil
}

// isDemo reports whether the workspace at path is marked as a demo, reading
// it without writing.
func isDemo(ctx context.Context, path string) (bool, error) {
	h, err := readHeader(path)
	if err != nil {
		return false, err
	}
	if h.applicationID != ApplicationID {
		return false, app.Errorf(app.ENotWorkspace, "error.not_workspace", path)
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return false, app.Wrap(err, app.EInternal, "error.internal", err.Error())
	}
	defer db.Close()
	var v string
	if err := db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'demo'").Scan(&v); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		return false, classify(err, path)
	}
	return v == "1", nil
}

func seedDemo(ctx context.Context, db *sql.DB, now time.Time) error {
	seeds, err := assets.DemoSeeds()
	if err != nil {
		return app.Wrap(err, app.EInternal, "error.internal", err.Error())
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return app.Wrap(err, app.EInternal, "error.internal", err.Error())
	}
	defer tx.Rollback()
	for i, seed := range seeds {
		if _, err := tx.ExecContext(ctx, seed); err != nil {
			return app.Wrap(err, app.EInternal, "error.internal", fmt.Sprintf("demo seed %d: %v", i, err))
		}
	}
	if err := insertDemoOrders(ctx, tx, now); err != nil {
		return app.Wrap(err, app.EInternal, "error.internal", "demo orders: "+err.Error())
	}
	if err := insertDemoAds(ctx, tx, now); err != nil {
		return app.Wrap(err, app.EInternal, "error.internal", "demo ads: "+err.Error())
	}
	if err := refreshOrderSummaries(ctx, tx); err != nil {
		return app.Wrap(err, app.EInternal, "error.internal", "demo summaries: "+err.Error())
	}
	if err := seedDemoInventory(ctx, tx, now); err != nil {
		return app.Wrap(err, app.EInternal, "error.internal", "demo inventory: "+err.Error())
	}
	if err := tx.Commit(); err != nil {
		return app.Wrap(err, app.EInternal, "error.internal", err.Error())
	}
	return nil
}

// demoProduct is what the order generator needs of a listed product.
type demoProduct struct {
	sku, name  string
	priceCents int64
	weight     float64 // how often it sells, relative
}

// insertDemoOrders writes a year of order lines ending the day before now:
// about 450 customers in the five demo markets, repeat buyers and one-off
// buyers, a Q4 peak, a few cancellations and guest orders without a
// customer id — the shapes a real export has, so every screen has something
// true to show. The generator is seeded, so two demos made on the same day
// are identical.
func insertDemoOrders(ctx context.Context, tx *sql.Tx, now time.Time) error {
	rows, err := tx.QueryContext(ctx, `SELECT sku, name_en, cost_fen, role FROM products WHERE status IN ('listed','retired') ORDER BY sku`)
	if err != nil {
		return err
	}
	var products []demoProduct
	for rows.Next() {
		var p demoProduct
		var cost int64
		var role string
		if err := rows.Scan(&p.sku, &p.name, &cost, &role); err != nil {
			rows.Close()
			return err
		}
		// A typical marketplace price is about 3x the purchase cost in CNY,
		// converted at ~7.2 CNY per USD, ending in .99.
		usd := math.Max(4, math.Round(float64(cost)/100*3/7.2))
		p.priceCents = int64(usd*100) - 1
		p.weight = map[string]float64{"traffic": 3, "profit": 2, "image": 1}[role]
		products = append(products, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(products) == 0 {
		return fmt.Errorf("the seed lists no products to sell")
	}
	var totalWeight float64
	for _, p := range products {
		totalWeight += p.weight
	}
	pick := func(r *rand.Rand) demoProduct {
		x := r.Float64() * totalWeight
		for _, p := range products {
			if x -= p.weight; x < 0 {
				return p
			}
		}
		return products[len(products)-1]
	}

	stmt, err := tx.PrepareContext(ctx, `INSERT INTO order_lines
		(invoice_no, stock_code, description, quantity, invoiced_at, unit_price_cents, customer_id, country)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()

	r := rand.New(rand.NewPCG(20261124, 7))
	end := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	start := end.AddDate(-1, 0, 0)
	span := end.Sub(start).Hours() / 24
	markets := []struct {
		code  string
		share float64
	}{{"US", 0.40}, {"GB", 0.20}, {"DE", 0.18}, {"FR", 0.12}, {"JP", 0.10}}
	invoice := 500000
	write := func(inv string, p demoProduct, qty int, at time.Time, customer any, country string) error {
		_, err := stmt.ExecContext(ctx, inv, p.sku, p.name, qty, at.Format("2006-01-02 15:04:05"), p.priceCents, customer, country)
		return err
	}
	for c := 0; c < 450; c++ {
		x, country := r.Float64(), "US"
		for _, m := range markets {
			if x -= m.share; x < 0 {
				country = m.code
				break
			}
		}
		customer := fmt.Sprintf("HL%05d", 10001+c)
		// Most buyers buy once; a loyal few buy monthly.
		orders := 1 + int(r.ExpFloat64()*1.6)
		first := r.Float64() * span
		for o := 0; o < orders; o++ {
			d := first + float64(o)*(20+r.Float64()*60)
			if o > 0 && r.Float64() < 0.3 {
				d += 90 // a gap: some customers drift away
			}
			if d >= span {
				break
			}
			at := start.Add(time.Duration(d * 24 * float64(time.Hour))).Add(time.Duration(8+r.IntN(14)) * time.Hour)
			// Q4 peak: orders in Nov and Dec often carry an extra line.
			lines := 1 + r.IntN(2)
			if at.Month() >= time.November {
				lines++
			}
			invoice++
			inv := fmt.Sprint(invoice)
			for l := 0; l < lines; l++ {
				p := pick(r)
				qty := 1 + r.IntN(3)
				if err := write(inv, p, qty, at, customer, country); err != nil {
					return err
				}
				if r.Float64() < 0.025 { // a cancelled line, as exports show it
					if err := write("C"+inv, p, -qty, at.Add(26*time.Hour), customer, country); err != nil {
						return err
					}
				}
			}
		}
	}
	// Guest checkouts: lines with no customer id.
	for g := 0; g < 60; g++ {
		invoice++
		at := start.Add(time.Duration(r.Float64() * span * 24 * float64(time.Hour)))
		if err := write(fmt.Sprint(invoice), pick(r), 1, at, nil, markets[r.IntN(len(markets))].code); err != nil {
			return err
		}
	}
	return nil
}
