/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gpioclx_object.h - the WDF objects a client creates itself (I/O targets,
 * memory, requests): their common header, and the I/O target's link to a
 * bus connection. Internal to the shim.
 */
#ifndef GPIOCLX_OBJECT_H
#define GPIOCLX_OBJECT_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>

#include <ntddk.h>
#include <wdf.h>
#include <spb.h>

struct gpioclx_controller;
struct i2c_client;

#define GPIOCLX_OBJECT_MAGIC 0x4a424f47	/* "GOBJ" */

enum gpioclx_object_type {
	GPIOCLX_OBJ_IOTARGET,
	GPIOCLX_OBJ_MEMORY,
	GPIOCLX_OBJ_REQUEST,
};

/*
 * The first member of every object: a handle points at it. parent is the
 * WDFDEVICE (a struct gpioclx_controller) or another object, or NULL for
 * an object parented to the driver; deleting a parent deletes its children.
 */
struct gpioclx_object {
	u32 magic;
	enum gpioclx_object_type type;
	void *parent;
	struct list_head link;			/* gpioclx_objects, under its lock */
	PCWDF_OBJECT_CONTEXT_TYPE_INFO ctx_type;
	void *ctx;
	PFN_WDF_OBJECT_CONTEXT_CLEANUP cleanup;
	PFN_WDF_OBJECT_CONTEXT_DESTROY destroy;
	void (*release)(struct gpioclx_object *obj);	/* the type's own teardown */
};

/* gpioclx-api: WDFMEMORY; linux: struct gpioclx_memory */
struct gpioclx_memory {
	struct gpioclx_object obj;
	void *buf;
	size_t size;
	bool owned;				/* WdfMemoryCreate: freed with the object */
};

/* gpioclx-api: WDFREQUEST; linux: struct gpioclx_request, the last send's outcome */
struct gpioclx_request {
	struct gpioclx_object obj;
	NTSTATUS status;
	ULONG_PTR information;
};

/* gpioclx-api: WDFIOTARGET; linux: struct gpioclx_iotarget, on the controller's i2c_client */
struct gpioclx_iotarget {
	struct gpioclx_object obj;
	struct gpioclx_controller *ctrl;
	struct mutex lock;			/* state and sends */
	bool open;
	struct i2c_client *client;		/* while open */
	bool bus_locked;			/* IOCTL_SPB_LOCK_CONTROLLER */
	struct task_struct *lock_owner;		/* the task that locked it */
};

/* gpioclx_object.c */
void *gpioclx_object_alloc(size_t size, enum gpioclx_object_type type,
			   PWDF_OBJECT_ATTRIBUTES attributes, void *default_parent,
			   NTSTATUS *status);
void gpioclx_object_insert(struct gpioclx_object *obj);
struct gpioclx_object *gpioclx_object_get(WDFOBJECT handle, enum gpioclx_object_type type);
void gpioclx_object_delete_children(void *parent);
void gpioclx_object_delete_all(void);

/* gpioclx_connection.c: resource hub ids of the controllers' bus connections */
int gpioclx_connection_add(struct device *dev, struct i2c_client *client, u64 *id);
struct i2c_client *gpioclx_connection_find(struct device *dev, u64 id);

/* gpioclx_spb_i2c.c: SPB requests on an i2c_client */
NTSTATUS gpioclx_spb_read(struct gpioclx_iotarget *t, void *buf, size_t len, size_t *done);
NTSTATUS gpioclx_spb_write(struct gpioclx_iotarget *t, const void *buf, size_t len,
			   size_t *done);
NTSTATUS gpioclx_spb_sequence(struct gpioclx_iotarget *t, const void *in, size_t len,
			      size_t *done);
NTSTATUS gpioclx_spb_lock(struct gpioclx_iotarget *t);
NTSTATUS gpioclx_spb_unlock(struct gpioclx_iotarget *t);
NTSTATUS gpioclx_errno_to_status(int err);

#endif /* GPIOCLX_OBJECT_H */
