#!/usr/bin/env bash
# make dist: every release artifact into dist/, from FyneApp.toml's version.
#   SellerAssistant-V-windows-amd64.zip        portable .exe (icon, version info)
#   SellerAssistant-V-windows-amd64-setup.exe  NSIS installer, per user, no admin
#   seller-assistant-V-linux-amd64.tar.xz      fyne package: binary, .desktop, icon, Makefile
#   seller-assistant_V_amd64.deb               /usr/bin, .desktop + MIME type, hicolor icons
# Both binaries are built by `fyne package -release` (fyne.io/tools, pinned
# below): it writes the Windows resource (.syso: icon, manifest, version
# info) and links with -H=windowsgui -s -w. The Windows one is cross-built
# with mingw-w64; its first (cold) build compiles GLFW's C code for Windows,
# 5-13 minutes on 2 cores, then the Go build cache makes it seconds.
# DIST_SKIP_WINDOWS=1 or DIST_SKIP_LINUX=1 builds only the other half.
set -euo pipefail
cd "$(dirname "$0")/.."

FYNE_TOOLS=fyne.io/tools/cmd/fyne@v1.7.4
ROOT=$PWD
VERSION=$(sed -n 's/^Version *= *"\(.*\)"$/\1/p' FyneApp.toml | head -n1)
APPID=$(sed -n 's/^ID *= *"\(.*\)"$/\1/p' FyneApp.toml | head -n1)
[ -n "$VERSION" ] && [ -n "$APPID" ] || { echo "dist: no Version/ID in FyneApp.toml" >&2; exit 1; }
DIST=$ROOT/dist
WORK=$DIST/build
NICE=${DIST_NICE:-nice -n 10}   # the CPU is shared: builds yield to others

need() { command -v "$1" >/dev/null || { echo "dist: $1 is missing (make dist-deps installs it)" >&2; exit 1; }; }
step() { echo "== $* ($(date +%T))"; }

# The fyne CLI, pinned, in bin/ so a clean clone gets the same one.
FYNE=$ROOT/bin/tools/fyne
if [ ! -x "$FYNE" ] || ! "$FYNE" version 2>/dev/null | grep -q 'v1.7.4'; then
	step "installing $FYNE_TOOLS"
	GOBIN=$ROOT/bin/tools $NICE go install "$FYNE_TOOLS"
fi

rm -rf "$WORK"
mkdir -p "$DIST" "$WORK"
rm -f "$DIST"/*-"$VERSION"[-_]* "$DIST"/*_"$VERSION"_*

icon_sizes() { # dir sizes...: the app icon at each size (icon.png is 512x512)
	local dir=$1; shift
	for s in "$@"; do
		mkdir -p "$dir/${s}x${s}/apps"
		convert assets/icon.png -resize "${s}x${s}" -strip "$dir/${s}x${s}/apps/$APPID.png"
	done
}

# ---------------------------------------------------------------- Windows
if [ "${DIST_SKIP_WINDOWS:-}" != 1 ]; then
	need x86_64-w64-mingw32-gcc; need makensis; need convert; need zip
	step "windows: fyne package -os windows -release (cross, mingw-w64)"
	t0=$SECONDS
	# fyne package builds in the source folder and leaves "<Name>.exe" there.
	rm -f "Seller Assistant.exe"
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$NICE "$FYNE" package -os windows -release
	mkdir -p "$WORK/win"
	mv "Seller Assistant.exe" "$WORK/win/SellerAssistant.exe"
	echo "windows build: $((SECONDS - t0)) s"

	step "windows: portable zip"
	cp packaging/windows/README.txt "$WORK/win/README.txt"
	(cd "$WORK/win" && $NICE zip -q -9 -X "$DIST/SellerAssistant-$VERSION-windows-amd64.zip" SellerAssistant.exe README.txt)

	step "windows: NSIS installer"
	# The installer's icon, from the same PNG; Windows picks the size it needs.
	convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 "$WORK/win/app.ico"
	# /V2: warnings and errors only; /WX: a warning fails the build.
	$NICE makensis -V2 -WX -INPUTCHARSET UTF8 \
		-DVERSION="$VERSION" -DAPPID="$APPID" \
		-DEXE="$WORK/win/SellerAssistant.exe" -DICON="$WORK/win/app.ico" \
		-DOUTFILE="$DIST/SellerAssistant-$VERSION-windows-amd64-setup.exe" \
		packaging/windows/installer.nsi
fi

# ------------------------------------------------------------------ Linux
if [ "${DIST_SKIP_LINUX:-}" != 1 ]; then
	need dpkg-deb; need dpkg-shlibdeps; need convert; need xz
	step "linux: fyne package -os linux -release"
	t0=$SECONDS
	rm -f "Seller Assistant.tar.xz"
	CGO_ENABLED=1 $NICE "$FYNE" package -os linux -release
	mv "Seller Assistant.tar.xz" "$DIST/seller-assistant-$VERSION-linux-amd64.tar.xz"
	echo "linux build: $((SECONDS - t0)) s"

	step "linux: .deb"
	mkdir -p "$WORK/tar"
	tar -xJf "$DIST/seller-assistant-$VERSION-linux-amd64.tar.xz" -C "$WORK/tar"
	bin=$(find "$WORK/tar" -path '*/bin/seller-assistant' -type f)
	[ -n "$bin" ] || { echo "dist: no bin/seller-assistant in the tarball" >&2; exit 1; }
	pkg=$WORK/deb
	install -Dm0755 "$bin" "$pkg/usr/bin/seller-assistant"
	install -Dm0644 packaging/linux/seller-assistant.desktop "$pkg/usr/share/applications/$APPID.desktop"
	install -Dm0644 packaging/linux/seller-assistant-mime.xml "$pkg/usr/share/mime/packages/seller-assistant.xml"
	icon_sizes "$pkg/usr/share/icons/hicolor" 16 22 24 32 48 64 128 256 512
	install -Dm0644 packaging/linux/copyright "$pkg/usr/share/doc/seller-assistant/copyright"
	sed "s/@VERSION@/$VERSION/; s/@DATE@/$(date -R -d @"$(git log -1 --format=%ct 2>/dev/null || date +%s)")/" \
		packaging/linux/changelog | gzip -9n > "$pkg/usr/share/doc/seller-assistant/changelog.gz"
	mkdir -p "$pkg/usr/share/man/man1"
	sed "s/@VERSION@/$VERSION/" packaging/linux/seller-assistant.1 | gzip -9n > "$pkg/usr/share/man/man1/seller-assistant.1.gz"
	# Depends: the shared libraries the binary links (libGL, libX11, libc …),
	# as dpkg-shlibdeps maps them to packages on the build machine.
	mkdir -p "$WORK/shlibs/debian"
	printf 'Source: seller-assistant\n\nPackage: seller-assistant\nArchitecture: amd64\n' > "$WORK/shlibs/debian/control"
	depends=$(cd "$WORK/shlibs" && dpkg-shlibdeps -O "$pkg/usr/bin/seller-assistant" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
	[ -n "$depends" ] || { echo "dist: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
	# GLFW loads the X extension libraries with dlopen (x11_init.c), so they
	# are in neither the ELF's NEEDED nor ldd's list; without them there is
	# no cursor theme, no monitor layout, no raw input. make dist-test checks
	# this list against the sonames in the binary.
	depends="$depends, libx11-xcb1, libxcursor1, libxi6, libxinerama1, libxrandr2, libxrender1, libxxf86vm1"
	mkdir -p "$pkg/DEBIAN"
	sed -e "s/@VERSION@/$VERSION/" -e "s/@DEPENDS@/$depends/" \
		-e "s/@SIZE@/$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)/" \
		packaging/linux/control > "$pkg/DEBIAN/control"
	find "$pkg" -type d -exec chmod 0755 {} +
	# --root-owner-group: every file root:root in the archive, whoever builds.
	dpkg-deb --root-owner-group -Zxz --build "$pkg" "$DIST/seller-assistant_${VERSION}_amd64.deb" >/dev/null
fi

step "done"
ls -l "$DIST" | grep -v '^total\|build$'
