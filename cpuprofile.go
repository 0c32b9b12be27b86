package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
)

// withCPUProfile runs run and returns its exit status; with path set
// (--cpuprofile FILE) the run is profiled into path, for `go tool pprof`.
// The profile is written like every other file the app writes (atomicfile):
// whole or not at all, mode 0600, and never over the workspace or another
// database (protect), which is refused before run starts, as bad use. A
// failing run still leaves its profile: that is often the one wanted.
func withCPUProfile(path string, protect []string, stderr io.Writer, run func() int) int {
	if path == "" {
		return run()
	}
	code := 0
	err := atomicfile.WriteWith(path, func(tmp *os.File) error {
		if err := pprof.StartCPUProfile(tmp); err != nil {
			return err
		}
		code = run()
		pprof.StopCPUProfile()
		return nil
	}, protect...)
	if err != nil {
		msg := err.Error()
		if app.ErrorCode(err) != app.EInternal {
			msg = app.English().Message(err)
		}
		fmt.Fprintf(stderr, "seller-assistant --cpuprofile: %s\n", msg)
		if code == 0 {
			code = exitCode(err)
		}
	}
	return code
}
