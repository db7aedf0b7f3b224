# shellcheck shell=sh
# e2e-arch: arm64
# Scenario 11: s10's uAPI fuzzer on QEMU virt's real PL061 (issue 14,
# item 3, "where cheap"): the built-in pl061_gpio first, then our
# gpioclx-pl061, the same seed for both. Each run must meet gpio_fuzz's
# table of errnos, read back every push-pull output it set, leave every
# line free, and log no splat; then the chip must still drive a line.
# Nothing drives the lines from outside here (no simulator): edges come
# only from the fuzzer's own outputs. Leaves the PL061 as s1 expects it:
# bound to pl061_gpio, every line an input at 0, our modules unloaded.
# Sourced by run_scenario (lib.sh loaded, SCEN=s11).
#
# Hooks: GPIOCLX_PL061_DRIVER, GPIOCLX_PL061_MODULES (as s1),
# GPIOCLX_SEED (else one is drawn), GPIOCLX_S11_FUZZ (operations, 2000).

S11_INTREE=pl061_gpio
S11_DRIVER=${GPIOCLX_PL061_DRIVER:-gpioclx-pl061}
S11_MODULES=${GPIOCLX_PL061_MODULES:-/modules/gpioclx.ko /modules/gpioclx-pl061.ko}
S11_N=${GPIOCLX_S11_FUZZ:-2000}
S11_SEED=${GPIOCLX_SEED:-$(($(od -An -N4 -tu4 /dev/urandom)))}

# s11_fuzz LABEL: gpio_fuzz on the PL061's chip, then a line driven and
# read back from another request.
s11_fuzz() {
	_c=$(pl061_chip) || { fail "$1.chip" "no gpiochip under $PL061_DEV"; return 1; }
	gpio_fuzz -s "$S11_SEED" -n "$S11_N" "$_c" >"/tmp/s11.$1" 2>&1
	_rc=$?
	sed 's/^/## /' "/tmp/s11.$1" | tail -n 25
	figure "$1" "$(tail -n 1 "/tmp/s11.$1")"
	expect_eq "$1.rc" "$_rc" 0
	expect_match "$1.summary" "$(tail -n 1 "/tmp/s11.$1")" \
		" unexpected=0 mismatches=0 crashed=0 still_requested=0 "
	# QEMU's PL061 reads a released output's last level back
	gpioset "$_c" 5=1 && _v=$(gpioget "$_c" 5)
	gpioset "$_c" 5=0 && _v="$_v$(gpioget "$_c" 5)"
	expect_eq "$1.works" "$_v" 10
	dmesg_check "$1.dmesg"
}

# s11_park: every line driven low and released, then read as an input,
# as s1's park leaves them.
s11_park() {
	_c=$(pl061_chip) || return
	gpioset "$_c" 0=0 1=0 2=0 3=0 4=0 5=0 6=0 7=0 2>/dev/null
	gpioget "$_c" 0 1 2 3 4 5 6 7 >/dev/null 2>&1
}

s11_main() {
	[ -d "$PL061_PL" ] || { fail device "no $PL061_PL (not QEMU virt?)"; return; }
	log "seed $S11_SEED, $S11_N operations"
	pl061_bind "$S11_INTREE"
	expect_eq intree.bound "$(pl061_bound)" "$S11_INTREE" && s11_fuzz intree
	s11_park
	if [ ! -f "${S11_MODULES##* }" ]; then
		skip gpioclx-pl061 "module not built"
		return
	fi
	for _m in $S11_MODULES; do
		[ -d "/sys/module/$(basename "$_m" .ko | tr - _)" ] || insmod "$_m"
	done
	pl061_bind "$S11_DRIVER"
	expect_eq gpioclx.bound "$(pl061_bound)" "$S11_DRIVER" && s11_fuzz gpioclx
	s11_park
	# ours unbound and unloaded first, so that only pl061_gpio can probe it
	[ -n "$(pl061_bound)" ] && echo "$PL061_DEV" >"$PL061_AMBA/drivers/$(pl061_bound)/unbind"
	_rev=
	for _m in $S11_MODULES; do _rev="$(basename "$_m" .ko) $_rev"; done
	for _m in $_rev; do
		expect_rc "rmmod_$_m" 0 rmmod "$_m"
	done
	pl061_bind ""
	expect_eq handback "$(pl061_bound)" "$S11_INTREE"
	s11_park
}

s11_main
