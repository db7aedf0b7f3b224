# shellcheck shell=sh
# e2e-arch: amd64
# e2e-boot: ssdt
# Scenario 9: the simulated controller declared by firmware, as Windows
# finds a GpioClx controller. The boot carries userspace/acpi/gpioclx-sim.asl
# (an SSDT, loaded by the kernel's initrd table upgrade): controller GPI0
# (_HID GCLX0001: 2 banks of 32, _AEI on pin 44), a power button, a
# consumer GCON (_HID GCLX0002) whose GpioIo is pin 37 and GpioInt pin 40,
# and gpio-keys (PRP0001) on GpioInt pin 48, GpioClx numbers (bank * 32 +
# pin). gpioclx-sim binds GPI0 through ACPI; the test module
# gpioclx-acpi-consumer and gpio-keys get their lines and interrupts through
# gpiolib-acpi; each must land on bank 1 of the simulated hardware.
# Sourced by run_scenario (SCEN=s9).

S9_SHIM=/modules/gpioclx.ko
S9_SIM=/modules/gpioclx-sim.ko
S9_CON=/modules/gpioclx-acpi-consumer.ko
S9_DEV=GCLX0001:00
S9_SYS=/sys/bus/platform/devices/$S9_DEV
S9_CDEV=GCLX0002:00
S9_CSYS=/sys/bus/platform/devices/$S9_CDEV
S9_STATE=/sys/kernel/debug/gpioclx/$S9_DEV/state

# s9_chip: the gpiochip of the ACPI-declared controller.
s9_chip() {
	for _g in "$S9_SYS"/gpiochip*; do
		[ -e "$_g" ] && basename "$_g" && return 0
	done
	return 1
}

# s9_driver DEV: the driver DEV (a platform device) is bound to, "" if none.
s9_driver() {
	_l=/sys/bus/platform/devices/$1/driver
	[ -e "$_l" ] && basename "$(readlink "$_l")"
}

# s9_bank B: "connected/output" of bank B from the shim's debugfs state.
s9_bank() {
	sed -n "s/^bank $1: .* connected \([^ ]*\) output \([^ ]*\) .*/\1\/\2/p" "$S9_STATE"
}

# s9_level OFFSET: the simulated hardware's level of the pin at OFFSET.
s9_level() { cat "$S9_SYS/sim_gpio$1/value"; }

s9_irqs() { cat "$S9_CSYS/irq_count"; }

# s9_power_event: the event device of the power button PWRB (PNP0C0C),
# not the fixed-feature one (LNXPWRBN) QEMU's firmware may also declare.
s9_power_event() {
	s9_evdev_of PNP0C0C/button
}

# s9_evdev_of PHYS: the event device of the input device whose physical
# path starts with PHYS, from /proc/bus/input/devices ("H: Handlers=" is
# followed by the handlers, "kbd event1", or just "event3").
s9_evdev_of() {
	awk -v phys="P: Phys=$1" 'index($0, phys) == 1 { mine = 1 } /^$/ { mine = 0 }
		mine && sub(/^H: Handlers=/, "") { for (i = 1; i <= NF; i++) if ($i ~ /^event/) print $i }' \
		/proc/bus/input/devices | head -n 1
}

s9_firmware() {
	expect_match table_upgrade "$(dmesg | grep -i 'table upgrade')" 'SSDT.*GCLXSIM' || return
	expect_eq acpi_device "$(cat /sys/bus/acpi/devices/$S9_DEV/hid 2>&1)" GCLX0001
	expect_eq platform_device "$([ -d "$S9_SYS" ] && echo yes)" yes
	expect_eq consumer_device "$([ -d "$S9_CSYS" ] && echo yes)" yes
}

s9_bind() {
	expect_rc insmod_gpioclx 0 insmod "$S9_SHIM" || return
	# the consumer first: it waits (probe deferred) for its controller
	expect_rc insmod_consumer 0 insmod "$S9_CON" || return
	expect_eq consumer_deferred "$(s9_driver "$S9_CDEV")" ""
	expect_rc insmod_sim 0 insmod "$S9_SIM" || return
	expect_eq bound_acpi "$(s9_driver "$S9_DEV")" gpioclx-sim || return
	expect_match board_log "$(dmesg | grep "$S9_DEV")" 'board from firmware: 2 banks of 32 pins'
	S9_C=$(s9_chip)
	expect_match gpiodetect "$(gpiodetect)" "^$S9_C \[$S9_DEV\] \(64 lines\)" || return
	# the module's own board is there too, as without firmware
	expect_match param_board "$(gpiodetect)" '\[gpioclx-sim\.0\] \(128 lines\)'
	expect_match state_geometry "$(head -n 1 "$S9_STATE")" '64 lines, 2 bank\(s\) x 32 pins'
	wait_for 5000 test -e "$S9_CSYS/driver"
	expect_eq consumer_bound "$(s9_driver "$S9_CDEV")" gpioclx-acpi-consumer || return
}

# The consumer's GpioIo pin 37 is line 37 of the chip and bank 1 pin 5 of
# the hardware; nothing else moves.
s9_line() {
	expect_match line_consumer "$(gpioinfo "$S9_C" | grep -E 'line +37:')" \
		"\"$S9_CDEV\" +output +active-high \[used"
	# connected: 5 (the consumer's output), 8 (its interrupt), 12 (_AEI)
	expect_eq line_state "$(s9_bank 1)" 0x1120/0x20
	expect_eq bank0_untouched "$(s9_bank 0)" 0x0/0x0
	expect_eq low_at_start "$(s9_level 37)" 0
	echo 1 >"$S9_CSYS/value"
	expect_eq drive_high "$(s9_level 37)" 1
	expect_eq drive_readback "$(cat "$S9_CSYS/value")" 1
	expect_eq bank0_pin5_low "$(s9_level 5)" 0
	expect_eq other_board_low "$(cat /sys/devices/platform/gpioclx-sim.0/sim_gpio37/value)" 0
	echo 0 >"$S9_CSYS/value"
	expect_eq drive_low "$(s9_level 37)" 0
}

# Its GpioInt pin 40 (bank 1 pin 8), rising edge, pulled down: edges driven
# from outside through the simulator reach its handler, rising ones only.
s9_irq() {
	expect_match irq_line "$(gpioinfo "$S9_C" | grep -E 'line +40:')" 'input .*\[used'
	expect_match irq_state "$(grep -E '^  pin +8 \(line 40\):' "$S9_STATE")" \
		'input pull=pull-down .*irq mode=edge polarity=1'
	expect_eq irq_none "$(s9_irqs)" 0
	echo pull-up >"$S9_SYS/sim_gpio40/pull"
	wait_for 5000 test "$(s9_irqs)" -ge 1
	expect_eq irq_rising "$(s9_irqs)" 1
	echo pull-down >"$S9_SYS/sim_gpio40/pull"
	usleep 200000
	expect_eq irq_falling_ignored "$(s9_irqs)" 1
	echo pull-up >"$S9_SYS/sim_gpio40/pull"
	wait_for 5000 test "$(s9_irqs)" -ge 2
	expect_eq irq_second "$(s9_irqs)" 2
	echo none >"$S9_SYS/sim_gpio40/pull"
	# the same pin number on bank 0 is another pin: no interrupt
	echo pull-up >"$S9_SYS/sim_gpio8/pull"
	usleep 200000
	expect_eq irq_bank0_quiet "$(s9_irqs)" 2
	echo none >"$S9_SYS/sim_gpio8/pull"
}

# _AEI: a rising edge on pin 44 runs _E2C, whose Notify presses PWRB.
s9_aei() {
	expect_match aei_line "$(gpioinfo "$S9_C" | grep -E 'line +44:')" '"ACPI:Event" +input .*\[used'
	_ev=$(s9_power_event)
	expect_match power_button "$_ev" '^event[0-9]+$' || return
	_before=$(irq_count 'ACPI:Event')
	dd if="/dev/input/$_ev" of=/tmp/s9.ev bs=24 count=1 2>/dev/null &
	_dd=$!
	usleep 200000
	echo pull-up >"$S9_SYS/sim_gpio44/pull"
	wait_for 5000 sh -c "! kill -0 $_dd 2>/dev/null"
	kill "$_dd" 2>/dev/null
	wait "$_dd" 2>/dev/null
	expect_eq aei_irq "$(($(irq_count 'ACPI:Event') - _before))" 1
	# struct input_event: 16 bytes of time, then type 1 (EV_KEY),
	# code 116 (KEY_POWER), value 1 (pressed), little endian
	expect_eq key_power "$(od -An -tx1 -j16 -N8 /tmp/s9.ev | tr -d ' \n')" 0100740001000000
	echo none >"$S9_SYS/sim_gpio44/pull"
}

# s9_key_event EVDEV PIN DRIVE: the first input event on EVDEV while PIN
# of the controller is driven DRIVE from outside, as "type code value" in
# little-endian hex (16 bytes of time skipped).
s9_key_event() {
	dd if="/dev/input/$1" of=/tmp/s9.key bs=24 count=1 2>/dev/null &
	_dd=$!
	usleep 200000
	echo "$3" >"$S9_SYS/sim_gpio$2/pull"
	wait_for 5000 sh -c "! kill -0 $_dd 2>/dev/null"
	kill "$_dd" 2>/dev/null
	wait "$_dd" 2>/dev/null
	od -An -tx1 -j16 -N8 /tmp/s9.key | tr -d ' \n'
}

# s9_keys_evdev: the event device of gpio-keys' input device.
s9_keys_evdev() { s9_evdev_of gpio-keys/; }
s9_keys_evdev_ready() { [ -n "$(s9_keys_evdev)" ]; }

# gpio-keys, a stock consumer matched through PRP0001 + _DSD "compatible":
# its key on GpioInt pin 48 (bank 1 pin 16), both edges, reports BTN_0
# (0x100) down and up as the simulated pin goes high and low.
s9_keys_checks() {
	wait_for 5000 test -e /sys/bus/platform/devices/PRP0001:00/driver
	expect_eq keys_bound "$(s9_driver PRP0001:00)" gpio-keys || return
	expect_match keys_line "$(gpioinfo "$S9_C" | grep -E 'line +48:')" 'input .*\[used'
	wait_for 5000 s9_keys_evdev_ready
	_kev=$(s9_keys_evdev)
	if ! expect_match keys_evdev "$_kev" '^event[0-9]+$'; then
		sed 's/^/## /' /proc/bus/input/devices
		return 1
	fi
	expect_eq key_down "$(s9_key_event "$_kev" 48 pull-up)" 0100000101000000
	expect_eq key_up "$(s9_key_event "$_kev" 48 pull-down)" 0100000100000000
	echo none >"$S9_SYS/sim_gpio48/pull"
}

# Loaded and unloaded around its checks, whatever they find: its interrupt
# must be gone before the controller is unbound.
s9_keys() {
	expect_rc insmod_gpio_keys 0 insmod /modules/gpio_keys.ko || return
	s9_keys_checks
	expect_rc rmmod_gpio_keys 0 rmmod gpio_keys
}

# Unload. The _AEI handler's interrupt holds the chip's module, as gpiolib
# has any chip's owner held by a requested interrupt: rmmod is refused until
# the controller is unbound. Unbound, the device has firmware's resources
# back, and binds again from them at the next load.
s9_unload() {
	expect_rc rmmod_consumer 0 rmmod gpioclx-acpi-consumer
	expect_rc rmmod_sim_held 1 rmmod gpioclx-sim
	echo "$S9_DEV" >/sys/bus/platform/drivers/gpioclx-sim/unbind
	expect_eq unbound "$(s9_driver "$S9_DEV")" ""
	expect_rc rmmod_sim 0 rmmod gpioclx-sim
	expect_rc reload_sim 0 insmod "$S9_SIM" nr_banks=1 pins_per_bank=8 || return
	expect_eq rebound "$(s9_driver "$S9_DEV")" gpioclx-sim
	expect_match regeometry "$(gpiodetect)" "\[$S9_DEV\] \(64 lines\)"
	expect_rc reinsmod_consumer 0 insmod "$S9_CON"
	expect_eq consumer_rebound "$(s9_driver "$S9_CDEV")" gpioclx-acpi-consumer
	echo 1 >"$S9_CSYS/value"
	expect_eq redrive_high "$(s9_level 37)" 1
	expect_rc rmmod_consumer_again 0 rmmod gpioclx-acpi-consumer
	echo "$S9_DEV" >/sys/bus/platform/drivers/gpioclx-sim/unbind
	expect_rc rmmod_sim_again 0 rmmod gpioclx-sim
	expect_rc rmmod_gpioclx 0 rmmod gpioclx
}

s9_main() {
	if [ ! -e "$S9_SIM" ] || [ ! -e "$S9_CON" ]; then
		skip acpi "gpioclx-sim.ko or gpioclx-acpi-consumer.ko not in the initramfs"
		return 0
	fi
	s9_firmware || return
	expect_rc insmod_button 0 insmod /modules/button.ko
	expect_rc insmod_evdev 0 insmod /modules/evdev.ko
	s9_bind || return
	s9_line
	s9_irq
	s9_aei
	s9_keys
	s9_unload
}

s9_main
