package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
	"github.com/seller-assistant/seller-assistant/app/report"
	"github.com/seller-assistant/seller-assistant/assets"
	"github.com/seller-assistant/seller-assistant/data"
)

// reportCmd writes the offline HTML report:
// `seller-assistant --db FILE report --out FILE.html [--lang en|zh]`.
type reportCmd struct{}

func init() { commands["report"] = reportCmd{} }

func (reportCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	fs := newFlags("report")
	out := fs.String("out", "", "HTML file to write")
	lang := fs.String("lang", "en", "language: en or zh")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := needDB(db); err != nil {
		return err
	}
	if *out == "" {
		return usagef("--out FILE.html is required")
	}
	if *lang != "en" && *lang != "zh" {
		return usagef("--lang must be en or zh, not %q", *lang)
	}
	if err := atomicfile.Check(*out, db); err != nil {
		return err
	}
	js, err := assets.EchartsJS()
	if err != nil {
		return err
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	l := app.NewLocalizer(app.MatchLang(*lang))
	r, err := app.BuildReport(ctx, s, l, time.Now())
	if err != nil {
		return err
	}
	if err := report.WriteFile(*out, r, l, js, db); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "report written to %s\n", *out)
	return nil
}
