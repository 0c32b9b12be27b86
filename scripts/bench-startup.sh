#!/usr/bin/env bash
# Cold start to first frame with the demo workspace: starts the real binary
# under Xvfb with --startup-probe RUNS times (default 10) and prints each
# figure and the median. The demo workspace is created once beforehand (the
# first start of a new user also creates it; that run is reported apart).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}
display=:78
Xvfb $display -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
probe() {
	HOME=$home XDG_CONFIG_HOME=$home/.config DISPLAY=$display ./bin/seller-assistant --startup-probe 2>/dev/null |
		sed -n 's/^first frame after \([0-9]*\) ms$/\1/p'
}
echo "first start (creates the demo workspace): $(probe) ms"
figures=()
for i in $(seq "$runs"); do
	figures+=("$(probe)")
done
echo "next starts (ms): ${figures[*]}"
printf '%s\n' "${figures[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms, min: " a[1] " ms, max: " a[NR] " ms"}'
