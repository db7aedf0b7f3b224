/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * gpioclx-sim.asl - an SSDT declaring a simulated GpioClx controller and the
 * users of its pins, the way a board's firmware declares a GPIO controller
 * for Windows: the controller's _HID, _CRS and _AEI, and consumers whose
 * GpioIo / GpioInt resources name it. Compiled by e2e.sh with iasl
 * (acpica-tools) and loaded by the stock amd64 kernel's initrd table upgrade
 * (CONFIG_ACPI_TABLE_UPGRADE: kernel/firmware/acpi/ in an uncompressed cpio
 * ahead of the initramfs). Scenario s9 checks what it declares.
 *
 * Pin numbers in GpioIo / GpioInt are GpioClx's controller-relative numbers:
 * bank * pins-per-bank + pin, pins-per-bank being what the client reports
 * (QueryControllerBasicInformation); they are the Linux line offsets too.
 * Here 2 banks of 32: pin 37 is bank 1 pin 5.
 *
 * Three users: a test module (GCON), the stock gpio-keys driver (KEYS) and
 * the controller's own _AEI.
 */
DefinitionBlock ("", "SSDT", 2, "GCLX", "GCLXSIM", 1)
{
	Scope (\_SB)
	{
		/*
		 * The controller: gpioclx-sim binds its _HID. Its registers
		 * are the simulator's software model, which answers at the
		 * address named here (nothing else is there); one interrupt
		 * per bank, whose GSIs gpioclx-sim replaces by the model's own
		 * lines (nothing in QEMU raises them). A board with real
		 * silicon names its real window and GSIs, and nothing else.
		 */
		Device (GPI0)
		{
			Name (_HID, "GCLX0001")
			Name (_UID, 0)
			Name (_CRS, ResourceTemplate ()
			{
				QWordMemory (ResourceConsumer, PosDecode, MinFixed, MaxFixed,
					NonCacheable, ReadWrite, 0,
					0x0000008000000000, 0x0000008000000FFF, 0, 0x1000)
				Interrupt (ResourceConsumer, Level, ActiveHigh, Exclusive) { 22 }
				Interrupt (ResourceConsumer, Level, ActiveHigh, Exclusive) { 23 }
			})
			/* the simulated silicon's bank width (its CONFIG register) */
			Name (_DSD, Package ()
			{
				ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
				Package ()
				{
					Package () { "gpioclx,pins-per-bank", 32 },
				}
			})
			/*
			 * A GPIO-signalled ACPI event: a rising edge on pin 44
			 * (bank 1 pin 12) runs _E2C (44 = 0x2C), which presses
			 * the power button below.
			 */
			Name (_AEI, ResourceTemplate ()
			{
				GpioInt (Edge, ActiveHigh, Exclusive, PullDown, 0, "\\_SB.GPI0")
					{ 44 }
			})
			Method (_E2C, 0, NotSerialized)
			{
				Notify (\_SB.PWRB, 0x80)
			}
		}

		/* The power button _E2C notifies (ACPI button driver: KEY_POWER). */
		Device (PWRB)
		{
			Name (_HID, "PNP0C0C")
			Name (_UID, 1)
		}

		/*
		 * A stock consumer: gpio-keys, matched through PRP0001 and
		 * _DSD "compatible", one key (BTN_0) on GpioInt pin 48
		 * (bank 1 pin 16), both edges, found by its "gpios" reference
		 * to that resource.
		 */
		Device (KEYS)
		{
			Name (_HID, "PRP0001")
			Name (_UID, 0)
			Name (_CRS, ResourceTemplate ()
			{
				GpioInt (Edge, ActiveBoth, Exclusive, PullDown, 0, "\\_SB.GPI0")
					{ 48 }
			})
			Name (_DSD, Package ()
			{
				ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
				Package ()
				{
					Package () { "compatible", "gpio-keys" },
				},
				ToUUID ("dbb8e3e6-5886-4ba6-8795-1319f52a966b"),
				Package ()
				{
					Package () { "button-0", "BTN0" },
				}
			})
			Name (BTN0, Package ()
			{
				ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
				Package ()
				{
					Package () { "linux,code", 0x100 },
					Package () { "gpios", Package () { ^KEYS, 0, 0, 0 } },
				}
			})
		}

		/*
		 * A consumer: its first GPIO resource is an output on pin 37
		 * (bank 1 pin 5), its first GpioInt an edge interrupt on pin 40
		 * (bank 1 pin 8). The test module gpioclx-acpi-consumer binds
		 * its _HID.
		 */
		Device (GCON)
		{
			Name (_HID, "GCLX0002")
			Name (_UID, 0)
			Name (_CRS, ResourceTemplate ()
			{
				GpioIo (Exclusive, PullNone, 0, 0, IoRestrictionOutputOnly,
					"\\_SB.GPI0") { 37 }
				GpioInt (Edge, ActiveHigh, Exclusive, PullDown, 0, "\\_SB.GPI0")
					{ 40 }
			})
		}
	}
}
