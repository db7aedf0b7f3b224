// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_sim_linux.c - Linux glue of the simulated controller's GpioClx
 * client: the platform id and the shim's driver structure. simgpio_hw.c
 * registers it after creating the simulated boards (see there).
 */
#include "gpioclx_client.h"

DRIVER_INITIALIZE DriverEntry;

static const struct platform_device_id gpioclx_sim_ids[] = {
	{ .name = "gpioclx-sim" },
	{ }
};
MODULE_DEVICE_TABLE(platform, gpioclx_sim_ids);

/* Not static: simgpio_hw.c's module init registers it. */
struct gpioclx_client_driver gpioclx_sim_driver = {
	.name = "gpioclx-sim",
	.driver_entry = DriverEntry,
	.id_table = gpioclx_sim_ids,
};

/* its module_init is simgpio_hw.c's, not module_gpioclx_client_driver()'s */
MODULE_IMPORT_NS(GPIOCLX_NS);
MODULE_DESCRIPTION("Simulated memory-mapped GPIO controller (GpioClx client)");
MODULE_LICENSE("GPL");
