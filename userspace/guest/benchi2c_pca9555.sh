# shellcheck shell=sh
# Benchmark scenario (make bench, userspace/bench.sh), not a test: it has
# no "e2e-arch:" marker line, so e2e.sh (make check) never selects it.
# Sourced by run_scenario in the arm64 guest (lib.sh loaded, SCEN=benchi2c).
#
# A PCA9555 on the simulated I2C bus (gpioclx-i2c-sim.ko, INT on line 0 of
# gpioclx-sim.0) under the built-in gpio-pca953x and, when built, under our
# gpioclx-pca9555, handed back and forth within this boot (rounds of
# native then ours, as bench_pl061.sh does), the same gpio_bench run on
# each: single and 8-line get/set rates through the uAPI, and edge events
# made by driving pin 8 from the bus's control interface.  Then, once per
# driver, bus transfers and messages per uAPI call from the bus's counters
# (i2c_sim_per_op): an 8-line set touches one output register, so the
# physical floor is one transfer of one message.
#
# Hooks: GPIOCLX_BENCH_ROUNDS (default 3), GPIOCLX_BENCH_REPS (default 3),
# GPIOCLX_BENCH_I2C_ITERS (calls per repetition, default 500),
# GPIOCLX_BENCH_I2C_EVENTS (events per repetition, default 50).

BI_ROUNDS=${GPIOCLX_BENCH_ROUNDS:-3}
BI_REPS=${GPIOCLX_BENCH_REPS:-3}
BI_ITERS=${GPIOCLX_BENCH_I2C_ITERS:-500}
BI_EVENTS=${GPIOCLX_BENCH_I2C_EVENTS:-50}
BI_I2C=/sys/bus/i2c
BI_OURS=gpioclx-pca9555
BI_CLIENT=''

bi_driver() {
	[ -e "$BI_I2C/devices/$BI_CLIENT/driver" ] &&
		basename "$(readlink "$BI_I2C/devices/$BI_CLIENT/driver")"
}

bi_chip() {
	for c in /sys/bus/gpio/devices/gpiochip*; do
		case $(readlink -f "$c") in */"$BI_CLIENT"/*) basename "$c" && return 0 ;; esac
	done
	return 1
}

# bi_bind DRIVER: unbind the expander from whoever has it; bind DRIVER.
bi_bind() {
	_from=$(bi_driver)
	[ -n "$_from" ] && echo "$BI_CLIENT" >"$BI_I2C/drivers/$_from/unbind"
	echo "$BI_CLIENT" >"$BI_I2C/drivers/$1/bind"
	expect_eq "bind_$1" "$(bi_driver)" "$1"
}

# bi_run LABEL: gpio_bench on whatever driver has the expander now.
bi_run() {
	_c=$(bi_chip) || { fail "$1.chip" "no gpiochip under $BI_CLIENT"; return 1; }
	log "gpio_bench $1 on $_c ($(bi_driver))"
	gpio_bench -r "$BI_REPS" -n "$BI_ITERS" -q "$((BI_ITERS / 10))" -e "$BI_EVENTS" \
		-m get1,set1,get8,set8,req,ev -t "$1" "$_c" -l 0 -b 0 \
		-E 8 -i "$I2C_SIM/pin8/drive" -H high -L low
	expect_eq "$1.gpio_bench" "$?" 0
}

# bi_bus LABEL: bus transfers and messages per call, 100 calls each.
bi_bus() {
	_c=$(bi_chip) || return 1
	_lo='0=0 1=0 2=0 3=0 4=0 5=0 6=0 7=0' _hi='0=1 1=1 2=1 3=1 4=1 5=1 6=1 7=1'
	# shellcheck disable=SC2086 # one word per line spec
	set -- "$1" \
		"set8 $(i2c_sim_per_op "$_c" 100 "set $_hi" "set $_lo" $_lo)" \
		"get8 $(i2c_sim_per_op "$_c" 100 get get 0=in 1=in 2=in 3=in 4=in 5=in 6=in 7=in)" \
		"set1 $(i2c_sim_per_op "$_c" 100 "set 0=1" "set 0=0" 0=0)" \
		"get1 $(i2c_sim_per_op "$_c" 100 get get 0=in)"
	_bl=$1
	shift
	for _r in "$@"; do
		# shellcheck disable=SC2086 # "op transfers messages"
		set -- $_r
		if [ "$2" = n/a ]; then
			fail "$_bl.per_op_$1" "gpio_v2_test could not hold the lines"
			continue
		fi
		echo "@@BENCH@@ $_bl xfers_$1 transfers $2"
		echo "@@BENCH@@ $_bl msgs_$1 messages $3"
	done
}

benchi2c_main() {
	for m in gpioclx gpioclx-sim gpioclx-i2c-sim; do
		[ -f "/modules/$m.ko" ] || { fail "module_$m" "/modules/$m.ko missing"; return; }
	done
	expect_rc insmod_gpioclx 0 insmod /modules/gpioclx.ko || return
	expect_rc insmod_sim 0 insmod /modules/gpioclx-sim.ko nr_controllers=1 || return
	expect_rc insmod_i2c_sim 0 insmod /modules/gpioclx-i2c-sim.ko || return
	for _a in "$I2C_SIM"/i2c-*; do _adap=${_a##*/}; done
	BI_CLIENT=${_adap#i2c-}-0020
	_ours=
	if [ -f "/modules/$BI_OURS.ko" ]; then
		# loaded while pca953x holds the expander: nothing to bind yet
		expect_rc insmod_ours 0 insmod "/modules/$BI_OURS.ko" && _ours=1
	else
		log "no /modules/$BI_OURS.ko: gpio-pca953x alone"
	fi
	_r=0
	while [ $_r -lt "$BI_ROUNDS" ]; do
		bi_bind pca953x && bi_run pca9555_native
		[ -n "$_ours" ] && bi_bind "$BI_OURS" && bi_run pca9555_shim
		_r=$((_r + 1))
		log "round $_r done"
	done
	bi_bind pca953x && bi_bus pca9555_native
	[ -n "$_ours" ] && bi_bind "$BI_OURS" && bi_bus pca9555_shim
	# back to the stock driver, as the machine came
	bi_bind pca953x
	dmesg_check benchi2c.dmesg
}

benchi2c_main
