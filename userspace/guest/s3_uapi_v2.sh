# shellcheck shell=sh
# e2e-arch: amd64
# Scenario 3: what only the GPIO character device's uAPI v2 can do,
# through userspace/gpio_v2_test (Debian 12's libgpiod 1.6 tools speak
# v1 only), on the simulated controller gpioclx-sim.ko (4 banks x 32):
#   - one request built from config attributes (per-line FLAGS with
#     biases, OUTPUT_VALUES) across banks, checked from outside through
#     the sim's sysfs control interface, then SET/GET_VALUES on it;
#   - the self-checking attribute sequence (gpio_v2_test config:
#     SET_VALUES, SET_CONFIG with active-low and a debounce attribute);
#   - debounce: the sim refuses hardware debounce (the shim passes the
#     refusal on as -ENOTSUPP), so gpiolib's software debounce runs; a
#     burst of bounces faster than the period gives one event per settled
#     change, and none for a glitch that ends where it started;
#   - edge events with seqno (per request) and line_seqno (per line) on a
#     two-line request, ids from the shim's emulated both edges;
#   - line-info watch: REQUESTED, RECONFIGURED, RELEASED, and silence
#     for a line nobody touches.
# On arm64, s1 runs the same v2 paths (config, watch, debounced events
# with sequence numbers) against the real PL061, for both drivers.
# Sourced by run_scenario (lib.sh loaded, SCEN=s3).
#
# Hooks: GPIOCLX_SIM_MODULES (default "/modules/gpioclx.ko
# /modules/gpioclx-sim.ko").

S3_MODULES=${GPIOCLX_SIM_MODULES:-/modules/gpioclx.ko /modules/gpioclx-sim.ko}
S3_D=/tmp/s3
S3_DEV=gpioclx-sim.0
S3_SYS=/sys/devices/platform/$S3_DEV
S3_STATE=/sys/kernel/debug/gpioclx/$S3_DEV/state
S3_C=''
# software debounce period for the bounce test, microseconds
S3_DEBOUNCE_US=100000
S3_BURST_CS=0

# pull OFFSET none|pull-up|pull-down [...]: drive from outside (builtins).
pull() {
	while [ $# -ge 2 ]; do
		echo "$2" >"$S3_SYS/sim_gpio$1/pull"
		shift 2
	done
}

# values OFFSET...: the pins' levels as the sim sees them.
values() {
	_o=''
	for _i in "$@"; do
		read -r _v <"$S3_SYS/sim_gpio$_i/value"
		_o="$_o $_v"
	done
	echo "${_o# }"
}

# banks: "bank:connected/output ..." from the shim's debugfs state.
banks() {
	sed -n 's/^bank \([0-9]*\): .* connected \([0-9a-fx]*\) output \([0-9a-fx]*\) .*/\1:\2\/\3/p' \
		"$S3_STATE" | tr '\n' ' '
}

# pin_state OFFSET: the shim's debugfs line for the pin of OFFSET.
pin_state() { grep -E "^  pin +[0-9]+ \(line $1\):" "$S3_STATE"; }

# events FILE: edge events without timestamps, '|'-joined.
events() { grep -E '^(extra )?(RISING|FALLING|timeout)' "$1" | sed 's/ ts_ns=.*//' | tr '\n' '|'; }

# n_events FILE N: FILE has at least N edge events.
n_events() { at_least "$1" "$2" '^(RISING|FALLING)'; }

# v3_request: one request from attributes, driven through a fifo.
v3_request() {
	_f=$S3_D/request
	mkfifo "$_f.ctl"
	gpio_v2_test request "$S3_C" 31=1 32=0 63=1 64=0 96=up 97=down 98=off 127=in \
		<"$_f.ctl" >"$_f.out" 2>&1 &
	_rp=$!
	exec 3>"$_f.ctl"
	if ! wait_for 3000 at_least "$_f.out" 1 '^held'; then
		fail request "not held: $(cat "$_f.out")"
		exec 3>&-
		wait $_rp
		return
	fi
	expect_eq request.info "$(sed -n 's/^line offset=\([0-9]*\) .*consumer="\([^"]*\)" flags=\([^ ]*\) .*/\1:\2:\3/p' "$_f.out" | tr '\n' ' ')" \
		"31:gpio_v2_test:used,output 32:gpio_v2_test:used,output 63:gpio_v2_test:used,output 64:gpio_v2_test:used,output 96:gpio_v2_test:used,input,pull-up 97:gpio_v2_test:used,input,pull-down 98:gpio_v2_test:used,input,bias-disabled 127:gpio_v2_test:used,input "
	# OUTPUT_VALUES on the outputs, the FLAGS attributes' biases on the
	# undriven inputs: all seen from outside
	expect_eq request.values "$(values 31 32 63 64 96 97 98 127)" "1 0 1 0 1 0 0 0"
	expect_eq request.state "$(banks)" \
		"0:0x80000000/0x80000000 1:0x80000001/0x80000001 2:0x1/0x1 3:0x80000007/0x0 "
	expect_eq request.pulls "$(for o in 96 97 98 127; do pin_state $o | sed 's/.* input pull=\([^ ]*\) .*/\1/'; done | tr '\n' ' ')" \
		"pull-up pull-down none default "
	echo "set 31=0 32=1 63=0 64=1" >&3
	wait_for 3000 at_least "$_f.out" 1 '^set ok'
	expect_eq request.set_values "$(values 31 32 63 64)" "0 1 0 1"
	# the inputs driven from outside, read through the request
	pull 96 pull-down 97 pull-up 127 pull-up
	echo get >&3
	wait_for 3000 at_least "$_f.out" 1 '^values'
	expect_eq request.get_values "$(sed -n 's/^values //p' "$_f.out")" "0 1 0 1 0 1 0 1"
	exec 3>&-
	wait $_rp
	_rc=$?
	expect_eq request.rc "$_rc $(tail -n 1 "$_f.out")" "0 released"
	pull 96 none 97 none 127 none
	# released: the outputs keep driving their levels (as gpio-pl061's do)
	expect_eq request.released "$(values 31 32 63 64 96 97 98 127) $(banks)" \
		"0 1 0 1 0 0 0 0 0:0x0/0x0 1:0x0/0x0 2:0x0/0x0 3:0x0/0x0 "
	rm -f "$_f.ctl"
}

# v3_config_watch: the attribute sequence on lines across banks while a
# watch on one of them (64) and on an untouched one (65) records changes;
# a v1 gpioget first gives a REQUESTED/RELEASED pair of its own.
v3_config_watch() {
	gpio_v2_test watch "$S3_C" 64 6 10000 >"$S3_D/watch" 2>&1 &
	_wp=$!
	gpio_v2_test watch "$S3_C" 65 1 2500 >"$S3_D/watch_none" 2>&1 &
	_np=$!
	wait_for 3000 at_least "$S3_D/watch" 1 '^watching'
	wait_for 3000 at_least "$S3_D/watch_none" 1 '^watching'
	gpioget "$S3_C" 64 >/dev/null
	gpio_v2_test config "$S3_C" 31 32 63 64 96 >"$S3_D/config" 2>&1
	_rc=$?
	expect_eq config.rc "$_rc $(grep '^FAIL' "$S3_D/config" | head -n 1)" "0 "
	expect_eq config.oks "$(grep -c "^ok " "$S3_D/config")" 15
	wait $_wp
	expect_eq watch.rc "$?" 0
	expect_eq watch.types "$(cut -d' ' -f1 "$S3_D/watch" | tr '\n' ' ')" \
		"watching REQUESTED RELEASED REQUESTED RECONFIGURED RECONFIGURED RELEASED "
	expect_eq watch.requested_v1 "$(sed -n 2p "$S3_D/watch")" \
		'REQUESTED offset=64 name="bank2-0" consumer="gpioget" flags=used,input debounce_us=0'
	expect_eq watch.requested_v2 "$(sed -n 4p "$S3_D/watch")" \
		'REQUESTED offset=64 name="bank2-0" consumer="gpio_v2_test" flags=used,output debounce_us=0'
	expect_eq watch.released "$(sed -n 7p "$S3_D/watch" | cut -d' ' -f1-4)" \
		'RELEASED offset=64 name="bank2-0" consumer=""'
	wait $_np
	_rc=$?
	expect_eq watch.untouched "$_rc $(tail -n 1 "$S3_D/watch_none")" "2 timeout seen=0"
}

# burst DRIVE...: line 40 through DRIVEs back to back (builtins only);
# the longest burst so far, in centiseconds, is kept in S3_BURST_CS.
burst() {
	_t0=$(now_cs)
	for _d in "$@"; do echo "$_d" >"$S3_SYS/sim_gpio40/pull"; done
	_t0=$(($(now_cs) - _t0))
	[ "$_t0" -gt "$S3_BURST_CS" ] && S3_BURST_CS=$_t0
	trace "burst $*: $_t0 cs"
}

# debounce_try FILE: one run of the bounce sequence, events into FILE.
debounce_try() {
	S3_BURST_CS=0
	pull 40 pull-down
	gpio_v2_test events "$S3_C" 40 both $S3_DEBOUNCE_US 2 10000 500 >"$1" 2>&1 &
	_ep=$!
	wait_for 3000 at_least "$1" 1 '^armed'
	pin_state 40 >"$1.state"
	# a glitch: up and back down, settles where it was
	burst pull-up pull-down pull-up pull-down
	usleep $((S3_DEBOUNCE_US * 3))
	burst pull-up pull-down pull-up pull-down pull-up
	wait_for 3000 n_events "$1" 1
	burst pull-down pull-up pull-down pull-up pull-down
	wait $_ep
	echo "rc=$?" >>"$1"
	pull 40 none
}

# v3_debounce: bounces faster than the period, one event per settled
# change, none for a glitch.  A burst only means something if it took
# well under the period: if the guest was stalled in the middle of one
# (a loaded host), the run is repeated, up to 3 times.
v3_debounce() {
	_f=$S3_D/debounce
	for _try in 1 2 3; do
		debounce_try "$_f"
		[ "$S3_BURST_CS" -lt $((S3_DEBOUNCE_US / 20000)) ] && break
		log "debounce: a burst took ${S3_BURST_CS} cs, not well under the period; again"
	done
	expect_eq debounce.info "$(sed -n 's/^armed //p' "$_f")" \
		"offset=40 name=\"bank1-8\" consumer=\"gpio_v2_test\" flags=used,input,edge-rising,edge-falling debounce_us=$S3_DEBOUNCE_US"
	# the client refused the hardware debounce: gpiolib debounces
	expect_match debounce.not_in_hw "$(cat "$_f.state")" "input pull=default debounce=0us .*both edges emulated"
	expect_eq debounce.rc "$(tail -n 1 "$_f")" rc=0
	expect_eq debounce.events "$(events "$_f")" \
		"RISING offset=40 seqno=1 line_seqno=1|FALLING offset=40 seqno=2 line_seqno=2|"
}

# v3_seqno: a two-line request across banks; paced transitions, so
# every edge is its own event.
v3_seqno() {
	_f=$S3_D/seqno
	pull 40 pull-down 72 pull-down
	gpio_v2_test events "$S3_C" 40,72 both 0 8 10000 300 >"$_f" 2>&1 &
	_ep=$!
	wait_for 3000 at_least "$_f" 2 '^armed'
	_k=0
	for _s in "40 pull-up" "72 pull-up" "40 pull-down" "72 pull-down" \
		"40 pull-up" "40 pull-down" "72 pull-up" "72 pull-down"; do
		# shellcheck disable=SC2086 # "offset drive"
		pull $_s
		_k=$((_k + 1))
		wait_for 3000 n_events "$_f" $_k
	done
	wait $_ep
	expect_eq seqno.rc "$?" 0
	expect_eq seqno.events "$(events "$_f")" "RISING offset=40 seqno=1 line_seqno=1|RISING offset=72 seqno=2 line_seqno=1|FALLING offset=40 seqno=3 line_seqno=2|FALLING offset=72 seqno=4 line_seqno=2|RISING offset=40 seqno=5 line_seqno=3|FALLING offset=40 seqno=6 line_seqno=4|RISING offset=72 seqno=7 line_seqno=3|FALLING offset=72 seqno=8 line_seqno=4|"
	expect_eq seqno.timestamps "$(sed -n 's/.* ts_ns=//p' "$_f" | awk 'NR > 1 && $1 <= p { bad++ } { p = $1 } END { print NR " " bad + 0 }')" "8 0"
	pull 40 none 72 none

	# one edge only: falling edges make no event, rising ones count on
	_f=$S3_D/rising
	gpio_v2_test events "$S3_C" 41 rising 0 3 10000 300 >"$_f" 2>&1 &
	_ep=$!
	wait_for 3000 at_least "$_f" 1 '^armed'
	for _k in 1 2 3; do
		pull 41 pull-up
		wait_for 3000 n_events "$_f" $_k
		pull 41 pull-down
	done
	wait $_ep
	_rc=$?
	expect_eq rising.events "$_rc $(events "$_f")" \
		"0 RISING offset=41 seqno=1 line_seqno=1|RISING offset=41 seqno=2 line_seqno=2|RISING offset=41 seqno=3 line_seqno=3|"
	pull 41 none

	# negative control: nobody moves line 41, no event in 500 ms
	gpio_v2_test events "$S3_C" 41 both 0 1 500 >"$S3_D/none" 2>&1
	_rc=$?
	expect_eq no_event "$_rc $(events "$S3_D/none")" "2 timeout seen=0|"
}

s3_main() {
	rm -rf "$S3_D"
	mkdir -p "$S3_D"
	if [ ! -f "${S3_MODULES##* }" ]; then
		skip gpioclx-sim "module not built"
		return
	fi
	expect_rc insmod_gpioclx 0 insmod "${S3_MODULES%% *}" || return
	expect_rc insmod_sim 0 insmod "${S3_MODULES##* }" nr_banks=4 pins_per_bank=32 || return
	for _g in "$S3_SYS"/gpiochip*; do S3_C=$(basename "$_g"); done
	expect_eq chip "$([ -e "/dev/$S3_C" ] && echo found)" found || return
	v3_request
	v3_config_watch
	v3_debounce
	v3_seqno
	dmesg_check dmesg_v2
	expect_rc rmmod_sim 0 rmmod gpioclx-sim
	expect_rc rmmod_gpioclx 0 rmmod gpioclx
}

s3_main
