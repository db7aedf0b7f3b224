// SPDX-License-Identifier: GPL-2.0-or-later
/*++

Copyright (c) Acme Embedded Systems. All rights reserved.

Module Name:

    acmegpio.c

Abstract:

    GpioClx client driver for the ARM PrimeCell PL061 GPIO controller on the
    Acme reference boards.

    The controller has one bank of eight pins. Every pin can be an input or
    an output; there is no pull, debounce or drive-strength control. This
    driver does not report interrupt support to GpioClx: the board routes
    no interrupt-capable consumer to this controller.

    GpioClx serializes Connect/Disconnect and Start/Stop; reads and writes
    of the data register are single accesses (the register's address
    selects the pins), so no lock is needed in this driver.

Environment:

    Kernel mode

--*/

#include "acmegpio.h"

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, AcmeGpioEvtDeviceAdd)
#pragma alloc_text(PAGE, AcmeGpioEvtDriverUnload)
#pragma alloc_text(PAGE, AcmeGpioPrepareController)
#pragma alloc_text(PAGE, AcmeGpioReleaseController)
#pragma alloc_text(PAGE, AcmeGpioConnectIoPins)
#pragma alloc_text(PAGE, AcmeGpioDisconnectIoPins)
#endif

//
// Local helpers.
//

static
NTSTATUS
AcmeGpioPinTableToMask (
    _In_reads_(PinCount) PPIN_NUMBER PinNumberTable,
    _In_ ULONG PinCount,
    _Out_ PUCHAR PinMask
    );

//
// ------------------------------------------------------------------ Driver
//

_Use_decl_annotations_
NTSTATUS
DriverEntry (
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )

/*++

Routine Description:

    Creates the WDF driver object and registers this driver with GpioClx.

Arguments:

    DriverObject - Supplies the driver object.

    RegistryPath - Supplies the driver's service key.

Return Value:

    NTSTATUS code.

--*/

{
    WDF_DRIVER_CONFIG DriverConfig;
    WDFDRIVER Driver;
    GPIO_CLIENT_REGISTRATION_PACKET RegistrationPacket;
    NTSTATUS Status;

    WDF_DRIVER_CONFIG_INIT(&DriverConfig, AcmeGpioEvtDeviceAdd);
    DriverConfig.EvtDriverUnload = AcmeGpioEvtDriverUnload;

    Status = WdfDriverCreate(DriverObject,
                             RegistryPath,
                             WDF_NO_OBJECT_ATTRIBUTES,
                             &DriverConfig,
                             &Driver);

    if (!NT_SUCCESS(Status)) {
        goto DriverEntryEnd;
    }

    RtlZeroMemory(&RegistrationPacket, sizeof(RegistrationPacket));
    RegistrationPacket.Version = GPIO_CLIENT_VERSION;
    RegistrationPacket.Size = sizeof(GPIO_CLIENT_REGISTRATION_PACKET);
    RegistrationPacket.ControllerContextSize = sizeof(ACME_GPIO_CONTEXT);

    RegistrationPacket.CLIENT_PrepareController = AcmeGpioPrepareController;
    RegistrationPacket.CLIENT_ReleaseController = AcmeGpioReleaseController;
    RegistrationPacket.CLIENT_StartController = AcmeGpioStartController;
    RegistrationPacket.CLIENT_StopController = AcmeGpioStopController;
    RegistrationPacket.CLIENT_QueryControllerBasicInformation =
        AcmeGpioQueryControllerBasicInformation;

    RegistrationPacket.CLIENT_ConnectIoPins = AcmeGpioConnectIoPins;
    RegistrationPacket.CLIENT_DisconnectIoPins = AcmeGpioDisconnectIoPins;
    RegistrationPacket.CLIENT_ReadGpioPins = AcmeGpioReadGpioPins;
    RegistrationPacket.CLIENT_WriteGpioPins = AcmeGpioWriteGpioPins;

    Status = GPIO_CLX_RegisterClient(Driver, &RegistrationPacket, RegistryPath);

DriverEntryEnd:
    return Status;
}

_Use_decl_annotations_
NTSTATUS
AcmeGpioEvtDeviceAdd (
    WDFDRIVER Driver,
    PWDFDEVICE_INIT DeviceInit
    )

/*++

Routine Description:

    Lets GpioClx prepare the device, then creates it.

--*/

{
    WDFDEVICE Device;
    WDF_OBJECT_ATTRIBUTES FdoAttributes;
    NTSTATUS Status;

    PAGED_CODE();

    Status = GPIO_CLX_ProcessAddDevicePreDeviceCreate(Driver,
                                                      DeviceInit,
                                                      &FdoAttributes);

    if (!NT_SUCCESS(Status)) {
        goto EvtDeviceAddEnd;
    }

    Status = WdfDeviceCreate(&DeviceInit, &FdoAttributes, &Device);
    if (!NT_SUCCESS(Status)) {
        goto EvtDeviceAddEnd;
    }

    Status = GPIO_CLX_ProcessAddDevicePostDeviceCreate(Driver, Device);

EvtDeviceAddEnd:
    return Status;
}

_Use_decl_annotations_
VOID
AcmeGpioEvtDriverUnload (
    WDFDRIVER Driver
    )

/*++

Routine Description:

    Unregisters this driver from GpioClx.

--*/

{
    NTSTATUS Status;

    PAGED_CODE();

    Status = GPIO_CLX_UnregisterClient(Driver);
    NT_ASSERT(NT_SUCCESS(Status));
}

//
// ------------------------------------------------------- Controller setup
//

_Use_decl_annotations_
NTSTATUS
AcmeGpioPrepareController (
    WDFDEVICE Device,
    PVOID Context,
    WDFCMRESLIST ResourcesRaw,
    WDFCMRESLIST ResourcesTranslated
    )

/*++

Routine Description:

    Finds the controller's register block in the translated resources and
    maps it. Interrupt resources are counted only: GpioClx connects the
    controller's interrupt itself.

--*/

{
    PCM_PARTIAL_RESOURCE_DESCRIPTOR Descriptor;
    PACME_GPIO_CONTEXT GpioContext;
    ULONG Index;
    PCM_PARTIAL_RESOURCE_DESCRIPTOR MemoryDescriptor;
    ULONG ResourceCount;

    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(ResourcesRaw);

    PAGED_CODE();

    GpioContext = (PACME_GPIO_CONTEXT)Context;
    MemoryDescriptor = NULL;
    GpioContext->InterruptResourceCount = 0;

    ResourceCount = WdfCmResourceListGetCount(ResourcesTranslated);
    for (Index = 0; Index < ResourceCount; Index += 1) {
        Descriptor = WdfCmResourceListGetDescriptor(ResourcesTranslated, Index);
        if (Descriptor == NULL) {
            continue;
        }

        switch (Descriptor->Type) {
        case CmResourceTypeMemory:
            if (MemoryDescriptor == NULL) {
                MemoryDescriptor = Descriptor;
            }

            break;

        case CmResourceTypeInterrupt:
            GpioContext->InterruptResourceCount += 1;
            break;

        default:
            break;
        }
    }

    if ((MemoryDescriptor == NULL) ||
        (MemoryDescriptor->u.Memory.Length < ACME_GPIO_REGISTER_SPACE)) {

        return STATUS_DEVICE_CONFIGURATION_ERROR;
    }

    GpioContext->RegisterBase =
        (PUCHAR)MmMapIoSpaceEx(MemoryDescriptor->u.Memory.Start,
                               MemoryDescriptor->u.Memory.Length,
                               PAGE_READWRITE | PAGE_NOCACHE);

    if (GpioContext->RegisterBase == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    GpioContext->RegisterLength = MemoryDescriptor->u.Memory.Length;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
AcmeGpioReleaseController (
    WDFDEVICE Device,
    PVOID Context
    )
{
    PACME_GPIO_CONTEXT GpioContext;

    UNREFERENCED_PARAMETER(Device);

    PAGED_CODE();

    GpioContext = (PACME_GPIO_CONTEXT)Context;
    if (GpioContext->RegisterBase != NULL) {
        MmUnmapIoSpace(GpioContext->RegisterBase, GpioContext->RegisterLength);
        GpioContext->RegisterBase = NULL;
    }

    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
AcmeGpioQueryControllerBasicInformation (
    PVOID Context,
    PCLIENT_CONTROLLER_BASIC_INFORMATION ControllerInformation
    )
{
    ULONG BankIndex;

    UNREFERENCED_PARAMETER(Context);

    ControllerInformation->Version = GPIO_CONTROLLER_BASIC_INFORMATION_VERSION;
    ControllerInformation->Size = sizeof(CLIENT_CONTROLLER_BASIC_INFORMATION);
    ControllerInformation->TotalPins = ACME_GPIO_TOTAL_PINS;
    ControllerInformation->NumberOfPinsPerBank = ACME_GPIO_PINS_PER_BANK;

    //
    // Registers are memory mapped. I/O requests come as pin tables.
    //

    ControllerInformation->Flags.AsULONG = 0;
    ControllerInformation->Flags.MemoryMappedController = 1;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
AcmeGpioStartController (
    PVOID Context,
    BOOLEAN RestoreContext,
    WDF_POWER_DEVICE_STATE PreviousPowerState
    )

/*++

Routine Description:

    Powers the controller up. The first time, interrupts are masked and
    cleared (this driver never enables them), and pin directions and output
    levels are left as firmware set them. After a power-down they are
    restored.

--*/

{
    PACME_GPIO_CONTEXT GpioContext;

    UNREFERENCED_PARAMETER(PreviousPowerState);

    GpioContext = (PACME_GPIO_CONTEXT)Context;
    if (RestoreContext != FALSE) {
        AcmeGpioWriteRegister(GpioContext,
                              ACME_GPIO_REG_DATA(ACME_GPIO_ALL_PINS),
                              GpioContext->SavedState.Data);

        AcmeGpioWriteRegister(GpioContext,
                              ACME_GPIO_REG_DIRECTION,
                              GpioContext->SavedState.Direction);

    } else {
        AcmeGpioWriteRegister(GpioContext, ACME_GPIO_REG_INT_ENABLE, 0);
        AcmeGpioWriteRegister(GpioContext,
                              ACME_GPIO_REG_INT_CLEAR,
                              ACME_GPIO_ALL_PINS);
    }

    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
AcmeGpioStopController (
    PVOID Context,
    BOOLEAN SaveContext,
    WDF_POWER_DEVICE_STATE TargetState
    )
{
    PACME_GPIO_CONTEXT GpioContext;

    UNREFERENCED_PARAMETER(TargetState);

    GpioContext = (PACME_GPIO_CONTEXT)Context;
    if (SaveContext != FALSE) {
        GpioContext->SavedState.Direction =
            AcmeGpioReadRegister(GpioContext, ACME_GPIO_REG_DIRECTION);

        GpioContext->SavedState.Data =
            AcmeGpioReadRegister(GpioContext,
                                 ACME_GPIO_REG_DATA(ACME_GPIO_ALL_PINS));
    }

    return STATUS_SUCCESS;
}

//
// -------------------------------------------------------------------- I/O
//

_Use_decl_annotations_
NTSTATUS
AcmeGpioConnectIoPins (
    PVOID Context,
    PGPIO_CONNECT_IO_PINS_PARAMETERS ConnectParameters
    )

/*++

Routine Description:

    Puts pins under software control as inputs or outputs.

--*/

{
    UCHAR AltFunction;
    UCHAR Direction;
    PACME_GPIO_CONTEXT GpioContext;
    UCHAR PinMask;
    NTSTATUS Status;

    PAGED_CODE();

    GpioContext = (PACME_GPIO_CONTEXT)Context;
    if (ConnectParameters->BankId >= ACME_GPIO_BANK_COUNT) {
        return STATUS_INVALID_PARAMETER;
    }

    //
    // The PL061 has no pull resistors.
    //

    if ((ConnectParameters->PullConfiguration != GPIO_PIN_PULL_CONFIGURATION_DEFAULT) &&
        (ConnectParameters->PullConfiguration != GPIO_PIN_PULL_CONFIGURATION_NONE)) {

        return STATUS_NOT_SUPPORTED;
    }

    if ((ConnectParameters->DebounceTimeout != 0) ||
        (ConnectParameters->DriveStrength != 0)) {

        return STATUS_NOT_SUPPORTED;
    }

    if ((ConnectParameters->ConnectMode != ConnectModeInput) &&
        (ConnectParameters->ConnectMode != ConnectModeOutput)) {

        return STATUS_NOT_SUPPORTED;
    }

    Status = AcmeGpioPinTableToMask(ConnectParameters->PinNumberTable,
                                    ConnectParameters->PinCount,
                                    &PinMask);

    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    Direction = AcmeGpioReadRegister(GpioContext, ACME_GPIO_REG_DIRECTION);
    switch (ConnectParameters->ConnectMode) {
    case ConnectModeInput:
        Direction &= ~PinMask;
        break;

    case ConnectModeOutput:
        Direction |= PinMask;
        break;
    }

    AcmeGpioWriteRegister(GpioContext, ACME_GPIO_REG_DIRECTION, Direction);

    AltFunction = AcmeGpioReadRegister(GpioContext, ACME_GPIO_REG_ALT_FUNCTION);
    AcmeGpioWriteRegister(GpioContext,
                          ACME_GPIO_REG_ALT_FUNCTION,
                          AltFunction & ~PinMask);

    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
AcmeGpioDisconnectIoPins (
    PVOID Context,
    PGPIO_DISCONNECT_IO_PINS_PARAMETERS DisconnectParameters
    )

/*++

Routine Description:

    Releases pins. Unless GpioClx asks to preserve their configuration,
    outputs go back to inputs (their reset state).

--*/

{
    UCHAR Direction;
    PACME_GPIO_CONTEXT GpioContext;
    UCHAR PinMask;
    NTSTATUS Status;

    PAGED_CODE();

    GpioContext = (PACME_GPIO_CONTEXT)Context;
    if (DisconnectParameters->BankId >= ACME_GPIO_BANK_COUNT) {
        return STATUS_INVALID_PARAMETER;
    }

    if (DisconnectParameters->DisconnectFlags.PreserveConfiguration != 0) {
        return STATUS_SUCCESS;
    }

    Status = AcmeGpioPinTableToMask(DisconnectParameters->PinNumberTable,
                                    DisconnectParameters->PinCount,
                                    &PinMask);

    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    Direction = AcmeGpioReadRegister(GpioContext, ACME_GPIO_REG_DIRECTION);
    AcmeGpioWriteRegister(GpioContext,
                          ACME_GPIO_REG_DIRECTION,
                          Direction & ~PinMask);

    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
AcmeGpioReadGpioPins (
    PVOID Context,
    PGPIO_READ_PINS_PARAMETERS ReadParameters
    )

/*++

Routine Description:

    Reads the pins named in the pin table into the bit buffer: bit N of the
    buffer is the level of PinNumberTable[N]. One read of the data register
    returns every pin, inputs and outputs alike.

--*/

{
    PUCHAR Buffer;
    UCHAR Data;
    PACME_GPIO_CONTEXT GpioContext;
    ULONG Index;
    PIN_NUMBER PinNumber;

    GpioContext = (PACME_GPIO_CONTEXT)Context;
    if (ReadParameters->BankId >= ACME_GPIO_BANK_COUNT) {
        return STATUS_INVALID_PARAMETER;
    }

    Buffer = (PUCHAR)ReadParameters->Buffer;
    RtlZeroMemory(Buffer, (ReadParameters->PinCount + 7) / 8);

    Data = AcmeGpioReadRegister(GpioContext,
                                ACME_GPIO_REG_DATA(ACME_GPIO_ALL_PINS));

    for (Index = 0; Index < ReadParameters->PinCount; Index += 1) {
        PinNumber = ReadParameters->PinNumberTable[Index];
        if (PinNumber >= ACME_GPIO_PINS_PER_BANK) {
            return STATUS_INVALID_PARAMETER;
        }

        if ((Data & ACME_GPIO_PIN_BIT(PinNumber)) != 0) {
            Buffer[Index / 8] |= (UCHAR)(1 << (Index % 8));
        }
    }

    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
AcmeGpioWriteGpioPins (
    PVOID Context,
    PGPIO_WRITE_PINS_PARAMETERS WriteParameters
    )

/*++

Routine Description:

    Drives the pins named in the pin table to the levels in the bit buffer.
    The data register's address masks the write to exactly these pins, so
    the other pins are untouched without a read-modify-write.

--*/

{
    PUCHAR Buffer;
    PACME_GPIO_CONTEXT GpioContext;
    ULONG Index;
    UCHAR PinMask;
    PIN_NUMBER PinNumber;
    UCHAR Value;

    GpioContext = (PACME_GPIO_CONTEXT)Context;
    if (WriteParameters->BankId >= ACME_GPIO_BANK_COUNT) {
        return STATUS_INVALID_PARAMETER;
    }

    Buffer = (PUCHAR)WriteParameters->Buffer;
    PinMask = 0;
    Value = 0;
    for (Index = 0; Index < WriteParameters->PinCount; Index += 1) {
        PinNumber = WriteParameters->PinNumberTable[Index];
        if (PinNumber >= ACME_GPIO_PINS_PER_BANK) {
            return STATUS_INVALID_PARAMETER;
        }

        PinMask |= ACME_GPIO_PIN_BIT(PinNumber);
        if ((Buffer[Index / 8] & (1 << (Index % 8))) != 0) {
            Value |= ACME_GPIO_PIN_BIT(PinNumber);
        }
    }

    AcmeGpioWriteRegister(GpioContext, ACME_GPIO_REG_DATA(PinMask), Value);
    return STATUS_SUCCESS;
}

//
// ---------------------------------------------------------------- Helpers
//

static
NTSTATUS
AcmeGpioPinTableToMask (
    _In_reads_(PinCount) PPIN_NUMBER PinNumberTable,
    _In_ ULONG PinCount,
    _Out_ PUCHAR PinMask
    )
{
    ULONG Index;

    *PinMask = 0;
    for (Index = 0; Index < PinCount; Index += 1) {
        if (PinNumberTable[Index] >= ACME_GPIO_PINS_PER_BANK) {
            return STATUS_INVALID_PARAMETER;
        }

        *PinMask |= ACME_GPIO_PIN_BIT(PinNumberTable[Index]);
    }

    return STATUS_SUCCESS;
}
