// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_connection.c - the resource hub, for serially connected
 * controllers: each bound controller's bus connection (its own i2c_client)
 * gets a 64-bit connection id, which PrepareController sees in a
 * CmResourceTypeConnection descriptor and WdfIoTargetOpen() resolves from
 * the "\Device\RESOURCE_HUB\<id>" path built from it. Ids are never reused
 * while the module is loaded, so a stale id finds nothing.
 */
#include <linux/device.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#include "gpioclx_internal.h"
#include "gpioclx_object.h"

struct gpioclx_connection {
	struct list_head link;
	struct device *dev;		/* the controller device it was handed to */
	struct i2c_client *client;
	u64 id;
};

static LIST_HEAD(gpioclx_connections);
static DEFINE_MUTEX(gpioclx_connections_lock);
static u64 gpioclx_next_connection_id = 1;

static void gpioclx_connection_remove(void *data)
{
	struct gpioclx_connection *conn = data;

	mutex_lock(&gpioclx_connections_lock);
	list_del(&conn->link);
	mutex_unlock(&gpioclx_connections_lock);
	kfree(conn);
}

/**
 * gpioclx_connection_add - give @dev a connection to @client
 * @dev: the controller device (devres: the id goes when it is unbound)
 * @client: the i2c_client its I/O target talks to
 * @id: the new connection id
 *
 * Return: 0 or a negative errno.
 */
int gpioclx_connection_add(struct device *dev, struct i2c_client *client, u64 *id)
{
	struct gpioclx_connection *conn = kzalloc(sizeof(*conn), GFP_KERNEL);

	if (!conn)
		return -ENOMEM;
	conn->dev = dev;
	conn->client = client;
	mutex_lock(&gpioclx_connections_lock);
	conn->id = gpioclx_next_connection_id++;
	list_add(&conn->link, &gpioclx_connections);
	mutex_unlock(&gpioclx_connections_lock);
	*id = conn->id;
	return devm_add_action_or_reset(dev, gpioclx_connection_remove, conn);
}

/*
 * The i2c_client of connection @id, if it was handed to @dev. A controller
 * opens only its own connections: those live as long as it is bound.
 */
struct i2c_client *gpioclx_connection_find(struct device *dev, u64 id)
{
	struct gpioclx_connection *conn;
	struct i2c_client *client = NULL;

	mutex_lock(&gpioclx_connections_lock);
	list_for_each_entry(conn, &gpioclx_connections, link)
		if (conn->id == id && conn->dev == dev)
			client = conn->client;
	mutex_unlock(&gpioclx_connections_lock);
	return client;
}
