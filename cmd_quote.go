package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/seller-assistant/seller-assistant/app"
)

// quoteCmd prices one unit from a JSON file: `seller-assistant quote
// FILE.json` or `quote -` for standard input. It needs no workspace: every
// input is in the file; only a "market" fills the currency, VAT, duty basis
// and FX rate the file leaves out (see app.ParseQuoteJSON). A file saved by
// Windows Notepad, with a UTF-8 byte order mark, reads.
type quoteCmd struct{}

func init() { commands["quote"] = quoteCmd{} }

// quoteStdin is where `quote -` reads; tests replace it.
var quoteStdin io.Reader = os.Stdin

func (quoteCmd) run(_ context.Context, _ string, args []string, stdout io.Writer) error {
	fs := newFlags("quote")
	if err := fs.Parse(args); err != nil {
		return usagef("%v", err)
	}
	if fs.NArg() != 1 {
		return usagef("usage: seller-assistant quote FILE.json (or - for standard input)")
	}
	var r io.Reader
	if name := fs.Arg(0); name == "-" {
		r = quoteStdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return app.Wrap(err, app.EInvalid, "error.file_unreadable", name)
		}
		defer f.Close()
		r = f
	}
	in, err := app.ParseQuoteJSON(r)
	if err != nil {
		return err
	}
	_, err = stdout.Write(in.Compute().QuoteResultJSON(app.English()))
	if err != nil {
		return fmt.Errorf("writing the quote: %w", err)
	}
	return nil
}
