/* SPDX-License-Identifier: GPL-2.0-or-later */
/*++

Copyright (c) Acme Embedded Systems. All rights reserved.

Module Name:

    acmegpio.h

Abstract:

    Private definitions of the Acme GPIO controller driver, a GpioClx client
    for the ARM PrimeCell PL061 found on the Acme reference boards (and on
    QEMU's "virt" machine).

    This is the worked example of gpioclx-linux's README ("Porting a GpioClx
    client"): a client written the way one is written for Windows, built
    for Linux without changing a line.

Environment:

    Kernel mode

--*/

#pragma once

#include <ntddk.h>
#include <wdf.h>
#include <gpioclx.h>

//
// Controller geometry: one bank of eight pins.
//

#define ACME_GPIO_PINS_PER_BANK         8
#define ACME_GPIO_TOTAL_PINS            8
#define ACME_GPIO_BANK_COUNT            1

//
// Register offsets (PL061 TRM, ARM DDI 0190). Registers are 8 bits wide on
// word boundaries.
//
// The data register is mirrored 256 times: bits [9:2] of the offset select
// which pins a read returns or a write may change.
//

#define ACME_GPIO_REG_DATA_BASE         0x000
#define ACME_GPIO_REG_DATA(PinMask)     (ACME_GPIO_REG_DATA_BASE + ((ULONG)(PinMask) << 2))
#define ACME_GPIO_REG_DIRECTION         0x400   // 1 = output
#define ACME_GPIO_REG_INT_ENABLE        0x410   // 1 = interrupt enabled
#define ACME_GPIO_REG_INT_CLEAR         0x41C   // write 1 to clear an edge
#define ACME_GPIO_REG_ALT_FUNCTION      0x420   // 1 = hardware controlled

#define ACME_GPIO_REGISTER_SPACE        0x1000
#define ACME_GPIO_ALL_PINS              0xFF

#define ACME_GPIO_PIN_BIT(Pin)          ((UCHAR)(1 << (Pin)))

//
// Register state kept across a power-down (StopController with
// SaveContext, StartController with RestoreContext).
//

typedef struct _ACME_GPIO_SAVED_STATE {
    UCHAR Direction;
    UCHAR Data;
} ACME_GPIO_SAVED_STATE, *PACME_GPIO_SAVED_STATE;

//
// The device extension GpioClx allocates for us (ControllerContextSize).
//

typedef struct _ACME_GPIO_CONTEXT {
    PUCHAR RegisterBase;
    ULONG RegisterLength;
    ULONG InterruptResourceCount;
    ACME_GPIO_SAVED_STATE SavedState;
} ACME_GPIO_CONTEXT, *PACME_GPIO_CONTEXT;

//
// Register access helpers.
//

FORCEINLINE
UCHAR
AcmeGpioReadRegister (
    _In_ PACME_GPIO_CONTEXT GpioContext,
    _In_ ULONG Offset
    )
{
    return READ_REGISTER_UCHAR(GpioContext->RegisterBase + Offset);
}

FORCEINLINE
VOID
AcmeGpioWriteRegister (
    _In_ PACME_GPIO_CONTEXT GpioContext,
    _In_ ULONG Offset,
    _In_ UCHAR Value
    )
{
    WRITE_REGISTER_UCHAR(GpioContext->RegisterBase + Offset, Value);
}

//
// Driver and GpioClx callbacks.
//

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD AcmeGpioEvtDeviceAdd;
EVT_WDF_DRIVER_UNLOAD AcmeGpioEvtDriverUnload;

GPIO_CLIENT_PREPARE_CONTROLLER AcmeGpioPrepareController;
GPIO_CLIENT_RELEASE_CONTROLLER AcmeGpioReleaseController;
GPIO_CLIENT_START_CONTROLLER AcmeGpioStartController;
GPIO_CLIENT_STOP_CONTROLLER AcmeGpioStopController;
GPIO_CLIENT_QUERY_CONTROLLER_BASIC_INFORMATION AcmeGpioQueryControllerBasicInformation;
GPIO_CLIENT_CONNECT_IO_PINS AcmeGpioConnectIoPins;
GPIO_CLIENT_DISCONNECT_IO_PINS AcmeGpioDisconnectIoPins;
GPIO_CLIENT_READ_PINS AcmeGpioReadGpioPins;
GPIO_CLIENT_WRITE_PINS AcmeGpioWriteGpioPins;
