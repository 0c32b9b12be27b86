package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// buildBinary builds the real app (cgo, GLFW driver) once per test run.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "seller-assistant")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// isolatedEnv keeps the test's preferences and demo out of the user's home.
func isolatedEnv(t *testing.T, extra ...string) []string {
	home := t.TempDir()
	env := []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "PATH=" + os.Getenv("PATH"), "LANG=C.UTF-8"}
	return append(env, extra...)
}

// startXvfb starts a private X server, or skips when there is none here
// (CI installs it through make deps).
func startXvfb(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Skip("Xvfb is not installed: skipping the real-window smoke test (make deps installs it)")
	}
	display := fmt.Sprintf(":%d", 90+os.Getpid()%9)
	x := exec.Command("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	if err := x.Start(); err != nil {
		t.Fatalf("Xvfb: %v", err)
	}
	t.Cleanup(func() { x.Process.Kill(); x.Wait() })
	time.Sleep(700 * time.Millisecond)
	return display
}

// TestSmoke runs the real binary in a real (virtual) window for a few
// seconds on a fresh demo workspace: it must keep running, draw something
// that is not blank, and log no thread violation or panic.
func TestSmoke(t *testing.T) {
	display := startXvfb(t)
	bin := buildBinary(t)
	// "zh-bundled-font" forces the font the binary bundles for machines
	// without a CJK font, as if none were installed.
	for _, lang := range []string{"en", "zh", "zh-bundled-font"} {
		t.Run(lang, func(t *testing.T) {
			env := isolatedEnv(t, "DISPLAY="+display)
			if strings.HasPrefix(lang, "zh") {
				env = append(env, "LANGUAGE=zh_CN")
				env[3] = "LANG=zh_CN.UTF-8"
			}
			if lang == "zh-bundled-font" {
				env = append(env, "SELLER_ASSISTANT_BUNDLED_FONT=1")
			}
			var logs bytes.Buffer
			cmd := exec.Command(bin)
			cmd.Env, cmd.Stdout, cmd.Stderr = env, &logs, &logs
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				t.Fatalf("the app exited early: %v\n%s", err, logs.String())
			case <-time.After(5 * time.Second):
			}
			if _, err := exec.LookPath("import"); err == nil {
				shot := filepath.Join(t.TempDir(), "shot.png")
				imp := exec.Command("import", "-window", "root", shot)
				imp.Env = append(os.Environ(), "DISPLAY="+display)
				if out, err := imp.CombinedOutput(); err != nil {
					t.Fatalf("import: %v %s", err, out)
				}
				// A drawn window has many colours; a blank screen has one.
				out, err := exec.Command("identify", "-format", "%k", shot).Output()
				if err != nil {
					t.Fatal(err)
				}
				var colours int
				fmt.Sscan(string(out), &colours)
				if colours < 50 {
					t.Fatalf("screenshot has %d colours: the window did not draw", colours)
				}
			}
			cmd.Process.Signal(os.Interrupt)
			select {
			case <-done:
			case <-time.After(3 * time.Second):
				cmd.Process.Kill()
				<-done
			}
			for _, bad := range []string{"Error in Fyne call thread", "panic:", "internal error"} {
				if strings.Contains(logs.String(), bad) {
					t.Fatalf("log contains %q:\n%s", bad, logs.String())
				}
			}
		})
	}
	t.Run("startup probe", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, "--startup-probe")
		cmd.Env = isolatedEnv(t, "DISPLAY="+display)
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "first frame after") {
			t.Fatalf("probe: %v\n%s", err, out)
		}
	})
}

// TestCLI runs the subcommands as a user would, good and bad.
func TestCLI(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.sellerdb")
	run := func(args ...string) (string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Env = isolatedEnv(t)
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), code
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"version", []string{"version"}, 0, "seller-assistant 0."},
		{"demo", []string{"--db", db, "demo"}, 0, "demo workspace written"},
		{"demo again resets it", []string{"--db", db, "demo"}, 0, "demo workspace written"},
		{"report", []string{"--db", db, "report", "--out", filepath.Join(dir, "r.html")}, 0, "report written"},
		{"report in Chinese", []string{"--db", db, "report", "--lang", "zh", "--out", filepath.Join(dir, "r-zh.html")}, 0, "report written"},
		{"backup", []string{"--db", db, "backup", "--out", filepath.Join(dir, "copy.sellerdb")}, 0, "saved to"},
		{"backup over an earlier backup", []string{"--db", db, "backup", "--out", filepath.Join(dir, "copy.sellerdb")}, 2, "is a database"},
		{"report over the workspace", []string{"--db", db, "report", "--out", db}, 2, "is the open workspace"},
		{"backup without --out", []string{"--db", db, "backup"}, 2, "--out FILE is required"},
		{"report without --db", []string{"report", "--out", "x.html"}, 2, "--db FILE is required"},
		{"report bad lang", []string{"--db", db, "report", "--lang", "fr", "--out", "x.html"}, 2, "--lang must be en or zh"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"unknown flag", []string{"--db", db, "demo", "--force"}, 2, "flag provided but not defined"},
		{"open a text file", []string{"--db", filepath.Join(dir, "r.html"), "backup", "--out", filepath.Join(dir, "y")}, 1, "not a Seller Assistant workspace"},
		{"missing workspace", []string{"--db", filepath.Join(dir, "none.sellerdb"), "report", "--out", filepath.Join(dir, "z.html")}, 1, "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, code := run(tt.args...)
			if code != tt.code || !strings.Contains(out, tt.want) {
				t.Fatalf("exit %d, want %d; output does not contain %q:\n%s", code, tt.code, tt.want, out)
			}
		})
	}
	html, err := os.ReadFile(filepath.Join(dir, "r-zh.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"跨境卖家助手报告", "风险登记表", "echarts"} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("Chinese report lacks %q", want)
		}
	}
	if bytes.Contains(html, []byte(`<script src="http`)) {
		t.Error("report loads a remote script")
	}
}
