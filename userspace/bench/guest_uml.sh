#!/bin/sh
# shellcheck shell=sh
# /init of the UML benchmark kernel (userspace/bench.sh boots it with the
# host's / as a read-only hostfs root, so every path here is a host path).
# Environment, from the kernel command line:
#   BENCH_KO     the ARCH=um module build (shim/gpioclx.ko, drivers/sim/gpioclx-sim.ko)
#   BENCH_KMOD   gpioclx-bench.ko (ARCH=um build)
#   BENCH_BIN    the gpio_bench program
#   BENCH_REPS   repetitions (default 15)
#   BENCH_EVENTS edge events per repetition (default 20)
# Prints @@BENCH@@ / @@KBENCH@@ / @@MEM@@ lines for userspace/bench/format.py,
# then @@DONE@@, then powers the kernel off.
#
# Memory: slab bytes kept by a bind (gpioclx-bench.ko's kmem tracker), for
# 8, 128, 1024 and 4096 lines. This kernel lifts ARCH_NR_GPIOS to 8192
# (bench.sh) so the big chips can register at all.
#
# Peers, all in this one boot: gpioclx-sim.ko (4 banks x 32, through the
# shim) against gpio-sim (one 128-line bank, configfs) and gpio-mockup (128
# lines, built in with gpio_mockup.gpio_mockup_ranges=-1,128 on the command
# line), measured interleaved by one gpio_bench process.
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
BB=/bin/busybox
REPS=${BENCH_REPS:-15}
EVENTS=${BENCH_EVENTS:-20}

log() { echo "## $*"; }

finish() {
	echo "@@DONE@@"
	sync
	$BB poweroff -f
}

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t debugfs debugfs /sys/kernel/debug
mount -t configfs configfs /sys/kernel/config
mount -t tmpfs tmpfs /tmp
[ -c /dev/gpiochip0 ] || mount -t devtmpfs devtmpfs /dev
echo 4 >/proc/sys/kernel/printk
log "uml $(uname -r) up $(cut -d' ' -f1 /proc/uptime)s"

# chip_of LABEL: the gpiochipN whose label is LABEL
chip_of() { gpiodetect | sed -n "s/^\(gpiochip[0-9]*\) \[$1\] .*/\1/p" | head -n 1; }

# sim_make NAME LINES: a gpio-sim device with one bank; prints its dev_name
sim_make() {
	d=/sys/kernel/config/gpio-sim/$1
	mkdir "$d" "$d/gpio-bank0" || return 1
	echo "$2" >"$d/gpio-bank0/num_lines"
	echo "$1" >"$d/gpio-bank0/label"
	echo 1 >"$d/live" || return 1
	cat "$d/dev_name"
}

sim_drop() {
	d=/sys/kernel/config/gpio-sim/$1
	echo 0 >"$d/live"
	rmdir "$d/gpio-bank0" "$d"
}

K=/sys/kernel/debug/gpioclx_bench/kmem

# mem LABEL LINES DRIVER DEVICE: slab bytes kept by binding DRIVER to
# DEVICE, 4 times (unbind, start, bind, stop); all in this shell process
mem() {
	_drv=/sys/bus/platform/drivers/$3
	_v=''
	for _i in 1 2 3 4; do
		echo "$4" >"$_drv/unbind" || { log "unbind $4 from $3 failed"; return 1; }
		echo start >"$K"
		_rc=0
		echo "$4" >"$_drv/bind" || _rc=1
		echo stop >"$K"
		[ $_rc = 0 ] || { log "bind $4 to $3 failed"; return 1; }
		_r=$(cat "$K")
		_b=${_r#live_bytes=}
		_v="$_v ${_b%% *}"
	done
	echo "@@MEM@@ $1 $2 bytes$_v"
	# what the last bind kept, by allocation site (for reading, not the table)
	sed "s/^/@@SITES@@ $1 $2 /" /sys/kernel/debug/gpioclx_bench/kmem_sites
}

$BB insmod "$BENCH_KO/shim/gpioclx.ko" || { log "insmod gpioclx failed"; finish; }
$BB insmod "$BENCH_KO/drivers/sim/gpioclx-sim.ko" nr_banks=4 pins_per_bank=32 || log "insmod gpioclx-sim failed"
$BB insmod "$BENCH_KMOD" iters=200000 reps=11 || log "insmod gpioclx-bench failed"
sed 's/^/@@KBENCH@@ uml /' /sys/kernel/debug/gpioclx_bench/results

SIMDEV=$(sim_make bench 128)
SHIM=$(chip_of gpioclx-sim.0)
GSIM=$(chip_of bench)
MOCK=$(chip_of gpio-mockup-A)
log "chips: shim=$SHIM gpio-sim=$GSIM ($SIMDEV) gpio-mockup=$MOCK"
gpiodetect | sed 's/^/## /'

EL=8
set -- -t sim_shim "$SHIM" -B 32 -E $EL -s /sys/kernel/debug/gpioclx/gpioclx-sim.0/state \
	-i /sys/devices/platform/gpioclx-sim.0/sim_gpio$EL/pull -H pull-up -L pull-down
[ -n "$GSIM" ] && set -- "$@" -t sim_gpiosim "$GSIM" -E $EL \
	-i "/sys/devices/platform/$SIMDEV/$GSIM/sim_gpio$EL/pull" -H pull-up -L pull-down
[ -n "$MOCK" ] && set -- "$@" -t sim_mockup "$MOCK" -E $EL \
	-i "/sys/kernel/debug/gpio-mockup/$MOCK/$EL" -H 1 -L 0
log "gpio_bench $*"
"$BENCH_BIN" -r "$REPS" -n 5000 -q 500 -e "$EVENTS" "$@"
log "gpio_bench rc=$? up $(cut -d' ' -f1 /proc/uptime)s"

# Kernel memory per controller instance, at bind.
mem sim_shim 128 gpioclx-sim gpioclx-sim.0
mem sim_gpiosim 128 gpio-sim "$SIMDEV"
sim_drop bench
$BB rmmod gpioclx-sim
for geo in "8 1 8" "1024 16 64"; do
	# shellcheck disable=SC2086 # three words
	set -- $geo
	$BB insmod "$BENCH_KO/drivers/sim/gpioclx-sim.ko" nr_banks="$2" pins_per_bank="$3" &&
		mem sim_shim "$1" gpioclx-sim gpioclx-sim.0
	$BB rmmod gpioclx-sim
done
for n in 8 1024 4096; do
	d=$(sim_make mem$n "$n") && mem sim_gpiosim "$n" gpio-sim "$d"
	sim_drop mem$n
done
# gpioclx-sim stops at 16 banks x 64: 4096 lines through the shim come from
# the no-op client (64 x 64), a second controller of gpioclx-bench.ko
$BB rmmod gpioclx-bench
$BB insmod "$BENCH_KMOD" mem_banks=64 mem_ppb=64 iters=100 reps=1 &&
	mem noop_shim 4096 gpioclx-bench-noop gpioclx-bench-noop.1
log "done up $(cut -d' ' -f1 /proc/uptime)s"
dmesg | grep -E 'WARNING:|BUG:|Oops|Call Trace' | sed 's/^/## splat: /'
finish
