#!/bin/bash
# debian-kernel.sh ARCH [SERIES]   (ARCH = amd64 | arm64, SERIES = 6.1 | 6.12)
#
# Make Debian's current stock kernel of SERIES (default $KSERIES, else 6.1:
# bookworm's own; 6.12 is bookworm-security's linux-image-6.12-ARCH) for
# ARCH usable from this host:
# host tools installed, kernel image downloaded and (partly) extracted,
# headers ready for out-of-tree module builds.  Prints, and only prints,
# eval-able assignments on stdout:
#   KREL=6.1.0-56-arm64 (or 6.12.117+deb12-arm64) KDIR=... KIMAGE=.../vmlinuz-... KMODDIR=.../lib/modules/KREL
#   CROSS_COMPILE=aarch64-linux-gnu-   (empty for amd64)
# Usage: eval "$(userspace/debian-kernel.sh arm64)"
#
# Idempotent and quiet when everything is cached (< 2 s: one apt-cache
# call resolves the ABI, then a stamp short-circuits the rest).  The ABI
# is resolved from the metapackage on every run because old ABIs vanish
# from the archive with each security upload.
#
# Environment:
#   GPIOCLX_CACHE      cache root (default ${XDG_CACHE_HOME:-$HOME/.cache}/gpioclx-linux)
#   GPIOCLX_KMOD_EXTRA more tar globs under lib/modules/KREL/ to extract
#                      from the image (default set: gpio, configfs, gpio_keys, evdev)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=host-lib.sh
. "$HERE/host-lib.sh"

ARCH=${1:-}
check_arch "$ARCH"
SERIES=${2:-${KSERIES:-6.1}}
case $SERIES in
6.1 | 6.12) ;;
*) die "unknown kernel series '$SERIES' (want 6.1 or 6.12)" ;;
esac

# Stock modules worth having in a guest: gpiolib consumers to hang off our
# chips, configfs (=m on amd64).  Small, so extraction stays ~2 s.
KMOD_GLOBS=(modules.order modules.builtin modules.builtin.modinfo
	'kernel/fs/configfs/*' 'kernel/drivers/gpio/*' kernel/drivers/input/evdev.ko
	'kernel/drivers/input/keyboard/gpio_keys*.ko')
read -r -a _extra <<<"${GPIOCLX_KMOD_EXTRA:-}" # read -a: no pathname expansion
KMOD_GLOBS+=("${_extra[@]}")

# host_packages: what the host needs to build for and boot ARCH guests.
# NEVER the arm64 headers package: its gcc-12:arm64 dependency makes apt
# remove the native and cross compilers (feasibility-arm64.md §2a).
host_packages() {
	local common=(busybox-static cpio gzip kmod socat linux-kbuild-6.1 make gcc binutils util-linux)
	case $ARCH in
	amd64) ensure_pkgs "${common[@]}" qemu-system-x86 ;;
	arm64) ensure_pkgs "${common[@]}" qemu-system-arm gcc-aarch64-linux-gnu libc6-dev-arm64-cross ;;
	esac
}

# resolve: set KREL/KVER from the metapackage's exact dependency,
# e.g. "Depends: linux-image-6.1.0-56-arm64 (= 6.1.192-2)" or, for 6.12,
# "Depends: linux-image-6.12.117+deb12-arm64 (= 6.12.117-1~deb12u1)".
# One apt-cache call (~0.8 s) gives both the ABI and the version to pin.
resolve() {
	local meta pat show sfx
	# the series' metapackages: bookworm's default names 6.1 by none
	[ "$SERIES" = 6.1 ] && sfx= || sfx=-$SERIES
	case $ARCH in
	amd64) meta=linux-headers$sfx-amd64 pat=linux-headers- ;;
	arm64) meta=linux-image$sfx-arm64:arm64 pat=linux-image- ;;
	esac
	show=$(apt-cache show --no-all-versions "$meta" 2>/dev/null || true)
	if [ -z "$show" ]; then
		apt_update
		show=$(apt-cache show --no-all-versions "$meta" 2>/dev/null) ||
			die "apt knows no $meta"
	fi
	read -r KREL KVER < <(printf '%s\n' "$show" |
		sed -n "s/^Depends:.*${pat}\(${SERIES//./\\.}\.[0-9][^ ]*-$ARCH\) (= \([^)]*\)).*/\1 \2/p" | head -1)
	[ -n "${KREL:-}" ] || die "cannot parse the kernel ABI from $meta"
	ABI=${KREL%-"$ARCH"}
	# the host's kbuild helpers: one package per series for 6.1, one per
	# ABI later (linux-kbuild-6.12.117+deb12)
	[ "$SERIES" = 6.1 ] && KBUILD=linux-kbuild-6.1 || KBUILD=linux-kbuild-$ABI
	DIR=$GPIOCLX_CACHE/debian/$ARCH/$KREL
	IMG=$DIR/image
	KIMAGE=$IMG/boot/vmlinuz-$KREL
	KMODDIR=$IMG/lib/modules/$KREL
	case $ARCH in
	amd64) KDIR=/usr/src/linux-headers-$KREL CROSS_COMPILE= ;;
	arm64) KDIR=$DIR/headers/usr/src/linux-headers-$KREL CROSS_COMPILE=aarch64-linux-gnu- ;;
	esac
}

# stamp_text: what a finished cache dir was made from; a change (another
# version, more module globs) re-extracts from the cached .debs.
stamp_text() { printf 'KVER=%s\nGLOBS=%s\n' "$KVER" "${KMOD_GLOBS[*]}"; }

ready() {
	[ -f "$DIR/.stamp" ] && [ "$(cat "$DIR/.stamp")" = "$(stamp_text)" ] &&
		[ -f "$KIMAGE" ] && [ -f "$KDIR/.config" ]
}

# download: the debs of exactly this ABI and version.
download() {
	local pkgs=("linux-image-$KREL:$ARCH=$KVER")
	[ "$ARCH" = arm64 ] && pkgs+=("linux-headers-$KREL:arm64=$KVER" "linux-headers-$ABI-common=$KVER")
	local p name missing=()
	for p in "${pkgs[@]}"; do
		name=${p%%[:=]*}
		compgen -G "$DIR/debs/${name}_${KVER}_*.deb" >/dev/null || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	msg "downloading ${missing[*]}"
	apt_download "$DIR/debs" "${missing[@]}"
}

# extract_image: boot/ plus a few modules, not the 400 MB module tree.
# The .deb ships no modules.dep (postinst makes it), so run depmod.
extract_image() {
	local globs=(./boot/vmlinuz-* ./boot/config-*) g
	for g in "${KMOD_GLOBS[@]}"; do globs+=("./lib/modules/$KREL/$g"); done
	rm -rf "$IMG"
	mkdir -p "$IMG"
	# tar complains about globs matching nothing (configfs is =y on some
	# arches); only the kernel image is essential, checked below.
	dpkg-deb --fsys-tarfile "$DIR"/debs/linux-image-"${KREL}"_"${KVER}"_*.deb |
		tar -x -C "$IMG" --wildcards --no-anchored "${globs[@]}" 2>/dev/null || true
	[ -f "$KIMAGE" ] || die "no $KIMAGE in the image package"
	depmod -b "$IMG" "$KREL"
}

# extract_headers_arm64: route a' of feasibility-arm64.md: dpkg -x the
# arm64 headers + common, point the 2-line Makefile at the extracted
# common tree, and let the host's (arch-neutral) kbuild helpers serve
# the scripts/ and tools/ symlinks.
extract_headers_arm64() {
	local h=$DIR/headers
	rm -rf "$h"
	dpkg -x "$DIR"/debs/linux-headers-"${KREL}"_"${KVER}"_arm64.deb "$h" || return 1
	dpkg -x "$DIR"/debs/linux-headers-"${ABI}"-common_"${KVER}"_all.deb "$h" || return 1
	sed -i "s#^include /usr/src/#include $h/usr/src/#" "$KDIR/Makefile"
	mkdir -p "$h/usr/lib"
	ln -sfn "/usr/lib/$KBUILD" "$h/usr/lib/$KBUILD"
}

# prepare: runs in a subshell under with_lock, inside an "&&" list where
# bash ignores set -e, hence the explicit "|| return 1" on every step.
prepare() {
	ready && return 0
	download || return 1
	extract_image || return 1
	case $ARCH in
	amd64) ensure_pkgs "linux-headers-$KREL" || return 1 ;;
	arm64) extract_headers_arm64 || return 1 ;;
	esac
	[ -f "$KDIR/.config" ] || die "headers not usable: no $KDIR/.config"
	stamp_text >"$DIR/.stamp"
	msg "ready: $KREL ($KVER) in $DIR"
	prune_old
}

# prune_old: each ABI costs ~100-280 MB of cache; keep this one and the
# newest older one of the same series (modules built a moment ago may still want it).
prune_old() {
	local old
	for old in $(compgen -G "$GPIOCLX_CACHE/debian/$ARCH/$SERIES.*-$ARCH" | grep -vx "$DIR" | sort -V | head -n -1); do
		msg "pruning old kernel cache $old"
		rm -rf "$old" "$old.lock"
	done
}

# prepare_or_refresh: stale apt lists can name an ABI that has already
# left the archive; then refresh the lists, re-resolve and try once more.
prepare_or_refresh() {
	with_lock "$DIR.lock" prepare && return 0
	msg "preparing $KREL failed; refreshing apt lists and re-resolving"
	[ -f "$DIR/.stamp" ] || rm -rf "$DIR" "$DIR.lock"
	apt_update
	resolve
	with_lock "$DIR.lock" prepare
}

main() {
	host_packages
	ensure_foreign_arch "$ARCH"
	resolve
	# arm64 headers run the host's kbuild helpers (amd64's depend on them)
	[ "$ARCH" = amd64 ] || ensure_pkgs "$KBUILD"
	# (amd64 headers are a host package: ready() checks them every run)
	ready || prepare_or_refresh
	printf 'KREL=%q\nKDIR=%q\nKIMAGE=%q\nKMODDIR=%q\nCROSS_COMPILE=%q\n' \
		"$KREL" "$KDIR" "$KIMAGE" "$KMODDIR" "$CROSS_COMPILE"
}

main
