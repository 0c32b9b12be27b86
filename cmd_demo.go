package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/seller-assistant/seller-assistant/data"
)

// demoCmd writes the demo workspace: `seller-assistant --db FILE demo`.
type demoCmd struct{}

func init() { commands["demo"] = demoCmd{} }

func (demoCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	if err := parseFlags(newFlags("demo"), args); err != nil {
		return err
	}
	if err := needDB(db); err != nil {
		return err
	}
	s, err := data.CreateDemo(ctx, db, time.Now())
	if err != nil {
		return err
	}
	defer s.Close()
	sum, err := s.Summary(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "demo workspace written to %s: %d products, %d notes, %d risks, %d campaigns, %d order lines, %d customers\n",
		db, sum.Products, sum.Notes, sum.Risks, sum.Campaigns, sum.OrderLines, sum.Customers)
	return nil
}
