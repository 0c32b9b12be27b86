package app

import (
	"context"
	"time"

	"github.com/shopspring/decimal"
)

// WorkspaceInfo describes the open workspace file.
type WorkspaceInfo struct {
	Path          string
	Name          string // the shop's name, shown in the title bar
	Demo          bool   // a demo workspace: marked in the window, resettable
	SchemaVersion int
	Created       time.Time
	Currency      string // the shop's reporting currency, e.g. "USD"
}

// Summary is the workspace at a glance: counts the dashboard shows.
type Summary struct {
	Notes, Competitors, Products, Channels, Platforms, Campaigns, Risks, OpenRisks int
	OrderLines, Orders, Customers, Countries                                       int
	Revenue                                                                        decimal.Decimal // sum of all order lines, cancellations netted
	FirstOrder, LastOrder                                                          time.Time       // zero when there are no orders
}

// MonthValue is one month's figure (Month is the first day of the month, UTC).
type MonthValue struct {
	Month time.Time
	Value decimal.Decimal
	Count int // orders in the month
}

// NamedValue is one labelled figure, e.g. revenue of one country.
type NamedValue struct {
	Name  string
	Value decimal.Decimal
	Count int
}

// Workspace is what the shell, dashboard and report need from an open
// workspace file. data.Store implements it with SQLite. Methods that list
// things take a limit so no screen pulls a whole table at start-up.
type Workspace interface {
	Info(ctx context.Context) (WorkspaceInfo, error)
	Summary(ctx context.Context) (Summary, error)
	RecentNotes(ctx context.Context, limit int) ([]Note, error)
	OpenRisks(ctx context.Context, limit int) ([]Risk, error)
	Risks(ctx context.Context) ([]Risk, error)
	UpcomingCampaigns(ctx context.Context, from time.Time, limit int) ([]Campaign, error)
	Campaigns(ctx context.Context) ([]Campaign, error)
	Products(ctx context.Context) ([]Product, error)
	Channels(ctx context.Context) ([]LogisticsChannel, error)
	Platforms(ctx context.Context) ([]Platform, error)
	// MonthlyRevenue reads a summary kept up to date as orders change, so it
	// costs the same at 100 or 1,000,000 order lines.
	MonthlyRevenue(ctx context.Context) ([]MonthValue, error)
	RevenueByCountry(ctx context.Context, limit int) ([]NamedValue, error)
	// SaveCopy writes a consistent copy of the workspace to path, which must
	// not exist yet.
	SaveCopy(ctx context.Context, path string) error
	Close() error
	NoteStore
	CompetitorStore
	ScoringStore
	ProductStore
	CustomerStore
	CampaignStore
	RiskStore
	QuoteStore
	ChannelStore
	CareStore
	CLVStore
	AdsStore
	InventoryStore
	FXStore
	BaseCurrencyStore
	StorageStore
}

// Opener opens, creates and seeds workspace files. The screens get one from
// main so they never import the storage package.
type Opener interface {
	// Open opens an existing workspace, migrating it (after a backup copy) if
	// it is older. A file that is not a workspace, is damaged or is newer is
	// refused with an *Error and left exactly as it was.
	Open(ctx context.Context, path string) (Workspace, error)
	// Create makes a new, empty workspace at path, which must not exist.
	Create(ctx context.Context, path string, name string) (Workspace, error)
	// CreateDemo makes the demo workspace at path, replacing a previous demo
	// file there (never a file that is not a demo workspace).
	CreateDemo(ctx context.Context, path string) (Workspace, error)
}

// WorkspaceExt is the extension new workspace files get.
const WorkspaceExt = ".sellerdb"
