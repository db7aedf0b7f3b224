# shellcheck shell=sh
# e2e-arch: arm64
# Scenario 6: a line held by userspace across unbind (issue 14, item 2),
# on QEMU virt's real PL061, first with the built-in pl061_gpio, then with
# our gpioclx-pl061, the same steps in the same boot.  Each of S6_CYCLES
# cycles: a holder (gpio_v2_test request, uAPI v2: it can still be told to
# read after the unbind) drives line 5 high; the device is unbound under
# it; the holder reads its line (both kernels, both drivers: ENODEV, and
# gpio_v2_test exits on it); the device is rebound to the same driver; the chip must be there
# and usable (gpiodetect, gpioget).  Per cycle the chip's name and GPIO
# base are recorded: a gpio_device that is never freed keeps its chip
# number and its range of GPIO numbers, so a leak moves both.
#
# The check that must hold: ours is no worse than native on the same
# kernel (rebind, usable chip, leaked numbers per cycle).  Per kernel:
#   6.1:  gpiod_free() skips module_put()/put_device() once the chip is
#         gone, so every held-across-unbind line leaks the gpio_device
#         and its GPIO numbers (and, for a module, a reference on it:
#         rmmod then says "in use").  The rebind itself still works until
#         the number space (512 on arm64) runs out.  Expected for both.
#   6.12: SRCU descriptors: the release after unbind frees everything;
#         rebinds reuse the chip number and base, rmmod works.
# No interrupt is held here: on 6.1 a held interrupt WARNs in
# remove_proc_entry at unbind, and a console splat fails the whole run.
# Sourced by run_scenario (lib.sh loaded, SCEN=s6).  Leaves the PL061 as
# s1/s4/s5 leave it: bound to pl061_gpio, no override.

S6_INTREE=pl061_gpio
S6_DRIVER=${GPIOCLX_PL061_DRIVER:-gpioclx-pl061}
S6_MODULES=${GPIOCLX_PL061_MODULES:-/modules/gpioclx.ko /modules/gpioclx-pl061.ko}
S6_LINE=5
S6_NLINES=8
S6_CYCLES=${GPIOCLX_S6_CYCLES:-3}
S6_FIFO=/tmp/s6.fifo
# Writing to the holder's stdin after it died must not kill the script.
trap '' PIPE

# s6_lines FILE N: FILE has at least N lines.
s6_lines() { [ -f "$1" ] && [ "$(wc -l <"$1")" -ge "$2" ]; }

# s6_ask OUT CMD: one command to the holder, its answer (or its dying
# words) from OUT; "(none)" if it said nothing within 2 s.
s6_ask() {
	_n=$(wc -l <"$1")
	echo "$2" >&3 2>/dev/null
	wait_for 2000 s6_lines "$1" $((_n + 1))
	_a=$(tail -n +$((_n + 1)) "$1" | head -n 1)
	echo "${_a:-(none)}"
}

# s6_cycle LABEL DRIVER I: one hold/unbind/release/rebind cycle; one
# record line in /tmp/s6/LABEL.txt:
#   chip base unbound hold_get hold_set holder_rc rebound usable line
s6_cycle() {
	_l=$1 _drv=$2 _i=$3 _k=$1.c$3 _o=/tmp/s6/$1.holder$3
	_c=$(pl061_chip) || { fail "$_k.chip" "no gpiochip under $PL061_DEV (driver '$(pl061_bound)')"; return 1; }
	_b=$(gpio_base "$_c")
	rm -f "$S6_FIFO"
	mkfifo "$S6_FIFO"
	: >"$_o"
	gpio_v2_test request "$_c" $S6_LINE=1 <"$S6_FIFO" >"$_o" 2>&1 &
	_hp=$!
	exec 3>"$S6_FIFO"
	if ! wait_for 3000 grep -q '^held' "$_o"; then
		fail "$_k.hold" "holder did not take line $S6_LINE: $(tail -n 2 "$_o")"
		exec 3>&-
		kill $_hp 2>/dev/null
		wait $_hp
		return 1
	fi
	pass "$_k.hold"
	echo "$PL061_DEV" >"$PL061_AMBA/drivers/$_drv/unbind"
	_unb=$([ -z "$(pl061_bound)" ] && ! pl061_chip >/dev/null && echo yes || echo no)
	expect_eq "$_k.unbound" "$_unb" yes
	# What the holder's line does with its chip gone.
	_get=$(s6_ask "$_o" get | tr ' ' _)
	_set=$(s6_ask "$_o" "set $S6_LINE=0" | tr ' ' _)
	exec 3>&-
	wait $_hp
	_hrc=$?
	log "$_k: holder after unbind: get '$_get' set '$_set', exit $_hrc"
	# gpiolib answers for the orphaned request: ENODEV, both drivers, both kernels
	expect_match "$_k.holder_enodev" "$_get" "No_such_device"
	pl061_bind "$_drv"
	_rb=$(pl061_bound)
	_c2=$(pl061_chip) || _c2=none
	_use=no _line=-
	# Line info before anything touches the line (gpioget makes it an input).
	[ "$_c2" != none ] && _line=$(gpioinfo "$_c2" | awk -v l="$S6_LINE:" '$1 == "line" && $2 == l { print ($0 ~ /output/ ? "output" : "input") }')
	if [ "$_c2" != none ] &&
		[ "$(gpiodetect | grep -c "^$_c2 .*($S6_NLINES lines)")" = 1 ] &&
		gpioget "$_c2" $S6_LINE >/dev/null 2>&1; then
		_use=yes
	fi
	echo "$_c $_b $_unb $_get $_set $_hrc ${_rb:-none} $_use $_line" >>"/tmp/s6/$_l.txt"
	log "$_k: $_c base $_b -> rebound '${_rb:-none}' as $_c2 base $([ "$_c2" != none ] && gpio_base "$_c2"), usable $_use"
	expect_eq "$_k.rebind" "${_rb:-none}" "$_drv" || return 1
	expect_eq "$_k.usable" "$_use" yes
	dmesg_check "$_k.dmesg"
	return 0
}

# s6_run LABEL DRIVER: S6_CYCLES cycles, then the per-cycle figures:
# successful rebinds, and how far the chip number and GPIO base moved.
s6_run() {
	_l=$1 _drv=$2 _i=1 _ok=0
	: >"/tmp/s6/$_l.txt"
	_c0=$(pl061_chip) _b0=$(gpio_base "$(pl061_chip)")
	while [ $_i -le "$S6_CYCLES" ]; do
		s6_cycle "$_l" "$_drv" $_i && _ok=$((_ok + 1))
		[ "$(pl061_bound)" = "$_drv" ] || break
		_i=$((_i + 1))
	done
	_c1=$(pl061_chip) _b1=$(gpio_base "$(pl061_chip)")
	# Numbers lost per cycle: how far the base moved, either way (6.1
	# allocates downwards, later kernels upwards); "unknown" without a
	# chip at both ends, which fails every check that reads it.
	_leak=unknown
	if [ -n "$_b0" ] && [ -n "$_b1" ] && [ "$_ok" -gt 0 ]; then
		_d=$((_b0 - _b1))
		[ $_d -ge 0 ] || _d=$((-_d))
		_leak=$((_d / _ok))
	fi
	echo "$_ok $_c0 $_b0 $_c1 $_b1 $_leak" >"/tmp/s6/$_l.sum"
	log "$_l: $_ok/$S6_CYCLES rebinds; $_c0 base $_b0 -> $_c1 base $_b1 ($_leak GPIO numbers lost per cycle)"
}

s6_main() {
	[ -d "$PL061_PL" ] || { fail device "no $PL061_PL (not QEMU virt?)"; return; }
	command -v mkfifo >/dev/null || { fail mkfifo "no mkfifo in the guest"; return; }
	rm -rf /tmp/s6
	mkdir -p /tmp/s6
	S6_KV=$(uname -r | cut -d. -f1,2)
	expect_eq intree.driver "$(pl061_bound)" "$S6_INTREE" || return
	# The native driver first, rebinding through the same override ours uses.
	pl061_bind "$S6_INTREE"
	s6_run intree "$S6_INTREE"

	if [ ! -f "${S6_MODULES%% *}" ] || [ ! -f "${S6_MODULES##* }" ]; then
		skip gpioclx-pl061 "module not built"
	else
		for m in $S6_MODULES; do
			expect_rc "insmod_$(basename "$m" .ko)" 0 insmod "$m" || return
		done
		pl061_bind "$S6_DRIVER"
		expect_eq gpioclx.driver "$(pl061_bound)" "$S6_DRIVER" && s6_run gpioclx "$S6_DRIVER"
	fi

	# Ours against native, same kernel: never worse.
	if [ -f /tmp/s6/gpioclx.sum ]; then
		read -r _nok _ _ _ _ _nleak </tmp/s6/intree.sum
		read -r _gok _ _ _ _ _gleak </tmp/s6/gpioclx.sum
		expect_eq vs_native.rebinds "$([ "$_gok" -ge "$_nok" ] && echo ok)" ok
		expect_eq vs_native.leak "$([ "$_gleak" -le "$_nleak" ] 2>/dev/null && echo ok)" ok
		# What the holder saw and how the line came back, for the log.
		log "native: $(tr '\n' '|' </tmp/s6/intree.txt)"
		log "gpioclx: $(tr '\n' '|' </tmp/s6/gpioclx.txt)"
	fi
	# What each kernel's gpiolib is known to do (see the header).
	for _l in intree gpioclx; do
		[ -f "/tmp/s6/$_l.sum" ] || continue
		read -r _ok _ _ _ _ _leak <"/tmp/s6/$_l.sum"
		expect_eq "$_l.rebinds" "$_ok" "$S6_CYCLES"
		case $S6_KV in
		6.1) expect_eq "$_l.leak_6.1" "$_leak" $S6_NLINES ;;
		*) expect_eq "$_l.leak" "$_leak" 0 ;;
		esac
	done

	# Hand back to pl061_gpio, as s1/s4/s5 leave it.
	pl061_bind ""
	if [ -n "$(pl061_bound)" ] && [ "$(pl061_bound)" != "$S6_INTREE" ]; then
		echo "$PL061_DEV" >"$PL061_AMBA/drivers/$(pl061_bound)/unbind"
		echo "$PL061_DEV" >"$PL061_AMBA/drivers_probe"
	fi
	_rev=
	for m in $S6_MODULES; do _rev="$(basename "$m" .ko) $_rev"; done
	for m in $_rev; do
		[ -d "/sys/module/$(echo "$m" | tr - _)" ] || continue
		_ref=$(cat "/sys/module/$(echo "$m" | tr - _)/refcnt")
		rmmod "$m" >/tmp/s6/rmmod_"$m" 2>&1
		_rc=$?
		log "rmmod $m (refcnt $_ref): rc $_rc $(oneline "$(cat /tmp/s6/rmmod_"$m")")"
		case $S6_KV in
		# 6.1: each leaked gpio_device keeps a reference on the module.
		6.1) expect_eq "rmmod_${m}_6.1" "$_rc" 1 ;;
		*) expect_eq "rmmod_$m" "$_rc" 0 ;;
		esac
	done
	expect_eq handback.driver "$(pl061_bound)" "$S6_INTREE"
	expect_eq handback.chip "$(pl061_chip >/dev/null && gpiodetect | grep -c "($S6_NLINES lines)")" 1
}

s6_main
