package screens

import (
	"net/url"
	"runtime"
	"strings"
)

// fileURL is the file: URL of an absolute path, for opening a file in the
// system's default program (the exported report in the browser, a note's
// attachment). On Linux a path is already a URL path. A Windows path is not:
// url.URL{Path: `C:\Users\张伟\店铺 报告.html`} would print as
// "file://C:%5CUsers…", which the shell cannot open. RFC 8089 wants
// file:///C:/Users/%E5%BC%A0%E4%BC%9F/… (forward slashes, a slash before the
// drive letter, the rest percent-encoded by url.URL), and a UNC path
// \\server\share\f becomes file://server/share/f.
func fileURL(path string) *url.URL { return fileURLFor(runtime.GOOS, path) }

func fileURLFor(goos, path string) *url.URL {
	if goos != "windows" {
		return &url.URL{Scheme: "file", Path: path}
	}
	p := strings.ReplaceAll(path, `\`, "/")
	if host, rest, ok := strings.Cut(strings.TrimPrefix(p, "//"), "/"); ok && strings.HasPrefix(p, "//") {
		return &url.URL{Scheme: "file", Host: host, Path: "/" + rest}
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}
