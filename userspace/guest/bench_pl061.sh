# shellcheck shell=sh
# Benchmark scenario (make bench, userspace/bench.sh), not a test: it has
# no "e2e-arch:" marker line, so e2e.sh (make check) never selects it.
# Sourced by run_scenario in the arm64 guest (lib.sh loaded, SCEN=bench).
#
# QEMU virt's PL061 under the built-in gpio-pl061 and under our
# gpioclx-pl061, handed back and forth within this boot (native, shim,
# native, shim: a drift of the machine shows in the spread, not in the
# ratio), with the same gpio_bench run each time; the in-kernel
# microbenchmark (gpioclx-bench.ko) runs once at load, and times the
# same gpiod calls in-kernel on the PL061 under each driver (time_chip).
#
# Edges: QEMU's power button (line 3) pulses once per monitor command,
# far too slow for a rate. gpioclx-bench.ko's PL061 injector makes one
# instead: it turns line 5 into an output, writes the level and turns it
# back into an input, and QEMU's model latches the input change as an edge
# (see gpioclx_bench.c). Both drivers see the same register writes.
#
# Hooks: GPIOCLX_BENCH_REPS (repetitions per phase, default 4),
# GPIOCLX_BENCH_ITERS (calls per repetition, default 5000),
# GPIOCLX_BENCH_EVENTS (events per repetition, default 100).

B_DEV=9030000.pl061
B_PL=/sys/bus/amba/devices/$B_DEV
B_AMBA=/sys/bus/amba
B_INJECT=/sys/kernel/debug/gpioclx_bench/pl061_inject
B_REPS=${GPIOCLX_BENCH_REPS:-4}
B_ITERS=${GPIOCLX_BENCH_ITERS:-5000}
B_EVENTS=${GPIOCLX_BENCH_EVENTS:-100}

b_driver() { [ -e "$B_PL/driver" ] && basename "$(readlink "$B_PL/driver")"; }

b_chip() {
	for c in /sys/bus/gpio/devices/gpiochip*; do
		case $(readlink -f "$c") in */"$B_DEV"/*) basename "$c" && return 0 ;; esac
	done
	return 1
}

# b_bind DRIVER: give the PL061 to DRIVER (driver_override beats the
# built-in driver's match table on the re-probe).
b_bind() {
	_from=$(b_driver)
	[ -n "$_from" ] && echo "$B_DEV" >"$B_AMBA/drivers/$_from/unbind"
	echo "$1" >"$B_PL/driver_override"
	echo "$B_DEV" >"$B_AMBA/drivers_probe"
	expect_eq "bind_$1" "$(b_driver)" "$1"
}

# b_run LABEL: gpio_bench on whatever driver has the PL061 now.
b_run() {
	_c=$(b_chip) || { fail "$1.chip" "no gpiochip under $B_DEV"; return 1; }
	set -- -t "$1" "$_c" -l 0 -b 0 -E 5 -i "$B_INJECT" -H "5 1" -L "5 0"
	[ "$(b_driver)" = gpioclx-pl061 ] && set -- "$@" -s "/sys/kernel/debug/gpioclx/$B_DEV/state"
	log "gpio_bench $*"
	gpio_bench -r "$B_REPS" -n "$B_ITERS" -q "$((B_ITERS / 10))" -e "$B_EVENTS" "$@"
	expect_eq "$2.gpio_bench" "$?" 0
	# the same calls in-kernel on this driver: no syscall, no cdev
	if echo "$B_DEV" >/sys/kernel/debug/gpioclx_bench/time_chip; then
		sed "s/^/@@KBENCH@@ $2 /" /sys/kernel/debug/gpioclx_bench/results
	else
		fail "$2.time_chip" "gpioclx-bench could not time $B_DEV"
	fi
}

bench_main() {
	[ -d "$B_PL" ] || { fail device "no $B_PL (not QEMU virt?)"; return; }
	for m in gpioclx gpioclx-pl061 gpioclx-bench; do
		[ -f "/modules/$m.ko" ] || { fail "module_$m" "/modules/$m.ko missing"; return; }
	done
	expect_rc insmod_gpioclx 0 insmod /modules/gpioclx.ko || return
	expect_rc insmod_pl061 0 insmod /modules/gpioclx-pl061.ko || return
	expect_rc insmod_bench 0 insmod /modules/gpioclx-bench.ko pl061_base=0x09030000 \
		iters=20000 reps=9 || return
	sed 's/^/@@KBENCH@@ arm64 /' /sys/kernel/debug/gpioclx_bench/results
	for round in 1 2; do
		b_bind pl061_gpio && b_run pl061_native
		b_bind gpioclx-pl061 && b_run pl061_shim
		log "round $round done"
	done
	# back to the stock driver, as the machine came
	b_bind pl061_gpio
	echo >"$B_PL/driver_override"
	dmesg_check bench.dmesg
}

bench_main
