# shellcheck shell=sh
# e2e-arch: arm64
# Scenario 4: the simulated controller on the stock arm64 kernel too (the
# full simulator scenario, s2, runs on amd64): load, identity, an input
# driven from sysfs, an output read back through it, one edge through the
# sim's interrupt, and a clean unload. Sourced by run_scenario (SCEN=s4).

S4_MODULES=${GPIOCLX_SIM_MODULES:-/modules/gpioclx.ko /modules/gpioclx-sim.ko}
S4_SYS=/sys/devices/platform/gpioclx-sim.0

s4_chip() {
	for _g in "$S4_SYS"/gpiochip*; do
		[ -e "$_g" ] && basename "$_g" && return 0
	done
	return 1
}

s4_main() {
	if [ ! -e "${S4_MODULES##* }" ]; then
		skip sim "gpioclx-sim.ko not built"
		return 0
	fi
	# s1 may have left the shim loaded (it hands the PL061 back): reuse it
	S4_OWN_SHIM=
	if [ ! -d /sys/module/gpioclx ]; then
		expect_rc insmod_gpioclx 0 insmod "${S4_MODULES%% *}" || return
		S4_OWN_SHIM=1
	fi
	expect_rc insmod_sim 0 insmod "${S4_MODULES##* }" nr_banks=2 pins_per_bank=16 || return
	S4_C=$(s4_chip)
	expect_match gpiodetect "$(gpiodetect)" "^$S4_C \[gpioclx-sim\.0\] \(32 lines\)" || return
	expect_match gpioinfo "$(gpioinfo "$S4_C")" 'line +17: +"bank1-1"'

	echo pull-up >"$S4_SYS/sim_gpio17/pull"
	expect_eq get_high "$(gpioget "$S4_C" 17)" 1
	echo pull-down >"$S4_SYS/sim_gpio17/pull"
	expect_eq get_low "$(gpioget "$S4_C" 17)" 0
	echo none >"$S4_SYS/sim_gpio17/pull"

	gpioset --mode=signal "$S4_C" 3=1 &
	_set=$!
	wait_for 5000 grep -q "gpio-.*gpioset" /sys/kernel/debug/gpio
	expect_eq set_seen "$(cat "$S4_SYS/sim_gpio3/value")" 1
	kill "$_set" 2>/dev/null
	wait "$_set" 2>/dev/null

	gpiomon --num-events=1 --rising-edge "$S4_C" 30 >/tmp/s4.mon 2>&1 &
	_mon=$!
	wait_for 5000 grep -q "gpiomon" /sys/kernel/debug/gpio
	echo pull-up >"$S4_SYS/sim_gpio30/pull"
	wait_for 5000 sh -c "! kill -0 $_mon 2>/dev/null"
	kill "$_mon" 2>/dev/null
	wait "$_mon" 2>/dev/null
	expect_match edge "$(cat /tmp/s4.mon)" "RISING EDGE offset: 30"
	echo none >"$S4_SYS/sim_gpio30/pull"

	expect_rc rmmod_sim 0 rmmod gpioclx-sim
	[ -z "$S4_OWN_SHIM" ] || expect_rc rmmod_gpioclx 0 rmmod gpioclx
}

s4_main
