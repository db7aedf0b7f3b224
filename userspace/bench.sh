#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# bench.sh [--arch all|um|arm64] [--guest pl061,pca9555] [--reps N] [--keep-results]
#
# `make bench`: what the shim costs, as ratios against native drivers in
# the same kernel, the same boot and the same run. Not part of make check.
#
#   um     a UML kernel built here from Debian's linux-source-6.1 (non-debug,
#          userspace/bench/uml.config, in $GPIOCLX_CACHE/bench-um), booted on
#          the host's / through hostfs: gpioclx-sim.ko against gpio-sim and
#          gpio-mockup (gpio_bench, interleaved), the in-kernel
#          microbenchmark (gpioclx-bench.ko), client calls per batch, and
#          slab bytes per controller at bind for 8..4096 lines;
#   arm64  Debian's stock arm64 kernel in QEMU virt (TCG): the PL061 under
#          gpio-pl061 and under gpioclx-pl061, handed back and forth in one
#          boot (userspace/guest/bench_pl061.sh), and the microbenchmark;
#          then, in the same boot, a PCA9555 on the simulated I2C bus
#          (gpioclx-i2c-sim.ko) under gpio-pca953x and gpioclx-pca9555
#          (userspace/guest/benchi2c_pca9555.sh): get/set rates, events, and
#          bus transfers per call.
#
# Prints the table (userspace/bench/format.py) and, for a full run, writes
# it to userspace/bench/results.md. Logs: $GPIOCLX_CACHE/runs/bench-*.
# Options: --arch (default all); --guest which arm64 benchmarks run
# (pl061, pca9555 or both, the default); --reps N repetitions (default: um
# 15, arm64 3 per phase, 6 phases per driver for the PL061, 3 for the
# PCA9555); --keep-results leaves results.md alone (so does any --guest
# other than both).
# Installs what it needs (Debian packages) on a fresh machine.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=host-lib.sh
. "$HERE/host-lib.sh"

ARCHES=(um arm64) REPS='' KEEP='' GUESTS=(pl061 pca9555)
SRC=$GPIOCLX_CACHE/linux-source-6.1
UMLB=$GPIOCLX_CACHE/bench-um
OUT=$ROOT/.build/bench
JOBS=$(nproc)
RUN='' LOGS=() MACHINE=()
# set by debian-kernel.sh's output (eval)
KREL='' KDIR='' KIMAGE='' KMODDIR=''
# the bench kernel lifts 6.1's ARCH_NR_GPIOS (512 on UML) so that 4096-line
# chips can register; 6.2 and later have no such limit
UML_KCFLAGS=-DARCH_NR_GPIOS=8192

usage() { sed -n '3,25s/^# \{0,1\}//p' "$0" >&2; exit 64; }

parse_args() {
	while [ $# -gt 0 ]; do
		case $1 in
		--arch)
			case $2 in
			all) ARCHES=(um arm64) ;;
			um | arm64) ARCHES=("$2") ;;
			*) die "--arch all|um|arm64, not '$2'" ;;
			esac
			shift 2
			;;
		--guest)
			case $2 in
			pl061 | pca9555) GUESTS=("$2") ;;
			pl061,pca9555 | pca9555,pl061) GUESTS=(pl061 pca9555) ;;
			*) die "--guest pl061|pca9555|pl061,pca9555, not '$2'" ;;
			esac
			shift 2
			;;
		--reps) REPS=$2; shift 2 ;;
		--keep-results) KEEP=1; shift ;;
		-h | --help) usage ;;
		*) die "unknown argument $1" ;;
		esac
	done
}

T0=$(date +%s)
step() { msg "[$(($(date +%s) - T0))s] $*"; }

host_deps() {
	ensure_pkgs build-essential bc bison flex libelf-dev libssl-dev python3 rsync xz-utils \
		linux-source-6.1 gpiod libgpiod-dev busybox-static kmod
}

# unpack_source: Debian's linux-source-6.1, once, shared with kunit/run.sh
# (same directory and stamp).
unpack_source() {
	local tarball=/usr/src/linux-source-6.1.tar.xz stamp
	stamp=$(stat -c '%s %Y' "$tarball")
	[ -f "$SRC/.gpioclx-stamp" ] && [ "$(cat "$SRC/.gpioclx-stamp")" = "$stamp" ] && return 0
	msg "unpacking $tarball into $GPIOCLX_CACHE"
	rm -rf "$SRC" "$UMLB"
	mkdir -p "$GPIOCLX_CACHE"
	tar -xJf "$tarball" -C "$GPIOCLX_CACHE"
	echo "$stamp" >"$SRC/.gpioclx-stamp"
}

# uml_kernel: configure (when uml.config changed) and build incrementally.
uml_kernel() {
	local opt
	with_lock "$GPIOCLX_CACHE/linux-source-6.1.lock" unpack_source
	mkdir -p "$UMLB"
	if ! cmp -s "$HERE/bench/uml.config" "$UMLB/.bench-config" || [ ! -f "$UMLB/.config" ]; then
		cp "$HERE/bench/uml.config" "$UMLB/.config"
		make -s -C "$SRC" ARCH=um O="$UMLB" olddefconfig >/dev/null
		cp "$HERE/bench/uml.config" "$UMLB/.bench-config"
	fi
	for opt in MODULES MODULE_UNLOAD HOSTFS GPIO_SIM GPIO_MOCKUP GPIO_CDEV_V1 GPIOLIB_IRQCHIP \
		TRACEPOINTS DEBUG_FS CONFIGFS_FS; do
		grep -qx "CONFIG_$opt=y" "$UMLB/.config" || die "bench UML config lacks CONFIG_$opt=y"
	done
	! grep -qx 'CONFIG_PROVE_LOCKING=y' "$UMLB/.config" || die "bench UML config has lockdep"
	step "UML kernel (make ARCH=um O=$UMLB, incremental)"
	make -s -C "$SRC" ARCH=um O="$UMLB" -j"$JOBS" KCFLAGS="$UML_KCFLAGS" \
		>"$UMLB/build.log" 2>&1 || { tail -n 30 "$UMLB/build.log" >&2; die "UML kernel build failed"; }
}

krel_of() { sed -n 's/^#define UTS_RELEASE "\(.*\)"/\1/p' "$1/include/generated/utsrelease.h"; }

# build_kmod KDIR ARCH: gpioclx-bench.ko against KDIR, with the symbols of
# the gpioclx.ko just built for it; prints the .ko path.
build_kmod() {
	local kdir=$1 arch=$2 krel dir cross=()
	krel=$(krel_of "$kdir")
	[ "$arch" = arm64 ] && cross=(CROSS_COMPILE=aarch64-linux-gnu-)
	dir=$OUT/kmod/$krel
	mkdir -p "$dir"
	rsync -a --delete --exclude '*.o' --exclude '*.ko' --exclude '.*.cmd' --exclude '*.mod*' \
		--exclude modules.order --exclude Module.symvers "$HERE/bench/kmod/" "$dir/"
	make -s -C "$kdir" M="$dir" ARCH="$arch" "${cross[@]}" W=1 KCFLAGS=-Werror GPIOCLX_ROOT="$ROOT" \
		KBUILD_EXTRA_SYMBOLS="$ROOT/.build/$krel/Module.symvers" modules >&2 ||
		die "gpioclx-bench.ko ($arch) failed to build"
	echo "$dir/gpioclx-bench.ko"
}

# build_bench ARCH: the static gpio_bench for the guest; prints its path.
build_bench() {
	local arch=$1 out=$OUT/$1 cc=gcc inc=() lib=()
	mkdir -p "$out"
	if [ "$arch" = arm64 ]; then
		local dev=$GPIOCLX_CACHE/debian/arm64/libgpiod-dev
		if [ ! -f "$dev/.stamp" ]; then
			rm -rf "$dev"
			apt_download "$dev/debs" libgpiod-dev:arm64 ||
				{ apt_update && apt_download "$dev/debs" libgpiod-dev:arm64; } ||
				die "cannot download libgpiod-dev:arm64"
			dpkg -x "$dev"/debs/libgpiod-dev_*_arm64.deb "$dev/root"
			touch "$dev/.stamp"
		fi
		cc=aarch64-linux-gnu-gcc
		inc=(-I"$dev/root/usr/include")
		lib=(-L"$dev/root/usr/lib/aarch64-linux-gnu")
	fi
	"$cc" -std=gnu11 -O2 -Wall -Wextra -Werror -static "${inc[@]}" -o "$out/gpio_bench" \
		"$HERE/bench/gpio_bench.c" "${lib[@]}" -lgpiod || die "gpio_bench ($arch) failed to build"
	echo "$out/gpio_bench"
}

run_um() {
	local krel kmod bin log=$RUN/uml.log rc=0
	uml_kernel
	krel=$(krel_of "$UMLB")
	step "modules for $krel"
	make -s -C "$ROOT" modules ARCH=um KDIR="$UMLB" >/dev/null || die "modules (ARCH=um) failed"
	kmod=$(build_kmod "$UMLB" um)
	bin=$(build_bench amd64)
	step "UML boot: gpioclx-sim vs gpio-sim and gpio-mockup"
	timeout 900 "$UMLB/linux" mem=512M rootfstype=hostfs rootflags=/ ro \
		init="$HERE/bench/guest_uml.sh" con=null con0=fd:0,fd:1 \
		gpio_mockup.gpio_mockup_ranges=-1,128 \
		BENCH_KO="$ROOT/.build/$krel" BENCH_KMOD="$kmod" BENCH_BIN="$bin" \
		BENCH_REPS="${REPS:-15}" BENCH_EVENTS=20 </dev/null >"$log" 2>&1 || rc=$?
	grep -q '@@DONE@@' "$log" || { tail -n 40 "$log" >&2; die "UML run failed (rc=$rc); log $log"; }
	grep -a '^## splat' "$log" >&2 || true
	LOGS+=("$log")
	MACHINE+=("UML $krel (Debian linux-source-6.1, $(grep -c . "$UMLB/.config") config lines, no lockdep)")
}

# The arm64 guest's benchmark scenarios: bench (the PL061) and benchi2c
# (the PCA9555 on the simulated I2C bus; gpioclx-pca9555.ko when built).
run_arm64() {
	local kenv kos=() kmod bin log=$RUN/arm64.log rc=0 ko g runs=() scripts=()
	kenv=$("$HERE/debian-kernel.sh" arm64) || die "debian-kernel.sh arm64 failed"
	eval "$kenv"
	step "modules for $KREL"
	make -s -C "$ROOT" modules ARCH=arm64 >/dev/null || die "modules (ARCH=arm64) failed"
	for ko in $(make -s -C "$ROOT" print-modules ARCH=arm64); do
		case $ko in
		*/gpioclx.ko | */gpioclx-pl061.ko | */gpioclx-sim.ko | */gpioclx-i2c-sim.ko | \
			*/gpioclx-pca9555.ko) kos+=("$ko") ;;
		esac
	done
	kmod=$(build_kmod "$KDIR" arm64)
	bin=$(build_bench arm64)
	for g in "${GUESTS[@]}"; do
		case $g in
		pl061) runs+=(bench) scripts+=("$HERE/guest/bench_pl061.sh") ;;
		pca9555)
			# its bus counts per call come from gpio_v2_test's held requests
			make -s -C "$HERE" gpio_v2_test ARCH=arm64 OUT="$RUN" >&2 ||
				die "gpio_v2_test (arm64) failed to build"
			runs+=(benchi2c) scripts+=("$HERE/guest/benchi2c_pca9555.sh" "$RUN/gpio_v2_test")
			;;
		esac
	done
	"$HERE/initramfs.sh" --arch arm64 --out "$RUN/initrd-arm64.gz" --kmoddir "$KMODDIR" \
		"${kos[@]}" "$kmod" "$bin" "${scripts[@]}" || die "initramfs failed"
	step "arm64 boot (TCG): ${GUESTS[*]}, ours vs native"
	"$HERE/qemu-run.sh" --arch arm64 --kernel "$KIMAGE" --initrd "$RUN/initrd-arm64.gz" \
		--log "$log" --run "$(IFS=,; echo "${runs[*]}")" --timeout 1200 \
		--append "gpioclx.bench_reps=${REPS:-3}" || rc=$?
	[ "$rc" = 0 ] || die "arm64 run failed (qemu-run rc=$rc); log $log"
	grep -a '@@RESULT@@ FAIL' "$log" | tr -d '\r' >&2 || true
	LOGS+=("$log")
	MACHINE+=("arm64 guest: Debian $KREL ($(dpkg-deb -f "$(dirname "$KIMAGE")"/../../debs/linux-image-"$KREL"_*_arm64.deb Version 2>/dev/null || echo '?')), $(qemu-system-aarch64 --version | head -n 1), TCG, 1 vCPU")
}

main() {
	parse_args "$@"
	host_deps
	mkdir -p "$GPIOCLX_CACHE/runs"
	find "$GPIOCLX_CACHE/runs" -mindepth 1 -maxdepth 1 -name 'bench-*' -type d -printf '%T@ %p\n' |
		sort -rn | tail -n +6 | cut -d' ' -f2- | xargs -r rm -rf
	RUN=$(mktemp -d "$GPIOCLX_CACHE/runs/bench-$(date +%Y%m%d-%H%M%S)-XXXX")
	local a date cpu
	for a in "${ARCHES[@]}"; do "run_$a"; done
	date=$(date -u '+%Y-%m-%d %H:%M UTC')
	cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
	MACHINE=("host $cpu x $(nproc), Linux $(uname -r), $(. /etc/os-release && echo "$PRETTY_NAME")" "${MACHINE[@]}" "$date")
	local out=$RUN/results.md machine
	machine=$(printf '%s; ' "${MACHINE[@]}")
	step "results"
	python3 "$HERE/bench/format.py" --machine "${machine%; }" \
		--command "make bench" --date "$date" --out "$out" "${LOGS[@]}"
	if [ ${#ARCHES[@]} -eq 2 ] && [ ${#GUESTS[@]} -eq 2 ] && [ -z "$KEEP" ]; then
		cp "$out" "$HERE/bench/results.md"
		msg "table written to userspace/bench/results.md"
	fi
	msg "logs: $RUN ($(($(date +%s) - T0)) s)"
}

main "$@"
