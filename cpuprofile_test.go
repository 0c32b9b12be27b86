package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// burnCPUForProfile keeps a CPU busy for d, in a function whose name the
// profile must then hold.
//
//go:noinline
func burnCPUForProfile(d time.Duration) byte {
	sum := sha256.Sum256([]byte("x"))
	for end := time.Now().Add(d); time.Now().Before(end); {
		for range 1000 {
			sum = sha256.Sum256(sum[:])
		}
	}
	return sum[0]
}

// profileNames is the decompressed profile: its string table holds the
// names of the functions its samples were taken in.
func profileNames(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("profile mode %v, want 0600", fi.Mode().Perm())
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("not a pprof profile (gzip): %v", err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWithCPUProfile: --cpuprofile profiles the run (the busy function is
// in it) and keeps the run's exit status; a profile naming the workspace
// is refused as bad use before anything runs.
func TestWithCPUProfile(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "cpu.prof")
	var stderr bytes.Buffer
	code := withCPUProfile(prof, nil, &stderr, func() int {
		burnCPUForProfile(400 * time.Millisecond)
		return 1
	})
	if code != 1 || stderr.Len() > 0 {
		t.Fatalf("exit %d, want the run's 1; stderr %q", code, stderr.String())
	}
	if !bytes.Contains(profileNames(t, prof), []byte("burnCPUForProfile")) {
		t.Error("the profile has no sample in the function that used the CPU")
	}

	ws := filepath.Join(dir, "shop.sellerdb")
	if err := os.WriteFile(ws, []byte("kept"), 0o600); err != nil {
		t.Fatal(err)
	}
	ran := false
	code = withCPUProfile(ws, []string{ws}, &stderr, func() int { ran = true; return 0 })
	if code != 2 || ran || !strings.Contains(stderr.String(), "--cpuprofile") {
		t.Fatalf("profile over the workspace: exit %d, ran %v, stderr %q", code, ran, stderr.String())
	}
	if b, _ := os.ReadFile(ws); string(b) != "kept" {
		t.Error("the workspace was overwritten by the profile")
	}
	// Without the flag the run is just run.
	if code := withCPUProfile("", nil, &stderr, func() int { return 7 }); code != 7 {
		t.Errorf("no profile: exit %d", code)
	}
}

// TestCPUProfileFlag runs the real binary: the global flag profiles a
// subcommand given after it (an import, whose store code is in the
// profile) and is refused over the workspace.
func TestCPUProfileFlag(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	csv := filepath.Join(dir, "orders.csv")
	if _, err := generateOrders(csv, 150_000, true); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "shop.sellerdb")
	prof := filepath.Join(dir, "import.prof")
	cmd := exec.Command(bin, "--cpuprofile", prof, "--db", db, "import", "orders", csv)
	cmd.Env = isolatedEnv(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !bytes.Contains(profileNames(t, prof), []byte("ImportOrders")) {
		t.Error("the import's profile does not name ImportOrders")
	}
	cmd = exec.Command(bin, "--db", db, "--cpuprofile", db, "version")
	cmd.Env = isolatedEnv(t)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 || !strings.Contains(string(out), "is the open workspace") {
		t.Fatalf("--cpuprofile over the workspace: %v\n%s", err, out)
	}
}
