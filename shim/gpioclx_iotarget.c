// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_iotarget.c - WDFIOTARGET: a remote I/O target opened by a
 * resource hub path, and its synchronous sends. The path names one of the
 * controller's bus connections (gpioclx_connection.c); the requests are
 * carried out by the bus mapping (gpioclx_spb_i2c.c). Status codes follow
 * the WDK's documentation of each routine.
 */
#include <linux/i2c.h>
#include <linux/slab.h>

#include <reshub.h>

#include "gpioclx_internal.h"
#include "gpioclx_object.h"

static struct gpioclx_iotarget *gpioclx_iotarget_of(WDFIOTARGET handle)
{
	struct gpioclx_object *obj = gpioclx_object_get(handle, GPIOCLX_OBJ_IOTARGET);

	return obj ? container_of(obj, struct gpioclx_iotarget, obj) : NULL;
}

static void gpioclx_iotarget_close_locked(struct gpioclx_iotarget *t)
{
	if (t->bus_locked) {
		dev_warn(t->ctrl->dev, "I/O target closed with the controller locked: unlocking\n");
		gpioclx_spb_unlock(t);
	}
	t->open = false;
	t->client = NULL;
}

static void gpioclx_iotarget_release(struct gpioclx_object *obj)
{
	struct gpioclx_iotarget *t = container_of(obj, struct gpioclx_iotarget, obj);

	mutex_lock(&t->lock);
	gpioclx_iotarget_close_locked(t);
	mutex_unlock(&t->lock);
	mutex_destroy(&t->lock);
}

/*
 * gpioclx-api: WdfIoTargetCreate; linux: an unopened target, a child of Device (deleted after
 *	ReleaseController when the device is unbound)
 */
NTSTATUS WdfIoTargetCreate(WDFDEVICE Device, PWDF_OBJECT_ATTRIBUTES IoTargetAttributes,
			   WDFIOTARGET *IoTarget)
{
	struct gpioclx_controller *ctrl = (struct gpioclx_controller *)Device;
	struct gpioclx_iotarget *t;
	NTSTATUS status;

	if (IoTarget)
		*IoTarget = NULL;
	if (!IoTarget || !ctrl || ctrl->magic != GPIOCLX_CONTROLLER_MAGIC) {
		pr_err("gpioclx: %s: %s\n", __func__,
		       !IoTarget ? "NULL IoTarget" : "Device is not from WdfDeviceCreate");
		return STATUS_INVALID_PARAMETER;
	}
	t = gpioclx_object_alloc(sizeof(*t), GPIOCLX_OBJ_IOTARGET, IoTargetAttributes, ctrl,
				 &status);
	if (!t)
		return status;
	t->ctrl = ctrl;
	mutex_init(&t->lock);
	t->obj.release = gpioclx_iotarget_release;
	gpioclx_object_insert(&t->obj);
	*IoTarget = (WDFIOTARGET)t;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(WdfIoTargetCreate, GPIOCLX_NS);

/* The connection id in "\Device\RESOURCE_HUB\<16 hex digits>", or false. */
static bool gpioclx_parse_hub_path(PCUNICODE_STRING name, u64 *id)
{
	static const WCHAR prefix[] = RESOURCE_HUB_DEVICE_NAME_PREFIX;
	const size_t nprefix = ARRAY_SIZE(prefix) - 1;
	size_t i, n;

	if (!name || !name->Buffer || name->Length % sizeof(WCHAR))
		return false;
	n = name->Length / sizeof(WCHAR);
	if (n != nprefix + 16)
		return false;
	for (i = 0; i < nprefix; i++)
		if (name->Buffer[i] != prefix[i])
			return false;
	*id = 0;
	for (; i < n; i++) {
		WCHAR c = name->Buffer[i];
		unsigned int v;

		if (c >= '0' && c <= '9')
			v = c - '0';
		else if (c >= 'a' && c <= 'f')
			v = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v = c - 'A' + 10;
		else
			return false;
		*id = *id << 4 | v;
	}
	return true;
}

/*
 * gpioclx-api: WdfIoTargetOpen; partly: WdfIoTargetOpenByName of one of the controller's own
 *	connections only (STATUS_NOT_FOUND otherwise, as for a name that does not exist);
 *	linux: binds the target to the connection's i2c_client
 */
NTSTATUS WdfIoTargetOpen(WDFIOTARGET IoTarget, PWDF_IO_TARGET_OPEN_PARAMS OpenParams)
{
	struct gpioclx_iotarget *t = gpioclx_iotarget_of(IoTarget);
	struct i2c_client *client;
	NTSTATUS status = STATUS_SUCCESS;
	u64 id;

	if (!t || !OpenParams) {
		pr_err("gpioclx: %s: bad IoTarget or NULL OpenParams\n", __func__);
		return STATUS_INVALID_PARAMETER;
	}
	if (OpenParams->Size != sizeof(*OpenParams)) {
		dev_err(t->ctrl->dev, "%s: WDF_IO_TARGET_OPEN_PARAMS.Size %u, not %zu\n",
			__func__, OpenParams->Size, sizeof(*OpenParams));
		return STATUS_INFO_LENGTH_MISMATCH;
	}
	if (OpenParams->Type != WdfIoTargetOpenByName) {
		dev_err(t->ctrl->dev, "%s: open type %d: only by name (a resource hub path)\n",
			__func__, OpenParams->Type);
		return STATUS_INVALID_PARAMETER;
	}
	if (!gpioclx_parse_hub_path(&OpenParams->TargetDeviceName, &id)) {
		dev_err(t->ctrl->dev, "%s: not a resource hub connection path\n", __func__);
		return STATUS_NOT_FOUND;
	}
	client = gpioclx_connection_find(t->ctrl->dev, id);
	if (!client) {
		dev_err(t->ctrl->dev, "%s: no connection %016llx for this controller\n",
			__func__, id);
		return STATUS_NOT_FOUND;
	}
	mutex_lock(&t->lock);
	if (t->open) {
		dev_err(t->ctrl->dev, "%s: the I/O target is already open\n", __func__);
		status = STATUS_INVALID_DEVICE_STATE;
	} else {
		t->client = client;
		t->open = true;
	}
	mutex_unlock(&t->lock);
	return status;
}
EXPORT_SYMBOL_NS_GPL(WdfIoTargetOpen, GPIOCLX_NS);

/* gpioclx-api: WdfIoTargetClose; linux: unbinds the target (and unlocks the bus if held) */
VOID WdfIoTargetClose(WDFIOTARGET IoTarget)
{
	struct gpioclx_iotarget *t = gpioclx_iotarget_of(IoTarget);

	if (!t)
		return;
	mutex_lock(&t->lock);
	gpioclx_iotarget_close_locked(t);
	mutex_unlock(&t->lock);
}
EXPORT_SYMBOL_NS_GPL(WdfIoTargetClose, GPIOCLX_NS);

/* A memory descriptor's buffer and length. */
static NTSTATUS gpioclx_memdesc(struct gpioclx_iotarget *t, PWDF_MEMORY_DESCRIPTOR desc,
				void **buf, size_t *len)
{
	struct gpioclx_object *obj;
	struct gpioclx_memory *mem;
	size_t off, n;

	switch (desc->Type) {
	case WdfMemoryDescriptorTypeBuffer:
		*buf = desc->u.BufferType.Buffer;
		*len = desc->u.BufferType.Length;
		break;
	case WdfMemoryDescriptorTypeHandle:
		obj = gpioclx_object_get(desc->u.HandleType.Memory, GPIOCLX_OBJ_MEMORY);
		if (!obj)
			return STATUS_INVALID_PARAMETER;
		mem = container_of(obj, struct gpioclx_memory, obj);
		off = 0;
		n = mem->size;
		if (desc->u.HandleType.Offsets) {
			off = desc->u.HandleType.Offsets->BufferOffset;
			n = desc->u.HandleType.Offsets->BufferLength ?: mem->size - min(off, mem->size);
			if (off > mem->size || n > mem->size - off) {
				dev_err(t->ctrl->dev, "WDFMEMORY_OFFSET %zu+%zu past the buffer's %zu bytes\n",
					off, n, mem->size);
				return STATUS_INVALID_PARAMETER;
			}
		}
		*buf = (u8 *)mem->buf + off;
		*len = n;
		break;
	case WdfMemoryDescriptorTypeMdl:
		dev_err(t->ctrl->dev, "MDL memory descriptors are not supported\n");
		return STATUS_NOT_SUPPORTED;
	default:
		dev_err(t->ctrl->dev, "memory descriptor type %d\n", desc->Type);
		return STATUS_INVALID_PARAMETER;
	}
	if (!*buf || !*len) {
		dev_err(t->ctrl->dev, "memory descriptor with no buffer or length 0\n");
		return STATUS_INVALID_PARAMETER;
	}
	return STATUS_SUCCESS;
}

enum gpioclx_send { GPIOCLX_SEND_READ, GPIOCLX_SEND_WRITE, GPIOCLX_SEND_IOCTL };

/* Everything the three synchronous sends share: checks, locking, bookkeeping. */
static NTSTATUS gpioclx_send(WDFIOTARGET IoTarget, WDFREQUEST Request, enum gpioclx_send kind,
			     ULONG ioctl, PWDF_MEMORY_DESCRIPTOR in, PWDF_MEMORY_DESCRIPTOR out,
			     PWDF_REQUEST_SEND_OPTIONS options, PULONG_PTR bytes)
{
	struct gpioclx_iotarget *t = gpioclx_iotarget_of(IoTarget);
	struct gpioclx_object *robj = NULL;
	PWDF_MEMORY_DESCRIPTOR desc = kind == GPIOCLX_SEND_READ ? out : in;
	void *buf = NULL;
	size_t len = 0, done = 0;
	NTSTATUS status;
	bool open;

	if (bytes)
		*bytes = 0;
	if (!t)
		return STATUS_INVALID_PARAMETER;
	if (Request) {
		robj = gpioclx_object_get(Request, GPIOCLX_OBJ_REQUEST);
		if (!robj)
			return STATUS_INVALID_PARAMETER;
	}
	if (options && options->Size != sizeof(*options)) {
		dev_err(t->ctrl->dev, "bad WDF_REQUEST_SEND_OPTIONS.Size %u\n", options->Size);
		return STATUS_INVALID_PARAMETER;
	}
	might_sleep();
	if (desc) {
		status = gpioclx_memdesc(t, desc, &buf, &len);
		if (!NT_SUCCESS(status))
			return status;
	}
	/*
	 * The target's lock covers its state only, never a bus transfer: a
	 * client holding the bus (IOCTL_SPB_LOCK_CONTROLLER) across calls
	 * must not order the bus lock before it.
	 */
	mutex_lock(&t->lock);
	open = t->open;
	mutex_unlock(&t->lock);
	if (!open) {
		dev_err(t->ctrl->dev, "I/O request on an I/O target that is not open\n");
		status = STATUS_INVALID_DEVICE_STATE;
		goto out;
	}
	switch (kind) {
	case GPIOCLX_SEND_READ:
		status = desc ? gpioclx_spb_read(t, buf, len, &done) : STATUS_INVALID_PARAMETER;
		break;
	case GPIOCLX_SEND_WRITE:
		status = desc ? gpioclx_spb_write(t, buf, len, &done) : STATUS_INVALID_PARAMETER;
		break;
	default:
		switch (ioctl) {
		case IOCTL_SPB_EXECUTE_SEQUENCE:
			status = desc ? gpioclx_spb_sequence(t, buf, len, &done) :
					STATUS_INVALID_PARAMETER;
			break;
		case IOCTL_SPB_LOCK_CONTROLLER:
			status = gpioclx_spb_lock(t);
			break;
		case IOCTL_SPB_UNLOCK_CONTROLLER:
			status = gpioclx_spb_unlock(t);
			break;
		default:
			dev_err(t->ctrl->dev, "IOCTL %#x is not supported on an I2C connection\n",
				ioctl);
			status = STATUS_NOT_SUPPORTED;
		}
	}
	if (status == STATUS_INVALID_PARAMETER && !desc)
		dev_err(t->ctrl->dev, "I/O request without a buffer\n");
out:
	if (robj) {
		struct gpioclx_request *req = container_of(robj, struct gpioclx_request, obj);

		req->status = status;
		req->information = done;
	}
	if (bytes)
		*bytes = done;
	return status;
}

/*
 * gpioclx-api: WdfIoTargetSendReadSynchronously; partly: DeviceOffset is ignored (I2C has
 *	none); linux: one read message (i2c_transfer()), or an SMBus receive byte
 */
NTSTATUS WdfIoTargetSendReadSynchronously(WDFIOTARGET IoTarget, WDFREQUEST Request,
					  PWDF_MEMORY_DESCRIPTOR OutputBuffer,
					  PLONGLONG DeviceOffset,
					  PWDF_REQUEST_SEND_OPTIONS RequestOptions,
					  PULONG_PTR BytesRead)
{
	return gpioclx_send(IoTarget, Request, GPIOCLX_SEND_READ, 0, NULL, OutputBuffer,
			    RequestOptions, BytesRead);
}
EXPORT_SYMBOL_NS_GPL(WdfIoTargetSendReadSynchronously, GPIOCLX_NS);

/*
 * gpioclx-api: WdfIoTargetSendWriteSynchronously; partly: DeviceOffset is ignored; linux: one
 *	write message (i2c_transfer()), or SMBus writes of 1 to 33 bytes
 */
NTSTATUS WdfIoTargetSendWriteSynchronously(WDFIOTARGET IoTarget, WDFREQUEST Request,
					   PWDF_MEMORY_DESCRIPTOR InputBuffer,
					   PLONGLONG DeviceOffset,
					   PWDF_REQUEST_SEND_OPTIONS RequestOptions,
					   PULONG_PTR BytesWritten)
{
	return gpioclx_send(IoTarget, Request, GPIOCLX_SEND_WRITE, 0, InputBuffer, NULL,
			    RequestOptions, BytesWritten);
}
EXPORT_SYMBOL_NS_GPL(WdfIoTargetSendWriteSynchronously, GPIOCLX_NS);

/*
 * gpioclx-api: WdfIoTargetSendIoctlSynchronously; partly: the SPB IOCTLs of <spb.h> only;
 *	linux: see IOCTL_SPB_EXECUTE_SEQUENCE and IOCTL_SPB_LOCK_CONTROLLER
 */
NTSTATUS WdfIoTargetSendIoctlSynchronously(WDFIOTARGET IoTarget, WDFREQUEST Request,
					   ULONG IoctlCode, PWDF_MEMORY_DESCRIPTOR InputBuffer,
					   PWDF_MEMORY_DESCRIPTOR OutputBuffer,
					   PWDF_REQUEST_SEND_OPTIONS RequestOptions,
					   PULONG_PTR BytesReturned)
{
	return gpioclx_send(IoTarget, Request, GPIOCLX_SEND_IOCTL, IoctlCode, InputBuffer,
			    OutputBuffer, RequestOptions, BytesReturned);
}
EXPORT_SYMBOL_NS_GPL(WdfIoTargetSendIoctlSynchronously, GPIOCLX_NS);
