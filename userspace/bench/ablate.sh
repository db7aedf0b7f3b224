#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# ablate.sh [um] [arm64] [events] - where the shim's time goes, by removal.
#
# Builds variants of gpioclx.ko from this tree, each with one more piece of
# the I/O path taken out (for measuring only: they are wrong drivers), and
# loads them in turn with gpioclx-bench.ko in one boot, three rounds:
#   base     the tree as it is
#   nolock   ... Read/Write without the bank lock (raw spinlock + irqsave)
#   noacct   ... and without gpioclx_note_call (counter + tracepoint)
# Prints the in-kernel microbenchmark's shim and native ns per call for
# each variant (median of the rounds).
#
# events (arm64): the PL061 edge-event path instead, with variants of the
# interrupt path:
#   base       the tree as it is
#   irqfast    the bank lock without irqsave/irqrestore and
#              generic_handle_domain_irq() instead of the _safe variant
#              (the chained handler already runs with interrupts off)
#   irqnoacct  ... and gpioclx_note_call() empty
# gpio_bench's ping-pong event rate and write -> timestamp latency for each,
# against gpio-pl061 measured in the same load, three rounds.
#
# Needs what `make bench` built (the bench UML kernel, Debian's arm64
# kernel, gpioclx-bench.ko); run that first.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$HERE/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=../host-lib.sh
. "$HERE/host-lib.sh"

VARIANTS=(base nolock noacct)
UMLB=$GPIOCLX_CACHE/bench-um
OUT=$ROOT/.build/bench/ablate
KREL='' KDIR='' KIMAGE=''

# variant DIR NAME: the shim sources with NAME's pieces removed
variant() {
	local dir=$1 name=$2 io=$1/shim/gpioclx_io.c
	rm -rf "$dir"
	mkdir -p "$dir"
	rsync -a --exclude '*.o' --exclude '*.ko' --exclude '.*.cmd' --exclude '*.mod*' \
		"$ROOT/Makefile" "$ROOT/include" "$ROOT/shim" "$ROOT/drivers" "$dir/"
	case $name in
	nolock | noacct)
		sed -i '/^NTSTATUS gpioclx_read_bank/,$ { /^\t\tgpioclx_bank_\(un\)\{0,1\}lock(bank);$/d }' "$io"
		[ "$(grep -c 'gpioclx_bank_\(un\)\{0,1\}lock(bank);' "$io")" = 0 ] ||
			die "nolock: unexpected bank lock calls left in $io"
		;;
	esac
	if [ "$name" = noacct ]; then
		sed -i '/^NTSTATUS gpioclx_read_bank/,$ { /^\tgpioclx_note_call(/d }' "$io"
		grep -q 'gpioclx_note_call(ctrl, GPIOCLX_CB_\(READ\|WRITE\)' "$io" &&
			die "noacct: gpioclx_note_call left in Read/Write"
	fi
	return 0
}

# variant_irq DIR NAME: the interrupt-path variants of the events mode
variant_irq() {
	local dir=$1 name=$2
	rm -rf "$dir"
	mkdir -p "$dir"
	rsync -a --exclude '*.o' --exclude '*.ko' --exclude '.*.cmd' --exclude '*.mod*' \
		"$ROOT/Makefile" "$ROOT/include" "$ROOT/shim" "$ROOT/drivers" "$dir/"
	[ "$name" = base ] && return 0
	sed -i 's/^\t\traw_spin_lock_irqsave(&bank->raw_lock, flags);$/\t\traw_spin_lock(\&bank->raw_lock);\n\t\tflags = 0;/; s/^\t\traw_spin_unlock_irqrestore(&bank->raw_lock, bank->irq_flags);$/\t\traw_spin_unlock(\&bank->raw_lock);/' \
		"$dir/shim/gpioclx_lock.c"
	sed -i 's/generic_handle_domain_irq_safe(/generic_handle_domain_irq(/' \
		"$dir/shim/gpioclx_irq.c" "$dir/shim/gpioclx_irq_emul.c"
	grep -q 'raw_spin_lock_irqsave(&bank->raw_lock' "$dir/shim/gpioclx_lock.c" &&
		die "irqfast: the bank lock still saves interrupts"
	if [ "$name" = irqnoacct ]; then
		sed -i '/^void gpioclx_note_call(/,/^{/ s/^{$/{\n\treturn;/' "$dir/shim/gpioclx_trace.c"
		grep -q '^	return;$' "$dir/shim/gpioclx_trace.c" ||
			die "irqnoacct: gpioclx_note_call not emptied"
	fi
	return 0
}

build() { # KDIR ARCH DIR
	local cross=()
	[ "$2" = arm64 ] && cross=(CROSS_COMPILE=aarch64-linux-gnu-)
	make -s -C "$1" M="$3" ARCH="$2" "${cross[@]}" modules >/dev/null ||
		die "building $3 failed"
}

# the guest's loop (busybox sh), for both machines
guest_loop() { # DIR-OF-VARIANTS BENCH-KO
	cat <<-EOF
		for r in 1 2 3; do for v in ${VARIANTS[*]}; do
			insmod $1/\$v/gpioclx.ko || echo "## insmod \$v failed"
			insmod $2 iters=200000 reps=11 || echo "## bench \$v failed"
			sed "s/^/@@ABL@@ \$v /" /sys/kernel/debug/gpioclx_bench/results
			rmmod gpioclx-bench; rmmod gpioclx
		done; done
	EOF
}

report() { # LOG TITLE
	echo "== $2: ns per call, median of 3 rounds (shim / native)"
	tr -d '\r' <"$1" | grep -a '^@@ABL@@' | awk '
		{ v = $2; op = $4; split($5, s, "="); split($8, n, "=");
		  key = v " " op; S[key] = S[key] " " s[2]; N[key] = N[key] " " n[2];
		  if (!(v in seen)) { seen[v] = 1; order[nv++] = v } }
		function med(list,   a, k, i, j, t) {
			k = split(list, a, " ")
			for (i = 2; i <= k; i++)
				for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
			return a[int((k + 1) / 2)]
		}
		END {
			printf "%-8s %14s %14s %14s %14s\n", "variant", "set1", "get1", "set8", "get8"
			for (i = 0; i < nv; i++) {
				v = order[i]; printf "%-8s", v
				split("set1 get1 set8 get8", ops, " ")
				for (j = 1; j <= 4; j++)
					printf " %6s / %5s", med(S[v " " ops[j]]), med(N[v " " ops[j]])
				printf "\n"
			}
		}'
}

run_um() {
	local krel dir=$OUT/um v init log=$OUT/um.log kmod
	[ -x "$UMLB/linux" ] || die "no bench UML kernel: run make bench (or bench.sh --arch um) first"
	krel=$(sed -n 's/^#define UTS_RELEASE "\(.*\)"/\1/p' "$UMLB/include/generated/utsrelease.h")
	kmod=$ROOT/.build/bench/kmod/$krel/gpioclx-bench.ko
	[ -f "$kmod" ] || die "no $kmod: run bench.sh --arch um first"
	for v in "${VARIANTS[@]}"; do
		variant "$dir/src/$v" "$v"
		build "$UMLB" um "$dir/src/$v"
		mkdir -p "$dir/$v"
		cp "$dir/src/$v/shim/gpioclx.ko" "$dir/$v/"
	done
	init=$dir/init.sh
	{
		echo '#!/bin/sh'
		echo 'PATH=/usr/sbin:/usr/bin:/sbin:/bin; export PATH'
		echo 'mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t debugfs debugfs /sys/kernel/debug'
		echo 'echo 4 >/proc/sys/kernel/printk'
		echo 'insmod() { /bin/busybox insmod "$@"; }; rmmod() { /bin/busybox rmmod "$@"; }'
		guest_loop "$dir" "$kmod"
		echo '/bin/busybox poweroff -f'
	} >"$init"
	chmod +x "$init"
	timeout 600 "$UMLB/linux" mem=256M rootfstype=hostfs rootflags=/ ro init="$init" \
		con=null con0=fd:0,fd:1 </dev/null >"$log" 2>&1 || true
	report "$log" "UML $krel"
}

run_arm64() {
	local dir=$OUT/arm64 v init log=$OUT/arm64.log kmod files=()
	eval "$("$HERE/debian-kernel.sh" arm64)"
	kmod=$ROOT/.build/bench/kmod/$KREL/gpioclx-bench.ko
	[ -f "$kmod" ] || die "no $kmod: run bench.sh --arch arm64 first"
	for v in "${VARIANTS[@]}"; do
		variant "$dir/src/$v" "$v"
		build "$KDIR" arm64 "$dir/src/$v"
		files+=(--file "$dir/src/$v/shim/gpioclx.ko=/abl/$v/gpioclx.ko")
	done
	init=$dir/init.sh
	{
		echo '#!/bin/busybox sh'
		echo '/bin/busybox --install -s; export PATH=/usr/sbin:/usr/bin:/sbin:/bin'
		echo 'mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t debugfs debugfs /sys/kernel/debug'
		echo 'echo 4 >/proc/sys/kernel/printk'
		guest_loop /abl /modules/gpioclx-bench.ko
		echo 'echo @@DONE@@; poweroff -f'
	} >"$init"
	"$HERE/initramfs.sh" --arch arm64 --out "$dir/initrd.gz" --init "$init" "$kmod" "${files[@]}"
	"$HERE/qemu-run.sh" --arch arm64 --kernel "$KIMAGE" --initrd "$dir/initrd.gz" --log "$log" \
		--timeout 900 || die "arm64 run failed: $log"
	report "$log" "arm64 $KREL (QEMU TCG)"
}

run_events() {
	local dir=$OUT/events v init log=$OUT/events.log kmod files=()
	local variants=(base irqfast irqnoacct)
	eval "$("$HERE/debian-kernel.sh" arm64)"
	kmod=$ROOT/.build/bench/kmod/$KREL/gpioclx-bench.ko
	[ -f "$kmod" ] || die "no $kmod: run bench.sh --arch arm64 first"
	for v in "${variants[@]}"; do
		variant_irq "$dir/src/$v" "$v"
		build "$KDIR" arm64 "$dir/src/$v"
		files+=(--file "$dir/src/$v/shim/gpioclx.ko=/abl/$v/gpioclx.ko"
			--file "$dir/src/$v/drivers/pl061/gpioclx-pl061.ko=/abl/$v/gpioclx-pl061.ko")
	done
	files+=(--file "$kmod=/abl/gpioclx-bench.ko" "$ROOT/.build/bench/arm64/gpio_bench")
	init=$dir/init.sh
	cat >"$init" <<-EOF
		#!/bin/busybox sh
		/bin/busybox --install -s; export PATH=/usr/sbin:/usr/bin:/sbin:/bin
		mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t debugfs debugfs /sys/kernel/debug
		mount -t devtmpfs devtmpfs /dev
		echo 4 >/proc/sys/kernel/printk
		D=9030000.pl061; P=/sys/bus/amba/devices/\$D; A=/sys/bus/amba
		bind() {
			[ -e \$P/driver ] && echo \$D >\$A/drivers/\$(basename \$(readlink \$P/driver))/unbind
			echo \$1 >\$P/driver_override; echo \$D >\$A/drivers_probe
		}
		chip() { for c in /sys/bus/gpio/devices/gpiochip*; do case \$(readlink -f \$c) in */\$D/*) basename \$c ;; esac; done; }
		ev() { gpio_bench -r 2 -e 300 -m ev -t \$1 \$(chip) -E 5 -i /sys/kernel/debug/gpioclx_bench/pl061_inject -H "5 1" -L "5 0" | grep -E ' ev_(rate|klat) '; }
		for r in 1 2 3; do for v in ${variants[*]}; do
			insmod /abl/\$v/gpioclx.ko; insmod /abl/\$v/gpioclx-pl061.ko
			insmod /abl/gpioclx-bench.ko pl061_base=0x09030000 iters=100 reps=1
			bind pl061_gpio; ev native
			bind gpioclx-pl061; ev \$v
			bind pl061_gpio; echo >\$P/driver_override
			rmmod gpioclx-bench; rmmod gpioclx-pl061; rmmod gpioclx
		done; done
		echo @@DONE@@; poweroff -f
	EOF
	"$HERE/initramfs.sh" --arch arm64 --out "$dir/initrd.gz" --init "$init" "${files[@]}"
	"$HERE/qemu-run.sh" --arch arm64 --kernel "$KIMAGE" --initrd "$dir/initrd.gz" --log "$log" \
		--timeout 900 || die "arm64 run failed: $log"
	echo "== arm64 $KREL (QEMU TCG), PL061 edge events: median over rounds"
	tr -d '\r' <"$log" | grep -a '^@@BENCH@@' | awk '
		{ for (i = 5; i <= NF; i++) V[$2 " " $3] = V[$2 " " $3] " " $i
		  if (!($2 in seen)) { seen[$2] = 1; order[n++] = $2 } }
		function med(list,   a, k, i, j, t) {
			k = split(list, a, " ")
			for (i = 2; i <= k; i++)
				for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
			return a[int((k + 1) / 2)]
		}
		END {
			printf "%-10s %12s %22s\n", "driver", "events/s", "write->timestamp us"
			for (i = 0; i < n; i++)
				printf "%-10s %12.0f %22.2f\n", order[i], med(V[order[i] " ev_rate"]),
				       med(V[order[i] " ev_klat"])
		}'
}

main() {
	local a
	[ $# -gt 0 ] || set -- um arm64
	for a in "$@"; do
		case $a in
		um | arm64 | events) "run_$a" ;;
		*) die "usage: ablate.sh [um] [arm64] [events]" ;;
		esac
	done
}

main "$@"
