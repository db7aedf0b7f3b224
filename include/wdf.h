/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * wdf.h - the KMDF subset a GpioClx client's DriverEntry and
 * EvtDriverDeviceAdd use.
 *
 * GpioClx owns the device object, its queues and its PnP/power callbacks,
 * so a client only creates the driver and device objects and walks its
 * hardware resource lists. The shim implements these routines; handles are
 * opaque pointers to shim objects.
 */
#ifndef GPIOCLX_WDF_H
#define GPIOCLX_WDF_H

#include "ntddk.h"

#define WDF_DECLARE_HANDLE(name) \
	struct name##__ { int unused; }; \
	typedef struct name##__ *name

/*
 * WDFOBJECT is the WDK's untyped handle (HANDLE, a void pointer), so that
 * WdfObjectDelete() and WDF_OBJECT_ATTRIBUTES.ParentObject take any typed
 * handle without a cast, as they do in C with the WDK.
 */
typedef PVOID WDFOBJECT, *PWDFOBJECT;
WDF_DECLARE_HANDLE(WDFDRIVER);
WDF_DECLARE_HANDLE(WDFDEVICE);
WDF_DECLARE_HANDLE(WDFCMRESLIST);
WDF_DECLARE_HANDLE(WDFIOTARGET);
WDF_DECLARE_HANDLE(WDFMEMORY);
WDF_DECLARE_HANDLE(WDFREQUEST);

typedef struct WDFDEVICE_INIT WDFDEVICE_INIT, *PWDFDEVICE_INIT;

#define WDF_NO_OBJECT_ATTRIBUTES NULL
#define WDF_NO_HANDLE NULL
#define WDF_NO_CONTEXT NULL

typedef VOID EVT_WDF_OBJECT_CONTEXT_CLEANUP(_In_ WDFOBJECT Object);
typedef EVT_WDF_OBJECT_CONTEXT_CLEANUP *PFN_WDF_OBJECT_CONTEXT_CLEANUP;
typedef VOID EVT_WDF_OBJECT_CONTEXT_DESTROY(_In_ WDFOBJECT Object);
typedef EVT_WDF_OBJECT_CONTEXT_DESTROY *PFN_WDF_OBJECT_CONTEXT_DESTROY;

typedef enum _WDF_EXECUTION_LEVEL {
	WdfExecutionLevelInvalid = 0,
	WdfExecutionLevelInheritFromParent,
	WdfExecutionLevelPassive,
	WdfExecutionLevelDispatch,
} WDF_EXECUTION_LEVEL;

typedef enum _WDF_SYNCHRONIZATION_SCOPE {
	WdfSynchronizationScopeInvalid = 0,
	WdfSynchronizationScopeInheritFromParent,
	WdfSynchronizationScopeDevice,
	WdfSynchronizationScopeQueue,
	WdfSynchronizationScopeNone,
} WDF_SYNCHRONIZATION_SCOPE;

typedef struct _WDF_OBJECT_CONTEXT_TYPE_INFO WDF_OBJECT_CONTEXT_TYPE_INFO;
typedef const WDF_OBJECT_CONTEXT_TYPE_INFO *PCWDF_OBJECT_CONTEXT_TYPE_INFO;
typedef PCWDF_OBJECT_CONTEXT_TYPE_INFO (__cdecl *PFN_GET_UNIQUE_CONTEXT_TYPE)(VOID);

/* What WDF_DECLARE_CONTEXT_TYPE*() declares for a context type (wdfobject.h). */
struct _WDF_OBJECT_CONTEXT_TYPE_INFO {
	ULONG Size;
	PCHAR ContextName;
	SIZE_T ContextSize;
	PCWDF_OBJECT_CONTEXT_TYPE_INFO UniqueType;
	PFN_GET_UNIQUE_CONTEXT_TYPE EvtDriverGetUniqueContextType;
};

typedef struct _WDF_OBJECT_ATTRIBUTES {
	ULONG Size;
	PFN_WDF_OBJECT_CONTEXT_CLEANUP EvtCleanupCallback;
	PFN_WDF_OBJECT_CONTEXT_DESTROY EvtDestroyCallback;
	WDF_EXECUTION_LEVEL ExecutionLevel;
	WDF_SYNCHRONIZATION_SCOPE SynchronizationScope;
	WDFOBJECT ParentObject;
	SIZE_T ContextSizeOverride;
	PCWDF_OBJECT_CONTEXT_TYPE_INFO ContextTypeInfo;
} WDF_OBJECT_ATTRIBUTES, *PWDF_OBJECT_ATTRIBUTES;

FORCEINLINE VOID WDF_OBJECT_ATTRIBUTES_INIT(_Out_ PWDF_OBJECT_ATTRIBUTES Attributes)
{
	RtlZeroMemory(Attributes, sizeof(WDF_OBJECT_ATTRIBUTES));
	Attributes->Size = sizeof(WDF_OBJECT_ATTRIBUTES);
	Attributes->ExecutionLevel = WdfExecutionLevelInheritFromParent;
	Attributes->SynchronizationScope = WdfSynchronizationScopeInheritFromParent;
}

/* The device power states GpioClx passes to Start/StopController. */
typedef enum _WDF_POWER_DEVICE_STATE {
	WdfPowerDeviceInvalid = 0,
	WdfPowerDeviceD0,
	WdfPowerDeviceD1,
	WdfPowerDeviceD2,
	WdfPowerDeviceD3,
	WdfPowerDeviceD3Final,
	WdfPowerDevicePrepareForHibernation,
	WdfPowerDeviceMaximum,
} WDF_POWER_DEVICE_STATE, *PWDF_POWER_DEVICE_STATE;

/* Idle timeouts in milliseconds; 0 asks for the framework default. */
#define IdleTimeoutDefaultValue ((ULONG)0)

typedef _Function_class_(EVT_WDF_DRIVER_DEVICE_ADD) _IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS EVT_WDF_DRIVER_DEVICE_ADD(_In_ WDFDRIVER Driver,
				   _Inout_ PWDFDEVICE_INIT DeviceInit);
typedef EVT_WDF_DRIVER_DEVICE_ADD *PFN_WDF_DRIVER_DEVICE_ADD;

typedef _Function_class_(EVT_WDF_DRIVER_UNLOAD) _IRQL_requires_(PASSIVE_LEVEL)
VOID EVT_WDF_DRIVER_UNLOAD(_In_ WDFDRIVER Driver);
typedef EVT_WDF_DRIVER_UNLOAD *PFN_WDF_DRIVER_UNLOAD;

typedef enum _WDF_DRIVER_INIT_FLAGS {
	WdfDriverInitNonPnpDriver = 0x00000001,
	WdfDriverInitNoDispatchOverride = 0x00000002,
	WdfVerifyOn = 0x00000004,
	WdfVerifierOn = 0x00000008,
	WdfDriverInitCompanion = 0x00000010,
} WDF_DRIVER_INIT_FLAGS;

typedef struct _WDF_DRIVER_CONFIG {
	ULONG Size;
	PFN_WDF_DRIVER_DEVICE_ADD EvtDriverDeviceAdd;
	PFN_WDF_DRIVER_UNLOAD EvtDriverUnload;
	ULONG DriverInitFlags;
	ULONG DriverPoolTag;
} WDF_DRIVER_CONFIG, *PWDF_DRIVER_CONFIG;

FORCEINLINE VOID WDF_DRIVER_CONFIG_INIT(_Out_ PWDF_DRIVER_CONFIG Config,
					_In_opt_ PFN_WDF_DRIVER_DEVICE_ADD EvtDriverDeviceAdd)
{
	RtlZeroMemory(Config, sizeof(WDF_DRIVER_CONFIG));
	Config->Size = sizeof(WDF_DRIVER_CONFIG);
	Config->EvtDriverDeviceAdd = EvtDriverDeviceAdd;
}

/* Timeouts in the 100 ns units of the NT clock; relative ones are negative. */
#define WDF_TIMEOUT_TO_SEC ((LONGLONG)1 * 10 * 1000 * 1000)
#define WDF_TIMEOUT_TO_MS ((LONGLONG)1 * 10 * 1000)
#define WDF_TIMEOUT_TO_US ((LONGLONG)1 * 10)

FORCEINLINE LONGLONG WDF_REL_TIMEOUT_IN_SEC(_In_ ULONGLONG Time)
{
	return (LONGLONG)Time * -1 * WDF_TIMEOUT_TO_SEC;
}

FORCEINLINE LONGLONG WDF_ABS_TIMEOUT_IN_SEC(_In_ ULONGLONG Time)
{
	return (LONGLONG)Time * WDF_TIMEOUT_TO_SEC;
}

FORCEINLINE LONGLONG WDF_REL_TIMEOUT_IN_MS(_In_ ULONGLONG Time)
{
	return (LONGLONG)Time * -1 * WDF_TIMEOUT_TO_MS;
}

FORCEINLINE LONGLONG WDF_ABS_TIMEOUT_IN_MS(_In_ ULONGLONG Time)
{
	return (LONGLONG)Time * WDF_TIMEOUT_TO_MS;
}

FORCEINLINE LONGLONG WDF_REL_TIMEOUT_IN_US(_In_ ULONGLONG Time)
{
	return (LONGLONG)Time * -1 * WDF_TIMEOUT_TO_US;
}

FORCEINLINE LONGLONG WDF_ABS_TIMEOUT_IN_US(_In_ ULONGLONG Time)
{
	return (LONGLONG)Time * WDF_TIMEOUT_TO_US;
}

_Must_inspect_result_ _IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS WdfDriverCreate(_In_ PDRIVER_OBJECT DriverObject,
			 _In_ PCUNICODE_STRING RegistryPath,
			 _In_opt_ PWDF_OBJECT_ATTRIBUTES DriverAttributes,
			 _In_ PWDF_DRIVER_CONFIG DriverConfig,
			 _Out_opt_ WDFDRIVER *Driver);

_IRQL_requires_max_(DISPATCH_LEVEL)
PDRIVER_OBJECT WdfDriverWdmGetDriverObject(_In_ WDFDRIVER Driver);

_Must_inspect_result_ _IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS WdfDeviceCreate(_Inout_ PWDFDEVICE_INIT *DeviceInit,
			 _In_opt_ PWDF_OBJECT_ATTRIBUTES DeviceAttributes,
			 _Out_ WDFDEVICE *Device);

_IRQL_requires_max_(DISPATCH_LEVEL)
ULONG WdfCmResourceListGetCount(_In_ WDFCMRESLIST List);

_IRQL_requires_max_(DISPATCH_LEVEL)
PCM_PARTIAL_RESOURCE_DESCRIPTOR WdfCmResourceListGetDescriptor(_In_ WDFCMRESLIST List,
							       _In_ ULONG Index);

#include "wdfobject.h"
#include "wdfmemory.h"
#include "wdfrequest.h"
#include "wdfiotarget.h"

#endif /* GPIOCLX_WDF_H */
