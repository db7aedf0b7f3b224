// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * noop_gpio_linux.c - Linux glue of the no-op GpioClx client: the platform
 * id and the shim's driver structure. gpioclx_bench.c registers it.
 */
#include "gpioclx_client.h"

DRIVER_INITIALIZE DriverEntry;

static const struct platform_device_id noop_gpio_ids[] = {
	{ .name = "gpioclx-bench-noop" },
	{ }
};
MODULE_DEVICE_TABLE(platform, noop_gpio_ids);

/* Not static: gpioclx_bench.c's module init registers it. */
struct gpioclx_client_driver noop_gpio_driver = {
	.name = "gpioclx-bench-noop",
	.driver_entry = DriverEntry,
	.id_table = noop_gpio_ids,
};
