// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test_pca9555_client.c - the PCA9555 GpioClx client (pca9555_gpio.c and
 * pca9555_spb.c, unmodified) on the fake host, its I/O target on
 * fake_spb.c, and behind that an in-memory PCA9555 register file (below):
 * what each callback puts on the bus, in how many transactions, and what
 * it leaves in the registers; interrupt emulation from the input port;
 * bus failures as NTSTATUS.
 */
#include <ntddk.h>
#include <wdf.h>
#include <gpioclx.h>

#include <pca9555/pca9555.h>

#include "fake_host.h"
#include "fake_spb.h"
#include "hosted_test.h"

DRIVER_INITIALIZE DriverEntry;

/*
 * The register file: eight registers, a command pointer that alternates
 * within its pair, inputs driven from outside (pulled up when not), INT
 * while an input differs from its level at the last input-port read.
 */
static struct {
	UCHAR reg[8];
	UCHAR cmd;
	USHORT drive_low;		/* inputs held low from outside */
	USHORT last_read;
	unsigned int writes[8];
} chip;

static USHORT chip_pair(unsigned int r)
{
	return (USHORT)(chip.reg[r] | chip.reg[r + 1] << 8);
}

static USHORT chip_levels(void)
{
	USHORT in = chip_pair(PCA9555_REG_CONFIG);

	return (USHORT)((chip_pair(PCA9555_REG_OUTPUT) & ~in) | (~chip.drive_low & in));
}

static BOOLEAN chip_int(void)
{
	return ((chip_levels() ^ chip.last_read) & chip_pair(PCA9555_REG_CONFIG)) != 0;
}

static UCHAR *chip_next(void)
{
	UCHAR *r = &chip.reg[chip.cmd];

	chip.cmd ^= 1;
	return r;
}

static int chip_write(void *priv, const UCHAR *buf, ULONG len)
{
	ULONG i;

	(void)priv;
	if (buf[0] >= 8)
		return -1;
	chip.cmd = buf[0];
	for (i = 1; i < len; i++) {
		if (chip.cmd >= PCA9555_REG_OUTPUT)	/* the input port is read-only */
			chip.writes[chip.cmd]++;
		if (chip.cmd >= PCA9555_REG_OUTPUT)
			*chip_next() = buf[i];
		else
			chip_next();
	}
	return (int)len;
}

static int chip_read(void *priv, UCHAR *buf, ULONG len)
{
	ULONG i;
	USHORT levels = chip_levels();

	(void)priv;
	chip.reg[0] = (UCHAR)levels;
	chip.reg[1] = (UCHAR)(levels >> 8);
	for (i = 0; i < len; i++) {
		if (chip.cmd < 2)
			chip.last_read = (USHORT)((chip.last_read & ~(0xff << 8 * chip.cmd)) |
						  (levels & (0xff << 8 * chip.cmd)));
		buf[i] = *chip_next();
	}
	return (int)len;
}

static const struct fake_spb_device_ops chip_ops = { chip_write, chip_read };

static PPCA9555_CONTEXT ctx;

static void chip_power_on(void)
{
	memset(&chip, 0, sizeof(chip));
	chip.reg[2] = chip.reg[3] = 0xff;
	chip.reg[6] = chip.reg[7] = 0xff;
	chip.last_read = 0xffff;
}

static WDFCMRESLIST pca_resources(BOOLEAN with_irq)
{
	CM_PARTIAL_RESOURCE_DESCRIPTOR res[2];

	res[0] = fake_host_i2c_resource((ULONG)FAKE_SPB_CONNECTION_ID,
					(ULONG)(FAKE_SPB_CONNECTION_ID >> 32));
	res[1] = fake_host_interrupt_resource(77);
	return fake_host_reslist(res, with_irq ? 2 : 1);
}

/* Power-on chip, DriverEntry, EvtDriverDeviceAdd, Prepare/QueryBasicInfo/Start. */
static int start(void)
{
	CLIENT_CONTROLLER_BASIC_INFORMATION info;

	fake_host_reset();
	fake_spb_reset(&chip_ops, NULL);
	if (fake_host_driver_entry(DriverEntry) != STATUS_SUCCESS ||
	    fake_host_add_device() != STATUS_SUCCESS)
		return 0;
	ctx = fake_host_context();
	return fake_host_start(pca_resources(TRUE), &info) == STATUS_SUCCESS;
}

static NTSTATUS connect(PIN_NUMBER pin, GPIO_CONNECT_IO_PINS_MODE mode, UCHAR pull)
{
	GPIO_CONNECT_IO_PINS_PARAMETERS p = { .BankId = 0, .PinNumberTable = &pin, .PinCount = 1,
					      .ConnectMode = mode, .PullConfiguration = pull };

	return fake_host_packet.CLIENT_ConnectIoPins(ctx, &p);
}

static NTSTATUS write_mask(ULONG64 set, ULONG64 clear)
{
	GPIO_WRITE_PINS_MASK_PARAMETERS p = { .BankId = 0, .SetMask = set, .ClearMask = clear };

	return fake_host_packet.CLIENT_WriteGpioPinsUsingMask(ctx, &p);
}

static NTSTATUS enable(PIN_NUMBER pin, KINTERRUPT_MODE mode, KINTERRUPT_POLARITY polarity)
{
	GPIO_ENABLE_INTERRUPT_PARAMETERS p = { .BankId = 0, .PinNumber = pin,
					       .InterruptMode = mode, .Polarity = polarity };

	return fake_host_packet.CLIENT_EnableInterrupt(ctx, &p);
}

static ULONG64 query_active(ULONG64 enabled)
{
	GPIO_QUERY_ACTIVE_INTERRUPTS_PARAMETERS q = { .BankId = 0, .EnabledMask = enabled };

	EXPECT_EQ(fake_host_packet.CLIENT_QueryActiveInterrupts(ctx, &q), STATUS_SUCCESS);
	return q.ActiveMask;
}

static void clear_active(ULONG64 mask)
{
	GPIO_CLEAR_ACTIVE_INTERRUPTS_PARAMETERS c = { .BankId = 0, .ClearActiveMask = mask };

	EXPECT_EQ(fake_host_packet.CLIENT_ClearActiveInterrupts(ctx, &c), STATUS_SUCCESS);
}

static void test_registration(void)
{
	CLIENT_CONTROLLER_BASIC_INFORMATION info;

	chip_power_on();
	ASSERT_TRUE(start());
	memset(&info, 0, sizeof(info));
	EXPECT_EQ(fake_host_packet.CLIENT_QueryControllerBasicInformation(ctx, &info),
		  STATUS_SUCCESS);
	EXPECT_EQ(info.TotalPins, 16);
	EXPECT_EQ(info.NumberOfPinsPerBank, 16);		/* one bank */
	EXPECT_EQ(info.Flags.MemoryMappedController, 0);	/* serially connected */
	EXPECT_EQ(info.Flags.FormatIoRequestsAsMasks, 1);
	EXPECT_EQ(info.Flags.EmulateActiveBoth, 0);		/* the client does both edges */
	EXPECT_EQ(fake_spb_opens, 1);
}

/* Start reads the outputs and directions, clears polarity, keeps the rest. */
static void test_start_keeps_state(void)
{
	chip_power_on();
	chip.reg[PCA9555_REG_CONFIG + 1] = 0xf0;	/* firmware: pins 8-11 outputs */
	chip.reg[PCA9555_REG_OUTPUT + 1] = 0xfa;
	chip.reg[PCA9555_REG_POLARITY] = 0x0f;
	ASSERT_TRUE(start());
	EXPECT_EQ(chip.reg[PCA9555_REG_CONFIG + 1], 0xf0);
	EXPECT_EQ(chip.reg[PCA9555_REG_OUTPUT + 1], 0xfa);
	EXPECT_EQ(chip.reg[PCA9555_REG_POLARITY], 0);
	EXPECT_EQ(chip.writes[PCA9555_REG_CONFIG] + chip.writes[PCA9555_REG_CONFIG + 1], 0);
	EXPECT_EQ(chip.writes[PCA9555_REG_OUTPUT] + chip.writes[PCA9555_REG_OUTPUT + 1], 0);
	EXPECT_EQ(ctx->Config, 0xf0ff);
	EXPECT_EQ(ctx->Output, 0xfaff);
	/* output, config and input reads (sequences), one polarity write */
	EXPECT_EQ(fake_spb_requests, 4);
}

static void test_resources_checked(void)
{
	CLIENT_CONTROLLER_BASIC_INFORMATION info;
	CM_PARTIAL_RESOURCE_DESCRIPTOR irq = fake_host_interrupt_resource(5);

	chip_power_on();
	fake_host_reset();
	fake_spb_reset(&chip_ops, NULL);
	ASSERT_TRUE(fake_host_driver_entry(DriverEntry) == STATUS_SUCCESS);
	ASSERT_TRUE(fake_host_add_device() == STATUS_SUCCESS);
	ctx = fake_host_context();
	/* no I2C connection: nothing to talk to */
	EXPECT_EQ(fake_host_start(fake_host_reslist(&irq, 1), &info),
		  STATUS_DEVICE_CONFIGURATION_ERROR);
	/* without an interrupt it still works */
	chip_power_on();
	fake_spb_reset(&chip_ops, NULL);
	EXPECT_EQ(fake_host_start(pca_resources(FALSE), &info), STATUS_SUCCESS);
}

static void test_connect(void)
{
	unsigned int before;

	chip_power_on();
	ASSERT_TRUE(start());
	before = fake_spb_requests;
	EXPECT_EQ(connect(3, ConnectModeOutput, GPIO_PIN_PULL_CONFIGURATION_DEFAULT),
		  STATUS_SUCCESS);
	EXPECT_EQ(chip_pair(PCA9555_REG_CONFIG), 0xfff7);
	/* one write: command byte 6 and port 0 only */
	EXPECT_EQ(fake_spb_requests - before, 1);
	EXPECT_EQ(fake_spb_log[before].len[0], 2);
	EXPECT_EQ(fake_spb_log[before].first[0], PCA9555_REG_CONFIG);
	/* already an input: nothing on the bus */
	before = fake_spb_requests;
	EXPECT_EQ(connect(9, ConnectModeInput, GPIO_PIN_PULL_CONFIGURATION_NONE), STATUS_SUCCESS);
	EXPECT_EQ(fake_spb_requests - before, 0);
	EXPECT_EQ(connect(9, ConnectModeInput, GPIO_PIN_PULL_CONFIGURATION_PULLUP),
		  STATUS_NOT_SUPPORTED);
	EXPECT_EQ(connect(16, ConnectModeInput, GPIO_PIN_PULL_CONFIGURATION_DEFAULT),
		  STATUS_INVALID_PARAMETER);
}

/*
 * The chip has no debounce and no drive strength: a connection asking for
 * either is refused (so Linux debounces in software, or says it cannot, as
 * with gpio-pca953x), and so is an interrupt asking for debounce.
 */
static void test_no_debounce_or_drive(void)
{
	PIN_NUMBER pin = 4;
	GPIO_CONNECT_IO_PINS_PARAMETERS p = { .BankId = 0, .PinNumberTable = &pin, .PinCount = 1,
					      .ConnectMode = ConnectModeInput };
	GPIO_ENABLE_INTERRUPT_PARAMETERS e = { .BankId = 0, .PinNumber = 4,
					       .InterruptMode = Latched,
					       .Polarity = InterruptActiveBoth };
	unsigned int before;

	chip_power_on();
	ASSERT_TRUE(start());
	before = fake_spb_requests;
	p.DebounceTimeout = 100;	/* 1 ms */
	EXPECT_EQ(fake_host_packet.CLIENT_ConnectIoPins(ctx, &p), STATUS_NOT_SUPPORTED);
	p.DebounceTimeout = 0;
	p.DriveStrength = 100;		/* 1 mA */
	p.ConnectMode = ConnectModeOutput;
	EXPECT_EQ(fake_host_packet.CLIENT_ConnectIoPins(ctx, &p), STATUS_NOT_SUPPORTED);
	e.DebounceTimeout = 100;
	EXPECT_EQ(fake_host_packet.CLIENT_EnableInterrupt(ctx, &e), STATUS_NOT_SUPPORTED);
	EXPECT_EQ(fake_spb_requests - before, 0);
	EXPECT_EQ(chip_pair(PCA9555_REG_CONFIG), 0xffff);
}

static void test_disconnect(void)
{
	GPIO_DISCONNECT_IO_PINS_PARAMETERS d = { .BankId = 0, .PinCount = 1 };
	PIN_NUMBER pin = 12;

	chip_power_on();
	ASSERT_TRUE(start());
	d.PinNumberTable = &pin;
	EXPECT_EQ(connect(12, ConnectModeOutput, 0), STATUS_SUCCESS);
	d.DisconnectFlags.PreserveConfiguration = 1;
	EXPECT_EQ(fake_host_packet.CLIENT_DisconnectIoPins(ctx, &d), STATUS_SUCCESS);
	EXPECT_EQ(chip_pair(PCA9555_REG_CONFIG) & (1 << 12), 0);	/* still driving */
	d.DisconnectFlags.PreserveConfiguration = 0;
	EXPECT_EQ(fake_host_packet.CLIENT_DisconnectIoPins(ctx, &d), STATUS_SUCCESS);
	EXPECT_EQ(chip_pair(PCA9555_REG_CONFIG), 0xffff);		/* back to input */
}

static void test_write_transactions(void)
{
	unsigned int before;

	chip_power_on();
	ASSERT_TRUE(start());
	/* port 0 only: one write of port 0 */
	before = fake_spb_requests;
	EXPECT_EQ(write_mask(0, 0x0001), STATUS_SUCCESS);
	EXPECT_EQ(fake_spb_requests - before, 1);
	EXPECT_EQ(fake_spb_log[before].first[0], PCA9555_REG_OUTPUT);
	EXPECT_EQ(fake_spb_log[before].len[0], 2);
	EXPECT_EQ(chip_pair(PCA9555_REG_OUTPUT), 0xfffe);
	/* port 1 only: one write, command byte 3 */
	before = fake_spb_requests;
	EXPECT_EQ(write_mask(0, 0x8000), STATUS_SUCCESS);
	EXPECT_EQ(fake_spb_log[before].first[0], PCA9555_REG_OUTPUT + 1);
	EXPECT_EQ(chip_pair(PCA9555_REG_OUTPUT), 0x7ffe);
	/* both ports: still one write, of both */
	before = fake_spb_requests;
	EXPECT_EQ(write_mask(0x8001, 0x0100), STATUS_SUCCESS);
	EXPECT_EQ(fake_spb_requests - before, 1);
	EXPECT_EQ(fake_spb_log[before].len[0], 3);
	EXPECT_EQ(chip_pair(PCA9555_REG_OUTPUT), 0xfeff);
	/* nothing changes: nothing on the bus */
	before = fake_spb_requests;
	EXPECT_EQ(write_mask(0x8001, 0), STATUS_SUCCESS);
	EXPECT_EQ(fake_spb_requests - before, 0);
	EXPECT_EQ(write_mask(0x10000, 0), STATUS_INVALID_PARAMETER);
}

static void test_read(void)
{
	GPIO_READ_PINS_MASK_PARAMETERS r = { .BankId = 0 };
	ULONG64 values = 0;
	unsigned int before;

	chip_power_on();
	ASSERT_TRUE(start());
	chip.drive_low = 0x0102;
	r.PinValues = &values;
	before = fake_spb_requests;
	EXPECT_EQ(fake_host_packet.CLIENT_ReadGpioPinsUsingMask(ctx, &r), STATUS_SUCCESS);
	EXPECT_EQ(values, 0xfefd);
	/* one execute-sequence: the command byte, then both ports */
	EXPECT_EQ(fake_spb_requests - before, 1);
	EXPECT_EQ(fake_spb_log[before].messages, 2);
	EXPECT_EQ(fake_spb_log[before].read[0], 0);
	EXPECT_EQ(fake_spb_log[before].first[0], PCA9555_REG_INPUT);
	EXPECT_EQ(fake_spb_log[before].read[1], 1);
	EXPECT_EQ(fake_spb_log[before].len[1], 2);
}

static void test_interrupt_edges(void)
{
	chip_power_on();
	ASSERT_TRUE(start());
	EXPECT_EQ(enable(1, Latched, InterruptFallingEdge), STATUS_SUCCESS);
	EXPECT_EQ(enable(9, Latched, InterruptRisingEdge), STATUS_SUCCESS);
	EXPECT_EQ(enable(14, Latched, InterruptActiveBoth), STATUS_SUCCESS);

	chip.drive_low = (1 << 1) | (1 << 9) | (1 << 14);
	EXPECT_TRUE(chip_int());
	/* 1 fell (asked for), 9 fell (not asked for), 14 fell (both) */
	EXPECT_EQ(query_active(0xffff), (1 << 1) | (1 << 14));
	EXPECT_TRUE(!chip_int());	/* the query's input read released INT */
	clear_active((1 << 1) | (1 << 14));
	EXPECT_EQ(query_active(0xffff), 0);

	chip.drive_low = 0;
	EXPECT_EQ(query_active(0xffff), (1 << 9) | (1 << 14));
	/* not cleared: still active; masked by GpioClx's EnabledMask: not reported */
	EXPECT_EQ(query_active(1 << 9), 1 << 9);
	clear_active(0xffff);
	EXPECT_EQ(query_active(0xffff), 0);
}

static void test_interrupt_mask_and_disable(void)
{
	GPIO_MASK_INTERRUPT_PARAMETERS m = { .BankId = 0, .PinMask = 1 << 5 };
	GPIO_ENABLE_INTERRUPT_PARAMETERS u = { .BankId = 0, .PinNumber = 5 };
	GPIO_DISABLE_INTERRUPT_PARAMETERS d = { .BankId = 0, .PinNumber = 5 };
	GPIO_QUERY_ENABLED_INTERRUPTS_PARAMETERS e = { .BankId = 0 };

	chip_power_on();
	ASSERT_TRUE(start());
	EXPECT_EQ(enable(5, Latched, InterruptActiveBoth), STATUS_SUCCESS);
	EXPECT_EQ(fake_host_packet.CLIENT_QueryEnabledInterrupts(ctx, &e), STATUS_SUCCESS);
	EXPECT_EQ(e.EnabledMask, 1 << 5);
	EXPECT_EQ(fake_host_packet.CLIENT_MaskInterrupts(ctx, &m), STATUS_SUCCESS);
	EXPECT_EQ(m.FailedMask, 0);
	chip.drive_low = 1 << 5;
	EXPECT_EQ(query_active(0xffff), 0);		/* masked: held back */
	EXPECT_EQ(fake_host_packet.CLIENT_UnmaskInterrupt(ctx, &u), STATUS_SUCCESS);
	EXPECT_EQ(query_active(0xffff), 1 << 5);	/* the edge seen while masked */
	EXPECT_EQ(fake_host_packet.CLIENT_DisableInterrupt(ctx, &d), STATUS_SUCCESS);
	EXPECT_EQ(query_active(0xffff), 0);
	EXPECT_EQ(fake_host_packet.CLIENT_QueryEnabledInterrupts(ctx, &e), STATUS_SUCCESS);
	EXPECT_EQ(e.EnabledMask, 0);
}

/* Enabling makes the pin an input and takes its level now as the reference. */
static void test_interrupt_enable_reference(void)
{
	GPIO_RECONFIGURE_INTERRUPTS_PARAMETERS r = { .BankId = 0, .PinNumber = 2,
						     .InterruptMode = Latched,
						     .Polarity = InterruptRisingEdge };

	chip_power_on();
	ASSERT_TRUE(start());
	EXPECT_EQ(connect(2, ConnectModeOutput, 0), STATUS_SUCCESS);
	chip.drive_low = 1 << 2;		/* changed before the interrupt is enabled */
	EXPECT_EQ(enable(2, Latched, InterruptFallingEdge), STATUS_SUCCESS);
	EXPECT_EQ(chip_pair(PCA9555_REG_CONFIG), 0xffff);
	EXPECT_EQ(query_active(0xffff), 0);
	EXPECT_EQ(fake_host_packet.CLIENT_ReconfigureInterrupt(ctx, &r), STATUS_SUCCESS);
	chip.drive_low = 0;
	EXPECT_EQ(query_active(0xffff), 1 << 2);
	/* levels are not the chip's */
	EXPECT_EQ(enable(3, LevelSensitive, InterruptActiveLow), STATUS_NOT_SUPPORTED);
	r.InterruptMode = LevelSensitive;
	EXPECT_EQ(fake_host_packet.CLIENT_ReconfigureInterrupt(ctx, &r), STATUS_NOT_SUPPORTED);
}

static void test_bus_failures(void)
{
	GPIO_READ_PINS_MASK_PARAMETERS r = { .BankId = 0 };
	ULONG64 values = 0;

	chip_power_on();
	ASSERT_TRUE(start());
	r.PinValues = &values;
	fake_spb_fail_next = STATUS_NO_SUCH_DEVICE;
	EXPECT_EQ(fake_host_packet.CLIENT_ReadGpioPinsUsingMask(ctx, &r), STATUS_NO_SUCH_DEVICE);
	fake_spb_fail_next = STATUS_IO_TIMEOUT;
	EXPECT_EQ(write_mask(0, 1), STATUS_IO_TIMEOUT);
	/* a failed write leaves the shadow as the chip is: the retry writes again */
	EXPECT_EQ(ctx->Output, 0xffff);
	EXPECT_EQ(write_mask(0, 1), STATUS_SUCCESS);
	EXPECT_EQ(chip_pair(PCA9555_REG_OUTPUT), 0xfffe);
}

static void test_release_deletes_objects(void)
{
	chip_power_on();
	ASSERT_TRUE(start());
	EXPECT_TRUE(fake_spb_objects >= 2);	/* the target and its request */
	EXPECT_EQ(fake_host_packet.CLIENT_StopController(ctx, FALSE, WdfPowerDeviceD3Final),
		  STATUS_SUCCESS);
	EXPECT_EQ(fake_host_packet.CLIENT_ReleaseController(fake_host_device, ctx),
		  STATUS_SUCCESS);
	EXPECT_EQ(fake_spb_objects, 0);
}

/* After a power loss the shadows are written back. */
static void test_restore_context(void)
{
	chip_power_on();
	ASSERT_TRUE(start());
	EXPECT_EQ(connect(0, ConnectModeOutput, 0), STATUS_SUCCESS);
	EXPECT_EQ(write_mask(0, 1), STATUS_SUCCESS);
	EXPECT_EQ(fake_host_packet.CLIENT_StopController(ctx, TRUE, WdfPowerDeviceD3), STATUS_SUCCESS);
	chip_power_on();
	EXPECT_EQ(fake_host_packet.CLIENT_StartController(ctx, TRUE, WdfPowerDeviceD3),
		  STATUS_SUCCESS);
	EXPECT_EQ(chip_pair(PCA9555_REG_CONFIG), 0xfffe);
	EXPECT_EQ(chip_pair(PCA9555_REG_OUTPUT), 0xfffe);
}

HOSTED_MAIN("pca9555_client",
	    HOSTED_CASE(test_registration),
	    HOSTED_CASE(test_start_keeps_state),
	    HOSTED_CASE(test_resources_checked),
	    HOSTED_CASE(test_connect),
	    HOSTED_CASE(test_no_debounce_or_drive),
	    HOSTED_CASE(test_disconnect),
	    HOSTED_CASE(test_write_transactions),
	    HOSTED_CASE(test_read),
	    HOSTED_CASE(test_interrupt_edges),
	    HOSTED_CASE(test_interrupt_mask_and_disable),
	    HOSTED_CASE(test_interrupt_enable_reference),
	    HOSTED_CASE(test_bus_failures),
	    HOSTED_CASE(test_release_deletes_objects),
	    HOSTED_CASE(test_restore_context))
