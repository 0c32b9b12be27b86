package app

import (
	"context"
	"strings"

	"github.com/shopspring/decimal"
)

// Competitor is one competing listing seen during research. Pricing's
// competitor view reads the same records.
type Competitor struct {
	ID         int64
	Name       string // the competing brand or shop
	Market     string // ISO country code
	Platform   string
	Product    string
	Price      decimal.Decimal // in Currency, major units
	Currency   string          // ISO 4217, e.g. "USD"
	Rating     decimal.Decimal // 0..5 stars; zero when unknown
	Reviews    int
	Strengths  string
	Weaknesses string
}

// CompetitorStore keeps competitor records.
type CompetitorStore interface {
	// Competitors lists the records of market ("" for all), by market, then
	// by review count, most reviewed first.
	Competitors(ctx context.Context, market string) ([]Competitor, error)
	// SaveCompetitor inserts c when c.ID is 0, else updates it; c.ID is set.
	SaveCompetitor(ctx context.Context, c *Competitor) error
	DeleteCompetitor(ctx context.Context, id int64) error
}

// Validate checks a competitor record before it is stored and names the
// field at fault.
func (c *Competitor) Validate() error {
	c.Name = strings.TrimSpace(c.Name)
	c.Market = strings.ToUpper(strings.TrimSpace(c.Market))
	c.Currency = strings.ToUpper(strings.TrimSpace(c.Currency))
	switch {
	case c.Name == "":
		return Errorf(EInvalid, "research.err_competitor_name")
	case c.Price.IsNegative():
		return Errorf(EInvalid, "research.err_competitor_price")
	case c.Rating.IsNegative() || c.Rating.GreaterThan(decimal.NewFromInt(5)):
		return Errorf(EInvalid, "research.err_rating")
	case c.Reviews < 0:
		return Errorf(EInvalid, "research.err_competitor_reviews")
	case c.Currency != "" && len(c.Currency) != 3:
		return Errorf(EInvalid, "research.err_currency", c.Currency)
	}
	if c.Currency == "" {
		c.Currency = "USD"
	}
	return nil
}
