# shellcheck shell=sh
# Guest test library (busybox sh), installed as /test/lib.sh.
#
# Result lines, the ONLY format the host parses (userspace/e2e.sh):
#   @@RESULT@@ PASS <scenario>.<check>
#   @@RESULT@@ FAIL <scenario>.<check> <why>
#   @@RESULT@@ SKIP <scenario>.<check> <why>
#   @@FIGURE@@ <scenario>.<name> <text>    (printed by the host, not counted)
# Check names are one word (no spaces).  Every line is also appended to
# $RESULTS so /init can print totals in the closing @@DONE@@ line even
# though each scenario runs in a subshell.
#
# Host requests (answered by userspace/qemu-run.sh while it watches the log):
#   @@PRESS-BUTTON@@ <tag> @@ -> QEMU monitor "system_powerdown"; on arm64
#                               virt that pulses PL061 line 3 (press_button);
#                               the closing @@ tells the host the tag is whole

RESULTS=${RESULTS:-/tmp/results}
SCEN=${SCEN:-guest}
# What a kernel splat looks like on the console / in dmesg.
SPLAT_RE='WARNING:|BUG:|Oops|lockdep|Call [Tt]race|Unable to handle kernel|general protection fault|KASAN|UBSAN|sleeping function called from invalid context|Kernel panic|INFO: task .* blocked|possible circular locking|inconsistent lock state'

# log TEXT: a human note; "##" keeps it clear of result lines.
log() { echo "## [$SCEN] $(cut -d" " -f1 /proc/uptime) $*"; }

# trace TEXT: a timestamped note only with gpioclx.trace=1 on the kernel
# command line (finding where guest time goes).
trace() { [ -z "${GPIOCLX_TRACE:-}" ] || log "$*"; }

# oneline TEXT: squash newlines so a reason never breaks the line format.
oneline() { printf '%s' "$*" | tr '\n\r' '| ' | cut -c1-300; }

# result STATUS CHECK [WHY...]
result() {
	_st=$1 _name=$2
	shift 2
	_line="@@RESULT@@ $_st $SCEN.$_name"
	[ $# -gt 0 ] && _line="$_line $(oneline "$*")"
	echo "$_line"
	echo "$_line" >>"$RESULTS"
}
# figure NAME TEXT...: a measured figure (counts, rates, bytes), not a
# check; the host prints it under the scenario's totals.
figure() {
	_fn=$1
	shift
	echo "@@FIGURE@@ $SCEN.$_fn $(oneline "$*")"
}
pass() { result PASS "$1"; }
fail() { _n=$1; shift; result FAIL "$_n" "${*:-failed}"; }
skip() { _n=$1; shift; result SKIP "$_n" "${*:-skipped}"; }

# All expect_* return 0 on PASS and 1 on FAIL, so a script can stop
# early: expect_rc load 0 insmod x.ko || return

# expect_eq CHECK ACTUAL EXPECTED
expect_eq() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "got '$2' want '$3'"
		return 1
	fi
}

# expect_match CHECK ACTUAL EREGEX: ACTUAL (may be multi-line) matches.
expect_match() {
	if printf '%s\n' "$2" | grep -qE "$3"; then
		pass "$1"
	else
		fail "$1" "'$2' does not match /$3/"
		return 1
	fi
}

# expect_rc CHECK WANT_RC CMD...: run CMD, compare its exit status.
# Output goes to /tmp/out.CHECK for later looks; its tail explains a FAIL.
expect_rc() {
	_n=$1 _want=$2
	shift 2
	"$@" >"/tmp/out.$_n" 2>&1
	_rc=$?
	if [ "$_rc" = "$_want" ]; then
		pass "$_n"
	else
		fail "$_n" "rc=$_rc want $_want from '$*': $(tail -n 3 "/tmp/out.$_n")"
		return 1
	fi
}

# run_to SECS CMD...: CMD with a time limit; 124 if it had to be stopped
# (busybox timeout itself reports 143).  SIGTERM, so tools that catch it
# (gpiomon) still flush their output.
run_to() {
	_secs=$1
	shift
	timeout "$_secs" "$@"
	_rc=$?
	[ "$_rc" = 143 ] && _rc=124
	return "$_rc"
}

# now_cs: guest uptime in centiseconds, the clock of every wait below.
# (Counting loop iterations instead drifts badly: under TCG one fork of
# sed/grep costs tens of ms.)
now_cs() {
	read -r _up _ </proc/uptime
	echo $((${_up%.*} * 100 + 1${_up#*.} - 100))
}

# wait_for MS CMD...: poll CMD (a function is fine) until it succeeds;
# 1 if MS milliseconds of uptime pass first.
wait_for() {
	_end=$(($(now_cs) + $1 / 10))
	shift
	while ! "$@" >/dev/null 2>&1; do
		[ "$(now_cs)" -ge "$_end" ] && return 1
		usleep 20000
	done
	return 0
}

# irq_count EREGEX: sum over CPUs of the /proc/interrupts line matching
# EREGEX (0 if none) - lets a script see that an interrupt happened
# without reading a consumer's (buffered) output.
irq_count() {
	grep -E "$1" /proc/interrupts | head -n 1 |
		awk '{ n = 0; for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) n += $i; print n + 0 }'
}

# line_count FILE [EREGEX]: lines (matching EREGEX) in FILE, 0 if none.
line_count() {
	[ -f "$1" ] || { echo 0; return; }
	if [ $# -gt 1 ]; then grep -cE "$2" "$1"; else wc -l <"$1"; fi
}

# at_least FILE N [EREGEX]: true once FILE has >= N (matching) lines.
at_least() { [ "$(line_count "$1" ${3:+"$3"})" -ge "$2" ]; }

# press_button TAG: ask the host for a power-button press.  Tags are
# made unique here, because the host answers each tag once.
press_button() {
	_pn=$(($(cat /tmp/.press_n 2>/dev/null || echo 0) + 1))
	echo "$_pn" >/tmp/.press_n
	echo "@@PRESS-BUTTON@@ $1-$_pn @@"
}

# dmesg_check [CHECK]: FAIL if the kernel log grew a splat since the
# previous call (any scenario: the position is kept in a file).
dmesg_check() {
	_seen=$(cat /tmp/.dmesg_seen 2>/dev/null || echo 0)
	dmesg >/tmp/.dmesg_now
	_total=$(wc -l </tmp/.dmesg_now)
	echo "$_total" >/tmp/.dmesg_seen
	tail -n +$((_seen + 1)) /tmp/.dmesg_now >/tmp/.dmesg_new
	if grep -qE "$SPLAT_RE" /tmp/.dmesg_new; then
		fail "${1:-dmesg}" "kernel splat: $(grep -m1 -E "$SPLAT_RE" /tmp/.dmesg_new)"
		grep -A 25 -E "$SPLAT_RE" /tmp/.dmesg_new | head -n 60 | sed 's/^/## dmesg: /'
		return 1
	fi
	return 0
}

# debugfs_line CHIP OFFSET: gpiolib's debugfs line for OFFSET of CHIP,
# e.g. " gpio-507 (   |gpiomon   ) in  lo IRQ" (libgpiod-independent view).
debugfs_line() {
	_base=$(gpio_base "$1")
	[ -n "$_base" ] && grep -E "^ gpio-$((_base + $2)) " /sys/kernel/debug/gpio
}

# gpio_base CHIP: the first GPIO number of CHIP (gpiolib's debugfs).
gpio_base() { sed -n "s/^$1: GPIOs \([0-9]*\)-.*/\1/p" /sys/kernel/debug/gpio; }

# chip_states CHIP: " 0:out hi 1:out lo ..." for the requested lines of
# CHIP, from one read of gpiolib's debugfs (one awk: forks are slow here);
# gpiolib reads each through the driver's ->get.
chip_states() {
	awk -v chip="$1:" '
		/^gpiochip/ { mine = ($1 == chip); split($3, r, "-"); base = r[1]; next }
		mine && /^ gpio-/ {
			s = $0; sub(/^[^)]*\) */, "", s); sub(/ *$/, "", s)
			printf " %d:%s", substr($1, 6) - base, s
		}' /sys/kernel/debug/gpio
}

# The PL061 of QEMU's arm64 virt board, which s1, s5 and s6 hand between
# the built-in pl061_gpio and a GpioClx client.
PL061_DEV=9030000.pl061
PL061_AMBA=/sys/bus/amba
PL061_PL=$PL061_AMBA/devices/$PL061_DEV

# pl061_bound: the driver the PL061 is bound to ("" if none).
pl061_bound() { [ -e "$PL061_PL/driver" ] && basename "$(readlink "$PL061_PL/driver")"; }

# pl061_chip: the gpiochip whose device sits under the PL061, wherever the
# driver hangs it (directly, or under a child device of its own).
pl061_chip() {
	for _g in /sys/bus/gpio/devices/gpiochip*; do
		case $(readlink -f "$_g") in */"$PL061_DEV"/*) basename "$_g" && return 0 ;; esac
	done
	return 1
}

# pl061_bind DRIVER: unbind whoever has the PL061 and probe it with DRIVER
# (driver_override beats the OF match table of the built-in pl061_gpio,
# which would otherwise win the re-probe; "" clears it, and pl061_gpio
# gets it again).
pl061_bind() {
	_from=$(pl061_bound)
	[ -n "$_from" ] && echo "$PL061_DEV" >"$PL061_AMBA/drivers/$_from/unbind"
	echo "$1" >"$PL061_PL/driver_override"
	echo "$PL061_DEV" >"$PL061_AMBA/drivers_probe"
}

# run_scenario NAME: run /test/NAME_*.sh (or /test/NAME.sh) in a subshell
# with this library loaded; a crash of the script is a FAIL, not a hang.
run_scenario() {
	_s=$1 _prev=$SCEN
	SCEN=$_s
	# shellcheck disable=SC2012 # our own file names
	_f=$(ls /test/"$_s"_*.sh /test/"$_s".sh 2>/dev/null | head -n 1)
	if [ -z "$_f" ]; then
		fail script "no /test/${_s}_*.sh in the initramfs"
		SCEN=$_prev
		return
	fi
	echo "@@SCENARIO@@ $_s $_f uptime=$(cut -d' ' -f1 /proc/uptime)"
	# shellcheck disable=SC1090
	(. "$_f")
	_rc=$?
	[ "$_rc" = 0 ] || fail script "$_f exited with $_rc"
	dmesg_check dmesg
	SCEN=$_prev
}

# The simulated I2C bus's control interface (gpioclx-i2c-sim.ko; s7 and
# the serial benchmark).
I2C_SIM=/sys/devices/platform/gpioclx-i2c-sim

# i2c_sim_per_op CHIP N CMD_A CMD_B SPEC...: bus transfers and messages
# per uAPI call, "TRANSFERS MESSAGES" (two decimals).  One gpio_v2_test
# request holds the lines of SPEC (its "request" syntax: OFFSET=0|1 an
# output, OFFSET=in an input); then N commands on its stdin, CMD_A and
# CMD_B in turn ("set 0=1 1=1", "get"), counted from the bus's counters
# between "held" and the last answer, so the request and release are not.
i2c_sim_per_op() {
	_pc=$1 _pn=$2 _pa=$3 _pb=$4 _pf=/tmp/per_op.fifo _po=/tmp/per_op.out
	shift 4
	rm -f "$_pf" "$_po"
	mkfifo "$_pf"
	gpio_v2_test request "$_pc" "$@" <"$_pf" >"$_po" 2>&1 &
	_pp=$!
	exec 3>"$_pf"
	if ! wait_for 5000 at_least "$_po" 1 '^held'; then
		exec 3>&-
		wait $_pp
		echo "n/a n/a"
		return 1
	fi
	_pt=$(cat "$I2C_SIM/transfers") _pm=$(cat "$I2C_SIM/messages") _pi=0
	while [ $_pi -lt "$_pn" ]; do
		[ $((_pi % 2)) = 0 ] && echo "$_pa" >&3 || echo "$_pb" >&3
		_pi=$((_pi + 1))
	done
	wait_for 30000 at_least "$_po" "$_pn" '^(set ok|values)'
	_pt=$(($(cat "$I2C_SIM/transfers") - _pt)) _pm=$(($(cat "$I2C_SIM/messages") - _pm))
	exec 3>&-
	wait $_pp
	awk -v t="$_pt" -v m="$_pm" -v n="$_pn" 'BEGIN { printf "%.2f %.2f\n", t / n, m / n }'
}
