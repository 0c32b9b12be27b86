package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

// TestAppVersion: FyneApp.toml (what `fyne package` and make dist read) is
// the one source of the version, and the binary's app.Version and `version`
// output carry it. The file is read from disk here, not through the embed,
// so a stale embed or a parse slip would show.
func TestAppVersion(t *testing.T) {
	b, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := parseAppVersion(b)
	if err != nil {
		t.Fatal(err)
	}
	if app.Version != want {
		t.Fatalf("app.Version = %q, FyneApp.toml says %q", app.Version, want)
	}
	var out, errOut bytes.Buffer
	if code := runCommand("", []string{"version"}, &out, &errOut); code != 0 {
		t.Fatalf("version exited %d: %s", code, errOut.String())
	}
	if !strings.HasPrefix(out.String(), "seller-assistant "+want+" ") {
		t.Fatalf("version printed %q, want seller-assistant %s …", out.String(), want)
	}
	if _, err := parseAppVersion([]byte("[Details]\nName = \"x\"\n")); err == nil {
		t.Fatal("a FyneApp.toml without a version was accepted")
	}
}

func TestWorkspaceArg(t *testing.T) {
	tests := []struct {
		args []string
		want string
		ok   bool
	}{
		{[]string{`C:\Users\张伟\Documents\店铺.sellerdb`}, `C:\Users\张伟\Documents\店铺.sellerdb`, true},
		{[]string{"/home/zw/My Shop.SellerDB"}, "/home/zw/My Shop.SellerDB", true},
		{[]string{"version"}, "", false},
		{[]string{"report", "--out", "x.sellerdb"}, "", false},
		{[]string{"shop.sqlite"}, "", false},
	}
	for _, tt := range tests {
		got, ok := workspaceArg(tt.args)
		if got != tt.want || ok != tt.ok {
			t.Errorf("workspaceArg(%q) = %q, %v; want %q, %v", tt.args, got, ok, tt.want, tt.ok)
		}
	}
}

// TestAppDataDir: the demo lives in %APPDATA% on Windows whatever the user
// name holds (spaces, Chinese), and the rule written out for every system
// agrees with os.UserConfigDir on the machine running the test.
func TestAppDataDir(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		name, goos string
		env        map[string]string
		want       string
	}{
		{"windows", "windows", map[string]string{"APPDATA": `C:\Users\张 伟\AppData\Roaming`, "HOME": "/ignored"},
			`C:\Users\张 伟\AppData\Roaming\seller-assistant`},
		{"windows trailing slash", "windows", map[string]string{"APPDATA": `C:\Users\zw\AppData\Roaming\`},
			`C:\Users\zw\AppData\Roaming\seller-assistant`},
		{"linux XDG", "linux", map[string]string{"XDG_CONFIG_HOME": "/home/张伟/cfg", "HOME": "/home/张伟"}, "/home/张伟/cfg/seller-assistant"},
		{"linux relative XDG ignored", "linux", map[string]string{"XDG_CONFIG_HOME": "cfg", "HOME": "/home/zw"}, "/home/zw/.config/seller-assistant"},
		{"darwin", "darwin", map[string]string{"HOME": "/Users/zw"}, "/Users/zw/Library/Application Support/seller-assistant"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := appDataDir(tt.goos, env(tt.env))
			if err != nil || got != tt.want {
				t.Fatalf("appDataDir = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if _, err := appDataDir("windows", env(nil)); err == nil {
		t.Error("no APPDATA: want an error, not a folder in the current directory")
	}
	t.Run("agrees with os.UserConfigDir here", func(t *testing.T) {
		t.Setenv("XDG_CONFIG_HOME", filepath.Join(t.TempDir(), "配置 目录"))
		base, err := os.UserConfigDir()
		if err != nil {
			t.Skip(err)
		}
		got, err := appDataDir(runtime.GOOS, os.Getenv)
		if err != nil || got != filepath.Join(base, "seller-assistant") {
			t.Fatalf("appDataDir = %q, %v; os.UserConfigDir gives %q", got, err, base)
		}
	})
}
