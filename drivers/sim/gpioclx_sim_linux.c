// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_sim_linux.c - Linux glue of the simulated controller's GpioClx
 * client: the platform id, the ACPI _HID and the shim's driver structure.
 * simgpio_hw.c registers it after building a board for each device the
 * firmware declares with the _HID, and creates the other boards after it
 * (see there).
 */
#include "gpioclx_client.h"

DRIVER_INITIALIZE DriverEntry;

static const struct platform_device_id gpioclx_sim_ids[] = {
	{ .name = "gpioclx-sim" },
	{ }
};
MODULE_DEVICE_TABLE(platform, gpioclx_sim_ids);

/* The project's own _HID (userspace/acpi/gpioclx-sim.asl declares one) */
static const struct acpi_device_id gpioclx_sim_acpi_ids[] = {
	{ "GCLX0001" },
	{ }
};
MODULE_DEVICE_TABLE(acpi, gpioclx_sim_acpi_ids);

/* Not static: simgpio_hw.c's module init registers it. */
struct gpioclx_client_driver gpioclx_sim_driver = {
	.name = "gpioclx-sim",
	.driver_entry = DriverEntry,
	.id_table = gpioclx_sim_ids,
	.acpi_match_table = gpioclx_sim_acpi_ids,
};

/* its module_init is simgpio_hw.c's, not module_gpioclx_client_driver()'s */
MODULE_IMPORT_NS(GPIOCLX_NS);
MODULE_DESCRIPTION("Simulated memory-mapped GPIO controller (GpioClx client)");
MODULE_LICENSE("GPL");
