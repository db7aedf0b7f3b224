// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pl061_gpio.c - GpioClx client driver for the ARM PrimeCell PL061 GPIO controller.
 *
 * This file is written the way a Windows GpioClx client is written: a KMDF
 * DriverEntry that registers the CLIENT_* callbacks, an EvtDriverDeviceAdd
 * that lets GpioClx create the device, and callbacks that only touch the
 * hardware. It includes nothing but the WDK headers, so the same source
 * builds for Windows and, through the gpioclx shim, for Linux.
 *
 * Controller model (register map in pl061_regs.h):
 *   - one bank of 8 pins in a 4 KiB memory-mapped block, 8-bit registers;
 *   - GPIODATA is address-masked: address bits [9:2] select the pins an
 *     access reads or writes, so a whole bank is read in one access and any
 *     subset of the pins is written in one access without read-modify-write;
 *     writes to pins configured as inputs are dropped by the hardware;
 *   - GPIODIR selects input (0) or output (1); GPIOAFSEL hands a pin to the
 *     hardware (alternate) function, so connecting a pin clears its bit;
 *   - interrupts: GPIOIS level/edge, GPIOIBE both edges, GPIOIEV polarity,
 *     GPIOIE enable (this is the mask: masking a pin clears its bit, and an
 *     edge that arrives meanwhile stays latched in GPIORIS and fires on
 *     unmask), GPIOMIS = GPIORIS & GPIOIE, GPIOIC clears latched edges. Both
 *     edges are detected in hardware, so ActiveBoth is not emulated;
 *   - no pull, debounce or drive-strength control: requests for them fail
 *     with STATUS_NOT_SUPPORTED so the host can fall back.
 *
 * Synchronization: GpioClx calls the ISR-path callbacks (Mask, Unmask,
 * QueryActive, Clear, Reconfigure, QueryEnabled) with the bank's interrupt
 * lock held; Enable and Disable run at PASSIVE_LEVEL without it and take it
 * around their read-modify-writes of the interrupt registers. GPIODATA
 * accesses are single and touch no interrupt register, so I/O is independent
 * of the interrupt lock. Connect/Disconnect and Start/Stop are serialized
 * by GpioClx and own GPIODIR and GPIOAFSEL, which the ISR path never touches.
 */
#include <ntddk.h>
#include <wdf.h>
#include <gpioclx.h>

#include "pl061_regs.h"

#define PL061_BANK_ID		0
#define PL061_PIN_MASK(Pin)	((UCHAR)(1U << (Pin)))

/* Registers StopController saves and StartController restores. */
typedef struct _PL061_SAVED_CONTEXT {
	UCHAR Data;
	UCHAR Direction;
	UCHAR InterruptSense;
	UCHAR InterruptBothEdges;
	UCHAR InterruptEvent;
	UCHAR InterruptEnable;
	UCHAR AlternateFunction;
} PL061_SAVED_CONTEXT, *PPL061_SAVED_CONTEXT;

/* The per-controller context GpioClx allocates (ControllerContextSize). */
typedef struct _PL061_CONTEXT {
	PUCHAR ControllerBase;
	SIZE_T ControllerLength;
	PL061_SAVED_CONTEXT SavedContext;
} PL061_CONTEXT, *PPL061_CONTEXT;

/* How one pin's interrupt is detected, as GPIOIS/GPIOIBE/GPIOIEV bits. */
typedef struct _PL061_TRIGGER {
	BOOLEAN LevelSensitive;
	BOOLEAN BothEdges;
	BOOLEAN HighOrRising;
} PL061_TRIGGER, *PPL061_TRIGGER;
typedef const struct _PL061_TRIGGER *PCPL061_TRIGGER;

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD Pl061EvtDeviceAdd;
EVT_WDF_DRIVER_UNLOAD Pl061EvtDriverUnload;

GPIO_CLIENT_PREPARE_CONTROLLER Pl061PrepareController;
GPIO_CLIENT_RELEASE_CONTROLLER Pl061ReleaseController;
GPIO_CLIENT_START_CONTROLLER Pl061StartController;
GPIO_CLIENT_STOP_CONTROLLER Pl061StopController;
GPIO_CLIENT_QUERY_CONTROLLER_BASIC_INFORMATION Pl061QueryControllerBasicInformation;
GPIO_CLIENT_ENABLE_INTERRUPT Pl061EnableInterrupt;
GPIO_CLIENT_DISABLE_INTERRUPT Pl061DisableInterrupt;
GPIO_CLIENT_UNMASK_INTERRUPT Pl061UnmaskInterrupt;
GPIO_CLIENT_MASK_INTERRUPTS Pl061MaskInterrupts;
GPIO_CLIENT_QUERY_ACTIVE_INTERRUPTS Pl061QueryActiveInterrupts;
GPIO_CLIENT_CLEAR_ACTIVE_INTERRUPTS Pl061ClearActiveInterrupts;
GPIO_CLIENT_RECONFIGURE_INTERRUPT Pl061ReconfigureInterrupt;
GPIO_CLIENT_QUERY_ENABLED_INTERRUPTS Pl061QueryEnabledInterrupts;
GPIO_CLIENT_CONNECT_IO_PINS Pl061ConnectIoPins;
GPIO_CLIENT_DISCONNECT_IO_PINS Pl061DisconnectIoPins;
GPIO_CLIENT_READ_PINS_MASK Pl061ReadGpioPinsUsingMask;
GPIO_CLIENT_WRITE_PINS_MASK Pl061WriteGpioPinsUsingMask;

/* Register accessors: one 8-bit access each. */
static UCHAR Pl061ReadRegister(_In_ PPL061_CONTEXT GpioContext, _In_ ULONG Offset)
{
	return READ_REGISTER_UCHAR(GpioContext->ControllerBase + Offset);
}

static VOID Pl061WriteRegister(_In_ PPL061_CONTEXT GpioContext, _In_ ULONG Offset,
			       _In_ UCHAR Value)
{
	WRITE_REGISTER_UCHAR(GpioContext->ControllerBase + Offset, Value);
}

/* Set or clear the bits of PinMask in one register; skip the write if nothing changes. */
static VOID Pl061UpdateRegister(_In_ PPL061_CONTEXT GpioContext, _In_ ULONG Offset,
				_In_ UCHAR PinMask, _In_ BOOLEAN Set)
{
	UCHAR Old = Pl061ReadRegister(GpioContext, Offset);
	UCHAR New = Set ? (Old | PinMask) : (Old & (UCHAR)~PinMask);

	if (New != Old)
		Pl061WriteRegister(GpioContext, Offset, New);
}

/* The block identifies itself as a PL061 (any revision) PrimeCell. */
static BOOLEAN Pl061IdentifyController(_In_ PPL061_CONTEXT GpioContext)
{
	UCHAR PeriphId2 = Pl061ReadRegister(GpioContext, PL061_GPIOPERIPHID2);

	return Pl061ReadRegister(GpioContext, PL061_GPIOPERIPHID0) == PL061_PERIPHID0_VALUE &&
	       Pl061ReadRegister(GpioContext, PL061_GPIOPERIPHID1) == PL061_PERIPHID1_VALUE &&
	       (PeriphId2 & (UCHAR)~PL061_PERIPHID2_REVISION_MASK) == PL061_PERIPHID2_VALUE &&
	       Pl061ReadRegister(GpioContext, PL061_GPIOPERIPHID3) == PL061_PERIPHID3_VALUE &&
	       Pl061ReadRegister(GpioContext, PL061_GPIOPCELLID0) == PL061_PCELLID0_VALUE &&
	       Pl061ReadRegister(GpioContext, PL061_GPIOPCELLID1) == PL061_PCELLID1_VALUE &&
	       Pl061ReadRegister(GpioContext, PL061_GPIOPCELLID2) == PL061_PCELLID2_VALUE &&
	       Pl061ReadRegister(GpioContext, PL061_GPIOPCELLID3) == PL061_PCELLID3_VALUE;
}

/* A bank-relative pin this controller has. */
static BOOLEAN Pl061IsValidPin(_In_ BANK_ID BankId, _In_ PIN_NUMBER PinNumber)
{
	return BankId == PL061_BANK_ID && PinNumber < PL061_PIN_COUNT;
}

/* Validate a pin table and turn it into a bank mask. */
static NTSTATUS Pl061PinTableToMask(_In_ BANK_ID BankId, _In_ PPIN_NUMBER PinNumberTable,
				    _In_ ULONG PinCount, _Out_ PUCHAR PinMask)
{
	ULONG Index;

	*PinMask = 0;
	if (BankId != PL061_BANK_ID || !PinNumberTable || !PinCount)
		return STATUS_INVALID_PARAMETER;
	for (Index = 0; Index < PinCount; Index++) {
		if (PinNumberTable[Index] >= PL061_PIN_COUNT)
			return STATUS_INVALID_PARAMETER;
		*PinMask |= PL061_PIN_MASK(PinNumberTable[Index]);
	}
	return STATUS_SUCCESS;
}

/*
 * Translate a GpioClx mode and polarity into the PL061's detection bits:
 * level high/low, a single rising or falling edge, or both edges.
 */
static NTSTATUS Pl061GetTrigger(_In_ KINTERRUPT_MODE InterruptMode,
				_In_ KINTERRUPT_POLARITY Polarity, _Out_ PPL061_TRIGGER Trigger)
{
	RtlZeroMemory(Trigger, sizeof(*Trigger));
	if (InterruptMode == LevelSensitive) {
		Trigger->LevelSensitive = TRUE;
		if (Polarity == InterruptActiveHigh)
			Trigger->HighOrRising = TRUE;
		else if (Polarity != InterruptActiveLow)
			return STATUS_NOT_SUPPORTED;
		return STATUS_SUCCESS;
	}
	if (InterruptMode != Latched)
		return STATUS_NOT_SUPPORTED;
	switch (Polarity) {
	case InterruptRisingEdge:
		Trigger->HighOrRising = TRUE;
		break;
	case InterruptFallingEdge:
		break;
	case InterruptActiveBoth:
	case InterruptActiveBothTriggerHigh:
		/* The hardware sees both edges; the initial trigger level is moot. */
		Trigger->BothEdges = TRUE;
		break;
	default:
		return STATUS_NOT_SUPPORTED;
	}
	return STATUS_SUCCESS;
}

/* Program GPIOIS, GPIOIBE and GPIOIEV for the pins in PinMask. */
static VOID Pl061ProgramTrigger(_In_ PPL061_CONTEXT GpioContext, _In_ UCHAR PinMask,
				_In_ PCPL061_TRIGGER Trigger)
{
	Pl061UpdateRegister(GpioContext, PL061_GPIOIS, PinMask, Trigger->LevelSensitive);
	Pl061UpdateRegister(GpioContext, PL061_GPIOIBE, PinMask, Trigger->BothEdges);
	Pl061UpdateRegister(GpioContext, PL061_GPIOIEV, PinMask, Trigger->HighOrRising);
}

/* The PL061 has no pull or debounce hardware: only "leave it as it is" is honoured. */
static BOOLEAN Pl061IsDefaultPull(_In_ UCHAR PullConfiguration)
{
	return PullConfiguration == GPIO_PIN_PULL_CONFIGURATION_DEFAULT ||
	       PullConfiguration == GPIO_PIN_PULL_CONFIGURATION_NONE;
}

/* Driver load: create the WDF driver and register the GpioClx callbacks. */
NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
	GPIO_CLIENT_REGISTRATION_PACKET RegistrationPacket;
	WDF_DRIVER_CONFIG DriverConfig;
	WDFDRIVER Driver;
	NTSTATUS Status;

	WDF_DRIVER_CONFIG_INIT(&DriverConfig, Pl061EvtDeviceAdd);
	DriverConfig.EvtDriverUnload = Pl061EvtDriverUnload;
	Status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
				 &DriverConfig, &Driver);
	if (!NT_SUCCESS(Status))
		return Status;

	RtlZeroMemory(&RegistrationPacket, sizeof(RegistrationPacket));
	RegistrationPacket.Version = GPIO_CLIENT_VERSION;
	RegistrationPacket.Size = sizeof(GPIO_CLIENT_REGISTRATION_PACKET);
	RegistrationPacket.ControllerContextSize = sizeof(PL061_CONTEXT);

	RegistrationPacket.CLIENT_PrepareController = Pl061PrepareController;
	RegistrationPacket.CLIENT_ReleaseController = Pl061ReleaseController;
	RegistrationPacket.CLIENT_StartController = Pl061StartController;
	RegistrationPacket.CLIENT_StopController = Pl061StopController;
	RegistrationPacket.CLIENT_QueryControllerBasicInformation =
		Pl061QueryControllerBasicInformation;

	RegistrationPacket.CLIENT_EnableInterrupt = Pl061EnableInterrupt;
	RegistrationPacket.CLIENT_DisableInterrupt = Pl061DisableInterrupt;
	RegistrationPacket.CLIENT_UnmaskInterrupt = Pl061UnmaskInterrupt;
	RegistrationPacket.CLIENT_MaskInterrupts = Pl061MaskInterrupts;
	RegistrationPacket.CLIENT_QueryActiveInterrupts = Pl061QueryActiveInterrupts;
	RegistrationPacket.CLIENT_ClearActiveInterrupts = Pl061ClearActiveInterrupts;
	RegistrationPacket.CLIENT_ReconfigureInterrupt = Pl061ReconfigureInterrupt;
	RegistrationPacket.CLIENT_QueryEnabledInterrupts = Pl061QueryEnabledInterrupts;

	RegistrationPacket.CLIENT_ConnectIoPins = Pl061ConnectIoPins;
	RegistrationPacket.CLIENT_DisconnectIoPins = Pl061DisconnectIoPins;
	RegistrationPacket.CLIENT_ReadGpioPinsUsingMask = Pl061ReadGpioPinsUsingMask;
	RegistrationPacket.CLIENT_WriteGpioPinsUsingMask = Pl061WriteGpioPinsUsingMask;

	return GPIO_CLX_RegisterClient(Driver, &RegistrationPacket, RegistryPath);
}

/* A controller was found: let GpioClx create and own its device object. */
NTSTATUS Pl061EvtDeviceAdd(_In_ WDFDRIVER Driver, _Inout_ PWDFDEVICE_INIT DeviceInit)
{
	WDF_OBJECT_ATTRIBUTES FdoAttributes;
	WDFDEVICE Device;
	NTSTATUS Status;

	PAGED_CODE();

	Status = GPIO_CLX_ProcessAddDevicePreDeviceCreate(Driver, DeviceInit, &FdoAttributes);
	if (!NT_SUCCESS(Status))
		return Status;
	Status = WdfDeviceCreate(&DeviceInit, &FdoAttributes, &Device);
	if (!NT_SUCCESS(Status))
		return Status;
	return GPIO_CLX_ProcessAddDevicePostDeviceCreate(Driver, Device);
}

/* Driver unload: undo the GpioClx registration. */
VOID Pl061EvtDriverUnload(_In_ WDFDRIVER Driver)
{
	NTSTATUS Status;

	PAGED_CODE();

	Status = GPIO_CLX_UnregisterClient(Driver);
	NT_VERIFY(NT_SUCCESS(Status));
}

/* Map the 4 KiB register block and check it is a PL061; interrupts belong to GpioClx. */
NTSTATUS Pl061PrepareController(_In_ WDFDEVICE Device, _In_ PVOID Context,
				_In_ WDFCMRESLIST ResourcesRaw,
				_In_ WDFCMRESLIST ResourcesTranslated)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;
	PCM_PARTIAL_RESOURCE_DESCRIPTOR Descriptor, MemoryDescriptor = NULL;
	ULONG Count, Index;

	UNREFERENCED_PARAMETER(Device);
	UNREFERENCED_PARAMETER(ResourcesRaw);

	RtlZeroMemory(GpioContext, sizeof(PL061_CONTEXT));

	Count = WdfCmResourceListGetCount(ResourcesTranslated);
	for (Index = 0; Index < Count; Index++) {
		Descriptor = WdfCmResourceListGetDescriptor(ResourcesTranslated, Index);
		if (Descriptor && Descriptor->Type == CmResourceTypeMemory) {
			MemoryDescriptor = Descriptor;
			break;
		}
	}
	if (!MemoryDescriptor || MemoryDescriptor->u.Memory.Length < PL061_REGISTER_SPAN)
		return STATUS_INSUFFICIENT_RESOURCES;

	GpioContext->ControllerBase = (PUCHAR)MmMapIoSpaceEx(MemoryDescriptor->u.Memory.Start,
							     PL061_REGISTER_SPAN,
							     PAGE_READWRITE | PAGE_NOCACHE);
	if (!GpioContext->ControllerBase)
		return STATUS_INSUFFICIENT_RESOURCES;
	GpioContext->ControllerLength = PL061_REGISTER_SPAN;

	if (!Pl061IdentifyController(GpioContext)) {
		MmUnmapIoSpace(GpioContext->ControllerBase, GpioContext->ControllerLength);
		GpioContext->ControllerBase = NULL;
		GpioContext->ControllerLength = 0;
		return STATUS_DEVICE_DOES_NOT_EXIST;
	}
	return STATUS_SUCCESS;
}

/* Unmap the register block; the device is no longer accessible. */
NTSTATUS Pl061ReleaseController(_In_ WDFDEVICE Device, _In_ PVOID Context)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;

	UNREFERENCED_PARAMETER(Device);

	if (GpioContext->ControllerBase) {
		MmUnmapIoSpace(GpioContext->ControllerBase, GpioContext->ControllerLength);
		GpioContext->ControllerBase = NULL;
		GpioContext->ControllerLength = 0;
	}
	return STATUS_SUCCESS;
}

/* Describe the controller: one memory-mapped bank of 8 pins, I/O as bank masks. */
NTSTATUS
Pl061QueryControllerBasicInformation(_In_ PVOID Context,
				     _Out_ PCLIENT_CONTROLLER_BASIC_INFORMATION Information)
{
	UNREFERENCED_PARAMETER(Context);

	RtlZeroMemory(Information, sizeof(CLIENT_CONTROLLER_BASIC_INFORMATION));
	Information->Version = GPIO_CONTROLLER_BASIC_INFORMATION_VERSION;
	Information->Size = sizeof(CLIENT_CONTROLLER_BASIC_INFORMATION);
	Information->TotalPins = PL061_PIN_COUNT;
	Information->NumberOfPinsPerBank = PL061_PIN_COUNT;
	Information->DeviceIdleTimeout = IdleTimeoutDefaultValue;
	Information->Flags.MemoryMappedController = 1;
	Information->Flags.FormatIoRequestsAsMasks = 1;
	/* GPIODATA is reached in single accesses that share nothing with the ISR path. */
	Information->Flags.IndependentIoHwSupported = 1;
	/* GPIOIC clears latched edges explicitly; reading GPIOMIS does not. */
	Information->Flags.ActiveInterruptsAutoClearOnRead = 0;
	/* GPIOIBE detects both edges in hardware. */
	Information->Flags.EmulateActiveBoth = 0;
	Information->Flags.EmulateDebouncing = 0;
	Information->Flags.DeviceIdlePowerMgmtSupported = 0;
	Information->Flags.BankIdlePowerMgmtSupported = 0;
	return STATUS_SUCCESS;
}

/*
 * Enter D0: on first start mask every interrupt and drop stale edges, and
 * leave the pins as found (directions, output levels and hardware function
 * are what firmware or the previous driver set up: a driven line stays
 * driven); on return from Dx restore what StopController saved.
 */
NTSTATUS Pl061StartController(_In_ PVOID Context, _In_ BOOLEAN RestoreContext,
			      _In_ WDF_POWER_DEVICE_STATE PreviousPowerState)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;
	PPL061_SAVED_CONTEXT Saved = &GpioContext->SavedContext;

	UNREFERENCED_PARAMETER(PreviousPowerState);

	if (!RestoreContext) {
		/*
		 * GPIODIR, GPIODATA and GPIOAFSEL are left alone, as the native
		 * driver does: ConnectIoPins sets a pin up when it is used.
		 */
		Pl061WriteRegister(GpioContext, PL061_GPIOIE, 0);
		Pl061WriteRegister(GpioContext, PL061_GPIOIC, PL061_ALL_PINS);
		return STATUS_SUCCESS;
	}

	/*
	 * Keep every pin masked while the detection is reprogrammed. Data writes
	 * reach output pins only, so the output levels go in after the direction.
	 */
	Pl061WriteRegister(GpioContext, PL061_GPIOIE, 0);
	Pl061WriteRegister(GpioContext, PL061_GPIODIR, Saved->Direction);
	Pl061WriteRegister(GpioContext, PL061_GPIODATA_ALL, Saved->Data);
	Pl061WriteRegister(GpioContext, PL061_GPIOAFSEL, Saved->AlternateFunction);
	Pl061WriteRegister(GpioContext, PL061_GPIOIS, Saved->InterruptSense);
	Pl061WriteRegister(GpioContext, PL061_GPIOIBE, Saved->InterruptBothEdges);
	Pl061WriteRegister(GpioContext, PL061_GPIOIEV, Saved->InterruptEvent);
	Pl061WriteRegister(GpioContext, PL061_GPIOIE, Saved->InterruptEnable);
	return STATUS_SUCCESS;
}

/* Leave D0: save the registers if asked; a final stop masks every interrupt. */
NTSTATUS Pl061StopController(_In_ PVOID Context, _In_ BOOLEAN SaveContext,
			     _In_ WDF_POWER_DEVICE_STATE TargetState)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;
	PPL061_SAVED_CONTEXT Saved = &GpioContext->SavedContext;

	UNREFERENCED_PARAMETER(TargetState);

	if (!SaveContext) {
		Pl061WriteRegister(GpioContext, PL061_GPIOIE, 0);
		return STATUS_SUCCESS;
	}

	/* Interrupt enables stay as they are: a wake source must still fire. */
	Saved->Data = Pl061ReadRegister(GpioContext, PL061_GPIODATA_ALL);
	Saved->Direction = Pl061ReadRegister(GpioContext, PL061_GPIODIR);
	Saved->InterruptSense = Pl061ReadRegister(GpioContext, PL061_GPIOIS);
	Saved->InterruptBothEdges = Pl061ReadRegister(GpioContext, PL061_GPIOIBE);
	Saved->InterruptEvent = Pl061ReadRegister(GpioContext, PL061_GPIOIEV);
	Saved->InterruptEnable = Pl061ReadRegister(GpioContext, PL061_GPIOIE);
	Saved->AlternateFunction = Pl061ReadRegister(GpioContext, PL061_GPIOAFSEL);
	return STATUS_SUCCESS;
}

/*
 * Configure the pins as GPIO inputs or outputs (GPIODIR) and take them from
 * the hardware function (GPIOAFSEL). Pull, debounce and drive strength
 * other than the default are not supported.
 */
NTSTATUS Pl061ConnectIoPins(_In_ PVOID Context,
			    _In_ PGPIO_CONNECT_IO_PINS_PARAMETERS ConnectParameters)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;
	GPIO_CONNECT_IO_PINS_MODE ConnectMode = ConnectParameters->ConnectMode;
	UCHAR PinMask;
	NTSTATUS Status;

	if (ConnectMode != ConnectModeInput && ConnectMode != ConnectModeOutput)
		return STATUS_INVALID_PARAMETER;
	Status = Pl061PinTableToMask(ConnectParameters->BankId, ConnectParameters->PinNumberTable,
				     ConnectParameters->PinCount, &PinMask);
	if (!NT_SUCCESS(Status))
		return Status;

	if (!Pl061IsDefaultPull(ConnectParameters->PullConfiguration))
		return STATUS_NOT_SUPPORTED;
	if (ConnectMode == ConnectModeInput && ConnectParameters->DebounceTimeout)
		return STATUS_NOT_SUPPORTED;
	if (ConnectMode == ConnectModeOutput && ConnectParameters->DriveStrength)
		return STATUS_NOT_SUPPORTED;

	Pl061UpdateRegister(GpioContext, PL061_GPIODIR, PinMask,
			    ConnectMode == ConnectModeOutput);
	Pl061UpdateRegister(GpioContext, PL061_GPIOAFSEL, PinMask, FALSE);
	return STATUS_SUCCESS;
}

/* Close a connection: leave the pins as they are if asked, else make them inputs. */
NTSTATUS Pl061DisconnectIoPins(_In_ PVOID Context,
			       _In_ PGPIO_DISCONNECT_IO_PINS_PARAMETERS DisconnectParameters)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;
	UCHAR PinMask;
	NTSTATUS Status;

	Status = Pl061PinTableToMask(DisconnectParameters->BankId,
				     DisconnectParameters->PinNumberTable,
				     DisconnectParameters->PinCount, &PinMask);
	if (!NT_SUCCESS(Status))
		return Status;
	if (DisconnectParameters->DisconnectFlags.PreserveConfiguration)
		return STATUS_SUCCESS;

	Pl061UpdateRegister(GpioContext, PL061_GPIODIR, PinMask, FALSE);
	return STATUS_SUCCESS;
}

/* Read the whole bank (inputs: pin level, outputs: driven level) in one access. */
NTSTATUS Pl061ReadGpioPinsUsingMask(_In_ PVOID Context,
				    _In_ PGPIO_READ_PINS_MASK_PARAMETERS ReadParameters)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;

	if (ReadParameters->BankId != PL061_BANK_ID || !ReadParameters->PinValues)
		return STATUS_INVALID_PARAMETER;

	*ReadParameters->PinValues = Pl061ReadRegister(GpioContext, PL061_GPIODATA_ALL);
	return STATUS_SUCCESS;
}

/*
 * Drive the SetMask pins high and the ClearMask pins low in one write: the
 * address mask selects exactly those pins, the others keep their level.
 */
NTSTATUS Pl061WriteGpioPinsUsingMask(_In_ PVOID Context,
				     _In_ PGPIO_WRITE_PINS_MASK_PARAMETERS WriteParameters)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;
	ULONG64 SetMask = WriteParameters->SetMask;
	ULONG64 ClearMask = WriteParameters->ClearMask;
	ULONG64 PinMask = SetMask | ClearMask;

	if (WriteParameters->BankId != PL061_BANK_ID || (PinMask & ~(ULONG64)PL061_ALL_PINS) ||
	    (SetMask & ClearMask))
		return STATUS_INVALID_PARAMETER;
	if (!PinMask)
		return STATUS_SUCCESS;

	Pl061WriteRegister(GpioContext, PL061_GPIODATA_MASKED(PinMask), (UCHAR)SetMask);
	return STATUS_SUCCESS;
}

/*
 * Configure one pin's detection and enable it, unmasked. Detection works on
 * the pad whatever the pin's direction, so GPIODIR is left to ConnectIoPins
 * and DisconnectIoPins: an unconnected pin keeps the direction it had when
 * the controller started (firmware's) or DisconnectIoPins gave it (input).
 */
NTSTATUS Pl061EnableInterrupt(_In_ PVOID Context,
			      _In_ PGPIO_ENABLE_INTERRUPT_PARAMETERS EnableParameters)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;
	PL061_TRIGGER Trigger;
	UCHAR PinMask;
	NTSTATUS Status;

	if (!Pl061IsValidPin(EnableParameters->BankId, EnableParameters->PinNumber))
		return STATUS_INVALID_PARAMETER;
	Status = Pl061GetTrigger(EnableParameters->InterruptMode, EnableParameters->Polarity,
				 &Trigger);
	if (!NT_SUCCESS(Status))
		return Status;
	if (!Pl061IsDefaultPull(EnableParameters->PullConfiguration) ||
	    EnableParameters->DebounceTimeout)
		return STATUS_NOT_SUPPORTED;

	PinMask = PL061_PIN_MASK(EnableParameters->PinNumber);
	GPIO_CLX_AcquireInterruptLock(Context, EnableParameters->BankId);
	Pl061ProgramTrigger(GpioContext, PinMask, &Trigger);
	/* An edge latched before now (or by the reprogramming) is stale. */
	Pl061WriteRegister(GpioContext, PL061_GPIOIC, PinMask);
	Pl061UpdateRegister(GpioContext, PL061_GPIOIE, PinMask, TRUE);
	GPIO_CLX_ReleaseInterruptLock(Context, EnableParameters->BankId);
	return STATUS_SUCCESS;
}

/* Disable one pin's interrupt and forget its detection settings. */
NTSTATUS Pl061DisableInterrupt(_In_ PVOID Context,
			       _In_ PGPIO_DISABLE_INTERRUPT_PARAMETERS DisableParameters)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;
	static const PL061_TRIGGER NoTrigger;
	UCHAR PinMask;

	if (!Pl061IsValidPin(DisableParameters->BankId, DisableParameters->PinNumber))
		return STATUS_INVALID_PARAMETER;

	PinMask = PL061_PIN_MASK(DisableParameters->PinNumber);
	GPIO_CLX_AcquireInterruptLock(Context, DisableParameters->BankId);
	Pl061UpdateRegister(GpioContext, PL061_GPIOIE, PinMask, FALSE);
	Pl061ProgramTrigger(GpioContext, PinMask, &NoTrigger);
	Pl061WriteRegister(GpioContext, PL061_GPIOIC, PinMask);
	GPIO_CLX_ReleaseInterruptLock(Context, DisableParameters->BankId);
	return STATUS_SUCCESS;
}

/* Mask the pins in PinMask (clear GPIOIE); latched edges survive. Lock held. */
NTSTATUS Pl061MaskInterrupts(_In_ PVOID Context,
			     _In_ PGPIO_MASK_INTERRUPT_PARAMETERS MaskParameters)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;
	ULONG64 Invalid = MaskParameters->PinMask & ~(ULONG64)PL061_ALL_PINS;

	if (MaskParameters->BankId != PL061_BANK_ID) {
		MaskParameters->FailedMask = MaskParameters->PinMask;
		return STATUS_INVALID_PARAMETER;
	}

	Pl061UpdateRegister(GpioContext, PL061_GPIOIE, (UCHAR)MaskParameters->PinMask, FALSE);
	MaskParameters->FailedMask = Invalid;
	return Invalid ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
}

/* Reprogram one pin's detection from the parameters and unmask it. Lock held. */
NTSTATUS Pl061UnmaskInterrupt(_In_ PVOID Context,
			      _In_ PGPIO_ENABLE_INTERRUPT_PARAMETERS InterruptParameters)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;
	PL061_TRIGGER Trigger;
	UCHAR PinMask;
	NTSTATUS Status;

	if (!Pl061IsValidPin(InterruptParameters->BankId, InterruptParameters->PinNumber))
		return STATUS_INVALID_PARAMETER;
	Status = Pl061GetTrigger(InterruptParameters->InterruptMode,
				 InterruptParameters->Polarity, &Trigger);
	if (!NT_SUCCESS(Status))
		return Status;

	PinMask = PL061_PIN_MASK(InterruptParameters->PinNumber);
	Pl061ProgramTrigger(GpioContext, PinMask, &Trigger);
	Pl061UpdateRegister(GpioContext, PL061_GPIOIE, PinMask, TRUE);
	return STATUS_SUCCESS;
}

/* Report the pins that are interrupting and enabled (GPIOMIS & EnabledMask). Lock held. */
NTSTATUS
Pl061QueryActiveInterrupts(_In_ PVOID Context,
			   _In_ PGPIO_QUERY_ACTIVE_INTERRUPTS_PARAMETERS QueryActiveParameters)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;

	if (QueryActiveParameters->BankId != PL061_BANK_ID)
		return STATUS_INVALID_PARAMETER;

	QueryActiveParameters->ActiveMask = Pl061ReadRegister(GpioContext, PL061_GPIOMIS) &
					    QueryActiveParameters->EnabledMask;
	return STATUS_SUCCESS;
}

/* Clear latched edges through GPIOIC; a level status clears with the pin. Lock held. */
NTSTATUS
Pl061ClearActiveInterrupts(_In_ PVOID Context,
			   _In_ PGPIO_CLEAR_ACTIVE_INTERRUPTS_PARAMETERS ClearParameters)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;
	ULONG64 Invalid = ClearParameters->ClearActiveMask & ~(ULONG64)PL061_ALL_PINS;

	if (ClearParameters->BankId != PL061_BANK_ID) {
		ClearParameters->FailedClearMask = ClearParameters->ClearActiveMask;
		return STATUS_INVALID_PARAMETER;
	}

	Pl061WriteRegister(GpioContext, PL061_GPIOIC, (UCHAR)ClearParameters->ClearActiveMask);
	ClearParameters->FailedClearMask = Invalid;
	return Invalid ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
}

/* Change an enabled pin's mode/polarity and drop an edge of the old kind. Lock held. */
NTSTATUS
Pl061ReconfigureInterrupt(_In_ PVOID Context,
			  _In_ PGPIO_RECONFIGURE_INTERRUPTS_PARAMETERS ReconfigureParameters)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;
	PL061_TRIGGER Trigger;
	UCHAR PinMask;
	NTSTATUS Status;

	if (!Pl061IsValidPin(ReconfigureParameters->BankId, ReconfigureParameters->PinNumber))
		return STATUS_INVALID_PARAMETER;
	Status = Pl061GetTrigger(ReconfigureParameters->InterruptMode,
				 ReconfigureParameters->Polarity, &Trigger);
	if (!NT_SUCCESS(Status))
		return Status;

	PinMask = PL061_PIN_MASK(ReconfigureParameters->PinNumber);
	Pl061ProgramTrigger(GpioContext, PinMask, &Trigger);
	Pl061WriteRegister(GpioContext, PL061_GPIOIC, PinMask);
	return STATUS_SUCCESS;
}

/* Report the pins enabled in hardware (GPIOIE), not a cached copy. Lock held. */
NTSTATUS
Pl061QueryEnabledInterrupts(_In_ PVOID Context,
			    _In_ PGPIO_QUERY_ENABLED_INTERRUPTS_PARAMETERS QueryEnabledParameters)
{
	PPL061_CONTEXT GpioContext = (PPL061_CONTEXT)Context;

	if (QueryEnabledParameters->BankId != PL061_BANK_ID)
		return STATUS_INVALID_PARAMETER;

	QueryEnabledParameters->EnabledMask = Pl061ReadRegister(GpioContext, PL061_GPIOIE);
	return STATUS_SUCCESS;
}
