package data

import (
	"context"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

const campaignColumns = `SELECT id, name, goal, type, markets, platform, starts_on, ends_on, budget_cents, lift FROM campaigns`

// UpcomingCampaigns implements app.Workspace: campaigns running on or
// starting after from, soonest first.
func (s *Store) UpcomingCampaigns(ctx context.Context, from time.Time, limit int) ([]app.Campaign, error) {
	return s.campaigns(ctx, campaignColumns+` WHERE ends_on >= ? ORDER BY starts_on LIMIT ?`, from.Format(dateLayout), limit)
}

// Campaigns implements app.Workspace: all campaigns by start date.
func (s *Store) Campaigns(ctx context.Context) ([]app.Campaign, error) {
	return s.campaigns(ctx, campaignColumns+` ORDER BY starts_on, id`)
}

func (s *Store) campaigns(ctx context.Context, query string, args ...any) ([]app.Campaign, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.Campaign
	for rows.Next() {
		var c app.Campaign
		var markets, start, end, lift string
		var budget int64
		if err := rows.Scan(&c.ID, &c.Name, &c.Goal, &c.Type, &markets, &c.Platform, &start, &end, &budget, &lift); err != nil {
			return nil, s.fail(err)
		}
		c.Markets, c.Start, c.End = list(markets), day(start), day(end)
		c.Budget, c.Lift = cents(budget), rate(lift)
		out = append(out, c)
	}
	return out, s.fail(rows.Err())
}
