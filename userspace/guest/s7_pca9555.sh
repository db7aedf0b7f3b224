# shellcheck shell=sh
# e2e-arch: arm64
# Scenario 7: a PCA9555 on the simulated I2C bus (gpioclx-i2c-sim.ko), its
# INT wired to line 0 of gpioclx-sim.0, first under Linux's gpio-pca953x
# (built in on Debian's arm64 kernels, 6.1 and 6.12; not on amd64), then
# handed over to our serial GpioClx client gpioclx-pca9555, the same
# commands run again, and the two runs diffed line by line.  Sourced by
# run_scenario (lib.sh loaded, SCEN=s7).
#
# The expander's outside world is the bus's control interface:
#   /sys/devices/platform/gpioclx-i2c-sim/pin<N>/drive   high|low|float
#   /sys/devices/platform/gpioclx-i2c-sim/pin<N>/value   the level, 0|1
#   .../registers, .../int, .../transfers, .../messages, .../errors
# A floating pin reads 1 (the chip's pull-ups).
#
# Without gpioclx-pca9555.ko the "ours" half is a SKIP, and the plumbing
# is proven on the stock driver instead: unbind, bind again, the same
# commands, the same diff.
#
# Hooks: GPIOCLX_I2C_SIM_MODULES (default "/modules/gpioclx.ko
# /modules/gpioclx-sim.ko /modules/gpioclx-i2c-sim.ko"),
# GPIOCLX_PCA9555_MODULE (default /modules/gpioclx-pca9555.ko).

S7_MODULES=${GPIOCLX_I2C_SIM_MODULES:-/modules/gpioclx.ko /modules/gpioclx-sim.ko /modules/gpioclx-i2c-sim.ko}
S7_OURS=${GPIOCLX_PCA9555_MODULE:-/modules/gpioclx-pca9555.ko}
S7_DRIVER=gpioclx-pca9555
S7_NATIVE=pca953x
S7_SYS=$I2C_SIM
S7_I2C=/sys/bus/i2c
S7_NLINES=16
S7_CLIENT=''

# --- helpers -----------------------------------------------------------

# drive PIN high|low|float [PIN STATE ...]: the outside world (builtins).
drive() {
	while [ $# -ge 2 ]; do
		echo "$2" >"$S7_SYS/pin$1/drive"
		shift 2
	done
}

# drive_pattern P: every pin driven from outside, bit i high or low.
drive_pattern() {
	_i=0
	while [ $_i -lt $S7_NLINES ]; do
		if [ $((($1 >> _i) & 1)) = 1 ]; then drive $_i high; else drive $_i low; fi
		_i=$((_i + 1))
	done
}

# levels: "0 1 ..." - every pin's level as the outside sees it.
levels() {
	_i=0 _o=
	while [ $_i -lt $S7_NLINES ]; do
		_o="$_o $(cat "$S7_SYS/pin$_i/value")"
		_i=$((_i + 1))
	done
	echo "${_o# }"
}

# bits P: "0=1 1=0 ..." for gpioset; values P: "1 0 ..." as gpioget prints.
bits() {
	_i=0 _o=
	while [ $_i -lt $S7_NLINES ]; do
		_o="$_o $_i=$((($1 >> _i) & 1))"
		_i=$((_i + 1))
	done
	echo "$_o"
}
values() { bits "$1" | sed 's/ [0-9]*=/ /g; s/^ //'; }

all_lines() { seq 0 $((S7_NLINES - 1)); }

s7_bound() {
	[ -e "$S7_I2C/devices/$S7_CLIENT/driver" ] &&
		basename "$(readlink "$S7_I2C/devices/$S7_CLIENT/driver")"
}

# s7_chip: the gpiochip under the expander's i2c client.
s7_chip() {
	for _g in /sys/bus/gpio/devices/gpiochip*; do
		case $(readlink -f "$_g") in */"$S7_CLIENT"/*) basename "$_g" && return 0 ;; esac
	done
	return 1
}

held_by() { debugfs_line "$1" "$2" | grep -q "|$3 *)"; }
int_released() { [ "$(cat "$S7_SYS/int")" = released ]; }

# settle: the interrupt thread has read the input port (INT released)
# and had time to deliver what it found.
settle() {
	wait_for 3000 int_released || log "INT still asserted after 3 s"
	usleep 150000
}

counter() { cat "$S7_SYS/$1"; }

# --- refused loads and refused writes ----------------------------------

# dmesg_mark / dmesg_since: the kernel log from a mark on (never
# "dmesg -c": dmesg_check counts lines from where it last looked).
dmesg_mark() { S7_MARK=$(dmesg | wc -l); }
dmesg_since() { dmesg | tail -n +$((S7_MARK + 1)); }

# refused CHECK ERRNO WHAT PARAM...: the bus module refuses PARAMs with
# ERRNO (busybox insmod exits with it), says WHAT in dmesg, and leaves
# nothing behind.
refused() {
	_rn=$1 _rerr=$2 _what=$3
	shift 3
	dmesg_mark
	insmod "${S7_MODULES##* }" "$@" >"/tmp/out.$_rn" 2>&1
	expect_eq "p.$_rn" "$?" "$_rerr"
	expect_match "p.$_rn.log" "$(dmesg_since)" "$_what"
	expect_eq "p.$_rn.left" "$(ls -d "$S7_SYS" /sys/module/gpioclx_i2c_sim 2>/dev/null)" ""
	[ -d /sys/module/gpioclx_i2c_sim ] && rmmod gpioclx-i2c-sim
}

bad_writes() {
	dmesg_mark
	( echo bogus >"$S7_SYS/pin3/drive" ) 2>/dev/null
	expect_eq w.drive_bogus "$?" 1
	expect_match w.drive_bogus.log "$(dmesg_since)" "pin3/drive: 'bogus' is not high, low or float"
	expect_eq w.drive_kept "$(cat "$S7_SYS/pin3/drive")" float
	for _f in pin3/value registers int transfers messages errors; do
		( echo 1 >"$S7_SYS/$_f" ) 2>/dev/null
		expect_eq "w.$(echo "$_f" | tr / _)" "$?" 1
	done
	drive 3 low
	expect_eq w.drive_low "$(cat "$S7_SYS/pin3/drive") $(cat "$S7_SYS/pin3/value")" "low 0"
	drive 3 float
	expect_eq w.drive_float "$(cat "$S7_SYS/pin3/drive") $(cat "$S7_SYS/pin3/value")" "float 1"
}

# --- one run of the commands against whichever driver is bound ---------

# ex_identity L C D
ex_identity() {
	gpiodetect | grep "^$2 " >"$3/detect.txt"
	sed 's/^gpiochip[0-9]*/gpiochipN/; s/\[[^]]*\]/[LABEL]/' "$3/detect.txt" >"$3/detect.cmp"
	expect_eq "$1.detect" "$(cat "$3/detect.cmp")" "gpiochipN [LABEL] ($S7_NLINES lines)"
	gpioinfo "$2" | sed 's/^gpiochip[0-9]*/gpiochipN/' >"$3/info.cmp"
	expect_eq "$1.info_lines" "$(grep -c '^[[:space:]]*line ' "$3/info.cmp")" "$S7_NLINES"
	for _i in $(all_lines); do gpio_v2_test info "$2" "$_i"; done >"$3/v2info.cmp"
	expect_eq "$1.v2info_unused" "$(grep -c 'consumer="" flags=input ' "$3/v2info.cmp")" \
		"$S7_NLINES"
}

# ex_outputs L C D P: hold P on all lines; the pins (seen from outside)
# and gpiolib's debugfs (the driver's ->get) must show it.
ex_outputs() {
	# shellcheck disable=SC2046 # one word per line=value
	gpioset --mode=signal "$2" $(bits "$4") &
	_sp=$!
	if ! wait_for 5000 held_by "$2" $((S7_NLINES - 1)) gpioset; then
		fail "$1.out_$4" "gpioset did not take the lines"
		kill $_sp 2>/dev/null
		wait $_sp
		return
	fi
	_pins=$(levels) _dbg=$(chip_states "$2")
	kill $_sp
	wait $_sp
	echo "pattern $4 pins: $_pins" >>"$3/outputs.cmp"
	echo "pattern $4 debugfs:$_dbg" >>"$3/outputs.cmp"
	expect_eq "$1.out_$4" "$_pins" "$(values "$4")"
	_want='' _i=0
	while [ $_i -lt $S7_NLINES ]; do
		[ $((($4 >> _i) & 1)) = 1 ] && _want="$_want $_i:out hi" || _want="$_want $_i:out lo"
		_i=$((_i + 1))
	done
	expect_eq "$1.out_${4}_debugfs" "$_dbg" "$_want"
}

# ex_inputs L C D P: the outside drives P; gpioget reads it.
ex_inputs() {
	drive_pattern "$4"
	# shellcheck disable=SC2046
	_got=$(gpioget "$2" $(all_lines))
	echo "pattern $4: $_got" >>"$3/inputs.cmp"
	expect_eq "$1.in_$4" "$_got" "$(values "$4")"
}

# ex_float L C D: nothing drives the pins: the pull-ups; active-low reads.
ex_float() {
	for _i in $(all_lines); do drive "$_i" float; done
	# shellcheck disable=SC2046
	_got=$(gpioget "$2" $(all_lines))
	echo "float: $_got" >>"$3/inputs.cmp"
	expect_eq "$1.in_float" "$_got" "$(values 0xffff)"
	drive 4 low
	_got=$(gpioget -l "$2" 4 5)
	echo "active-low 4 low, 5 float: $_got" >>"$3/inputs.cmp"
	expect_eq "$1.in_active_low" "$_got" "1 0"
	drive 4 float
	# every line an input now: directions and polarity as gpioget left them
	grep -e '^config' -e '^polarity' "$S7_SYS/registers" >"$3/registers.cmp"
	expect_eq "$1.regs_inputs" "$(tr '\n' '|' <"$3/registers.cmp")" "polarity 00 00|config ff ff|"
}

# ex_v2 L C D: uAPI v2 multi-line attributes (gpio_v2_test's own checks).
# Its last step, a debounce attribute, cannot work on a chip that sleeps:
# the chip has no hardware debounce, and gpiolib's software debounce
# requests the line's interrupt with a hard handler, which a nested
# threaded interrupt refuses (-EINVAL, 6.1 and 6.12 alike).  Everything
# before it must pass, and that refusal must be the end.
ex_v2() {
	gpio_v2_test config "$2" 0 1 2 >"$3/v2config.cmp" 2>&1
	_rc=$?
	sed "s/^/## v2config: /" "$3/v2config.cmp"
	expect_eq "$1.v2config" "$_rc $(grep -c '^ok ' "$3/v2config.cmp") $(grep -c '^FAIL' "$3/v2config.cmp")" \
		"1 9 0"
	expect_eq "$1.v2config_debounce" "$(tail -n 1 "$3/v2config.cmp")" \
		"gpio_v2_test: GPIO_V2_LINE_SET_CONFIG_IOCTL: Invalid argument"
}

# ex_bus L C D: bus transfers and messages per uAPI call, each set
# alternating all-high and all-low (gpiolib passes on every set).  Not
# diffed (the drivers may differ; the bench reports it), but each must
# have reached the bus.
ex_bus() {
	_lo='0=0 1=0 2=0 3=0 4=0 5=0 6=0 7=0' _hi='0=1 1=1 2=1 3=1 4=1 5=1 6=1 7=1'
	# shellcheck disable=SC2086 # one word per line spec
	set -- "$1" "$2" "$3" \
		"set8 $(i2c_sim_per_op "$2" 20 "set $_hi" "set $_lo" $_lo)" \
		"get8 $(i2c_sim_per_op "$2" 20 get get 0=in 1=in 2=in 3=in 4=in 5=in 6=in 7=in)" \
		"set1 $(i2c_sim_per_op "$2" 20 "set 0=1" "set 0=0" 0=0)" \
		"get1 $(i2c_sim_per_op "$2" 20 get get 0=in)"
	_b=$1 _bd=$3
	shift 3
	for _r in "$@"; do
		echo "$_r" >>"$_bd/bus.txt"
		log "$_b: bus transfers, messages per call: $_r"
		expect_eq "$_b.bus_${_r%% *}" "$(echo "$_r" | awk '{ print ($2 > 0 ? "on the bus" : $0) }')" \
			"on the bus"
	done
}

# ex_edges_v1 L C D: gpiomon on lines 3 and 12; each pin driven low and let
# go (the pull-up brings it back): exactly one falling and one rising edge
# each, in order.  gpiomon's output is flushed when it is stopped.
ex_edges_v1() {
	gpiomon "$2" 3 12 >"$3/mon.raw" 2>&1 &
	_mp=$!
	wait_for 5000 held_by "$2" 12 gpiomon || log "gpiomon did not take line 12"
	_t0=$(counter transfers)
	for _p in 3 12; do
		drive $_p low
		settle
		drive $_p float
		settle
	done
	usleep 300000
	kill $_mp
	wait $_mp
	echo "$(($(counter transfers) - _t0))" >"$3/edges_transfers.txt"
	sed 's/ *timestamp:.*//; s/  */ /g' "$3/mon.raw" >"$3/edges_v1.cmp"
	expect_eq "$1.edges_v1" "$(tr '\n' '|' <"$3/edges_v1.cmp")" \
		"event: FALLING EDGE offset: 3|event: RISING EDGE offset: 3|event: FALLING EDGE offset: 12|event: RISING EDGE offset: 12|"
}

# ex_edges_v2 L C D: uAPI v2, one line, both edges; then a change on
# another input gives no event on it (negative control).
ex_edges_v2() {
	gpio_v2_test events "$2" 5 both 0 2 10000 400 >"$3/v2events.raw" 2>&1 &
	_ep=$!
	wait_for 5000 at_least "$3/v2events.raw" 1 '^armed'
	drive 5 low
	settle
	drive 5 float
	wait $_ep
	expect_eq "$1.edges_v2_rc" "$?" 0
	sed 's/ ts_ns=.*//' "$3/v2events.raw" >"$3/v2events.cmp"
	expect_eq "$1.edges_v2" "$(tr '\n' '|' <"$3/v2events.cmp")" \
		"armed offset=5 name=\"\" consumer=\"gpio_v2_test\" flags=used,input,edge-rising,edge-falling debounce_us=0|FALLING offset=5 seqno=1 line_seqno=1|RISING offset=5 seqno=2 line_seqno=2|"

	gpio_v2_test events "$2" 5 both 0 1 1500 >"$3/other.raw" 2>&1 &
	_ep=$!
	wait_for 5000 at_least "$3/other.raw" 1 '^armed'
	drive 6 low
	settle
	drive 6 float
	wait $_ep
	_rc=$?
	sed 's/ ts_ns=.*//' "$3/other.raw" >"$3/other.cmp"
	expect_eq "$1.other_pin_no_event" "$_rc $(tail -n 1 "$3/other.cmp")" "2 timeout seen=0"
}

# exercise L: everything above; records in /tmp/s7/L (*.cmp diffed).
exercise() {
	_l=$1 _d=/tmp/s7/$1
	rm -rf "$_d"
	mkdir -p "$_d"
	_c=$(s7_chip) || { fail "$_l.chip" "no gpiochip under $S7_CLIENT (driver '$(s7_bound)')"; return 1; }
	log "exercise $_l: $_c, driver $(s7_bound)"
	# Start from nothing driven and every line an input: gpio-pca953x
	# leaves a released output driving (it has no ->free), so a run after
	# another would otherwise see its outputs.
	for _i in $(all_lines); do drive "$_i" float; done
	# shellcheck disable=SC2046
	gpioget "$_c" $(all_lines) >/dev/null
	ex_identity "$_l" "$_c" "$_d"
	for p in 0x5555 0xaaaa; do ex_outputs "$_l" "$_c" "$_d" $p; done
	for p in 0x5555 0xaaaa 0x0ff0; do ex_inputs "$_l" "$_c" "$_d" $p; done
	ex_float "$_l" "$_c" "$_d"
	ex_v2 "$_l" "$_c" "$_d"
	ex_bus "$_l" "$_c" "$_d"
	ex_edges_v1 "$_l" "$_c" "$_d"
	ex_edges_v2 "$_l" "$_c" "$_d"
	expect_eq "$_l.int_released" "$(cat "$S7_SYS/int")" released
	expect_eq "$_l.bus_errors" "$(counter errors)" 0
	grep -E "gpioclx|$S7_CLIENT" /proc/interrupts >"$_d/interrupts.txt"
	dmesg_check "$_l.dmesg"
	return 0
}

# compare A B: every record of run A equals run B's, each a check.
compare() {
	for f in /tmp/s7/"$1"/*.cmp; do
		_n=$(basename "$f" .cmp)
		if [ ! -f "/tmp/s7/$2/$_n.cmp" ]; then
			fail "same.$2.$_n" "no /tmp/s7/$2/$_n.cmp"
		elif cmp -s "$f" "/tmp/s7/$2/$_n.cmp"; then
			pass "same.$2.$_n"
		else
			diff -u "$f" "/tmp/s7/$2/$_n.cmp" | sed 's/^/## diff: /'
			fail "same.$2.$_n" "$1 vs $2: $(diff "$f" "/tmp/s7/$2/$_n.cmp" | grep '^[<>]' | head -n 2)"
		fi
	done
}

# bind_to DRIVER: unbind the expander from whoever has it, give it to DRIVER.
bind_to() {
	_from=$(s7_bound)
	[ -n "$_from" ] && echo "$S7_CLIENT" >"$S7_I2C/drivers/$_from/unbind"
	[ -n "$(s7_bound)" ] || echo "$S7_CLIENT" >"$S7_I2C/drivers/$1/bind"
	expect_eq "bind.$1" "$(s7_bound)" "$1"
}

s7_main() {
	for m in $S7_MODULES; do
		[ -f "$m" ] || { fail modules "$m not built"; return; }
	done
	_bus=${S7_MODULES##* }
	# an earlier scenario may leave the shim loaded (on 6.1, s6's held
	# line keeps a reference to it until reboot): reuse it then
	S7_OWN_SHIM=
	if [ ! -d /sys/module/gpioclx ]; then
		expect_rc insmod_gpioclx 0 insmod "${S7_MODULES%% *}" || return
		S7_OWN_SHIM=1
	fi
	expect_rc insmod_sim 0 insmod /modules/gpioclx-sim.ko nr_controllers=1 || return

	# EINVAL 22, ENODEV 19; gpioclx-sim.0 has 4 x 32 lines
	refused addr_low 22 'addr=0x1f: a PCA9555 answers at 0x20\.\.0x27' addr=0x1f
	refused addr_high 22 'addr=0x28: a PCA9555 answers at 0x20\.\.0x27' addr=0x28
	refused addr_text 22 'invalid for parameter .addr.' addr=twenty
	refused int_controller 19 'int_controller=1 int_line=0: no such gpioclx-sim controller' \
		int_controller=1
	refused int_line 22 'int_controller=0 int_line=128: no such line' int_line=128

	dmesg_mark
	expect_rc insmod_i2c_sim 0 insmod "$_bus" || return
	for _a in "$S7_SYS"/i2c-*; do _adap=${_a##*/}; done
	S7_CLIENT=${_adap#i2c-}-0020
	expect_eq client "$(cat "$S7_I2C/devices/$S7_CLIENT/name" 2>/dev/null)" pca9555
	expect_match load.log "$(dmesg_since)" "$_adap: pca9555 at 0x20, INT on gpioclx-sim.0 line 0"
	expect_eq native.driver "$(s7_bound)" "$S7_NATIVE"
	expect_match int.line "$(debugfs_line "$(basename /sys/devices/platform/gpioclx-sim.0/gpiochip*)" 0)" \
		'pca9555-int'
	bad_writes

	exercise native

	if [ -f "$S7_OURS" ]; then
		echo "$S7_CLIENT" >"$S7_I2C/drivers/$S7_NATIVE/unbind"
		expect_rc insmod_ours 0 insmod "$S7_OURS"
		bind_to "$S7_DRIVER"
		if [ "$(s7_bound)" = "$S7_DRIVER" ] && exercise gpioclx; then
			compare native gpioclx
		fi
		echo "$S7_CLIENT" >"$S7_I2C/drivers/$S7_DRIVER/unbind"
		expect_rc rmmod_ours 0 rmmod "$S7_DRIVER"
		bind_to "$S7_NATIVE"
	else
		skip "$S7_DRIVER" "module not built"
		# the hand-over plumbing and the diff, on the stock driver
		bind_to "$S7_NATIVE"
		exercise rebound && compare native rebound
	fi

	# a device where nothing answers: the bus does not acknowledge the
	# address (-ENXIO), counts the failed transfer, and the driver's probe
	# fails on it
	_e0=$(counter errors)
	echo pca9555 0x21 >"$S7_I2C/devices/$_adap/new_device"
	_nack=${_adap#i2c-}-0021
	expect_eq nack.client "$(cat "$S7_I2C/devices/$_nack/name" 2>/dev/null)" pca9555
	expect_eq nack.unbound "$(ls "$S7_I2C/devices/$_nack/driver" 2>/dev/null)" ""
	expect_eq nack.errors "$(($(counter errors) > _e0))" 1
	echo 0x21 >"$S7_I2C/devices/$_adap/delete_device"
	expect_eq nack.deleted "$(ls -d "$S7_I2C/devices/$_nack" 2>/dev/null)" ""

	# the bus goes with a driver bound to its client
	expect_eq unload.bound "$(s7_bound)" "$S7_NATIVE"
	expect_rc rmmod_i2c_sim 0 rmmod gpioclx-i2c-sim
	expect_eq unload.client "$(ls -d "$S7_I2C/devices/$S7_CLIENT" "$S7_SYS" 2>/dev/null)" ""
	expect_rc rmmod_sim 0 rmmod gpioclx-sim
	[ -z "$S7_OWN_SHIM" ] || expect_rc rmmod_gpioclx 0 rmmod gpioclx
	dmesg_check unload.dmesg
}

s7_main
