#!/usr/bin/env bash
# Takes the README's screenshots of the real window under Xvfb, on a fresh
# demo workspace: docs/screenshot-en.png and docs/screenshot-zh.png at
# 1280×800, and docs/screenshot-zh-1200x650.png, the Chinese window at a
# laptop's 1200×650 (a 1366×768 screen less the taskbar and title bar), to
# show it fits. Run through `make screenshot`.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs
display=${SHOT_DISPLAY:-:77}
Xvfb $display -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
# shot LANG NAME [WxH]: the window in LANG, saved as docs/screenshot-NAME.png;
# with a size, the window is resized to it first (xdotool) and the shot is
# that window alone.
shot() {
	local lang=$1 name=$2 size=${3:-}
	local home locale=C.UTF-8 app win
	home=$(mktemp -d)
	[ "$lang" = zh ] && locale=zh_CN.UTF-8
	HOME=$home XDG_CONFIG_HOME=$home/.config LANG=$locale DISPLAY=$display ./bin/seller-assistant >/dev/null 2>&1 &
	app=$!
	sleep "${SHOT_WAIT:-6}"
	# On a busy machine the first frame can come later: wait until the
	# screen is no longer one colour (up to 30 s more).
	for _ in $(seq 30); do
		DISPLAY=$display import -window root "docs/.shot-check.png"
		[ "$(identify -format %k docs/.shot-check.png)" -gt 50 ] && break
		sleep 1
	done
	rm -f docs/.shot-check.png
	if [ -n "$size" ]; then
		win=$(DISPLAY=$display xdotool search --pid $app | tail -n1)
		DISPLAY=$display xdotool windowsize "$win" "${size%x*}" "${size#*x}"
		sleep 2
		DISPLAY=$display import -window root -crop "$size+0+0" +repage "docs/screenshot-$name.png"
	else
		DISPLAY=$display import -window root "docs/screenshot-$name.png"
	fi
	kill $app 2>/dev/null || true
	wait $app 2>/dev/null || true
	rm -rf "$home"
	echo "docs/screenshot-$name.png"
}
shot en en
shot zh zh
shot zh zh-1200x650 1200x650
