// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bad_client.c - a GpioClx client written for the WDK that cannot build on
 * gpioclx-linux, for "tools/wdk-api.py self-test" (never built otherwise).
 *
 * Each line port-check must report carries a comment naming the severity
 * and the name it must report there; the self-test fails on a line it
 * does not report, and on a report with no such comment.
 */
#include <ntddk.h>
#include <wdf.h>
#include <gpioclx.h>
#include <ntstrsafe.h> /* port-check: missing ntstrsafe.h */

#if NTDDI_VERSION /* port-check: undefined NTDDI_VERSION */
#define BAD_NX_POOL 1
#endif
#define BAD_POOL_TAG ((ULONG)'dabG')

typedef struct _BAD_CONTEXT {
	PULONG Registers;
	WDFINTERRUPT Interrupt; /* port-check: missing WDFINTERRUPT */
} BAD_CONTEXT, *PBAD_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(BAD_CONTEXT, BadGetContext); /* port-check: partly WDF_DECLARE_CONTEXT_TYPE_WITH_NAME */

/* gcc loses its way in an MSVC keyword until it is defined away */
static __declspec(align(16)) ULONG BadScratch[4]; /* port-check: missing __declspec */

static EVT_WDF_INTERRUPT_ISR BadIsr; /* port-check: missing EVT_WDF_INTERRUPT_ISR */
static EVT_WDF_OBJECT_CONTEXT_DESTROY BadDestroy;

/* gcc skips this body until the unknown parameter type is stubbed */
static VOID BadLockedWrite(PBAD_CONTEXT Context, WDFSPINLOCK Lock) /* port-check: missing WDFSPINLOCK */
{
	WdfSpinLockAcquire(Lock); /* port-check: missing WdfSpinLockAcquire */
	WRITE_REGISTER_ULONG(Context->Registers, 1);
	WdfSpinLockRelease(Lock); /* port-check: missing WdfSpinLockRelease */
}

static BOOLEAN BadIsr(WDFINTERRUPT Interrupt, ULONG MessageID) /* port-check: missing WDFINTERRUPT */
{
	UNREFERENCED_PARAMETER(Interrupt);
	UNREFERENCED_PARAMETER(MessageID);
	return TRUE;
}

static VOID BadDestroy(WDFOBJECT Object)
{
	UNREFERENCED_PARAMETER(Object);
}

static NTSTATUS BadPrepare(WDFDEVICE Device, PBAD_CONTEXT Context, WDFCMRESLIST List)
{
	PCM_PARTIAL_RESOURCE_DESCRIPTOR Descriptor;
	WDF_INTERRUPT_CONFIG InterruptConfig; /* port-check: missing WDF_INTERRUPT_CONFIG */
	WDF_OBJECT_ATTRIBUTES Attributes;
	PVOID Buffer;

	if (WdfCmResourceListGetCount(List, 0) == 0) /* port-check: mismatch WdfCmResourceListGetCount */
		return STATUS_DEVICE_PROTOCOL_ERROR; /* port-check: missing STATUS_DEVICE_PROTOCOL_ERROR */
	Descriptor = WdfCmResourceListGetDescriptor(List, 0);
	if (Descriptor->u.MessageInterrupt.Raw.Vector) /* port-check: mismatch MessageInterrupt */
		return STATUS_NOT_SUPPORTED;
	Context->Registers = MmMapIoSpaceEx(Descriptor->u.Memory.Start, Descriptor->u.Memory.Length,
					    PAGE_READONLY); /* port-check: partly PAGE_READONLY */

	WDF_INTERRUPT_CONFIG_INIT(&InterruptConfig, BadIsr, NULL); /* port-check: missing WDF_INTERRUPT_CONFIG_INIT */
	InterruptConfig.AutomaticSerialization = TRUE;
	WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
	Attributes.EvtCleanupCallback = NULL;
	Attributes.EvtDestroyCallback = BadDestroy; /* port-check: partly WDF_OBJECT_ATTRIBUTES.EvtDestroyCallback */

	Buffer = ExAllocatePoolWithTag(NonPagedPoolNx, 64, BAD_POOL_TAG); /* port-check: missing ExAllocatePoolWithTag */
	if (!Buffer)
		return STATUS_INSUFFICIENT_RESOURCES;
	RtlStringCbCopyA(Buffer, 64, "bad"); /* port-check: missing RtlStringCbCopyA */
	ExFreePoolWithTag(Buffer, BAD_POOL_TAG); /* port-check: missing ExFreePoolWithTag */
	return WdfDeviceCreateSymbolicLink(Device, NULL); /* port-check: missing WdfDeviceCreateSymbolicLink */
}

NTSTATUS BadUnload(PDRIVER_OBJECT DriverObject);

NTSTATUS BadUnload(PDRIVER_OBJECT DriverObject)
{
	DriverObject->DriverUnload = NULL; /* port-check: mismatch DRIVER_OBJECT */
	BadScratch[0] = 0;
	BadLockedWrite(NULL, NULL);
	return BadPrepare(NULL, NULL, NULL);
}
