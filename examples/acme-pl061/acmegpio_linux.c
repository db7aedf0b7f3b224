// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * acmegpio_linux.c - Linux glue of the Acme GPIO client (acmegpio.c): the
 * tables Linux matches the device with, and the gpioclx shim's driver macro,
 * which calls DriverEntry at module load. Written as README ("Porting a
 * GpioClx client") tells a porter to.
 */
#include "gpioclx_client.h"

DRIVER_INITIALIZE DriverEntry;

static const struct of_device_id acme_gpio_of_match[] = {
	{ .compatible = "arm,pl061" },
	{ }
};
MODULE_DEVICE_TABLE(of, acme_gpio_of_match);

static const struct acpi_device_id acme_gpio_acpi_match[] = {
	{ "ARMH0061" },
	{ }
};
MODULE_DEVICE_TABLE(acpi, acme_gpio_acpi_match);

/* A PrimeCell: DT and ACPI put it on the AMBA bus, matched by its ID. */
static const struct amba_id acme_gpio_amba_ids[] = {
	{ .id = 0x00041061, .mask = 0x000fffff },
	{ }
};
MODULE_DEVICE_TABLE(amba, acme_gpio_amba_ids);

static struct gpioclx_client_driver acme_gpio_driver = {
	.name = "acme-pl061",
	.driver_entry = DriverEntry,
	.of_match_table = acme_gpio_of_match,
	.acpi_match_table = acme_gpio_acpi_match,
	.amba_ids = acme_gpio_amba_ids,
};
module_gpioclx_client_driver(acme_gpio_driver);

MODULE_DESCRIPTION("Acme PL061 GPIO controller (GpioClx client)");
MODULE_LICENSE("GPL");
