# shellcheck shell=sh
# e2e-arch: arm64
# e2e-boot: acpi
# Scenario 8: QEMU virt's PL061 as UEFI firmware and ACPI describe it,
# first with the built-in pl061_gpio, then (if built) with gpioclx-pl061,
# the two runs diffed line by line.  Sourced by run_scenario (lib.sh
# loaded, SCEN=s8) in the boot qemu-run.sh --boot acpi makes.
#
# What that boot gives us (measured, QEMU 7.2 machine virt-4.1, Debian's
# qemu-efi-aarch64, acpi=force):
#   - the DSDT's \_SB.GPO0 (_HID ARMH0061) is the PL061; the kernel's
#     ACPI AMBA scan handler makes it the AMBA device ARMH0061:00 (not a
#     platform device), which pl061_gpio binds by its peripheral ID;
#   - GPO0's _AEI names line 3 (GpioInt, rising edge); gpiolib-acpi takes
#     line 3 as "ACPI:Event" on whichever gpio_chip has GPO0 as its
#     parent's companion, and runs _E03 on each edge: Notify(PWRB, 0x80),
#     which the built-in ACPI button driver turns into KEY_POWER down and
#     up on its input device ("Power Button", PNP0C0C);
#   - the monitor's system_powerdown pulses line 3 (rising, then falling
#     100 ms later), as in the device-tree boot.
# Nothing in this initramfs acts on KEY_POWER (no acpid, no logind): the
# press is only observed.

S8_INTREE=pl061_gpio
S8_DRIVER=${GPIOCLX_PL061_DRIVER:-gpioclx-pl061}
S8_MODULES=${GPIOCLX_PL061_MODULES:-/modules/gpioclx.ko /modules/gpioclx-pl061.ko}
S8_ACPI_PATH='\_SB_.GPO0'
S8_BUTTON=3
S8_NLINES=8
# The lines userspace may drive: all but the _AEI line.
S8_FREE='0 1 2 4 5 6 7'
# Line 3's interrupt as gpiolib-acpi requested it
# (" 51:  1  ARMH0061:00  3 Edge  ACPI:Event").
S8_IRQ_RE="^ *[0-9]+:( +[0-9]+)+ +[^ ]+ +$S8_BUTTON +Edge +ACPI:Event"
# KEY_POWER (116) down, sync, up, sync: what the ACPI button driver
# reports for one Notify(PWRB, 0x80).
S8_KEY_EVENTS='type=1 code=116 value=1|type=0 code=0 value=0|type=1 code=116 value=0|type=0 code=0 value=0|'

# lib.sh's PL061 helpers, pointed at the ACPI-enumerated device.
PL061_DEV=ARMH0061:00
PL061_PL=$PL061_AMBA/devices/$PL061_DEV

# s8_firmware: the boot is the one asked for: ACPI tables, no device tree,
# and the PL061 where ACPI puts it.
s8_firmware() {
	if [ -f /sys/firmware/acpi/tables/DSDT ]; then pass acpi.dsdt; else fail acpi.dsdt "no /sys/firmware/acpi/tables/DSDT"; fi
	# (the kernel makes /sys/firmware/devicetree either way; base is the tree)
	if [ ! -e /sys/firmware/devicetree/base ]; then pass acpi.no_dt; else fail acpi.no_dt "/sys/firmware/devicetree/base exists"; fi
	[ -d "$PL061_PL" ] || { fail acpi.device "no $PL061_PL: amba has $(echo /sys/bus/amba/devices/*)"; return 1; }
	pass acpi.device
	expect_eq acpi.bus "$(basename "$(readlink -f "$PL061_PL/subsystem")")" amba
	expect_eq acpi.path "$(cat "$PL061_PL/firmware_node/path")" "$S8_ACPI_PATH"
	expect_eq acpi.hid "$(cat "$PL061_PL/firmware_node/hid")" ARMH0061
}

# s8_event_dev: /dev/input/eventN of the ACPI power button.
s8_event_dev() {
	for _e in /sys/class/input/event*; do
		[ "$(cat "$_e/device/phys" 2>/dev/null)" = PNP0C0C/button/input0 ] || continue
		echo "/dev/input/$(basename "$_e")"
		return 0
	done
	return 1
}

# s8_drive LABEL CHIP D PATTERN: the free lines held at PATTERN (bit i ->
# line i) by gpioset, levels from debugfs while held, read back with
# gpioget after release (QEMU's PL061 keeps the data bits).
s8_drive() {
	_l=$1 _c=$2 _d=$3 _p=$4 _args='' _want='' _back=''
	for _i in $(seq 0 $((S8_NLINES - 1))); do
		if [ "$_i" = $S8_BUTTON ]; then
			_want="$_want $_i:in  lo IRQ" # ACPI:Event's throughout
			continue
		fi
		_b=$(((_p >> _i) & 1))
		_args="$_args $_i=$_b"
		[ "$_b" = 1 ] && _want="$_want $_i:out hi" || _want="$_want $_i:out lo"
		_back="$_back $_b"
	done
	# shellcheck disable=SC2086 # one word per line=value
	gpioset --mode=signal "$_c" $_args &
	_sp=$!
	if ! wait_for 3000 held_by "$_c" 7 gpioset; then
		fail "$_l.drive_$_p" "gpioset did not take the lines"
		kill $_sp 2>/dev/null
		wait $_sp
		return
	fi
	_got=$(chip_states "$_c")
	kill $_sp
	wait $_sp
	echo "pattern $_p held:$_got" >>"$_d/drive.cmp"
	expect_eq "$_l.drive_$_p" "$_got" "$_want"
	# shellcheck disable=SC2086
	_got=$(gpioget "$_c" $S8_FREE | sed 's/^/ /')
	echo "pattern $_p after release:$_got" >>"$_d/drive.cmp"
	expect_eq "$_l.readback_$_p" "$_got" "$_back"
}

# held_by CHIP LINE CONSUMER: debugfs shows LINE requested by CONSUMER.
held_by() { debugfs_line "$1" "$2" | grep -q "|$3 *)"; }

# s8_press LABEL D EVDEV: one press, seen as KEY_POWER on EVDEV and as
# one rising edge of line 3 (the _AEI is rising-edge only).
s8_press() {
	_l=$1 _d=$2 _ev=$3
	_irq0=$(irq_count "$S8_IRQ_RE")
	evdev_test "$_ev" 4 10000 400 >"$_d/key.raw" 2>&1 &
	_ep=$!
	wait_for 3000 at_least "$_d/key.raw" 1 '^armed' || log "evdev_test did not arm"
	press_button "$SCEN-$_l"
	wait $_ep
	expect_eq "$_l.key_rc" "$?" 0
	sed 's/ ts_ns=.*//' "$_d/key.raw" >"$_d/key.cmp"
	expect_eq "$_l.key_power" "$(tr '\n' '|' <"$_d/key.cmp")" "armed name=Power Button|$S8_KEY_EVENTS"
	echo "$(($(irq_count "$S8_IRQ_RE") - _irq0))" >"$_d/button_irqs.cmp"
	expect_eq "$_l.button_irqs" "$(cat "$_d/button_irqs.cmp")" 1
}

# s8_exercise LABEL: everything against whichever driver is bound now.
# Records go to /tmp/s8_LABEL/: *.cmp are diffed by s8_compare.
s8_exercise() {
	_l=$1 _d=/tmp/s8_$1
	rm -rf "$_d"
	mkdir -p "$_d"
	_c=$(pl061_chip) || { fail "$_l.chip" "no gpiochip under $PL061_DEV (driver '$(pl061_bound)')"; return 1; }
	log "exercise $_l: $_c, driver $(pl061_bound)"
	# gpiolib-acpi's _AEI handling took line 3 on this chip.
	debugfs_line "$_c" $S8_BUTTON | sed 's/^ gpio-[0-9]* //; s/  *$//' >"$_d/aei_line.cmp"
	expect_match "$_l.aei_line" "$(cat "$_d/aei_line.cmp")" '^[(] *[|]ACPI:Event *[)] in  lo IRQ$'
	grep -E "$S8_IRQ_RE" /proc/interrupts | awk '{ $1 = ""; $2 = ""; print }' | sed 's/^ *//' >"$_d/aei_irq.cmp"
	expect_eq "$_l.aei_irq" "$(cat "$_d/aei_irq.cmp")" "$PL061_DEV $S8_BUTTON Edge ACPI:Event"
	# identity, normalised as in s1: the chip number is gpiolib's ida,
	# the label the driver's choice (pl061_gpio: the device name).
	gpiodetect | grep "^$_c " | sed 's/^gpiochip[0-9]*/gpiochipN/' >"$_d/detect.cmp"
	expect_eq "$_l.detect" "$(sed 's/\[[^]]*\]/[LABEL]/' "$_d/detect.cmp")" "gpiochipN [LABEL] ($S8_NLINES lines)"
	gpioinfo "$_c" | sed 's/^gpiochip[0-9]*/gpiochipN/' >"$_d/info.cmp"
	expect_match "$_l.info_aei" "$(grep "line *$S8_BUTTON:" "$_d/info.cmp")" '"ACPI:Event" +input +active-high +\[used\]'
	# userspace cannot take the _AEI line
	gpioget "$_c" $S8_BUTTON >"$_d/busy.raw" 2>&1
	echo "rc=$? $(sed 's/^[^:]*: //' "$_d/busy.raw")" >"$_d/busy.cmp"
	expect_match "$_l.aei_busy" "$(cat "$_d/busy.cmp")" '^rc=1 .*busy'
	for p in 0x55 0xaa; do s8_drive "$_l" "$_c" "$_d" $p; done
	_ev=$(s8_event_dev) || { fail "$_l.evdev" "no input device with phys PNP0C0C/button/input0"; return 0; }
	s8_press "$_l" "$_d" "$_ev"
	# negative control: nobody presses, nothing comes (exit 2 = timeout)
	evdev_test "$_ev" 1 500 >"$_d/nopress.raw" 2>&1
	echo "rc=$? $(grep -v '^armed' "$_d/nopress.raw")" >"$_d/nopress.cmp"
	expect_eq "$_l.no_press" "$(cat "$_d/nopress.cmp")" "rc=2 timeout seen=0"
	dmesg_check "$_l.dmesg"
	return 0 # the chip was there: worth comparing even after a FAIL
}

# s8_compare A B: every record of run A must equal run B's, line by line.
s8_compare() {
	for f in /tmp/s8_"$1"/*.cmp; do
		_n=$(basename "$f" .cmp)
		if [ ! -f "/tmp/s8_$2/$_n.cmp" ]; then
			fail "same.$2.$_n" "no /tmp/s8_$2/$_n.cmp"
		elif cmp -s "$f" "/tmp/s8_$2/$_n.cmp"; then
			pass "same.$2.$_n"
		else
			diff -u "$f" "/tmp/s8_$2/$_n.cmp" | sed 's/^/## diff: /'
			fail "same.$2.$_n" "$1 vs $2: $(diff "$f" "/tmp/s8_$2/$_n.cmp" | grep '^[<>]' | head -n 2)"
		fi
	done
}

# s8_unbind_native: unbind pl061_gpio, whose gpiochip_remove() WARNs on
# some kernels: since 6.13 (and in Debian's 6.12, a stable backport)
# gpiochip_remove() frees the interrupts still requested on the chip's
# lines before gpiolib-acpi frees its _AEI interrupts, and free_irq() then
# complains "Trying to free already-free IRQ" from
# acpi_gpiochip_free_interrupts().  That splat, and only that, is the
# stock kernel's and is allowed here; anything else fails.  It is kept off
# the console (warnings only; errors still print), where the host would
# count it, and read whole from dmesg below.
s8_unbind_native() {
	_lvl=$(cut -f1 /proc/sys/kernel/printk)
	echo 4 >/proc/sys/kernel/printk
	echo "$PL061_DEV" >"$PL061_AMBA/drivers/$S8_INTREE/unbind"
	echo "$_lvl" >/proc/sys/kernel/printk
	_seen=$(cat /tmp/.dmesg_seen 2>/dev/null || echo 0)
	dmesg | tail -n +$((_seen + 1)) >/tmp/s8_unbind.dmesg
	if ! grep -qE "$SPLAT_RE" /tmp/s8_unbind.dmesg; then
		pass native_unbind.splat
		return
	fi
	# the known one: one WARNING, in free_irq, called from gpiolib-acpi
	# during gpiochip_remove, after the "already-free" message
	_w=$(grep -cE "$SPLAT_RE" /tmp/s8_unbind.dmesg)
	_t=$(grep -cE 'WARNING: .* at kernel/irq/manage.c:[0-9]+ free_irq' /tmp/s8_unbind.dmesg)
	if [ "$_w" = 2 ] && [ "$_t" = 1 ] && grep -q 'Trying to free already-free IRQ' /tmp/s8_unbind.dmesg &&
		grep -q ' acpi_gpiochip_free_interrupts+' /tmp/s8_unbind.dmesg &&
		grep -q ' gpiochip_remove+' /tmp/s8_unbind.dmesg; then
		log "pl061_gpio's unbind: the stock kernel's double free_irq of the _AEI interrupt (allowed)"
		pass native_unbind.splat
		dmesg | wc -l >/tmp/.dmesg_seen
	else
		grep -A 25 -E "$SPLAT_RE" /tmp/s8_unbind.dmesg | head -n 60 | sed 's/^/## dmesg: /'
		fail native_unbind.splat "not the known one: $(grep -m1 -E "$SPLAT_RE" /tmp/s8_unbind.dmesg)"
	fi
}

# s8_handover: load our modules and give the PL061 to our client.
s8_handover() {
	for m in $S8_MODULES; do
		expect_rc "handover.insmod_$(basename "$m" .ko)" 0 insmod "$m" || return 1
	done
	s8_unbind_native
	pl061_bind "$S8_DRIVER"
	expect_eq handover.driver "$(pl061_bound)" "$S8_DRIVER"
	dmesg_check handover.dmesg
	[ "$(pl061_bound)" = "$S8_DRIVER" ]
}

# s8_handback: unbind ours, unload, and let pl061_gpio probe it again;
# the _AEI line goes back with it.
s8_handback() {
	_from=$(pl061_bound)
	[ -n "$_from" ] && echo "$PL061_DEV" >"$PL061_AMBA/drivers/$_from/unbind"
	_rev=
	for m in $S8_MODULES; do _rev="$(basename "$m" .ko) $_rev"; done
	for m in $_rev; do
		[ -d "/sys/module/$(echo "$m" | tr - _)" ] && expect_rc "handback.rmmod_$m" 0 rmmod "$m"
	done
	echo >"$PL061_PL/driver_override"
	echo "$PL061_DEV" >"$PL061_AMBA/drivers_probe"
	expect_eq handback.driver "$(pl061_bound)" "$S8_INTREE"
	_c=$(pl061_chip) && expect_match handback.aei_line "$(debugfs_line "$_c" $S8_BUTTON)" '[|]ACPI:Event *[)] in  lo IRQ'
	dmesg_check handback.dmesg
}

s8_main() {
	s8_firmware || return 0
	expect_eq intree.driver "$(pl061_bound)" "$S8_INTREE"
	# evdev is a module in Debian's kernels (e2e.sh's acpi boot brings it)
	grep -qw evdev /proc/modules || expect_rc evdev.insmod 0 insmod /modules/evdev.ko
	s8_exercise intree
	if [ -f "${S8_MODULES%% *}" ] && [ -f "${S8_MODULES##* }" ]; then
		s8_handover && s8_exercise gpioclx && s8_compare intree gpioclx
		s8_handback
	else
		skip gpioclx-pl061 "module not built"
	fi
	return 0 # every failure above is counted already
}

s8_main
