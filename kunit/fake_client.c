// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * fake_client.c - the recording fake GpioClx client (see fake_client.h).
 *
 * Written like a client: a DriverEntry that registers a packet, an
 * EvtDriverDeviceAdd, one function per callback. Each callback records
 * itself, may be told to fail, and updates a small hardware model.
 */
#include <linux/gpio/machine.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/irqdomain.h>
#include <linux/pm_domain.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>

#include "fake_client.h"

struct fake *fake;

/* when the suites are a module: the shim's exports are namespaced */
MODULE_IMPORT_NS(GPIOCLX_NS);

/* The controller context: the fake keeps its state globally, tests read it. */
struct fake_context {
	u32 magic;
	PULONG registers;
};

#define FAKE_CONTEXT_MAGIC 0xfa4ec1e7

static NTSTATUS fake_enter(struct fake_call *call)
{
	unsigned int n = ++fake->ncalls[call->cb];

	call->irqs_off = irqs_disabled();
	call->atomic = irqs_disabled();	/* sleeping is checked by might_sleep() */
	call->preemptible = preemptible();
	if (fake->ncall < FAKE_MAX_CALLS)
		fake->calls[fake->ncall++] = *call;
	if (fake->fail_at && call->cb == fake->fail_cb && n >= fake->fail_at &&
	    n < fake->fail_at + fake->fail_count)
		return fake->fail_status;
	return STATUS_SUCCESS;
}

/* GpioClx runs every serial-controller callback at PASSIVE: prove it. */
static void fake_passive_check(void)
{
	if (fake->cfg.serial)
		might_sleep();
}

static struct fake_bank *fake_bank(BANK_ID id)
{
	return id < FAKE_MAX_BANKS ? &fake->banks[id] : NULL;
}

static void fake_recompute_level_status(struct fake_bank *b)
{
	u64 level_pins = b->enabled & b->level_mode;
	u64 match = ~(b->level ^ b->active_high);

	b->status = (b->status & ~level_pins) | (level_pins & match);
}

u64 fake_pending(unsigned int bank)
{
	struct fake_bank *b = &fake->banks[bank];

	return b->status & b->enabled & ~b->masked;
}

void fake_drive(unsigned int bank, unsigned int pin, bool level)
{
	struct fake_bank *b = &fake->banks[bank];
	u64 bit = BIT_ULL(pin), old = b->level;
	u64 rising, falling, edge;

	if (level)
		b->level |= bit;
	else
		b->level &= ~bit;
	rising = ~old & b->level;
	falling = old & ~b->level;
	edge = b->enabled & ~b->level_mode;
	b->status |= edge & ((rising & (b->active_high | b->both)) |
			     (falling & (~b->active_high | b->both)));
	fake_recompute_level_status(b);
}

static unsigned int fake_parent_of(unsigned int bank)
{
	return min(bank, fake->cfg.nirqs - 1);
}

static bool fake_parent_pending(unsigned int parent)
{
	unsigned int b;

	for (b = 0; b < fake->cfg.banks; b++)
		if (fake_parent_of(b) == parent && fake_pending(b))
			return true;
	return false;
}

unsigned int fake_deliver(unsigned int bank, unsigned int max)
{
	unsigned int parent = fake_parent_of(bank), passes = 0;

	/* a level-triggered parent line: it fires for as long as it is asserted */
	while (passes < max && fake_parent_pending(parent)) {
		generic_handle_irq_safe(fake->parent_virq[parent]);
		passes++;
	}
	return passes;
}

/* --- the client ------------------------------------------------------ */

static GPIO_CLIENT_PREPARE_CONTROLLER FakePrepareController;
static GPIO_CLIENT_RELEASE_CONTROLLER FakeReleaseController;
static GPIO_CLIENT_START_CONTROLLER FakeStartController;
static GPIO_CLIENT_STOP_CONTROLLER FakeStopController;
static GPIO_CLIENT_QUERY_CONTROLLER_BASIC_INFORMATION FakeQueryBasicInformation;
static GPIO_CLIENT_CONNECT_IO_PINS FakeConnectIoPins;
static GPIO_CLIENT_DISCONNECT_IO_PINS FakeDisconnectIoPins;
static GPIO_CLIENT_READ_PINS_MASK FakeReadPinsMask;
static GPIO_CLIENT_WRITE_PINS_MASK FakeWritePinsMask;
static GPIO_CLIENT_READ_PINS FakeReadPins;
static GPIO_CLIENT_WRITE_PINS FakeWritePins;
static GPIO_CLIENT_ENABLE_INTERRUPT FakeEnableInterrupt;
static GPIO_CLIENT_DISABLE_INTERRUPT FakeDisableInterrupt;
static GPIO_CLIENT_MASK_INTERRUPTS FakeMaskInterrupts;
static GPIO_CLIENT_UNMASK_INTERRUPT FakeUnmaskInterrupt;
static GPIO_CLIENT_QUERY_ACTIVE_INTERRUPTS FakeQueryActiveInterrupts;
static GPIO_CLIENT_CLEAR_ACTIVE_INTERRUPTS FakeClearActiveInterrupts;
static GPIO_CLIENT_RECONFIGURE_INTERRUPT FakeReconfigureInterrupt;
static GPIO_CLIENT_QUERY_ENABLED_INTERRUPTS FakeQueryEnabledInterrupts;
static GPIO_CLIENT_PRE_PROCESS_CONTROLLER_INTERRUPT FakePreProcess;
static GPIO_CLIENT_SAVE_BANK_HARDWARE_CONTEXT FakeSaveBank;
static GPIO_CLIENT_RESTORE_BANK_HARDWARE_CONTEXT FakeRestoreBank;
static EVT_WDF_DRIVER_DEVICE_ADD FakeEvtDeviceAdd;
static EVT_WDF_DRIVER_UNLOAD FakeEvtDriverUnload;
static DRIVER_INITIALIZE FakeDriverEntry;

static NTSTATUS FakePrepareController(WDFDEVICE Device, PVOID Context,
				      WDFCMRESLIST ResourcesRaw, WDFCMRESLIST ResourcesTranslated)
{
	struct fake_call c = { .cb = GPIOCLX_CB_PREPARE };
	struct fake_context *ctx = Context;
	PCM_PARTIAL_RESOURCE_DESCRIPTOR d, mem = NULL;
	ULONG i, irqs = 0;
	NTSTATUS status;

	fake_passive_check();
	status = fake_enter(&c);
	if (!NT_SUCCESS(status))
		return status;
	for (i = 0; i < WdfCmResourceListGetCount(ResourcesTranslated); i++) {
		d = WdfCmResourceListGetDescriptor(ResourcesTranslated, i);
		if (d->Type == CmResourceTypeInterrupt)
			irqs++;
		else if (d->Type == CmResourceTypeMemory && !mem)
			mem = d;
	}
	if (!mem || irqs != (fake->cfg.no_interrupts ? 0 : fake->cfg.nirqs))
		return STATUS_DEVICE_CONFIGURATION_ERROR;
	ctx->registers = MmMapIoSpaceEx(mem->u.Memory.Start, mem->u.Memory.Length,
					PAGE_READWRITE | PAGE_NOCACHE);
	if (!ctx->registers)
		return STATUS_INSUFFICIENT_RESOURCES;
	fake->mapped++;
	if (READ_REGISTER_ULONG(ctx->registers) != FAKE_ID_REGISTER) {
		MmUnmapIoSpace(ctx->registers, mem->u.Memory.Length);
		fake->mapped--;
		return STATUS_DEVICE_DOES_NOT_EXIST;
	}
	ctx->magic = FAKE_CONTEXT_MAGIC;
	fake->prepare_count++;
	return STATUS_SUCCESS;
}

static NTSTATUS FakeReleaseController(WDFDEVICE Device, PVOID Context)
{
	struct fake_call c = { .cb = GPIOCLX_CB_RELEASE };
	struct fake_context *ctx = Context;

	fake_passive_check();
	fake->release_count++;
	if (ctx->registers) {
		MmUnmapIoSpace(ctx->registers, resource_size(&fake->window));
		ctx->registers = NULL;
		fake->mapped--;
	}
	return fake_enter(&c);
}

static NTSTATUS FakeStartController(PVOID Context, BOOLEAN RestoreContext,
				    WDF_POWER_DEVICE_STATE PreviousPowerState)
{
	struct fake_call c = { .cb = GPIOCLX_CB_START, .restore = RestoreContext,
			       .state = PreviousPowerState };
	NTSTATUS status;

	fake_passive_check();
	status = fake_enter(&c);
	if (NT_SUCCESS(status))
		fake->start_count++;
	return status;
}

static NTSTATUS FakeStopController(PVOID Context, BOOLEAN SaveContext,
				   WDF_POWER_DEVICE_STATE TargetState)
{
	struct fake_call c = { .cb = GPIOCLX_CB_STOP, .restore = SaveContext,
			       .state = TargetState };

	fake_passive_check();
	fake->stop_count++;
	fake->stopped_saved = SaveContext;
	return fake_enter(&c);
}

static NTSTATUS FakeQueryBasicInformation(PVOID Context,
					  PCLIENT_CONTROLLER_BASIC_INFORMATION Information)
{
	struct fake_call c = { .cb = GPIOCLX_CB_QUERY_BASIC_INFO };
	NTSTATUS status;

	fake_passive_check();
	status = fake_enter(&c);
	if (!NT_SUCCESS(status))
		return status;
	Information->Version = GPIO_CONTROLLER_BASIC_INFORMATION_VERSION;
	Information->Size = sizeof(*Information);
	Information->TotalPins = fake->cfg.total_pins;
	Information->NumberOfPinsPerBank = fake->cfg.ppb;
	Information->Flags = fake->cfg.flags;
	if (fake->cfg.mutate_info)
		fake->cfg.mutate_info(Information);
	return STATUS_SUCCESS;
}

static u64 fake_table_mask(const PIN_NUMBER *table, ULONG count)
{
	u64 m = 0;
	ULONG i;

	for (i = 0; i < count; i++)
		m |= BIT_ULL(table[i]);
	return m;
}

static NTSTATUS FakeConnectIoPins(PVOID Context, PGPIO_CONNECT_IO_PINS_PARAMETERS p)
{
	struct fake_call c = {
		.cb = GPIOCLX_CB_CONNECT_IO, .bank = p->BankId,
		.pins = fake_table_mask(p->PinNumberTable, p->PinCount), .mode = p->ConnectMode,
		.pull = p->PullConfiguration, .debounce = p->DebounceTimeout,
		.drive = p->DriveStrength, .flags = p->ConnectFlags.AsULONG,
	};
	struct fake_bank *b = fake_bank(p->BankId);
	NTSTATUS status;

	fake_passive_check();
	status = fake_enter(&c);
	if (!NT_SUCCESS(status))
		return status;
	if (fake->during_connect)
		fake->during_connect();
	if (!b || p->ConnectMode < ConnectModeInput || p->ConnectMode > ConnectModeMaximum)
		return STATUS_INVALID_PARAMETER;
	if ((p->PullConfiguration < 8 && fake->cfg.refuse_pull & BIT(p->PullConfiguration)) ||
	    (p->DebounceTimeout && fake->cfg.refuse_debounce) ||
	    (p->DriveStrength && fake->cfg.refuse_drive))
		return STATUS_NOT_SUPPORTED;
	if (fake->cfg.lock_in_callbacks)
		GPIO_CLX_AcquireInterruptLock(Context, p->BankId);
	b->connected |= c.pins;
	if (fake->cfg.lock_in_callbacks)
		GPIO_CLX_ReleaseInterruptLock(Context, p->BankId);
	if (p->ConnectMode == ConnectModeOutput)
		b->output |= c.pins;
	else
		b->output &= ~c.pins;
	return STATUS_SUCCESS;
}

static NTSTATUS FakeDisconnectIoPins(PVOID Context, PGPIO_DISCONNECT_IO_PINS_PARAMETERS p)
{
	struct fake_call c = {
		.cb = GPIOCLX_CB_DISCONNECT_IO, .bank = p->BankId,
		.pins = fake_table_mask(p->PinNumberTable, p->PinCount),
		.mode = p->DisconnectMode, .flags = p->DisconnectFlags.AsULONG,
	};
	struct fake_bank *b = fake_bank(p->BankId);
	NTSTATUS status;

	fake_passive_check();
	status = fake_enter(&c);
	if (!NT_SUCCESS(status))
		return status;
	if (fake->during_disconnect)
		fake->during_disconnect();
	b->connected &= ~c.pins;
	if (!p->DisconnectFlags.PreserveConfiguration)
		b->output &= ~c.pins;	/* back to input */
	return STATUS_SUCCESS;
}

/* What a pin reads: outputs their latch, inputs the driven level. */
static u64 fake_levels(struct fake_bank *b)
{
	return (b->latch & b->output) | (b->level & ~b->output);
}

static NTSTATUS FakeReadPinsMask(PVOID Context, PGPIO_READ_PINS_MASK_PARAMETERS p)
{
	struct fake_call c = { .cb = GPIOCLX_CB_READ, .bank = p->BankId, .pins = ~0ULL,
			       .flags = p->Flags.AsULONG };
	NTSTATUS status;

	fake_passive_check();
	status = fake_enter(&c);
	if (NT_SUCCESS(status))
		*p->PinValues = fake_levels(fake_bank(p->BankId));
	return status;
}

static NTSTATUS FakeWritePinsMask(PVOID Context, PGPIO_WRITE_PINS_MASK_PARAMETERS p)
{
	struct fake_call c = { .cb = GPIOCLX_CB_WRITE, .bank = p->BankId,
			       .pins = p->SetMask | p->ClearMask, .set = p->SetMask,
			       .clear = p->ClearMask };
	struct fake_bank *b = fake_bank(p->BankId);
	NTSTATUS status;

	fake_passive_check();
	status = fake_enter(&c);
	if (NT_SUCCESS(status))
		b->latch = (b->latch | p->SetMask) & ~p->ClearMask;
	return status;
}

static NTSTATUS FakeReadPins(PVOID Context, PGPIO_READ_PINS_PARAMETERS p)
{
	struct fake_call c = { .cb = GPIOCLX_CB_READ, .bank = p->BankId,
			       .pins = fake_table_mask(p->PinNumberTable, p->PinCount),
			       .flags = p->Flags.AsULONG };
	u8 *buf = p->Buffer;
	NTSTATUS status;
	u64 levels;
	ULONG i;

	fake_passive_check();
	status = fake_enter(&c);
	if (!NT_SUCCESS(status))
		return status;
	levels = fake_levels(fake_bank(p->BankId));
	for (i = 0; i < p->PinCount; i++)
		if (levels & BIT_ULL(p->PinNumberTable[i]))
			buf[i / 8] |= BIT(i % 8);
	return STATUS_SUCCESS;
}

static NTSTATUS FakeWritePins(PVOID Context, PGPIO_WRITE_PINS_PARAMETERS p)
{
	struct fake_call c = { .cb = GPIOCLX_CB_WRITE, .bank = p->BankId,
			       .pins = fake_table_mask(p->PinNumberTable, p->PinCount) };
	struct fake_bank *b = fake_bank(p->BankId);
	const u8 *buf = p->Buffer;
	NTSTATUS status;
	ULONG i;

	for (i = 0; i < p->PinCount; i++) {
		if (buf[i / 8] & BIT(i % 8))
			c.set |= BIT_ULL(p->PinNumberTable[i]);
		else
			c.clear |= BIT_ULL(p->PinNumberTable[i]);
	}
	fake_passive_check();
	status = fake_enter(&c);
	if (NT_SUCCESS(status))
		b->latch = (b->latch | c.set) & ~c.clear;
	return status;
}

static void fake_program(struct fake_bank *b, u64 bit, KINTERRUPT_MODE mode,
			 KINTERRUPT_POLARITY polarity)
{
	b->level_mode = mode == LevelSensitive ? b->level_mode | bit : b->level_mode & ~bit;
	b->active_high = polarity == InterruptActiveHigh ? b->active_high | bit :
							   b->active_high & ~bit;
	b->both = polarity == InterruptActiveBoth ? b->both | bit : b->both & ~bit;
}

static NTSTATUS FakeEnableInterrupt(PVOID Context, PGPIO_ENABLE_INTERRUPT_PARAMETERS p)
{
	struct fake_call c = { .cb = GPIOCLX_CB_ENABLE_INTERRUPT, .bank = p->BankId,
			       .pins = BIT_ULL(p->PinNumber), .mode = p->InterruptMode,
			       .polarity = p->Polarity, .pull = p->PullConfiguration,
			       .debounce = p->DebounceTimeout };
	struct fake_bank *b = fake_bank(p->BankId);
	NTSTATUS status;

	fake_passive_check();
	status = fake_enter(&c);
	if (!NT_SUCCESS(status))
		return status;
	if (fake->cfg.flags.EmulateActiveBoth && p->Polarity == InterruptActiveBoth)
		return STATUS_NOT_SUPPORTED;	/* the shim must emulate it */
	if (fake->cfg.refuse_level && p->InterruptMode == LevelSensitive)
		return STATUS_NOT_SUPPORTED;
	fake_program(b, c.pins, p->InterruptMode, p->Polarity);
	b->status &= ~c.pins;
	b->enabled |= c.pins;
	b->masked &= ~c.pins;
	fake_recompute_level_status(b);
	return STATUS_SUCCESS;
}

static NTSTATUS FakeDisableInterrupt(PVOID Context, PGPIO_DISABLE_INTERRUPT_PARAMETERS p)
{
	struct fake_call c = { .cb = GPIOCLX_CB_DISABLE_INTERRUPT, .bank = p->BankId,
			       .pins = BIT_ULL(p->PinNumber), .flags = p->Flags.AsULONG,
			       /* the runtime-PM references held while it runs */
			       .state = fake->pdev ? atomic_read(&fake->pdev->dev.power.usage_count) :
						     -1 };
	struct fake_bank *b = fake_bank(p->BankId);
	NTSTATUS status;

	fake_passive_check();
	status = fake_enter(&c);
	if (!NT_SUCCESS(status))
		return status;
	b->enabled &= ~c.pins;
	b->masked &= ~c.pins;
	b->status &= ~c.pins;
	return STATUS_SUCCESS;
}

/* See fake_cfg.watch_lock_holds: is the hold a Mask opened still open? */
static int fake_hold_still_open(PVOID Context, BANK_ID BankId)
{
	int open;

	if (!fake->cfg.watch_lock_holds || !fake->ctrl)
		return -1;
	open = fake->ctrl->banks[BankId].client_lock_depth > 0;
	if (open)
		GPIO_CLX_ReleaseInterruptLock(Context, BankId);
	return open;
}

static NTSTATUS FakeMaskInterrupts(PVOID Context, PGPIO_MASK_INTERRUPT_PARAMETERS p)
{
	struct fake_call c = { .cb = GPIOCLX_CB_MASK_INTERRUPTS, .bank = p->BankId,
			       .pins = p->PinMask };
	NTSTATUS status;

	if (fake->cfg.watch_lock_holds && fake->ctrl)
		GPIO_CLX_AcquireInterruptLock(Context, p->BankId);

	fake_passive_check();
	status = fake_enter(&c);
	if (!NT_SUCCESS(status)) {
		p->FailedMask = p->PinMask;
		return status;
	}
	fake_bank(p->BankId)->masked |= p->PinMask;
	p->FailedMask = 0;
	return STATUS_SUCCESS;
}

static NTSTATUS FakeUnmaskInterrupt(PVOID Context, PGPIO_ENABLE_INTERRUPT_PARAMETERS p)
{
	struct fake_call c = { .cb = GPIOCLX_CB_UNMASK_INTERRUPT, .bank = p->BankId,
			       .pins = BIT_ULL(p->PinNumber), .mode = p->InterruptMode,
			       .polarity = p->Polarity, .pull = p->PullConfiguration,
			       .state = fake_hold_still_open(Context, p->BankId) };
	struct fake_bank *b = fake_bank(p->BankId);
	NTSTATUS status;

	fake_passive_check();
	status = fake_enter(&c);
	if (!NT_SUCCESS(status))
		return status;
	fake_program(b, c.pins, p->InterruptMode, p->Polarity);
	b->masked &= ~c.pins;
	fake_recompute_level_status(b);
	return STATUS_SUCCESS;
}

static NTSTATUS FakeQueryActiveInterrupts(PVOID Context,
					  PGPIO_QUERY_ACTIVE_INTERRUPTS_PARAMETERS p)
{
	struct fake_call c = { .cb = GPIOCLX_CB_QUERY_ACTIVE, .bank = p->BankId,
			       .pins = p->EnabledMask };
	struct fake_bank *b = fake_bank(p->BankId);
	NTSTATUS status;

	fake_passive_check();
	status = fake_enter(&c);
	if (!NT_SUCCESS(status))
		return status;
	/* (clients must not take the lock here; the shim tolerates it) */
	if (fake->cfg.lock_in_callbacks)
		GPIO_CLX_AcquireInterruptLock(Context, p->BankId);
	p->ActiveMask = fake_pending(p->BankId) & p->EnabledMask;
	if (fake->cfg.lock_in_callbacks)
		GPIO_CLX_ReleaseInterruptLock(Context, p->BankId);
	if (fake->cfg.flags.ActiveInterruptsAutoClearOnRead)
		b->status &= ~(p->ActiveMask & ~b->level_mode);
	return STATUS_SUCCESS;
}

static NTSTATUS FakeClearActiveInterrupts(PVOID Context,
					  PGPIO_CLEAR_ACTIVE_INTERRUPTS_PARAMETERS p)
{
	struct fake_call c = { .cb = GPIOCLX_CB_CLEAR_ACTIVE, .bank = p->BankId,
			       .pins = p->ClearActiveMask };
	struct fake_bank *b = fake_bank(p->BankId);
	NTSTATUS status;

	fake_passive_check();
	status = fake_enter(&c);
	if (!NT_SUCCESS(status)) {
		p->FailedClearMask = p->ClearActiveMask;
		return status;
	}
	b->status &= ~p->ClearActiveMask;
	fake_recompute_level_status(b);	/* a level still asserted stays active */
	p->FailedClearMask = 0;
	return STATUS_SUCCESS;
}

static NTSTATUS FakeReconfigureInterrupt(PVOID Context,
					 PGPIO_RECONFIGURE_INTERRUPTS_PARAMETERS p)
{
	struct fake_call c = { .cb = GPIOCLX_CB_RECONFIGURE, .bank = p->BankId,
			       .pins = BIT_ULL(p->PinNumber), .mode = p->InterruptMode,
			       .polarity = p->Polarity,
			       .state = fake_hold_still_open(Context, p->BankId) };
	struct fake_bank *b = fake_bank(p->BankId);
	NTSTATUS status;

	fake_passive_check();
	status = fake_enter(&c);
	if (!NT_SUCCESS(status))
		return status;
	if (fake->cfg.refuse_level && p->InterruptMode == LevelSensitive)
		return STATUS_NOT_SUPPORTED;
	fake_program(b, c.pins, p->InterruptMode, p->Polarity);
	b->status &= ~c.pins;
	if (fake->during_reconfigure)
		fake->during_reconfigure();
	fake_recompute_level_status(b);
	return STATUS_SUCCESS;
}

static NTSTATUS FakeQueryEnabledInterrupts(PVOID Context,
					   PGPIO_QUERY_ENABLED_INTERRUPTS_PARAMETERS p)
{
	struct fake_call c = { .cb = GPIOCLX_CB_QUERY_ENABLED, .bank = p->BankId };
	NTSTATUS status;

	fake_passive_check();
	status = fake_enter(&c);
	/* like the PL061: a masked interrupt is not enabled in the hardware */
	if (NT_SUCCESS(status))
		p->EnabledMask = fake_bank(p->BankId)->enabled & ~fake_bank(p->BankId)->masked;
	return status;
}

static NTSTATUS FakePreProcess(PVOID Context, BANK_ID BankId, ULONG64 EnabledMask)
{
	struct fake_call c = { .cb = GPIOCLX_CB_PRE_PROCESS, .bank = BankId,
			       .pins = EnabledMask };

	return fake_enter(&c);
}

static VOID FakeSaveBank(PVOID Context, PGPIO_SAVE_RESTORE_BANK_HARDWARE_CONTEXT_PARAMETERS p)
{
	struct fake_call c = { .cb = GPIOCLX_CB_SAVE_BANK, .bank = p->BankId,
			       .state = p->State, .flags = p->Flags.AsULONG };
	struct fake_bank *b = fake_bank(p->BankId);

	fake_enter(&c);
	b->saved_enabled = b->enabled;
	b->saved = true;
}

static VOID FakeRestoreBank(PVOID Context, PGPIO_SAVE_RESTORE_BANK_HARDWARE_CONTEXT_PARAMETERS p)
{
	struct fake_call c = { .cb = GPIOCLX_CB_RESTORE_BANK, .bank = p->BankId,
			       .state = p->State, .flags = p->Flags.AsULONG };
	struct fake_bank *b = fake_bank(p->BankId);

	fake_enter(&c);
	if (b->saved)
		b->enabled = b->saved_enabled;
	b->saved = false;
}

static VOID FakeEvtTargetCleanup(WDFOBJECT Object)
{
	fake->target_cleanups++;
}

static NTSTATUS FakeEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
	WDF_OBJECT_ATTRIBUTES attributes, target_attributes;
	WDFIOTARGET target;
	WDFDEVICE device;
	NTSTATUS status;

	status = GPIO_CLX_ProcessAddDevicePreDeviceCreate(Driver, DeviceInit, &attributes);
	if (!NT_SUCCESS(status))
		return status;
	status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
	if (!NT_SUCCESS(status))
		return status;
	if (fake->cfg.target_in_device_add) {
		/* a child of the device, as a client's I/O target is */
		WDF_OBJECT_ATTRIBUTES_INIT(&target_attributes);
		target_attributes.EvtCleanupCallback = FakeEvtTargetCleanup;
		status = WdfIoTargetCreate(device, &target_attributes, &target);
		if (!NT_SUCCESS(status))
			return status;
		fake->targets_created++;
	}
	return GPIO_CLX_ProcessAddDevicePostDeviceCreate(Driver, device);
}

static VOID FakeEvtDriverUnload(WDFDRIVER Driver)
{
	fake->unload_count++;
	GPIO_CLX_UnregisterClient(Driver);
}

static NTSTATUS FakeDriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	GPIO_CLIENT_REGISTRATION_PACKET packet = {};
	const struct fake_cfg *cfg = &fake->cfg;
	WDF_DRIVER_CONFIG config;
	WDFDRIVER driver;
	NTSTATUS status;

	WDF_DRIVER_CONFIG_INIT(&config, FakeEvtDeviceAdd);
	config.EvtDriverUnload = FakeEvtDriverUnload;
	status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config,
				 &driver);
	if (!NT_SUCCESS(status))
		return status;

	packet.Version = cfg->version;
	packet.Size = sizeof(packet) + cfg->size_delta;
	if (cfg->version == 2)
		packet.Size = offsetof(GPIO_CLIENT_REGISTRATION_PACKET,
				       CLIENT_ConnectFunctionConfigPins) + cfg->size_delta;
	else if (cfg->version == 1)
		packet.Size = offsetof(GPIO_CLIENT_REGISTRATION_PACKET,
				       CLIENT_QueryEnabledInterrupts) + cfg->size_delta;
	packet.ControllerContextSize = sizeof(struct fake_context);
	packet.CLIENT_PrepareController = FakePrepareController;
	packet.CLIENT_ReleaseController = FakeReleaseController;
	packet.CLIENT_StartController = FakeStartController;
	packet.CLIENT_StopController = FakeStopController;
	packet.CLIENT_QueryControllerBasicInformation = FakeQueryBasicInformation;
	if (!cfg->no_io) {
		packet.CLIENT_ConnectIoPins = FakeConnectIoPins;
		packet.CLIENT_DisconnectIoPins = FakeDisconnectIoPins;
		if (cfg->table_format) {
			packet.CLIENT_ReadGpioPins = FakeReadPins;
			packet.CLIENT_WriteGpioPins = FakeWritePins;
		} else {
			packet.CLIENT_ReadGpioPinsUsingMask = FakeReadPinsMask;
			packet.CLIENT_WriteGpioPinsUsingMask = FakeWritePinsMask;
		}
	}
	if (!cfg->no_interrupts) {
		packet.CLIENT_EnableInterrupt = FakeEnableInterrupt;
		packet.CLIENT_DisableInterrupt = FakeDisableInterrupt;
		packet.CLIENT_MaskInterrupts = FakeMaskInterrupts;
		packet.CLIENT_UnmaskInterrupt = FakeUnmaskInterrupt;
		packet.CLIENT_QueryActiveInterrupts = FakeQueryActiveInterrupts;
		if (!cfg->flags.ActiveInterruptsAutoClearOnRead)
			packet.CLIENT_ClearActiveInterrupts = FakeClearActiveInterrupts;
		packet.CLIENT_ReconfigureInterrupt = FakeReconfigureInterrupt;
		if (cfg->version >= 2)
			packet.CLIENT_QueryEnabledInterrupts = FakeQueryEnabledInterrupts;
		if (cfg->pre_process)
			packet.CLIENT_PreProcessControllerInterrupt = FakePreProcess;
	}
	packet.CLIENT_SaveBankHardwareContext = FakeSaveBank;
	packet.CLIENT_RestoreBankHardwareContext = FakeRestoreBank;
	if (cfg->mutate_packet)
		cfg->mutate_packet(&packet);

	fake->driver_entry_status = GPIO_CLX_RegisterClient(driver, &packet, RegistryPath);
	return fake->driver_entry_status;
}

/* --- test plumbing --------------------------------------------------- */

/* The fake's register window: an ID register at 0, the rest reads 0. */
static u64 fake_model_read(void *priv, unsigned long offset, unsigned int width)
{
	return offset == 0 ? FAKE_ID_REGISTER : 0;
}

static void fake_model_write(void *priv, unsigned long offset, u64 value, unsigned int width)
{
}

static const struct gpioclx_mmio_model_ops fake_model_ops = {
	.read = fake_model_read,
	.write = fake_model_write,
};

static const struct platform_device_id fake_ids[] = {
	{ "gpioclx-fake" },
	{ }
};

int fake_register(struct kunit *test, const struct fake_cfg *cfg)
{
	fake_teardown();
	fake = kzalloc(sizeof(*fake), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fake);
	fake->cfg = cfg ? *cfg : (struct fake_cfg){};
	cfg = &fake->cfg;
	if (!fake->cfg.version)
		fake->cfg.version = GPIO_CLIENT_VERSION;
	if (!fake->cfg.banks)
		fake->cfg.banks = 2;
	if (!fake->cfg.ppb)
		fake->cfg.ppb = 32;
	if (!fake->cfg.total_pins)
		fake->cfg.total_pins = fake->cfg.banks * fake->cfg.ppb;
	if (!fake->cfg.nirqs)
		fake->cfg.nirqs = fake->cfg.banks;
	fake->cfg.flags.MemoryMappedController = !cfg->serial;
	fake->cfg.flags.FormatIoRequestsAsMasks = !cfg->table_format;
	fake->fail_count = 1;

	fake->driver.name = "gpioclx-fake";
	fake->driver.driver_entry = FakeDriverEntry;
	fake->driver.id_table = fake_ids;
	fake->register_ret = gpioclx_client_driver_register(&fake->driver, THIS_MODULE);
	return fake->register_ret;
}

/* The bus detaches the PM domain after .remove: note when. */
static void fake_pm_domain_detach(struct device *dev, bool power_off)
{
	if (fake)
		fake->calls_at_detach = fake->ncall;
}

/* The parents wake the system: record what the child asked for. */
static int fake_parent_set_wake(struct irq_data *d, unsigned int on)
{
	unsigned int i;

	for (i = 0; i < FAKE_MAX_BANKS; i++)
		if (fake->parent_virq[i] == d->irq)
			fake->parent_wake[i] += on ? 1 : -1;
	return 0;
}

int fake_probe(struct kunit *test)
{
	struct resource res[FAKE_MAX_BANKS + 1 + FAKE_MAX_EXTRA_MEM] = {};
	struct resource *busy;
	struct fwnode_handle *fwnode;
	unsigned int i, nres = 0;
	struct device *dev;
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, fake);
	fake->calls_at_detach = -1;
	if (!fake->cfg.no_interrupts) {
		fwnode = irq_domain_alloc_named_fwnode("gpioclx-fake-parents");
		KUNIT_ASSERT_NOT_NULL(test, fwnode);
		fake->irq_domain = irq_domain_create_sim(fwnode, fake->cfg.nirqs);
		KUNIT_ASSERT_FALSE(test, IS_ERR(fake->irq_domain));
		for (i = 0; i < fake->cfg.nirqs; i++) {
			fake->parent_virq[i] = irq_create_mapping(fake->irq_domain, i);
			KUNIT_ASSERT_GT(test, fake->parent_virq[i], 0);
			res[i] = (struct resource)DEFINE_RES_IRQ(fake->parent_virq[i]);
		}
		/* irq_sim's chip, able to wake */
		fake->parent_chip = *irq_get_chip(fake->parent_virq[0]);
		fake->parent_chip.irq_set_wake = fake_parent_set_wake;
		for (i = 0; i < fake->cfg.nirqs; i++)
			irq_set_chip(fake->parent_virq[i], &fake->parent_chip);
		nres = fake->cfg.nirqs;
	}
	/* the register window first; any others after it, each of its own */
	KUNIT_ASSERT_LE(test, fake->cfg.extra_mem, FAKE_MAX_EXTRA_MEM);
	fake->model = gpioclx_mmio_model_add("gpioclx-fake-regs",
					     FAKE_WINDOW_SIZE * (1 + fake->cfg.extra_mem),
					     &fake_model_ops, fake, &fake->window);
	KUNIT_ASSERT_FALSE(test, IS_ERR(fake->model));
	for (i = 0; !fake->cfg.no_mem && i <= fake->cfg.extra_mem; i++)
		res[nres++] = (struct resource)DEFINE_RES_MEM(fake->window.start +
							       i * FAKE_WINDOW_SIZE,
							       FAKE_WINDOW_SIZE);
	fake->pdev = platform_device_alloc("gpioclx-fake", PLATFORM_DEVID_AUTO);
	KUNIT_ASSERT_NOT_NULL(test, fake->pdev);
	dev = &fake->pdev->dev;
	ret = platform_device_add_resources(fake->pdev, res, nres);
	KUNIT_ASSERT_EQ(test, ret, 0);
	if (fake->cfg.pm_domain) {
		fake->pm_domain.detach = fake_pm_domain_detach;
		dev_pm_domain_set(dev, &fake->pm_domain);
	}
	if (fake->cfg.bus_runtime_pm) {
		/* what amba_probe does before the driver's probe */
		pm_runtime_get_noresume(dev);
		pm_runtime_set_active(dev);
		pm_runtime_enable(dev);
	}
	busy = fake->cfg.window_busy ?
	       request_mem_region(fake->window.start, FAKE_WINDOW_SIZE, "kunit") : NULL;
	ret = platform_device_add(fake->pdev);
	if (busy)
		release_mem_region(fake->window.start, FAKE_WINDOW_SIZE);
	if (ret) {
		platform_device_put(fake->pdev);
		fake->pdev = NULL;
		KUNIT_ASSERT_EQ(test, ret, 0);
	}
	if (!dev->driver)
		return -ENODEV;
	fake->ctrl = platform_get_drvdata(fake->pdev);
	fake->gc = &fake->ctrl->gc;
	return 0;
}

struct gpio_chip *fake_start(struct kunit *test, const struct fake_cfg *cfg)
{
	KUNIT_ASSERT_EQ(test, fake_register(test, cfg), 0);
	KUNIT_ASSERT_EQ(test, fake_probe(test), 0);
	return fake->gc;
}

void fake_unbind(struct kunit *test)
{
	KUNIT_ASSERT_NOT_NULL(test, fake->pdev);
	device_release_driver(&fake->pdev->dev);
	fake->ctrl = NULL;
	fake->gc = NULL;
}

void fake_remove_device(void)
{
	struct fwnode_handle *fwnode;
	unsigned int i;

	if (!IS_ERR_OR_NULL(fake->pdev)) {
		struct device *dev = &fake->pdev->dev;

		platform_device_del(fake->pdev);
		if (fake->cfg.bus_runtime_pm) {
			/* and what amba_remove does after the driver's remove */
			pm_runtime_disable(dev);
			pm_runtime_set_suspended(dev);
			pm_runtime_put_noidle(dev);
		}
		dev_pm_domain_set(dev, NULL);
		platform_device_put(fake->pdev);
	}
	fake->pdev = NULL;
	fake->ctrl = NULL;
	fake->gc = NULL;
	/* after the device: its memory resource nests in the model's window */
	gpioclx_mmio_model_remove(fake->model);
	fake->model = NULL;
	if (!IS_ERR_OR_NULL(fake->irq_domain)) {
		/* UML has a fixed number of irq descriptors: give them back */
		for (i = 0; i < FAKE_MAX_BANKS; i++)
			if (fake->parent_virq[i] > 0)
				irq_dispose_mapping(fake->parent_virq[i]);
		fwnode = fake->irq_domain->fwnode;
		irq_domain_remove_sim(fake->irq_domain);
		irq_domain_free_fwnode(fwnode);
	}
	fake->irq_domain = NULL;
	memset(fake->parent_virq, 0, sizeof(fake->parent_virq));
}

void fake_teardown(void)
{
	if (!fake)
		return;
	fake_remove_device();
	if (!fake->register_ret && fake->driver.gdrv)
		gpioclx_client_driver_unregister(&fake->driver);
	kfree(fake);
	fake = NULL;
}

struct gpio_desc *fake_request(struct kunit *test, unsigned int offset, enum gpiod_flags flags)
{
	struct gpio_desc *desc;

	desc = gpiochip_request_own_desc(fake->gc, offset, "kunit", GPIO_ACTIVE_HIGH, flags);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(desc), "request line %u: %ld", offset,
			       PTR_ERR(desc));
	return desc;
}

void fake_release(struct gpio_desc *desc)
{
	gpiochip_free_own_desc(desc);
}

unsigned int fake_count(enum gpioclx_cb cb)
{
	unsigned int i, n = 0;

	for (i = 0; i < fake->ncall; i++)
		n += fake->calls[i].cb == cb;
	return n;
}

const struct fake_call *fake_nth(enum gpioclx_cb cb, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < fake->ncall; i++)
		if (fake->calls[i].cb == cb && n-- == 0)
			return &fake->calls[i];
	return NULL;
}

const struct fake_call *fake_last(enum gpioclx_cb cb)
{
	unsigned int i;

	for (i = fake->ncall; i-- > 0;)
		if (fake->calls[i].cb == cb)
			return &fake->calls[i];
	return NULL;
}

void fake_forget_calls(void)
{
	fake->ncall = 0;
}

const char *fake_sequence(struct kunit *test)
{
	char *s = kunit_kzalloc(test, 1024, GFP_KERNEL);
	size_t len = 0;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	for (i = 0; i < fake->ncall && len < 1000; i++)
		len += scnprintf(s + len, 1024 - len, "%s%s", i ? "," : "",
				 gpioclx_cb_names[fake->calls[i].cb]);
	return s;
}

void fake_fail(enum gpioclx_cb cb, unsigned int at, NTSTATUS status)
{
	fake->fail_cb = cb;
	fake->fail_at = fake->ncalls[cb] + at;
	fake->fail_status = status;
}
