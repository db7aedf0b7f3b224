// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test_simgpio.c - the simulated GPIO controller, hosted.
 *
 * First the register model on its own (drivers/sim/simgpio_model.c), then
 * the unmodified GpioClx client (drivers/sim/simgpio.c) driven through the
 * fake host against that model: every callback's effect on the registers,
 * the number of register accesses per call, and the lock discipline.
 */
#include <ntddk.h>
#include <wdf.h>
#include <gpioclx.h>

#include "hosted_test.h"
#include "fake_host.h"
#include "sim/simgpio_model.h"

DRIVER_INITIALIZE DriverEntry;

#define SIM_PHYS 0x40000000ULL

static struct simgpio_model sim;

/* Test knobs on the MMIO path: a wrong ID, a wrong version. */
static ULONG64 sim_id_override;

static ULONG64 sim_mmio_read(void *priv, ULONG offset, unsigned int width)
{
	if (offset == SIMGPIO_ID && sim_id_override)
		return sim_id_override;
	return simgpio_model_read(priv, offset, width);
}

static void sim_mmio_write(void *priv, ULONG offset, ULONG64 value, unsigned int width)
{
	simgpio_model_write(priv, offset, value, width);
}

static const struct fake_mmio_ops sim_ops = {
	.read = sim_mmio_read,
	.write = sim_mmio_write,
};

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static ULONG bank_reg(ULONG bank, ULONG reg)
{
	return SIMGPIO_BANK_OFFSET(bank) + reg;
}

/* Read a register without counting the access. */
static ULONG64 peek(ULONG bank, ULONG reg)
{
	ULONG reads = sim.bank[bank].reads;
	ULONG64 v = simgpio_model_read(&sim, bank_reg(bank, reg), 8);

	sim.bank[bank].reads = reads;
	return v;
}

/* Write a register without counting the access (test setup). */
static void poke(ULONG bank, ULONG reg, ULONG64 value)
{
	ULONG writes = sim.bank[bank].writes;

	simgpio_model_write(&sim, bank_reg(bank, reg), value, 8);
	sim.bank[bank].writes = writes;
}

static ULONG accesses(ULONG bank)
{
	return sim.bank[bank].reads + sim.bank[bank].writes;
}

/* Register contents of a bank, to prove a rejected call changed nothing. */
struct bank_regs {
	ULONG64 r[10];
};

static struct bank_regs snapshot(ULONG bank)
{
	static const ULONG regs[10] = {
		SIMGPIO_DIR, SIMGPIO_DATA_IN, SIMGPIO_DATA_OUT, SIMGPIO_PULL_UP,
		SIMGPIO_PULL_DOWN, SIMGPIO_IRQ_MODE, SIMGPIO_IRQ_POLARITY,
		SIMGPIO_IRQ_ENABLE, SIMGPIO_IRQ_STATUS, SIMGPIO_IRQ_PENDING,
	};
	struct bank_regs s;
	unsigned int i;

	for (i = 0; i < 10; i++)
		s.r[i] = peek(bank, regs[i]);
	return s;
}

/* The registers a save/restore carries, and the levels they produce (no status). */
static struct bank_regs snapshot_rw(ULONG bank)
{
	static const ULONG regs[8] = {
		SIMGPIO_DIR, SIMGPIO_DATA_IN, SIMGPIO_DATA_OUT, SIMGPIO_PULL_UP,
		SIMGPIO_PULL_DOWN, SIMGPIO_IRQ_MODE, SIMGPIO_IRQ_POLARITY, SIMGPIO_IRQ_ENABLE,
	};
	struct bank_regs s;
	unsigned int i;

	memset(&s, 0, sizeof(s));
	for (i = 0; i < 8; i++)
		s.r[i] = peek(bank, regs[i]);
	return s;
}

static int same_regs(struct bank_regs a, struct bank_regs b)
{
	return !memcmp(&a, &b, sizeof(a));
}

static void model_setup(ULONG banks, ULONG pins)
{
	fake_host_reset();
	sim_id_override = 0;
	simgpio_model_init(&sim, banks, pins);
}

/* Register the model, run DriverEntry and EvtDriverDeviceAdd. */
static int client_setup(ULONG banks, ULONG pins)
{
	model_setup(banks, pins);
	fake_host_add_mmio(SIM_PHYS, simgpio_model_window_size(&sim), &sim_ops, &sim);
	if (!NT_SUCCESS(fake_host_driver_entry(DriverEntry)))
		return 0;
	return NT_SUCCESS(fake_host_add_device());
}

/* A resource list as the shim builds it: the window, then one interrupt per bank. */
static WDFCMRESLIST sim_resources(ULONG length, ULONG banks)
{
	CM_PARTIAL_RESOURCE_DESCRIPTOR d[1 + SIMGPIO_MAX_BANKS];
	ULONG i;

	/* the fake host's lists hold 16 entries: past 15 banks, the rest share none */
	if (banks > 15)
		banks = 15;
	d[0] = fake_host_memory_resource(SIM_PHYS, length);
	for (i = 0; i < banks; i++)
		d[1 + i] = fake_host_interrupt_resource(40 + i);
	return fake_host_reslist(d, 1 + banks);
}

static CLIENT_CONTROLLER_BASIC_INFORMATION sim_info;

/* Full bring-up: Prepare, QueryBasicInfo, Start(FALSE); then zero the access counters. */
static int client_start(ULONG banks, ULONG pins)
{
	ULONG b;

	if (!client_setup(banks, pins))
		return 0;
	if (!NT_SUCCESS(fake_host_start(sim_resources(simgpio_model_window_size(&sim), banks),
					&sim_info)))
		return 0;
	for (b = 0; b < banks; b++) {
		sim.bank[b].reads = 0;
		sim.bank[b].writes = 0;
	}
	return 1;
}

static void *ctx(void)
{
	return fake_host_context();
}

#define PKT fake_host_packet

static void end_checks(void)
{
	EXPECT_EQ(fake_host_stray_accesses, 0);
	EXPECT_EQ(fake_host_assert_failures, 0);
	EXPECT_EQ(sim.bad_accesses, 0);
}

static NTSTATUS connect(BANK_ID bank, PIN_NUMBER *pins, USHORT count,
			GPIO_CONNECT_IO_PINS_MODE mode, UCHAR pull)
{
	GPIO_CONNECT_IO_PINS_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.BankId = bank;
	p.PinNumberTable = pins;
	p.PinCount = count;
	p.ConnectMode = mode;
	p.PullConfiguration = pull;
	return PKT.CLIENT_ConnectIoPins(ctx(), &p);
}

static NTSTATUS disconnect(BANK_ID bank, PIN_NUMBER *pins, ULONG count,
			   GPIO_CONNECT_IO_PINS_MODE mode, int preserve)
{
	GPIO_DISCONNECT_IO_PINS_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.BankId = bank;
	p.PinNumberTable = pins;
	p.PinCount = count;
	p.DisconnectMode = mode;
	p.DisconnectFlags.PreserveConfiguration = preserve;
	return PKT.CLIENT_DisconnectIoPins(ctx(), &p);
}

static NTSTATUS read_bank(BANK_ID bank, ULONG64 *values, int write_configured)
{
	GPIO_READ_PINS_MASK_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.BankId = bank;
	p.PinValues = values;
	p.Flags.WriteConfiguredPins = write_configured;
	return PKT.CLIENT_ReadGpioPinsUsingMask(ctx(), &p);
}

static NTSTATUS write_bank(BANK_ID bank, ULONG64 set, ULONG64 clear)
{
	GPIO_WRITE_PINS_MASK_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.BankId = bank;
	p.SetMask = set;
	p.ClearMask = clear;
	return PKT.CLIENT_WriteGpioPinsUsingMask(ctx(), &p);
}

static GPIO_ENABLE_INTERRUPT_PARAMETERS irq_params(BANK_ID bank, PIN_NUMBER pin,
						   KINTERRUPT_MODE mode,
						   KINTERRUPT_POLARITY polarity)
{
	GPIO_ENABLE_INTERRUPT_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.BankId = bank;
	p.PinNumber = pin;
	p.InterruptMode = mode;
	p.Polarity = polarity;
	return p;
}

static NTSTATUS enable_irq(BANK_ID bank, PIN_NUMBER pin, KINTERRUPT_MODE mode,
			   KINTERRUPT_POLARITY polarity)
{
	GPIO_ENABLE_INTERRUPT_PARAMETERS p = irq_params(bank, pin, mode, polarity);

	return PKT.CLIENT_EnableInterrupt(ctx(), &p);
}

static NTSTATUS disable_irq(BANK_ID bank, PIN_NUMBER pin)
{
	GPIO_DISABLE_INTERRUPT_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.BankId = bank;
	p.PinNumber = pin;
	return PKT.CLIENT_DisableInterrupt(ctx(), &p);
}

static NTSTATUS mask_irqs(BANK_ID bank, ULONG64 mask, ULONG64 *failed)
{
	GPIO_MASK_INTERRUPT_PARAMETERS p;
	NTSTATUS s;

	memset(&p, 0, sizeof(p));
	p.BankId = bank;
	p.PinMask = mask;
	p.FailedMask = 0xdead;
	s = PKT.CLIENT_MaskInterrupts(ctx(), &p);
	*failed = p.FailedMask;
	return s;
}

static NTSTATUS unmask_irq(BANK_ID bank, PIN_NUMBER pin, KINTERRUPT_MODE mode,
			   KINTERRUPT_POLARITY polarity)
{
	GPIO_ENABLE_INTERRUPT_PARAMETERS p = irq_params(bank, pin, mode, polarity);

	return PKT.CLIENT_UnmaskInterrupt(ctx(), &p);
}

static ULONG64 query_active(BANK_ID bank, ULONG64 enabled)
{
	GPIO_QUERY_ACTIVE_INTERRUPTS_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.BankId = bank;
	p.EnabledMask = enabled;
	p.ActiveMask = 0xdead;
	EXPECT_EQ(PKT.CLIENT_QueryActiveInterrupts(ctx(), &p), STATUS_SUCCESS);
	return p.ActiveMask;
}

static NTSTATUS clear_irqs(BANK_ID bank, ULONG64 mask, ULONG64 *failed)
{
	GPIO_CLEAR_ACTIVE_INTERRUPTS_PARAMETERS p;
	NTSTATUS s;

	memset(&p, 0, sizeof(p));
	p.BankId = bank;
	p.ClearActiveMask = mask;
	p.FailedClearMask = 0xdead;
	s = PKT.CLIENT_ClearActiveInterrupts(ctx(), &p);
	*failed = p.FailedClearMask;
	return s;
}

static NTSTATUS reconfigure(BANK_ID bank, PIN_NUMBER pin, KINTERRUPT_MODE mode,
			    KINTERRUPT_POLARITY polarity)
{
	GPIO_RECONFIGURE_INTERRUPTS_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.BankId = bank;
	p.PinNumber = pin;
	p.InterruptMode = mode;
	p.Polarity = polarity;
	return PKT.CLIENT_ReconfigureInterrupt(ctx(), &p);
}

static ULONG64 query_enabled(BANK_ID bank)
{
	GPIO_QUERY_ENABLED_INTERRUPTS_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.BankId = bank;
	p.EnabledMask = 0xdead;
	EXPECT_EQ(PKT.CLIENT_QueryEnabledInterrupts(ctx(), &p), STATUS_SUCCESS);
	return p.EnabledMask;
}

static void save_bank(BANK_ID bank)
{
	GPIO_SAVE_RESTORE_BANK_HARDWARE_CONTEXT_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.BankId = bank;
	p.State = 1;
	PKT.CLIENT_SaveBankHardwareContext(ctx(), &p);
}

static void restore_bank(BANK_ID bank)
{
	GPIO_SAVE_RESTORE_BANK_HARDWARE_CONTEXT_PARAMETERS p;

	memset(&p, 0, sizeof(p));
	p.BankId = bank;
	p.State = 1;
	PKT.CLIENT_RestoreBankHardwareContext(ctx(), &p);
}

/* The host holds the bank lock around ISR-path callbacks; a client that took it would recurse. */
static void host_hold_lock(BANK_ID bank)
{
	fake_host_lock_held[bank] = 1;
}

static void host_drop_lock(BANK_ID bank)
{
	fake_host_lock_held[bank] = 0;
}

/* ------------------------------------------------------------------------ */
/* The register model                                                       */
/* ------------------------------------------------------------------------ */

static void model_geometry(void)
{
	fake_host_reset();
	EXPECT_TRUE(!simgpio_model_init(&sim, 0, 32));
	EXPECT_TRUE(!simgpio_model_init(&sim, SIMGPIO_MAX_BANKS + 1, 32));
	EXPECT_TRUE(!simgpio_model_init(&sim, 4, 0));
	EXPECT_TRUE(!simgpio_model_init(&sim, 4, 65));
	EXPECT_TRUE(simgpio_model_init(&sim, SIMGPIO_MAX_BANKS, 64));
	EXPECT_EQ(simgpio_model_window_size(&sim), 0x100 + 16 * 0x80);
	EXPECT_TRUE(simgpio_model_init(&sim, 4, 32));
	EXPECT_EQ(simgpio_model_window_size(&sim), 0x300);
	EXPECT_EQ(simgpio_model_read(&sim, SIMGPIO_ID, 8), 0x14F494753ULL);
	EXPECT_EQ(simgpio_model_read(&sim, SIMGPIO_CONFIG, 8), 0x200004ULL);
	EXPECT_EQ(sim.header_reads, 2);
	/* power-on: all inputs, no pulls, nothing enabled, nothing pending */
	EXPECT_EQ(peek(3, SIMGPIO_DIR), 0);
	EXPECT_EQ(peek(3, SIMGPIO_DATA_IN), 0);
	EXPECT_EQ(peek(3, SIMGPIO_IRQ_STATUS), 0);
	EXPECT_TRUE(!simgpio_model_irq_asserted(&sim, 3));
	end_checks();
}

static void model_bad_accesses(void)
{
	model_setup(2, 32);
	EXPECT_EQ(simgpio_model_read(&sim, SIMGPIO_ID, 4), 0);		/* narrow */
	EXPECT_EQ(simgpio_model_read(&sim, bank_reg(0, 4), 8), 0);	/* misaligned */
	EXPECT_EQ(simgpio_model_read(&sim, 0x200, 8), 0);		/* past 2 banks */
	EXPECT_EQ(simgpio_model_read(&sim, 0x010, 8), 0);		/* reserved header */
	EXPECT_EQ(simgpio_model_read(&sim, bank_reg(1, 0x60), 8), 0);	/* reserved bank */
	EXPECT_EQ(simgpio_model_read(&sim, bank_reg(0, SIMGPIO_DATA_SET), 8), 0);
	EXPECT_EQ(simgpio_model_read(&sim, bank_reg(0, SIMGPIO_DATA_CLR), 8), 0);
	EXPECT_EQ(sim.bad_accesses, 7);
	simgpio_model_write(&sim, SIMGPIO_ID, 1, 8);
	simgpio_model_write(&sim, SIMGPIO_CONFIG, 1, 8);
	simgpio_model_write(&sim, bank_reg(0, SIMGPIO_DATA_IN), 1, 8);
	simgpio_model_write(&sim, bank_reg(0, SIMGPIO_IRQ_PENDING), 1, 8);
	simgpio_model_write(&sim, bank_reg(0, SIMGPIO_DIR), 1, 4);
	simgpio_model_write(&sim, bank_reg(0, SIMGPIO_DIR) + 1, 1, 8);
	EXPECT_EQ(sim.bad_accesses, 13);
	EXPECT_EQ(peek(0, SIMGPIO_DIR), 0);
	EXPECT_EQ(sim.bank[0].reads + sim.bank[0].writes, 0);
	EXPECT_EQ(simgpio_model_read(&sim, SIMGPIO_CONFIG, 8), 0x200002ULL);
	sim.bad_accesses = 0;
	end_checks();
}

static void model_data_set_clear(void)
{
	model_setup(1, 32);
	simgpio_model_write(&sim, bank_reg(0, SIMGPIO_DIR), 0xff, 8);
	simgpio_model_write(&sim, bank_reg(0, SIMGPIO_DATA_OUT), 0x0f, 8);
	EXPECT_EQ(peek(0, SIMGPIO_DATA_IN), 0x0f);
	simgpio_model_write(&sim, bank_reg(0, SIMGPIO_DATA_SET), 0x30, 8);
	EXPECT_EQ(peek(0, SIMGPIO_DATA_OUT), 0x3f);
	simgpio_model_write(&sim, bank_reg(0, SIMGPIO_DATA_CLR), 0x05, 8);
	EXPECT_EQ(peek(0, SIMGPIO_DATA_OUT), 0x3a);
	EXPECT_EQ(peek(0, SIMGPIO_DATA_IN), 0x3a);
	/* the latch holds for inputs, and shows once the pin is an output */
	simgpio_model_write(&sim, bank_reg(0, SIMGPIO_DATA_SET), 0x100, 8);
	EXPECT_EQ(peek(0, SIMGPIO_DATA_IN), 0x3a);
	simgpio_model_write(&sim, bank_reg(0, SIMGPIO_DIR), 0x1ff, 8);
	EXPECT_EQ(peek(0, SIMGPIO_DATA_IN), 0x13a);
	EXPECT_EQ(sim.bank[0].writes, 6);
	end_checks();
}

static void model_drive_and_pull(void)
{
	model_setup(1, 32);
	EXPECT_TRUE(!simgpio_model_level(&sim, 0, 2));	/* floating input reads 0 */
	poke(0, SIMGPIO_PULL_UP, 1 << 2);
	EXPECT_TRUE(simgpio_model_level(&sim, 0, 2));
	poke(0, SIMGPIO_PULL_DOWN, 1 << 2);		/* both = none */
	EXPECT_TRUE(!simgpio_model_level(&sim, 0, 2));
	poke(0, SIMGPIO_PULL_UP, 0);
	EXPECT_TRUE(!simgpio_model_level(&sim, 0, 2));
	/* an outside drive beats the internal pull, both ways */
	simgpio_model_drive(&sim, 0, 2, SIMGPIO_DRIVE_HIGH);
	EXPECT_TRUE(simgpio_model_level(&sim, 0, 2));
	EXPECT_EQ(simgpio_model_get_drive(&sim, 0, 2), SIMGPIO_DRIVE_HIGH);
	poke(0, SIMGPIO_PULL_DOWN, 0);
	poke(0, SIMGPIO_PULL_UP, 1 << 2);
	simgpio_model_drive(&sim, 0, 2, SIMGPIO_DRIVE_LOW);
	EXPECT_TRUE(!simgpio_model_level(&sim, 0, 2));
	EXPECT_EQ(peek(0, SIMGPIO_DATA_IN), 0);
	simgpio_model_drive(&sim, 0, 2, SIMGPIO_DRIVE_RELEASED);
	EXPECT_EQ(simgpio_model_get_drive(&sim, 0, 2), SIMGPIO_DRIVE_RELEASED);
	EXPECT_EQ(peek(0, SIMGPIO_DATA_IN), 1 << 2);	/* back to the pull-up */
	/* outputs ignore the outside world */
	poke(0, SIMGPIO_DIR, 1 << 2);
	simgpio_model_drive(&sim, 0, 2, SIMGPIO_DRIVE_HIGH);
	EXPECT_EQ(peek(0, SIMGPIO_DATA_IN), 0);
	poke(0, SIMGPIO_DATA_SET, 1 << 2);
	simgpio_model_drive(&sim, 0, 2, SIMGPIO_DRIVE_LOW);
	EXPECT_EQ(peek(0, SIMGPIO_DATA_IN), 1 << 2);
	/* pins and banks that don't exist are ignored */
	simgpio_model_drive(&sim, 0, 32, SIMGPIO_DRIVE_HIGH);
	simgpio_model_drive(&sim, 1, 0, SIMGPIO_DRIVE_HIGH);
	EXPECT_TRUE(!simgpio_model_level(&sim, 0, 32));
	EXPECT_TRUE(!simgpio_model_level(&sim, 1, 0));
	end_checks();
}

static void model_edge_latch(void)
{
	model_setup(1, 32);
	/* pin 3 rising, pin 4 falling; both edge mode (IRQ_MODE = 0), not enabled */
	poke(0, SIMGPIO_IRQ_POLARITY, 1 << 3);
	simgpio_model_drive(&sim, 0, 4, SIMGPIO_DRIVE_HIGH);	/* rising on 4: no match */
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_STATUS), 0);
	simgpio_model_drive(&sim, 0, 3, SIMGPIO_DRIVE_HIGH);	/* rising on 3: latch */
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_STATUS), 1 << 3);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_PENDING), 0);		/* not enabled */
	EXPECT_TRUE(!simgpio_model_irq_asserted(&sim, 0));
	simgpio_model_drive(&sim, 0, 3, SIMGPIO_DRIVE_LOW);	/* falling on 3: stays */
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_STATUS), 1 << 3);
	simgpio_model_drive(&sim, 0, 4, SIMGPIO_DRIVE_LOW);	/* falling on 4: latch */
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_STATUS), (1 << 3) | (1 << 4));
	/* enabling shows what latched while disabled */
	poke(0, SIMGPIO_IRQ_ENABLE, 1 << 4);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_PENDING), 1 << 4);
	EXPECT_TRUE(simgpio_model_irq_asserted(&sim, 0));
	/* W1C: only the written pin clears, zeros do nothing */
	poke(0, SIMGPIO_IRQ_STATUS, 1 << 4);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_STATUS), 1 << 3);
	EXPECT_TRUE(!simgpio_model_irq_asserted(&sim, 0));
	poke(0, SIMGPIO_IRQ_STATUS, 0);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_STATUS), 1 << 3);
	/* an output's own transitions latch too */
	poke(0, SIMGPIO_IRQ_STATUS, ~0ULL);
	poke(0, SIMGPIO_DIR, 1 << 3);
	poke(0, SIMGPIO_DATA_SET, 1 << 3);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_STATUS), 1 << 3);
	/* changing a pin's mode drops its latch */
	poke(0, SIMGPIO_IRQ_MODE, 1 << 3);
	poke(0, SIMGPIO_IRQ_MODE, 0);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_STATUS), 0);
	end_checks();
}

static void model_level_status(void)
{
	model_setup(1, 32);
	poke(0, SIMGPIO_IRQ_MODE, 0x3);		/* pins 0, 1 level */
	poke(0, SIMGPIO_IRQ_POLARITY, 0x1);	/* pin 0 high, pin 1 low */
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_STATUS), 0x2);	/* both inputs read 0 */
	simgpio_model_drive(&sim, 0, 0, SIMGPIO_DRIVE_HIGH);
	simgpio_model_drive(&sim, 0, 1, SIMGPIO_DRIVE_HIGH);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_STATUS), 0x1);
	poke(0, SIMGPIO_IRQ_STATUS, 0x3);	/* writes don't clear level status */
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_STATUS), 0x1);
	poke(0, SIMGPIO_IRQ_ENABLE, 0x3);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_PENDING), 0x1);
	EXPECT_TRUE(simgpio_model_irq_asserted(&sim, 0));
	simgpio_model_drive(&sim, 0, 0, SIMGPIO_DRIVE_LOW);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_PENDING), 0);
	EXPECT_TRUE(!simgpio_model_irq_asserted(&sim, 0));
	/* flipping the polarity flips the status at once */
	poke(0, SIMGPIO_IRQ_POLARITY, 0x0);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_PENDING), 0x1);
	end_checks();
}

static ULONG callback_calls, callback_bank, callback_asserted;

static VOID record_change(PVOID c, ULONG bank)
{
	callback_calls++;
	callback_bank = bank;
	callback_asserted = simgpio_model_irq_asserted(c, bank);
}

static void model_line_callback(void)
{
	model_setup(3, 8);
	callback_calls = 0;
	simgpio_model_set_callback(&sim, record_change, &sim);
	poke(2, SIMGPIO_IRQ_MODE, 0x1);
	poke(2, SIMGPIO_IRQ_POLARITY, 0x1);
	poke(2, SIMGPIO_IRQ_ENABLE, 0x1);
	EXPECT_EQ(callback_calls, 3);
	EXPECT_EQ(callback_bank, 2);
	EXPECT_EQ(callback_asserted, 0);
	simgpio_model_drive(&sim, 2, 0, SIMGPIO_DRIVE_HIGH);
	EXPECT_EQ(callback_calls, 4);
	EXPECT_EQ(callback_asserted, 1);
	poke(1, SIMGPIO_DIR, 0x1);
	EXPECT_EQ(callback_bank, 1);
	EXPECT_EQ(callback_asserted, 0);
	/* a bad access changes nothing and calls nobody */
	simgpio_model_write(&sim, bank_reg(2, SIMGPIO_IRQ_PENDING), 0, 8);
	EXPECT_EQ(callback_calls, 5);
	sim.bad_accesses = 0;
	simgpio_model_set_callback(&sim, NULL, NULL);
	simgpio_model_drive(&sim, 2, 0, SIMGPIO_DRIVE_LOW);
	EXPECT_EQ(callback_calls, 5);
	end_checks();
}

static void model_bank_isolation(void)
{
	ULONG b;

	model_setup(4, 32);
	poke(1, SIMGPIO_DIR, ~0ULL);
	poke(1, SIMGPIO_DATA_OUT, 0xa5a5a5a5);
	poke(1, SIMGPIO_IRQ_ENABLE, ~0ULL);
	poke(1, SIMGPIO_IRQ_MODE, ~0ULL);
	poke(1, SIMGPIO_IRQ_POLARITY, ~0ULL);
	simgpio_model_drive(&sim, 2, 7, SIMGPIO_DRIVE_HIGH);
	EXPECT_TRUE(simgpio_model_irq_asserted(&sim, 1));
	for (b = 0; b < 4; b++) {
		if (b == 1)
			continue;
		EXPECT_EQ(peek(b, SIMGPIO_DIR), 0);
		EXPECT_EQ(peek(b, SIMGPIO_DATA_OUT), 0);
		EXPECT_EQ(peek(b, SIMGPIO_IRQ_ENABLE), 0);
		EXPECT_TRUE(!simgpio_model_irq_asserted(&sim, b));
	}
	EXPECT_EQ(peek(2, SIMGPIO_DATA_IN), 1 << 7);
	EXPECT_EQ(peek(1, SIMGPIO_DATA_IN), 0xa5a5a5a5);
	simgpio_model_read(&sim, bank_reg(3, SIMGPIO_DATA_IN), 8);
	simgpio_model_write(&sim, bank_reg(3, SIMGPIO_DATA_SET), 1, 8);
	EXPECT_EQ(sim.bank[3].reads, 1);
	EXPECT_EQ(sim.bank[3].writes, 1);
	EXPECT_EQ(sim.bank[2].reads + sim.bank[2].writes, 0);
	end_checks();
}

static void model_pin_widths(void)
{
	model_setup(2, 1);
	poke(0, SIMGPIO_DIR, ~0ULL);
	EXPECT_EQ(peek(0, SIMGPIO_DIR), 0x1);
	EXPECT_EQ(peek(1, SIMGPIO_DIR), 0);

	model_setup(2, 32);
	poke(1, SIMGPIO_PULL_UP, ~0ULL);
	EXPECT_EQ(peek(1, SIMGPIO_PULL_UP), 0xffffffffULL);
	EXPECT_EQ(peek(1, SIMGPIO_DATA_IN), 0xffffffffULL);
	poke(1, SIMGPIO_IRQ_MODE, ~0ULL);
	poke(1, SIMGPIO_IRQ_POLARITY, ~0ULL);
	EXPECT_EQ(peek(1, SIMGPIO_IRQ_STATUS), 0xffffffffULL);	/* no bit 32 and up */
	simgpio_model_drive(&sim, 1, 32, SIMGPIO_DRIVE_LOW);
	EXPECT_EQ(peek(1, SIMGPIO_DATA_IN), 0xffffffffULL);

	model_setup(2, 64);
	EXPECT_EQ(simgpio_model_read(&sim, SIMGPIO_CONFIG, 8), 0x400002ULL);
	poke(1, SIMGPIO_DIR, ~0ULL);
	EXPECT_EQ(peek(1, SIMGPIO_DIR), ~0ULL);
	poke(1, SIMGPIO_DIR, 0);
	poke(1, SIMGPIO_IRQ_POLARITY, 1ULL << 63);	/* pin 63 rising edge */
	poke(1, SIMGPIO_IRQ_ENABLE, 1ULL << 63);
	simgpio_model_drive(&sim, 1, 63, SIMGPIO_DRIVE_HIGH);
	EXPECT_EQ(peek(1, SIMGPIO_DATA_IN), 1ULL << 63);
	EXPECT_EQ(peek(1, SIMGPIO_IRQ_PENDING), 1ULL << 63);
	EXPECT_TRUE(simgpio_model_level(&sim, 1, 63));
	poke(1, SIMGPIO_IRQ_STATUS, 1ULL << 63);
	EXPECT_EQ(peek(1, SIMGPIO_IRQ_PENDING), 0);
	end_checks();
}

/* ------------------------------------------------------------------------ */
/* The client: registration and lifecycle                                   */
/* ------------------------------------------------------------------------ */

static void client_registration(void)
{
	fake_host_reset();
	ASSERT_TRUE(client_setup(4, 32));
	EXPECT_EQ(PKT.Version, GPIO_CLIENT_VERSION);
	EXPECT_EQ(PKT.Size, sizeof(GPIO_CLIENT_REGISTRATION_PACKET));
	EXPECT_EQ(PKT.Flags, GPIO_CLIENT_REGISTRATION_FLAGS_NONE);
	EXPECT_EQ(PKT.Reserved, 0);
	EXPECT_TRUE(PKT.ControllerContextSize >= 16 * 7 * 8);
	/* mandatory */
	EXPECT_TRUE(PKT.CLIENT_PrepareController && PKT.CLIENT_ReleaseController);
	EXPECT_TRUE(PKT.CLIENT_StartController && PKT.CLIENT_StopController);
	EXPECT_TRUE(PKT.CLIENT_QueryControllerBasicInformation);
	/* the interrupt group, complete; Clear because status doesn't auto-clear */
	EXPECT_TRUE(PKT.CLIENT_EnableInterrupt && PKT.CLIENT_DisableInterrupt);
	EXPECT_TRUE(PKT.CLIENT_MaskInterrupts && PKT.CLIENT_UnmaskInterrupt);
	EXPECT_TRUE(PKT.CLIENT_QueryActiveInterrupts && PKT.CLIENT_ClearActiveInterrupts);
	EXPECT_TRUE(PKT.CLIENT_QueryEnabledInterrupts);
	EXPECT_TRUE(PKT.CLIENT_ReconfigureInterrupt);	/* EmulateActiveBoth */
	/* the I/O group in mask form */
	EXPECT_TRUE(PKT.CLIENT_ConnectIoPins && PKT.CLIENT_DisconnectIoPins);
	EXPECT_TRUE(PKT.CLIENT_ReadGpioPinsUsingMask && PKT.CLIENT_WriteGpioPinsUsingMask);
	/* bank F-states */
	EXPECT_TRUE(PKT.CLIENT_SaveBankHardwareContext &&
		    PKT.CLIENT_RestoreBankHardwareContext);
	EXPECT_TRUE(PKT.CLIENT_QuerySetControllerInformation);
	/* not implemented */
	EXPECT_TRUE(!PKT.CLIENT_PreProcessControllerInterrupt);
	EXPECT_TRUE(!PKT.CLIENT_ControllerSpecificFunction);
	EXPECT_TRUE(!PKT.CLIENT_ConnectFunctionConfigPins);
	EXPECT_TRUE(!PKT.CLIENT_DisconnectFunctionConfigPins);
	EXPECT_TRUE(fake_host_device && ctx());
	end_checks();
}

static void prepare_wrong_id(void)
{
	WDFCMRESLIST res;

	fake_host_reset();
	ASSERT_TRUE(client_setup(4, 32));
	res = sim_resources(0x300, 4);
	sim_id_override = 0x1deadbeefULL;	/* wrong magic */
	EXPECT_EQ(PKT.CLIENT_PrepareController(fake_host_device, ctx(), res, res),
		  STATUS_DEVICE_DOES_NOT_EXIST);
	EXPECT_EQ(fake_host_mappings, 0);
	sim_id_override = SIMGPIO_ID_VALUE(2);	/* right magic, unknown version */
	EXPECT_EQ(PKT.CLIENT_PrepareController(fake_host_device, ctx(), res, res),
		  STATUS_DEVICE_DOES_NOT_EXIST);
	EXPECT_EQ(fake_host_mappings, 0);
	sim_id_override = 0;
	EXPECT_EQ(PKT.CLIENT_PrepareController(fake_host_device, ctx(), res, res),
		  STATUS_SUCCESS);
	EXPECT_EQ(fake_host_mappings, 1);
	EXPECT_EQ(PKT.CLIENT_ReleaseController(fake_host_device, ctx()), STATUS_SUCCESS);
	EXPECT_EQ(fake_host_mappings, 0);
	end_checks();
}

static void prepare_short_window(void)
{
	WDFCMRESLIST res;

	fake_host_reset();
	ASSERT_TRUE(client_setup(4, 32));
	/* shorter than the header: rejected before mapping */
	res = sim_resources(0x80, 4);
	EXPECT_EQ(PKT.CLIENT_PrepareController(fake_host_device, ctx(), res, res),
		  STATUS_INVALID_DEVICE_STATE);
	EXPECT_EQ(fake_host_mappings, 0);
	EXPECT_EQ(sim.header_reads, 0);
	/* header fits, but CONFIG says 4 banks and the window has room for 3 */
	res = sim_resources(SIMGPIO_WINDOW_SIZE(3), 4);
	EXPECT_EQ(PKT.CLIENT_PrepareController(fake_host_device, ctx(), res, res),
		  STATUS_INVALID_DEVICE_STATE);
	EXPECT_EQ(fake_host_mappings, 0);
	EXPECT_EQ(sim.header_reads, 2);
	end_checks();
}

static void prepare_missing_memory(void)
{
	CM_PARTIAL_RESOURCE_DESCRIPTOR d[2];
	WDFCMRESLIST res;

	fake_host_reset();
	ASSERT_TRUE(client_setup(2, 32));
	d[0] = fake_host_interrupt_resource(40);
	d[1] = fake_host_interrupt_resource(41);
	res = fake_host_reslist(d, 2);
	EXPECT_EQ(PKT.CLIENT_PrepareController(fake_host_device, ctx(), res, res),
		  STATUS_NOT_FOUND);
	EXPECT_EQ(fake_host_mappings, 0);
	/* the memory resource need not come first; interrupts are optional */
	d[1] = fake_host_memory_resource(SIM_PHYS, 0x200);
	res = fake_host_reslist(d, 2);
	EXPECT_EQ(PKT.CLIENT_PrepareController(fake_host_device, ctx(), res, res),
		  STATUS_SUCCESS);
	EXPECT_EQ(fake_host_mappings, 1);
	res = fake_host_reslist(&d[1], 1);
	EXPECT_EQ(PKT.CLIENT_ReleaseController(fake_host_device, ctx()), STATUS_SUCCESS);
	EXPECT_EQ(PKT.CLIENT_PrepareController(fake_host_device, ctx(), res, res),
		  STATUS_SUCCESS);
	EXPECT_EQ(PKT.CLIENT_ReleaseController(fake_host_device, ctx()), STATUS_SUCCESS);
	EXPECT_EQ(fake_host_mappings, 0);
	end_checks();
}

static void check_info(ULONG banks, ULONG pins)
{
	CONTROLLER_ATTRIBUTE_FLAGS f;

	ASSERT_TRUE(client_start(banks, pins));
	f = sim_info.Flags;
	EXPECT_EQ(sim_info.Version, GPIO_CONTROLLER_BASIC_INFORMATION_VERSION);
	EXPECT_EQ(sim_info.Size, sizeof(CLIENT_CONTROLLER_BASIC_INFORMATION));
	EXPECT_EQ(sim_info.TotalPins, banks * pins);
	EXPECT_EQ(sim_info.NumberOfPinsPerBank, pins);
	EXPECT_EQ(sim_info.DeviceIdleTimeout, 0);
	EXPECT_EQ(f.MemoryMappedController, 1);
	EXPECT_EQ(f.ActiveInterruptsAutoClearOnRead, 0);
	EXPECT_EQ(f.FormatIoRequestsAsMasks, 1);
	EXPECT_EQ(f.DeviceIdlePowerMgmtSupported, 1);
	EXPECT_EQ(f.BankIdlePowerMgmtSupported, 1);
	EXPECT_EQ(f.EmulateDebouncing, 0);
	EXPECT_EQ(f.EmulateActiveBoth, 1);
	EXPECT_EQ(f.IndependentIoHwSupported, 1);
	EXPECT_EQ(f.Reserved, 0);
	EXPECT_EQ(fake_host_mappings, 1);
	EXPECT_EQ(PKT.CLIENT_StopController(ctx(), FALSE, WdfPowerDeviceD3Final),
		  STATUS_SUCCESS);
	EXPECT_EQ(PKT.CLIENT_ReleaseController(fake_host_device, ctx()), STATUS_SUCCESS);
	EXPECT_EQ(fake_host_mappings, 0);
	end_checks();
}

static void basic_info_4x32(void)
{
	check_info(4, 32);
}

static void basic_info_2x64(void)
{
	check_info(2, 64);
}

static void basic_info_3x1(void)
{
	check_info(3, 1);
}

static void basic_info_16x64(void)
{
	check_info(16, 64);
}

static void start_resets_banks(void)
{
	ULONG b;

	fake_host_reset();
	ASSERT_TRUE(client_setup(4, 32));
	/* what firmware or a previous driver left behind */
	for (b = 0; b < 4; b++) {
		poke(b, SIMGPIO_DIR, 0xf0);
		poke(b, SIMGPIO_DATA_OUT, 0x30);
		poke(b, SIMGPIO_PULL_UP, 0x0f);
		poke(b, SIMGPIO_PULL_DOWN, 0x300);
		poke(b, SIMGPIO_IRQ_POLARITY, 0x400);
		poke(b, SIMGPIO_IRQ_ENABLE, ~0ULL);
		simgpio_model_drive(&sim, b, 10, SIMGPIO_DRIVE_HIGH);	/* latches pin 10 */
	}
	ASSERT_TRUE(simgpio_model_irq_asserted(&sim, 3));
	ASSERT_TRUE(NT_SUCCESS(fake_host_start(sim_resources(0x300, 4), &sim_info)));
	for (b = 0; b < 4; b++) {
		EXPECT_EQ(peek(b, SIMGPIO_IRQ_ENABLE), 0);
		EXPECT_EQ(peek(b, SIMGPIO_IRQ_STATUS), 0);
		EXPECT_EQ(peek(b, SIMGPIO_DIR), 0);
		EXPECT_EQ(peek(b, SIMGPIO_PULL_UP), 0);
		EXPECT_EQ(peek(b, SIMGPIO_PULL_DOWN), 0);
		EXPECT_TRUE(!simgpio_model_irq_asserted(&sim, b));
	}
	/* start takes no lock (GpioClx calls it with no bank lock available) */
	for (b = 0; b < 4; b++)
		EXPECT_EQ(fake_host_lock_acquired[b], 0);
	end_checks();
}

/* ------------------------------------------------------------------------ */
/* The client: GPIO I/O                                                     */
/* ------------------------------------------------------------------------ */

static void connect_modes_and_pulls(void)
{
	PIN_NUMBER in[] = { 0, 5, 31 }, out[] = { 1, 2 }, one[] = { 5 };

	fake_host_reset();
	ASSERT_TRUE(client_start(4, 32));
	EXPECT_EQ(connect(2, in, 3, ConnectModeInput, GPIO_PIN_PULL_CONFIGURATION_PULLUP),
		  STATUS_SUCCESS);
	EXPECT_EQ(peek(2, SIMGPIO_DIR), 0);
	EXPECT_EQ(peek(2, SIMGPIO_PULL_UP), 0x80000021ULL);
	EXPECT_EQ(peek(2, SIMGPIO_DATA_IN), 0x80000021ULL);
	EXPECT_EQ(fake_host_lock_acquired[2], 1);
	EXPECT_EQ(fake_host_lock_held[2], 0);

	poke(2, SIMGPIO_DATA_OUT, 0x4);
	EXPECT_EQ(connect(2, out, 2, ConnectModeOutput, GPIO_PIN_PULL_CONFIGURATION_DEFAULT),
		  STATUS_SUCCESS);
	EXPECT_EQ(peek(2, SIMGPIO_DIR), 0x6);
	EXPECT_EQ(peek(2, SIMGPIO_PULL_UP), 0x80000021ULL);	/* default: untouched */
	EXPECT_EQ(peek(2, SIMGPIO_DATA_IN), 0x80000025ULL);	/* the latch drives pin 2 */
	EXPECT_EQ(fake_host_lock_acquired[2], 2);

	/* pull-down replaces pull-up; none removes both */
	EXPECT_EQ(connect(2, one, 1, ConnectModeInput, GPIO_PIN_PULL_CONFIGURATION_PULLDOWN),
		  STATUS_SUCCESS);
	EXPECT_EQ(peek(2, SIMGPIO_PULL_UP), 0x80000001ULL);
	EXPECT_EQ(peek(2, SIMGPIO_PULL_DOWN), 0x20);
	EXPECT_EQ(connect(2, one, 1, ConnectModeInput, GPIO_PIN_PULL_CONFIGURATION_NONE),
		  STATUS_SUCCESS);
	EXPECT_EQ(peek(2, SIMGPIO_PULL_UP), 0x80000001ULL);
	EXPECT_EQ(peek(2, SIMGPIO_PULL_DOWN), 0);
	/* an output connected back as an input */
	EXPECT_EQ(connect(2, out, 1, ConnectModeInput, GPIO_PIN_PULL_CONFIGURATION_DEFAULT),
		  STATUS_SUCCESS);
	EXPECT_EQ(peek(2, SIMGPIO_DIR), 0x4);
	EXPECT_EQ(fake_host_lock_acquired[2], 5);
	/* no other bank touched */
	EXPECT_EQ(accesses(0) + accesses(1) + accesses(3), 0);
	EXPECT_EQ(fake_host_lock_acquired[0] + fake_host_lock_acquired[1], 0);
	end_checks();
}

static void connect_rejections(void)
{
	PIN_NUMBER pins[] = { 3, 4 }, bad[] = { 3, 32 };
	GPIO_CONNECT_IO_PINS_PARAMETERS p;
	struct bank_regs before;
	ULONG writes;

	fake_host_reset();
	ASSERT_TRUE(client_start(4, 32));
	poke(1, SIMGPIO_PULL_UP, 0x10);
	poke(1, SIMGPIO_DIR, 0x8);
	before = snapshot(1);
	writes = sim.bank[1].writes;

	memset(&p, 0, sizeof(p));
	p.BankId = 1;
	p.PinNumberTable = pins;
	p.PinCount = 2;
	p.ConnectMode = ConnectModeInput;
	p.DebounceTimeout = 500;
	EXPECT_EQ(PKT.CLIENT_ConnectIoPins(ctx(), &p), STATUS_NOT_SUPPORTED);
	p.DebounceTimeout = 0;
	p.ConnectMode = ConnectModeOutput;
	p.DriveStrength = 121;
	EXPECT_EQ(PKT.CLIENT_ConnectIoPins(ctx(), &p), STATUS_NOT_SUPPORTED);
	p.DriveStrength = 0;
	p.PullConfiguration = 0x80;	/* vendor-defined */
	EXPECT_EQ(PKT.CLIENT_ConnectIoPins(ctx(), &p), STATUS_NOT_SUPPORTED);
	p.PullConfiguration = 4;
	EXPECT_EQ(PKT.CLIENT_ConnectIoPins(ctx(), &p), STATUS_NOT_SUPPORTED);

	EXPECT_EQ(connect(1, pins, 2, ConnectModeInvalid, 0), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(connect(1, pins, 2, (GPIO_CONNECT_IO_PINS_MODE)3, 0),
		  STATUS_INVALID_PARAMETER);
	EXPECT_EQ(connect(4, pins, 2, ConnectModeInput, 0), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(connect(1, bad, 2, ConnectModeInput, 0), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(connect(1, NULL, 2, ConnectModeInput, 0), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(connect(1, pins, 0, ConnectModeInput, 0), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(disconnect(1, bad, 2, ConnectModeInput, 0), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(disconnect(7, pins, 2, ConnectModeInput, 0), STATUS_INVALID_PARAMETER);

	EXPECT_TRUE(same_regs(before, snapshot(1)));
	EXPECT_EQ(sim.bank[1].writes, writes);
	EXPECT_EQ(fake_host_lock_acquired[1], 0);
	end_checks();
}

static void disconnect_preserve_or_revert(void)
{
	PIN_NUMBER pins[] = { 6, 7 };
	ULONG before;

	fake_host_reset();
	ASSERT_TRUE(client_start(2, 32));
	ASSERT_TRUE(NT_SUCCESS(connect(0, pins, 2, ConnectModeOutput,
				       GPIO_PIN_PULL_CONFIGURATION_PULLUP)));
	ASSERT_TRUE(NT_SUCCESS(write_bank(0, 0x80, 0)));
	poke(0, SIMGPIO_PULL_DOWN, 0x100);	/* someone else's pin */
	poke(0, SIMGPIO_DIR, 0x20c0);

	/* preserve: nothing is touched, not even read */
	before = accesses(0);
	EXPECT_EQ(disconnect(0, pins, 2, ConnectModeOutput, 1), STATUS_SUCCESS);
	EXPECT_EQ(accesses(0), before);
	EXPECT_EQ(peek(0, SIMGPIO_DIR), 0x20c0);
	EXPECT_EQ(peek(0, SIMGPIO_DATA_IN), 0x80);
	EXPECT_EQ(fake_host_lock_acquired[0], 1);

	/* revert: the pins become inputs without pull, the others stay */
	EXPECT_EQ(disconnect(0, pins, 2, ConnectModeOutput, 0), STATUS_SUCCESS);
	EXPECT_EQ(peek(0, SIMGPIO_DIR), 0x2000);
	EXPECT_EQ(peek(0, SIMGPIO_PULL_UP), 0);
	EXPECT_EQ(peek(0, SIMGPIO_PULL_DOWN), 0x100);
	EXPECT_EQ(peek(0, SIMGPIO_DATA_IN), 0);
	EXPECT_EQ(peek(0, SIMGPIO_DATA_OUT), 0x80);	/* the latch is kept */
	EXPECT_EQ(fake_host_lock_acquired[0], 2);
	EXPECT_EQ(fake_host_lock_held[0], 0);
	end_checks();
}

static void read_one_access(void)
{
	ULONG64 v = 0;
	ULONG before;

	fake_host_reset();
	ASSERT_TRUE(client_start(4, 32));
	poke(3, SIMGPIO_DIR, 0xf0);
	poke(3, SIMGPIO_DATA_OUT, 0x5a);
	poke(3, SIMGPIO_PULL_UP, 0x2);
	simgpio_model_drive(&sim, 3, 0, SIMGPIO_DRIVE_HIGH);
	simgpio_model_drive(&sim, 3, 4, SIMGPIO_DRIVE_HIGH);	/* output: ignored */

	before = accesses(3);
	EXPECT_EQ(read_bank(3, &v, 0), STATUS_SUCCESS);
	EXPECT_EQ(v, 0x53);	/* inputs 0 (driven), 1 (pulled up); outputs 4, 6 */
	EXPECT_EQ(accesses(3), before + 1);
	EXPECT_EQ(sim.bank[3].reads, 1);
	/* output-configured pins read back their latch through the same register */
	EXPECT_EQ(read_bank(3, &v, 1), STATUS_SUCCESS);
	EXPECT_EQ(v, 0x53);
	EXPECT_EQ(accesses(3), before + 2);
	EXPECT_EQ(accesses(0) + accesses(1) + accesses(2), 0);
	EXPECT_EQ(read_bank(4, &v, 0), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(read_bank(0, NULL, 0), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(fake_host_lock_acquired[3], 0);
	end_checks();
}

static void write_masks(void)
{
	fake_host_reset();
	ASSERT_TRUE(client_start(4, 32));
	poke(0, SIMGPIO_DIR, ~0ULL);
	poke(1, SIMGPIO_DIR, ~0ULL);
	poke(0, SIMGPIO_DATA_OUT, 0xff00);
	poke(1, SIMGPIO_DATA_OUT, 0x0f0f);

	EXPECT_EQ(write_bank(1, 0x00f0, 0x000f), STATUS_SUCCESS);
	EXPECT_EQ(peek(1, SIMGPIO_DATA_OUT), 0x0ff0);
	EXPECT_EQ(peek(1, SIMGPIO_DATA_IN), 0x0ff0);
	EXPECT_EQ(sim.bank[1].writes, 2);
	EXPECT_EQ(sim.bank[1].reads, 0);		/* no read-modify-write */
	EXPECT_EQ(accesses(0), 0);			/* bank 0 untouched */
	EXPECT_EQ(peek(0, SIMGPIO_DATA_OUT), 0xff00);

	EXPECT_EQ(write_bank(1, 0x1000, 0), STATUS_SUCCESS);	/* set only: one write */
	EXPECT_EQ(sim.bank[1].writes, 3);
	EXPECT_EQ(write_bank(1, 0, 0x10), STATUS_SUCCESS);	/* clear only: one write */
	EXPECT_EQ(sim.bank[1].writes, 4);
	EXPECT_EQ(write_bank(1, 0, 0), STATUS_SUCCESS);		/* nothing: no access */
	EXPECT_EQ(sim.bank[1].writes, 4);
	EXPECT_EQ(peek(1, SIMGPIO_DATA_OUT), 0x1fe0);
	EXPECT_EQ(sim.bank[1].reads, 0);
	EXPECT_EQ(write_bank(4, 1, 0), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(fake_host_lock_acquired[1], 0);
	end_checks();
}

static void io_pin_63(void)
{
	PIN_NUMBER pins[] = { 63 };
	ULONG64 v = 0;

	fake_host_reset();
	ASSERT_TRUE(client_start(2, 64));
	ASSERT_TRUE(NT_SUCCESS(connect(1, pins, 1, ConnectModeOutput, 0)));
	EXPECT_EQ(peek(1, SIMGPIO_DIR), 1ULL << 63);
	EXPECT_EQ(write_bank(1, 1ULL << 63, 0), STATUS_SUCCESS);
	EXPECT_EQ(read_bank(1, &v, 1), STATUS_SUCCESS);
	EXPECT_EQ(v, 1ULL << 63);
	EXPECT_EQ(peek(0, SIMGPIO_DATA_IN), 0);
	pins[0] = 64;
	EXPECT_EQ(connect(1, pins, 1, ConnectModeOutput, 0), STATUS_INVALID_PARAMETER);
	/* one-pin banks: pin 0 only */
	ASSERT_TRUE(client_start(3, 1));
	pins[0] = 0;
	EXPECT_EQ(connect(2, pins, 1, ConnectModeOutput, 0), STATUS_SUCCESS);
	EXPECT_EQ(write_bank(2, 1, 0), STATUS_SUCCESS);
	EXPECT_EQ(peek(2, SIMGPIO_DATA_IN), 1);
	pins[0] = 1;
	EXPECT_EQ(connect(2, pins, 1, ConnectModeOutput, 0), STATUS_INVALID_PARAMETER);
	end_checks();
}

/* ------------------------------------------------------------------------ */
/* The client: interrupts                                                   */
/* ------------------------------------------------------------------------ */

static void enable_disable(void)
{
	GPIO_ENABLE_INTERRUPT_PARAMETERS p;

	fake_host_reset();
	ASSERT_TRUE(client_start(4, 32));
	/* a stale edge on pin 5 from before the enable */
	poke(2, SIMGPIO_DIR, 1 << 5);
	poke(2, SIMGPIO_DATA_SET, 1 << 5);
	poke(2, SIMGPIO_DATA_CLR, 1 << 5);
	ASSERT_TRUE(peek(2, SIMGPIO_IRQ_STATUS) == 1 << 5);

	EXPECT_EQ(enable_irq(2, 5, Latched, InterruptFallingEdge), STATUS_SUCCESS);
	EXPECT_EQ(peek(2, SIMGPIO_DIR), 0);			/* an interrupt input */
	EXPECT_EQ(peek(2, SIMGPIO_IRQ_MODE), 0);		/* edge */
	EXPECT_EQ(peek(2, SIMGPIO_IRQ_POLARITY), 0);		/* falling */
	EXPECT_EQ(peek(2, SIMGPIO_IRQ_STATUS), 0);		/* stale edge dropped */
	EXPECT_EQ(peek(2, SIMGPIO_IRQ_ENABLE), 1 << 5);
	EXPECT_EQ(fake_host_lock_acquired[2], 1);
	EXPECT_EQ(fake_host_lock_held[2], 0);

	p = irq_params(2, 9, LevelSensitive, InterruptActiveHigh);
	p.PullConfiguration = GPIO_PIN_PULL_CONFIGURATION_PULLDOWN;
	EXPECT_EQ(PKT.CLIENT_EnableInterrupt(ctx(), &p), STATUS_SUCCESS);
	EXPECT_EQ(peek(2, SIMGPIO_IRQ_MODE), 1 << 9);
	EXPECT_EQ(peek(2, SIMGPIO_IRQ_POLARITY), 1 << 9);
	EXPECT_EQ(peek(2, SIMGPIO_PULL_DOWN), 1 << 9);
	EXPECT_EQ(peek(2, SIMGPIO_IRQ_ENABLE), (1 << 5) | (1 << 9));
	EXPECT_EQ(peek(2, SIMGPIO_IRQ_PENDING), 0);
	simgpio_model_drive(&sim, 2, 9, SIMGPIO_DRIVE_HIGH);
	EXPECT_EQ(peek(2, SIMGPIO_IRQ_PENDING), 1 << 9);
	EXPECT_EQ(fake_host_lock_acquired[2], 2);

	/* an edge latched, then the disable drops enable and latch */
	simgpio_model_drive(&sim, 2, 5, SIMGPIO_DRIVE_HIGH);
	simgpio_model_drive(&sim, 2, 5, SIMGPIO_DRIVE_LOW);
	EXPECT_EQ(peek(2, SIMGPIO_IRQ_PENDING), (1 << 5) | (1 << 9));
	EXPECT_EQ(disable_irq(2, 5), STATUS_SUCCESS);
	EXPECT_EQ(peek(2, SIMGPIO_IRQ_ENABLE), 1 << 9);
	EXPECT_EQ(peek(2, SIMGPIO_IRQ_STATUS), 1 << 9);
	EXPECT_EQ(disable_irq(2, 9), STATUS_SUCCESS);
	EXPECT_EQ(peek(2, SIMGPIO_IRQ_ENABLE), 0);
	EXPECT_TRUE(!simgpio_model_irq_asserted(&sim, 2));
	EXPECT_EQ(fake_host_lock_acquired[2], 4);
	EXPECT_EQ(accesses(0) + accesses(1) + accesses(3), 0);
	end_checks();
}

static void enable_rejections(void)
{
	GPIO_ENABLE_INTERRUPT_PARAMETERS p;
	struct bank_regs before;
	ULONG writes;

	fake_host_reset();
	ASSERT_TRUE(client_start(4, 32));
	poke(0, SIMGPIO_IRQ_ENABLE, 0x1);
	before = snapshot(0);
	writes = sim.bank[0].writes;
	EXPECT_EQ(enable_irq(0, 3, LevelSensitive, InterruptActiveBoth), STATUS_NOT_SUPPORTED);
	EXPECT_EQ(enable_irq(0, 3, Latched, InterruptActiveBoth), STATUS_NOT_SUPPORTED);
	EXPECT_EQ(enable_irq(0, 3, Latched, InterruptActiveBothTriggerHigh),
		  STATUS_NOT_SUPPORTED);
	EXPECT_EQ(enable_irq(0, 3, Latched, InterruptPolarityUnknown), STATUS_NOT_SUPPORTED);
	EXPECT_EQ(enable_irq(0, 3, (KINTERRUPT_MODE)2, InterruptActiveHigh),
		  STATUS_NOT_SUPPORTED);
	p = irq_params(0, 3, Latched, InterruptRisingEdge);
	p.DebounceTimeout = 100;
	EXPECT_EQ(PKT.CLIENT_EnableInterrupt(ctx(), &p), STATUS_NOT_SUPPORTED);
	p = irq_params(0, 3, Latched, InterruptRisingEdge);
	p.PullConfiguration = 0x90;
	EXPECT_EQ(PKT.CLIENT_EnableInterrupt(ctx(), &p), STATUS_NOT_SUPPORTED);
	EXPECT_EQ(enable_irq(0, 32, Latched, InterruptActiveHigh), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(enable_irq(4, 0, Latched, InterruptActiveHigh), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(disable_irq(4, 0), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(disable_irq(0, 32), STATUS_INVALID_PARAMETER);

	host_hold_lock(0);
	EXPECT_EQ(unmask_irq(0, 3, Latched, InterruptActiveBoth), STATUS_NOT_SUPPORTED);
	EXPECT_EQ(unmask_irq(0, 40, Latched, InterruptActiveLow), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(reconfigure(0, 3, LevelSensitive, InterruptActiveBoth), STATUS_NOT_SUPPORTED);
	EXPECT_EQ(reconfigure(0, 3, LevelSensitive, InterruptActiveBothTriggerHigh),
		  STATUS_NOT_SUPPORTED);
	EXPECT_EQ(reconfigure(5, 3, LevelSensitive, InterruptActiveLow),
		  STATUS_INVALID_PARAMETER);
	host_drop_lock(0);

	EXPECT_TRUE(same_regs(before, snapshot(0)));
	EXPECT_EQ(sim.bank[0].writes, writes);
	EXPECT_EQ(fake_host_lock_acquired[0], 0);
	end_checks();
}

static void mask_unmask(void)
{
	ULONG64 failed = 1;

	fake_host_reset();
	ASSERT_TRUE(client_start(4, 32));
	ASSERT_TRUE(NT_SUCCESS(enable_irq(1, 2, LevelSensitive, InterruptActiveLow)));
	ASSERT_TRUE(NT_SUCCESS(enable_irq(1, 3, LevelSensitive, InterruptActiveLow)));
	ASSERT_TRUE(NT_SUCCESS(enable_irq(1, 4, Latched, InterruptRisingEdge)));
	EXPECT_EQ(peek(1, SIMGPIO_IRQ_PENDING), 0xc);	/* 2 and 3 float low */

	host_hold_lock(1);
	EXPECT_EQ(mask_irqs(1, 0xc, &failed), STATUS_SUCCESS);
	EXPECT_EQ(failed, 0);
	EXPECT_EQ(peek(1, SIMGPIO_IRQ_ENABLE), 0x10);
	EXPECT_EQ(peek(1, SIMGPIO_IRQ_PENDING), 0);
	EXPECT_EQ(peek(1, SIMGPIO_IRQ_STATUS), 0xc);	/* masking keeps the status */
	EXPECT_TRUE(!simgpio_model_irq_asserted(&sim, 1));

	/* unmask fires what is still active; it may reprogram the trigger */
	EXPECT_EQ(unmask_irq(1, 2, LevelSensitive, InterruptActiveLow), STATUS_SUCCESS);
	EXPECT_EQ(peek(1, SIMGPIO_IRQ_ENABLE), 0x14);
	EXPECT_TRUE(simgpio_model_irq_asserted(&sim, 1));
	EXPECT_EQ(unmask_irq(1, 3, LevelSensitive, InterruptActiveHigh), STATUS_SUCCESS);
	EXPECT_EQ(peek(1, SIMGPIO_IRQ_POLARITY), 0x18);
	EXPECT_EQ(peek(1, SIMGPIO_IRQ_MODE), 0xc);
	EXPECT_EQ(peek(1, SIMGPIO_IRQ_ENABLE), 0x1c);
	EXPECT_EQ(peek(1, SIMGPIO_IRQ_PENDING), 0x4);
	EXPECT_EQ(unmask_irq(1, 3, Latched, InterruptFallingEdge), STATUS_SUCCESS);
	EXPECT_EQ(peek(1, SIMGPIO_IRQ_MODE), 0x4);
	EXPECT_EQ(peek(1, SIMGPIO_IRQ_POLARITY), 0x10);
	EXPECT_EQ(mask_irqs(4, 0x1, &failed), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(failed, 0x1);
	host_drop_lock(1);

	EXPECT_EQ(fake_host_lock_acquired[1], 3);	/* the three enables only */
	end_checks();
}

static void query_active_and_clear(void)
{
	ULONG64 failed = 1;

	fake_host_reset();
	ASSERT_TRUE(client_start(4, 32));
	ASSERT_TRUE(NT_SUCCESS(enable_irq(3, 0, Latched, InterruptRisingEdge)));
	ASSERT_TRUE(NT_SUCCESS(enable_irq(3, 1, Latched, InterruptRisingEdge)));
	ASSERT_TRUE(NT_SUCCESS(enable_irq(3, 2, LevelSensitive, InterruptActiveHigh)));
	simgpio_model_drive(&sim, 3, 0, SIMGPIO_DRIVE_HIGH);
	simgpio_model_drive(&sim, 3, 1, SIMGPIO_DRIVE_HIGH);
	simgpio_model_drive(&sim, 3, 2, SIMGPIO_DRIVE_HIGH);
	poke(3, SIMGPIO_IRQ_POLARITY, peek(3, SIMGPIO_IRQ_POLARITY) | 0x8);
	simgpio_model_drive(&sim, 3, 3, SIMGPIO_DRIVE_HIGH);	/* latched, never enabled */

	host_hold_lock(3);
	sim.bank[3].reads = 0;
	EXPECT_EQ(query_active(3, 0x7), 0x7);
	EXPECT_EQ(sim.bank[3].reads, 1);
	EXPECT_EQ(query_active(3, 0x5), 0x5);	/* only what GpioClx has enabled */
	EXPECT_EQ(query_active(3, 0x8), 0);	/* latched but disabled in hardware */
	EXPECT_EQ(query_active(0, ~0ULL), 0);

	EXPECT_EQ(clear_irqs(3, 0x1, &failed), STATUS_SUCCESS);
	EXPECT_EQ(failed, 0);
	EXPECT_EQ(query_active(3, 0x7), 0x6);
	/* a level pin stays active until its input changes */
	EXPECT_EQ(clear_irqs(3, 0x6, &failed), STATUS_SUCCESS);
	EXPECT_EQ(query_active(3, 0x7), 0x4);
	simgpio_model_drive(&sim, 3, 2, SIMGPIO_DRIVE_LOW);
	EXPECT_EQ(query_active(3, 0x7), 0);
	EXPECT_EQ(clear_irqs(9, 0x1, &failed), STATUS_INVALID_PARAMETER);
	EXPECT_EQ(failed, 0x1);
	host_drop_lock(3);
	EXPECT_EQ(fake_host_lock_acquired[3], 3);
	end_checks();
}

static void reconfigure_and_query_enabled(void)
{
	fake_host_reset();
	ASSERT_TRUE(client_start(4, 32));
	ASSERT_TRUE(NT_SUCCESS(enable_irq(0, 7, Latched, InterruptRisingEdge)));
	simgpio_model_drive(&sim, 0, 7, SIMGPIO_DRIVE_HIGH);
	ASSERT_TRUE(peek(0, SIMGPIO_IRQ_STATUS) == 0x80);

	host_hold_lock(0);
	EXPECT_EQ(reconfigure(0, 7, Latched, InterruptFallingEdge), STATUS_SUCCESS);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_POLARITY), 0);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_STATUS), 0);		/* latch dropped */
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_ENABLE), 0x80);		/* still enabled */
	EXPECT_EQ(reconfigure(0, 7, LevelSensitive, InterruptActiveHigh), STATUS_SUCCESS);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_MODE), 0x80);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_POLARITY), 0x80);
	EXPECT_EQ(peek(0, SIMGPIO_IRQ_PENDING), 0x80);		/* the line is high */

	/* QueryEnabled reads the hardware, not a copy */
	EXPECT_EQ(query_enabled(0), 0x80);
	poke(0, SIMGPIO_IRQ_ENABLE, 0x81);
	EXPECT_EQ(query_enabled(0), 0x81);
	poke(1, SIMGPIO_IRQ_ENABLE, 0x2);
	EXPECT_EQ(query_enabled(1), 0x2);
	host_drop_lock(0);
	EXPECT_EQ(fake_host_lock_acquired[0], 1);
	end_checks();
}

/* GpioClx's ActiveBoth emulation, as the host will drive it on the sim. */
static void active_both_emulation(void)
{
	ULONG64 failed;

	fake_host_reset();
	ASSERT_TRUE(client_start(4, 32));
	simgpio_model_drive(&sim, 1, 12, SIMGPIO_DRIVE_HIGH);	/* idles high */
	/* ActiveBoth starts as level, asserted low */
	EXPECT_EQ(enable_irq(1, 12, LevelSensitive, InterruptActiveLow), STATUS_SUCCESS);
	EXPECT_TRUE(!simgpio_model_irq_asserted(&sim, 1));

	simgpio_model_drive(&sim, 1, 12, SIMGPIO_DRIVE_LOW);	/* falling edge */
	EXPECT_TRUE(simgpio_model_irq_asserted(&sim, 1));
	host_hold_lock(1);
	EXPECT_EQ(query_active(1, 1 << 12), 1 << 12);
	EXPECT_EQ(mask_irqs(1, 1 << 12, &failed), STATUS_SUCCESS);
	EXPECT_EQ(reconfigure(1, 12, LevelSensitive, InterruptActiveHigh), STATUS_SUCCESS);
	EXPECT_EQ(unmask_irq(1, 12, LevelSensitive, InterruptActiveHigh), STATUS_SUCCESS);
	host_drop_lock(1);
	EXPECT_TRUE(!simgpio_model_irq_asserted(&sim, 1));	/* the low level is quiet now */

	simgpio_model_drive(&sim, 1, 12, SIMGPIO_DRIVE_HIGH);	/* rising edge */
	EXPECT_TRUE(simgpio_model_irq_asserted(&sim, 1));
	host_hold_lock(1);
	EXPECT_EQ(query_active(1, 1 << 12), 1 << 12);
	EXPECT_EQ(mask_irqs(1, 1 << 12, &failed), STATUS_SUCCESS);
	EXPECT_EQ(reconfigure(1, 12, LevelSensitive, InterruptActiveLow), STATUS_SUCCESS);
	EXPECT_EQ(unmask_irq(1, 12, LevelSensitive, InterruptActiveLow), STATUS_SUCCESS);
	host_drop_lock(1);
	EXPECT_TRUE(!simgpio_model_irq_asserted(&sim, 1));

	simgpio_model_drive(&sim, 1, 12, SIMGPIO_DRIVE_LOW);	/* and falling again */
	EXPECT_TRUE(simgpio_model_irq_asserted(&sim, 1));
	EXPECT_EQ(fake_host_lock_acquired[1], 1);		/* the enable only */
	end_checks();
}

/* No ISR-path callback takes the lock: the host holds it, a client acquire would recurse. */
static void isr_path_takes_no_lock(void)
{
	ULONG64 failed;

	fake_host_reset();
	ASSERT_TRUE(client_start(4, 32));
	ASSERT_TRUE(NT_SUCCESS(enable_irq(2, 1, Latched, InterruptRisingEdge)));
	EXPECT_EQ(fake_host_lock_acquired[2], 1);
	host_hold_lock(2);
	EXPECT_EQ(mask_irqs(2, 0x2, &failed), STATUS_SUCCESS);
	EXPECT_EQ(unmask_irq(2, 1, Latched, InterruptRisingEdge), STATUS_SUCCESS);
	(void)query_active(2, 0x2);
	EXPECT_EQ(clear_irqs(2, 0x2, &failed), STATUS_SUCCESS);
	EXPECT_EQ(reconfigure(2, 1, LevelSensitive, InterruptActiveLow), STATUS_SUCCESS);
	(void)query_enabled(2);
	save_bank(2);
	restore_bank(2);
	host_drop_lock(2);
	EXPECT_EQ(fake_host_lock_acquired[2], 1);
	/* with IndependentIoHwSupported, I/O runs without the lock and takes none */
	EXPECT_EQ(write_bank(2, 0x1, 0), STATUS_SUCCESS);
	EXPECT_EQ(fake_host_lock_acquired[2], 1);
	end_checks();
}

/* ------------------------------------------------------------------------ */
/* The client: power                                                        */
/* ------------------------------------------------------------------------ */

static void scramble(ULONG bank)
{
	poke(bank, SIMGPIO_DIR, 0x5555);
	poke(bank, SIMGPIO_DATA_OUT, 0x3333);
	poke(bank, SIMGPIO_PULL_UP, 0x0f0f);
	poke(bank, SIMGPIO_PULL_DOWN, 0xf0f0);
	poke(bank, SIMGPIO_IRQ_MODE, 0xffff);
	poke(bank, SIMGPIO_IRQ_POLARITY, 0x1234);
	poke(bank, SIMGPIO_IRQ_ENABLE, 0x4321);
}

static void configure(ULONG bank, ULONG64 seed)
{
	poke(bank, SIMGPIO_DATA_OUT, seed);
	poke(bank, SIMGPIO_DIR, seed << 1);
	poke(bank, SIMGPIO_PULL_UP, seed << 2);
	poke(bank, SIMGPIO_PULL_DOWN, seed << 3);
	poke(bank, SIMGPIO_IRQ_MODE, seed << 4);
	poke(bank, SIMGPIO_IRQ_POLARITY, seed << 5);
	poke(bank, SIMGPIO_IRQ_ENABLE, seed << 6);
}

static void stop_start_round_trip(void)
{
	struct bank_regs saved[4];
	ULONG b;

	fake_host_reset();
	ASSERT_TRUE(client_start(4, 64));
	for (b = 0; b < 4; b++) {
		configure(b, 0x1111ULL * (b + 1));
		saved[b] = snapshot_rw(b);
	}
	EXPECT_EQ(PKT.CLIENT_StopController(ctx(), TRUE, WdfPowerDeviceD3), STATUS_SUCCESS);
	for (b = 0; b < 4; b++)
		scramble(b);
	EXPECT_EQ(PKT.CLIENT_StartController(ctx(), TRUE, WdfPowerDeviceD3), STATUS_SUCCESS);
	for (b = 0; b < 4; b++)
		EXPECT_TRUE(same_regs(saved[b], snapshot_rw(b)));
	/* a stop that saves nothing touches nothing */
	for (b = 0; b < 4; b++) {
		sim.bank[b].reads = 0;
		sim.bank[b].writes = 0;
	}
	EXPECT_EQ(PKT.CLIENT_StopController(ctx(), FALSE, WdfPowerDeviceD3Final),
		  STATUS_SUCCESS);
	EXPECT_EQ(accesses(0) + accesses(1) + accesses(2) + accesses(3), 0);
	for (b = 0; b < 4; b++)
		EXPECT_EQ(fake_host_lock_acquired[b], 0);
	end_checks();
}

static void bank_save_restore(void)
{
	struct bank_regs saved1, scrambled0;

	fake_host_reset();
	ASSERT_TRUE(client_start(4, 32));
	configure(1, 0x2222);
	configure(0, 0x0101);
	saved1 = snapshot_rw(1);
	host_hold_lock(1);
	save_bank(1);
	host_drop_lock(1);
	EXPECT_EQ(sim.bank[1].writes, 0);	/* save only reads */
	scramble(1);
	scramble(0);
	scrambled0 = snapshot(0);
	sim.bank[0].reads = 0;
	sim.bank[0].writes = 0;
	host_hold_lock(1);
	restore_bank(1);
	host_drop_lock(1);
	EXPECT_TRUE(same_regs(saved1, snapshot_rw(1)));
	EXPECT_TRUE(same_regs(scrambled0, snapshot(0)));	/* one bank only */
	EXPECT_EQ(accesses(0), 0);
	EXPECT_EQ(fake_host_lock_acquired[1], 0);
	end_checks();
}

static void query_set_bank_power(void)
{
	CLIENT_CONTROLLER_QUERY_SET_INFORMATION_INPUT in;
	CLIENT_CONTROLLER_QUERY_SET_INFORMATION_OUTPUT out;
	PO_FX_COMPONENT_IDLE_STATE *f1 = &out.BankPowerInformation.F1IdleStateParameters;

	fake_host_reset();
	ASSERT_TRUE(client_start(4, 32));
	memset(&in, 0, sizeof(in));
	memset(&out, 0xa5, sizeof(out));
	in.RequestType = QueryBankPowerInformation;
	in.Size = sizeof(in);
	in.BankPowerInformation.BankId = 3;
	EXPECT_EQ(PKT.CLIENT_QuerySetControllerInformation(ctx(), &in, &out), STATUS_SUCCESS);
	EXPECT_EQ(out.Version, GPIO_BANK_POWER_INFORMATION_OUTPUT_VERSION);
	EXPECT_EQ(out.Size, sizeof(out));
	EXPECT_EQ(out.BankPowerInformation.F1StateSupported, 1);
	EXPECT_EQ(out.BankPowerInformation.Reserved, 0);
	EXPECT_TRUE(f1->TransitionLatency > 0);
	EXPECT_TRUE(f1->ResidencyRequirement > f1->TransitionLatency);
	EXPECT_EQ(f1->NominalPower, 0);

	in.BankPowerInformation.BankId = 4;
	EXPECT_EQ(PKT.CLIENT_QuerySetControllerInformation(ctx(), &in, &out),
		  STATUS_INVALID_PARAMETER);
	in.BankPowerInformation.BankId = 0;
	EXPECT_TRUE(!NT_SUCCESS(PKT.CLIENT_QuerySetControllerInformation(ctx(), &in, NULL)));
	in.RequestType = QueryBankInterruptBindingInformation;
	EXPECT_EQ(PKT.CLIENT_QuerySetControllerInformation(ctx(), &in, &out),
		  STATUS_NOT_SUPPORTED);
	in.RequestType = QueryControllerFunctionBankMappingInformation;
	EXPECT_EQ(PKT.CLIENT_QuerySetControllerInformation(ctx(), &in, &out),
		  STATUS_NOT_SUPPORTED);
	in.RequestType = QuerySetRequestMaximumType;
	EXPECT_EQ(PKT.CLIENT_QuerySetControllerInformation(ctx(), &in, &out),
		  STATUS_NOT_SUPPORTED);
	end_checks();
}

HOSTED_MAIN("simgpio",
	    HOSTED_CASE(model_geometry),
	    HOSTED_CASE(model_bad_accesses),
	    HOSTED_CASE(model_data_set_clear),
	    HOSTED_CASE(model_drive_and_pull),
	    HOSTED_CASE(model_edge_latch),
	    HOSTED_CASE(model_level_status),
	    HOSTED_CASE(model_line_callback),
	    HOSTED_CASE(model_bank_isolation),
	    HOSTED_CASE(model_pin_widths),
	    HOSTED_CASE(client_registration),
	    HOSTED_CASE(prepare_wrong_id),
	    HOSTED_CASE(prepare_short_window),
	    HOSTED_CASE(prepare_missing_memory),
	    HOSTED_CASE(basic_info_4x32),
	    HOSTED_CASE(basic_info_2x64),
	    HOSTED_CASE(basic_info_3x1),
	    HOSTED_CASE(basic_info_16x64),
	    HOSTED_CASE(start_resets_banks),
	    HOSTED_CASE(connect_modes_and_pulls),
	    HOSTED_CASE(connect_rejections),
	    HOSTED_CASE(disconnect_preserve_or_revert),
	    HOSTED_CASE(read_one_access),
	    HOSTED_CASE(write_masks),
	    HOSTED_CASE(io_pin_63),
	    HOSTED_CASE(enable_disable),
	    HOSTED_CASE(enable_rejections),
	    HOSTED_CASE(mask_unmask),
	    HOSTED_CASE(query_active_and_clear),
	    HOSTED_CASE(reconfigure_and_query_enabled),
	    HOSTED_CASE(active_both_emulation),
	    HOSTED_CASE(isr_path_takes_no_lock),
	    HOSTED_CASE(stop_start_round_trip),
	    HOSTED_CASE(bank_save_restore),
	    HOSTED_CASE(query_set_bank_power))
