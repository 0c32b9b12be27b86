#!/usr/bin/env bash
# Fetches the pinned echarts build into this directory so `go build` can embed
# it. The minified file is not committed (1 MB of generated code); VERSION is the
# single source of truth, and .fetched records which version the file on disk
# came from so a bump of VERSION re-fetches instead of silently keeping the old one.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

version="$(tr -d '[:space:]' < VERSION)"
if [[ -z "$version" ]]; then
	echo "fetch.sh: VERSION is empty" >&2
	exit 1
fi

out=echarts.min.js
stamp=.fetched
if [[ -s "$out" && -f "$stamp" && "$(tr -d '[:space:]' < "$stamp")" == "$version" ]]; then
	exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
	echo "fetch.sh: npm is needed to fetch echarts@$version (it comes from the npm registry)" >&2
	exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# npm pack downloads the published tarball without installing anything or
# running package scripts.
tarball="$(cd "$tmp" && npm pack --silent "echarts@$version" | tail -n 1)"
if [[ ! -f "$tmp/$tarball" ]]; then
	echo "fetch.sh: npm pack echarts@$version produced no tarball" >&2
	exit 1
fi
tar -xzf "$tmp/$tarball" -C "$tmp" package/dist/echarts.min.js

if [[ ! -s "$tmp/package/dist/echarts.min.js" ]]; then
	echo "fetch.sh: echarts@$version has no dist/echarts.min.js or it is empty" >&2
	exit 1
fi

# Write to a temp name in this directory and rename, so an interrupted run never
# leaves a truncated file that the next run would take for a good one.
cp "$tmp/package/dist/echarts.min.js" "$out.tmp"
mv -f "$out.tmp" "$out"
printf '%s\n' "$version" > "$stamp"
echo "fetch.sh: echarts $version -> $(pwd)/$out ($(wc -c < "$out") bytes)"
