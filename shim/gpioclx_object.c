// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_object.c - the WDF objects a client creates (I/O targets, memory,
 * requests): allocation with a typed context, parents, deletion.
 *
 * Every object is on one list. Deleting an object deletes its children
 * first, as WDF does; the controller's teardown deletes what the client
 * parented to its WDFDEVICE (after ReleaseController), and the shim's
 * module exit what was parented to the driver and never deleted.
 * Allocations sleep where the caller may (a serial client's callbacks are
 * all at PASSIVE), and are atomic otherwise: the WDK lets these routines
 * run at DISPATCH_LEVEL.
 */
#include <linux/preempt.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "gpioclx_internal.h"
#include "gpioclx_object.h"

static LIST_HEAD(gpioclx_objects);
static DEFINE_SPINLOCK(gpioclx_objects_lock);

static gfp_t gpioclx_object_gfp(void)
{
	return preemptible() ? GFP_KERNEL : GFP_ATOMIC;
}

/* Is @p one of our objects (under the list lock)? */
static bool gpioclx_object_listed(const void *p)
{
	struct gpioclx_object *obj;

	list_for_each_entry(obj, &gpioclx_objects, link)
		if (obj == p)
			return true;
	return false;
}

/**
 * gpioclx_object_alloc - a new object and its context, not yet listed
 * @size: the size of the type's structure (struct gpioclx_object first)
 * @type: its type
 * @attributes: the client's WDF_OBJECT_ATTRIBUTES, or NULL
 * @default_parent: the parent when the attributes name none
 * @status: STATUS_SUCCESS, or why it failed (logged)
 *
 * Return: the object, zeroed past its header, or NULL.
 */
void *gpioclx_object_alloc(size_t size, enum gpioclx_object_type type,
			   PWDF_OBJECT_ATTRIBUTES attributes, void *default_parent,
			   NTSTATUS *status)
{
	PCWDF_OBJECT_CONTEXT_TYPE_INFO info = NULL;
	size_t ctx_size = 0, ctx_off = ALIGN(size, 16);
	struct gpioclx_object *obj;

	if (attributes) {
		if (attributes->Size != sizeof(*attributes)) {
			pr_err("gpioclx: bad WDF_OBJECT_ATTRIBUTES.Size %u (use WDF_OBJECT_ATTRIBUTES_INIT)\n",
			       attributes->Size);
			*status = STATUS_INVALID_PARAMETER;
			return NULL;
		}
		info = attributes->ContextTypeInfo;
		if (info) {
			if (info->Size != sizeof(*info) || info->ContextSize > GPIOCLX_MAX_CONTEXT_SIZE) {
				pr_err("gpioclx: bad WDF_OBJECT_CONTEXT_TYPE_INFO\n");
				*status = STATUS_INVALID_PARAMETER;
				return NULL;
			}
			ctx_size = max_t(size_t, info->ContextSize,
					 attributes->ContextSizeOverride);
		}
	}
	obj = kzalloc(ctx_off + ctx_size, gpioclx_object_gfp());
	if (!obj) {
		*status = STATUS_INSUFFICIENT_RESOURCES;
		return NULL;
	}
	obj->magic = GPIOCLX_OBJECT_MAGIC;
	obj->type = type;
	obj->parent = attributes && attributes->ParentObject ? attributes->ParentObject :
		      default_parent;
	obj->ctx_type = info;
	obj->ctx = info ? (u8 *)obj + ctx_off : NULL;
	if (attributes) {
		obj->cleanup = attributes->EvtCleanupCallback;
		obj->destroy = attributes->EvtDestroyCallback;
	}
	INIT_LIST_HEAD(&obj->link);
	*status = STATUS_SUCCESS;
	return obj;
}

void gpioclx_object_insert(struct gpioclx_object *obj)
{
	unsigned long flags;

	spin_lock_irqsave(&gpioclx_objects_lock, flags);
	list_add_tail(&obj->link, &gpioclx_objects);
	spin_unlock_irqrestore(&gpioclx_objects_lock, flags);
}

/*
 * The object behind a handle, if it is a listed object of @type. A client
 * handing over anything else is a bug WDF would bugcheck on: here a WARN.
 */
struct gpioclx_object *gpioclx_object_get(WDFOBJECT handle, enum gpioclx_object_type type)
{
	struct gpioclx_object *obj = handle;
	unsigned long flags;
	bool ok;

	if (!obj)
		return NULL;
	spin_lock_irqsave(&gpioclx_objects_lock, flags);
	ok = gpioclx_object_listed(obj) && obj->type == type;
	spin_unlock_irqrestore(&gpioclx_objects_lock, flags);
	WARN(!ok, "gpioclx: %ps passed a handle that is not a WDF object of type %d\n",
	     __builtin_return_address(0), type);
	return ok ? obj : NULL;
}

static void gpioclx_object_free(struct gpioclx_object *obj)
{
	gpioclx_object_delete_children(obj);
	if (obj->cleanup)
		obj->cleanup(obj);
	if (obj->release)
		obj->release(obj);
	if (obj->destroy)
		obj->destroy(obj);
	obj->magic = 0;
	kfree(obj);
}

/* Unlist @obj; false if it was not listed (already deleted). */
static bool gpioclx_object_unlist(struct gpioclx_object *obj)
{
	unsigned long flags;
	bool listed;

	spin_lock_irqsave(&gpioclx_objects_lock, flags);
	listed = gpioclx_object_listed(obj);
	if (listed)
		list_del_init(&obj->link);
	spin_unlock_irqrestore(&gpioclx_objects_lock, flags);
	return listed;
}

/* Delete every object whose parent is @parent (and theirs). */
void gpioclx_object_delete_children(void *parent)
{
	struct gpioclx_object *obj, *found;
	unsigned long flags;

	do {
		found = NULL;
		spin_lock_irqsave(&gpioclx_objects_lock, flags);
		list_for_each_entry(obj, &gpioclx_objects, link) {
			if (obj->parent == parent) {
				found = obj;
				list_del_init(&obj->link);
				break;
			}
		}
		spin_unlock_irqrestore(&gpioclx_objects_lock, flags);
		if (found)
			gpioclx_object_free(found);
	} while (found);
}

/* Module exit: what clients parented to their driver and never deleted. */
void gpioclx_object_delete_all(void)
{
	struct gpioclx_object *obj;
	unsigned long flags;
	unsigned int n = 0;

	for (;;) {
		spin_lock_irqsave(&gpioclx_objects_lock, flags);
		obj = list_first_entry_or_null(&gpioclx_objects, struct gpioclx_object, link);
		if (obj)
			list_del_init(&obj->link);
		spin_unlock_irqrestore(&gpioclx_objects_lock, flags);
		if (!obj)
			break;
		gpioclx_object_free(obj);
		n++;
	}
	if (n)
		pr_warn("gpioclx: %u WDF object(s) never deleted, freed at unload\n", n);
}

/*
 * gpioclx-api: WdfObjectDelete; partly: WDFIOTARGET, WDFMEMORY and WDFREQUEST objects (a
 *	WDFDEVICE or WDFDRIVER is refused with a log line, as WDF does not let a driver delete
 *	them); linux: its children, EvtCleanupCallback, the type's teardown, EvtDestroyCallback,
 *	kfree()
 * gpioclx-api: WDF_OBJECT_ATTRIBUTES.EvtCleanupCallback, WDF_OBJECT_ATTRIBUTES.EvtDestroyCallback,
 *	WDF_OBJECT_ATTRIBUTES.ParentObject, WDF_OBJECT_ATTRIBUTES.ContextTypeInfo,
 *	WDF_OBJECT_ATTRIBUTES.ContextSizeOverride; partly: on the objects above only (see
 *	WdfDriverCreate and WdfDeviceCreate)
 */
VOID WdfObjectDelete(WDFOBJECT Object)
{
	struct gpioclx_object *obj = Object;
	unsigned long flags;
	bool ours;

	if (!obj)
		return;
	spin_lock_irqsave(&gpioclx_objects_lock, flags);
	ours = gpioclx_object_listed(obj);
	spin_unlock_irqrestore(&gpioclx_objects_lock, flags);
	if (!ours) {
		pr_err("gpioclx: %s(%p): not an object the client may delete\n", __func__, Object);
		return;
	}
	if (gpioclx_object_unlist(obj))
		gpioclx_object_free(obj);
}
EXPORT_SYMBOL_NS_GPL(WdfObjectDelete, GPIOCLX_NS);

/* Contexts are declared per source file: match by name and size too. */
static bool gpioclx_same_context_type(PCWDF_OBJECT_CONTEXT_TYPE_INFO a,
				      PCWDF_OBJECT_CONTEXT_TYPE_INFO b)
{
	return a == b || (a && b && a->ContextSize == b->ContextSize && a->ContextName &&
			  b->ContextName && !strcmp(a->ContextName, b->ContextName));
}

/* gpioclx-api: WdfObjectGetTypedContextWorker; linux: the object's context, or NULL */
PVOID WdfObjectGetTypedContextWorker(WDFOBJECT Handle, PCWDF_OBJECT_CONTEXT_TYPE_INFO TypeInfo)
{
	struct gpioclx_object *obj = Handle;
	unsigned long flags;
	bool ours;

	spin_lock_irqsave(&gpioclx_objects_lock, flags);
	ours = obj && gpioclx_object_listed(obj);
	spin_unlock_irqrestore(&gpioclx_objects_lock, flags);
	if (!ours) {
		pr_err("gpioclx: %s(%p): not a WDF object with contexts\n", __func__, Handle);
		return NULL;
	}
	return gpioclx_same_context_type(obj->ctx_type, TypeInfo) ? obj->ctx : NULL;
}
EXPORT_SYMBOL_NS_GPL(WdfObjectGetTypedContextWorker, GPIOCLX_NS);
