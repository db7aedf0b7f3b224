#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# deb-build.sh OUTDIR - build gpioclx-dkms_<version>_all.deb into OUTDIR
# with Debian's own tools (dpkg-buildpackage, debhelper, dh-dkms). The
# packaging lives in userspace/deb/ (the top level keeps no debian/): it is
# copied, with the module sources, into OUTDIR/gpioclx-<version>/debian.
# The version is dkms.conf's PACKAGE_VERSION. Prints the .deb's path last.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=host-lib.sh
. "$HERE/host-lib.sh"

OUTDIR=${1:?usage: deb-build.sh OUTDIR}
VERSION=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$ROOT/dkms.conf")
[ -n "$VERSION" ] || die "no PACKAGE_VERSION in dkms.conf"
ensure_pkgs dpkg-dev debhelper dh-dkms

SRC=$OUTDIR/gpioclx-$VERSION
rm -rf "$OUTDIR"
mkdir -p "$SRC"
cp -a "$ROOT/Makefile" "$ROOT/Kbuild.client" "$ROOT/Kconfig" "$ROOT/dkms.conf" "$ROOT/README.md" "$ROOT/include" \
	"$ROOT/shim" "$ROOT/drivers" "$SRC/"
# a by-hand "make -C $KDIR M=$PWD" leaves Kbuild outputs in the tree
find "$SRC" \( -name '*.o' -o -name '*.ko' -o -name '.*.cmd' -o -name '*.mod' -o -name '*.mod.c' \
	-o -name '*.a' -o -name modules.order -o -name Module.symvers \) -delete
cp -a "$HERE/deb" "$SRC/debian"
describe=$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo "(no git)")
sed -e "s/@VERSION@/$VERSION/" -e "s/@DESCRIBE@/$describe/" -e "s/@DATE@/$(date -R)/" \
	"$SRC/debian/changelog.in" >"$SRC/debian/changelog"
rm "$SRC/debian/changelog.in"

(cd "$SRC" && dpkg-buildpackage -b --no-sign) >"$OUTDIR/build.log" 2>&1 ||
	{ cat "$OUTDIR/build.log" >&2; die "dpkg-buildpackage failed"; }
deb=$OUTDIR/gpioclx-dkms_${VERSION}_all.deb
[ -f "$deb" ] || die "no $deb"
echo "$deb"
