# shellcheck shell=sh
# e2e-arch: arm64
# Scenario 1: QEMU virt's PL061 at 0x09030000, first with the stock
# built-in pl061_gpio driver, then (if built) with our gpioclx-pl061
# client, and the two runs diffed line by line.  Sourced by run_scenario
# (lib.sh loaded, SCEN=s1).
#
# Hooks (kernel command line gpioclx.<key>=... becomes GPIOCLX_<KEY>):
#   GPIOCLX_PL061_DRIVER   amba driver name of our client (gpioclx-pl061)
#   GPIOCLX_PL061_MODULES  modules to insmod, in order
#                          ("/modules/gpioclx.ko /modules/gpioclx-pl061.ko")
#
# What QEMU's virt board gives us (measured, QEMU 7.2, no firmware):
#   - all 8 lines can be driven; debugfs shows "out hi/lo" while held;
#   - after a libgpiod 1.6 gpioset exits (line released), gpioget reads
#     the last driven level back: QEMU's PL061 keeps the data bit;
#   - line 3 is wired to QEMU's gpio-key: monitor "system_powerdown"
#     gives a RISING edge, then a FALLING edge ~100 ms (virtual) later;
#   - the PL061's registers survive unbind/rebind, and pl061_gpio's probe
#     only masks interrupts: a line left driving stays driving, and
#     gpiolib reads its direction back (get_direction) into line info.

S1_INTREE=pl061_gpio
S1_DRIVER=${GPIOCLX_PL061_DRIVER:-gpioclx-pl061}
S1_MODULES=${GPIOCLX_PL061_MODULES:-/modules/gpioclx.ko /modules/gpioclx-pl061.ko}
S1_BUTTON=3
# Line 3's interrupt in /proc/interrupts ("17:  5  9030000.pl061  3  Edge";
# the chip column is the driver's irq domain name, so match any).  The
# PL061's own GIC line is chained and never shows a count.
S1_IRQ_RE="^ *[0-9]+:( +[0-9]+)+ +[^ ]+ +$S1_BUTTON +Edge"
S1_NLINES=8
# ex_keep's lines left driving (line=value, for gpioset) and what line
# info must show for all lines after a hand-over and back.
S1_KEEP_SET='0=1 1=0'
S1_KEEP_LEVELS='1 0'
S1_KEEP_DIRS='output output input input input input input input'
# Prefix for handover/handback's check names (ex_keep runs them again).
S1_HO=

# held_by CHIP LINE CONSUMER: debugfs shows LINE requested by CONSUMER.
held_by() { debugfs_line "$1" "$2" | grep -q "|$3 *)"; }

# park CHIP: every line driven low, released, then requested as input.
# QEMU's PL061 model keeps the last driven data bit as the level of an
# input until something external changes it, so a released line that was
# driven high reads 1, and the gpio-key's press on line 3 (1) would then
# be no edge at all.  Only the falling edge 100 ms later would show.
park() {
	# shellcheck disable=SC2046
	gpioset "$1" $(bits 0)
	# shellcheck disable=SC2046
	gpioget "$1" $(seq 0 $((S1_NLINES - 1))) >/dev/null
}

# bits PATTERN: "0=1 1=0 ..." for gpioset, bit i -> line i.
bits() {
	_i=0 _o=
	while [ $_i -lt $S1_NLINES ]; do
		_o="$_o $_i=$((($1 >> _i) & 1))"
		_i=$((_i + 1))
	done
	echo "$_o"
}

# line_dirs CHIP: "input output ..." for every line of CHIP, from
# libgpiod's gpioinfo (line info: gpiolib's record of the direction,
# which it reads from the driver's get_direction at probe).
line_dirs() {
	gpioinfo "$1" | awk '$1 == "line" {
		for (i = 3; i <= NF; i++) if ($i == "input" || $i == "output") break
		printf "%s%s", sep, (i <= NF ? $i : "?"); sep = " "
	} END { print "" }'
}

# ex_identity LABEL CHIP D: chip as gpiodetect/gpioinfo/v2 line info see it.
ex_identity() {
	_l=$1 _c=$2 _d=$3
	gpiodetect | grep "^$_c " >"$_d/detect.txt"
	# Normalised for the diff: the chip number comes from gpiolib's ida,
	# not the driver; the label is the driver's choice (pl061_gpio uses
	# the device name) and is checked for content separately below.
	sed 's/^gpiochip[0-9]*/gpiochipN/; s/\[[^]]*\]/[LABEL]/' "$_d/detect.txt" >"$_d/detect.cmp"
	expect_eq "$_l.detect" "$(cat "$_d/detect.cmp")" "gpiochipN [LABEL] ($S1_NLINES lines)"
	gpioinfo "$_c" | sed 's/^gpiochip[0-9]*/gpiochipN/' >"$_d/info.cmp"
	expect_eq "$_l.info_lines" "$(grep -c '^[[:space:]]*line ' "$_d/info.cmp")" "$S1_NLINES"
	_i=0
	while [ $_i -lt $S1_NLINES ]; do
		gpio_v2_test info "$_c" $_i
		_i=$((_i + 1))
	done >"$_d/v2info.cmp"
	expect_eq "$_l.v2info_unused" "$(grep -c 'consumer="" flags=input ' "$_d/v2info.cmp")" "$S1_NLINES"
}

# ex_drive LABEL CHIP D PATTERN: hold PATTERN on all lines, read the
# driven levels from debugfs (through the driver's ->get while held),
# release, read back with gpioget (QEMU latches the last level).
ex_drive() {
	_l=$1 _c=$2 _d=$3 _p=$4
	# shellcheck disable=SC2046 # one word per line=value
	gpioset --mode=signal "$_c" $(bits "$_p") &
	_sp=$!
	if ! wait_for 3000 held_by "$_c" $((S1_NLINES - 1)) gpioset; then
		fail "$_l.drive_$_p" "gpioset did not take the lines"
		kill $_sp 2>/dev/null
		wait $_sp
		return
	fi
	_got=$(chip_states "$_c") _want='' _i=0
	while [ $_i -lt $S1_NLINES ]; do
		[ $(((_p >> _i) & 1)) = 1 ] && _want="$_want $_i:out hi" || _want="$_want $_i:out lo"
		_i=$((_i + 1))
	done
	kill $_sp
	wait $_sp
	echo "pattern $_p held:$_got" >>"$_d/drive.cmp"
	expect_eq "$_l.drive_$_p" "$_got" "$_want"
	# shellcheck disable=SC2046
	_back=$(gpioget "$_c" $(seq 0 $((S1_NLINES - 1))))
	echo "pattern $_p after release: $_back" >>"$_d/drive.cmp"
	expect_eq "$_l.readback_$_p" "$_back" "$(bits "$_p" | sed 's/ [0-9]*=/ /g; s/^ //')"
}

# ex_v2 LABEL CHIP D: uAPI v2 attributes (gpio_v2_test config) while a
# line-info watch records what userspace sees of request/reconfig/release.
ex_v2() {
	_l=$1 _c=$2 _d=$3
	gpio_v2_test watch "$_c" 2 4 5000 >"$_d/watch.raw" 2>&1 &
	_wp=$!
	wait_for 2000 at_least "$_d/watch.raw" 1
	gpio_v2_test config "$_c" 0 1 2 >"$_d/v2config.cmp" 2>&1
	_rc=$?
	expect_eq "$_l.v2config" "$_rc $(grep '^FAIL' "$_d/v2config.cmp" | head -n 1)" "0 "
	wait $_wp
	expect_eq "$_l.v2watch_rc" "$?" 0
	cp "$_d/watch.raw" "$_d/watch.cmp"
	expect_eq "$_l.v2watch" "$(cut -d' ' -f1 "$_d/watch.cmp" | tr '\n' ' ')" \
		"watching REQUESTED RECONFIGURED RECONFIGURED RELEASED "
}

# ex_button_v1 LABEL CHIP D: gpiomon (v1 uAPI, both edges) sees exactly
# one rising and one falling edge per press.  gpiomon's stdout is fully
# buffered into a file, so progress is judged from the PL061's parent
# interrupt count for line 3 (any driver's irq domain), then a
# settle time catches any extra edge, then SIGTERM makes gpiomon flush.
ex_button_v1() {
	_l=$1 _c=$2 _d=$3
	gpiomon "$_c" $S1_BUTTON >"$_d/mon.raw" 2>&1 &
	_mp=$!
	wait_for 3000 held_by "$_c" $S1_BUTTON gpiomon || log "gpiomon did not take line $S1_BUTTON"
	_irq0=$(irq_count "$S1_IRQ_RE")
	press_button "$SCEN-$_l-v1"
	wait_for 10000 irq_above "$((_irq0 + 1))" || log "line $S1_BUTTON IRQ count stayed below $((_irq0 + 2))"
	usleep 400000
	kill $_mp
	wait $_mp
	sed 's/ *timestamp:.*//; s/  */ /g' "$_d/mon.raw" >"$_d/button_v1.cmp"
	expect_eq "$_l.button_v1" "$(tr '\n' '|' <"$_d/button_v1.cmp")" \
		"event: RISING EDGE offset: $S1_BUTTON|event: FALLING EDGE offset: $S1_BUTTON|"
	echo "$(($(irq_count "$S1_IRQ_RE") - _irq0))" >"$_d/button_irqs.txt"
	# Pulse width in guest time: QEMU's gpio-key releases after 100 ms of
	# virtual time.  Not diffed (timing), but sanity-checked.
	_ms=$(sed -n 's/.*timestamp: \[ *\([0-9.]*\)\]/\1/p' "$_d/mon.raw" |
		awk 'NR == 1 { a = $1 } NR == 2 { printf "%d", ($1 - a) * 1000 }')
	echo "$_ms" >"$_d/pulse_ms.txt"
	log "$_l: button pulse $_ms ms (rising -> falling), line $S1_BUTTON IRQs: $(cat "$_d/button_irqs.txt")"
	if [ -n "$_ms" ] && [ "$_ms" -ge 50 ] && [ "$_ms" -le 1000 ]; then
		pass "$_l.pulse_width"
	else
		fail "$_l.pulse_width" "rising->falling '$_ms' ms, want 50..1000 (QEMU: 100)"
	fi
}

# irq_above N: line 3's interrupt has fired more than N times.
irq_above() { [ "$(irq_count "$S1_IRQ_RE")" -gt "$1" ]; }

# ex_button_v2 LABEL CHIP D: the same through uAPI v2 with a 20 ms
# debounce attribute (software debounce in gpiolib-cdev unless the driver
# takes it): the 100 ms pulse must still give exactly 2 edges, in order.
ex_button_v2() {
	_l=$1 _c=$2 _d=$3
	gpio_v2_test events "$_c" $S1_BUTTON both 20000 2 10000 400 >"$_d/v2events.raw" 2>&1 &
	_ep=$!
	wait_for 3000 at_least "$_d/v2events.raw" 1 '^armed'
	press_button "$SCEN-$_l-v2"
	wait $_ep
	expect_eq "$_l.button_v2_rc" "$?" 0
	sed 's/ ts_ns=.*//' "$_d/v2events.raw" >"$_d/v2events.cmp"
	expect_eq "$_l.button_v2" "$(tr '\n' '|' <"$_d/v2events.cmp")" \
		"armed offset=$S1_BUTTON name=\"\" consumer=\"gpio_v2_test\" flags=used,input,edge-rising,edge-falling debounce_us=20000|RISING offset=$S1_BUTTON seqno=1 line_seqno=1|FALLING offset=$S1_BUTTON seqno=2 line_seqno=2|"
}

# ex_no_press LABEL CHIP D: negative control, nobody presses: no event
# within 500 ms (exit 2 = timeout).  uAPI v2 here for its ms timeout; a
# spurious v1 event would already break button_v1's exact count.
ex_no_press() {
	_l=$1 _c=$2 _d=$3
	gpio_v2_test events "$_c" $S1_BUTTON both 0 1 500 >"$_d/nopress.raw" 2>&1
	_rc=$?
	sed 's/ ts_ns=.*//' "$_d/nopress.raw" >"$_d/nopress.cmp"
	expect_eq "$_l.no_press" "$_rc $(grep -vc '^armed' "$_d/nopress.cmp")" "2 1"
	expect_eq "$_l.no_press_out" "$(tail -n 1 "$_d/nopress.cmp")" "timeout seen=0"
}

# exercise LABEL: everything above against whichever driver is bound now.
# Records go to /tmp/LABEL/: *.cmp are diffed by compare_runs, *.txt and
# *.raw are kept for reading only.
exercise() {
	_l=$1 _d=/tmp/$1
	rm -rf "$_d"
	mkdir -p "$_d"
	_c=$(pl061_chip) || { fail "$_l.chip" "no gpiochip under $PL061_DEV (driver '$(pl061_bound)')"; return 1; }
	log "exercise $_l: $_c, driver $(pl061_bound)"
	pl061_bound >"$_d/driver.txt"
	# Start from all inputs at 0: QEMU keeps the PL061's registers across
	# a rebind, so what the previous run left behind would otherwise
	# show up as a difference in this one.
	park "$_c"
	trace parked
	ex_identity "$_l" "$_c" "$_d"
	trace identity
	# Complementary patterns: every line seen high and low, and every
	# neighbour pair at different levels (stuck bits, shorted bits).
	for p in 0x55 0xaa; do ex_drive "$_l" "$_c" "$_d" $p; done
	# 0xaa left line 3 latched high: a press would then give no rising edge.
	park "$_c"
	trace drive
	ex_v2 "$_l" "$_c" "$_d"
	trace v2
	ex_button_v1 "$_l" "$_c" "$_d"
	trace button_v1
	ex_button_v2 "$_l" "$_c" "$_d"
	trace button_v2
	ex_no_press "$_l" "$_c" "$_d"
	trace no_press
	grep -E "pl061|$_c|clx" /proc/interrupts >"$_d/interrupts.txt"
	dmesg_check "$_l.dmesg"
	return 0 # the chip was there: worth comparing even after a FAIL
}

# compare_runs A B: every record of run A must equal run B's, line by line.
compare_runs() {
	for f in /tmp/"$1"/*.cmp; do
		_n=$(basename "$f" .cmp)
		if [ ! -f "/tmp/$2/$_n.cmp" ]; then
			fail "same.$2.$_n" "no /tmp/$2/$_n.cmp"
		elif cmp -s "$f" "/tmp/$2/$_n.cmp"; then
			pass "same.$2.$_n"
		else
			diff -u "$f" "/tmp/$2/$_n.cmp" | sed 's/^/## diff: /'
			fail "same.$2.$_n" "$1 vs $2: $(diff "$f" "/tmp/$2/$_n.cmp" | grep '^[<>]' | head -n 2)"
		fi
	done
}

# ex_keep LABEL DRIVER [MODULE...]: a hand-over keeps what the board
# was left driving.  With pl061_gpio bound, lines 0 and 1 are left
# driving 1 and 0 (a libgpiod 1.6 gpioset in exit mode releases them;
# pl061_gpio's free keeps GPIODIR and the data latch, as a bootloader
# would leave them), the PL061 goes to DRIVER (loading MODULEs) and
# straight back to pl061_gpio without any line being touched, and
# pl061_gpio must see the same: line info says output (gpiolib read
# GPIODIR at probe), and an as-is uAPI v2 request reads the driven
# levels (libgpiod 1.6's gpioget would turn the lines into inputs).
# Run with DRIVER pl061_gpio itself for the reference records, which
# compare_runs diffs against the run through our driver.
ex_keep() {
	_l=keep_$1 _to=$2 _d=/tmp/keep_$1
	shift 2
	rm -rf "$_d"
	mkdir -p "$_d"
	_c=$(pl061_chip) || { fail "$_l.chip" "no gpiochip under $PL061_DEV (driver '$(pl061_bound)')"; return 1; }
	log "$_l: $_c left driving $S1_KEEP_SET, then to $_to and back"
	park "$_c"
	# shellcheck disable=SC2086 # one word per line=value
	expect_rc "$_l.set" 0 gpioset --mode=exit "$_c" $S1_KEEP_SET
	expect_eq "$_l.dirs_before" "$(line_dirs "$_c")" "$S1_KEEP_DIRS"
	expect_eq "$_l.levels_before" "$(gpio_v2_test get "$_c" 0 1)" "$S1_KEEP_LEVELS"
	S1_HO=$_l.
	handover "$_to" "$@"
	handback "$@"
	S1_HO=
	_c=$(pl061_chip) || { fail "$_l.chip_after" "no gpiochip under $PL061_DEV"; return 1; }
	line_dirs "$_c" >"$_d/keep_dirs.cmp"
	expect_eq "$_l.dirs" "$(cat "$_d/keep_dirs.cmp")" "$S1_KEEP_DIRS"
	gpio_v2_test get "$_c" 0 1 >"$_d/keep_levels.cmp" 2>&1
	expect_eq "$_l.levels" "$(cat "$_d/keep_levels.cmp")" "$S1_KEEP_LEVELS"
	park "$_c"
	return 0
}

# handover DRIVER [MODULE...]: load MODULEs, take the PL061 from whoever
# has it and give it to DRIVER.
handover() {
	_to=$1
	shift
	for m in "$@"; do
		expect_rc "${S1_HO}handover.insmod_$(basename "$m" .ko)" 0 insmod "$m" || return 1
	done
	pl061_bind "$_to"
	expect_eq "${S1_HO}handover.$_to" "$(pl061_bound)" "$_to"
	dmesg_check "${S1_HO}handover.dmesg"
	[ "$(pl061_bound)" = "$_to" ]
}

# handback [MODULE...]: unbind whoever has it, unload MODULEs (reverse
# order), clear the override, and let pl061_gpio probe it again.
handback() {
	_from=$(pl061_bound)
	[ -n "$_from" ] && echo "$PL061_DEV" >"$PL061_AMBA/drivers/$_from/unbind"
	_rev=
	for m in "$@"; do _rev="$(basename "$m" .ko) $_rev"; done
	for m in $_rev; do
		# only what handover managed to load
		[ -d "/sys/module/$(echo "$m" | tr - _)" ] && expect_rc "${S1_HO}handback.rmmod_$m" 0 rmmod "$m"
	done
	echo >"$PL061_PL/driver_override"
	echo "$PL061_DEV" >"$PL061_AMBA/drivers_probe"
	expect_eq "${S1_HO}handback.driver" "$(pl061_bound)" "$S1_INTREE"
	expect_eq "${S1_HO}handback.chip" "$(pl061_chip >/dev/null && gpiodetect | grep -c "($S1_NLINES lines)")" 1
	dmesg_check "${S1_HO}handback.dmesg"
}

s1_main() {
	[ -d "$PL061_PL" ] || { fail device "no $PL061_PL (not QEMU virt?)"; return; }
	expect_eq intree.driver "$(pl061_bound)" "$S1_INTREE"
	exercise intree

	_first=${S1_MODULES%% *}
	if [ -f "$_first" ] && [ -f "${S1_MODULES##* }" ]; then
		# shellcheck disable=SC2086 # module list
		if handover "$S1_DRIVER" $S1_MODULES && exercise gpioclx; then
			compare_runs intree gpioclx
		fi
		# shellcheck disable=SC2086
		handback $S1_MODULES
		# Outputs left driving survive pl061_gpio -> ours -> pl061_gpio
		# as they survive a rebind of pl061_gpio itself.
		ex_keep intree "$S1_INTREE"
		# shellcheck disable=SC2086
		ex_keep gpioclx "$S1_DRIVER" $S1_MODULES && compare_runs keep_intree keep_gpioclx
	else
		skip gpioclx-pl061 "module not built"
		# Without our module, prove the plumbing on the stock driver:
		# the same unbind/override/probe dance back to pl061_gpio, a
		# second full run, and the diff machinery on two real runs.
		if handover "$S1_INTREE" && exercise rebound; then
			compare_runs intree rebound
		fi
		handback
		ex_keep intree "$S1_INTREE"
	fi
}

s1_main
