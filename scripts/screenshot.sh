#!/usr/bin/env bash
# Takes the README's screenshots of the real window under Xvfb, on a fresh
# demo workspace, in English and Chinese: docs/screenshot-en.png and
# docs/screenshot-zh.png. Run through `make screenshot`.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs
display=:77
Xvfb $display -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
for lang in en zh; do
	home=$(mktemp -d)
	locale=C.UTF-8
	[ "$lang" = zh ] && locale=zh_CN.UTF-8
	HOME=$home XDG_CONFIG_HOME=$home/.config LANG=$locale DISPLAY=$display ./bin/seller-assistant >/dev/null 2>&1 &
	app=$!
	sleep "${SHOT_WAIT:-6}"
	DISPLAY=$display import -window root "docs/screenshot-$lang.png"
	kill $app 2>/dev/null || true
	wait $app 2>/dev/null || true
	rm -rf "$home"
	echo "docs/screenshot-$lang.png"
done
