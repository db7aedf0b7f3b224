// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pca9555_gpio.c - a GpioClx client for the NXP PCA9555/PCA9535 I2C GPIO
 * expander. OS-neutral: it includes only the WDK's headers and builds for
 * Windows from this file; on Linux gpioclx.ko hosts it (Linux glue:
 * gpioclx_pca9555_linux.c).
 *
 * A serially connected controller (MemoryMappedController = 0): GpioClx
 * calls every callback at PASSIVE_LEVEL, one at a time, and each register
 * access is an SPB request on the I2C connection (pca9555_spb.c).
 *
 * Banks: one bank of 16 pins. The expander's command byte walks both ports
 * of a register in one transfer, so one bank lets a write that touches both
 * ports, the read of every pin, and the interrupt's input-port read each
 * be one bus transaction; two banks of 8 would cost two for each. A write
 * touching only one port still writes only that port's register.
 *
 * Interrupts: the chip has one INT output, asserted on any input change
 * and cleared by reading the input port; no enables, masks or edge
 * selection. The client emulates them: it keeps the input port it read
 * last, and each QueryActiveInterrupts reads it again and reports the
 * enabled pins that changed in the direction asked for (rising, falling or
 * both). Edges only: a level-sensitive interrupt would need the chip to
 * interrupt again while the level holds, which it does not, so
 * EnableInterrupt refuses LevelSensitive with STATUS_NOT_SUPPORTED.
 *
 * Binding writes only the polarity inversion registers (to 0, every input
 * reads true), as Linux's gpio-pca953x does; directions and output levels
 * are kept. Unbinding writes nothing.
 */
#include "pca9555.h"

#define PCA9555_BANK_ID 0
#define PCA9555_ALL_PINS ((USHORT)0xffff)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD Pca9555EvtDeviceAdd;
EVT_WDF_DRIVER_UNLOAD Pca9555EvtDriverUnload;

GPIO_CLIENT_PREPARE_CONTROLLER Pca9555PrepareController;
GPIO_CLIENT_RELEASE_CONTROLLER Pca9555ReleaseController;
GPIO_CLIENT_START_CONTROLLER Pca9555StartController;
GPIO_CLIENT_STOP_CONTROLLER Pca9555StopController;
GPIO_CLIENT_QUERY_CONTROLLER_BASIC_INFORMATION Pca9555QueryControllerBasicInformation;
GPIO_CLIENT_ENABLE_INTERRUPT Pca9555EnableInterrupt;
GPIO_CLIENT_DISABLE_INTERRUPT Pca9555DisableInterrupt;
GPIO_CLIENT_UNMASK_INTERRUPT Pca9555UnmaskInterrupt;
GPIO_CLIENT_MASK_INTERRUPTS Pca9555MaskInterrupts;
GPIO_CLIENT_QUERY_ACTIVE_INTERRUPTS Pca9555QueryActiveInterrupts;
GPIO_CLIENT_CLEAR_ACTIVE_INTERRUPTS Pca9555ClearActiveInterrupts;
GPIO_CLIENT_QUERY_ENABLED_INTERRUPTS Pca9555QueryEnabledInterrupts;
GPIO_CLIENT_RECONFIGURE_INTERRUPT Pca9555ReconfigureInterrupt;
GPIO_CLIENT_CONNECT_IO_PINS Pca9555ConnectIoPins;
GPIO_CLIENT_DISCONNECT_IO_PINS Pca9555DisconnectIoPins;
GPIO_CLIENT_READ_PINS_MASK Pca9555ReadGpioPinsUsingMask;
GPIO_CLIENT_WRITE_PINS_MASK Pca9555WriteGpioPinsUsingMask;

#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, Pca9555EvtDeviceAdd)
#pragma alloc_text(PAGE, Pca9555EvtDriverUnload)

/* ---------------------------------------------------------------- registers */

static USHORT Pca9555Pair(_In_ UCHAR Port0, _In_ UCHAR Port1)
{
	return (USHORT)(Port0 | (Port1 << 8));
}

/* Read both ports of a register pair: one transfer. */
static NTSTATUS Pca9555ReadPair(_In_ PPCA9555_CONTEXT Context, _In_ UCHAR Register,
				_Out_ PUSHORT Value)
{
	UCHAR Bytes[2];
	NTSTATUS Status;

	Status = Pca9555ReadRegisters(Context, Register, Bytes, 2);
	if (NT_SUCCESS(Status))
		*Value = Pca9555Pair(Bytes[0], Bytes[1]);
	return Status;
}

/*
 * Change a register pair from Old to New, writing only the port(s) that
 * change, in one transfer; nothing at all if neither does.
 */
static NTSTATUS Pca9555UpdatePair(_In_ PPCA9555_CONTEXT Context, _In_ UCHAR Register,
				  _In_ USHORT Old, _In_ USHORT New)
{
	UCHAR Bytes[2] = { (UCHAR)(New & 0xff), (UCHAR)(New >> 8) };
	USHORT Changed = Old ^ New;

	if (Changed == 0)
		return STATUS_SUCCESS;
	if ((Changed & 0xff00) == 0)
		return Pca9555WriteRegisters(Context, Register, &Bytes[0], 1);
	if ((Changed & 0x00ff) == 0)
		return Pca9555WriteRegisters(Context, Register + 1, &Bytes[1], 1);
	return Pca9555WriteRegisters(Context, Register, Bytes, 2);
}

static NTSTATUS Pca9555SetConfig(_In_ PPCA9555_CONTEXT Context, _In_ USHORT Config)
{
	NTSTATUS Status = Pca9555UpdatePair(Context, PCA9555_REG_CONFIG, Context->Config, Config);

	if (NT_SUCCESS(Status))
		Context->Config = Config;
	return Status;
}

/*
 * Read the input port (which also clears INT) and turn the changes of the
 * enabled input pins since the last read into pending edges.
 */
static NTSTATUS Pca9555SampleInputs(_In_ PPCA9555_CONTEXT Context)
{
	USHORT Input, Changed, Edges;
	NTSTATUS Status;

	Status = Pca9555ReadPair(Context, PCA9555_REG_INPUT, &Input);
	if (!NT_SUCCESS(Status))
		return Status;
	Changed = (USHORT)((Input ^ Context->Latched) & Context->Config & Context->IntEnabled);
	Edges = (USHORT)((Input & Context->IntRising) | (~Input & Context->IntFalling));
	Context->IntPending |= Changed & Edges;
	Context->Latched = Input;
	return STATUS_SUCCESS;
}

/* The pins of a pin table as a mask; STATUS_INVALID_PARAMETER past pin 15. */
static NTSTATUS Pca9555PinMask(_In_ BANK_ID BankId, _In_reads_(PinCount) PPIN_NUMBER Pins,
			       _In_ ULONG PinCount, _Out_ PUSHORT Mask)
{
	ULONG Index;

	*Mask = 0;
	if (BankId != PCA9555_BANK_ID || (PinCount != 0 && Pins == NULL))
		return STATUS_INVALID_PARAMETER;
	for (Index = 0; Index < PinCount; Index++) {
		if (Pins[Index] >= PCA9555_PINS)
			return STATUS_INVALID_PARAMETER;
		*Mask |= (USHORT)(1U << Pins[Index]);
	}
	return STATUS_SUCCESS;
}

/* The edges an interrupt mode and polarity ask for. */
static NTSTATUS Pca9555EdgeMasks(_In_ KINTERRUPT_MODE Mode, _In_ KINTERRUPT_POLARITY Polarity,
				 _Out_ PBOOLEAN Rising, _Out_ PBOOLEAN Falling)
{
	if (Mode != Latched)
		return STATUS_NOT_SUPPORTED;
	switch (Polarity) {
	case InterruptRisingEdge:
		*Rising = TRUE;
		*Falling = FALSE;
		return STATUS_SUCCESS;
	case InterruptFallingEdge:
		*Rising = FALSE;
		*Falling = TRUE;
		return STATUS_SUCCESS;
	case InterruptActiveBoth:
	case InterruptActiveBothTriggerHigh:
		*Rising = TRUE;
		*Falling = TRUE;
		return STATUS_SUCCESS;
	default:
		return STATUS_INVALID_PARAMETER;
	}
}

static VOID Pca9555SetEdges(_In_ PPCA9555_CONTEXT Context, _In_ USHORT Bit, _In_ BOOLEAN Rising,
			    _In_ BOOLEAN Falling)
{
	Context->IntRising = (USHORT)(Rising ? Context->IntRising | Bit : Context->IntRising & ~Bit);
	Context->IntFalling = (USHORT)(Falling ? Context->IntFalling | Bit :
					       Context->IntFalling & ~Bit);
}

/* ------------------------------------------------------ driver and device */

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
	GPIO_CLIENT_REGISTRATION_PACKET RegistrationPacket;
	WDF_DRIVER_CONFIG DriverConfig;
	WDFDRIVER Driver;
	NTSTATUS Status;

	WDF_DRIVER_CONFIG_INIT(&DriverConfig, Pca9555EvtDeviceAdd);
	DriverConfig.EvtDriverUnload = Pca9555EvtDriverUnload;
	Status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
				 &DriverConfig, &Driver);
	if (!NT_SUCCESS(Status))
		return Status;

	RtlZeroMemory(&RegistrationPacket, sizeof(RegistrationPacket));
	RegistrationPacket.Version = GPIO_CLIENT_VERSION;
	RegistrationPacket.Size = sizeof(RegistrationPacket);
	RegistrationPacket.ControllerContextSize = sizeof(PCA9555_CONTEXT);
	RegistrationPacket.CLIENT_PrepareController = Pca9555PrepareController;
	RegistrationPacket.CLIENT_ReleaseController = Pca9555ReleaseController;
	RegistrationPacket.CLIENT_StartController = Pca9555StartController;
	RegistrationPacket.CLIENT_StopController = Pca9555StopController;
	RegistrationPacket.CLIENT_QueryControllerBasicInformation =
		Pca9555QueryControllerBasicInformation;
	RegistrationPacket.CLIENT_EnableInterrupt = Pca9555EnableInterrupt;
	RegistrationPacket.CLIENT_DisableInterrupt = Pca9555DisableInterrupt;
	RegistrationPacket.CLIENT_UnmaskInterrupt = Pca9555UnmaskInterrupt;
	RegistrationPacket.CLIENT_MaskInterrupts = Pca9555MaskInterrupts;
	RegistrationPacket.CLIENT_QueryActiveInterrupts = Pca9555QueryActiveInterrupts;
	RegistrationPacket.CLIENT_ClearActiveInterrupts = Pca9555ClearActiveInterrupts;
	RegistrationPacket.CLIENT_QueryEnabledInterrupts = Pca9555QueryEnabledInterrupts;
	RegistrationPacket.CLIENT_ReconfigureInterrupt = Pca9555ReconfigureInterrupt;
	RegistrationPacket.CLIENT_ConnectIoPins = Pca9555ConnectIoPins;
	RegistrationPacket.CLIENT_DisconnectIoPins = Pca9555DisconnectIoPins;
	RegistrationPacket.CLIENT_ReadGpioPinsUsingMask = Pca9555ReadGpioPinsUsingMask;
	RegistrationPacket.CLIENT_WriteGpioPinsUsingMask = Pca9555WriteGpioPinsUsingMask;
	return GPIO_CLX_RegisterClient(Driver, &RegistrationPacket, RegistryPath);
}

VOID Pca9555EvtDriverUnload(_In_ WDFDRIVER Driver)
{
	PAGED_CODE();
	(VOID)GPIO_CLX_UnregisterClient(Driver);
}

NTSTATUS Pca9555EvtDeviceAdd(_In_ WDFDRIVER Driver, _Inout_ PWDFDEVICE_INIT DeviceInit)
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

/* --------------------------------------------------------- controller life */

/*
 * The resources: one I2C connection (the expander), and at most one
 * interrupt (its INT pin; without it the pins still work, without
 * interrupts).
 */
NTSTATUS Pca9555PrepareController(_In_ WDFDEVICE Device, _In_ PVOID Context,
				  _In_ WDFCMRESLIST ResourcesRaw,
				  _In_ WDFCMRESLIST ResourcesTranslated)
{
	PPCA9555_CONTEXT GpioContext = (PPCA9555_CONTEXT)Context;
	PCM_PARTIAL_RESOURCE_DESCRIPTOR Descriptor;
	ULONG Index, Count, Interrupts = 0;
	BOOLEAN I2cFound = FALSE;

	UNREFERENCED_PARAMETER(ResourcesRaw);
	RtlZeroMemory(GpioContext, sizeof(*GpioContext));
	GpioContext->Device = Device;

	Count = WdfCmResourceListGetCount(ResourcesTranslated);
	for (Index = 0; Index < Count; Index++) {
		Descriptor = WdfCmResourceListGetDescriptor(ResourcesTranslated, Index);
		if (Descriptor == NULL)
			return STATUS_DEVICE_CONFIGURATION_ERROR;
		switch (Descriptor->Type) {
		case CmResourceTypeConnection:
			if (Descriptor->u.Connection.Class == CM_RESOURCE_CONNECTION_CLASS_SERIAL &&
			    Descriptor->u.Connection.Type == CM_RESOURCE_CONNECTION_TYPE_SERIAL_I2C &&
			    !I2cFound) {
				GpioContext->SpbConnectionId.LowPart =
					Descriptor->u.Connection.IdLowPart;
				GpioContext->SpbConnectionId.HighPart =
					(LONG)Descriptor->u.Connection.IdHighPart;
				I2cFound = TRUE;
			}
			break;
		case CmResourceTypeInterrupt:
			Interrupts++;
			break;
		default:
			break;
		}
	}
	if (!I2cFound || Interrupts > 1)
		return STATUS_DEVICE_CONFIGURATION_ERROR;
	return Pca9555SpbOpen(GpioContext);
}

NTSTATUS Pca9555ReleaseController(_In_ WDFDEVICE Device, _In_ PVOID Context)
{
	UNREFERENCED_PARAMETER(Device);
	Pca9555SpbClose((PPCA9555_CONTEXT)Context);
	return STATUS_SUCCESS;
}

NTSTATUS Pca9555QueryControllerBasicInformation(
	_In_ PVOID Context, _Out_ PCLIENT_CONTROLLER_BASIC_INFORMATION ControllerInformation)
{
	UNREFERENCED_PARAMETER(Context);
	ControllerInformation->Version = GPIO_CONTROLLER_BASIC_INFORMATION_VERSION;
	ControllerInformation->Size = sizeof(*ControllerInformation);
	ControllerInformation->TotalPins = PCA9555_PINS;
	ControllerInformation->NumberOfPinsPerBank = PCA9555_PINS;
	ControllerInformation->Flags.MemoryMappedController = FALSE;
	ControllerInformation->Flags.FormatIoRequestsAsMasks = TRUE;
	return STATUS_SUCCESS;
}

/*
 * Power-up: learn the output and direction registers (the shadows every
 * later write starts from), clear polarity inversion, and take the input
 * port as the reference for interrupt edges. After a power loss
 * (RestoreContext) the shadows are written back instead.
 */
NTSTATUS Pca9555StartController(_In_ PVOID Context, _In_ BOOLEAN RestoreContext,
				_In_ WDF_POWER_DEVICE_STATE PreviousPowerState)
{
	static const UCHAR NoInversion[2] = { 0, 0 };
	PPCA9555_CONTEXT GpioContext = (PPCA9555_CONTEXT)Context;
	UCHAR Bytes[2];
	NTSTATUS Status;

	UNREFERENCED_PARAMETER(PreviousPowerState);
	if (RestoreContext) {
		Bytes[0] = (UCHAR)(GpioContext->Output & 0xff);
		Bytes[1] = (UCHAR)(GpioContext->Output >> 8);
		Status = Pca9555WriteRegisters(GpioContext, PCA9555_REG_OUTPUT, Bytes, 2);
		if (!NT_SUCCESS(Status))
			return Status;
		Bytes[0] = (UCHAR)(GpioContext->Config & 0xff);
		Bytes[1] = (UCHAR)(GpioContext->Config >> 8);
		Status = Pca9555WriteRegisters(GpioContext, PCA9555_REG_CONFIG, Bytes, 2);
	} else {
		Status = Pca9555ReadPair(GpioContext, PCA9555_REG_OUTPUT, &GpioContext->Output);
		if (NT_SUCCESS(Status))
			Status = Pca9555ReadPair(GpioContext, PCA9555_REG_CONFIG,
						 &GpioContext->Config);
	}
	if (!NT_SUCCESS(Status))
		return Status;
	Status = Pca9555WriteRegisters(GpioContext, PCA9555_REG_POLARITY, NoInversion, 2);
	if (!NT_SUCCESS(Status))
		return Status;
	return Pca9555ReadPair(GpioContext, PCA9555_REG_INPUT, &GpioContext->Latched);
}

/* Nothing to save: the shadows are the context. The chip keeps its state. */
NTSTATUS Pca9555StopController(_In_ PVOID Context, _In_ BOOLEAN SaveContext,
			       _In_ WDF_POWER_DEVICE_STATE TargetState)
{
	UNREFERENCED_PARAMETER(Context);
	UNREFERENCED_PARAMETER(SaveContext);
	UNREFERENCED_PARAMETER(TargetState);
	return STATUS_SUCCESS;
}

/* ------------------------------------------------------------------ I/O */

/*
 * Pulls, debounce and drive strength are not the chip's (its inputs have a
 * fixed pull-up): a connection asking for any of them is refused.
 */
NTSTATUS Pca9555ConnectIoPins(_In_ PVOID Context,
			      _In_ PGPIO_CONNECT_IO_PINS_PARAMETERS ConnectParameters)
{
	PPCA9555_CONTEXT GpioContext = (PPCA9555_CONTEXT)Context;
	USHORT Mask;
	NTSTATUS Status;

	Status = Pca9555PinMask(ConnectParameters->BankId, ConnectParameters->PinNumberTable,
				ConnectParameters->PinCount, &Mask);
	if (!NT_SUCCESS(Status))
		return Status;
	if ((ConnectParameters->PullConfiguration != GPIO_PIN_PULL_CONFIGURATION_DEFAULT &&
	     ConnectParameters->PullConfiguration != GPIO_PIN_PULL_CONFIGURATION_NONE) ||
	    ConnectParameters->DebounceTimeout != 0 || ConnectParameters->DriveStrength != 0)
		return STATUS_NOT_SUPPORTED;
	switch (ConnectParameters->ConnectMode) {
	case ConnectModeInput:
		return Pca9555SetConfig(GpioContext, GpioContext->Config | Mask);
	case ConnectModeOutput:
		return Pca9555SetConfig(GpioContext, (USHORT)(GpioContext->Config & ~Mask));
	default:
		return STATUS_NOT_SUPPORTED;
	}
}

/* Back to input (the power-on state), unless asked to keep the configuration. */
NTSTATUS Pca9555DisconnectIoPins(_In_ PVOID Context,
				 _In_ PGPIO_DISCONNECT_IO_PINS_PARAMETERS DisconnectParameters)
{
	PPCA9555_CONTEXT GpioContext = (PPCA9555_CONTEXT)Context;
	USHORT Mask;
	NTSTATUS Status;

	Status = Pca9555PinMask(DisconnectParameters->BankId, DisconnectParameters->PinNumberTable,
				DisconnectParameters->PinCount, &Mask);
	if (!NT_SUCCESS(Status))
		return Status;
	if (DisconnectParameters->DisconnectFlags.PreserveConfiguration)
		return STATUS_SUCCESS;
	return Pca9555SetConfig(GpioContext, GpioContext->Config | Mask);
}

/* Every pin's level (inputs and outputs alike) from the input port: one transfer. */
NTSTATUS Pca9555ReadGpioPinsUsingMask(_In_ PVOID Context,
				      _In_ PGPIO_READ_PINS_MASK_PARAMETERS ReadParameters)
{
	USHORT Input;
	NTSTATUS Status;

	if (ReadParameters->BankId != PCA9555_BANK_ID || ReadParameters->PinValues == NULL)
		return STATUS_INVALID_PARAMETER;
	Status = Pca9555ReadPair((PPCA9555_CONTEXT)Context, PCA9555_REG_INPUT, &Input);
	if (NT_SUCCESS(Status))
		*ReadParameters->PinValues = Input;
	return Status;
}

NTSTATUS Pca9555WriteGpioPinsUsingMask(_In_ PVOID Context,
				       _In_ PGPIO_WRITE_PINS_MASK_PARAMETERS WriteParameters)
{
	PPCA9555_CONTEXT GpioContext = (PPCA9555_CONTEXT)Context;
	USHORT Output;
	NTSTATUS Status;

	if (WriteParameters->BankId != PCA9555_BANK_ID ||
	    ((WriteParameters->SetMask | WriteParameters->ClearMask) & ~(ULONG64)PCA9555_ALL_PINS))
		return STATUS_INVALID_PARAMETER;
	Output = (USHORT)((GpioContext->Output & ~WriteParameters->ClearMask) |
			  WriteParameters->SetMask);
	Status = Pca9555UpdatePair(GpioContext, PCA9555_REG_OUTPUT, GpioContext->Output, Output);
	if (NT_SUCCESS(Status))
		GpioContext->Output = Output;
	return Status;
}

/* ------------------------------------------------------------ interrupts */

/*
 * The pin becomes an input (the chip interrupts on input changes only), and
 * its reference level is the one read now: earlier changes are not edges.
 */
NTSTATUS Pca9555EnableInterrupt(_In_ PVOID Context,
				_In_ PGPIO_ENABLE_INTERRUPT_PARAMETERS EnableParameters)
{
	PPCA9555_CONTEXT GpioContext = (PPCA9555_CONTEXT)Context;
	BOOLEAN Rising, Falling;
	USHORT Bit;
	NTSTATUS Status;

	if (EnableParameters->BankId != PCA9555_BANK_ID ||
	    EnableParameters->PinNumber >= PCA9555_PINS)
		return STATUS_INVALID_PARAMETER;
	if (EnableParameters->DebounceTimeout != 0)
		return STATUS_NOT_SUPPORTED;	/* no debounce in the chip */
	Status = Pca9555EdgeMasks(EnableParameters->InterruptMode, EnableParameters->Polarity,
				  &Rising, &Falling);
	if (!NT_SUCCESS(Status))
		return Status;
	Bit = (USHORT)(1U << EnableParameters->PinNumber);
	Status = Pca9555SetConfig(GpioContext, GpioContext->Config | Bit);
	if (NT_SUCCESS(Status))
		Status = Pca9555SampleInputs(GpioContext);
	if (!NT_SUCCESS(Status))
		return Status;
	Pca9555SetEdges(GpioContext, Bit, Rising, Falling);
	GpioContext->IntPending &= (USHORT)~Bit;
	GpioContext->IntMasked &= (USHORT)~Bit;
	GpioContext->IntEnabled |= Bit;
	return STATUS_SUCCESS;
}

NTSTATUS Pca9555DisableInterrupt(_In_ PVOID Context,
				 _In_ PGPIO_DISABLE_INTERRUPT_PARAMETERS DisableParameters)
{
	PPCA9555_CONTEXT GpioContext = (PPCA9555_CONTEXT)Context;
	USHORT Bit;

	if (DisableParameters->BankId != PCA9555_BANK_ID ||
	    DisableParameters->PinNumber >= PCA9555_PINS)
		return STATUS_INVALID_PARAMETER;
	Bit = (USHORT)(1U << DisableParameters->PinNumber);
	GpioContext->IntEnabled &= (USHORT)~Bit;
	GpioContext->IntMasked &= (USHORT)~Bit;
	GpioContext->IntPending &= (USHORT)~Bit;
	Pca9555SetEdges(GpioContext, Bit, FALSE, FALSE);
	return STATUS_SUCCESS;
}

NTSTATUS Pca9555MaskInterrupts(_In_ PVOID Context,
			       _In_ PGPIO_MASK_INTERRUPT_PARAMETERS MaskParameters)
{
	PPCA9555_CONTEXT GpioContext = (PPCA9555_CONTEXT)Context;

	if (MaskParameters->BankId != PCA9555_BANK_ID)
		return STATUS_INVALID_PARAMETER;
	GpioContext->IntMasked |= (USHORT)(MaskParameters->PinMask & PCA9555_ALL_PINS);
	MaskParameters->FailedMask = MaskParameters->PinMask & ~(ULONG64)PCA9555_ALL_PINS;
	return STATUS_SUCCESS;
}

NTSTATUS Pca9555UnmaskInterrupt(_In_ PVOID Context,
				_In_ PGPIO_ENABLE_INTERRUPT_PARAMETERS UnmaskParameters)
{
	PPCA9555_CONTEXT GpioContext = (PPCA9555_CONTEXT)Context;

	if (UnmaskParameters->BankId != PCA9555_BANK_ID ||
	    UnmaskParameters->PinNumber >= PCA9555_PINS)
		return STATUS_INVALID_PARAMETER;
	GpioContext->IntMasked &= (USHORT)~(1U << UnmaskParameters->PinNumber);
	return STATUS_SUCCESS;
}

/* One transfer: the input port read that also clears INT. */
NTSTATUS Pca9555QueryActiveInterrupts(
	_In_ PVOID Context, _In_ PGPIO_QUERY_ACTIVE_INTERRUPTS_PARAMETERS QueryActiveParameters)
{
	PPCA9555_CONTEXT GpioContext = (PPCA9555_CONTEXT)Context;
	NTSTATUS Status;

	if (QueryActiveParameters->BankId != PCA9555_BANK_ID)
		return STATUS_INVALID_PARAMETER;
	Status = Pca9555SampleInputs(GpioContext);
	if (!NT_SUCCESS(Status))
		return Status;
	QueryActiveParameters->ActiveMask = GpioContext->IntPending &
					    QueryActiveParameters->EnabledMask &
					    (USHORT)~GpioContext->IntMasked;
	return STATUS_SUCCESS;
}

NTSTATUS Pca9555ClearActiveInterrupts(
	_In_ PVOID Context, _In_ PGPIO_CLEAR_ACTIVE_INTERRUPTS_PARAMETERS ClearParameters)
{
	PPCA9555_CONTEXT GpioContext = (PPCA9555_CONTEXT)Context;

	if (ClearParameters->BankId != PCA9555_BANK_ID)
		return STATUS_INVALID_PARAMETER;
	GpioContext->IntPending &= (USHORT)~ClearParameters->ClearActiveMask;
	ClearParameters->FailedClearMask = 0;
	return STATUS_SUCCESS;
}

NTSTATUS Pca9555QueryEnabledInterrupts(
	_In_ PVOID Context, _In_ PGPIO_QUERY_ENABLED_INTERRUPTS_PARAMETERS QueryEnabledParameters)
{
	if (QueryEnabledParameters->BankId != PCA9555_BANK_ID)
		return STATUS_INVALID_PARAMETER;
	QueryEnabledParameters->EnabledMask = ((PPCA9555_CONTEXT)Context)->IntEnabled;
	return STATUS_SUCCESS;
}

NTSTATUS Pca9555ReconfigureInterrupt(
	_In_ PVOID Context, _In_ PGPIO_RECONFIGURE_INTERRUPTS_PARAMETERS ReconfigureParameters)
{
	PPCA9555_CONTEXT GpioContext = (PPCA9555_CONTEXT)Context;
	BOOLEAN Rising, Falling;
	NTSTATUS Status;

	if (ReconfigureParameters->BankId != PCA9555_BANK_ID ||
	    ReconfigureParameters->PinNumber >= PCA9555_PINS)
		return STATUS_INVALID_PARAMETER;
	Status = Pca9555EdgeMasks(ReconfigureParameters->InterruptMode,
				  ReconfigureParameters->Polarity, &Rising, &Falling);
	if (NT_SUCCESS(Status))
		Pca9555SetEdges(GpioContext, (USHORT)(1U << ReconfigureParameters->PinNumber),
				Rising, Falling);
	return Status;
}
