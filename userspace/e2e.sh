#!/bin/bash
# e2e.sh [--arch arm64|amd64|all] [--scenario s1[,s2...]] [options]
#
# End-to-end tests in QEMU on Debian's stock kernels: prepare the kernel
# (debian-kernel.sh), build gpio_v2_test and gpio_fuzz, pack an initramfs with our
# modules (if built) and the guest scenarios (userspace/guest/<name>_*.sh),
# boot, and count the guest's "@@RESULT@@ PASS|FAIL|SKIP" lines.
#
# Options:
#   --arch A         amd64, arm64 or all (default all)
#   --kernel S       Debian's kernel series: 6.1, 6.12 or all (default
#                    $KSERIES, else 6.1); one boot per arch and series, and
#                    one more for each other boot a scenario's "# e2e-boot:"
#                    line names (ssdt: an SSDT loaded with the initramfs;
#                    acpi: arm64 through UEFI firmware with ACPI)
#   --scenario LIST  comma-separated scenario names (default: every
#                    scenario whose "# e2e-arch:" line names the arch)
#   --ko-dir DIR     our .ko files for the (single) arch being run; same as
#                    GPIOCLX_KO_DIR_arm64 / GPIOCLX_KO_DIR_amd64.  Unset: build
#                    them here (make modules against the guest kernel's
#                    headers); set but empty: stock parts only
#   --append ARGS    extra kernel command line (e.g. gpioclx.nopress=1)
#   --follow         stream the guest console while it runs (make demo)
#   --shell          build as usual, then boot interactively after the
#                    scenarios (make shell; Ctrl-a x leaves); no counting
#   --keep           keep the run directory even when everything passed
# Without our modules (GPIOCLX_KO_DIR_<arch>= set empty, or no repo to
# build from) the stock-kernel parts run and ours are reported as SKIP.  A splat in the console log, a timeout, or a guest that never
# printed @@DONE@@ is a failure.  Ends with "e2e: K skipped" and then
# exactly "e2e: N passed, M failed"; exit 1 on any failure or if nothing
# ran.  Logs: $GPIOCLX_CACHE/runs/ (path printed).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=host-lib.sh
. "$HERE/host-lib.sh"

ARCHES=(amd64 arm64) SERIESES=("${KSERIES:-6.1}") SCENARIOS='' KO_DIR_ARG='' APPEND='' FOLLOW='' SHELL_MODE='' KEEP=''
PASSED=0 FAILED=0 SKIPPED=0 BOOTED=0
HOST_SPLAT_RE='WARNING:|BUG:|Oops|lockdep|Call [Tt]race|Unable to handle kernel|general protection fault|KASAN|UBSAN|sleeping function called from invalid context|Kernel panic'

usage() { sed -n '2,28s/^# \{0,1\}//p' "$0" >&2; exit 64; }

parse_args() {
	while [ $# -gt 0 ]; do
		case $1 in
		--arch)
			case $2 in
			all) ARCHES=(amd64 arm64) ;;
			*) check_arch "$2"; ARCHES=("$2") ;;
			esac
			shift 2
			;;
		--kernel)
			case $2 in
			all) SERIESES=(6.1 6.12) ;;
			6.1 | 6.12) SERIESES=("$2") ;;
			*) die "unknown kernel series '$2' (want 6.1, 6.12 or all)" ;;
			esac
			shift 2
			;;
		--scenario) SCENARIOS=${2//,/ }; shift 2 ;;
		--ko-dir) KO_DIR_ARG=$2; shift 2 ;;
		--append) APPEND="$APPEND $2"; shift 2 ;;
		--follow) FOLLOW=1; shift ;;
		--shell) SHELL_MODE=1; shift ;;
		--keep) KEEP=1; shift ;;
		-h | --help) usage ;;
		*) die "unknown argument $1" ;;
		esac
	done
	if [ -n "$KO_DIR_ARG" ] && [ ${#ARCHES[@]} -ne 1 ]; then
		die "--ko-dir needs a single --arch (or use GPIOCLX_KO_DIR_<arch>)"
	fi
	if [ -n "$SHELL_MODE" ] && [ ${#ARCHES[@]} -ne 1 ]; then
		die "--shell needs a single --arch"
	fi
}

# Host-side results, in the same words as the guest's.
host_result() {
	case $1 in
	PASS) PASSED=$((PASSED + 1)) ;;
	FAIL) FAILED=$((FAILED + 1)) ;;
	SKIP) SKIPPED=$((SKIPPED + 1)) ;;
	esac
	echo "  $*"
}

# step TEXT: progress with the time since start, for the timing report.
step() { printf '[%5.1fs] %s\n' "$(echo "$(date +%s.%N) $T0" | awk '{ print $1 - $2 }')" "$*"; }

# scenario_file NAME / scenario_arches FILE: guest/<name>_*.sh and the
# arches its "# e2e-arch:" line names; scenario_boot FILE: the boot its
# "# e2e-boot:" line names ("default" without one). Scenarios of one boot
# share it; each other boot is a machine of its own (boot_setup below).
scenario_file() { compgen -G "$HERE/guest/${1}_*.sh" | head -n 1 || true; }
scenario_arches() { sed -n 's/^# e2e-arch: *//p' "$1" | head -n 1; }
scenario_boot() {
	local b
	b=$(sed -n 's/^# e2e-boot: *//p' "$1" | head -n 1)
	echo "${b:-default}"
}

# boots_for ARCH: the boots the requested scenarios for ARCH need, in order.
boots_for() {
	local n b out=()
	for n in $(scenarios_for "$1"); do
		b=$(scenario_boot "$(scenario_file "$n")")
		case " ${out[*]} " in *" $b "*) ;; *) out+=("$b") ;; esac
	done
	echo "${out[*]}"
}

# scenarios_for ARCH [BOOT]: the requested (or all) scenarios ARCH can run
# (in BOOT only, if given).
scenarios_for() {
	local arch=$1 boot=${2:-} names=$SCENARIOS f n out=()
	if [ -z "$names" ]; then
		for f in "$HERE"/guest/*_*.sh; do
			n=$(basename "$f" .sh)
			names+=" ${n%%_*}"
		done
	fi
	for n in $names; do
		f=$(scenario_file "$n")
		[ -n "$f" ] || die "no scenario '$n' (want userspace/guest/${n}_*.sh)"
		case " $(scenario_arches "$f") " in *" $arch "*) ;; *) continue ;; esac
		[ -z "$boot" ] || [ "$(scenario_boot "$f")" = "$boot" ] || continue
		out+=("$n")
	done
	echo "${out[*]}"
}

# boot_setup BOOT ARCH WORK: what a boot other than the default adds, in
# BOOT_FILES (more files for the initramfs), BOOT_STOCK (stock modules),
# BOOT_INITRD_ARGS (initramfs.sh options) and BOOT_QEMU_ARGS (qemu-run.sh
# options); false (with a FAIL) if it cannot.
#   acpi  (arm64) qemu-run.sh --boot acpi: Debian's UEFI firmware, ACPI, no
#         device tree; evdev_test and Debian's evdev module
#         (/modules/evdev.ko) for the ACPI power button's input events
#   ssdt  (amd64) userspace/acpi/*.asl compiled by iasl and loaded by the
#         kernel's initrd table upgrade; the test consumer module of
#         userspace/acpi/consumer/; Debian's ACPI button, evdev and
#         gpio-keys modules (/modules/button.ko, evdev.ko, gpio_keys.ko)
boot_setup() {
	local boot=$1 arch=$2 work=$3 asl f
	BOOT_FILES=() BOOT_STOCK=() BOOT_INITRD_ARGS=() BOOT_QEMU_ARGS=()
	case $boot in
	default) return 0 ;;
	acpi)
		[ "$arch" = arm64 ] || { host_result FAIL "e2e.$TAG.boot the acpi boot is arm64 only"; return 1; }
		BOOT_QEMU_ARGS+=(--boot acpi)
		make -s -C "$HERE" evdev_test ARCH="$arch" OUT="$work" >&2 ||
			{ host_result FAIL "e2e.$TAG.evdev_test build failed"; return 1; }
		BOOT_FILES+=("$work/evdev_test")
		stock_from_image "$arch" "$work" drivers/input/evdev || return 1
		;;
	ssdt)
		[ "$arch" = amd64 ] || { host_result FAIL "e2e.$TAG.boot the ssdt boot is amd64 only"; return 1; }
		ensure_pkgs acpica-tools
		mkdir -p "$work/acpi"
		for asl in "$HERE"/acpi/*.asl; do
			if ! iasl -p "$work/acpi/$(basename "$asl" .asl)" "$asl" >"$work/acpi/iasl.log" 2>&1; then
				host_result FAIL "e2e.$TAG.iasl $(basename "$asl"): $(grep -m1 -i error "$work/acpi/iasl.log")"
				return 1
			fi
		done
		for asl in "$work"/acpi/*.aml; do BOOT_INITRD_ARGS+=(--acpi-table "$asl"); done
		mkdir -p "$work/consumer"
		cp "$HERE"/acpi/consumer/{Kbuild,*.c} "$work/consumer/"
		if ! make -s -C "$KDIR" M="$work/consumer" W=1 KCFLAGS=-Werror modules \
			>"$work/consumer/build.log" 2>&1; then
			host_result FAIL "e2e.$TAG.consumer build failed: $(tail -n 3 "$work/consumer/build.log" | tr '\n' ' ')"
			return 1
		fi
		BOOT_FILES+=("$work/consumer/gpioclx-acpi-consumer.ko")
		# the ACPI button driver (a module on amd64), evdev and gpio-keys
		stock_from_image "$arch" "$work" drivers/acpi/button drivers/input/evdev \
			drivers/input/keyboard/gpio_keys || return 1
		;;
	*) host_result FAIL "e2e.$TAG.boot unknown boot '$boot'"; return 1 ;;
	esac
}

# stock_from_image ARCH WORK PATH...: Debian's kernel/PATH.ko for each
# PATH (drivers/input/evdev), from the image package (6.12 ships them
# xz'ed: decompressed here), added to BOOT_FILES (/modules/NAME.ko in the
# guest). debian-kernel.sh's shared
# cache has neither button.ko nor 6.12's evdev, and a change of its list
# would make every other user of the cache extract it again.
stock_from_image() {
	local arch=$1 work=$2 f globs=()
	shift 2
	for f in "$@"; do globs+=("kernel/$f.ko*"); done
	mkdir -p "$work/stock"
	# every module lands as stock/NAME.ko*, whatever its depth in the tree
	dpkg-deb --fsys-tarfile "$GPIOCLX_CACHE/debian/$arch/$KREL/debs/linux-image-$KREL"_*.deb |
		tar -x -C "$work/stock" --wildcards --no-anchored --transform='s|.*/||' "${globs[@]}"
	for f in "${@##*/}"; do
		[ ! -f "$work/stock/$f.ko.xz" ] || xz -d "$work/stock/$f.ko.xz"
		[ -f "$work/stock/$f.ko" ] ||
			{ host_result FAIL "e2e.$TAG.stock no $f.ko in the image package"; return 1; }
		BOOT_FILES+=("$work/stock/$f.ko")
	done
}

# build_modules ARCH: make our modules against the guest kernel's headers
# (KDIR from debian-kernel.sh), and the worked example of a third-party
# client (s5) the way README's porting section builds one, and print their
# paths, one per line.
build_modules() {
	local arch=$1 repo=$HERE/.. log=$2 margs=()
	[ "$arch" = arm64 ] && margs+=(ARCH=arm64)
	ensure_pkgs rsync # the Makefile's copy into .build/<release>/
	make -s -C "$repo" modules "${margs[@]}" KDIR="$KDIR" >"$log" 2>&1 || return 1
	make -s -C "$repo" client CLIENT_DIR="$repo/examples/acme-pl061" "${margs[@]}" KDIR="$KDIR" \
		>>"$log" 2>&1 || return 1
	make -s -C "$repo" print-modules "${margs[@]}" KDIR="$KDIR"
}

# our_modules ARCH WORK: .ko files from --ko-dir / GPIOCLX_KO_DIR_<arch>
# (unset: built here from the repo) whose vermagic matches the kernel; a
# mismatch is a FAIL, not a silent skip.
our_modules() {
	local arch=$1 work=$2 var="GPIOCLX_KO_DIR_$1" dir ko vm list
	KOS=()
	if [ -n "$KO_DIR_ARG" ]; then
		dir=$KO_DIR_ARG
	elif [ -n "${!var+set}" ]; then
		dir=${!var}
	elif [ -f "$HERE/../Kconfig" ] && [ -d "$HERE/../shim" ]; then
		step "$TAG: modules (make modules KDIR=$KDIR)"
		if ! list=$(build_modules "$arch" "$work/build.log"); then
			host_result FAIL "e2e.$TAG.build make modules failed: $(tail -n 3 "$work/build.log" | tr '\n' ' ')"
			return
		fi
		mkdir -p "$work/ko"
		for ko in $list; do cp "$ko" "$work/ko/"; done
		dir=$work/ko
	fi
	if [ -z "${dir:-}" ]; then
		echo "  (no GPIOCLX_KO_DIR_$arch: stock parts only, ours SKIP)"
		return
	fi
	[ -d "$dir" ] || { host_result FAIL "e2e.$TAG.ko_dir $dir is not a directory"; return; }
	for ko in "$dir"/*.ko; do
		[ -f "$ko" ] || continue
		vm=$(modinfo -F vermagic "$ko" | cut -d' ' -f1)
		if [ "$vm" = "$KREL" ]; then
			KOS+=("$ko")
		else
			host_result FAIL "e2e.$TAG.vermagic $(basename "$ko") is for '$vm', kernel is $KREL"
		fi
	done
	echo "  modules: ${KOS[*]:-(none in $dir)}"
}

# parse_log ARCH LOG QEMU_RC: guest results into the counters, plus the
# host's own verdicts (timeout, no @@DONE@@, splat, garbled counts).
parse_log() {
	local arch=$1 log=$2 qrc=$3 st name why done_line p=0 f=0 s=0 splat
	while read -r _ st name why; do
		case $st in
		PASS) p=$((p + 1)) ;;
		FAIL) f=$((f + 1)); echo "  FAIL [$TAG] $name $why" ;;
		SKIP) s=$((s + 1)); echo "  SKIP [$TAG] $name $why" ;;
		esac
	done < <(tr -d '\r' <"$log" | grep -ao '@@RESULT@@ .*' || true)
	PASSED=$((PASSED + p)) FAILED=$((FAILED + f)) SKIPPED=$((SKIPPED + s))
	echo "  guest: $p passed, $f failed, $s skipped"
	# figures a scenario reports (s10's counts), as they came
	tr -d '\r' <"$log" | grep -ao '@@FIGURE@@ .*' | sed "s/^@@FIGURE@@ /  figure [$TAG] /" || true
	[ "$qrc" = 124 ] && host_result FAIL "e2e.$TAG.timeout QEMU killed after the hard timeout"
	done_line=$(tr -d '\r' <"$log" | grep -ao '@@DONE@@ .*' | tail -n 1 || true)
	if [ -z "$done_line" ]; then
		host_result FAIL "e2e.$TAG.done guest never printed @@DONE@@ (qemu rc=$qrc)"
	else
		# a result line torn by console chatter would be lost: cross-check
		case "$done_line" in
		*"pass=$p fail=$f skip=$s "*) ;;
		*) host_result FAIL "e2e.$TAG.garbled host counted pass=$p fail=$f skip=$s, guest said '$done_line'" ;;
		esac
	fi
	# The guest's own dmesg check echoes splats in its FAIL/"##" lines;
	# the host scan looks at everything else (boot, panics, late oopses).
	splat=$(tr -d '\r' <"$log" | grep -av -e '@@RESULT@@' -e '^## ' | grep -aE -m1 "$HOST_SPLAT_RE" || true)
	[ -z "$splat" ] || host_result FAIL "e2e.$TAG.splat $splat"
}

# run_arch ARCH SERIES: the boots of Debian's SERIES kernel for ARCH that
# its scenarios need (run_boot each).
run_arch() {
	local arch=$1 series=$2 boots b
	boots=$(boots_for "$arch")
	if [ -z "$boots" ] && [ -z "$SHELL_MODE" ]; then
		echo "== $arch-$series: no scenario for this arch, not booted"
		return
	fi
	# an interactive boot is one machine: the first boot's
	[ -z "$SHELL_MODE" ] || boots=${boots%% *}
	for b in ${boots:-default}; do run_boot "$arch" "$series" "$b"; done
}

# run_boot ARCH SERIES BOOT: one boot running every scenario of BOOT for
# ARCH. TAG (arch-series, plus -BOOT but for the default boot) names its
# results.
run_boot() {
	local arch=$1 series=$2 boot=$3 scen work rc=0 f
	TAG=$arch-$series
	[ "$boot" = default ] || TAG+=-$boot
	scen=$(scenarios_for "$arch" "$boot")
	echo "== $TAG: scenarios: ${scen:-none}"
	step "$TAG: kernel"
	local kenv
	kenv=$("$HERE/debian-kernel.sh" "$arch" "$series") || { host_result FAIL "e2e.$TAG.kernel debian-kernel.sh failed"; return; }
	eval "$kenv"
	echo "  kernel $KREL"
	mkdir -p "$GPIOCLX_CACHE/runs"
	# kept (failed or --keep) runs pile up: leave the newest 20
	find "$GPIOCLX_CACHE/runs" -mindepth 1 -maxdepth 1 -type d -printf '%T@ %p\n' |
		sort -rn | tail -n +21 | cut -d' ' -f2- | xargs -r rm -rf
	work=$(mktemp -d "$GPIOCLX_CACHE/runs/$TAG-$(date +%Y%m%d-%H%M%S)-XXXX")
	our_modules "$arch" "$work"
	step "$TAG: gpio_v2_test, gpio_fuzz"
	make -s -C "$HERE" gpio_v2_test gpio_fuzz ARCH="$arch" OUT="$work" >&2 ||
		{ host_result FAIL "e2e.$TAG.gpio_v2_test build failed"; return; }
	step "$TAG: initramfs"
	boot_setup "$boot" "$arch" "$work" || return
	local files=("$work/gpio_v2_test" "$work/gpio_fuzz" "${KOS[@]}" "${BOOT_FILES[@]}")
	for f in "$HERE"/guest/*_*.sh; do files+=("$f"); done
	"$HERE/initramfs.sh" --arch "$arch" --out "$work/initrd.gz" --kmoddir "$KMODDIR" \
		--stock configfs "${BOOT_STOCK[@]}" "${BOOT_INITRD_ARGS[@]}" "${files[@]}" ||
		{ host_result FAIL "e2e.$TAG.initramfs initramfs.sh failed"; return; }
	step "$TAG: boot"
	local qargs=(--arch "$arch" --kernel "$KIMAGE" --initrd "$work/initrd.gz"
		--log "$work/console.log" --run "${scen// /,}" "${BOOT_QEMU_ARGS[@]}")
	[ -z "$APPEND" ] || qargs+=(--append "$APPEND")
	[ -z "$FOLLOW" ] || qargs+=(--follow)
	if [ -n "$SHELL_MODE" ]; then
		"$HERE/qemu-run.sh" "${qargs[@]}" --shell || true
		return
	fi
	"$HERE/qemu-run.sh" "${qargs[@]}" || rc=$?
	BOOTED=$((BOOTED + 1))
	step "$TAG: done (qemu-run rc=$rc)"
	local failed_before=$FAILED
	parse_log "$arch" "$work/console.log" "$rc"
	if [ "$FAILED" = "$failed_before" ] && [ -z "$KEEP" ]; then
		rm -rf "$work"
	else
		echo "  logs kept: $work/console.log (+ .host)"
	fi
}

main() {
	parse_args "$@"
	T0=$(date +%s.%N)
	local a k
	for k in "${SERIESES[@]}"; do
		for a in "${ARCHES[@]}"; do run_arch "$a" "$k"; done
	done
	[ -z "$SHELL_MODE" ] || exit 0
	step "all done"
	if [ "$BOOTED" = 0 ] || [ $((PASSED + FAILED)) = 0 ]; then
		echo "e2e: nothing ran"
		FAILED=$((FAILED + 1))
	fi
	echo "e2e: $SKIPPED skipped"
	echo "e2e: $PASSED passed, $FAILED failed"
	[ "$FAILED" = 0 ]
}

main "$@"
