// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * fake_spb.c - userspace I/O targets, memory, requests and SPB requests
 * for hosted tests of serial clients (see fake_spb.h).
 */
#include <stdlib.h>
#include <string.h>

#define RESHUB_USE_HELPER_ROUTINES
#include <reshub.h>
#include <spb.h>

#include "fake_spb.h"

enum fake_obj_type { FAKE_OBJ_TARGET = 1, FAKE_OBJ_MEMORY, FAKE_OBJ_REQUEST };

struct fake_obj {
	enum fake_obj_type type;
	struct fake_obj *parent;
	PCWDF_OBJECT_CONTEXT_TYPE_INFO ctx_type;
	void *ctx;
	BOOLEAN open;			/* target */
	void *buf;			/* memory */
	SIZE_T size;
	BOOLEAN owned;
	struct fake_obj *next;		/* every live object */
};

static struct fake_obj *fake_objs;
static const struct fake_spb_device_ops *fake_dev_ops;
static void *fake_dev_priv;

unsigned int fake_spb_requests;
struct fake_spb_request fake_spb_log[FAKE_SPB_LOG];
unsigned int fake_spb_objects;
unsigned int fake_spb_opens;
NTSTATUS fake_spb_fail_next;

static void fake_obj_free(struct fake_obj *o);

void fake_spb_reset(const struct fake_spb_device_ops *ops, void *priv)
{
	while (fake_objs)
		fake_obj_free(fake_objs);
	fake_dev_ops = ops;
	fake_dev_priv = priv;
	fake_spb_requests = 0;
	memset(fake_spb_log, 0, sizeof(fake_spb_log));
	fake_spb_objects = 0;
	fake_spb_opens = 0;
	fake_spb_fail_next = 0;
}

static struct fake_obj *fake_obj_new(enum fake_obj_type type, PWDF_OBJECT_ATTRIBUTES attrs,
				     NTSTATUS *status)
{
	SIZE_T ctx_size = 0;
	struct fake_obj *o;

	if (attrs && attrs->Size != sizeof(*attrs)) {
		*status = STATUS_INVALID_PARAMETER;
		return NULL;
	}
	if (attrs && attrs->ContextTypeInfo)
		ctx_size = attrs->ContextTypeInfo->ContextSize;
	o = calloc(1, sizeof(*o));
	if (!o) {
		*status = STATUS_INSUFFICIENT_RESOURCES;
		return NULL;
	}
	o->type = type;
	o->parent = attrs ? (struct fake_obj *)attrs->ParentObject : NULL;
	if (ctx_size) {
		o->ctx = calloc(1, ctx_size);
		o->ctx_type = attrs->ContextTypeInfo;
	}
	o->next = fake_objs;
	fake_objs = o;
	fake_spb_objects++;
	*status = STATUS_SUCCESS;
	return o;
}

static struct fake_obj *fake_obj_of(void *handle, enum fake_obj_type type)
{
	struct fake_obj *o;

	for (o = fake_objs; o; o = o->next)
		if (o == handle && o->type == type)
			return o;
	return NULL;
}

static void fake_obj_free(struct fake_obj *o)
{
	struct fake_obj **pp, *c;

	/* children first, as WDF deletes them */
	do {
		for (c = fake_objs; c && c->parent != o; c = c->next)
			;
		if (c)
			fake_obj_free(c);
	} while (c);
	for (pp = &fake_objs; *pp; pp = &(*pp)->next) {
		if (*pp == o) {
			*pp = o->next;
			break;
		}
	}
	if (o->owned)
		free(o->buf);
	free(o->ctx);
	free(o);
	fake_spb_objects--;
}

VOID WdfObjectDelete(WDFOBJECT Object)
{
	struct fake_obj *o;

	for (o = fake_objs; o; o = o->next)
		if (o == Object)
			break;
	if (o)
		fake_obj_free(o);
}

PVOID WdfObjectGetTypedContextWorker(WDFOBJECT Handle, PCWDF_OBJECT_CONTEXT_TYPE_INFO TypeInfo)
{
	struct fake_obj *o = Handle;

	return o && o->ctx_type == TypeInfo ? o->ctx : NULL;
}

NTSTATUS WdfIoTargetCreate(WDFDEVICE Device, PWDF_OBJECT_ATTRIBUTES IoTargetAttributes,
			   WDFIOTARGET *IoTarget)
{
	struct fake_obj *o;
	NTSTATUS status;

	if (!Device || !IoTarget)
		return STATUS_INVALID_PARAMETER;
	o = fake_obj_new(FAKE_OBJ_TARGET, IoTargetAttributes, &status);
	*IoTarget = (WDFIOTARGET)o;
	return status;
}

NTSTATUS WdfIoTargetOpen(WDFIOTARGET IoTarget, PWDF_IO_TARGET_OPEN_PARAMS OpenParams)
{
	struct fake_obj *o = fake_obj_of(IoTarget, FAKE_OBJ_TARGET);
	WCHAR buffer[RESOURCE_HUB_PATH_CHARS];
	UNICODE_STRING expected = { 0, sizeof(buffer), buffer };

	if (!o || !OpenParams)
		return STATUS_INVALID_PARAMETER;
	if (OpenParams->Size != sizeof(*OpenParams))
		return STATUS_INFO_LENGTH_MISMATCH;
	if (o->open)
		return STATUS_INVALID_DEVICE_STATE;
	(void)RESOURCE_HUB_CREATE_PATH_FROM_ID(&expected, (ULONG)FAKE_SPB_CONNECTION_ID,
					       (ULONG)(FAKE_SPB_CONNECTION_ID >> 32));
	if (OpenParams->Type != WdfIoTargetOpenByName ||
	    OpenParams->TargetDeviceName.Length != expected.Length ||
	    memcmp(OpenParams->TargetDeviceName.Buffer, buffer, expected.Length))
		return STATUS_NOT_FOUND;
	o->open = TRUE;
	fake_spb_opens++;
	return STATUS_SUCCESS;
}

VOID WdfIoTargetClose(WDFIOTARGET IoTarget)
{
	struct fake_obj *o = fake_obj_of(IoTarget, FAKE_OBJ_TARGET);

	if (o)
		o->open = FALSE;
}

NTSTATUS WdfMemoryCreate(PWDF_OBJECT_ATTRIBUTES Attributes, POOL_TYPE PoolType, ULONG PoolTag,
			 SIZE_T BufferSize, WDFMEMORY *Memory, PVOID *Buffer)
{
	struct fake_obj *o;
	NTSTATUS status;

	(void)PoolType;
	(void)PoolTag;
	if (!Memory || !BufferSize)
		return STATUS_INVALID_PARAMETER;
	o = fake_obj_new(FAKE_OBJ_MEMORY, Attributes, &status);
	if (!o)
		return status;
	o->buf = calloc(1, BufferSize);
	o->size = BufferSize;
	o->owned = TRUE;
	*Memory = (WDFMEMORY)o;
	if (Buffer)
		*Buffer = o->buf;
	return STATUS_SUCCESS;
}

NTSTATUS WdfMemoryCreatePreallocated(PWDF_OBJECT_ATTRIBUTES Attributes, PVOID Buffer,
				     SIZE_T BufferSize, WDFMEMORY *Memory)
{
	struct fake_obj *o;
	NTSTATUS status;

	if (!Memory || !Buffer || !BufferSize)
		return STATUS_INVALID_PARAMETER;
	o = fake_obj_new(FAKE_OBJ_MEMORY, Attributes, &status);
	if (!o)
		return status;
	o->buf = Buffer;
	o->size = BufferSize;
	*Memory = (WDFMEMORY)o;
	return STATUS_SUCCESS;
}

PVOID WdfMemoryGetBuffer(WDFMEMORY Memory, SIZE_T *BufferSize)
{
	struct fake_obj *o = fake_obj_of(Memory, FAKE_OBJ_MEMORY);

	if (BufferSize)
		*BufferSize = o ? o->size : 0;
	return o ? o->buf : NULL;
}

NTSTATUS WdfRequestCreate(PWDF_OBJECT_ATTRIBUTES RequestAttributes, WDFIOTARGET IoTarget,
			  WDFREQUEST *Request)
{
	NTSTATUS status;

	if (!Request || (IoTarget && !fake_obj_of(IoTarget, FAKE_OBJ_TARGET)))
		return STATUS_INVALID_PARAMETER;
	*Request = (WDFREQUEST)fake_obj_new(FAKE_OBJ_REQUEST, RequestAttributes, &status);
	return status;
}

NTSTATUS WdfRequestReuse(WDFREQUEST Request, PWDF_REQUEST_REUSE_PARAMS ReuseParams)
{
	if (!fake_obj_of(Request, FAKE_OBJ_REQUEST) || !ReuseParams ||
	    ReuseParams->Size != sizeof(*ReuseParams))
		return STATUS_INVALID_PARAMETER;
	return STATUS_SUCCESS;
}

static NTSTATUS fake_buffer(PWDF_MEMORY_DESCRIPTOR d, void **buf, ULONG *len)
{
	struct fake_obj *o;

	if (!d)
		return STATUS_INVALID_PARAMETER;
	o = d->Type == WdfMemoryDescriptorTypeHandle && !d->u.HandleType.Offsets ?
	    fake_obj_of(d->u.HandleType.Memory, FAKE_OBJ_MEMORY) : NULL;
	if (d->Type == WdfMemoryDescriptorTypeBuffer) {
		*buf = d->u.BufferType.Buffer;
		*len = d->u.BufferType.Length;
	} else if (o) {
		*buf = o->buf;
		*len = (ULONG)o->size;
	} else {
		return STATUS_INVALID_PARAMETER;
	}
	return *buf && *len ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

/* Checks every send shares; records it. */
static NTSTATUS fake_send_begin(WDFIOTARGET IoTarget, WDFREQUEST Request,
				PWDF_REQUEST_SEND_OPTIONS Options, struct fake_spb_request **rec)
{
	struct fake_obj *o = fake_obj_of(IoTarget, FAKE_OBJ_TARGET);
	NTSTATUS status;

	if (!o || (Request && !fake_obj_of(Request, FAKE_OBJ_REQUEST)) ||
	    (Options && Options->Size != sizeof(*Options)))
		return STATUS_INVALID_PARAMETER;
	if (!o->open)
		return STATUS_INVALID_DEVICE_STATE;
	if (fake_spb_fail_next) {
		status = fake_spb_fail_next;
		fake_spb_fail_next = 0;
		return status;
	}
	*rec = &fake_spb_log[fake_spb_requests++ % FAKE_SPB_LOG];
	memset(*rec, 0, sizeof(**rec));
	return STATUS_SUCCESS;
}

static NTSTATUS fake_message(struct fake_spb_request *rec, BOOLEAN read, UCHAR *buf, ULONG len)
{
	int ret;

	if (rec->messages < 4) {
		rec->read[rec->messages] = read;
		rec->len[rec->messages] = len;
		rec->first[rec->messages] = read ? 0 : buf[0];
	}
	rec->messages++;
	if (!fake_dev_ops)
		return STATUS_NO_SUCH_DEVICE;
	ret = read ? fake_dev_ops->read(fake_dev_priv, buf, len) :
		     fake_dev_ops->write(fake_dev_priv, buf, len);
	if (read && ret > 0)
		rec->first[rec->messages - 1] = buf[0];
	return ret < 0 ? STATUS_NO_SUCH_DEVICE : STATUS_SUCCESS;
}

NTSTATUS WdfIoTargetSendReadSynchronously(WDFIOTARGET IoTarget, WDFREQUEST Request,
					  PWDF_MEMORY_DESCRIPTOR OutputBuffer,
					  PLONGLONG DeviceOffset,
					  PWDF_REQUEST_SEND_OPTIONS RequestOptions,
					  PULONG_PTR BytesRead)
{
	struct fake_spb_request *rec;
	void *buf;
	ULONG len;
	NTSTATUS status;

	(void)DeviceOffset;
	if (BytesRead)
		*BytesRead = 0;
	status = fake_buffer(OutputBuffer, &buf, &len);
	if (NT_SUCCESS(status))
		status = fake_send_begin(IoTarget, Request, RequestOptions, &rec);
	if (NT_SUCCESS(status))
		status = fake_message(rec, TRUE, buf, len);
	if (NT_SUCCESS(status) && BytesRead)
		*BytesRead = len;
	return status;
}

NTSTATUS WdfIoTargetSendWriteSynchronously(WDFIOTARGET IoTarget, WDFREQUEST Request,
					   PWDF_MEMORY_DESCRIPTOR InputBuffer,
					   PLONGLONG DeviceOffset,
					   PWDF_REQUEST_SEND_OPTIONS RequestOptions,
					   PULONG_PTR BytesWritten)
{
	struct fake_spb_request *rec;
	void *buf;
	ULONG len;
	NTSTATUS status;

	(void)DeviceOffset;
	if (BytesWritten)
		*BytesWritten = 0;
	status = fake_buffer(InputBuffer, &buf, &len);
	if (NT_SUCCESS(status))
		status = fake_send_begin(IoTarget, Request, RequestOptions, &rec);
	if (NT_SUCCESS(status))
		status = fake_message(rec, FALSE, buf, len);
	if (NT_SUCCESS(status) && BytesWritten)
		*BytesWritten = len;
	return status;
}

NTSTATUS WdfIoTargetSendIoctlSynchronously(WDFIOTARGET IoTarget, WDFREQUEST Request,
					   ULONG IoctlCode, PWDF_MEMORY_DESCRIPTOR InputBuffer,
					   PWDF_MEMORY_DESCRIPTOR OutputBuffer,
					   PWDF_REQUEST_SEND_OPTIONS RequestOptions,
					   PULONG_PTR BytesReturned)
{
	const SPB_TRANSFER_LIST *list;
	struct fake_spb_request *rec;
	ULONG len, i, done = 0;
	void *buf;
	NTSTATUS status;

	(void)OutputBuffer;
	if (BytesReturned)
		*BytesReturned = 0;
	if (IoctlCode != IOCTL_SPB_EXECUTE_SEQUENCE)
		return STATUS_NOT_SUPPORTED;
	status = fake_buffer(InputBuffer, &buf, &len);
	if (!NT_SUCCESS(status))
		return status;
	list = buf;
	if (len < sizeof(*list) || list->Size != sizeof(*list) || !list->TransferCount ||
	    len < sizeof(*list) + (list->TransferCount - 1) * sizeof(list->Transfers[0]))
		return STATUS_INVALID_PARAMETER;
	status = fake_send_begin(IoTarget, Request, RequestOptions, &rec);
	for (i = 0; NT_SUCCESS(status) && i < list->TransferCount; i++) {
		const SPB_TRANSFER_LIST_ENTRY *e = &list->Transfers[i];

		if (e->Buffer.Format != SpbTransferBufferFormatSimple || !e->Buffer.Simple.Buffer)
			return STATUS_INVALID_PARAMETER;
		status = fake_message(rec, e->Direction == SpbTransferDirectionFromDevice,
				      e->Buffer.Simple.Buffer, e->Buffer.Simple.BufferCb);
		if (NT_SUCCESS(status))
			done += e->Buffer.Simple.BufferCb;
	}
	if (NT_SUCCESS(status) && BytesReturned)
		*BytesReturned = done;
	return status;
}
