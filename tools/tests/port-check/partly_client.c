// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * partly_client.c - a GpioClx client that builds and links on gpioclx-linux
 * but uses what the shim provides only partly, or accepts and ignores, for
 * "tools/wdk-api.py self-test" (never built otherwise). Comments name what
 * port-check must report on their line, as in bad_client.c; setting a field
 * to 0 or NULL is not a use, so those lines carry none.
 */
#include <ntddk.h>
#include <wdf.h>
#include <gpioclx.h>

typedef struct _PART_CONTEXT {
	PULONG Registers;
} PART_CONTEXT, *PPART_CONTEXT;

DRIVER_INITIALIZE DriverEntry;
static EVT_WDF_DRIVER_DEVICE_ADD PartDeviceAdd;
static EVT_WDF_OBJECT_CONTEXT_CLEANUP PartCleanup;
static GPIO_CLIENT_PREPARE_CONTROLLER PartPrepare;
static GPIO_CLIENT_QUERY_CONTROLLER_BASIC_INFORMATION PartQueryInfo;
static GPIO_CLIENT_QUERY_SET_CONTROLLER_INFORMATION PartQuerySet;
static GPIO_CLIENT_CONTROLLER_SPECIFIC_FUNCTION PartSpecific;

static VOID PartCleanup(WDFOBJECT Object)
{
	UNREFERENCED_PARAMETER(Object);
}

static NTSTATUS PartDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
	WDF_OBJECT_ATTRIBUTES Attributes;
	WDFDEVICE Device;
	NTSTATUS Status;

	Status = GPIO_CLX_ProcessAddDevicePreDeviceCreate(Driver, DeviceInit, &Attributes);
	if (!NT_SUCCESS(Status))
		return Status;
	Status = WdfDeviceCreate(&DeviceInit, &Attributes, &Device);
	if (!NT_SUCCESS(Status))
		return Status;
	return GPIO_CLX_ProcessAddDevicePostDeviceCreate(Driver, Device);
}

static NTSTATUS PartPrepare(WDFDEVICE Device, PVOID Context, WDFCMRESLIST ResourcesRaw,
			    WDFCMRESLIST ResourcesTranslated)
{
	PPART_CONTEXT PartContext = Context;
	PCM_PARTIAL_RESOURCE_DESCRIPTOR Descriptor;

	UNREFERENCED_PARAMETER(Device);
	UNREFERENCED_PARAMETER(ResourcesRaw);
	Descriptor = WdfCmResourceListGetDescriptor(ResourcesTranslated, 0);
	if (!Descriptor || Descriptor->Type != CmResourceTypeMemory)
		return STATUS_UNSUCCESSFUL;
	PartContext->Registers = MmMapIoSpace(Descriptor->u.Memory.Start,
					      Descriptor->u.Memory.Length,
					      MmCached); /* port-check: partly MmCached */
	return PartContext->Registers ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}

static NTSTATUS PartQueryInfo(PVOID Context, PCLIENT_CONTROLLER_BASIC_INFORMATION Information)
{
	UNREFERENCED_PARAMETER(Context);
	Information->Version = GPIO_CONTROLLER_BASIC_INFORMATION_VERSION;
	Information->Size = sizeof(*Information);
	Information->TotalPins = 32;
	Information->NumberOfPinsPerBank = 32;
	Information->Flags.MemoryMappedController = 1;
	Information->Flags.BankIdlePowerMgmtSupported = 1; /* port-check: partly CONTROLLER_ATTRIBUTE_FLAGS.BankIdlePowerMgmtSupported */
	Information->Flags.EmulateDebouncing = 0;
	return STATUS_SUCCESS;
}

static NTSTATUS PartQuerySet(PVOID Context, PCLIENT_CONTROLLER_QUERY_SET_INFORMATION_INPUT Input,
			     PCLIENT_CONTROLLER_QUERY_SET_INFORMATION_OUTPUT Output)
{
	UNREFERENCED_PARAMETER(Context);
	if (Input->RequestType != QueryBankPowerInformation) /* port-check: ignored QueryBankPowerInformation */
		return STATUS_NOT_SUPPORTED;
	Output->BankPowerInformation.F1StateSupported = FALSE;
	return STATUS_SUCCESS;
}

static NTSTATUS PartSpecific(PVOID Context,
			     PGPIO_CLIENT_CONTROLLER_SPECIFIC_FUNCTION_PARAMETERS Parameters)
{
	UNREFERENCED_PARAMETER(Context);
	Parameters->BytesWritten = 0;
	return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	GPIO_CLIENT_REGISTRATION_PACKET Packet;
	WDF_OBJECT_ATTRIBUTES Attributes;
	WDF_DRIVER_CONFIG Config;
	WDFDRIVER Driver;
	NTSTATUS Status;

	WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
	Attributes.EvtCleanupCallback = PartCleanup; /* port-check: partly WDF_OBJECT_ATTRIBUTES.EvtCleanupCallback */
	WDF_DRIVER_CONFIG_INIT(&Config, PartDeviceAdd);
	Status = WdfDriverCreate(DriverObject, RegistryPath, &Attributes, &Config, &Driver);
	if (!NT_SUCCESS(Status))
		return Status;

	RtlZeroMemory(&Packet, sizeof(Packet));
	Packet.Version = GPIO_CLIENT_VERSION;
	Packet.Size = sizeof(Packet);
	Packet.ControllerContextSize = sizeof(PART_CONTEXT);
	Packet.CLIENT_PrepareController = PartPrepare;
	Packet.CLIENT_QueryControllerBasicInformation = PartQueryInfo;
	Packet.CLIENT_QuerySetControllerInformation = PartQuerySet; /* port-check: partly CLIENT_QuerySetControllerInformation */
	Packet.CLIENT_ControllerSpecificFunction = PartSpecific; /* port-check: ignored CLIENT_ControllerSpecificFunction */
	Packet.CLIENT_ConnectFunctionConfigPins = NULL;
	return GPIO_CLX_RegisterClient(Driver, &Packet, RegistryPath);
}
