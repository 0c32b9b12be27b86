package main

import (
	"context"
	"fmt"
	"io"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/assets"
)

// versionCmd prints the version: `seller-assistant version`.
type versionCmd struct{}

func (versionCmd) run(_ context.Context, _ string, args []string, stdout io.Writer) error {
	if err := parseFlags(newFlags("version"), args); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "seller-assistant %s (workspace schema %d, echarts %s)\n", app.Version, app.SchemaVersion, assets.EchartsVersion())
	return nil
}
