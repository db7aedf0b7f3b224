// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pca9555_spb.c - the PCA9555 client's bus access: an I/O target opened
 * on the I2C connection GpioClx handed PrepareController, and register
 * reads and writes as SPB requests. OS-neutral: WDK headers only.
 *
 * A register read is one IOCTL_SPB_EXECUTE_SEQUENCE of two transfers, the
 * command byte then the data, joined by a repeated start (a stop between
 * them would let another master move the command pointer); a register
 * write is one write of the command byte followed by the data. Both reuse
 * the one request created at open: GpioClx serialises a serial
 * controller's callbacks, so it is never in use twice.
 */
#include "pca9555.h"

#define RESHUB_USE_HELPER_ROUTINES
#include <reshub.h>
#include <spb.h>

/* The request for the next send, reset to a fresh state. */
static WDFREQUEST Pca9555NextRequest(_In_ PPCA9555_CONTEXT Context)
{
	WDF_REQUEST_REUSE_PARAMS ReuseParams;

	WDF_REQUEST_REUSE_PARAMS_INIT(&ReuseParams, WDF_REQUEST_REUSE_NO_FLAGS, STATUS_SUCCESS);
	if (!NT_SUCCESS(WdfRequestReuse(Context->SpbRequest, &ReuseParams)))
		return NULL;
	return Context->SpbRequest;
}

NTSTATUS Pca9555SpbOpen(_In_ PPCA9555_CONTEXT Context)
{
	WDF_IO_TARGET_OPEN_PARAMS OpenParams;
	WDF_OBJECT_ATTRIBUTES Attributes;
	NTSTATUS Status;
	DECLARE_UNICODE_STRING_SIZE(DevicePath, RESOURCE_HUB_PATH_SIZE);

	WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
	Status = WdfIoTargetCreate(Context->Device, &Attributes, &Context->SpbIoTarget);
	if (!NT_SUCCESS(Status)) {
		Context->SpbIoTarget = NULL;
		return Status;
	}

	Status = RESOURCE_HUB_CREATE_PATH_FROM_ID(&DevicePath, Context->SpbConnectionId.LowPart,
						  Context->SpbConnectionId.HighPart);
	if (!NT_SUCCESS(Status))
		goto Fail;

	WDF_IO_TARGET_OPEN_PARAMS_INIT_OPEN_BY_NAME(&OpenParams, &DevicePath,
						    GENERIC_READ | GENERIC_WRITE);
	OpenParams.ShareAccess = 0;
	OpenParams.CreateDisposition = FILE_OPEN;
	OpenParams.FileAttributes = FILE_ATTRIBUTE_NORMAL;
	Status = WdfIoTargetOpen(Context->SpbIoTarget, &OpenParams);
	if (!NT_SUCCESS(Status))
		goto Fail;

	WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
	Attributes.ParentObject = Context->SpbIoTarget;
	Status = WdfRequestCreate(&Attributes, Context->SpbIoTarget, &Context->SpbRequest);
	if (!NT_SUCCESS(Status))
		goto Fail;
	return STATUS_SUCCESS;

Fail:
	Pca9555SpbClose(Context);
	return Status;
}

VOID Pca9555SpbClose(_In_ PPCA9555_CONTEXT Context)
{
	/* Deleting the target closes it and deletes its child, the request. */
	if (Context->SpbIoTarget != NULL)
		WdfObjectDelete(Context->SpbIoTarget);
	Context->SpbIoTarget = NULL;
	Context->SpbRequest = NULL;
}

NTSTATUS Pca9555ReadRegisters(_In_ PPCA9555_CONTEXT Context, _In_ UCHAR Register,
			      _Out_writes_(Count) PUCHAR Data, _In_ ULONG Count)
{
	SPB_TRANSFER_LIST_AND_ENTRIES(2) Sequence;
	WDF_MEMORY_DESCRIPTOR Descriptor;
	ULONG_PTR BytesReturned = 0;
	WDFREQUEST Request;
	UCHAR Command = Register;
	NTSTATUS Status;

	if (Data == NULL || Count == 0 || Count > 2)
		return STATUS_INVALID_PARAMETER;
	Request = Pca9555NextRequest(Context);
	if (Request == NULL)
		return STATUS_INVALID_DEVICE_STATE;

	SPB_TRANSFER_LIST_INIT(&Sequence.List, 2);
	Sequence.List.Transfers[0] =
		SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SpbTransferDirectionToDevice, 0, &Command, 1);
	Sequence.List.Transfers[1] =
		SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SpbTransferDirectionFromDevice, 0, Data, Count);
	WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&Descriptor, &Sequence, sizeof(Sequence));
	Status = WdfIoTargetSendIoctlSynchronously(Context->SpbIoTarget, Request,
						   IOCTL_SPB_EXECUTE_SEQUENCE, &Descriptor, NULL,
						   NULL, &BytesReturned);
	if (NT_SUCCESS(Status) && BytesReturned != 1 + Count)
		Status = STATUS_IO_DEVICE_ERROR;	/* the sequence stopped short */
	return Status;
}

NTSTATUS Pca9555WriteRegisters(_In_ PPCA9555_CONTEXT Context, _In_ UCHAR Register,
			       const UCHAR *Data, _In_ ULONG Count)
{
	WDF_MEMORY_DESCRIPTOR Descriptor;
	ULONG_PTR BytesWritten = 0;
	WDFREQUEST Request;
	UCHAR Buffer[3];
	NTSTATUS Status;

	if (Data == NULL || Count == 0 || Count > 2)
		return STATUS_INVALID_PARAMETER;
	Request = Pca9555NextRequest(Context);
	if (Request == NULL)
		return STATUS_INVALID_DEVICE_STATE;

	Buffer[0] = Register;
	RtlCopyMemory(&Buffer[1], Data, Count);
	WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&Descriptor, Buffer, 1 + Count);
	Status = WdfIoTargetSendWriteSynchronously(Context->SpbIoTarget, Request, &Descriptor,
						   NULL, NULL, &BytesWritten);
	if (NT_SUCCESS(Status) && BytesWritten != 1 + Count)
		Status = STATUS_IO_DEVICE_ERROR;
	return Status;
}
