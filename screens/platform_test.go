package screens

import (
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

// The Windows rules run on any machine: the system and its lookups are
// parameters, so CI on Linux checks what a Windows laptop will do.
func TestSystemLang(t *testing.T) {
	tests := []struct {
		name, goos string
		env        map[string]string
		system     string
		want       app.Lang
	}{
		{"Windows zh-CN", "windows", nil, "zh-CN", app.LangChinese},
		{"Windows zh-Hans-CN", "windows", nil, "zh-Hans-CN", app.LangChinese},
		{"Windows en-US", "windows", nil, "en-US", app.LangEnglish},
		// Git Bash or wine's host may leave a LANG behind; the Windows
		// locale still decides.
		{"Windows ignores a stray LANG", "windows", map[string]string{"LANG": "en_US.UTF-8"}, "zh-CN", app.LangChinese},
		{"Windows ignores a stray LANG (other way)", "windows", map[string]string{"LANG": "zh_CN.UTF-8"}, "en-GB", app.LangEnglish},
		{"Linux LANG", "linux", map[string]string{"LANG": "zh_CN.UTF-8"}, "en-US", app.LangChinese},
		{"Linux LC_ALL before LANG", "linux", map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "zh-CN", app.LangEnglish},
		{"Linux C locale", "linux", map[string]string{"LANG": "C"}, "zh-CN", app.LangEnglish},
		{"Linux nothing set asks the system", "linux", nil, "zh-CN", app.LangChinese},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			if got := systemLang(tt.goos, getenv, func() string { return tt.system }); got != tt.want {
				t.Fatalf("systemLang = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestFileURL(t *testing.T) {
	tests := []struct{ goos, path, want string }{
		{"linux", "/home/zw/店铺 报告.html", "file:///home/zw/%E5%BA%97%E9%93%BA%20%E6%8A%A5%E5%91%8A.html"},
		{"windows", `C:\Users\张伟\Documents\店铺 报告.html`,
			"file:///C:/Users/%E5%BC%A0%E4%BC%9F/Documents/%E5%BA%97%E9%93%BA%20%E6%8A%A5%E5%91%8A.html"},
		{"windows", `D:/shop/report.html`, "file:///D:/shop/report.html"},
		{"windows", `\\nas\共享\report.html`, "file://nas/%E5%85%B1%E4%BA%AB/report.html"},
	}
	for _, tt := range tests {
		t.Run(tt.goos+" "+tt.path, func(t *testing.T) {
			u := fileURLFor(tt.goos, tt.path)
			if got := u.String(); got != tt.want {
				t.Fatalf("fileURL = %s, want %s", got, tt.want)
			}
			if strings.Contains(u.String(), "%5C") {
				t.Fatal("a backslash leaked into the URL")
			}
		})
	}
}

// The About text shows app.Version, which package main sets from
// FyneApp.toml (TestAppVersion there checks that side).
func TestAboutShowsVersion(t *testing.T) {
	old := app.Version
	app.Version = "9.8.7-test"
	t.Cleanup(func() { app.Version = old })
	ts := newTestShell(t, demoWorkspace("/tmp/demo.sellerdb"))
	ts.Navigate("settings")
	if !strings.Contains(texts(ts.win.Content()), "9.8.7-test") {
		t.Fatal("the About card does not show app.Version")
	}
}
