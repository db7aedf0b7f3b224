#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# dkms-check.sh [KERNELRELEASE...] - the top-level dkms.conf builds
# gpioclx.ko, gpioclx-sim.ko, gpioclx-pl061.ko, gpioclx-pca9555.ko and
# gpioclx-i2c-sim.ko with "dkms build" for each kernel whose headers are
# installed (default: every
# /usr/src/linux-headers-* tree with a .config, so both Debian 6.1 and
# 6.12 on a machine set up by "make deps"). One check per module and
# kernel; prints "dkms: N passed, M failed".
#
# It works on a copy of the tree under its own module name, gpioclx-check,
# so that an installed gpioclx-dkms package (or "make deb-check", running
# at the same time in "make check") is left alone, and it removes that
# module from dkms and /usr/src on exit: it can run again and again.
# Needs root (dkms writes /var/lib/dkms and /usr/src).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=host-lib.sh
. "$HERE/host-lib.sh"

MODULES=(gpioclx gpioclx-sim gpioclx-pl061 gpioclx-pca9555 gpioclx-i2c-sim)
NAME=gpioclx-check
VERSION=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$ROOT/dkms.conf")
[ -n "$VERSION" ] || die "no PACKAGE_VERSION in dkms.conf"
SRC=/usr/src/$NAME-$VERSION
ARCH=$(uname -m)

[ "$(id -u)" = 0 ] || die "needs root (dkms)"
ensure_pkgs dkms
use_ccache

# kernels: KERNELRELEASE=headers dir, from the arguments or /usr/src
declare -A kdirs=()
krel_of() { sed -n 's/^#define UTS_RELEASE "\(.*\)"/\1/p' "$1/include/generated/utsrelease.h" 2>/dev/null; }
if [ $# -gt 0 ]; then
	for k in "$@"; do kdirs[$k]=/usr/src/linux-headers-$k; done
else
	for d in /usr/src/linux-headers-*; do
		[ -f "$d/.config" ] || continue
		k=$(krel_of "$d")
		[ -n "$k" ] && kdirs[$k]=$d
	done
fi
[ ${#kdirs[@]} -gt 0 ] || die "no kernel headers in /usr/src (make deps installs them)"

cleanup() {
	dkms remove -m "$NAME" -v "$VERSION" --all >/dev/null 2>&1 || true
	rm -rf "$SRC" "/var/lib/dkms/$NAME/$VERSION"
	rmdir "/var/lib/dkms/$NAME" 2>/dev/null || true
}
cleanup # a previous run that was killed
trap cleanup EXIT

# What the package ships, nothing more (no userspace/, kunit/, .git).
mkdir -p "$SRC"
cp -a "$ROOT/Makefile" "$ROOT/Kbuild.client" "$ROOT/Kconfig" "$ROOT/dkms.conf" "$ROOT/include" "$ROOT/shim" \
	"$ROOT/drivers" "$SRC/"
find "$SRC" \( -name '*.o' -o -name '*.ko' -o -name '.*.cmd' -o -name '*.mod' -o -name '*.mod.c' \
	-o -name modules.order -o -name Module.symvers \) -delete
# its own name, and never installed by a "dkms autoinstall" meanwhile
sed -i -e "s/^PACKAGE_NAME=.*/PACKAGE_NAME=\"$NAME\"/" -e 's/^AUTOINSTALL=.*/AUTOINSTALL="no"/' \
	"$SRC/dkms.conf"
dkms add -m "$NAME" -v "$VERSION" >/dev/null

pass=0 fail=0
for k in $(printf '%s\n' "${!kdirs[@]}" | sort -V); do
	t0=$SECONDS
	if dkms build -m "$NAME" -v "$VERSION" -k "$k/$ARCH" --kernelsourcedir "${kdirs[$k]}" \
		>"/tmp/dkms-check.$k.log" 2>&1; then
		built=ok
	else
		built=failed
		tail -n 30 "/var/lib/dkms/$NAME/$VERSION/build/make.log" 2>/dev/null ||
			cat "/tmp/dkms-check.$k.log"
	fi
	for m in "${MODULES[@]}"; do
		ko=$(compgen -G "/var/lib/dkms/$NAME/$VERSION/$k/$ARCH/module/$m.ko*" | head -1 || true)
		vm=
		[ -n "$ko" ] && vm=$(modinfo -F vermagic "$ko" 2>/dev/null | cut -d' ' -f1)
		if [ "$built" = ok ] && [ "$vm" = "$k" ]; then
			echo "PASS dkms.$k.$m (${ko##*/})"
			pass=$((pass + 1))
		else
			echo "FAIL dkms.$k.$m (build $built, module '${ko##*/}', vermagic '$vm')"
			fail=$((fail + 1))
		fi
	done
	echo "  $k: dkms build $built in $((SECONDS - t0)) s"
	rm -f "/tmp/dkms-check.$k.log"
done

echo "dkms: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
