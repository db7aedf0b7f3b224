// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_pl061_linux.c - Linux glue of the PL061 GpioClx client: match
 * tables and the shim's driver macro. The controller logic is pl061_gpio.c.
 */
#include "gpioclx_client.h"

DRIVER_INITIALIZE DriverEntry;

static const struct of_device_id gpioclx_pl061_of_match[] = {
	{ .compatible = "arm,pl061" },
	{ }
};
MODULE_DEVICE_TABLE(of, gpioclx_pl061_of_match);

static const struct acpi_device_id gpioclx_pl061_acpi_match[] = {
	{ "ARMH0061" },
	{ }
};
MODULE_DEVICE_TABLE(acpi, gpioclx_pl061_acpi_match);

static const struct amba_id gpioclx_pl061_amba_ids[] = {
	{ .id = 0x00041061, .mask = 0x000fffff },
	{ }
};
MODULE_DEVICE_TABLE(amba, gpioclx_pl061_amba_ids);

static struct gpioclx_client_driver gpioclx_pl061_driver = {
	.name = "gpioclx-pl061",
	.driver_entry = DriverEntry,
	.of_match_table = gpioclx_pl061_of_match,
	.acpi_match_table = gpioclx_pl061_acpi_match,
	.amba_ids = gpioclx_pl061_amba_ids,
};
module_gpioclx_client_driver(gpioclx_pl061_driver);

MODULE_DESCRIPTION("ARM PrimeCell PL061 GPIO controller (GpioClx client)");
MODULE_LICENSE("GPL");
