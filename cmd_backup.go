package main

import (
	"context"
	"fmt"
	"io"

	"github.com/seller-assistant/seller-assistant/app/atomicfile"
	"github.com/seller-assistant/seller-assistant/data"
)

// backupCmd saves a consistent copy: `seller-assistant --db FILE backup --out FILE`.
type backupCmd struct{}

func init() { commands["backup"] = backupCmd{} }

func (backupCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	fs := newFlags("backup")
	out := fs.String("out", "", "file to write the copy to")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := needDB(db); err != nil {
		return err
	}
	if *out == "" {
		return usagef("--out FILE is required")
	}
	if err := atomicfile.Check(*out, db); err != nil {
		return err
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.SaveCopy(ctx, *out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "copy of %s saved to %s\n", db, *out)
	return nil
}
