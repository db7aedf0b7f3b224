// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test_pl061.c - the PL061 GpioClx client against the PL061 register model.
 *
 * The client's unmodified pl061_gpio.c runs on the fake host; its register
 * window is backed by kunit/models/pl061_model.c, so every callback's
 * effect is asserted on the registers, the pins and the interrupt line.
 * The first tests check the model itself against the TRM.
 */
#include <ntddk.h>
#include <wdf.h>
#include <gpioclx.h>

#include <pl061/pl061_regs.h>
#include <models/pl061_model.h>

#include "fake_host.h"
#include "hosted_test.h"

DRIVER_INITIALIZE DriverEntry;

#define PL061_TEST_PHYS 0x09030000ULL

static struct pl061_model model;
static void *ctx;
static int started;

static ULONG64 model_read(void *priv, ULONG offset, unsigned int width)
{
	return pl061_model_read(priv, offset, width);
}

static void model_write(void *priv, ULONG offset, ULONG64 value, unsigned int width)
{
	pl061_model_write(priv, offset, value, width);
}

static const struct fake_mmio_ops model_ops = { model_read, model_write };

/* Snapshot of the access counters, to count what one callback did. */
struct accesses {
	ULONG reads, writes;
};

static struct accesses snap(void)
{
	return (struct accesses){ model.reads, model.writes };
}

#define EXPECT_ACCESSES(s, r, w) \
	do { \
		EXPECT_EQ(model.reads - (s).reads, (r)); \
		EXPECT_EQ(model.writes - (s).writes, (w)); \
	} while (0)

/* Fresh host and model; DriverEntry and EvtDriverDeviceAdd run, nothing mapped. */
static int setup_device(void)
{
	fake_host_reset();
	model.irq_hook = NULL;
	pl061_model_init(&model);
	started = 0;
	fake_host_add_mmio(PL061_TEST_PHYS, PL061_REGISTER_SPAN, &model_ops, &model);
	if (fake_host_driver_entry(DriverEntry) != STATUS_SUCCESS)
		return 0;
	if (fake_host_add_device() != STATUS_SUCCESS)
		return 0;
	ctx = fake_host_context();
	return ctx != NULL;
}

/* The controller's resources as firmware describes them: its interrupt, then its block. */
static WDFCMRESLIST pl061_resources(void)
{
	CM_PARTIAL_RESOURCE_DESCRIPTOR res[2];

	res[0] = fake_host_interrupt_resource(39);
	res[1] = fake_host_memory_resource(PL061_TEST_PHYS, PL061_REGISTER_SPAN);
	return fake_host_reslist(res, 2);
}

/* setup_device, then Prepare, QueryBasicInformation and Start(FALSE). */
static int setup(void)
{
	CLIENT_CONTROLLER_BASIC_INFORMATION info;

	if (!setup_device())
		return 0;
	if (fake_host_start(pl061_resources(), &info) != STATUS_SUCCESS)
		return 0;
	started = 1;
	return 1;
}

/* Release the controller and check the host saw no client bug. */
static void teardown(void)
{
	if (started)
		EXPECT_EQ(fake_host_packet.CLIENT_ReleaseController(fake_host_device, ctx),
			  STATUS_SUCCESS);
	started = 0;
	EXPECT_EQ(fake_host_mappings, 0);
	EXPECT_EQ(fake_host_stray_accesses, 0);
	EXPECT_EQ(fake_host_assert_failures, 0);
	EXPECT_EQ(fake_host_lock_held[0], 0);
}

/* Pin tables are built from a mask; bits 8..15 make invalid pin numbers. */
static NTSTATUS connect_pins(unsigned int mask, GPIO_CONNECT_IO_PINS_MODE mode, UCHAR pull,
			     USHORT debounce, USHORT drive)
{
	GPIO_CONNECT_IO_PINS_PARAMETERS p;
	PIN_NUMBER pins[16];
	USHORT n = 0, pin;

	for (pin = 0; pin < 16; pin++)
		if (mask & (1U << pin))
			pins[n++] = pin;
	memset(&p, 0, sizeof(p));
	p.BankId = 0;
	p.PinNumberTable = pins;
	p.PinCount = n;
	p.ConnectMode = mode;
	p.PullConfiguration = pull;
	p.DebounceTimeout = debounce;
	p.DriveStrength = drive;
	return fake_host_packet.CLIENT_ConnectIoPins(ctx, &p);
}

static NTSTATUS connect_simple(unsigned int mask, GPIO_CONNECT_IO_PINS_MODE mode)
{
	return connect_pins(mask, mode, GPIO_PIN_PULL_CONFIGURATION_DEFAULT, 0, 0);
}

static NTSTATUS disconnect_pins(unsigned int mask, GPIO_CONNECT_IO_PINS_MODE mode, int preserve)
{
	GPIO_DISCONNECT_IO_PINS_PARAMETERS p;
	PIN_NUMBER pins[16];
	USHORT n = 0, pin;

	for (pin = 0; pin < 16; pin++)
		if (mask & (1U << pin))
			pins[n++] = pin;
	memset(&p, 0, sizeof(p));
	p.PinNumberTable = pins;
	p.PinCount = n;
	p.DisconnectMode = mode;
	p.DisconnectFlags.PreserveConfiguration = preserve ? 1 : 0;
	return fake_host_packet.CLIENT_DisconnectIoPins(ctx, &p);
}

static NTSTATUS read_pins(ULONG64 *values, ULONG flags)
{
	GPIO_READ_PINS_MASK_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.PinValues = values;
	p.Flags.AsULONG = flags;
	return fake_host_packet.CLIENT_ReadGpioPinsUsingMask(ctx, &p);
}

static NTSTATUS write_pins(ULONG64 set, ULONG64 clear)
{
	GPIO_WRITE_PINS_MASK_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.SetMask = set;
	p.ClearMask = clear;
	return fake_host_packet.CLIENT_WriteGpioPinsUsingMask(ctx, &p);
}

static GPIO_ENABLE_INTERRUPT_PARAMETERS irq_params(PIN_NUMBER pin, KINTERRUPT_MODE mode,
						   KINTERRUPT_POLARITY polarity)
{
	GPIO_ENABLE_INTERRUPT_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.PinNumber = pin;
	p.InterruptMode = mode;
	p.Polarity = polarity;
	return p;
}

static NTSTATUS enable_irq(PIN_NUMBER pin, KINTERRUPT_MODE mode, KINTERRUPT_POLARITY polarity)
{
	GPIO_ENABLE_INTERRUPT_PARAMETERS p = irq_params(pin, mode, polarity);

	return fake_host_packet.CLIENT_EnableInterrupt(ctx, &p);
}

static NTSTATUS disable_irq(PIN_NUMBER pin)
{
	GPIO_DISABLE_INTERRUPT_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.PinNumber = pin;
	return fake_host_packet.CLIENT_DisableInterrupt(ctx, &p);
}

static NTSTATUS unmask_irq(PIN_NUMBER pin, KINTERRUPT_MODE mode, KINTERRUPT_POLARITY polarity)
{
	GPIO_ENABLE_INTERRUPT_PARAMETERS p = irq_params(pin, mode, polarity);

	return fake_host_packet.CLIENT_UnmaskInterrupt(ctx, &p);
}

static NTSTATUS mask_irqs(ULONG64 mask, ULONG64 *failed)
{
	GPIO_MASK_INTERRUPT_PARAMETERS p;
	NTSTATUS status;

	memset(&p, 0, sizeof(p));
	p.PinMask = mask;
	p.FailedMask = 0xdead;
	status = fake_host_packet.CLIENT_MaskInterrupts(ctx, &p);
	if (failed)
		*failed = p.FailedMask;
	return status;
}

static ULONG64 query_active(ULONG64 enabled)
{
	GPIO_QUERY_ACTIVE_INTERRUPTS_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.EnabledMask = enabled;
	p.ActiveMask = 0xdead;
	EXPECT_EQ(fake_host_packet.CLIENT_QueryActiveInterrupts(ctx, &p), STATUS_SUCCESS);
	return p.ActiveMask;
}

static NTSTATUS clear_active(ULONG64 mask, ULONG64 *failed)
{
	GPIO_CLEAR_ACTIVE_INTERRUPTS_PARAMETERS p;
	NTSTATUS status;

	memset(&p, 0, sizeof(p));
	p.ClearActiveMask = mask;
	p.FailedClearMask = 0xdead;
	status = fake_host_packet.CLIENT_ClearActiveInterrupts(ctx, &p);
	if (failed)
		*failed = p.FailedClearMask;
	return status;
}

static NTSTATUS reconfigure_irq(PIN_NUMBER pin, KINTERRUPT_MODE mode,
				KINTERRUPT_POLARITY polarity)
{
	GPIO_RECONFIGURE_INTERRUPTS_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.PinNumber = pin;
	p.InterruptMode = mode;
	p.Polarity = polarity;
	return fake_host_packet.CLIENT_ReconfigureInterrupt(ctx, &p);
}

static ULONG64 query_enabled(void)
{
	GPIO_QUERY_ENABLED_INTERRUPTS_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.EnabledMask = 0xdead;
	EXPECT_EQ(fake_host_packet.CLIENT_QueryEnabledInterrupts(ctx, &p), STATUS_SUCCESS);
	return p.EnabledMask;
}

/* ---- the model against the TRM ---- */

static void model_data_address_mask(void)
{
	pl061_model_init(&model);
	model.external = 0x5A;
	EXPECT_EQ(pl061_model_read(&model, 0x3FC, 1), 0x5A);
	EXPECT_EQ(pl061_model_read(&model, 0x0F << 2, 1), 0x0A);
	EXPECT_EQ(pl061_model_read(&model, 0x000, 4), 0);
	/* Writes reach only masked output pins. */
	pl061_model_write(&model, 0x400, 0x0F, 1);
	pl061_model_write(&model, 0x3FC, 0xFF, 1);
	EXPECT_EQ(model.data, 0x0F);
	EXPECT_EQ(pl061_model_pin_levels(&model), 0x5F);
	pl061_model_write(&model, 0x03 << 2, 0x00, 4);
	EXPECT_EQ(model.data, 0x0C);
	EXPECT_EQ(pl061_model_read(&model, 0x3FC, 4), 0x5C);
	EXPECT_EQ(model.reads, 4);
	EXPECT_EQ(model.writes, 3);
}

static void model_registers_and_ids(void)
{
	static const UCHAR ids[8] = { 0x61, 0x10, 0x14, 0x00, 0x0D, 0xF0, 0x05, 0xB1 };
	unsigned int i;

	pl061_model_init(&model);
	for (i = 0; i < 8; i++)
		EXPECT_EQ(pl061_model_read(&model, 0xFE0 + 4 * i, 4), ids[i]);
	pl061_model_write(&model, 0xFE0, 0x99, 4);
	EXPECT_EQ(pl061_model_read(&model, 0xFE0, 1), 0x61);
	for (i = 0x400; i <= 0x410; i += 4) {
		pl061_model_write(&model, i, 0xC3, 4);
		EXPECT_EQ(pl061_model_read(&model, i, 4), 0xC3);
		pl061_model_write(&model, i, 0, 4);
	}
	pl061_model_write(&model, 0x420, 0x81, 4);
	EXPECT_EQ(model.afsel, 0x81);
	/* Reserved, write-only, upper bytes and out-of-block read 0 and ignore writes. */
	pl061_model_write(&model, 0x500, 0xFF, 4);
	EXPECT_EQ(pl061_model_read(&model, 0x500, 4), 0);
	EXPECT_EQ(pl061_model_read(&model, 0x41C, 4), 0);
	EXPECT_EQ(pl061_model_read(&model, 0x421, 1), 0);
	EXPECT_EQ(pl061_model_read(&model, 0x1000, 4), 0);
	EXPECT_EQ(model.afsel, 0x81);
}

static unsigned int hook_calls;
static BOOLEAN hook_level;

static void test_hook(struct pl061_model *m, BOOLEAN asserted)
{
	EXPECT_TRUE(m == &model);
	hook_calls++;
	hook_level = asserted;
}

static void model_interrupt_semantics(void)
{
	pl061_model_init(&model);
	model.irq_hook = test_hook;
	hook_calls = 0;
	/* Reset: edge, falling. An edge latches in RIS while IE is 0. */
	pl061_model_drive_input(&model, 2, 1);
	EXPECT_EQ(pl061_model_raw_status(&model), 0);
	pl061_model_drive_input(&model, 2, 0);
	EXPECT_EQ(pl061_model_read(&model, 0x414, 4), 0x04);
	EXPECT_EQ(pl061_model_read(&model, 0x418, 4), 0);
	EXPECT_TRUE(!pl061_model_irq_asserted(&model));
	pl061_model_write(&model, 0x410, 0x04, 4);
	EXPECT_EQ(pl061_model_read(&model, 0x418, 4), 0x04);
	EXPECT_TRUE(hook_level);
	pl061_model_write(&model, 0x414, 0x00, 4);	/* RIS is read-only */
	EXPECT_TRUE(pl061_model_irq_asserted(&model));
	pl061_model_write(&model, 0x41C, 0x04, 4);
	EXPECT_TRUE(!pl061_model_irq_asserted(&model));
	EXPECT_TRUE(!hook_level);
	/* Both edges. */
	pl061_model_write(&model, 0x408, 0x04, 4);
	pl061_model_drive_input(&model, 2, 1);
	EXPECT_TRUE(hook_level);
	pl061_model_write(&model, 0x41C, 0x04, 4);
	pl061_model_drive_input(&model, 2, 0);
	EXPECT_TRUE(hook_level);
	pl061_model_write(&model, 0x41C, 0x04, 4);
	/* Level high follows the pin; GPIOIC cannot clear it. */
	pl061_model_write(&model, 0x408, 0x00, 4);
	pl061_model_write(&model, 0x404, 0x04, 4);
	pl061_model_write(&model, 0x40C, 0x04, 4);
	EXPECT_TRUE(!hook_level);
	pl061_model_drive_input(&model, 2, 1);
	EXPECT_TRUE(hook_level);
	pl061_model_write(&model, 0x41C, 0x04, 4);
	EXPECT_TRUE(hook_level);
	pl061_model_drive_input(&model, 2, 0);
	EXPECT_TRUE(!hook_level);
	EXPECT_TRUE(hook_calls >= 10);
	model.irq_hook = NULL;
}

/* ---- registration and bring-up ---- */

static void registration_packet(void)
{
	const GPIO_CLIENT_REGISTRATION_PACKET *p = &fake_host_packet;

	ASSERT_TRUE(setup_device());
	EXPECT_EQ(p->Version, GPIO_CLIENT_VERSION);
	EXPECT_EQ(p->Size, sizeof(GPIO_CLIENT_REGISTRATION_PACKET));
	EXPECT_EQ(p->Flags, 0);
	EXPECT_EQ(p->Reserved, 0);
	EXPECT_TRUE(p->ControllerContextSize > 0 && p->ControllerContextSize <= 256);
	/* Always required. */
	EXPECT_TRUE(p->CLIENT_PrepareController && p->CLIENT_ReleaseController);
	EXPECT_TRUE(p->CLIENT_StartController && p->CLIENT_StopController);
	EXPECT_TRUE(p->CLIENT_QueryControllerBasicInformation != NULL);
	/* The interrupt group, complete; Clear is needed without AutoClearOnRead. */
	EXPECT_TRUE(p->CLIENT_EnableInterrupt && p->CLIENT_DisableInterrupt);
	EXPECT_TRUE(p->CLIENT_MaskInterrupts && p->CLIENT_UnmaskInterrupt);
	EXPECT_TRUE(p->CLIENT_QueryActiveInterrupts && p->CLIENT_ClearActiveInterrupts);
	EXPECT_TRUE(p->CLIENT_ReconfigureInterrupt && p->CLIENT_QueryEnabledInterrupts);
	/* The I/O group, mask variants. */
	EXPECT_TRUE(p->CLIENT_ConnectIoPins && p->CLIENT_DisconnectIoPins);
	EXPECT_TRUE(p->CLIENT_ReadGpioPinsUsingMask && p->CLIENT_WriteGpioPinsUsingMask);
	/* Nothing the PL061 has no use for. */
	EXPECT_TRUE(!p->CLIENT_QuerySetControllerInformation);
	EXPECT_TRUE(!p->CLIENT_SaveBankHardwareContext && !p->CLIENT_RestoreBankHardwareContext);
	EXPECT_TRUE(!p->CLIENT_PreProcessControllerInterrupt);
	EXPECT_TRUE(!p->CLIENT_ControllerSpecificFunction);
	EXPECT_TRUE(!p->CLIENT_ConnectFunctionConfigPins);
	EXPECT_TRUE(!p->CLIENT_DisconnectFunctionConfigPins);
	EXPECT_EQ(model.reads + model.writes, 0);
	teardown();
}

static void prepare_maps_release_unmaps(void)
{
	ASSERT_TRUE(setup());
	EXPECT_EQ(fake_host_mappings, 1);
	EXPECT_EQ(fake_host_packet.CLIENT_ReleaseController(fake_host_device, ctx),
		  STATUS_SUCCESS);
	started = 0;
	EXPECT_EQ(fake_host_mappings, 0);
	teardown();
}

static void prepare_accepts_any_revision(void)
{
	ASSERT_TRUE(setup_device());
	model.periph_id[2] = 0xF4;
	EXPECT_EQ(fake_host_packet.CLIENT_PrepareController(fake_host_device, ctx,
							    pl061_resources(),
							    pl061_resources()),
		  STATUS_SUCCESS);
	started = 1;
	EXPECT_EQ(fake_host_mappings, 1);
	teardown();
}

static void prepare_rejects_wrong_id(void)
{
	unsigned int i;

	for (i = 0; i < 8; i++) {
		WDFCMRESLIST res;

		ASSERT_TRUE(setup_device());
		res = pl061_resources();
		if (i < 4)
			model.periph_id[i] ^= (i == 2) ? 0x01 : 0x80;
		else
			model.pcell_id[i - 4] ^= 0x01;
		EXPECT_EQ(fake_host_packet.CLIENT_PrepareController(fake_host_device, ctx, res,
								    res),
			  STATUS_DEVICE_DOES_NOT_EXIST);
		EXPECT_EQ(model.writes, 0);
		teardown();
	}
}

static void prepare_needs_memory(void)
{
	CM_PARTIAL_RESOURCE_DESCRIPTOR res[2];
	WDFCMRESLIST list;

	ASSERT_TRUE(setup_device());
	res[0] = fake_host_interrupt_resource(39);
	list = fake_host_reslist(res, 1);
	EXPECT_EQ(fake_host_packet.CLIENT_PrepareController(fake_host_device, ctx, list, list),
		  STATUS_INSUFFICIENT_RESOURCES);
	EXPECT_EQ(fake_host_mappings, 0);

	res[1] = fake_host_memory_resource(PL061_TEST_PHYS, 0x100);
	list = fake_host_reslist(res, 2);
	EXPECT_EQ(fake_host_packet.CLIENT_PrepareController(fake_host_device, ctx, list, list),
		  STATUS_INSUFFICIENT_RESOURCES);
	EXPECT_EQ(fake_host_mappings, 0);
	EXPECT_EQ(model.reads + model.writes, 0);
	teardown();
}

static void basic_information(void)
{
	CLIENT_CONTROLLER_BASIC_INFORMATION info;

	ASSERT_TRUE(setup_device());
	ASSERT_TRUE(fake_host_start(pl061_resources(), &info) == STATUS_SUCCESS);
	started = 1;
	EXPECT_EQ(info.Version, GPIO_CONTROLLER_BASIC_INFORMATION_VERSION);
	EXPECT_EQ(info.Size, sizeof(info));
	EXPECT_EQ(info.TotalPins, 8);
	EXPECT_EQ(info.NumberOfPinsPerBank, 8);
	EXPECT_EQ(info.DeviceIdleTimeout, 0);
	EXPECT_EQ(info.Flags.MemoryMappedController, 1);
	EXPECT_EQ(info.Flags.FormatIoRequestsAsMasks, 1);
	EXPECT_EQ(info.Flags.ActiveInterruptsAutoClearOnRead, 0);
	EXPECT_EQ(info.Flags.EmulateActiveBoth, 0);
	EXPECT_EQ(info.Flags.EmulateDebouncing, 0);
	EXPECT_EQ(info.Flags.DeviceIdlePowerMgmtSupported, 0);
	EXPECT_EQ(info.Flags.BankIdlePowerMgmtSupported, 0);
	EXPECT_EQ(info.Flags.IndependentIoHwSupported, 1);
	EXPECT_EQ(info.Flags.Reserved, 0);
	teardown();
}

static void first_start_keeps_pins_quiesces_interrupts(void)
{
	CLIENT_CONTROLLER_BASIC_INFORMATION info;

	ASSERT_TRUE(setup_device());
	/*
	 * Firmware (or the driver bound before) left pins 4..7 driving 1010,
	 * pins 0 and 7 with their hardware function, an input high, every
	 * interrupt enabled and a latched edge: as the native gpio-pl061 does,
	 * the first start quiets the interrupts and keeps the pins as found.
	 */
	model.dir = 0xF0;
	model.data = 0xA0;
	model.afsel = 0x81;
	model.external = 0x02;
	model.is = 0x0C;
	model.ibe = 0x30;
	model.iev = 0x44;
	model.ie = 0xFF;
	model.edge_latch = 0x11;
	EXPECT_TRUE(pl061_model_irq_asserted(&model));
	EXPECT_EQ(pl061_model_pin_levels(&model), 0x22);
	ASSERT_TRUE(fake_host_start(pl061_resources(), &info) == STATUS_SUCCESS);
	started = 1;
	EXPECT_EQ(model.ie, 0);
	EXPECT_EQ(model.edge_latch, 0);
	EXPECT_TRUE(!pl061_model_irq_asserted(&model));
	/* Directions, output latches and pin muxing as found: nothing glitches. */
	EXPECT_EQ(model.dir, 0xF0);
	EXPECT_EQ(model.data, 0xA0);
	EXPECT_EQ(model.afsel, 0x81);
	EXPECT_EQ(pl061_model_pin_levels(&model), 0x22);
	/* Detection is EnableInterrupt's business. */
	EXPECT_EQ(model.is, 0x0C);
	EXPECT_EQ(model.ibe, 0x30);
	EXPECT_EQ(model.iev, 0x44);
	/* Identification reads only; GPIOIE and GPIOIC are the only writes. */
	EXPECT_EQ(model.writes, 2);
	EXPECT_EQ(fake_host_lock_acquired[0], 0);
	teardown();
}

/* ---- I/O ---- */

static void connect_sets_direction_and_function(void)
{
	ASSERT_TRUE(setup());
	model.afsel = 0xFF;
	EXPECT_EQ(connect_simple(0x0A, ConnectModeOutput), STATUS_SUCCESS);
	EXPECT_EQ(model.dir, 0x0A);
	EXPECT_EQ(model.afsel, 0xF5);
	EXPECT_EQ(connect_pins(0x01, ConnectModeInput, GPIO_PIN_PULL_CONFIGURATION_NONE, 0, 0),
		  STATUS_SUCCESS);
	EXPECT_EQ(model.dir, 0x0A);
	EXPECT_EQ(model.afsel, 0xF4);
	/* An output reconnected as input turns around. */
	EXPECT_EQ(connect_simple(0x02, ConnectModeInput), STATUS_SUCCESS);
	EXPECT_EQ(model.dir, 0x08);
	/* Irrelevant knobs are ignored: debounce on an output, drive on an input. */
	EXPECT_EQ(connect_pins(0x40, ConnectModeOutput, 0, 100, 0), STATUS_SUCCESS);
	EXPECT_EQ(connect_pins(0x20, ConnectModeInput, 0, 0, 121), STATUS_SUCCESS);
	EXPECT_EQ(model.dir, 0x48);
	EXPECT_EQ(model.afsel, 0x94);
	EXPECT_EQ(fake_host_lock_acquired[0], 0);
	teardown();
}

static void connect_unsupported_configuration(void)
{
	static const UCHAR pulls[] = { GPIO_PIN_PULL_CONFIGURATION_PULLUP,
				       GPIO_PIN_PULL_CONFIGURATION_PULLDOWN, 0x80, 0xFF };
	struct accesses s;
	unsigned int i;

	ASSERT_TRUE(setup());
	model.afsel = 0xFF;
	s = snap();
	for (i = 0; i < sizeof(pulls); i++) {
		EXPECT_EQ(connect_pins(0x01, ConnectModeInput, pulls[i], 0, 0),
			  STATUS_NOT_SUPPORTED);
		EXPECT_EQ(connect_pins(0x01, ConnectModeOutput, pulls[i], 0, 0),
			  STATUS_NOT_SUPPORTED);
	}
	EXPECT_EQ(connect_pins(0x01, ConnectModeInput, 0, 584, 0), STATUS_NOT_SUPPORTED);
	EXPECT_EQ(connect_pins(0x01, ConnectModeOutput, 0, 0, 121), STATUS_NOT_SUPPORTED);
	EXPECT_ACCESSES(s, 0, 0);
	EXPECT_EQ(model.dir, 0);
	EXPECT_EQ(model.afsel, 0xFF);
	teardown();
}

static void connect_rejects_invalid(void)
{
	GPIO_CONNECT_IO_PINS_PARAMETERS p;
	PIN_NUMBER pins[2] = { 1, 8 };
	struct accesses s;

	ASSERT_TRUE(setup());
	s = snap();
	memset(&p, 0, sizeof(p));
	p.PinNumberTable = pins;
	p.PinCount = 2;
	p.ConnectMode = ConnectModeOutput;
	EXPECT_EQ(fake_host_packet.CLIENT_ConnectIoPins(ctx, &p), STATUS_INVALID_PARAMETER);
	pins[1] = INVALID_PIN_NUMBER;
	EXPECT_EQ(fake_host_packet.CLIENT_ConnectIoPins(ctx, &p), STATUS_INVALID_PARAMETER);
	pins[1] = 2;
	p.BankId = 1;
	EXPECT_EQ(fake_host_packet.CLIENT_ConnectIoPins(ctx, &p), STATUS_INVALID_PARAMETER);
	p.BankId = 0;
	p.PinCount = 0;
	EXPECT_EQ(fake_host_packet.CLIENT_ConnectIoPins(ctx, &p), STATUS_INVALID_PARAMETER);
	p.PinCount = 2;
	p.ConnectMode = ConnectModeInvalid;
	EXPECT_EQ(fake_host_packet.CLIENT_ConnectIoPins(ctx, &p), STATUS_INVALID_PARAMETER);
	p.ConnectMode = (GPIO_CONNECT_IO_PINS_MODE)(ConnectModeInput | ConnectModeOutput);
	EXPECT_EQ(fake_host_packet.CLIENT_ConnectIoPins(ctx, &p), STATUS_INVALID_PARAMETER);
	EXPECT_ACCESSES(s, 0, 0);
	EXPECT_EQ(model.dir, 0);
	teardown();
}

static void disconnect_preserve_or_revert(void)
{
	struct accesses s;

	ASSERT_TRUE(setup());
	EXPECT_EQ(connect_simple(0xF0, ConnectModeOutput), STATUS_SUCCESS);
	EXPECT_EQ(write_pins(0x50, 0xA0), STATUS_SUCCESS);
	s = snap();
	EXPECT_EQ(disconnect_pins(0x30, ConnectModeOutput, 1), STATUS_SUCCESS);
	EXPECT_ACCESSES(s, 0, 0);
	EXPECT_EQ(model.dir, 0xF0);
	EXPECT_EQ(pl061_model_pin_levels(&model) & 0xF0, 0x50);
	EXPECT_EQ(disconnect_pins(0xC0, ConnectModeOutput, 0), STATUS_SUCCESS);
	EXPECT_EQ(model.dir, 0x30);
	/* Reverted pins float to whatever the outside drives. */
	EXPECT_EQ(pl061_model_pin_levels(&model) & 0xC0, 0);
	EXPECT_EQ(disconnect_pins(0x30, ConnectModeOutput, 0), STATUS_SUCCESS);
	EXPECT_EQ(model.dir, 0);
	/* Invalid pins are refused before anything changes, preserve or not. */
	EXPECT_EQ(connect_simple(0x01, ConnectModeOutput), STATUS_SUCCESS);
	s = snap();
	EXPECT_EQ(disconnect_pins(0x101, ConnectModeOutput, 0), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(disconnect_pins(0x101, ConnectModeOutput, 1), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(disconnect_pins(0, ConnectModeOutput, 0), STATUS_INVALID_PARAMETER);
	EXPECT_ACCESSES(s, 0, 0);
	EXPECT_EQ(model.dir, 0x01);
	teardown();
}

static void read_whole_bank_in_one_access(void)
{
	ULONG64 values = ~0ULL;
	struct accesses s;
	unsigned int pin;

	ASSERT_TRUE(setup());
	EXPECT_EQ(connect_simple(0xF0, ConnectModeOutput), STATUS_SUCCESS);
	EXPECT_EQ(connect_simple(0x0F, ConnectModeInput), STATUS_SUCCESS);
	EXPECT_EQ(write_pins(0x90, 0x60), STATUS_SUCCESS);
	for (pin = 0; pin < 8; pin++)
		pl061_model_drive_input(&model, pin, (0xA5 >> pin) & 1);
	s = snap();
	EXPECT_EQ(read_pins(&values, 0), STATUS_SUCCESS);
	EXPECT_ACCESSES(s, 1, 0);
	EXPECT_EQ(model.last_offset, 0x3FC);
	EXPECT_EQ(values, 0x95);	/* outputs 1001, inputs 0101 */
	/* Reading output-configured pins returns what they drive. */
	values = 0;
	EXPECT_EQ(read_pins(&values, 1), STATUS_SUCCESS);
	EXPECT_EQ(values & 0xF0, 0x90);
	pl061_model_drive_input(&model, 0, 0);
	EXPECT_EQ(read_pins(&values, 0), STATUS_SUCCESS);
	EXPECT_EQ(values, 0x94);
	EXPECT_EQ(read_pins(NULL, 0), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(fake_host_lock_acquired[0], 0);
	teardown();
}

static void write_batch_in_one_access(void)
{
	struct accesses s;

	ASSERT_TRUE(setup());
	EXPECT_EQ(connect_simple(0xFF, ConnectModeOutput), STATUS_SUCCESS);
	s = snap();
	EXPECT_EQ(write_pins(0xA5, 0x5A), STATUS_SUCCESS);
	EXPECT_ACCESSES(s, 0, 1);
	EXPECT_EQ(model.last_offset, 0x3FC);
	EXPECT_EQ(model.last_value, 0xA5);
	EXPECT_EQ(pl061_model_pin_levels(&model), 0xA5);
	/* Only the masked pins change: the address selects them. */
	s = snap();
	EXPECT_EQ(write_pins(0x02, 0x01), STATUS_SUCCESS);
	EXPECT_ACCESSES(s, 0, 1);
	EXPECT_EQ(model.last_offset, 0x03 << 2);
	EXPECT_EQ(pl061_model_pin_levels(&model), 0xA6);
	s = snap();
	EXPECT_EQ(write_pins(0x00, 0x80), STATUS_SUCCESS);
	EXPECT_ACCESSES(s, 0, 1);
	EXPECT_EQ(model.last_offset, 0x80 << 2);
	EXPECT_EQ(pl061_model_pin_levels(&model), 0x26);
	EXPECT_EQ(pl061_model_pin_level(&model, 5), 1);
	EXPECT_EQ(pl061_model_pin_level(&model, 7), 0);
	/* Nothing to do costs nothing. */
	s = snap();
	EXPECT_EQ(write_pins(0, 0), STATUS_SUCCESS);
	EXPECT_ACCESSES(s, 0, 0);
	EXPECT_EQ(fake_host_lock_acquired[0], 0);
	teardown();
}

static void write_leaves_inputs_alone(void)
{
	ASSERT_TRUE(setup());
	EXPECT_EQ(connect_simple(0x0F, ConnectModeOutput), STATUS_SUCCESS);
	pl061_model_drive_input(&model, 6, 1);
	EXPECT_EQ(write_pins(0x00, 0xFF), STATUS_SUCCESS);
	EXPECT_EQ(pl061_model_pin_levels(&model), 0x40);
	EXPECT_EQ(write_pins(0xFF, 0x00), STATUS_SUCCESS);
	EXPECT_EQ(pl061_model_pin_levels(&model), 0x4F);
	teardown();
}

static void write_rejects_invalid(void)
{
	GPIO_WRITE_PINS_MASK_PARAMETERS p;
	struct accesses s;

	ASSERT_TRUE(setup());
	EXPECT_EQ(connect_simple(0xFF, ConnectModeOutput), STATUS_SUCCESS);
	s = snap();
	EXPECT_EQ(write_pins(0x100, 0), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(write_pins(0, 1ULL << 63), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(write_pins(0x03, 0x01), STATUS_INVALID_PARAMETER);
	memset(&p, 0, sizeof(p));
	p.BankId = 1;
	p.SetMask = 1;
	EXPECT_EQ(fake_host_packet.CLIENT_WriteGpioPinsUsingMask(ctx, &p),
		  STATUS_INVALID_PARAMETER);
	EXPECT_ACCESSES(s, 0, 0);
	EXPECT_EQ(pl061_model_pin_levels(&model), 0);
	teardown();
}

/* ---- interrupts ---- */

/* A GpioClx trigger and the GPIOIS/GPIOIBE/GPIOIEV bits it must program. */
struct trigger_case {
	KINTERRUPT_MODE mode;
	KINTERRUPT_POLARITY polarity;
	UCHAR is, ibe, iev;
};

static void enable_programs_every_trigger(void)
{
	static const struct trigger_case triggers[] = {
		{ LevelSensitive, InterruptActiveHigh, 1, 0, 1 },
		{ LevelSensitive, InterruptActiveLow, 1, 0, 0 },
		{ Latched, InterruptRisingEdge, 0, 0, 1 },
		{ Latched, InterruptFallingEdge, 0, 0, 0 },
		{ Latched, InterruptActiveBoth, 0, 1, 0 },
		{ Latched, InterruptActiveBothTriggerHigh, 0, 1, 0 },
	};
	const UCHAR bit = 1 << 2;
	unsigned int i;

	ASSERT_TRUE(setup());
	for (i = 0; i < RTL_NUMBER_OF(triggers); i++) {
		/* Other pins' bits, set and clear, must survive. */
		model.is = 0xA0 | (triggers[i].is ? 0 : bit);
		model.ibe = 0x50 | (triggers[i].ibe ? 0 : bit);
		model.iev = 0x0A | (triggers[i].iev ? 0 : bit);
		model.ie = 0x81;
		EXPECT_EQ(enable_irq(2, triggers[i].mode, triggers[i].polarity), STATUS_SUCCESS);
		EXPECT_EQ(model.is, 0xA0 | (triggers[i].is ? bit : 0));
		EXPECT_EQ(model.ibe, 0x50 | (triggers[i].ibe ? bit : 0));
		if (!triggers[i].ibe)
			EXPECT_EQ(model.iev, 0x0A | (triggers[i].iev ? bit : 0));
		EXPECT_EQ(model.ie, 0x81 | bit);
		EXPECT_EQ(query_enabled(), 0x81 | bit);
		EXPECT_EQ(disable_irq(2), STATUS_SUCCESS);
		EXPECT_EQ(model.is, 0xA0);
		EXPECT_EQ(model.ibe, 0x50);
		EXPECT_EQ(model.iev, 0x0A);
		EXPECT_EQ(model.ie, 0x81);
	}
	EXPECT_EQ(fake_host_lock_acquired[0], 2 * i);
	teardown();
}

static void enable_rejects_unsupported(void)
{
	GPIO_ENABLE_INTERRUPT_PARAMETERS p;
	struct accesses s;

	ASSERT_TRUE(setup());
	s = snap();
	EXPECT_EQ(enable_irq(1, LevelSensitive, InterruptActiveBoth), STATUS_NOT_SUPPORTED);
	EXPECT_EQ(enable_irq(1, LevelSensitive, InterruptPolarityUnknown), STATUS_NOT_SUPPORTED);
	EXPECT_EQ(enable_irq(1, Latched, InterruptPolarityUnknown), STATUS_NOT_SUPPORTED);
	EXPECT_EQ(enable_irq(1, Latched, (KINTERRUPT_POLARITY)5), STATUS_NOT_SUPPORTED);
	EXPECT_EQ(enable_irq(1, (KINTERRUPT_MODE)2, InterruptActiveHigh), STATUS_NOT_SUPPORTED);
	p = irq_params(1, Latched, InterruptRisingEdge);
	p.PullConfiguration = GPIO_PIN_PULL_CONFIGURATION_PULLUP;
	EXPECT_EQ(fake_host_packet.CLIENT_EnableInterrupt(ctx, &p), STATUS_NOT_SUPPORTED);
	p.PullConfiguration = GPIO_PIN_PULL_CONFIGURATION_NONE;
	p.DebounceTimeout = 500;
	EXPECT_EQ(fake_host_packet.CLIENT_EnableInterrupt(ctx, &p), STATUS_NOT_SUPPORTED);
	EXPECT_EQ(enable_irq(8, Latched, InterruptRisingEdge), STATUS_INVALID_PARAMETER);
	p = irq_params(1, Latched, InterruptRisingEdge);
	p.BankId = 1;
	EXPECT_EQ(fake_host_packet.CLIENT_EnableInterrupt(ctx, &p), STATUS_INVALID_PARAMETER);
	EXPECT_ACCESSES(s, 0, 0);
	EXPECT_EQ(fake_host_lock_acquired[0], 0);
	p.BankId = 0;
	p.PullConfiguration = GPIO_PIN_PULL_CONFIGURATION_NONE;
	EXPECT_EQ(fake_host_packet.CLIENT_EnableInterrupt(ctx, &p), STATUS_SUCCESS);
	teardown();
}

static void enable_drops_stale_edge(void)
{
	ASSERT_TRUE(setup());
	/* After Start every pin detects falling edges; one happens before Enable. */
	pl061_model_drive_input(&model, 4, 1);
	pl061_model_drive_input(&model, 4, 0);
	EXPECT_EQ(pl061_model_raw_status(&model), 0x10);
	EXPECT_EQ(enable_irq(4, Latched, InterruptFallingEdge), STATUS_SUCCESS);
	EXPECT_EQ(pl061_model_raw_status(&model), 0);
	EXPECT_TRUE(!pl061_model_irq_asserted(&model));
	pl061_model_drive_input(&model, 4, 1);
	EXPECT_TRUE(!pl061_model_irq_asserted(&model));
	pl061_model_drive_input(&model, 4, 0);
	EXPECT_TRUE(pl061_model_irq_asserted(&model));
	EXPECT_EQ(query_active(0x10), 0x10);
	teardown();
}

static void edge_interrupt_cycle(void)
{
	ULONG64 failed = 0xdead;

	ASSERT_TRUE(setup());
	EXPECT_EQ(enable_irq(3, Latched, InterruptRisingEdge), STATUS_SUCCESS);
	EXPECT_EQ(enable_irq(6, Latched, InterruptActiveBoth), STATUS_SUCCESS);
	EXPECT_TRUE(!pl061_model_irq_asserted(&model));
	pl061_model_drive_input(&model, 3, 1);
	EXPECT_TRUE(pl061_model_irq_asserted(&model));
	EXPECT_EQ(query_active(0xFF), 0x08);
	EXPECT_EQ(query_active(0x40), 0);	/* only what GpioClx has enabled */
	EXPECT_EQ(clear_active(0x08, &failed), STATUS_SUCCESS);
	EXPECT_EQ(failed, 0);
	EXPECT_TRUE(!pl061_model_irq_asserted(&model));
	/* Falling on a rising-edge pin: nothing. Both edges on pin 6: two events. */
	pl061_model_drive_input(&model, 3, 0);
	EXPECT_EQ(query_active(0xFF), 0);
	pl061_model_drive_input(&model, 6, 1);
	EXPECT_EQ(query_active(0xFF), 0x40);
	EXPECT_EQ(clear_active(0x40, NULL), STATUS_SUCCESS);
	pl061_model_drive_input(&model, 6, 0);
	EXPECT_EQ(query_active(0xFF), 0x40);
	EXPECT_EQ(clear_active(0x40, NULL), STATUS_SUCCESS);
	EXPECT_EQ(query_active(0xFF), 0);
	EXPECT_EQ(clear_active(0x300, &failed), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(failed, 0x300);
	teardown();
}

static void level_interrupt_cycle(void)
{
	ULONG64 failed = 0xdead;

	ASSERT_TRUE(setup());
	EXPECT_EQ(enable_irq(5, LevelSensitive, InterruptActiveHigh), STATUS_SUCCESS);
	EXPECT_TRUE(!pl061_model_irq_asserted(&model));
	pl061_model_drive_input(&model, 5, 1);
	EXPECT_EQ(query_active(0x20), 0x20);
	/* GpioClx masks a level pin while its ISR quiets the device. */
	EXPECT_EQ(mask_irqs(0x20, &failed), STATUS_SUCCESS);
	EXPECT_EQ(failed, 0);
	EXPECT_EQ(model.ie, 0);
	EXPECT_TRUE(!pl061_model_irq_asserted(&model));
	EXPECT_EQ(pl061_model_raw_status(&model), 0x20);
	/* Clearing cannot clear a level. */
	EXPECT_EQ(clear_active(0x20, NULL), STATUS_SUCCESS);
	EXPECT_EQ(pl061_model_raw_status(&model), 0x20);
	pl061_model_drive_input(&model, 5, 0);
	EXPECT_EQ(unmask_irq(5, LevelSensitive, InterruptActiveHigh), STATUS_SUCCESS);
	EXPECT_EQ(model.ie, 0x20);
	EXPECT_TRUE(!pl061_model_irq_asserted(&model));
	pl061_model_drive_input(&model, 5, 1);
	EXPECT_TRUE(pl061_model_irq_asserted(&model));
	/* Level low: asserted while the pin is low. */
	EXPECT_EQ(enable_irq(1, LevelSensitive, InterruptActiveLow), STATUS_SUCCESS);
	EXPECT_EQ(query_active(0x22), 0x22);
	pl061_model_drive_input(&model, 1, 1);
	EXPECT_EQ(query_active(0x22), 0x20);
	teardown();
}

static void edge_latched_while_masked_fires_on_unmask(void)
{
	ASSERT_TRUE(setup());
	pl061_model_drive_input(&model, 0, 1);
	EXPECT_EQ(enable_irq(0, Latched, InterruptFallingEdge), STATUS_SUCCESS);
	EXPECT_EQ(mask_irqs(0x01, NULL), STATUS_SUCCESS);
	pl061_model_drive_input(&model, 0, 0);
	EXPECT_TRUE(!pl061_model_irq_asserted(&model));
	EXPECT_EQ(query_active(0x01), 0);
	EXPECT_EQ(unmask_irq(0, Latched, InterruptFallingEdge), STATUS_SUCCESS);
	EXPECT_TRUE(pl061_model_irq_asserted(&model));
	EXPECT_EQ(query_active(0x01), 0x01);
	teardown();
}

static void mask_and_unmask(void)
{
	ULONG64 failed = 0;

	ASSERT_TRUE(setup());
	EXPECT_EQ(enable_irq(1, Latched, InterruptRisingEdge), STATUS_SUCCESS);
	EXPECT_EQ(enable_irq(2, Latched, InterruptRisingEdge), STATUS_SUCCESS);
	EXPECT_EQ(enable_irq(7, LevelSensitive, InterruptActiveLow), STATUS_SUCCESS);
	EXPECT_EQ(model.ie, 0x86);
	EXPECT_EQ(mask_irqs(0x02, &failed), STATUS_SUCCESS);
	EXPECT_EQ(failed, 0);
	EXPECT_EQ(model.ie, 0x84);
	EXPECT_EQ(query_enabled(), 0x84);
	/* Masking keeps the configuration. */
	EXPECT_EQ(model.iev & 0x02, 0x02);
	EXPECT_EQ(mask_irqs(0x204, &failed), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(failed, 0x200);
	EXPECT_EQ(model.ie, 0x80);
	/* Unmask reprograms from its parameters. */
	EXPECT_EQ(unmask_irq(1, Latched, InterruptFallingEdge), STATUS_SUCCESS);
	EXPECT_EQ(model.ie, 0x82);
	EXPECT_EQ(model.iev & 0x02, 0);
	EXPECT_EQ(unmask_irq(2, LevelSensitive, InterruptActiveHigh), STATUS_SUCCESS);
	EXPECT_EQ(model.ie, 0x86);
	EXPECT_EQ(model.is & 0x04, 0x04);
	EXPECT_EQ(model.iev & 0x04, 0x04);
	EXPECT_EQ(unmask_irq(2, LevelSensitive, InterruptActiveBoth), STATUS_NOT_SUPPORTED);
	EXPECT_EQ(mask_irqs(0xFF, NULL), STATUS_SUCCESS);
	EXPECT_EQ(query_enabled(), 0);
	teardown();
}

static void reconfigure_changes_detection(void)
{
	ASSERT_TRUE(setup());
	EXPECT_EQ(enable_irq(6, LevelSensitive, InterruptActiveLow), STATUS_SUCCESS);
	EXPECT_EQ(model.is, 0x40);
	EXPECT_EQ(model.iev, 0);
	EXPECT_EQ(reconfigure_irq(6, LevelSensitive, InterruptActiveHigh), STATUS_SUCCESS);
	EXPECT_EQ(model.is, 0x40);
	EXPECT_EQ(model.iev, 0x40);
	EXPECT_EQ(model.ie, 0x40);
	/* A pending edge of the old kind is dropped with it. */
	EXPECT_EQ(reconfigure_irq(6, Latched, InterruptRisingEdge), STATUS_SUCCESS);
	pl061_model_drive_input(&model, 6, 1);
	EXPECT_EQ(query_active(0x40), 0x40);
	EXPECT_EQ(reconfigure_irq(6, Latched, InterruptActiveBoth), STATUS_SUCCESS);
	EXPECT_EQ(model.is, 0);
	EXPECT_EQ(model.ibe, 0x40);
	EXPECT_EQ(query_active(0x40), 0);
	EXPECT_EQ(reconfigure_irq(6, (KINTERRUPT_MODE)7, InterruptActiveHigh),
		  STATUS_NOT_SUPPORTED);
	EXPECT_EQ(model.ibe, 0x40);
	teardown();
}

static void query_enabled_reads_hardware(void)
{
	struct accesses s;

	ASSERT_TRUE(setup());
	model.ie = 0x81;	/* behind the client's back */
	s = snap();
	EXPECT_EQ(query_enabled(), 0x81);
	EXPECT_ACCESSES(s, 1, 0);
	EXPECT_EQ(model.last_offset, 0x410);
	teardown();
}

static void locking_rules(void)
{
	ULONG64 values;

	ASSERT_TRUE(setup());
	/* Enable and Disable run unlocked and take the lock themselves. */
	EXPECT_EQ(enable_irq(3, Latched, InterruptRisingEdge), STATUS_SUCCESS);
	EXPECT_EQ(fake_host_lock_acquired[0], 1);
	EXPECT_EQ(fake_host_lock_held[0], 0);
	EXPECT_EQ(disable_irq(3), STATUS_SUCCESS);
	EXPECT_EQ(fake_host_lock_acquired[0], 2);
	EXPECT_EQ(fake_host_lock_held[0], 0);
	EXPECT_EQ(enable_irq(3, Latched, InterruptRisingEdge), STATUS_SUCCESS);

	/* The ISR-path callbacks run with the lock held and must not retake it. */
	GPIO_CLX_AcquireInterruptLock(ctx, 0);
	EXPECT_EQ(mask_irqs(0x08, NULL), STATUS_SUCCESS);
	EXPECT_EQ(query_active(0x08), 0);
	EXPECT_EQ(clear_active(0x08, NULL), STATUS_SUCCESS);
	EXPECT_EQ(reconfigure_irq(3, Latched, InterruptFallingEdge), STATUS_SUCCESS);
	EXPECT_EQ(unmask_irq(3, Latched, InterruptFallingEdge), STATUS_SUCCESS);
	EXPECT_EQ(query_enabled(), 0x08);
	/* So do Read and Write when GpioClx serializes I/O with the lock. */
	EXPECT_EQ(read_pins(&values, 0), STATUS_SUCCESS);
	EXPECT_EQ(write_pins(0, 0x08), STATUS_SUCCESS);
	GPIO_CLX_ReleaseInterruptLock(ctx, 0);
	EXPECT_EQ(fake_host_lock_acquired[0], 4);

	/* I/O connections and power transitions do not touch the lock. */
	EXPECT_EQ(connect_simple(0x01, ConnectModeOutput), STATUS_SUCCESS);
	EXPECT_EQ(disconnect_pins(0x01, ConnectModeOutput, 0), STATUS_SUCCESS);
	EXPECT_EQ(fake_host_packet.CLIENT_StopController(ctx, TRUE, WdfPowerDeviceD3),
		  STATUS_SUCCESS);
	EXPECT_EQ(fake_host_packet.CLIENT_StartController(ctx, TRUE, WdfPowerDeviceD3),
		  STATUS_SUCCESS);
	EXPECT_EQ(fake_host_lock_acquired[0], 4);
	teardown();
}

static void stop_save_start_restore(void)
{
	struct pl061_model saved;

	ASSERT_TRUE(setup());
	EXPECT_EQ(connect_simple(0x0F, ConnectModeOutput), STATUS_SUCCESS);
	EXPECT_EQ(connect_simple(0x30, ConnectModeInput), STATUS_SUCCESS);
	EXPECT_EQ(write_pins(0x05, 0x0A), STATUS_SUCCESS);
	EXPECT_EQ(enable_irq(4, LevelSensitive, InterruptActiveHigh), STATUS_SUCCESS);
	EXPECT_EQ(enable_irq(5, Latched, InterruptActiveBoth), STATUS_SUCCESS);
	EXPECT_EQ(enable_irq(6, Latched, InterruptRisingEdge), STATUS_SUCCESS);
	EXPECT_EQ(mask_irqs(0x40, NULL), STATUS_SUCCESS);
	model.afsel = 0x80;	/* pin 7 stays with its hardware function */
	saved = model;

	EXPECT_EQ(fake_host_packet.CLIENT_StopController(ctx, TRUE, WdfPowerDeviceD3),
		  STATUS_SUCCESS);
	/* Saving changes nothing: a wake source keeps firing. */
	EXPECT_EQ(model.ie, saved.ie);
	EXPECT_EQ(model.dir, saved.dir);

	/* Power is lost: the block comes back at reset, then gets scribbled on. */
	pl061_model_init(&model);
	model.is = 0x5A;
	model.iev = 0xA5;
	model.ibe = 0x0F;
	model.ie = 0x11;
	model.afsel = 0x0F;
	EXPECT_EQ(fake_host_packet.CLIENT_StartController(ctx, TRUE, WdfPowerDeviceD3),
		  STATUS_SUCCESS);
	EXPECT_EQ(model.dir, saved.dir);
	EXPECT_EQ(model.data & model.dir, saved.data & saved.dir);
	EXPECT_EQ(pl061_model_pin_levels(&model) & 0x0F, 0x05);
	EXPECT_EQ(model.is, saved.is);
	EXPECT_EQ(model.ibe, saved.ibe);
	EXPECT_EQ(model.iev, saved.iev);
	EXPECT_EQ(model.ie, saved.ie);
	EXPECT_EQ(model.ie, 0x30);
	EXPECT_EQ(model.afsel, saved.afsel);
	/* And it works: pin 5 sees both edges again. */
	pl061_model_drive_input(&model, 5, 1);
	EXPECT_EQ(query_active(0xFF), 0x20);
	teardown();
}

static void stop_without_save_masks_everything(void)
{
	ASSERT_TRUE(setup());
	EXPECT_EQ(enable_irq(2, Latched, InterruptRisingEdge), STATUS_SUCCESS);
	EXPECT_EQ(connect_simple(0x01, ConnectModeOutput), STATUS_SUCCESS);
	EXPECT_EQ(write_pins(0x01, 0), STATUS_SUCCESS);
	EXPECT_EQ(fake_host_packet.CLIENT_StopController(ctx, FALSE, WdfPowerDeviceD3Final),
		  STATUS_SUCCESS);
	EXPECT_EQ(model.ie, 0);
	pl061_model_drive_input(&model, 2, 1);
	EXPECT_TRUE(!pl061_model_irq_asserted(&model));
	/* Outputs are left driving: unbinding must not glitch the board. */
	EXPECT_EQ(pl061_model_pin_level(&model, 0), 1);
	/* A later first start (a rebind) quiets interrupts and keeps it driving. */
	EXPECT_EQ(model.edge_latch, 0x04);
	EXPECT_EQ(fake_host_packet.CLIENT_StartController(ctx, FALSE, WdfPowerDeviceD3Final),
		  STATUS_SUCCESS);
	EXPECT_EQ(model.edge_latch, 0);
	EXPECT_EQ(model.ie, 0);
	EXPECT_EQ(model.dir, 0x01);
	EXPECT_EQ(pl061_model_pin_level(&model, 0), 1);
	teardown();
}

static void invalid_pins_and_banks_rejected(void)
{
	GPIO_QUERY_ACTIVE_INTERRUPTS_PARAMETERS qa;
	GPIO_QUERY_ENABLED_INTERRUPTS_PARAMETERS qe;
	GPIO_MASK_INTERRUPT_PARAMETERS mk;
	GPIO_CLEAR_ACTIVE_INTERRUPTS_PARAMETERS cl;
	GPIO_READ_PINS_MASK_PARAMETERS rd;
	ULONG64 values = 0;
	struct accesses s;

	ASSERT_TRUE(setup());
	s = snap();
	EXPECT_EQ(enable_irq(8, Latched, InterruptRisingEdge), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(disable_irq(8), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(disable_irq(INVALID_PIN_NUMBER), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(unmask_irq(8, Latched, InterruptRisingEdge), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(reconfigure_irq(64, Latched, InterruptRisingEdge), STATUS_INVALID_PARAMETER);
	memset(&qa, 0, sizeof(qa));
	qa.BankId = 1;
	EXPECT_EQ(fake_host_packet.CLIENT_QueryActiveInterrupts(ctx, &qa),
		  STATUS_INVALID_PARAMETER);
	memset(&qe, 0, sizeof(qe));
	qe.BankId = 1;
	EXPECT_EQ(fake_host_packet.CLIENT_QueryEnabledInterrupts(ctx, &qe),
		  STATUS_INVALID_PARAMETER);
	memset(&mk, 0, sizeof(mk));
	mk.BankId = 1;
	mk.PinMask = 0x01;
	EXPECT_EQ(fake_host_packet.CLIENT_MaskInterrupts(ctx, &mk), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(mk.FailedMask, 0x01);
	memset(&cl, 0, sizeof(cl));
	cl.BankId = 1;
	cl.ClearActiveMask = 0x01;
	EXPECT_EQ(fake_host_packet.CLIENT_ClearActiveInterrupts(ctx, &cl),
		  STATUS_INVALID_PARAMETER);
	EXPECT_EQ(cl.FailedClearMask, 0x01);
	memset(&rd, 0, sizeof(rd));
	rd.BankId = 1;
	rd.PinValues = &values;
	EXPECT_EQ(fake_host_packet.CLIENT_ReadGpioPinsUsingMask(ctx, &rd),
		  STATUS_INVALID_PARAMETER);
	EXPECT_ACCESSES(s, 0, 0);
	EXPECT_EQ(fake_host_lock_acquired[0], 0);
	teardown();
}

HOSTED_MAIN("pl061",
	    HOSTED_CASE(model_data_address_mask),
	    HOSTED_CASE(model_registers_and_ids),
	    HOSTED_CASE(model_interrupt_semantics),
	    HOSTED_CASE(registration_packet),
	    HOSTED_CASE(prepare_maps_release_unmaps),
	    HOSTED_CASE(prepare_accepts_any_revision),
	    HOSTED_CASE(prepare_rejects_wrong_id),
	    HOSTED_CASE(prepare_needs_memory),
	    HOSTED_CASE(basic_information),
	    HOSTED_CASE(first_start_keeps_pins_quiesces_interrupts),
	    HOSTED_CASE(connect_sets_direction_and_function),
	    HOSTED_CASE(connect_unsupported_configuration),
	    HOSTED_CASE(connect_rejects_invalid),
	    HOSTED_CASE(disconnect_preserve_or_revert),
	    HOSTED_CASE(read_whole_bank_in_one_access),
	    HOSTED_CASE(write_batch_in_one_access),
	    HOSTED_CASE(write_leaves_inputs_alone),
	    HOSTED_CASE(write_rejects_invalid),
	    HOSTED_CASE(enable_programs_every_trigger),
	    HOSTED_CASE(enable_rejects_unsupported),
	    HOSTED_CASE(enable_drops_stale_edge),
	    HOSTED_CASE(edge_interrupt_cycle),
	    HOSTED_CASE(level_interrupt_cycle),
	    HOSTED_CASE(edge_latched_while_masked_fires_on_unmask),
	    HOSTED_CASE(mask_and_unmask),
	    HOSTED_CASE(reconfigure_changes_detection),
	    HOSTED_CASE(query_enabled_reads_hardware),
	    HOSTED_CASE(locking_rules),
	    HOSTED_CASE(stop_save_start_restore),
	    HOSTED_CASE(stop_without_save_masks_everything),
	    HOSTED_CASE(invalid_pins_and_banks_rejected))
