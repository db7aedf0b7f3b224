// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_i2c_driver.c - the i2c_driver flavour of a client's glue: a
 * serially connected controller is an i2c_client (bound through DT, ACPI
 * or new_device). Its probe gives the controller a resource hub connection
 * to that i2c_client (a CmResourceTypeConnection resource, class SERIAL,
 * type I2C) and the client's irq as its interrupt resource, then brings the
 * controller up as any other.
 */
#include <linux/i2c.h>

#include "gpioclx_internal.h"
#include "gpioclx_object.h"

static int gpioclx_i2c_probe(struct i2c_client *client)
{
	struct i2c_driver *idrv = to_i2c_driver(client->dev.driver);
	struct gpioclx_client_driver *glue = container_of(idrv, struct gpioclx_client_driver, i2c);
	int irqs[1] = { client->irq };
	u64 conn;
	int ret;

	ret = gpioclx_connection_add(&client->dev, client, &conn);
	if (ret)
		return gpioclx_note_probe(glue->gdrv, &client->dev, ret);
	return gpioclx_note_probe(glue->gdrv, &client->dev,
				  gpioclx_controller_probe(&client->dev, glue->gdrv, NULL, 0,
							   &conn, 1, irqs, client->irq > 0));
}

static void gpioclx_i2c_remove(struct i2c_client *client)
{
	gpioclx_controller_remove(&client->dev);
}

int gpioclx_i2c_driver_register(struct gpioclx_client_driver *drv, struct module *owner)
{
	gpioclx_i2c_set_probe(&drv->i2c, gpioclx_i2c_probe);
	drv->i2c.remove = gpioclx_i2c_remove;
	drv->i2c.driver.name = drv->name;
	drv->i2c.driver.of_match_table = drv->of_match_table;
	drv->i2c.driver.acpi_match_table = drv->acpi_match_table;
	drv->i2c.driver.pm = &gpioclx_pm_ops;
	drv->i2c.id_table = drv->i2c_id_table;
	return i2c_register_driver(owner, &drv->i2c);
}

void gpioclx_i2c_driver_unregister(struct gpioclx_client_driver *drv)
{
	i2c_del_driver(&drv->i2c);
}
