#!/bin/bash
# initramfs.sh --arch ARCH --out FILE [options] [FILE...]
#
# Build a gzip'ed newc cpio for an ARCH guest: Debian's busybox-static,
# gpiod tools (libgpiod 1.6) with libgpiod2 and libc, our /init and guest
# library, plus whatever is named on the command line:
#   *.ko   -> /modules/          (our modules; insmod /modules/gpioclx.ko)
#   *.sh   -> /test/             (scenario scripts)
#   other  -> /usr/bin/          (static test programs, e.g. gpio_v2_test)
# Options:
#   --arch amd64|arm64     guest architecture (required)
#   --out FILE             output (required)
#   --kmoddir DIR          lib/modules/KREL of the extracted image (default $KMODDIR)
#   --stock NAME           add a stock module + its deps from --kmoddir, with a
#                          modules.dep so busybox modprobe works (repeatable)
#   --init FILE            /init (default userspace/guest/init.sh)
#   --file SRC=DEST        any file at an absolute guest path (repeatable)
#   --acpi-table FILE.aml  an ACPI table for the kernel's initrd table upgrade
#                          (CONFIG_ACPI_TABLE_UPGRADE): put in an uncompressed
#                          cpio at kernel/firmware/acpi/, ahead of the rest,
#                          where the kernel looks for it early (repeatable)
#
# The userland (debs extracted, pruned to what the ELF files need) is
# cached as a base cpio; each build only appends a small second cpio
# (the kernel unpacks concatenated archives in order), so it takes well
# under a second.  Set GPIOCLX_REFRESH=1 to re-fetch the userland.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=host-lib.sh
. "$HERE/host-lib.sh"

ARCH='' OUT='' INIT=$HERE/guest/init.sh KMODDIR_ARG=${KMODDIR:-}
STOCK=() EXTRA=() TABLES=()

usage() { sed -n '2,24s/^# \{0,1\}//p' "$0" >&2; exit 64; }

parse_args() {
	while [ $# -gt 0 ]; do
		case $1 in
		--arch) ARCH=$2; shift 2 ;;
		--out) OUT=$2; shift 2 ;;
		--kmoddir) KMODDIR_ARG=$2; shift 2 ;;
		--stock) STOCK+=("$2"); shift 2 ;;
		--init) INIT=$2; shift 2 ;;
		--file) EXTRA+=("$2"); shift 2 ;;
		--acpi-table) TABLES+=("$2"); shift 2 ;;
		-h | --help) usage ;;
		-*) die "unknown option $1" ;;
		*) EXTRA+=("$1"); shift ;;
		esac
	done
	check_arch "$ARCH"
	[ -n "$OUT" ] || die "--out FILE is required"
}

# guest_dest FILE: where a bare command-line file goes in the guest.
guest_dest() {
	case $1 in
	*=/*) echo "${1#*=}" ;;
	*.ko) echo "/modules/${1##*/}" ;;
	*.sh) echo "/test/${1##*/}" ;;
	*) echo "/usr/bin/${1##*/}" ;;
	esac
}

# copy_needed ROOT FULL ELF: copy ELF's interpreter and DT_NEEDED
# libraries (recursively) from the extracted packages FULL into ROOT at
# the same paths: ld.so then finds them without an ld.so.cache.
copy_needed() {
	local root=$1 full=$2 elf=$3 lib d found interp
	interp=$(readelf -lW "$elf" | sed -n 's/.*program interpreter: \(.*\)]/\1/p')
	if [ -n "$interp" ] && [ ! -e "$root$interp" ]; then
		install -D -m755 "$(readlink -f "$full$interp")" "$root$interp"
	fi
	for lib in $(readelf -dW "$elf" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
		found=
		for d in lib/$TRIPLET usr/lib/$TRIPLET lib usr/lib; do
			[ -e "$full/$d/$lib" ] || continue
			found=$d/$lib
			break
		done
		[ -n "$found" ] || die "$elf needs $lib, not in the extracted packages"
		[ -e "$root/$found" ] && continue
		install -D -m755 "$(readlink -f "$full/$found")" "$root/$found"
		copy_needed "$root" "$full" "$root/$found"
	done
}

# build_base: download + extract the arch's userland packages once and
# pack the pruned tree as base.cpio.gz.
build_base() {
	local u=$1 full=$1/full root=$1/root p t
	local pkgs=(busybox-static libc6 libgpiod2 gpiod)
	rm -rf "$u/debs" "$full" "$root"
	ensure_foreign_arch "$ARCH"
	msg "fetching the $ARCH guest userland: ${pkgs[*]}"
	apt_download "$u/debs" "${pkgs[@]/%/:$ARCH}" || { apt_update && apt_download "$u/debs" "${pkgs[@]/%/:$ARCH}"; } ||
		die "cannot download the guest userland"
	for p in "${pkgs[@]}"; do dpkg -x "$u"/debs/"${p}"_*_"$ARCH".deb "$full"; done
	mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,tmp,run,modules,test,lib/modules}
	install -m755 "$full/bin/busybox" "$root/bin/busybox"
	for t in gpiodetect gpioinfo gpioget gpioset gpiomon gpiofind; do
		install -m755 "$full/usr/bin/$t" "$root/usr/bin/$t"
		copy_needed "$root" "$full" "$root/usr/bin/$t"
	done
	(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0 | gzip -1) >"$u/base.cpio.gz.tmp"
	mv "$u/base.cpio.gz.tmp" "$u/base.cpio.gz"
	rm -rf "$full"
	date -u +%FT%TZ >"$u/.stamp"
}

base_cpio() {
	local u=$GPIOCLX_CACHE/debian/$ARCH/userland
	if [ -n "${GPIOCLX_REFRESH:-}" ] || [ ! -f "$u/.stamp" ] || [ ! -f "$u/base.cpio.gz" ]; then
		with_lock "$u.lock" build_base "$u"
	fi
	BASE=$u/base.cpio.gz
}

# add_stock ROOT: stock modules + dependencies, with a modules.dep made
# by the host's depmod (busybox modprobe reads it).
add_stock() {
	local root=$1 img krel ko name
	[ ${#STOCK[@]} -eq 0 ] && return 0
	[ -d "$KMODDIR_ARG" ] || die "--stock needs --kmoddir (or \$KMODDIR from debian-kernel.sh)"
	krel=${KMODDIR_ARG##*/}
	img=${KMODDIR_ARG%/lib/modules/*}
	# one name per modprobe: it takes further words as the first one's parameters
	for name in "${STOCK[@]}"; do
		for ko in $(modprobe -d "$img" -S "$krel" --show-depends "$name" | awk '$1 == "insmod" { print $2 }'); do
			install -D -m644 "$ko" "$root${ko#"$img"}"
		done
	done
	mkdir -p "$root/lib/modules/$krel"
	cp "$KMODDIR_ARG"/modules.{order,builtin,builtin.modinfo} "$root/lib/modules/$krel/" 2>/dev/null || true
	depmod -b "$root" "$krel"
}

main() {
	parse_args "$@"
	TRIPLET=$(arch_triplet "$ARCH")
	base_cpio
	local top f dest
	top=$(mktemp -d)
	# shellcheck disable=SC2064 # expand now: top is local
	trap "rm -rf '$top' '$top.early'" EXIT
	mkdir -p "$top/test" "$top/modules"
	install -m755 "$INIT" "$top/init"
	install -m644 "$HERE/guest/lib.sh" "$top/test/lib.sh"
	for f in "${EXTRA[@]}"; do
		dest=$(guest_dest "$f")
		f=${f%%=/*}
		[ -f "$f" ] || die "no such file: $f"
		install -D -m755 "$f" "$top$dest"
	done
	add_stock "$top"
	mkdir -p "$(dirname "$OUT")" "$top.early/kernel/firmware/acpi"
	for f in "${TABLES[@]}"; do
		[ -f "$f" ] || die "no such ACPI table: $f"
		install -m644 "$f" "$top.early/kernel/firmware/acpi/"
	done
	{
		# the table upgrade reads only an uncompressed cpio at the start
		[ ${#TABLES[@]} -eq 0 ] ||
			(cd "$top.early" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0)
		cat "$BASE"
		(cd "$top" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0 | gzip -1)
	} >"$OUT.tmp"
	mv "$OUT.tmp" "$OUT"
}

main "$@"
