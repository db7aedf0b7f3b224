// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * simgpio.c - GpioClx client driver for the simulated memory-mapped GPIO
 * controller described in simgpio_regs.h.
 *
 * OS-neutral: it includes only the WDK surface and the register map, so the
 * same file builds as a KMDF driver against the WDK and as the controller
 * logic of gpioclx-sim.ko against the gpioclx-linux shim.
 *
 * The controller has up to 16 banks of 1..64 pins; the geometry is read
 * from the CONFIG register at prepare time. Every bank register is 64 bits
 * wide, bit n = pin n, so requests are handled as masks
 * (FormatIoRequestsAsMasks). Data registers (DATA_IN, DATA_SET, DATA_CLR)
 * need no read-modify-write and are separate from the interrupt registers
 * (IndependentIoHwSupported). The hardware detects one edge or one level
 * per pin, so GpioClx emulates ActiveBoth with level interrupts and
 * ReconfigureInterrupt (EmulateActiveBoth). Pulls are supported; debounce
 * and drive strength are not.
 *
 * Locking: GpioClx calls the ISR-path callbacks (mask, unmask, query
 * active/enabled, clear, reconfigure, bank save/restore) with the bank's
 * interrupt lock held; the passive callbacks that read-modify-write bank
 * registers (enable, disable, connect, disconnect) take that lock
 * themselves.
 */
#include <ntddk.h>
#include <wdf.h>
#include <gpioclx.h>

#include "simgpio_regs.h"

/* Bank idle state (F1) parameters, in the 100 ns units of PoFx. */
#define SIMGPIO_F1_TRANSITION_LATENCY	WDF_ABS_TIMEOUT_IN_US(10)
#define SIMGPIO_F1_RESIDENCY		WDF_ABS_TIMEOUT_IN_MS(1)
#define SIMGPIO_F1_NOMINAL_POWER	0

/* The read-write registers of a bank, as saved across a power transition. */
typedef struct _SIMGPIO_SAVED_BANK {
	ULONG64 Direction;
	ULONG64 DataOut;
	ULONG64 PullUp;
	ULONG64 PullDown;
	ULONG64 InterruptMode;
	ULONG64 InterruptPolarity;
	ULONG64 InterruptEnable;
} SIMGPIO_SAVED_BANK, *PSIMGPIO_SAVED_BANK;

typedef struct _SIMGPIO_BANK {
	PSIMGPIO_BANK_REGISTERS Registers;
	SIMGPIO_SAVED_BANK SavedContext;
} SIMGPIO_BANK, *PSIMGPIO_BANK;

/* The per-controller context GpioClx allocates (ControllerContextSize). */
typedef struct _SIMGPIO_CONTEXT {
	PSIMGPIO_REGISTERS ControllerBase;
	SIZE_T MappedLength;
	USHORT BankCount;
	UCHAR PinsPerBank;
	ULONG64 PinMask;
	SIMGPIO_BANK Banks[SIMGPIO_MAX_BANKS];
} SIMGPIO_CONTEXT, *PSIMGPIO_CONTEXT;

DRIVER_INITIALIZE DriverEntry;
static EVT_WDF_DRIVER_DEVICE_ADD SimGpioEvtDriverDeviceAdd;
static EVT_WDF_DRIVER_UNLOAD SimGpioEvtDriverUnload;

static GPIO_CLIENT_PREPARE_CONTROLLER SimGpioPrepareController;
static GPIO_CLIENT_RELEASE_CONTROLLER SimGpioReleaseController;
static GPIO_CLIENT_START_CONTROLLER SimGpioStartController;
static GPIO_CLIENT_STOP_CONTROLLER SimGpioStopController;
static GPIO_CLIENT_QUERY_CONTROLLER_BASIC_INFORMATION SimGpioQueryControllerBasicInformation;
static GPIO_CLIENT_QUERY_SET_CONTROLLER_INFORMATION SimGpioQuerySetControllerInformation;
static GPIO_CLIENT_ENABLE_INTERRUPT SimGpioEnableInterrupt;
static GPIO_CLIENT_DISABLE_INTERRUPT SimGpioDisableInterrupt;
static GPIO_CLIENT_UNMASK_INTERRUPT SimGpioUnmaskInterrupt;
static GPIO_CLIENT_MASK_INTERRUPTS SimGpioMaskInterrupts;
static GPIO_CLIENT_QUERY_ACTIVE_INTERRUPTS SimGpioQueryActiveInterrupts;
static GPIO_CLIENT_CLEAR_ACTIVE_INTERRUPTS SimGpioClearActiveInterrupts;
static GPIO_CLIENT_RECONFIGURE_INTERRUPT SimGpioReconfigureInterrupt;
static GPIO_CLIENT_QUERY_ENABLED_INTERRUPTS SimGpioQueryEnabledInterrupts;
static GPIO_CLIENT_CONNECT_IO_PINS SimGpioConnectIoPins;
static GPIO_CLIENT_DISCONNECT_IO_PINS SimGpioDisconnectIoPins;
static GPIO_CLIENT_READ_PINS_MASK SimGpioReadGpioPinsUsingMask;
static GPIO_CLIENT_WRITE_PINS_MASK SimGpioWriteGpioPinsUsingMask;
static GPIO_CLIENT_SAVE_BANK_HARDWARE_CONTEXT SimGpioSaveBankHardwareContext;
static GPIO_CLIENT_RESTORE_BANK_HARDWARE_CONTEXT SimGpioRestoreBankHardwareContext;

/* ------------------------------------------------------------------------ */
/* Register helpers                                                         */
/* ------------------------------------------------------------------------ */

/* Set or clear Mask in a read-write register. Caller holds the bank lock. */
static VOID SimGpioUpdateRegister(PULONG64 Register, ULONG64 Mask, BOOLEAN Set)
{
	ULONG64 Value = READ_REGISTER_ULONG64(Register);
	ULONG64 NewValue = Set ? (Value | Mask) : (Value & ~Mask);

	if (NewValue != Value)
		WRITE_REGISTER_ULONG64(Register, NewValue);
}

/* Map an ACPI pull configuration onto PULL_UP/PULL_DOWN. Bank lock held. */
static VOID SimGpioApplyPull(PSIMGPIO_BANK_REGISTERS Registers, ULONG64 Mask,
			     UCHAR PullConfiguration)
{
	switch (PullConfiguration) {
	case GPIO_PIN_PULL_CONFIGURATION_PULLUP:
		SimGpioUpdateRegister(&Registers->PullDown, Mask, FALSE);
		SimGpioUpdateRegister(&Registers->PullUp, Mask, TRUE);
		break;
	case GPIO_PIN_PULL_CONFIGURATION_PULLDOWN:
		SimGpioUpdateRegister(&Registers->PullUp, Mask, FALSE);
		SimGpioUpdateRegister(&Registers->PullDown, Mask, TRUE);
		break;
	case GPIO_PIN_PULL_CONFIGURATION_NONE:
		SimGpioUpdateRegister(&Registers->PullUp, Mask, FALSE);
		SimGpioUpdateRegister(&Registers->PullDown, Mask, FALSE);
		break;
	default:	/* GPIO_PIN_PULL_CONFIGURATION_DEFAULT: keep what is there */
		break;
	}
}

static BOOLEAN SimGpioIsSupportedPull(UCHAR PullConfiguration)
{
	return PullConfiguration == GPIO_PIN_PULL_CONFIGURATION_DEFAULT ||
	       PullConfiguration == GPIO_PIN_PULL_CONFIGURATION_PULLUP ||
	       PullConfiguration == GPIO_PIN_PULL_CONFIGURATION_PULLDOWN ||
	       PullConfiguration == GPIO_PIN_PULL_CONFIGURATION_NONE;
}

/* The hardware does one level or one edge per pin, never both edges. */
static BOOLEAN SimGpioIsSupportedTrigger(KINTERRUPT_MODE InterruptMode,
					 KINTERRUPT_POLARITY Polarity)
{
	return (InterruptMode == LevelSensitive || InterruptMode == Latched) &&
	       (Polarity == InterruptActiveHigh || Polarity == InterruptActiveLow);
}

/* Program IRQ_MODE and IRQ_POLARITY for one pin. Bank lock held. */
static VOID SimGpioProgramTrigger(PSIMGPIO_BANK_REGISTERS Registers, ULONG64 PinBit,
				  KINTERRUPT_MODE InterruptMode, KINTERRUPT_POLARITY Polarity)
{
	SimGpioUpdateRegister(&Registers->InterruptMode, PinBit,
			      InterruptMode == LevelSensitive);
	SimGpioUpdateRegister(&Registers->InterruptPolarity, PinBit,
			      Polarity == InterruptActiveHigh);
}

/* Turn a bank-relative pin table into a mask, validating every entry. */
static NTSTATUS SimGpioPinTableToMask(PSIMGPIO_CONTEXT GpioContext, BANK_ID BankId,
				      PPIN_NUMBER PinNumberTable, ULONG PinCount,
				      PULONG64 Mask)
{
	ULONG Index;

	*Mask = 0;
	if (BankId >= GpioContext->BankCount || !PinNumberTable || PinCount == 0)
		return STATUS_INVALID_PARAMETER;
	for (Index = 0; Index < PinCount; Index++) {
		if (PinNumberTable[Index] >= GpioContext->PinsPerBank)
			return STATUS_INVALID_PARAMETER;
		*Mask |= 1ULL << PinNumberTable[Index];
	}
	return STATUS_SUCCESS;
}

static BOOLEAN SimGpioIsValidPin(PSIMGPIO_CONTEXT GpioContext, BANK_ID BankId,
				 PIN_NUMBER PinNumber)
{
	return BankId < GpioContext->BankCount && PinNumber < GpioContext->PinsPerBank;
}

/* Copy a bank's read-write registers into its saved context. */
static VOID SimGpioSaveBank(PSIMGPIO_BANK Bank)
{
	PSIMGPIO_BANK_REGISTERS Registers = Bank->Registers;
	PSIMGPIO_SAVED_BANK Saved = &Bank->SavedContext;

	Saved->Direction = READ_REGISTER_ULONG64(&Registers->Direction);
	Saved->DataOut = READ_REGISTER_ULONG64(&Registers->DataOut);
	Saved->PullUp = READ_REGISTER_ULONG64(&Registers->PullUp);
	Saved->PullDown = READ_REGISTER_ULONG64(&Registers->PullDown);
	Saved->InterruptMode = READ_REGISTER_ULONG64(&Registers->InterruptMode);
	Saved->InterruptPolarity = READ_REGISTER_ULONG64(&Registers->InterruptPolarity);
	Saved->InterruptEnable = READ_REGISTER_ULONG64(&Registers->InterruptEnable);
}

/*
 * Write a bank's saved context back: the output latch before the direction
 * (no glitch on outputs), the trigger before the enable (no interrupt on
 * the old configuration). Latched edge status is not part of the context.
 */
static VOID SimGpioRestoreBank(PSIMGPIO_BANK Bank)
{
	PSIMGPIO_BANK_REGISTERS Registers = Bank->Registers;
	PSIMGPIO_SAVED_BANK Saved = &Bank->SavedContext;

	WRITE_REGISTER_ULONG64(&Registers->DataOut, Saved->DataOut);
	WRITE_REGISTER_ULONG64(&Registers->PullUp, Saved->PullUp);
	WRITE_REGISTER_ULONG64(&Registers->PullDown, Saved->PullDown);
	WRITE_REGISTER_ULONG64(&Registers->Direction, Saved->Direction);
	WRITE_REGISTER_ULONG64(&Registers->InterruptMode, Saved->InterruptMode);
	WRITE_REGISTER_ULONG64(&Registers->InterruptPolarity, Saved->InterruptPolarity);
	WRITE_REGISTER_ULONG64(&Registers->InterruptEnable, Saved->InterruptEnable);
}

/* First D0 entry: no interrupt enabled, every pin an input without pull. */
static VOID SimGpioResetBank(PSIMGPIO_CONTEXT GpioContext, PSIMGPIO_BANK Bank)
{
	PSIMGPIO_BANK_REGISTERS Registers = Bank->Registers;

	WRITE_REGISTER_ULONG64(&Registers->InterruptEnable, 0);
	WRITE_REGISTER_ULONG64(&Registers->Direction, 0);
	WRITE_REGISTER_ULONG64(&Registers->PullUp, 0);
	WRITE_REGISTER_ULONG64(&Registers->PullDown, 0);
	WRITE_REGISTER_ULONG64(&Registers->InterruptStatus, GpioContext->PinMask);
	RtlZeroMemory(&Bank->SavedContext, sizeof(Bank->SavedContext));
}

/* ------------------------------------------------------------------------ */
/* Driver and device objects                                                */
/* ------------------------------------------------------------------------ */

/* Create the WDF driver and register the GpioClx callbacks. PASSIVE. */
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	GPIO_CLIENT_REGISTRATION_PACKET RegistrationPacket;
	WDF_DRIVER_CONFIG DriverConfig;
	WDFDRIVER Driver;
	NTSTATUS Status;

	WDF_DRIVER_CONFIG_INIT(&DriverConfig, SimGpioEvtDriverDeviceAdd);
	DriverConfig.EvtDriverUnload = SimGpioEvtDriverUnload;
	Status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
				 &DriverConfig, &Driver);
	if (!NT_SUCCESS(Status))
		return Status;

	RtlZeroMemory(&RegistrationPacket, sizeof(RegistrationPacket));
	RegistrationPacket.Version = GPIO_CLIENT_VERSION;
	RegistrationPacket.Size = sizeof(GPIO_CLIENT_REGISTRATION_PACKET);
	RegistrationPacket.ControllerContextSize = sizeof(SIMGPIO_CONTEXT);

	RegistrationPacket.CLIENT_PrepareController = SimGpioPrepareController;
	RegistrationPacket.CLIENT_ReleaseController = SimGpioReleaseController;
	RegistrationPacket.CLIENT_StartController = SimGpioStartController;
	RegistrationPacket.CLIENT_StopController = SimGpioStopController;
	RegistrationPacket.CLIENT_QueryControllerBasicInformation =
		SimGpioQueryControllerBasicInformation;
	RegistrationPacket.CLIENT_QuerySetControllerInformation =
		SimGpioQuerySetControllerInformation;

	RegistrationPacket.CLIENT_EnableInterrupt = SimGpioEnableInterrupt;
	RegistrationPacket.CLIENT_DisableInterrupt = SimGpioDisableInterrupt;
	RegistrationPacket.CLIENT_UnmaskInterrupt = SimGpioUnmaskInterrupt;
	RegistrationPacket.CLIENT_MaskInterrupts = SimGpioMaskInterrupts;
	RegistrationPacket.CLIENT_QueryActiveInterrupts = SimGpioQueryActiveInterrupts;
	RegistrationPacket.CLIENT_ClearActiveInterrupts = SimGpioClearActiveInterrupts;
	RegistrationPacket.CLIENT_ReconfigureInterrupt = SimGpioReconfigureInterrupt;
	RegistrationPacket.CLIENT_QueryEnabledInterrupts = SimGpioQueryEnabledInterrupts;

	RegistrationPacket.CLIENT_ConnectIoPins = SimGpioConnectIoPins;
	RegistrationPacket.CLIENT_DisconnectIoPins = SimGpioDisconnectIoPins;
	RegistrationPacket.CLIENT_ReadGpioPinsUsingMask = SimGpioReadGpioPinsUsingMask;
	RegistrationPacket.CLIENT_WriteGpioPinsUsingMask = SimGpioWriteGpioPinsUsingMask;

	RegistrationPacket.CLIENT_SaveBankHardwareContext = SimGpioSaveBankHardwareContext;
	RegistrationPacket.CLIENT_RestoreBankHardwareContext = SimGpioRestoreBankHardwareContext;

	return GPIO_CLX_RegisterClient(Driver, &RegistrationPacket, RegistryPath);
}

/* Create the device the GpioClx way: pre-create, WdfDeviceCreate, post-create. PASSIVE. */
static NTSTATUS SimGpioEvtDriverDeviceAdd(WDFDRIVER Driver,
					  PWDFDEVICE_INIT DeviceInit)
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

/* Undo the GpioClx registration of DriverEntry. PASSIVE. */
static VOID SimGpioEvtDriverUnload(WDFDRIVER Driver)
{
	PAGED_CODE();

	(VOID)GPIO_CLX_UnregisterClient(Driver);
}

/* ------------------------------------------------------------------------ */
/* Controller lifecycle                                                     */
/* ------------------------------------------------------------------------ */

/*
 * Map the first memory resource, check the ID and read the geometry from
 * CONFIG. Interrupt resources are GpioClx's (one per bank). PASSIVE.
 */
static NTSTATUS SimGpioPrepareController(WDFDEVICE Device, PVOID Context,
					 WDFCMRESLIST ResourcesRaw,
					 WDFCMRESLIST ResourcesTranslated)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	PCM_PARTIAL_RESOURCE_DESCRIPTOR Descriptor, Memory = NULL;
	PSIMGPIO_REGISTERS Registers;
	ULONG Count, Index, BankCount, PinsPerBank;
	ULONG64 Id, Config;
	SIZE_T Length;

	UNREFERENCED_PARAMETER(Device);
	UNREFERENCED_PARAMETER(ResourcesRaw);

	RtlZeroMemory(GpioContext, sizeof(*GpioContext));

	Count = WdfCmResourceListGetCount(ResourcesTranslated);
	for (Index = 0; Index < Count; Index++) {
		Descriptor = WdfCmResourceListGetDescriptor(ResourcesTranslated, Index);
		if (Descriptor && Descriptor->Type == CmResourceTypeMemory) {
			Memory = Descriptor;
			break;
		}
	}
	if (!Memory)
		return STATUS_NOT_FOUND;

	Length = Memory->u.Memory.Length;
	if (Length < SIMGPIO_MIN_WINDOW_SIZE)
		return STATUS_INVALID_DEVICE_STATE;

	Registers = (PSIMGPIO_REGISTERS)MmMapIoSpaceEx(Memory->u.Memory.Start, Length,
						       PAGE_READWRITE | PAGE_NOCACHE);
	if (!Registers)
		return STATUS_INSUFFICIENT_RESOURCES;

	Id = READ_REGISTER_ULONG64(&Registers->Id);
	if (SIMGPIO_ID_GET_MAGIC(Id) != SIMGPIO_ID_MAGIC ||
	    SIMGPIO_ID_GET_VERSION(Id) != SIMGPIO_ID_VERSION) {
		MmUnmapIoSpace(Registers, Length);
		return STATUS_DEVICE_DOES_NOT_EXIST;
	}

	Config = READ_REGISTER_ULONG64(&Registers->Config);
	BankCount = SIMGPIO_CONFIG_GET_BANKS(Config);
	PinsPerBank = SIMGPIO_CONFIG_GET_PINS(Config);
	if (BankCount < 1 || BankCount > SIMGPIO_MAX_BANKS ||
	    PinsPerBank < 1 || PinsPerBank > SIMGPIO_MAX_PINS_PER_BANK ||
	    Length < SIMGPIO_WINDOW_SIZE(BankCount)) {
		MmUnmapIoSpace(Registers, Length);
		return STATUS_INVALID_DEVICE_STATE;
	}

	GpioContext->ControllerBase = Registers;
	GpioContext->MappedLength = Length;
	GpioContext->BankCount = (USHORT)BankCount;
	GpioContext->PinsPerBank = (UCHAR)PinsPerBank;
	GpioContext->PinMask = PinsPerBank == 64 ? ~0ULL : (1ULL << PinsPerBank) - 1;
	for (Index = 0; Index < BankCount; Index++)
		GpioContext->Banks[Index].Registers = &Registers->Banks[Index];
	return STATUS_SUCCESS;
}

/* Unmap what PrepareController mapped. PASSIVE. */
static NTSTATUS SimGpioReleaseController(WDFDEVICE Device, PVOID Context)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;

	UNREFERENCED_PARAMETER(Device);

	if (GpioContext->ControllerBase) {
		MmUnmapIoSpace(GpioContext->ControllerBase, GpioContext->MappedLength);
		GpioContext->ControllerBase = NULL;
		GpioContext->MappedLength = 0;
	}
	return STATUS_SUCCESS;
}

/* Describe the controller: geometry from CONFIG, mask-format I/O. PASSIVE. */
static NTSTATUS
SimGpioQueryControllerBasicInformation(PVOID Context,
				       PCLIENT_CONTROLLER_BASIC_INFORMATION ControllerInformation)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;

	ControllerInformation->Version = GPIO_CONTROLLER_BASIC_INFORMATION_VERSION;
	ControllerInformation->Size = sizeof(CLIENT_CONTROLLER_BASIC_INFORMATION);
	ControllerInformation->TotalPins =
		(USHORT)(GpioContext->BankCount * GpioContext->PinsPerBank);
	ControllerInformation->NumberOfPinsPerBank = GpioContext->PinsPerBank;
	ControllerInformation->DeviceIdleTimeout = IdleTimeoutDefaultValue;
	ControllerInformation->Flags.AsULONG = 0;
	ControllerInformation->Flags.MemoryMappedController = 1;
	ControllerInformation->Flags.ActiveInterruptsAutoClearOnRead = 0;
	ControllerInformation->Flags.FormatIoRequestsAsMasks = 1;
	ControllerInformation->Flags.DeviceIdlePowerMgmtSupported = 1;
	ControllerInformation->Flags.BankIdlePowerMgmtSupported = 1;
	ControllerInformation->Flags.EmulateDebouncing = 0;
	ControllerInformation->Flags.EmulateActiveBoth = 1;
	ControllerInformation->Flags.IndependentIoHwSupported = 1;
	return STATUS_SUCCESS;
}

/* Answer QueryBankPowerInformation (every bank has F1); nothing else. PASSIVE. */
static NTSTATUS
SimGpioQuerySetControllerInformation(PVOID Context,
				     PCLIENT_CONTROLLER_QUERY_SET_INFORMATION_INPUT InputBuffer,
				     PCLIENT_CONTROLLER_QUERY_SET_INFORMATION_OUTPUT OutputBuffer)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	PCLIENT_QUERY_BANK_POWER_INFORMATION_OUTPUT Power;

	if (InputBuffer->RequestType != QueryBankPowerInformation)
		return STATUS_NOT_SUPPORTED;
	if (!OutputBuffer)
		return STATUS_BUFFER_TOO_SMALL;
	if (InputBuffer->BankPowerInformation.BankId >= GpioContext->BankCount)
		return STATUS_INVALID_PARAMETER;

	OutputBuffer->Version = GPIO_BANK_POWER_INFORMATION_OUTPUT_VERSION;
	OutputBuffer->Size = sizeof(CLIENT_CONTROLLER_QUERY_SET_INFORMATION_OUTPUT);
	Power = &OutputBuffer->BankPowerInformation;
	RtlZeroMemory(Power, sizeof(*Power));
	Power->F1StateSupported = 1;
	Power->F1IdleStateParameters.TransitionLatency = SIMGPIO_F1_TRANSITION_LATENCY;
	Power->F1IdleStateParameters.ResidencyRequirement = SIMGPIO_F1_RESIDENCY;
	Power->F1IdleStateParameters.NominalPower = SIMGPIO_F1_NOMINAL_POWER;
	return STATUS_SUCCESS;
}

/* Enter D0: reset every bank the first time, else restore what Stop saved. PASSIVE. */
static NTSTATUS SimGpioStartController(PVOID Context, BOOLEAN RestoreContext,
				       WDF_POWER_DEVICE_STATE PreviousPowerState)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	ULONG Index;

	UNREFERENCED_PARAMETER(PreviousPowerState);

	for (Index = 0; Index < GpioContext->BankCount; Index++) {
		if (RestoreContext)
			SimGpioRestoreBank(&GpioContext->Banks[Index]);
		else
			SimGpioResetBank(GpioContext, &GpioContext->Banks[Index]);
	}
	return STATUS_SUCCESS;
}

/* Leave D0: save every bank's registers if a restore will follow. PASSIVE. */
static NTSTATUS SimGpioStopController(PVOID Context, BOOLEAN SaveContext,
				      WDF_POWER_DEVICE_STATE TargetState)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	ULONG Index;

	UNREFERENCED_PARAMETER(TargetState);

	if (SaveContext) {
		for (Index = 0; Index < GpioContext->BankCount; Index++)
			SimGpioSaveBank(&GpioContext->Banks[Index]);
	}
	return STATUS_SUCCESS;
}

/* Save one bank before it enters F1. Bank lock held (or HIGH_LEVEL); must not take it. */
static VOID
SimGpioSaveBankHardwareContext(PVOID Context,
			       PGPIO_SAVE_RESTORE_BANK_HARDWARE_CONTEXT_PARAMETERS Parameters)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;

	if (!NT_VERIFY(Parameters->BankId < GpioContext->BankCount))
		return;
	SimGpioSaveBank(&GpioContext->Banks[Parameters->BankId]);
}

/* Restore one bank after it returns to F0. Bank lock held (or HIGH_LEVEL); must not take it. */
static VOID
SimGpioRestoreBankHardwareContext(PVOID Context,
				  PGPIO_SAVE_RESTORE_BANK_HARDWARE_CONTEXT_PARAMETERS Parameters)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;

	if (!NT_VERIFY(Parameters->BankId < GpioContext->BankCount))
		return;
	SimGpioRestoreBank(&GpioContext->Banks[Parameters->BankId]);
}

/* ------------------------------------------------------------------------ */
/* GPIO I/O                                                                 */
/* ------------------------------------------------------------------------ */

/* Make pins inputs or outputs and apply their pull; no debounce or drive strength. PASSIVE. */
static NTSTATUS SimGpioConnectIoPins(PVOID Context,
				     PGPIO_CONNECT_IO_PINS_PARAMETERS ConnectParameters)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	BANK_ID BankId = ConnectParameters->BankId;
	PSIMGPIO_BANK_REGISTERS Registers;
	ULONG64 Mask;
	NTSTATUS Status;

	Status = SimGpioPinTableToMask(GpioContext, BankId, ConnectParameters->PinNumberTable,
				       ConnectParameters->PinCount, &Mask);
	if (!NT_SUCCESS(Status))
		return Status;
	if (ConnectParameters->ConnectMode != ConnectModeInput &&
	    ConnectParameters->ConnectMode != ConnectModeOutput)
		return STATUS_INVALID_PARAMETER;
	if (ConnectParameters->DebounceTimeout != 0 || ConnectParameters->DriveStrength != 0 ||
	    !SimGpioIsSupportedPull(ConnectParameters->PullConfiguration))
		return STATUS_NOT_SUPPORTED;

	Registers = GpioContext->Banks[BankId].Registers;
	GPIO_CLX_AcquireInterruptLock(Context, BankId);
	SimGpioApplyPull(Registers, Mask, ConnectParameters->PullConfiguration);
	SimGpioUpdateRegister(&Registers->Direction, Mask,
			      ConnectParameters->ConnectMode == ConnectModeOutput);
	GPIO_CLX_ReleaseInterruptLock(Context, BankId);
	return STATUS_SUCCESS;
}

/* Close a connection: keep the pins if asked, else back to input without pull. PASSIVE. */
static NTSTATUS SimGpioDisconnectIoPins(PVOID Context,
					PGPIO_DISCONNECT_IO_PINS_PARAMETERS DisconnectParameters)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	BANK_ID BankId = DisconnectParameters->BankId;
	PSIMGPIO_BANK_REGISTERS Registers;
	ULONG64 Mask;
	NTSTATUS Status;

	Status = SimGpioPinTableToMask(GpioContext, BankId, DisconnectParameters->PinNumberTable,
				       DisconnectParameters->PinCount, &Mask);
	if (!NT_SUCCESS(Status))
		return Status;
	if (DisconnectParameters->DisconnectFlags.PreserveConfiguration)
		return STATUS_SUCCESS;

	Registers = GpioContext->Banks[BankId].Registers;
	GPIO_CLX_AcquireInterruptLock(Context, BankId);
	SimGpioUpdateRegister(&Registers->Direction, Mask, FALSE);
	SimGpioUpdateRegister(&Registers->PullUp, Mask, FALSE);
	SimGpioUpdateRegister(&Registers->PullDown, Mask, FALSE);
	GPIO_CLX_ReleaseInterruptLock(Context, BankId);
	return STATUS_SUCCESS;
}

/* Read the whole bank's levels (outputs read back their latch): one register read. */
static NTSTATUS SimGpioReadGpioPinsUsingMask(PVOID Context,
					     PGPIO_READ_PINS_MASK_PARAMETERS ReadParameters)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;

	BANK_ID BankId = ReadParameters->BankId;

	if (BankId >= GpioContext->BankCount || !ReadParameters->PinValues)
		return STATUS_INVALID_PARAMETER;
	*ReadParameters->PinValues =
		READ_REGISTER_ULONG64(&GpioContext->Banks[BankId].Registers->DataIn);
	return STATUS_SUCCESS;
}

/* Drive SetMask high and ClearMask low through DATA_SET/DATA_CLR: no read-modify-write. */
static NTSTATUS SimGpioWriteGpioPinsUsingMask(PVOID Context,
					      PGPIO_WRITE_PINS_MASK_PARAMETERS WriteParameters)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	PSIMGPIO_BANK_REGISTERS Registers;

	if (WriteParameters->BankId >= GpioContext->BankCount)
		return STATUS_INVALID_PARAMETER;
	Registers = GpioContext->Banks[WriteParameters->BankId].Registers;
	if (WriteParameters->SetMask != 0)
		WRITE_REGISTER_ULONG64(&Registers->DataSet, WriteParameters->SetMask);
	if (WriteParameters->ClearMask != 0)
		WRITE_REGISTER_ULONG64(&Registers->DataClear, WriteParameters->ClearMask);
	return STATUS_SUCCESS;
}

/* ------------------------------------------------------------------------ */
/* Interrupts                                                               */
/* ------------------------------------------------------------------------ */

/*
 * Make a pin an interrupt input with its trigger and pull, drop a stale
 * latched edge, enable it (unmasked). PASSIVE; takes the bank lock.
 */
static NTSTATUS SimGpioEnableInterrupt(PVOID Context,
				       PGPIO_ENABLE_INTERRUPT_PARAMETERS EnableParameters)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	BANK_ID BankId = EnableParameters->BankId;
	PSIMGPIO_BANK_REGISTERS Registers;
	ULONG64 PinBit;

	if (!SimGpioIsValidPin(GpioContext, BankId, EnableParameters->PinNumber))
		return STATUS_INVALID_PARAMETER;
	if (!SimGpioIsSupportedTrigger(EnableParameters->InterruptMode,
				       EnableParameters->Polarity) ||
	    !SimGpioIsSupportedPull(EnableParameters->PullConfiguration) ||
	    EnableParameters->DebounceTimeout != 0)
		return STATUS_NOT_SUPPORTED;

	Registers = GpioContext->Banks[BankId].Registers;
	PinBit = 1ULL << EnableParameters->PinNumber;
	GPIO_CLX_AcquireInterruptLock(Context, BankId);
	SimGpioUpdateRegister(&Registers->Direction, PinBit, FALSE);
	SimGpioApplyPull(Registers, PinBit, EnableParameters->PullConfiguration);
	SimGpioProgramTrigger(Registers, PinBit, EnableParameters->InterruptMode,
			      EnableParameters->Polarity);
	WRITE_REGISTER_ULONG64(&Registers->InterruptStatus, PinBit);
	SimGpioUpdateRegister(&Registers->InterruptEnable, PinBit, TRUE);
	GPIO_CLX_ReleaseInterruptLock(Context, BankId);
	return STATUS_SUCCESS;
}

/* Disable a pin's interrupt and drop its latched status. PASSIVE; takes the bank lock. */
static NTSTATUS SimGpioDisableInterrupt(PVOID Context,
					PGPIO_DISABLE_INTERRUPT_PARAMETERS DisableParameters)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	BANK_ID BankId = DisableParameters->BankId;
	PSIMGPIO_BANK_REGISTERS Registers;
	ULONG64 PinBit;

	if (!SimGpioIsValidPin(GpioContext, BankId, DisableParameters->PinNumber))
		return STATUS_INVALID_PARAMETER;

	Registers = GpioContext->Banks[BankId].Registers;
	PinBit = 1ULL << DisableParameters->PinNumber;
	GPIO_CLX_AcquireInterruptLock(Context, BankId);
	SimGpioUpdateRegister(&Registers->InterruptEnable, PinBit, FALSE);
	WRITE_REGISTER_ULONG64(&Registers->InterruptStatus, PinBit);
	GPIO_CLX_ReleaseInterruptLock(Context, BankId);
	return STATUS_SUCCESS;
}

/* Mask pins by clearing their enable bits; never fails. ISR path, bank lock held. */
static NTSTATUS SimGpioMaskInterrupts(PVOID Context,
				      PGPIO_MASK_INTERRUPT_PARAMETERS MaskParameters)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	PSIMGPIO_BANK_REGISTERS Registers;

	MaskParameters->FailedMask = 0;
	if (MaskParameters->BankId >= GpioContext->BankCount) {
		MaskParameters->FailedMask = MaskParameters->PinMask;
		return STATUS_INVALID_PARAMETER;
	}
	Registers = GpioContext->Banks[MaskParameters->BankId].Registers;
	SimGpioUpdateRegister(&Registers->InterruptEnable,
			      MaskParameters->PinMask & GpioContext->PinMask, FALSE);
	return STATUS_SUCCESS;
}

/* Reprogram a pin's trigger from the parameters and unmask it. ISR path, bank lock held. */
static NTSTATUS SimGpioUnmaskInterrupt(PVOID Context,
				       PGPIO_ENABLE_INTERRUPT_PARAMETERS InterruptParameters)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	BANK_ID BankId = InterruptParameters->BankId;
	PSIMGPIO_BANK_REGISTERS Registers;
	ULONG64 PinBit;

	if (!SimGpioIsValidPin(GpioContext, BankId, InterruptParameters->PinNumber))
		return STATUS_INVALID_PARAMETER;
	if (!SimGpioIsSupportedTrigger(InterruptParameters->InterruptMode,
				       InterruptParameters->Polarity))
		return STATUS_NOT_SUPPORTED;

	Registers = GpioContext->Banks[BankId].Registers;
	PinBit = 1ULL << InterruptParameters->PinNumber;
	SimGpioProgramTrigger(Registers, PinBit, InterruptParameters->InterruptMode,
			      InterruptParameters->Polarity);
	SimGpioUpdateRegister(&Registers->InterruptEnable, PinBit, TRUE);
	return STATUS_SUCCESS;
}

/* Report pins both pending in hardware and enabled in GpioClx's view. ISR path, lock held. */
static NTSTATUS
SimGpioQueryActiveInterrupts(PVOID Context,
			     PGPIO_QUERY_ACTIVE_INTERRUPTS_PARAMETERS QueryActiveParameters)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	BANK_ID BankId = QueryActiveParameters->BankId;

	QueryActiveParameters->ActiveMask = 0;
	if (BankId >= GpioContext->BankCount)
		return STATUS_INVALID_PARAMETER;
	QueryActiveParameters->ActiveMask =
		READ_REGISTER_ULONG64(&GpioContext->Banks[BankId].Registers->InterruptPending) &
		QueryActiveParameters->EnabledMask;
	return STATUS_SUCCESS;
}

/* Clear latched edge status (W1C; level pins clear themselves). ISR path, lock held. */
static NTSTATUS
SimGpioClearActiveInterrupts(PVOID Context,
			     PGPIO_CLEAR_ACTIVE_INTERRUPTS_PARAMETERS ClearParameters)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	BANK_ID BankId = ClearParameters->BankId;

	ClearParameters->FailedClearMask = 0;
	if (BankId >= GpioContext->BankCount) {
		ClearParameters->FailedClearMask = ClearParameters->ClearActiveMask;
		return STATUS_INVALID_PARAMETER;
	}
	if (ClearParameters->ClearActiveMask != 0)
		WRITE_REGISTER_ULONG64(&GpioContext->Banks[BankId].Registers->InterruptStatus,
				       ClearParameters->ClearActiveMask);
	return STATUS_SUCCESS;
}

/* Change a pin's mode/polarity (ActiveBoth emulation), drop its latch. ISR path, lock held. */
static NTSTATUS
SimGpioReconfigureInterrupt(PVOID Context,
			    PGPIO_RECONFIGURE_INTERRUPTS_PARAMETERS ReconfigureParameters)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	BANK_ID BankId = ReconfigureParameters->BankId;
	PSIMGPIO_BANK_REGISTERS Registers;
	ULONG64 PinBit;

	if (!SimGpioIsValidPin(GpioContext, BankId, ReconfigureParameters->PinNumber))
		return STATUS_INVALID_PARAMETER;
	if (!SimGpioIsSupportedTrigger(ReconfigureParameters->InterruptMode,
				       ReconfigureParameters->Polarity))
		return STATUS_NOT_SUPPORTED;

	Registers = GpioContext->Banks[BankId].Registers;
	PinBit = 1ULL << ReconfigureParameters->PinNumber;
	SimGpioProgramTrigger(Registers, PinBit, ReconfigureParameters->InterruptMode,
			      ReconfigureParameters->Polarity);
	WRITE_REGISTER_ULONG64(&Registers->InterruptStatus, PinBit);
	return STATUS_SUCCESS;
}

/* Report IRQ_ENABLE as the hardware has it, not a cached copy. ISR path, lock held. */
static NTSTATUS
SimGpioQueryEnabledInterrupts(PVOID Context,
			      PGPIO_QUERY_ENABLED_INTERRUPTS_PARAMETERS QueryEnabledParameters)
{
	PSIMGPIO_CONTEXT GpioContext = (PSIMGPIO_CONTEXT)Context;
	BANK_ID BankId = QueryEnabledParameters->BankId;

	QueryEnabledParameters->EnabledMask = 0;
	if (BankId >= GpioContext->BankCount)
		return STATUS_INVALID_PARAMETER;
	QueryEnabledParameters->EnabledMask =
		READ_REGISTER_ULONG64(&GpioContext->Banks[BankId].Registers->InterruptEnable);
	return STATUS_SUCCESS;
}
