package main

import (
	"context"
	"fmt"
	"io"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/assets"
	"github.com/seller-assistant/seller-assistant/data"
)

// versionCmd prints the version: `seller-assistant version`.
type versionCmd struct{}

func init() { commands["version"] = versionCmd{} }

func (versionCmd) run(_ context.Context, _ string, args []string, stdout io.Writer) error {
	if err := parseFlags(newFlags("version"), args); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "seller-assistant %s (workspace schema %d, echarts %s)\n", app.Version, data.SchemaVersion(), assets.EchartsVersion())
	return nil
}
