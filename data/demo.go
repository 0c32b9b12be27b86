package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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
	// The seeds' date('now', …) is the demo's today, not the clock.
	nowSQL := demoNowSQL(now)
	for i, seed := range seeds {
		if _, err := tx.ExecContext(ctx, strings.ReplaceAll(seed, "'now'", nowSQL)); err != nil {
			return app.Wrap(err, app.EInternal, "error.internal", fmt.Sprintf("demo seed %d: %v", i, err))
		}
	}
	if err := storyDemo(ctx, tx, now); err != nil {
		return app.Wrap(err, app.EInternal, "error.internal", "demo story: "+err.Error())
	}
	if err := insertDemoOrders(ctx, tx, now); err != nil {
		return app.Wrap(err, app.EInternal, "error.internal", "demo orders: "+err.Error())
	}
	if err := linkDemoCases(ctx, tx); err != nil {
		return app.Wrap(err, app.EInternal, "error.internal", "demo cases: "+err.Error())
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
	// Still before the file takes its name: a failure here leaves no demo.
	if err := alignDemoQuotes(ctx, &Store{db: db}); err != nil {
		return app.Wrap(err, app.EInternal, "error.internal", "demo quotes: "+err.Error())
	}
	return nil
}

// linkDemoCases points each demo service case that names an order at the
// customer's latest order before the case opened, so a trainee who looks the
// order up finds it (the seed's platform-style numbers matched no order).
func linkDemoCases(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE care_cases SET order_id = coalesce((
		SELECT o.invoice_no FROM order_rows o
		WHERE o.customer_id = care_cases.customer_id AND o.at < unixepoch(substr(care_cases.opened_at, 1, 10))
		ORDER BY o.at DESC LIMIT 1), order_id)
		WHERE order_id <> ''`)
	return err
}
