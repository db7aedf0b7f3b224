#!/bin/bash
# demo.sh [--shell]
#
# make demo: boot Debian's stock arm64 kernel in QEMU's virt board, hand
# its real PL061 GPIO controller from the built-in pl061_gpio driver to
# gpioclx-pl061.ko, and narrate: every command as typed ("$ gpiodetect"),
# its output, the power-button press the host makes through the QEMU
# monitor, the edges gpiomon prints; then the PL061 goes back to its own
# driver and a two-line summary says what ran and whether it passed.
#
# make shell (--shell): the same guest, modules loaded and the PL061 bound
# to gpioclx-pl061, then a shell on this terminal.  Leave with 'poweroff'
# or Ctrl-a x.
#
# On a fresh Debian 12 machine it installs what it needs (apt, root or
# sudo), fetches and caches the kernel, builds the modules against its
# headers; warm, the whole demo takes well under a minute.
# Environment: GPIOCLX_KO_DIR_arm64 = prebuilt modules instead of a build;
# GPIOCLX_CACHE (see host-lib.sh).  Exit status 0 iff every check passed.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=host-lib.sh
. "$HERE/host-lib.sh"

SHELL_MODE='' WORK='' T0=''
SPLAT_RE='WARNING:|BUG:|Oops|lockdep|Call [Tt]race|Unable to handle kernel|general protection fault|KASAN|UBSAN|Kernel panic'

say() { printf 'demo: %s\n' "$*"; }
secs() { echo "$(date +%s.%N) $T0" | awk '{ printf "%.0f", $1 - $2 }'; }

# The guest half, run by the initramfs' /init as scenario "demo".  Lines
# for the person start with @@SAY@@ (narration, commands) or @@OUT@@
# (command output); everything else on the console (kernel messages,
# @@RESULT@@ checks) is for the host's bookkeeping only.
guest_script() {
	cat <<'GUEST'
# shellcheck shell=sh
# The demo's guest half (written by userspace/demo.sh).
DEV=9030000.pl061
PL=/sys/bus/amba/devices/$DEV
AMBA=/sys/bus/amba

say() { echo "@@SAY@@ $*"; }

# show 'COMMAND LINE': print it as typed, run it, print its output.
show() {
	say "\$ $1"
	eval "$1" >/tmp/demo.out 2>&1
	_rc=$?
	sed 's/^/@@OUT@@ /' /tmp/demo.out
	return $_rc
}

driver() { basename "$(readlink "$PL/driver" 2>/dev/null)" 2>/dev/null; }

chip() {
	for c in /sys/bus/gpio/devices/gpiochip*; do
		case $(readlink -f "$c") in */"$DEV"/*) basename "$c" && return 0 ;; esac
	done
	return 1
}

handover() {
	show "insmod /modules/gpioclx.ko" || return 1
	show "insmod /modules/gpioclx-pl061.ko" || return 1
	show "echo $DEV > $AMBA/drivers/pl061_gpio/unbind"
	show "echo gpioclx-pl061 > $PL/driver_override"
	show "echo $DEV > $AMBA/drivers_probe"
	expect_eq handover "$(driver)" gpioclx-pl061
}

demo() {
	say "Debian's stock kernel $(uname -r) on QEMU's arm64 virt board; its PL061 GPIO"
	say "controller sits at 0x09030000, line 3 wired to the board's power button."
	say ""
	say "The kernel's built-in driver has it now:"
	show "readlink $PL/driver"
	show "gpiodetect"
	expect_eq intree "$(driver)" pl061_gpio
	say ""
	say "Load the GpioClx framework and the PL061's GpioClx client, hand the device over:"
	handover || return
	C=$(chip)
	expect_eq chip "${C:+found}" found || return
	show "readlink $PL/driver"
	show "dmesg | grep gpioclx-pl061"
	show "gpiodetect"
	show "gpioinfo $C"
	expect_eq lines "$(gpioinfo "$C" | grep -c '^[[:space:]]*line ')" 8
	say ""
	say "Drive four lines; QEMU's PL061 keeps the levels, so gpioget reads them back:"
	show "gpioset $C 0=1 1=0 2=1 4=1"
	show "gpioget $C 0 1 2 4"
	expect_eq readback "$(cat /tmp/demo.out)" "1 0 1 1"
	show "gpioset $C 0=0 1=1 2=0 4=0"
	show "gpioget $C 0 1 2 4"
	expect_eq readback_inv "$(cat /tmp/demo.out)" "0 1 0 0"
	say ""
	say "Wait for the power button's two edges on line 3:"
	say "\$ gpiomon --num-events=2 --line-buffered $C 3 &"
	gpiomon --num-events=2 --line-buffered "$C" 3 >/tmp/mon.out 2>&1 &
	_mp=$!
	wait_for 3000 is_held 3 gpiomon
	press_button demo
	wait_for 15000 at_least /tmp/mon.out 2 EDGE
	sed 's/^/@@OUT@@ /' /tmp/mon.out
	kill $_mp 2>/dev/null
	wait $_mp
	expect_eq button "$(sed -n 's/^event: *\([A-Z]*\) EDGE offset: \([0-9]*\).*/\1 \2/p' /tmp/mon.out | tr '\n' ' ')" \
		"RISING 3 FALLING 3 "
	say ""
	say "What the framework called in the client for all that:"
	show "sed -n '/^calls:/,\$p' /sys/kernel/debug/gpioclx/$DEV/state"
	say ""
	say "Give the PL061 back to the built-in driver:"
	show "echo $DEV > $AMBA/drivers/gpioclx-pl061/unbind"
	show "rmmod gpioclx-pl061 gpioclx"
	show "echo > $PL/driver_override"
	show "echo $DEV > $AMBA/drivers_probe"
	expect_eq handback "$(driver)" pl061_gpio
	show "gpiodetect"
	dmesg_check demo.dmesg
}

# is_held OFFSET CONSUMER: gpiolib's debugfs shows the line held.
is_held() { debugfs_line "$C" "$1" | grep -q "|$2 *)"; }

# make shell: only the handover, quietly, then /init's interactive shell.
setup_shell() {
	insmod /modules/gpioclx.ko && insmod /modules/gpioclx-pl061.ko &&
		echo "$DEV" >"$AMBA/drivers/pl061_gpio/unbind" &&
		echo gpioclx-pl061 >"$PL/driver_override" &&
		echo "$DEV" >"$AMBA/drivers_probe"
	C=$(chip)
	cat <<-EOF
		##
		## gpioclx.ko and gpioclx-pl061.ko are loaded; the PL061 ($DEV) is bound to
		## '$(driver)' as ${C:-(no chip!)}.  Try:
		##   gpiodetect; gpioinfo $C; gpioset $C 0=1; gpioget $C 0
		##   gpiomon -n 2 $C 3 &  then  press_button x   (the host presses the power button)
		##   cat /sys/kernel/debug/gpioclx/$DEV/state
		##   insmod /modules/gpioclx-sim.ko    (the simulator too: /sys/devices/platform/gpioclx-sim.0)
		## Leave: 'poweroff', or Ctrl-a x.
		##
	EOF
}

if [ "${GPIOCLX_DEMO:-}" = shell ]; then setup_shell; else demo; fi
GUEST
}

# modules: ours for the guest kernel, from GPIOCLX_KO_DIR_arm64 or built now.
modules() {
	local list
	if [ -n "${GPIOCLX_KO_DIR_arm64:-}" ]; then
		MODS=("$GPIOCLX_KO_DIR_arm64"/*.ko)
		return
	fi
	ensure_pkgs rsync
	say "building gpioclx.ko and gpioclx-pl061.ko for $KREL"
	make -s -C "$REPO" modules ARCH=arm64 KDIR="$KDIR" >"$WORK/build.log" 2>&1 || {
		tail -n 20 "$WORK/build.log" >&2
		die "module build failed (log: $WORK/build.log)"
	}
	list=$(make -s -C "$REPO" print-modules ARCH=arm64 KDIR="$KDIR")
	read -r -d '' -a MODS <<<"$list" || true
	[ ${#MODS[@]} -gt 0 ] || die "the build made no modules"
}

# narrate LOG QPID: follow the console log while QEMU runs, show what is
# for the person, count checks.  Sets PASSED FAILED DONE SPLAT.
narrate() {
	local log=$1 qpid=$2 line
	PASSED=0 FAILED=0 DONE='' SPLAT=''
	while IFS= read -r line; do
		line=${line%$'\r'}
		case $line in
		'@@SAY@@ '*) printf '%s\n' "${line#@@SAY@@ }" ;;
		'@@SAY@@') echo ;;
		'@@OUT@@ '*) printf '%s\n' "${line#@@OUT@@ }" ;;
		'@@PRESS-BUTTON@@ '*) echo "[pressing the power button: QEMU monitor system_powerdown]" ;;
		'@@RESULT@@ PASS '*) PASSED=$((PASSED + 1)) ;;
		'@@RESULT@@ FAIL '*)
			FAILED=$((FAILED + 1))
			echo "!! check failed: ${line#@@RESULT@@ FAIL }"
			;;
		'@@DONE@@'*) DONE=1 ;;
		'## '*) ;;
		*)
			if [ -z "$SPLAT" ] && [[ $line =~ $SPLAT_RE ]]; then
				SPLAT=$line
				echo "!! kernel: $line"
			fi
			;;
		esac
	done < <(tail -n +1 -f --pid="$qpid" "$log" 2>/dev/null)
}

main() {
	case ${1:-} in
	--shell) SHELL_MODE=1 ;;
	'') ;;
	*) die "usage: demo.sh [--shell]" ;;
	esac
	T0=$(date +%s.%N)
	say "preparing Debian's stock arm64 kernel (the first run downloads it)"
	local kenv
	kenv=$("$HERE/debian-kernel.sh" arm64) || die "debian-kernel.sh arm64 failed"
	eval "$kenv"
	mkdir -p "$GPIOCLX_CACHE/runs"
	WORK=$(mktemp -d "$GPIOCLX_CACHE/runs/demo-$(date +%Y%m%d-%H%M%S)-XXXX")
	modules
	guest_script >"$WORK/demo.sh"
	"$HERE/initramfs.sh" --arch arm64 --out "$WORK/initrd.gz" --kmoddir "$KMODDIR" \
		"${MODS[@]}" "$WORK/demo.sh" || die "initramfs.sh failed"
	local qargs=(--arch arm64 --kernel "$KIMAGE" --initrd "$WORK/initrd.gz"
		--log "$WORK/console.log" --run demo)
	if [ -n "$SHELL_MODE" ]; then
		say "booting the arm64 guest with a shell on this terminal (Linux $KREL, QEMU virt, TCG)"
		say "leave with 'poweroff' in the guest, or Ctrl-a x"
		exec "$HERE/qemu-run.sh" "${qargs[@]}" --shell --append gpioclx.demo=shell
	fi
	say "booting Linux $KREL on QEMU's arm64 virt board (TCG), $(secs) s in"
	echo
	# quiet console: kernel chatter must not tear the narration.  The log
	# exists before tail looks for it (qemu-run.sh only truncates it).
	: >"$WORK/console.log"
	"$HERE/qemu-run.sh" "${qargs[@]}" --timeout 120 --append gpioclx.loglevel=1 >/dev/null 2>"$WORK/qemu-run.err" &
	local qpid=$! rc=0
	narrate "$WORK/console.log" "$qpid"
	wait "$qpid" || rc=$?
	echo
	local verdict=PASS
	[ "$rc" = 0 ] && [ -n "$DONE" ] && [ "$FAILED" = 0 ] && [ -z "$SPLAT" ] && [ "$PASSED" -gt 0 ] || verdict=FAIL
	echo "== ran: gpioclx.ko + gpioclx-pl061.ko on Debian's stock $KREL kernel (QEMU arm64 virt, real PL061): handover, gpiodetect/gpioinfo, gpioset/gpioget, gpiomon on the power button, handback"
	echo "== $verdict: $PASSED checks passed, $FAILED failed$([ -z "$SPLAT" ] || echo ", kernel splat")$([ "$rc" = 0 ] || echo ", qemu-run rc=$rc"), $(secs) s; console log: $WORK/console.log"
	if [ "$verdict" = PASS ]; then
		find "$GPIOCLX_CACHE/runs" -mindepth 1 -maxdepth 1 -name 'demo-*' ! -path "$WORK" -exec rm -rf {} +
		return 0
	fi
	cat "$WORK/qemu-run.err" >&2
	return 1
}

main "$@"
