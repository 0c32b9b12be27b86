//go:build linux

package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteIntoAPipeKeepsThePipe: a target that is a pipe or device
// (`--out /dev/null`) is written through, not replaced by a file renamed
// over it — as root that turned the machine's /dev/null into a plain file.
// A FIFO stands in for the device so a failure cannot harm the machine.
func TestWriteIntoAPipeKeepsThePipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "out.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo) // blocks until the writer opens it
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := Write(fifo, func(w io.Writer) error {
		_, err := io.WriteString(w, "sku,on_hand\nA,3\n")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "sku,on_hand\nA,3\n" {
		t.Fatalf("the reader got %q", s)
	}
	fi, err := os.Lstat(fifo)
	if err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe was replaced: %v %v", fi.Mode(), err)
	}
	if err := Check(fifo); err != nil {
		t.Errorf("Check of a pipe: %v", err)
	}
}
