# shellcheck shell=sh
# Benchmark scenario (make bench, userspace/bench.sh), not a test: it has
# no "e2e-arch:" marker line, so e2e.sh (make check) never selects it.
# Sourced by run_scenario in the arm64 guest (lib.sh loaded, SCEN=bench).
#
# QEMU virt's PL061 under the built-in gpio-pl061 and under our
# gpioclx-pl061, handed back and forth within this boot (native, shim, six
# times: the host's noise comes in bursts of seconds, so short phases
# spread it over both drivers), with the same gpio_bench run each time; the in-kernel
# microbenchmark (gpioclx-bench.ko) runs once at load, and times the
# same gpiod calls in-kernel on the PL061 under each driver (time_chip).
#
# Edges: QEMU's power button (line 3) pulses once per monitor command,
# far too slow for a rate. gpioclx-bench.ko's PL061 injector makes one
# instead: it turns line 5 into an output, writes the level and turns it
# back into an input, and QEMU's model latches the input change as an edge
# (see gpioclx_bench.c). Both drivers see the same register writes.
#
# Hooks: GPIOCLX_BENCH_ROUNDS (native+shim phases, default 6),
# GPIOCLX_BENCH_REPS (repetitions per phase, default 3),
# GPIOCLX_BENCH_ITERS (calls per repetition, default 5000),
# GPIOCLX_BENCH_EVENTS (events per repetition, default 100).

B_DEV=9030000.pl061
B_PL=/sys/bus/amba/devices/$B_DEV
B_AMBA=/sys/bus/amba
B_INJECT=/sys/kernel/debug/gpioclx_bench/pl061_inject
B_ROUNDS=${GPIOCLX_BENCH_ROUNDS:-6}
B_REPS=${GPIOCLX_BENCH_REPS:-3}
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

# b_profile LABEL KEY FUNCTION CHIP MEASURE: FUNCTION's duration per call
# from the function_graph tracer, with only FUNCTION hooked (so the
# functions it calls cost what they cost), while gpio_bench runs MEASURE
# once: the chained PL061 handler per edge event (query, ack/clear, the
# cdev's hard handler), or linehandle_ioctl per get: is a difference
# between the drivers inside the kernel's handling or around it?
b_profile() {
	_t=/sys/kernel/tracing
	[ -d "$_t/events" ] || mount -t tracefs tracefs "$_t" 2>/dev/null
	[ -f "$_t/set_graph_function" ] || { log "no function_graph tracer"; return 0; }
	echo 0 >"$_t/tracing_on"
	if ! echo "$3" >"$_t/set_ftrace_filter"; then
		log "cannot trace $3"
		return 0
	fi
	echo function_graph >"$_t/current_tracer" || return 0
	echo >"$_t/trace"
	echo 1 >"$_t/tracing_on"
	gpio_bench -r 1 -n 1000 -e 100 -m "$5" -t "$1" "$4" -E 5 -i "$B_INJECT" -H "5 1" -L "5 0" \
		>/dev/null
	echo 0 >"$_t/tracing_on"
	grep "$3" "$_t/trace" | sed -n 's/.* \([0-9][0-9]*\.[0-9]*\) us .*/\1/p' |
		tr '\n' ' ' | sed "s/^/@@BENCH@@ $1 $2 us /; s/ *\$//"
	echo
	echo nop >"$_t/current_tracer"
	echo >"$_t/set_ftrace_filter"
}

# b_run LABEL: gpio_bench on whatever driver has the PL061 now.
b_run() {
	_c=$(b_chip) || { fail "$1.chip" "no gpiochip under $B_DEV"; return 1; }
	set -- -t "$1" "$_c" -l 0 -b 0 -E 5 -i "$B_INJECT" -H "5 1" -L "5 0"
	[ "$(b_driver)" = gpioclx-pl061 ] && set -- "$@" -s "/sys/kernel/debug/gpioclx/$B_DEV/state"
	log "gpio_bench $*"
	gpio_bench -r "$B_REPS" -n "$B_ITERS" -q "$((B_ITERS / 10))" -e "$B_EVENTS" "$@"
	expect_eq "$2.gpio_bench" "$?" 0
	if [ "$(b_driver)" = gpioclx-pl061 ]; then
		b_profile "$2" irq_handler gpioclx_chained_handler "$_c" ev
	else
		b_profile "$2" irq_handler pl061_irq_handler "$_c" ev
	fi
	b_profile "$2" ioctl_get linehandle_ioctl "$_c" get1
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
	_r=0
	while [ $_r -lt "$B_ROUNDS" ]; do
		b_bind pl061_gpio && b_run pl061_native
		b_bind gpioclx-pl061 && b_run pl061_shim
		_r=$((_r + 1))
		log "round $_r done"
	done
	# back to the stock driver, as the machine came
	b_bind pl061_gpio
	echo >"$B_PL/driver_override"
	dmesg_check bench.dmesg
}

bench_main
