package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/data"
)

// notesCmd searches research notes:
// `seller-assistant --db FILE notes search [--market DE] [--method interview] [--tag t] [--limit N] QUERY`.
// It prints id, date, market and title, best match first, using the same
// index as the window (two-character Chinese terms included).
type notesCmd struct{}

func init() { commands["notes"] = notesCmd{} }

func (notesCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "search" {
		return usagef("usage: notes search [--market CC] [--method M] [--tag T] [--limit N] QUERY")
	}
	fs := newFlags("notes search")
	market := fs.String("market", "", "only notes on this market (country code, e.g. DE)")
	method := fs.String("method", "", "only notes of this research method, e.g. interview")
	tag := fs.String("tag", "", "only notes with this tag")
	limit := fs.Int("limit", 20, "at most this many notes")
	words, err := parseArgs(fs, args[1:])
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(words, " "))
	if query == "" {
		return usagef("notes search: a QUERY is required, e.g. notes search 物流")
	}
	if *limit < 1 {
		return usagef("--limit must be 1 or more")
	}
	if *method != "" && indexOfMethod(*method) < 0 {
		return usagef("--method must be one of %s", strings.Join(app.ResearchMethods, ", "))
	}
	if err := needDB(db); err != nil {
		return err
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	notes, err := s.Notes(ctx, app.NoteFilter{Query: query, Market: strings.ToUpper(*market), Method: *method, Tag: *tag, Limit: *limit})
	if err != nil {
		return err
	}
	if len(notes) == 0 {
		fmt.Fprintf(stdout, "no notes match %q\n", query)
		return nil
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tDATE\tMARKET\tTITLE")
	for _, n := range notes {
		market := n.Market
		if market == "" {
			market = "-"
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\n", n.ID, n.Date.Format("2006-01-02"), market, n.Title)
	}
	return w.Flush()
}

func indexOfMethod(m string) int {
	for i, x := range app.ResearchMethods {
		if x == m {
			return i
		}
	}
	return -1
}
