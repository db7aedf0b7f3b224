// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_pca9555_linux.c - Linux glue of the PCA9555 GpioClx client:
 * match tables and the shim's driver macro. The controller logic is
 * pca9555_gpio.c and pca9555_spb.c.
 */
#include "gpioclx_client.h"

DRIVER_INITIALIZE DriverEntry;

static const struct i2c_device_id gpioclx_pca9555_i2c_ids[] = {
	{ "pca9555", 0 },
	{ "pca9535", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, gpioclx_pca9555_i2c_ids);

static const struct of_device_id gpioclx_pca9555_of_match[] = {
	{ .compatible = "nxp,pca9555" },
	{ .compatible = "nxp,pca9535" },
	{ }
};
MODULE_DEVICE_TABLE(of, gpioclx_pca9555_of_match);

static struct gpioclx_client_driver gpioclx_pca9555_driver = {
	.name = "gpioclx-pca9555",
	.driver_entry = DriverEntry,
	.of_match_table = gpioclx_pca9555_of_match,
	.i2c_id_table = gpioclx_pca9555_i2c_ids,
};
module_gpioclx_client_driver(gpioclx_pca9555_driver);

MODULE_DESCRIPTION("NXP PCA9555/PCA9535 I2C GPIO expander (GpioClx client)");
MODULE_LICENSE("GPL");
