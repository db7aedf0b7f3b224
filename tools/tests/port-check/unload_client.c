// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * unload_client.c - what a serial client written like a WDK sample uses
 * besides the GpioClx callbacks: the WDM driver object behind its WDFDRIVER
 * at unload (to stop its tracing) and a bit scan over a pin mask. For
 * "tools/wdk-api.py self-test" only: port-check must report nothing here.
 */
#include <ntddk.h>
#include <wdf.h>
#include <gpioclx.h>

EVT_WDF_DRIVER_UNLOAD UnloadEvtDriverUnload;
PDRIVER_OBJECT UnloadLastDriverObject;

VOID UnloadEvtDriverUnload(WDFDRIVER Driver)
{
	NTSTATUS Status;

	Status = GPIO_CLX_UnregisterClient(Driver);
	NT_ASSERT(NT_SUCCESS(Status));
	UnloadLastDriverObject = WdfDriverWdmGetDriverObject(Driver);
}

ULONG64 UnloadWalkMask(ULONG64 PinMask)
{
	ULONG64 Done = 0;
	CCHAR Pin;

	while (PinMask != 0) {
		Pin = RtlFindLeastSignificantBit(PinMask);
		Done |= 1ULL << Pin;
		PinMask &= ~(1ULL << Pin);
	}
	return Done;
}
