// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_memory.c - WDFMEMORY and WDFREQUEST objects: the buffers and the
 * request handles a client passes to an I/O target's sends.
 */
#include <linux/overflow.h>
#include <linux/preempt.h>
#include <linux/slab.h>

#include "gpioclx_internal.h"
#include "gpioclx_object.h"

static void gpioclx_memory_release(struct gpioclx_object *obj)
{
	struct gpioclx_memory *mem = container_of(obj, struct gpioclx_memory, obj);

	if (mem->owned)
		kfree(mem->buf);
}

/*
 * gpioclx-api: WdfMemoryCreate; partly: PoolType and PoolTag are not used (kernel memory is
 *	never paged); linux: kzalloc(), parented to the driver unless ParentObject says otherwise
 */
NTSTATUS WdfMemoryCreate(PWDF_OBJECT_ATTRIBUTES Attributes, POOL_TYPE PoolType, ULONG PoolTag,
			 SIZE_T BufferSize, WDFMEMORY *Memory, PVOID *Buffer)
{
	struct gpioclx_memory *mem;
	NTSTATUS status;

	if (Memory)
		*Memory = NULL;
	if (!Memory || !BufferSize) {
		pr_err("gpioclx: %s: %s\n", __func__, !Memory ? "NULL Memory" : "BufferSize 0");
		return STATUS_INVALID_PARAMETER;
	}
	mem = gpioclx_object_alloc(sizeof(*mem), GPIOCLX_OBJ_MEMORY, Attributes, NULL, &status);
	if (!mem)
		return status;
	mem->buf = kzalloc(BufferSize, preemptible() ? GFP_KERNEL : GFP_ATOMIC);
	if (!mem->buf) {
		kfree(mem);
		return STATUS_INSUFFICIENT_RESOURCES;
	}
	mem->size = BufferSize;
	mem->owned = true;
	mem->obj.release = gpioclx_memory_release;
	gpioclx_object_insert(&mem->obj);
	*Memory = (WDFMEMORY)mem;
	if (Buffer)
		*Buffer = mem->buf;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(WdfMemoryCreate, GPIOCLX_NS);

/* gpioclx-api: WdfMemoryCreatePreallocated; linux: the caller's buffer, not freed with it */
NTSTATUS WdfMemoryCreatePreallocated(PWDF_OBJECT_ATTRIBUTES Attributes, PVOID Buffer,
				     SIZE_T BufferSize, WDFMEMORY *Memory)
{
	struct gpioclx_memory *mem;
	NTSTATUS status;

	if (Memory)
		*Memory = NULL;
	if (!Memory || !Buffer || !BufferSize) {
		pr_err("gpioclx: %s: NULL Memory or Buffer, or BufferSize 0\n", __func__);
		return STATUS_INVALID_PARAMETER;
	}
	mem = gpioclx_object_alloc(sizeof(*mem), GPIOCLX_OBJ_MEMORY, Attributes, NULL, &status);
	if (!mem)
		return status;
	mem->buf = Buffer;
	mem->size = BufferSize;
	gpioclx_object_insert(&mem->obj);
	*Memory = (WDFMEMORY)mem;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(WdfMemoryCreatePreallocated, GPIOCLX_NS);

/* gpioclx-api: WdfMemoryGetBuffer; linux: the buffer and its size */
PVOID WdfMemoryGetBuffer(WDFMEMORY Memory, SIZE_T *BufferSize)
{
	struct gpioclx_object *obj = gpioclx_object_get(Memory, GPIOCLX_OBJ_MEMORY);
	struct gpioclx_memory *mem;

	if (BufferSize)
		*BufferSize = 0;
	if (!obj)
		return NULL;
	mem = container_of(obj, struct gpioclx_memory, obj);
	if (BufferSize)
		*BufferSize = mem->size;
	return mem->buf;
}
EXPORT_SYMBOL_NS_GPL(WdfMemoryGetBuffer, GPIOCLX_NS);

/*
 * gpioclx-api: WdfRequestCreate; linux: a handle that records the last send's status and
 *	byte count; the sends are synchronous, so a request is only ever used by one at a time
 */
NTSTATUS WdfRequestCreate(PWDF_OBJECT_ATTRIBUTES RequestAttributes, WDFIOTARGET IoTarget,
			  WDFREQUEST *Request)
{
	struct gpioclx_request *req;
	NTSTATUS status;

	if (Request)
		*Request = NULL;
	if (!Request) {
		pr_err("gpioclx: %s: NULL Request\n", __func__);
		return STATUS_INVALID_PARAMETER;
	}
	if (IoTarget && !gpioclx_object_get(IoTarget, GPIOCLX_OBJ_IOTARGET))
		return STATUS_INVALID_PARAMETER;
	req = gpioclx_object_alloc(sizeof(*req), GPIOCLX_OBJ_REQUEST, RequestAttributes, NULL,
				   &status);
	if (!req)
		return status;
	gpioclx_object_insert(&req->obj);
	*Request = (WDFREQUEST)req;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(WdfRequestCreate, GPIOCLX_NS);

/*
 * gpioclx-api: WdfRequestReuse; partly: WDF_REQUEST_REUSE_SET_NEW_IRP is refused
 *	(STATUS_NOT_SUPPORTED: there are no IRPs); linux: resets the recorded outcome to Status
 */
NTSTATUS WdfRequestReuse(WDFREQUEST Request, PWDF_REQUEST_REUSE_PARAMS ReuseParams)
{
	struct gpioclx_object *obj = gpioclx_object_get(Request, GPIOCLX_OBJ_REQUEST);
	struct gpioclx_request *req;

	if (!obj || !ReuseParams || ReuseParams->Size != sizeof(*ReuseParams)) {
		pr_err("gpioclx: %s: bad Request or WDF_REQUEST_REUSE_PARAMS\n", __func__);
		return STATUS_INVALID_PARAMETER;
	}
	if (ReuseParams->Flags & WDF_REQUEST_REUSE_SET_NEW_IRP) {
		pr_err("gpioclx: %s: WDF_REQUEST_REUSE_SET_NEW_IRP: no IRPs here\n", __func__);
		return STATUS_NOT_SUPPORTED;
	}
	req = container_of(obj, struct gpioclx_request, obj);
	req->status = ReuseParams->Status;
	req->information = 0;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(WdfRequestReuse, GPIOCLX_NS);
