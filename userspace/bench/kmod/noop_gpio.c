// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * noop_gpio.c - a GpioClx client driver for a controller that does nothing.
 *
 * It exists to measure the framework: every I/O callback returns at once,
 * so the cost of a gpiod_set_value() on its lines is gpiolib's plus the
 * shim's, which the benchmark compares with a native no-op gpio_chip.
 *
 * OS-neutral, like the real clients: it includes only the WDK surface and
 * its register map. Controller model (noop_gpio_regs.h): one read-only
 * CONFIG register with the bank count and pins per bank; registers are read
 * once at prepare time. Memory-mapped, requests as masks, no interrupts.
 */
#include <ntddk.h>
#include <wdf.h>
#include <gpioclx.h>

#include "noop_gpio_regs.h"

/* The per-controller context GpioClx allocates (ControllerContextSize). */
struct _NOOP_GPIO_CONTEXT {
	USHORT BankCount;
	UCHAR PinsPerBank;
};

DRIVER_INITIALIZE DriverEntry;
static EVT_WDF_DRIVER_DEVICE_ADD NoopGpioEvtDeviceAdd;
static EVT_WDF_DRIVER_UNLOAD NoopGpioEvtDriverUnload;

static GPIO_CLIENT_PREPARE_CONTROLLER NoopGpioPrepareController;
static GPIO_CLIENT_RELEASE_CONTROLLER NoopGpioReleaseController;
static GPIO_CLIENT_START_CONTROLLER NoopGpioStartController;
static GPIO_CLIENT_STOP_CONTROLLER NoopGpioStopController;
static GPIO_CLIENT_QUERY_CONTROLLER_BASIC_INFORMATION NoopGpioQueryControllerBasicInformation;
static GPIO_CLIENT_CONNECT_IO_PINS NoopGpioConnectIoPins;
static GPIO_CLIENT_DISCONNECT_IO_PINS NoopGpioDisconnectIoPins;
static GPIO_CLIENT_READ_PINS_MASK NoopGpioReadGpioPinsUsingMask;
static GPIO_CLIENT_WRITE_PINS_MASK NoopGpioWriteGpioPinsUsingMask;

/* Driver load: create the WDF driver and register the callbacks. */
NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
	GPIO_CLIENT_REGISTRATION_PACKET RegistrationPacket;
	WDF_DRIVER_CONFIG DriverConfig;
	WDFDRIVER Driver;
	NTSTATUS Status;

	WDF_DRIVER_CONFIG_INIT(&DriverConfig, NoopGpioEvtDeviceAdd);
	DriverConfig.EvtDriverUnload = NoopGpioEvtDriverUnload;
	Status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
				 &DriverConfig, &Driver);
	if (!NT_SUCCESS(Status))
		return Status;

	RtlZeroMemory(&RegistrationPacket, sizeof(RegistrationPacket));
	RegistrationPacket.Version = GPIO_CLIENT_VERSION;
	RegistrationPacket.Size = sizeof(GPIO_CLIENT_REGISTRATION_PACKET);
	RegistrationPacket.ControllerContextSize = sizeof(struct _NOOP_GPIO_CONTEXT);
	RegistrationPacket.CLIENT_PrepareController = NoopGpioPrepareController;
	RegistrationPacket.CLIENT_ReleaseController = NoopGpioReleaseController;
	RegistrationPacket.CLIENT_StartController = NoopGpioStartController;
	RegistrationPacket.CLIENT_StopController = NoopGpioStopController;
	RegistrationPacket.CLIENT_QueryControllerBasicInformation =
		NoopGpioQueryControllerBasicInformation;
	RegistrationPacket.CLIENT_ConnectIoPins = NoopGpioConnectIoPins;
	RegistrationPacket.CLIENT_DisconnectIoPins = NoopGpioDisconnectIoPins;
	RegistrationPacket.CLIENT_ReadGpioPinsUsingMask = NoopGpioReadGpioPinsUsingMask;
	RegistrationPacket.CLIENT_WriteGpioPinsUsingMask = NoopGpioWriteGpioPinsUsingMask;

	return GPIO_CLX_RegisterClient(Driver, &RegistrationPacket, RegistryPath);
}

/* A controller was found: let GpioClx create and own its device object. */
static NTSTATUS NoopGpioEvtDeviceAdd(_In_ WDFDRIVER Driver, _Inout_ PWDFDEVICE_INIT DeviceInit)
{
	WDF_OBJECT_ATTRIBUTES FdoAttributes;
	WDFDEVICE Device;
	NTSTATUS Status;

	Status = GPIO_CLX_ProcessAddDevicePreDeviceCreate(Driver, DeviceInit, &FdoAttributes);
	if (!NT_SUCCESS(Status))
		return Status;
	Status = WdfDeviceCreate(&DeviceInit, &FdoAttributes, &Device);
	if (!NT_SUCCESS(Status))
		return Status;
	return GPIO_CLX_ProcessAddDevicePostDeviceCreate(Driver, Device);
}

/* Driver unload: undo the GpioClx registration. */
static VOID NoopGpioEvtDriverUnload(_In_ WDFDRIVER Driver)
{
	GPIO_CLX_UnregisterClient(Driver);
}

/* Read the geometry from the CONFIG register of the first memory resource. */
static NTSTATUS NoopGpioPrepareController(_In_ WDFDEVICE Device, _In_ PVOID Context,
					  _In_ WDFCMRESLIST ResourcesRaw,
					  _In_ WDFCMRESLIST ResourcesTranslated)
{
	struct _NOOP_GPIO_CONTEXT *GpioContext = Context;
	PCM_PARTIAL_RESOURCE_DESCRIPTOR Descriptor;
	PULONG Registers;
	ULONG Count, Index, Config;

	UNREFERENCED_PARAMETER(Device);
	UNREFERENCED_PARAMETER(ResourcesRaw);

	Count = WdfCmResourceListGetCount(ResourcesTranslated);
	for (Index = 0; Index < Count; Index++) {
		Descriptor = WdfCmResourceListGetDescriptor(ResourcesTranslated, Index);
		if (Descriptor && Descriptor->Type == CmResourceTypeMemory &&
		    Descriptor->u.Memory.Length >= NOOP_GPIO_WINDOW_SIZE)
			break;
	}
	if (Index == Count)
		return STATUS_INSUFFICIENT_RESOURCES;

	Registers = (PULONG)MmMapIoSpaceEx(Descriptor->u.Memory.Start, NOOP_GPIO_WINDOW_SIZE,
					   PAGE_READWRITE | PAGE_NOCACHE);
	if (!Registers)
		return STATUS_INSUFFICIENT_RESOURCES;
	Config = READ_REGISTER_ULONG(Registers + NOOP_GPIO_CONFIG / sizeof(ULONG));
	MmUnmapIoSpace(Registers, NOOP_GPIO_WINDOW_SIZE);

	GpioContext->BankCount = (USHORT)NOOP_GPIO_CONFIG_BANKS(Config);
	GpioContext->PinsPerBank = (UCHAR)NOOP_GPIO_CONFIG_PPB(Config);
	if (GpioContext->BankCount < 1 || GpioContext->BankCount > NOOP_GPIO_MAX_BANKS ||
	    GpioContext->PinsPerBank < 1 || GpioContext->PinsPerBank > NOOP_GPIO_MAX_PINS_PER_BANK)
		return STATUS_DEVICE_CONFIGURATION_ERROR;
	return STATUS_SUCCESS;
}

/* Nothing is mapped between calls: nothing to release. */
static NTSTATUS NoopGpioReleaseController(_In_ WDFDEVICE Device, _In_ PVOID Context)
{
	UNREFERENCED_PARAMETER(Device);
	UNREFERENCED_PARAMETER(Context);
	return STATUS_SUCCESS;
}

/* No state to restore. */
static NTSTATUS NoopGpioStartController(_In_ PVOID Context, _In_ BOOLEAN RestoreContext,
					_In_ WDF_POWER_DEVICE_STATE PreviousPowerState)
{
	UNREFERENCED_PARAMETER(Context);
	UNREFERENCED_PARAMETER(RestoreContext);
	UNREFERENCED_PARAMETER(PreviousPowerState);
	return STATUS_SUCCESS;
}

/* No state to save. */
static NTSTATUS NoopGpioStopController(_In_ PVOID Context, _In_ BOOLEAN SaveContext,
				       _In_ WDF_POWER_DEVICE_STATE TargetState)
{
	UNREFERENCED_PARAMETER(Context);
	UNREFERENCED_PARAMETER(SaveContext);
	UNREFERENCED_PARAMETER(TargetState);
	return STATUS_SUCCESS;
}

/* Memory-mapped banks of the configured size, I/O as masks, no interrupts. */
static NTSTATUS
NoopGpioQueryControllerBasicInformation(_In_ PVOID Context,
					_Out_ PCLIENT_CONTROLLER_BASIC_INFORMATION Information)
{
	struct _NOOP_GPIO_CONTEXT *GpioContext = Context;

	RtlZeroMemory(Information, sizeof(CLIENT_CONTROLLER_BASIC_INFORMATION));
	Information->Version = GPIO_CONTROLLER_BASIC_INFORMATION_VERSION;
	Information->Size = sizeof(CLIENT_CONTROLLER_BASIC_INFORMATION);
	Information->TotalPins = (USHORT)(GpioContext->BankCount * GpioContext->PinsPerBank);
	Information->NumberOfPinsPerBank = GpioContext->PinsPerBank;
	Information->Flags.MemoryMappedController = 1;
	Information->Flags.FormatIoRequestsAsMasks = 1;
	Information->Flags.IndependentIoHwSupported = 1;
	return STATUS_SUCCESS;
}

/* Any pin connects in any mode. */
static NTSTATUS NoopGpioConnectIoPins(_In_ PVOID Context,
				      _In_ PGPIO_CONNECT_IO_PINS_PARAMETERS ConnectParameters)
{
	UNREFERENCED_PARAMETER(Context);
	UNREFERENCED_PARAMETER(ConnectParameters);
	return STATUS_SUCCESS;
}

/* Any pin disconnects. */
static NTSTATUS
NoopGpioDisconnectIoPins(_In_ PVOID Context,
			 _In_ PGPIO_DISCONNECT_IO_PINS_PARAMETERS DisconnectParameters)
{
	UNREFERENCED_PARAMETER(Context);
	UNREFERENCED_PARAMETER(DisconnectParameters);
	return STATUS_SUCCESS;
}

/* Every pin reads low. */
static NTSTATUS
NoopGpioReadGpioPinsUsingMask(_In_ PVOID Context,
			      _In_ PGPIO_READ_PINS_MASK_PARAMETERS ReadParameters)
{
	UNREFERENCED_PARAMETER(Context);
	*ReadParameters->PinValues = 0;
	return STATUS_SUCCESS;
}

/* Writes go nowhere. */
static NTSTATUS
NoopGpioWriteGpioPinsUsingMask(_In_ PVOID Context,
			       _In_ PGPIO_WRITE_PINS_MASK_PARAMETERS WriteParameters)
{
	UNREFERENCED_PARAMETER(Context);
	UNREFERENCED_PARAMETER(WriteParameters);
	return STATUS_SUCCESS;
}
