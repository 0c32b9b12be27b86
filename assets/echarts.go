package assets

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// The whole folder is embedded rather than echarts.min.js by name: on a fresh
// clone only VERSION and fetch.sh exist, and a pattern naming the missing file
// would stop the build instead of letting EchartsJS explain what to run.
//
//go:embed echarts
var echartsFS embed.FS

const echartsFile = "echarts/echarts.min.js"

// EchartsJS returns the minified echarts build that the HTML report inlines, so
// the report works offline. The file is fetched at build time, not committed;
// a binary built without it returns an error saying how to get it.
func EchartsJS() ([]byte, error) {
	js, err := echartsFS.ReadFile(echartsFile)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(js) == 0) {
		return nil, fmt.Errorf("echarts %s is not built into this binary: run `make assets` (or assets/echarts/fetch.sh) and rebuild", EchartsVersion())
	}
	if err != nil {
		return nil, fmt.Errorf("echarts: %w", err)
	}
	return js, nil
}

// EchartsVersion is the pinned echarts version from assets/echarts/VERSION.
func EchartsVersion() string {
	v, err := echartsFS.ReadFile("echarts/VERSION")
	if err != nil {
		return "?"
	}
	return strings.TrimSpace(string(v))
}
