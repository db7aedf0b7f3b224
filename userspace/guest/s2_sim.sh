# shellcheck shell=sh
# e2e-arch: amd64 arm64
# Scenario 2 (placeholder): the simulated controller gpioclx-sim.  Until
# the module exists this only proves the guest plumbing on a plain boot:
# the tools run, /modules is there, stock modules load, configfs mounts.
#
# Hooks: GPIOCLX_SIM_MODULES (default "/modules/gpioclx.ko
# /modules/gpioclx-sim.ko"); exercise_sim below is where the real checks
# go (gpiodetect/gpioinfo/gpioset/gpioget/gpiomon on the sim chip, with
# levels injected through the sim's own control interface).

S2_MODULES=${GPIOCLX_SIM_MODULES:-/modules/gpioclx.ko /modules/gpioclx-sim.ko}

# exercise_sim: to be filled in with the module.
exercise_sim() {
	_c=$(gpiodetect | awk '/gpioclx|sim/ { print $1; exit }')
	expect_eq sim.chip "$([ -n "$_c" ] && echo found)" found || return
	mkdir -p /tmp/s2
	gpioinfo "$_c" >/tmp/s2/info
	log "sim chip $_c: $(head -n 1 /tmp/s2/info)"
}

s2_main() {
	expect_rc gpiodetect 0 gpiodetect
	expect_eq modules_dir "$([ -d /modules ] && echo yes)" yes
	expect_rc gpio_v2_test_usage 64 gpio_v2_test
	# configfs: built in, or a stock module copied by initramfs.sh --stock
	expect_eq configfs "$(grep -c ' /sys/kernel/config configfs ' /proc/mounts)" 1
	if [ -f "${S2_MODULES##* }" ]; then
		for m in $S2_MODULES; do expect_rc "insmod_$(basename "$m" .ko)" 0 insmod "$m" || return; done
		exercise_sim
		_rev=
		for m in $S2_MODULES; do _rev="$(basename "$m" .ko) $_rev"; done
		for m in $_rev; do expect_rc "rmmod_$m" 0 rmmod "$m"; done
	else
		skip gpioclx-sim "module not built"
	fi
}

s2_main
