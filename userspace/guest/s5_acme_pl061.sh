# shellcheck shell=sh
# e2e-arch: arm64
# Scenario 5: the worked example of README's "Porting a GpioClx client".
# examples/acme-pl061 is a client written as third-party Windows clients
# are, built by e2e.sh with the README's commands (make modules, then make
# client CLIENT_DIR=examples/acme-pl061). Here it takes QEMU virt's PL061
# from the built-in pl061_gpio the way README's "On a board" says, is driven
# with libgpiod's tools, is looked at through the debugfs state and the
# gpioclx_call tracepoint, and hands the PL061 back. Sourced by
# run_scenario (lib.sh loaded, SCEN=s5).

S5_INTREE=pl061_gpio
S5_DRIVER=acme-pl061
S5_SHIM=/modules/gpioclx.ko
S5_MODULE=/modules/acme-pl061.ko
S5_STATE=/sys/kernel/debug/gpioclx/$PL061_DEV/state
S5_TRACING=/sys/kernel/tracing

# s5_dirs CHIP: "input output ..." for lines 0-7, from gpioinfo.
s5_dirs() {
	gpioinfo "$1" | awk '$1 == "line" {
		for (i = 3; i <= NF; i++) if ($i == "input" || $i == "output") break
		printf "%s%s", sep, (i <= NF ? $i : "?"); sep = " "
	} END { print "" }'
}

# s5_drive CHIP NAME "v0 v1 ... v7": hold the levels with gpioset, check
# line info, gpiolib's and gpioclx's debugfs while held, then read them
# back after release (QEMU's PL061 keeps the data bits).
s5_drive() {
	_c=$1 _n=$2 _v=$3 _args='' _want='' _i=0
	for _b in $_v; do
		_args="$_args $_i=$_b"
		[ "$_b" = 1 ] && _want="$_want $_i:out hi" || _want="$_want $_i:out lo"
		_i=$((_i + 1))
	done
	# shellcheck disable=SC2086 # one word per line=value
	gpioset --mode=signal "$_c" $_args &
	_sp=$!
	if ! wait_for 3000 sh -c "[ \$(grep -c '|gpioset' /sys/kernel/debug/gpio) = 8 ]"; then
		fail "$_n.held" "gpioset did not take the 8 lines"
		kill "$_sp" 2>/dev/null
		wait "$_sp"
		return 1
	fi
	expect_eq "$_n.dirs" "$(s5_dirs "$_c")" "output output output output output output output output"
	expect_eq "$_n.levels" "$(chip_states "$_c")" "$_want"
	expect_match "$_n.state" "$(cat "$S5_STATE")" "^bank 0: lines 0-7 .* connected 0xff output 0xff "
	kill "$_sp"
	wait "$_sp"
	# shellcheck disable=SC2046 # one word per line
	expect_eq "$_n.readback" "$(gpioget "$_c" $(seq 0 7))" "$_v"
}

s5_main() {
	[ -d "$PL061_PL" ] || { fail device "no $PL061_PL (not QEMU virt?)"; return; }
	if [ ! -f "$S5_MODULE" ]; then
		skip acme-pl061 "examples/acme-pl061 not built"
		return 0
	fi
	expect_eq intree "$(pl061_bound)" "$S5_INTREE"

	# s1 hands the PL061 back and unloads the shim; reuse it if loaded
	S5_OWN_SHIM=
	if [ ! -d /sys/module/gpioclx ]; then
		expect_rc insmod_gpioclx 0 insmod "$S5_SHIM" || return
		S5_OWN_SHIM=1
	fi
	expect_rc insmod 0 insmod "$S5_MODULE" || return
	pl061_bind "$S5_DRIVER"
	expect_eq handover "$(pl061_bound)" "$S5_DRIVER" || return
	_c=$(pl061_chip) || { fail chip "no gpiochip under $PL061_DEV"; return; }

	expect_match gpiodetect "$(gpiodetect)" "^$_c \[$PL061_DEV\] \(8 lines\)"
	expect_eq gpioinfo "$(gpioinfo "$_c" | grep -cE '^[[:space:]]*line +[0-7]: +unnamed +unused +input ')" 8
	expect_match state "$(cat "$S5_STATE")" "^client $S5_DRIVER, 8 lines, 1 bank\(s\) x 8 pins, memory-mapped"

	# Every line driven high and low, neighbours at opposite levels.
	s5_drive "$_c" drive_a "1 0 1 0 1 0 1 0"
	s5_drive "$_c" drive_b "0 1 0 1 0 1 0 1"
	# gpioget left every line an input
	expect_eq dirs_after "$(s5_dirs "$_c")" "input input input input input input input input"

	# The PL061 has no pull resistors: the client refuses the pull-up
	# (STATUS_NOT_SUPPORTED), gpiolib treats the bias as optional, and
	# the line still reads (line 2 is latched low by drive_b).
	expect_eq bias_refused "$(gpioget -B pull-up "$_c" 2 2>&1)" 0
	expect_match bias_counted "$(cat "$S5_STATE")" "ConnectIoPins +[0-9]+ \([1-9][0-9]* failed\)"
	expect_match calls "$(cat "$S5_STATE")" "WriteGpioPins +[0-9]+ \(0 failed\)"

	# The tracepoint: one read of line 5 is a Connect and a Read of pin 5.
	[ -d "$S5_TRACING/events" ] || mount -t tracefs nodev "$S5_TRACING"
	if [ -d "$S5_TRACING/events/gpioclx" ]; then
		echo >"$S5_TRACING/trace"
		echo 1 >"$S5_TRACING/events/gpioclx/enable"
		gpioget "$_c" 5 >/dev/null
		echo 0 >"$S5_TRACING/events/gpioclx/enable"
		expect_match trace "$(cat "$S5_TRACING/trace")" \
			"gpioclx_call: $PL061_DEV ReadGpioPins bank=0 pins=0x20 status=0x00000000"
	else
		fail trace "no $S5_TRACING/events/gpioclx"
	fi

	# A line left driving stays driving through the hand-back:
	# DisconnectIoPins with PreserveConfiguration keeps GPIODIR, and
	# pl061_gpio reads it back at probe.
	expect_rc keep_set 0 gpioset --mode=exit "$_c" 0=1
	pl061_bind ""
	expect_eq handback "$(pl061_bound)" "$S5_INTREE"
	expect_rc rmmod 0 rmmod acme-pl061
	# EvtDriverUnload called GPIO_CLX_UnregisterClient (the shim warns if not)
	expect_eq unload "$(dmesg | grep -c 'EvtDriverUnload did not call')" 0
	[ -z "$S5_OWN_SHIM" ] || expect_rc rmmod_gpioclx 0 rmmod gpioclx
	_c=$(pl061_chip) || { fail chip_after "no gpiochip under $PL061_DEV"; return; }
	expect_match intree_after "$(gpiodetect)" "^$_c \[$PL061_DEV\] \(8 lines\)"
	expect_eq kept "$(s5_dirs "$_c" | cut -d' ' -f1) $(gpio_v2_test get "$_c" 0)" "output 1"
	# leave line 0 an input at 0, as s1's park does
	gpioset --mode=exit "$_c" 0=0
	gpioget "$_c" 0 >/dev/null
}

s5_main
