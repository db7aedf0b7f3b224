/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gpioclx_client.h - the Linux glue of a GpioClx client driver.
 *
 * A client's controller logic is OS-neutral (it includes only <ntddk.h>,
 * <wdf.h> and <gpioclx.h>). Its Linux glue is one structure and one macro:
 *
 *	static const struct of_device_id foo_of_match[] = {
 *		{ .compatible = "vendor,foo-gpio" }, { }
 *	};
 *	MODULE_DEVICE_TABLE(of, foo_of_match);
 *	static struct gpioclx_client_driver foo_driver = {
 *		.name = "gpioclx-foo",
 *		.driver_entry = DriverEntry,
 *		.of_match_table = foo_of_match,
 *	};
 *	module_gpioclx_client_driver(foo_driver);
 *
 * At module init the shim calls the client's DriverEntry (which creates its
 * WDF driver and registers its GpioClx callbacks), then registers a
 * platform driver (and an AMBA driver when amba_ids is set) with the match
 * tables; a serially connected controller sets i2c_id_table instead, and
 * gets an i2c_driver with the same of_ and acpi_ tables (its controller is
 * an i2c_client, its interrupt the client's irq). At probe it calls the client's EvtDriverDeviceAdd and brings the
 * controller up; at module exit it unbinds every device, calls the client's
 * EvtDriverUnload and forgets the registration.
 *
 * The shim's exports live in the GPIOCLX symbol namespace; the macro
 * imports it (a client with its own module_init adds
 * MODULE_IMPORT_NS(GPIOCLX_NS) itself).
 *
 * Kbuild renames each client's DriverEntry (-DDriverEntry=<prefix>_driver_entry)
 * so several clients can be built into one kernel.
 */
#ifndef GPIOCLX_CLIENT_H
#define GPIOCLX_CLIENT_H

#include <linux/acpi.h>
#include <linux/amba/bus.h>
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/mod_devicetable.h>
#include <linux/platform_device.h>

#include <ntddk.h>

#include "gpioclx_compat.h"

struct gpioclx_driver;

struct gpioclx_client_driver {
	const char *name;
	PDRIVER_INITIALIZE driver_entry;
	const struct of_device_id *of_match_table;
	const struct acpi_device_id *acpi_match_table;
	const struct platform_device_id *id_table;
	/* Primecell peripherals enumerate on the AMBA bus under DT and ACPI. */
	const struct amba_id *amba_ids;
	/* Set for a controller on I2C: an i2c_driver instead of a platform driver. */
	const struct i2c_device_id *i2c_id_table;

	/* private: filled by gpioclx_client_driver_register() */
	struct gpioclx_driver *gdrv;
	struct platform_driver platform;
#if IS_ENABLED(CONFIG_ARM_AMBA)
	struct amba_driver amba;
#endif
#if IS_ENABLED(CONFIG_I2C)
	struct i2c_driver i2c;
#endif
};

int gpioclx_client_driver_register(struct gpioclx_client_driver *drv, struct module *owner);
void gpioclx_client_driver_unregister(struct gpioclx_client_driver *drv);
int gpioclx_client_probe_result(struct gpioclx_client_driver *drv, struct device *dev);

#define module_gpioclx_client_driver(__drv) \
	MODULE_IMPORT_NS(GPIOCLX_NS); \
	static int __init __drv##_init(void) \
	{ \
		return gpioclx_client_driver_register(&(__drv), THIS_MODULE); \
	} \
	module_init(__drv##_init); \
	static void __exit __drv##_exit(void) \
	{ \
		gpioclx_client_driver_unregister(&(__drv)); \
	} \
	module_exit(__drv##_exit)

#endif /* GPIOCLX_CLIENT_H */
