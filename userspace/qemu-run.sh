#!/bin/bash
# qemu-run.sh --arch ARCH --initrd FILE [options]
#
# Boot Debian's stock kernel for ARCH under QEMU (TCG) with a test
# initramfs, capture the serial console to a log, and act as the guest's
# "hands" while it runs: each "@@PRESS-BUTTON@@ <tag> @@" the guest prints is
# answered once with the monitor command system_powerdown (on arm64 virt,
# either boot, this pulses PL061 line 3 through QEMU's gpio-key).
#
# Options:
#   --arch amd64|arm64   guest architecture (required)
#   --initrd FILE        initramfs (required; userspace/initramfs.sh)
#   --kernel FILE        kernel image (default $KIMAGE from debian-kernel.sh)
#   --log FILE           console log (default ./qemu-ARCH.log); host actions
#                        (button presses, timestamps) go to FILE.host
#   --run s1,s2          scenarios for the guest (gpioclx.run=)
#   --boot dt|acpi       arm64: dt (default) boots the kernel directly with
#                        QEMU's device tree; acpi boots it through Debian's
#                        UEFI firmware for virt (qemu-efi-aarch64) with ACPI
#                        and no device tree (acpi=force)
#   --append ARGS        more kernel command line (also $GPIOCLX_APPEND)
#   --timeout SECS       hard limit (default $GPIOCLX_QEMU_TIMEOUT or 900: make check runs
#                        guests beside builds and other guests, where the amd64
#                        guest with s10 once took 406 s)
#   --follow             also stream the console to stdout while it runs
#   --shell              interactive: console on this terminal, then a guest
#                        shell (gpioclx.shell=1).  Leave with Ctrl-a x.
# Environment: GPIOCLX_QEMU_SMP (vCPUs, default 1), GPIOCLX_QEMU_MEM
# (default 512), GPIOCLX_KVM=0 to never try KVM (amd64 only; used only
# if the CPU has vmx/svm, /dev/kvm is not kvm_pvm, and a probe boot works).
#
# Exit status: 0 = QEMU ended and the guest printed @@DONE@@;
# 124 = hard timeout (QEMU killed); 3 = QEMU ended without @@DONE@@
# (panic, crash); otherwise QEMU's own status.  On 124/3 the last 40 log
# lines go to stderr.  Test results are parsed from the log by the caller.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=host-lib.sh
. "$HERE/host-lib.sh"

ARCH='' INITRD='' KERNEL=${KIMAGE:-} LOG='' RUN='' APPEND=${GPIOCLX_APPEND:-} BOOT=dt
TIMEOUT=${GPIOCLX_QEMU_TIMEOUT:-900} FOLLOW='' SHELL_MODE=''
QPID='' TMPD='' T0='' TAILPID=

usage() { sed -n '2,34s/^# \{0,1\}//p' "$0" >&2; exit 64; }

parse_args() {
	while [ $# -gt 0 ]; do
		case $1 in
		--arch) ARCH=$2; shift 2 ;;
		--initrd) INITRD=$2; shift 2 ;;
		--kernel) KERNEL=$2; shift 2 ;;
		--log) LOG=$2; shift 2 ;;
		--run) RUN=$2; shift 2 ;;
		--boot) BOOT=$2; shift 2 ;;
		--append) APPEND="$APPEND $2"; shift 2 ;;
		--timeout) TIMEOUT=$2; shift 2 ;;
		--follow) FOLLOW=1; shift ;;
		--shell) SHELL_MODE=1; shift ;;
		-h | --help) usage ;;
		*) die "unknown argument $1" ;;
		esac
	done
	check_arch "$ARCH"
	case $ARCH-$BOOT in
	*-dt | arm64-acpi) ;;
	*) die "unknown boot '$BOOT' for $ARCH (want dt, or acpi on arm64)" ;;
	esac
	[ -f "$INITRD" ] || die "--initrd FILE is required (got '$INITRD')"
	[ -f "$KERNEL" ] || die "no kernel: pass --kernel or eval \"\$(debian-kernel.sh $ARCH)\" first"
	LOG=${LOG:-$PWD/qemu-$ARCH.log}
}

# kvm_usable: only on real VT-x/SVM; /dev/kvm here is kvm_pvm, a software
# hypervisor QEMU cannot use (feasibility-x86.md §6).  A positive answer
# is confirmed once per host kernel by a probe boot and cached.
kvm_usable() {
	[ "$ARCH" = amd64 ] && [ "${GPIOCLX_KVM:-1}" != 0 ] || return 1
	grep -qwE 'vmx|svm' /proc/cpuinfo && [ ! -d /sys/module/kvm_pvm ] && [ -w /dev/kvm ] || return 1
	local stamp
	stamp=$GPIOCLX_CACHE/kvm-probe-$(uname -r)
	if [ ! -f "$stamp" ]; then
		if GPIOCLX_KVM=0 GPIOCLX_KVM_PROBE=1 timeout 60 "$0" --arch amd64 --kernel "$KERNEL" \
			--initrd "$INITRD" --log "$TMPD/kvm-probe.log" --timeout 50 >/dev/null 2>&1; then
			echo yes >"$stamp"
		else
			echo no >"$stamp"
		fi
	fi
	[ "$(cat "$stamp")" = yes ]
}

# qemu_cmd: the machine.  -no-reboot + panic=-1 turn a panic into an exit;
# oops=panic makes an oops fatal, so it cannot be missed.
qemu_cmd() {
	local smp=${GPIOCLX_QEMU_SMP:-1} mem=${GPIOCLX_QEMU_MEM:-512} console accel
	case $ARCH in
	arm64)
		Q=(qemu-system-aarch64 -M virt -cpu cortex-a57)
		console=ttyAMA0
		if [ "$BOOT" = acpi ]; then
			# virt-4.1: from 4.2 on, virt with firmware and ACPI
			# signals the power button through a Generic Event
			# Device and has no PL061 at all; up to 4.1 the PL061
			# is ARMH0061 and its _AEI (line 3) notifies the power
			# button.  UEFI passes the kernel ACPI tables (and a
			# device tree, which acpi=force sets aside).
			ensure_pkgs qemu-efi-aarch64
			Q=(qemu-system-aarch64 -M virt-4.1 -cpu cortex-a57
				-bios /usr/share/qemu-efi-aarch64/QEMU_EFI.fd)
		fi
		;;
	amd64)
		accel=(-accel tcg -cpu max)
		if [ -n "${GPIOCLX_KVM_PROBE:-}" ] || kvm_usable; then
			accel=(-accel kvm -cpu "host,-arch-capabilities")
		fi
		Q=(qemu-system-x86_64 "${accel[@]}")
		# qboot: a few hundred ms faster than SeaBIOS, no escape codes.
		[ -f /usr/share/qemu/qboot.rom ] && Q+=(-bios /usr/share/qemu/qboot.rom)
		console=ttyS0
		;;
	esac
	Q+=(-m "$mem" -smp "$smp" -nodefaults -no-reboot -display none
		-kernel "$KERNEL" -initrd "$INITRD"
		-monitor "unix:$TMPD/mon.sock,server=on,wait=off")
	local cmdline="console=$console panic=-1 oops=panic"
	[ "$BOOT" = acpi ] && cmdline+=" acpi=force"
	[ -n "$RUN" ] && cmdline+=" gpioclx.run=$RUN"
	[ -n "$SHELL_MODE" ] && cmdline+=" gpioclx.shell=1"
	Q+=(-append "$cmdline${APPEND:+ $APPEND}")
	if [ -n "$SHELL_MODE" ]; then
		# console and QEMU's own monitor multiplexed on the terminal
		# (Ctrl-a c / Ctrl-a x), and still logged for the button loop
		Q+=(-chardev "stdio,id=con,mux=on,signal=off,logfile=$LOG"
			-serial chardev:con -mon "chardev=con,mode=readline")
	else
		Q+=(-serial "file:$LOG")
	fi
}

hostlog() { printf '%s %s\n' "$(elapsed)" "$*" >>"$LOG.host"; }
elapsed() { echo "$(date +%s.%N) $T0" | awk '{ printf "%.2f", $1 - $2 }'; }

# press_button TAG: one system_powerdown through the monitor socket.
press_button() {
	hostlog "press $1"
	echo system_powerdown | socat -t 0.2 - "UNIX-CONNECT:$TMPD/mon.sock" >/dev/null 2>&1 ||
		hostlog "press $1: monitor not reachable"
}

# watch_loop: answer guest requests until QEMU ends or time runs out
# (in --shell mode: until killed, no time limit).
watch_loop() {
	local done_tags=" " tag deadline=$(($(date +%s) + TIMEOUT))
	while [ -n "$SHELL_MODE" ] || kill -0 "$QPID" 2>/dev/null; do
		# only whole requests: the log is read while the guest writes it,
		# and a tag cut short would be pressed for once as it is and
		# once in full
		for tag in $(grep -ao '@@PRESS-BUTTON@@ [^[:space:]]* @@' "$LOG" 2>/dev/null | cut -d' ' -f2); do
			case $done_tags in *" $tag "*) continue ;; esac
			done_tags+="$tag "
			press_button "$tag"
		done
		if [ -z "$SHELL_MODE" ] && [ "$(date +%s)" -ge "$deadline" ]; then
			return 124
		fi
		sleep 0.1
	done
	return 0
}

stop_qemu() {
	[ -n "$QPID" ] && kill -0 "$QPID" 2>/dev/null || return 0
	kill "$QPID" 2>/dev/null || true
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		kill -0 "$QPID" 2>/dev/null || return 0
		sleep 0.2
	done
	kill -9 "$QPID" 2>/dev/null || true
}

# shellcheck disable=SC2317 # runs from the EXIT trap
cleanup() {
	stop_qemu
	[ -z "$TAILPID" ] || kill "$TAILPID" 2>/dev/null || true
	[ -z "$TMPD" ] || rm -rf "$TMPD"
}

tail_log() {
	echo "---- last 40 lines of $LOG ----" >&2
	tail -n 40 "$LOG" | tr -d '\r' >&2
	echo "---- end of log ----" >&2
}

# interactive: QEMU in the foreground owning the terminal (raw mode, so
# Ctrl-C reaches the guest), the button loop in the background.
interactive() {
	local wpid qrc=0
	msg "interactive $ARCH guest; leave with Ctrl-a x (or 'poweroff' in the guest)"
	watch_loop &
	wpid=$!
	"${Q[@]}" || qrc=$?
	kill "$wpid" 2>/dev/null || true
	wait "$wpid" 2>/dev/null || true
	hostlog "qemu exited rc=$qrc"
	exit "$qrc"
}

main() {
	parse_args "$@"
	TMPD=$(mktemp -d /tmp/gpioclx-qemu.XXXXXX)
	trap cleanup EXIT
	trap 'exit 130' INT TERM
	mkdir -p "$(dirname "$LOG")"
	: >"$LOG"
	: >"$LOG.host"
	T0=$(date +%s.%N)
	qemu_cmd
	hostlog "start: ${Q[*]}"
	[ -z "$SHELL_MODE" ] || interactive # does not return
	"${Q[@]}" </dev/null >>"$LOG.host" 2>&1 &
	QPID=$!
	if [ -n "$FOLLOW" ] && [ -z "$SHELL_MODE" ]; then
		tail -n +1 -f --pid="$QPID" "$LOG" &
		TAILPID=$!
	fi
	local rc=0 qrc=0
	watch_loop || rc=$?
	if [ $rc = 124 ]; then
		hostlog "TIMEOUT after ${TIMEOUT}s"
		stop_qemu
		msg "TIMEOUT: $ARCH guest still running after ${TIMEOUT}s; killed QEMU (pid $QPID)"
		tail_log
		exit 124
	fi
	wait "$QPID" || qrc=$?
	QPID=
	if [ -n "$TAILPID" ]; then
		wait "$TAILPID" 2>/dev/null || true
		TAILPID=''
	fi
	hostlog "qemu exited rc=$qrc"
	msg "$ARCH guest ran $(elapsed) s (qemu rc=$qrc)"
	[ $qrc = 0 ] || { tail_log; exit "$qrc"; }
	if [ -z "$SHELL_MODE" ] && ! grep -aq '@@DONE@@' "$LOG"; then
		msg "QEMU ended but the guest never printed @@DONE@@ (panic or crash?)"
		tail_log
		exit 3
	fi
	exit 0
}

main "$@"
