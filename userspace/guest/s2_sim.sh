# shellcheck shell=sh
# e2e-arch: amd64
# Scenario 2: the simulated controller gpioclx-sim.ko on the stock amd64
# kernel, through Debian's libgpiod 1.6 tools (uAPI v1).  Every level the
# tools should see is made from outside through the sim's control
# interface, and every level they drive is read back through it:
#   /sys/devices/platform/gpioclx-sim.<n>/sim_gpio<offset>/pull   (write)
#       pull-up | pull-down: drive the pin from outside; none: let go
#   /sys/devices/platform/gpioclx-sim.<n>/sim_gpio<offset>/value  (read)
# Sourced by run_scenario (lib.sh loaded, SCEN=s2).
#
# First, loads that must be refused whole (p.*): each parameter out of its
# documented range, and combinations whose lines the kernel's GPIO number
# space cannot hold; then two loads of the module:
#   A  nr_controllers=2 nr_banks=4 pins_per_bank=32: identity, get/set
#      across banks, bias, edges (rising, falling, emulated both) with
#      exact counts, busy, bad arguments, tracepoint, rmmod while held;
#   B  nr_banks=2 pins_per_bank=64: the same paths on bit 63 of a bank.
#
# Facts of the stack this relies on (shim/gpioclx_gpio.c, gpioclx_irq.c):
#   - a released line is Disconnect(PreserveConfiguration=0)ed: back to
#     input with pulls off, so an undriven released line reads 0;
#   - the sim detects one edge or one level per pin: both-edge requests
#     are emulated by the shim with levels (EmulateActiveBoth);
#   - gc->owner is the client module: every requested line (and every
#     requested interrupt) holds a reference on gpioclx_sim, so rmmod is
#     refused while anything is held.
# Not exercised: unbinding the device (sysfs unbind) while lines are held.
# Debian's 6.1 gpiolib then leaks the module reference of each held line
# (gpiod_free() skips module_put() once gdev->chip is gone) and, for a
# held interrupt, WARNs in remove_proc_entry(); both are gpiolib's, fixed
# upstream after 6.1, and would make the module unloadable for the boot.
#
# Hooks: GPIOCLX_SIM_MODULES (default "/modules/gpioclx.ko
# /modules/gpioclx-sim.ko").

S2_MODULES=${GPIOCLX_SIM_MODULES:-/modules/gpioclx.ko /modules/gpioclx-sim.ko}
S2_D=/tmp/s2
S2_DEV=gpioclx-sim.0
S2_SYS=/sys/devices/platform/$S2_DEV
S2_STATE=/sys/kernel/debug/gpioclx/$S2_DEV/state
S2_C=''

# --- helpers -----------------------------------------------------------

# sim_load CHECK PARAM...: insmod the shim and the sim with PARAMs.
# (lib.sh's expect_* use _n: hence _ld here)
sim_load() {
	_ld=$1
	shift
	expect_rc "$_ld.insmod_gpioclx" 0 insmod "${S2_MODULES%% *}" || return 1
	expect_rc "$_ld.insmod_sim" 0 insmod "${S2_MODULES##* }" "$@" || return 1
	S2_C=$(chip_of_dev "$S2_DEV")
	expect_eq "$_ld.chip" "${S2_C:+found}" found
}

# sim_unload CHECK: rmmod both, which must work (nothing held).
sim_unload() {
	expect_rc "$1.rmmod_sim" 0 rmmod gpioclx-sim
	expect_rc "$1.rmmod_gpioclx" 0 rmmod gpioclx
	expect_eq "$1.unloaded" "$(ls -d /sys/module/gpioclx* 2>/dev/null)" ""
}

# chip_of_dev DEV: the gpiochip registered for platform device DEV.
chip_of_dev() {
	for _g in /sys/devices/platform/"$1"/gpiochip*; do
		[ -e "$_g" ] && basename "$_g" && return 0
	done
	return 1
}

# pull OFFSET none|pull-up|pull-down [OFFSET ...]: drive from outside
# (shell builtins only: no fork, so a burst of writes is fast).
pull() {
	while [ $# -ge 2 ]; do
		echo "$2" >"$S2_SYS/sim_gpio$1/pull"
		shift 2
	done
}

# values OFFSET...: the pins' levels as the sim sees them, space-separated.
values() {
	_o=''
	for _i in "$@"; do
		read -r _v <"$S2_SYS/sim_gpio$_i/value"
		_o="$_o $_v"
	done
	echo "${_o# }"
}

# held_by OFFSET CONSUMER: gpiolib's debugfs shows OFFSET of S2_C held.
held_by() { debugfs_line "$S2_C" "$1" | grep -q "|$2 *)"; }

# requested_count: lines of S2_C that some consumer holds.
requested_count() {
	awk -v chip="$S2_C:" '/^gpiochip/ { mine = ($1 == chip); next }
		mine && /\|/ { n++ } END { print n + 0 }' /sys/kernel/debug/gpio
}

# banks: "bank:connected/output ..." from the shim's debugfs state.
banks() {
	sed -n 's/^bank \([0-9]*\): .* connected \([0-9a-fx]*\) output \([0-9a-fx]*\) .*/\1:\2\/\3/p' \
		"$S2_STATE" | tr '\n' ' '
}

# pin_state OFFSET: the shim's debugfs line for the pin of OFFSET.
pin_state() { grep -E "^  pin +[0-9]+ \(line $1\):" "$S2_STATE"; }

# bg_start OFFSET CONSUMER CMD...: run CMD in the background, wait until
# it holds OFFSET; its pid is left in BG.
bg_start() {
	_off=$1 _who=$2
	shift 2
	"$@" &
	BG=$!
	wait_for 5000 held_by "$_off" "$_who" || log "$_who did not take line $_off: $*"
}

# bg_stop PID: SIGTERM (gpioset/gpiomon exit cleanly on it) and reap.
bg_stop() {
	kill "$1" 2>/dev/null
	wait "$1" 2>/dev/null
}

# expect_fail CHECK EREGEX CMD...: CMD must fail with exit status 1 (the
# tools' die()) and say something matching EREGEX.
expect_fail() {
	_n=$1 _re=$2
	shift 2
	"$@" >"/tmp/out.$_n" 2>&1
	_rc=$?
	if [ "$_rc" = 1 ] && grep -qE "$_re" "/tmp/out.$_n"; then
		pass "$_n"
	else
		fail "$_n" "rc=$_rc (want 1, /$_re/) from '$*': $(tail -n 2 "/tmp/out.$_n")"
		return 1
	fi
}

# edges FILE: gpiomon's events as "RISING 40|FALLING 40|...".
edges() {
	sed -n 's/^event: *\([A-Z]*\) EDGE offset: \([0-9]*\).*/\1 \2/p' "$1" | tr '\n' '|'
}

# names_bad PPB: every line of S2_C should be named "bank<B>-<P>" (PPB pins per
# bank), unused, input; prints the number of lines that are not.
names_bad() {
	gpioinfo "$S2_C" | awk -v ppb="$1" '
		/^[[:space:]]*line / {
			n = $2; sub(":", "", n)
			want = sprintf("\"bank%d-%d\"", int(n / ppb), n % ppb)
			if ($3 != want || $4 != "unused" || $5 != "input") bad++
		}
		END { print bad + 0 }'
}

# --- refused loads: bad parameters leave nothing behind ----------------

# sim_leftovers: whatever of gpioclx-sim is still registered (the module,
# its boards, the shim's state for them, their chips); empty when nothing.
sim_leftovers() {
	ls -d /sys/module/gpioclx_sim /sys/bus/platform/devices/gpioclx-sim.* \
		/sys/kernel/debug/gpioclx/gpioclx-sim.* 2>/dev/null
	gpiodetect | grep gpioclx-sim
}

# p_refused CHECK ERRNO DMESG_ERE PARAM...: insmod of the sim with PARAMs
# fails with ERRNO (busybox insmod exits with init_module()'s errno), the
# kernel log since says why (DMESG_ERE), and nothing of the sim is left.
p_refused() {
	_pn=$1 _perr=$2 _pre=$3
	shift 3
	_pd=$(dmesg | wc -l)
	insmod "${S2_MODULES##* }" "$@" >"/tmp/out.$_pn" 2>&1
	_prc=$?
	dmesg | tail -n +$((_pd + 1)) >"$S2_D/$_pn.dmesg"
	expect_eq "p.${_pn}_rc" "$_prc" "$_perr"
	expect_match "p.${_pn}_log" "$(cat "$S2_D/$_pn.dmesg")" "$_pre"
	expect_eq "p.${_pn}_left" "$(sim_leftovers | tr '\n' ' ')" ""
	# a load that should have failed: take it away, the scenario goes on
	[ -d /sys/module/gpioclx_sim ] && rmmod gpioclx-sim
}

# p_loads CHECK CHIPS LINES PARAM...: the sim loads with PARAMs, registers
# CHIPS chips of LINES lines each, and unloads.
p_loads() {
	_pn=$1 _pc=$2 _pl=$3
	shift 3
	expect_rc "p.${_pn}_insmod" 0 insmod "${S2_MODULES##* }" "$@"
	expect_eq "p.${_pn}_chips" "$(gpiodetect | grep -c "gpioclx-sim.*($_pl lines)")" "$_pc"
	expect_rc "p.${_pn}_rmmod" 0 rmmod gpioclx-sim
	expect_eq "p.${_pn}_left" "$(sim_leftovers | tr '\n' ' ')" ""
}

load_p() {
	expect_rc p.insmod_gpioclx 0 insmod "${S2_MODULES%% *}" || return
	# every documented range (modinfo's parm lines), each parameter alone
	_inval=22 # EINVAL
	p_refused controllers_0 "$_inval" "gpioclx-sim: nr_controllers=0, must be 1\.\.8" nr_controllers=0
	p_refused controllers_9 "$_inval" "gpioclx-sim: nr_controllers=9, must be 1\.\.8" nr_controllers=9
	p_refused banks_0 "$_inval" "gpioclx-sim: nr_banks=0, must be 1\.\.16" nr_banks=0
	p_refused banks_17 "$_inval" "gpioclx-sim: nr_banks=17, must be 1\.\.16" nr_banks=17
	p_refused pins_0 "$_inval" "gpioclx-sim: pins_per_bank=0, must be 1\.\.64" pins_per_bank=0
	p_refused pins_65 "$_inval" "gpioclx-sim: pins_per_bank=65, must be 1\.\.64" pins_per_bank=65
	# not numbers at all: the kernel's own parser refuses them
	p_refused banks_text "$_inval" "invalid for parameter .nr_banks." nr_banks=four
	p_refused controllers_neg "$_inval" "invalid for parameter .nr_controllers." nr_controllers=-1

	# Combinations, every value in range: 8 x 16 x 64 = 8192 lines, and
	# 3 controllers of 512 = 1536. Debian's 6.1 hands out dynamic GPIO
	# numbers below ARCH_NR_GPIOS, 1024 on amd64: the first chip (or two)
	# fit, the next does not, and the whole load must be refused. Newer
	# kernels (6.12 here) allocate upwards from 512 with no such ceiling
	# (GPIO_DYNAMIC_MAX is INT_MAX): there both loads are the kernel's to
	# allow, and must then register every chip.
	case $(uname -r) in
	6.1.*)
		p_refused combo_8192 28 \
			"gpioclx-sim: nr_controllers=8 x nr_banks=16 x pins_per_bank=64 = 8192 lines: .*1024" \
			nr_controllers=8 nr_banks=16 pins_per_bank=64
		p_refused combo_1536 28 \
			"gpioclx-sim: nr_controllers=3 x nr_banks=8 x pins_per_bank=64 = 1536 lines: .*1024" \
			nr_controllers=3 nr_banks=8 pins_per_bank=64
		;;
	*)
		p_loads combo_8192 8 1024 nr_controllers=8 nr_banks=16 pins_per_bank=64
		p_loads combo_1536 3 512 nr_controllers=3 nr_banks=8 pins_per_bank=64
		;;
	esac
	# the largest single controller fits everywhere (1024 lines, 6.1's
	# whole space when no other chip holds numbers, as in this guest)
	p_loads max_one 1 1024 nr_controllers=1 nr_banks=16 pins_per_bank=64
	expect_rc p.rmmod_gpioclx 0 rmmod gpioclx
	dmesg_check p.dmesg
}

# --- load A: 2 controllers, 4 banks x 32 ------------------------------

a_identity() {
	expect_eq a.detect "$(gpiodetect | grep gpioclx-sim | sed 's/^gpiochip[0-9]*/gpiochipN/' | tr '\n' '|')" \
		"gpiochipN [gpioclx-sim.0] (128 lines)|gpiochipN [gpioclx-sim.1] (128 lines)|"
	expect_eq a.info_lines "$(gpioinfo "$S2_C" | grep -c '^[[:space:]]*line ')" 128
	expect_eq a.info_names_bad "$(names_bad 32)" 0
	expect_eq a.v2info "$(gpio_v2_test info "$S2_C" 127)" \
		'offset=127 name="bank3-31" consumer="" flags=input debounce_us=0'
	expect_eq a.state "$(head -n 1 "$S2_STATE" | cut -d, -f1-4)" \
		"client gpioclx-sim, 128 lines, 4 bank(s) x 32 pins, memory-mapped"
}

# a_get: inputs driven from outside, read in one gpioget across banks.
a_get() {
	_l="0 31 32 63 64 127"
	# shellcheck disable=SC2086 # offset lists
	{
		pull 0 pull-up 31 pull-up 32 pull-up 63 pull-up 64 pull-up 127 pull-up
		expect_eq a.get_up "$(gpioget "$S2_C" $_l)" "1 1 1 1 1 1"
		# the second controller is another device: untouched
		expect_eq a.get_other_chip "$(gpioget "$(chip_of_dev gpioclx-sim.1)" $_l)" "0 0 0 0 0 0"
		pull 0 pull-down 31 pull-down 32 pull-down 63 pull-down 64 pull-down 127 pull-down
		expect_eq a.get_down "$(gpioget "$S2_C" $_l)" "0 0 0 0 0 0"
		pull 0 pull-up 31 pull-down 32 pull-up 63 pull-down 64 pull-up 127 pull-down
		expect_eq a.get_mixed "$(gpioget "$S2_C" $_l)" "1 0 1 0 1 0"
		pull 0 pull-down 31 pull-up 32 pull-down 63 pull-up 64 pull-down 127 pull-up
		expect_eq a.get_mixed_inv "$(gpioget "$S2_C" $_l)" "0 1 0 1 0 1"
		pull 0 none 31 none 32 none 63 none 64 none 127 none
		expect_eq a.get_released "$(gpioget "$S2_C" $_l)" "0 0 0 0 0 0"
		expect_eq a.pull_readback "$(cat "$S2_SYS/sim_gpio31/pull")" none
	}
}

# a_bias: the line's own pull, through gpioget -B, on an undriven line.
a_bias() {
	expect_eq a.bias_pull_up "$(gpioget -B pull-up "$S2_C" 5)" 1
	expect_eq a.bias_pull_down "$(gpioget -B pull-down "$S2_C" 5)" 0
	expect_eq a.bias_disable "$(gpioget -B disable "$S2_C" 5)" 0
	# released with PreserveConfiguration=0: the pull is gone again
	gpioget -B pull-up "$S2_C" 5 >/dev/null
	expect_eq a.bias_dropped_at_release "$(values 5)" 0
	# a drive from outside beats the pin's own pull
	pull 6 pull-down
	expect_eq a.bias_vs_drive "$(gpioget -B pull-up "$S2_C" 6)" 0
	pull 6 none
	# the pull reaches the client while held (Connect's PullConfiguration)
	bg_start 5 gpiomon gpiomon -B pull-up "$S2_C" 5
	_bp=$BG
	expect_match a.bias_held_state "$(pin_state 5)" "input pull=pull-up "
	expect_eq a.bias_held_value "$(values 5)" 1
	bg_stop "$_bp"
}

# a_set: outputs observed from outside while held, then released.
a_set() {
	bg_start 127 gpioset gpioset --mode=signal "$S2_C" 0=1 31=1 32=0 63=1 64=1 127=0
	_sp=$BG
	expect_eq a.set_signal "$(values 0 31 32 63 64 127)" "1 1 0 1 1 0"
	expect_eq a.set_state "$(banks)" \
		"0:0x80000001/0x80000001 1:0x80000001/0x80000001 2:0x1/0x1 3:0x80000000/0x80000000 "
	bg_stop "$_sp"
	# released: no connection, but outputs keep driving their levels (as gpio-pl061's do)
	expect_eq a.set_released "$(values 0 31 32 63 64 127)" "1 1 0 1 1 0"
	expect_eq a.set_released_state "$(banks)" "0:0x0/0x0 1:0x0/0x0 2:0x0/0x0 3:0x0/0x0 "
	# the complement, with a timed hold that ends by itself
	gpioset --mode=time -s 2 "$S2_C" 0=0 31=0 32=1 63=0 64=0 127=1 &
	_sp=$!
	wait_for 3000 held_by 127 gpioset
	expect_eq a.set_time "$(values 0 31 32 63 64 127)" "0 0 1 0 0 1"
	wait "$_sp"
	expect_eq a.set_time_rc "$?" 0
	expect_eq a.set_time_released "$(requested_count)" 0
	# default mode: set and exit, the line is released at once
	expect_rc a.set_exit 0 gpioset "$S2_C" 10=1
	expect_eq a.set_exit_released "$(values 10) $(requested_count)" "1 0"
}

# mon_run CHECK MODE WANT_EVENTS: gpiomon (MODE: -r, -f or "" for both)
# on line 40 while it goes up and down 3 times, each step paced on the
# event it should cause; then a settle time for any extra event.
mon_run() {
	_mn=$1 _m=$2 _want=$3
	pull 40 pull-down
	rm -f "$S2_D/$_mn"
	# shellcheck disable=SC2086 # MODE may be empty
	bg_start 40 gpiomon gpiomon -b $_m "$S2_C" 40 >"$S2_D/$_mn"
	_mp=$BG
	pin_state 40 >"$S2_D/$_mn.state"
	_k=0
	for _i in 1 2 3; do
		pull 40 pull-up
		[ "$_m" != -f ] && _k=$((_k + 1)) && wait_for 3000 at_least "$S2_D/$_mn" $_k EDGE
		pull 40 pull-down
		[ "$_m" != -r ] && _k=$((_k + 1)) && wait_for 3000 at_least "$S2_D/$_mn" $_k EDGE
	done
	usleep 300000
	bg_stop "$_mp"
	expect_eq "a.$_mn" "$(edges "$S2_D/$_mn")" "$_want"
}

a_edges() {
	mon_run mon_rising -r "RISING 40|RISING 40|RISING 40|"
	expect_match a.mon_rising_state "$(cat "$S2_D/mon_rising.state")" "irq mode=edge "
	mon_run mon_falling -f "FALLING 40|FALLING 40|FALLING 40|"
	mon_run mon_both "" "RISING 40|FALLING 40|RISING 40|FALLING 40|RISING 40|FALLING 40|"
	expect_match a.mon_both_emulated "$(cat "$S2_D/mon_both.state")" \
		"irq mode=level .*\(both edges emulated\)"
	# negative control: neighbours in the same and another bank toggle,
	# line 40 is rewritten with the level it has: no event at all
	bg_start 40 gpiomon gpiomon -b "$S2_C" 40 >"$S2_D/mon_none"
	_mp=$BG
	pull 41 pull-up 72 pull-up 41 pull-down 72 pull-down 40 pull-down 40 pull-down
	usleep 500000
	bg_stop "$_mp"
	expect_eq a.mon_none "$(edges "$S2_D/mon_none")" ""
	pull 40 none 41 none 72 none
}

# a_busy: a second requester of a held line gets EBUSY.
a_busy() {
	bg_start 7 gpioset gpioset --mode=signal "$S2_C" 7=1
	_sp=$BG
	bg_start 8 gpiomon gpiomon "$S2_C" 8
	_mp=$BG
	expect_fail a.busy_get "Device or resource busy" gpioget "$S2_C" 7
	expect_fail a.busy_set "Device or resource busy" gpioset "$S2_C" 7=0
	expect_fail a.busy_mon "Device or resource busy" gpiomon -n 1 "$S2_C" 7
	expect_fail a.busy_get_irq_line "Device or resource busy" gpioget "$S2_C" 8
	expect_fail a.busy_v2 "Device or resource busy" gpio_v2_test get "$S2_C" 7
	expect_eq a.busy_holder_kept "$(values 7)" 1
	bg_stop "$_sp"
	bg_stop "$_mp"
}

# a_bad_args: clean errors from the tools, nothing left requested.
a_bad_args() {
	expect_fail a.oor_get "Invalid argument" gpioget "$S2_C" 128
	expect_fail a.oor_set "Invalid argument" gpioset "$S2_C" 128=1
	expect_fail a.oor_mon "Invalid argument" gpiomon -n 1 "$S2_C" 128
	expect_fail a.oor_mixed "Invalid argument" gpioget "$S2_C" 0 128
	expect_fail a.oor_v2info "Invalid argument" gpio_v2_test info "$S2_C" 128
	expect_fail a.bad_offset "invalid GPIO offset" gpioget "$S2_C" abc
	expect_fail a.bad_value "value must be 0 or 1" gpioset "$S2_C" 5=2
	expect_fail a.bad_pair "invalid offset<->value mapping" gpioset "$S2_C" 5
	expect_fail a.no_offsets "at least one GPIO line offset" gpioget "$S2_C"
	expect_fail a.bad_bias "invalid bias" gpioget -B sideways "$S2_C" 5
	expect_fail a.no_chip "No such file or directory" gpioget gpiochip99 1
	# the control interface refuses nonsense too
	expect_eq a.bad_pull "$(echo sideways 2>/dev/null >"$S2_SYS/sim_gpio5/pull" && echo taken || echo refused) $(cat "$S2_SYS/sim_gpio5/pull")" \
		"refused none"
	expect_eq a.value_read_only "$(echo 1 2>/dev/null >"$S2_SYS/sim_gpio5/value" && echo taken || echo refused)" refused
	expect_eq a.bad_args_left_nothing "$(requested_count) $(banks)" "0 0:0x0/0x0 1:0x0/0x0 2:0x0/0x0 3:0x0/0x0 "
	dmesg_check a.bad_args_dmesg
}

# a_trace: the I/O client calls behind one "gpioset CHIP 9=1", from the
# gpioclx_call tracepoint: preload write, Connect(Output), write, and
# Disconnect at release (shim/gpioclx_gpio.c's header).
a_trace() {
	_t=/sys/kernel/tracing
	[ -d $_t/events ] || mount -t tracefs tracefs $_t 2>/dev/null
	[ -d $_t/events ] || _t=/sys/kernel/debug/tracing
	if [ ! -d $_t/events/gpioclx ]; then
		fail a.trace "no gpioclx events under $_t/events"
		return
	fi
	echo >$_t/trace
	echo 1 >$_t/events/gpioclx/enable
	gpioset "$S2_C" 9=1
	echo 0 >$_t/events/gpioclx/enable
	# this controller's I/O calls only: the other controller, or runtime
	# PM powering this one up for the request, may trace meanwhile
	sed -n 's/.*gpioclx_call: //p' $_t/trace |
		grep -E "^$S2_DEV (Write|Read|Connect|Disconnect)" >"$S2_D/trace"
	expect_eq a.trace "$(tr '\n' '|' <"$S2_D/trace")" \
		"$S2_DEV WriteGpioPins bank=0 pins=0x200 status=0x00000000|$S2_DEV ConnectIoPins bank=0 pins=0x200 status=0x00000000|$S2_DEV WriteGpioPins bank=0 pins=0x200 status=0x00000000|$S2_DEV DisconnectIoPins bank=0 pins=0x200 status=0x00000000|"
	echo >$_t/trace
}

# a_rmmod_held: rmmod is refused while a line and an interrupt are held,
# both keep working, and after release everything unloads.
a_rmmod_held() {
	bg_start 3 gpioset gpioset --mode=signal "$S2_C" 3=1
	_sp=$BG
	bg_start 4 gpiomon gpiomon -b "$S2_C" 4 >"$S2_D/mon_rmmod"
	_mp=$BG
	# one reference per requested line, one more for the requested irq
	expect_eq a.rmmod_refcnt "$(cat /sys/module/gpioclx_sim/refcnt)" 3
	expect_fail a.rmmod_sim_refused "unload|in use|busy|unavailable" rmmod gpioclx-sim
	expect_fail a.rmmod_shim_refused "unload|in use|busy|unavailable" rmmod gpioclx
	expect_eq a.rmmod_still_loaded "$([ -d /sys/module/gpioclx_sim ] && [ -d /sys/module/gpioclx ] && echo yes)" yes
	expect_eq a.rmmod_line_kept "$(values 3)" 1
	expect_match a.rmmod_state_kept "$(pin_state 3)" "output"
	pull 4 pull-up
	wait_for 3000 at_least "$S2_D/mon_rmmod" 1 EDGE
	usleep 200000
	bg_stop "$_mp"
	bg_stop "$_sp"
	pull 4 none
	expect_eq a.rmmod_irq_kept "$(edges "$S2_D/mon_rmmod")" "RISING 4|"
	expect_eq a.rmmod_refcnt_released "$(cat /sys/module/gpioclx_sim/refcnt)" 0
	dmesg_check a.rmmod_dmesg
}

load_a() {
	sim_load a nr_controllers=2 nr_banks=4 pins_per_bank=32 || return
	a_identity
	a_get
	a_bias
	a_set
	a_edges
	a_busy
	a_bad_args
	a_trace
	a_rmmod_held
	sim_unload a
}

# --- load B: 2 banks x 64, bit 63 everywhere -----------------------------

load_b() {
	sim_load b nr_banks=2 pins_per_bank=64 || return
	expect_eq b.detect "$(gpiodetect | grep gpioclx-sim | sed 's/^gpiochip[0-9]*/gpiochipN/')" \
		"gpiochipN [gpioclx-sim.0] (128 lines)"
	expect_eq b.info_names_bad "$(names_bad 64)" 0
	expect_eq b.state "$(head -n 1 "$S2_STATE" | cut -d, -f1-4)" \
		"client gpioclx-sim, 128 lines, 2 bank(s) x 64 pins, memory-mapped"

	bg_start 127 gpioset gpioset --mode=signal "$S2_C" 0=1 62=0 63=1 64=0 127=1
	_sp=$BG
	expect_eq b.set "$(values 0 62 63 64 127)" "1 0 1 0 1"
	expect_eq b.set_state "$(banks)" "0:0xc000000000000001/0xc000000000000001 1:0x8000000000000001/0x8000000000000001 "
	bg_stop "$_sp"
	bg_start 127 gpioset gpioset --mode=signal "$S2_C" 0=0 62=1 63=0 64=1 127=0
	_sp=$BG
	expect_eq b.set_inv "$(values 0 62 63 64 127)" "0 1 0 1 0"
	bg_stop "$_sp"

	pull 0 pull-down 62 pull-down 63 pull-up 64 pull-up 127 pull-up
	expect_eq b.get "$(gpioget "$S2_C" 0 62 63 64 127)" "0 0 1 1 1"
	pull 0 pull-up 62 pull-up 63 pull-down 64 pull-down 127 pull-down
	expect_eq b.get_inv "$(gpioget "$S2_C" 0 62 63 64 127)" "1 1 0 0 0"
	pull 0 none 62 none 63 none 64 none 127 none
	expect_eq b.bias "$(gpioget -B pull-up "$S2_C" 63 127) $(gpioget -B pull-down "$S2_C" 63 127)" "1 1 0 0"

	# emulated both edges on bit 63 of both banks, one gpiomon
	bg_start 127 gpiomon gpiomon -b "$S2_C" 63 127 >"$S2_D/b_mon"
	_mp=$BG
	expect_eq b.mon_emulated "$(grep -c 'both edges emulated' "$S2_STATE")" 2
	_k=0
	for _s in "63 pull-up" "127 pull-up" "63 pull-down" "127 pull-down"; do
		# shellcheck disable=SC2086 # "offset drive"
		pull $_s
		_k=$((_k + 1))
		wait_for 3000 at_least "$S2_D/b_mon" $_k EDGE
	done
	usleep 300000
	bg_stop "$_mp"
	expect_eq b.mon "$(edges "$S2_D/b_mon")" "RISING 63|RISING 127|FALLING 63|FALLING 127|"
	pull 63 none 127 none
	sim_unload b
}

s2_main() {
	rm -rf "$S2_D"
	mkdir -p "$S2_D"
	if [ ! -f "${S2_MODULES##* }" ]; then
		skip gpioclx-sim "module not built"
		return
	fi
	load_p
	# a refused load must leave nothing that would break load A's insmods
	[ -d /sys/module/gpioclx_sim ] && { fail a.start "gpioclx_sim still loaded"; return; }
	[ -d /sys/module/gpioclx ] && rmmod gpioclx
	load_a
	# anything load A could not unload would break load B's insmod
	[ -d /sys/module/gpioclx_sim ] && { fail b.start "gpioclx_sim still loaded"; return; }
	[ -d /sys/module/gpioclx ] && rmmod gpioclx
	load_b
}

s2_main
