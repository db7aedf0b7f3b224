/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * wdfiotarget.h - remote I/O targets: how a serial client reaches the bus
 * its controller sits on. Included by <wdf.h>.
 */
#ifndef GPIOCLX_WDFIOTARGET_H
#define GPIOCLX_WDFIOTARGET_H

typedef enum _WDF_IO_TARGET_OPEN_TYPE {
	WdfIoTargetOpenUndefined = 0,
	WdfIoTargetOpenUseExistingDevice = 1,
	WdfIoTargetOpenByName = 2,
	WdfIoTargetOpenReopen = 3,
	WdfIoTargetOpenLocalTargetByFile = 4,
} WDF_IO_TARGET_OPEN_TYPE;

typedef NTSTATUS EVT_WDF_IO_TARGET_QUERY_REMOVE(_In_ WDFIOTARGET IoTarget);
typedef EVT_WDF_IO_TARGET_QUERY_REMOVE *PFN_WDF_IO_TARGET_QUERY_REMOVE;
typedef VOID EVT_WDF_IO_TARGET_REMOVE_CANCELED(_In_ WDFIOTARGET IoTarget);
typedef EVT_WDF_IO_TARGET_REMOVE_CANCELED *PFN_WDF_IO_TARGET_REMOVE_CANCELED;
typedef VOID EVT_WDF_IO_TARGET_REMOVE_COMPLETE(_In_ WDFIOTARGET IoTarget);
typedef EVT_WDF_IO_TARGET_REMOVE_COMPLETE *PFN_WDF_IO_TARGET_REMOVE_COMPLETE;

/*
 * gpioclx-api: WDF_IO_TARGET_OPEN_PARAMS, WDF_IO_TARGET_OPEN_PARAMS_INIT_OPEN_BY_NAME,
 *	WDF_IO_TARGET_OPEN_PARAMS_INIT_CREATE_BY_NAME; partly: WdfIoTargetOpenByName of a
 *	resource hub path only; the access, share, attribute and create fields are not
 *	checked; linux: the controller's own i2c_client (gpioclx_spb_i2c.c)
 * gpioclx-api: WDF_IO_TARGET_OPEN_PARAMS.EvtIoTargetQueryRemove,
 *	WDF_IO_TARGET_OPEN_PARAMS.EvtIoTargetRemoveCanceled,
 *	WDF_IO_TARGET_OPEN_PARAMS.EvtIoTargetRemoveComplete; not: never called (the bus
 *	device outlives its i2c_client's driver)
 */
typedef struct _WDF_IO_TARGET_OPEN_PARAMS {
	ULONG Size;
	WDF_IO_TARGET_OPEN_TYPE Type;
	PFN_WDF_IO_TARGET_QUERY_REMOVE EvtIoTargetQueryRemove;
	PFN_WDF_IO_TARGET_REMOVE_CANCELED EvtIoTargetRemoveCanceled;
	PFN_WDF_IO_TARGET_REMOVE_COMPLETE EvtIoTargetRemoveComplete;
	PDEVICE_OBJECT TargetDeviceObject;
	PFILE_OBJECT TargetFileObject;
	UNICODE_STRING TargetDeviceName;
	ACCESS_MASK DesiredAccess;
	ULONG ShareAccess;
	ULONG FileAttributes;
	ULONG CreateDisposition;
	ULONG CreateOptions;
	PVOID EaBuffer;
	ULONG EaBufferLength;
	PLONGLONG AllocationSize;
	ULONG FileInformation;
	UNICODE_STRING FileName;
} WDF_IO_TARGET_OPEN_PARAMS, *PWDF_IO_TARGET_OPEN_PARAMS;

FORCEINLINE VOID WDF_IO_TARGET_OPEN_PARAMS_INIT_CREATE_BY_NAME(
	_Out_ PWDF_IO_TARGET_OPEN_PARAMS Params, _In_ PCUNICODE_STRING TargetDeviceName,
	_In_ ACCESS_MASK DesiredAccess)
{
	RtlZeroMemory(Params, sizeof(WDF_IO_TARGET_OPEN_PARAMS));
	Params->Size = sizeof(WDF_IO_TARGET_OPEN_PARAMS);
	Params->Type = WdfIoTargetOpenByName;
	Params->TargetDeviceName = *TargetDeviceName;
	Params->DesiredAccess = DesiredAccess;
	Params->CreateOptions = FILE_NON_DIRECTORY_FILE;
}

FORCEINLINE VOID WDF_IO_TARGET_OPEN_PARAMS_INIT_OPEN_BY_NAME(
	_Out_ PWDF_IO_TARGET_OPEN_PARAMS Params, _In_ PCUNICODE_STRING TargetDeviceName,
	_In_ ACCESS_MASK DesiredAccess)
{
	WDF_IO_TARGET_OPEN_PARAMS_INIT_CREATE_BY_NAME(Params, TargetDeviceName, DesiredAccess);
	Params->CreateDisposition = FILE_OPEN;
}

_Must_inspect_result_ _IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS WdfIoTargetCreate(_In_ WDFDEVICE Device, _In_opt_ PWDF_OBJECT_ATTRIBUTES IoTargetAttributes,
			   _Out_ WDFIOTARGET *IoTarget);

_Must_inspect_result_ _IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS WdfIoTargetOpen(_In_ WDFIOTARGET IoTarget, _In_ PWDF_IO_TARGET_OPEN_PARAMS OpenParams);

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID WdfIoTargetClose(_In_ WDFIOTARGET IoTarget);

_Must_inspect_result_ _IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS WdfIoTargetSendReadSynchronously(_In_ WDFIOTARGET IoTarget, _In_opt_ WDFREQUEST Request,
					  _In_opt_ PWDF_MEMORY_DESCRIPTOR OutputBuffer,
					  _In_opt_ PLONGLONG DeviceOffset,
					  _In_opt_ PWDF_REQUEST_SEND_OPTIONS RequestOptions,
					  _Out_opt_ PULONG_PTR BytesRead);

_Must_inspect_result_ _IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS WdfIoTargetSendWriteSynchronously(_In_ WDFIOTARGET IoTarget, _In_opt_ WDFREQUEST Request,
					   _In_opt_ PWDF_MEMORY_DESCRIPTOR InputBuffer,
					   _In_opt_ PLONGLONG DeviceOffset,
					   _In_opt_ PWDF_REQUEST_SEND_OPTIONS RequestOptions,
					   _Out_opt_ PULONG_PTR BytesWritten);

_Must_inspect_result_ _IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS WdfIoTargetSendIoctlSynchronously(_In_ WDFIOTARGET IoTarget, _In_opt_ WDFREQUEST Request,
					   _In_ ULONG IoctlCode,
					   _In_opt_ PWDF_MEMORY_DESCRIPTOR InputBuffer,
					   _In_opt_ PWDF_MEMORY_DESCRIPTOR OutputBuffer,
					   _In_opt_ PWDF_REQUEST_SEND_OPTIONS RequestOptions,
					   _Out_opt_ PULONG_PTR BytesReturned);

#endif /* GPIOCLX_WDFIOTARGET_H */
