#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# deb-check.sh DEB - the gpioclx-dkms package on this machine: dpkg -i
# has DKMS build and install the modules for each kernel whose headers
# are installed (with no headers for the running kernel, Debian's dkms
# postinst builds for every kernel in /lib/modules; otherwise for the
# running and the newest one), then dpkg --purge leaves no trace in dkms,
# /usr/src or /lib/modules. Prints "deb: N passed, M failed".
# Needs root. An installed gpioclx-dkms is purged first (and not put back).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=host-lib.sh
. "$HERE/host-lib.sh"

DEB=${1:?usage: deb-check.sh DEB}
PKG=gpioclx-dkms
NAME=gpioclx
MODULES=(gpioclx gpioclx-sim gpioclx-pl061 gpioclx-pca9555 gpioclx-i2c-sim)
[ "$(id -u)" = 0 ] || die "needs root (dpkg)"
ensure_pkgs dkms
use_ccache
VERSION=$(dpkg-deb -f "$DEB" Version)

pass=0 fail=0
LOG=$(mktemp)
check() { # check NAME CMD...: one result; the command's output only if it failed
	if "${@:2}" >"$LOG" 2>&1; then
		echo "PASS deb.$1"
		pass=$((pass + 1))
	else
		echo "FAIL deb.$1"
		tail -n 40 "$LOG"
		fail=$((fail + 1))
	fi
}

purge() { dpkg --purge "$PKG" >/dev/null 2>&1 || true; }
if dpkg-query -W "$PKG" >/dev/null 2>&1; then
	msg "purging the $PKG already installed"
	purge
fi
trap 'purge; rm -f "$LOG"' EXIT

# kernels DKMS is expected to build for: this machine's with headers
kernels=()
for d in /lib/modules/*/build; do
	[ -f "$d/.config" ] && kernels+=("$(basename "$(dirname "$d")")")
done
[ ${#kernels[@]} -gt 0 ] || die "no kernel headers installed (make deps installs them)"
running=$(uname -r)
if [ -f "/lib/modules/$running/build/.config" ] && [ -z "${autoinstall_all_kernels:-}" ]; then
	newest=$(printf '%s\n' "${kernels[@]}" | sort -V | tail -n 1)
	kernels=("$running")
	[ "$newest" = "$running" ] || kernels+=("$newest")
fi

t0=$SECONDS
check install dpkg -i "$DEB"
echo "  dpkg -i: $((SECONDS - t0)) s"
dkms status "$NAME"
for k in "${kernels[@]}"; do
	check "status.$k" bash -c "dkms status -m $NAME -v $VERSION -k $k | grep -q ': installed'"
	for m in "${MODULES[@]}"; do
		ko=$(compgen -G "/lib/modules/$k/updates/dkms/$m.ko*" | head -1 || true)
		check "module.$k.$m" test -n "$ko"
		[ -z "$ko" ] || check "modinfo.$k.$m" bash -c "modinfo -k $k -F vermagic $m | grep -q '^$k '"
	done
done

t0=$SECONDS
check purge dpkg --purge "$PKG"
echo "  dpkg --purge: $((SECONDS - t0)) s"
check dkms-empty test -z "$(dkms status "$NAME")"
check src-gone test ! -e "/usr/src/$NAME-$VERSION"
for k in "${kernels[@]}"; do
	check "modules-gone.$k" bash -c "! compgen -G '/lib/modules/$k/updates/dkms/gpioclx*'"
done

echo "deb: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
