// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sim_kunit.c - the simulated controller (drivers/sim) under the real shim,
 * through gpiolib's consumer API: directions, values, batches with one
 * client call per bank, pulls reaching PULL_UP/PULL_DOWN, every trigger
 * type (ActiveBoth emulated by the shim), level re-triggering, the sysfs
 * control interface, suspend/resume with bank context save/restore, and
 * runtime PM idling only while nothing is requested.
 *
 * The board is the one gpioclx-sim's module init created at boot
 * (CONFIG_GPIOCLX_SIM=y, default parameters: gpioclx-sim.0, 4 banks of 32).
 * It outlives every test, so each test gives back what it took (lines,
 * interrupts, drives on pins, the autosuspend delay) in the exit, even
 * when an assertion stopped it early.
 *
 * The board's interrupts are real: a model change queues an irq_work
 * that handles the bank's parent interrupt (on UML, at the next tick), so
 * handler counts are awaited with a bounded poll, then given time to
 * overshoot before they are compared exactly.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/pinctrl/pinconf-generic.h>
#include <linux/platform_device.h>
#include <linux/pm.h>
#include <linux/pm_runtime.h>
#include <linux/sysfs.h>

#include "gpioclx_internal.h"
#include "sim/simgpio_hw.h"

#define SIM_BOARD	0
#define SIM_BANKS	4	/* the module's defaults */
#define SIM_PPB		32
#define SIM_MAX_HELD	16
#define SIM_MAX_IRQS	8
/* Long enough for an unexpected extra interrupt to show up (several ticks). */
#define SIM_SETTLE_MS	50

struct sim_irq_probe {
	atomic_t count;
	unsigned int offset;
	int quiet_at;		/* the handler drives its line inactive at this count */
	enum simgpio_drive inactive;
};

struct sim_kunit {
	struct device *dev;		/* gpioclx-sim.0, referenced */
	struct gpioclx_controller *ctrl;
	struct gpio_chip *gc;
	int autosuspend_delay;		/* to put back */
	struct gpio_desc *held[SIM_MAX_HELD];
	int irqs[SIM_MAX_IRQS];
	struct sim_irq_probe *probes[SIM_MAX_IRQS];
};

static struct sim_kunit sim;

/* --- the board's hardware side ----------------------------------------- */

/* The outside world drives line @offset (as sim_gpio<offset>/pull does). */
static void sim_drive(unsigned int offset, enum simgpio_drive drive)
{
	struct simgpio_model *m;
	unsigned long flags;

	m = simgpio_hw_lock_model(SIM_BOARD, &flags);
	simgpio_model_drive(m, offset / SIM_PPB, offset % SIM_PPB, drive);
	simgpio_hw_unlock_model(SIM_BOARD, flags);
}

/* A consistent copy of bank @bank's registers and counters. */
static struct simgpio_model_bank sim_bank(unsigned int bank)
{
	struct simgpio_model_bank b;
	struct simgpio_model *m;
	unsigned long flags;

	m = simgpio_hw_lock_model(SIM_BOARD, &flags);
	b = m->bank[bank];
	simgpio_hw_unlock_model(SIM_BOARD, flags);
	return b;
}

static bool sim_level(unsigned int offset)
{
	return sim_bank(offset / SIM_PPB).level & BIT_ULL(offset % SIM_PPB);
}

/* Wait (at most 1 s) for @n events, then long enough to see an extra one. */
static int sim_wait_count(struct sim_irq_probe *probe, int n)
{
	unsigned long deadline = jiffies + HZ;

	while (atomic_read(&probe->count) < n && time_before(jiffies, deadline))
		usleep_range(1000, 2000);
	msleep(SIM_SETTLE_MS);
	return atomic_read(&probe->count);
}

static long sim_calls(enum gpioclx_cb cb)
{
	return gpioclx_call_count(sim.ctrl, cb);
}

/* --- lines and interrupts, given back by the exit ----------------------- */

static struct gpio_desc *sim_request(struct kunit *test, unsigned int offset,
				     enum gpio_lookup_flags lflags, enum gpiod_flags dflags)
{
	struct gpio_desc *desc;
	unsigned int i;

	for (i = 0; i < SIM_MAX_HELD && sim.held[i]; i++)
		;
	KUNIT_ASSERT_LT(test, i, SIM_MAX_HELD);
	desc = gpiochip_request_own_desc(sim.gc, offset, "kunit", lflags, dflags);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(desc), "request line %u: %ld", offset,
			       PTR_ERR(desc));
	sim.held[i] = desc;
	return desc;
}

static void sim_release(struct gpio_desc *desc)
{
	unsigned int i;

	for (i = 0; i < SIM_MAX_HELD; i++) {
		if (sim.held[i] == desc) {
			gpiochip_free_own_desc(desc);
			sim.held[i] = NULL;
		}
	}
}

static irqreturn_t sim_irq_handler(int irq, void *data)
{
	struct sim_irq_probe *probe = data;

	if (atomic_inc_return(&probe->count) == probe->quiet_at)
		sim_drive(probe->offset, probe->inactive);
	return IRQ_HANDLED;
}

/* Line @offset as an input with its interrupt requested with @flags; *@descp its line. */
static int sim_request_irq(struct kunit *test, unsigned int offset, unsigned long flags,
			   struct sim_irq_probe *probe, struct gpio_desc **descp)
{
	struct gpio_desc *desc = sim_request(test, offset, GPIO_ACTIVE_HIGH, GPIOD_IN);
	int irq = gpiod_to_irq(desc);
	unsigned int i;

	KUNIT_ASSERT_GT(test, irq, 0);
	for (i = 0; i < SIM_MAX_IRQS && sim.irqs[i]; i++)
		;
	KUNIT_ASSERT_LT(test, i, SIM_MAX_IRQS);
	atomic_set(&probe->count, 0);
	probe->offset = offset;
	KUNIT_ASSERT_EQ(test, request_irq(irq, sim_irq_handler, flags, "kunit", probe), 0);
	sim.irqs[i] = irq;
	sim.probes[i] = probe;
	if (descp)
		*descp = desc;
	return irq;
}

static void sim_free_irq(int irq)
{
	unsigned int i;

	for (i = 0; i < SIM_MAX_IRQS; i++) {
		if (sim.irqs[i] == irq) {
			free_irq(irq, sim.probes[i]);
			sim.irqs[i] = 0;
		}
	}
}

static int sim_test_init(struct kunit *test)
{
	struct simgpio_model *m;
	unsigned long flags;

	sim.dev = bus_find_device_by_name(&platform_bus_type, NULL, "gpioclx-sim.0");
	KUNIT_ASSERT_NOT_NULL_MSG(test, sim.dev, "gpioclx-sim made no board at boot");
	KUNIT_ASSERT_NOT_NULL_MSG(test, sim.dev->driver, "gpioclx-sim.0 is not bound");
	sim.ctrl = dev_get_drvdata(sim.dev);
	sim.gc = &sim.ctrl->gc;
	sim.autosuspend_delay = sim.dev->power.autosuspend_delay;
	m = simgpio_hw_lock_model(SIM_BOARD, &flags);
	KUNIT_ASSERT_NOT_NULL(test, m);
	simgpio_hw_unlock_model(SIM_BOARD, flags);
	return 0;
}

static void sim_test_exit(struct kunit *test)
{
	struct simgpio_model *m;
	unsigned long flags;
	unsigned int i;

	if (!sim.dev)
		return;
	for (i = 0; i < SIM_MAX_IRQS; i++)
		if (sim.irqs[i])
			sim_free_irq(sim.irqs[i]);
	for (i = 0; i < SIM_MAX_HELD; i++)
		if (sim.held[i])
			sim_release(sim.held[i]);
	/* released outputs keep driving: turn them back to inputs for the next test */
	for (i = 0; i < SIM_BANKS * SIM_PPB; i++) {
		struct gpio_desc *desc;

		if (!(sim.ctrl->banks[i / SIM_PPB].kept_out & BIT_ULL(i % SIM_PPB)))
			continue;
		desc = gpiochip_request_own_desc(sim.gc, i, "kunit-reset", GPIO_ACTIVE_HIGH,
						 GPIOD_IN);
		if (!IS_ERR(desc))
			gpiochip_free_own_desc(desc);
	}
	m = simgpio_hw_lock_model(SIM_BOARD, &flags);
	if (m) {
		for (i = 0; i < SIM_BANKS * SIM_PPB; i++)
			simgpio_model_drive(m, i / SIM_PPB, i % SIM_PPB, SIMGPIO_DRIVE_RELEASED);
		simgpio_hw_unlock_model(SIM_BOARD, flags);
	}
	if (sim.dev->power.autosuspend_delay != sim.autosuspend_delay)
		pm_runtime_set_autosuspend_delay(sim.dev, sim.autosuspend_delay);
	put_device(sim.dev);
	memset(&sim, 0, sizeof(sim));
}

/* --- the tests ---------------------------------------------------------- */

static void sim_default_board(struct kunit *test)
{
	/* the geometry comes from the CONFIG register, through the client */
	KUNIT_EXPECT_EQ(test, sim.gc->ngpio, SIM_BANKS * SIM_PPB);
	KUNIT_EXPECT_EQ(test, sim.ctrl->nbanks, SIM_BANKS);
	KUNIT_EXPECT_EQ(test, sim.ctrl->ppb, SIM_PPB);
	KUNIT_EXPECT_FALSE(test, sim.gc->can_sleep);
	KUNIT_EXPECT_TRUE(test, sim.ctrl->info.Flags.EmulateActiveBoth);
	KUNIT_EXPECT_TRUE(test, sim.ctrl->info.Flags.BankIdlePowerMgmtSupported);
	KUNIT_EXPECT_TRUE(test, sim.ctrl->info.Flags.DeviceIdlePowerMgmtSupported);
	/* one parent interrupt per bank, each its own */
	KUNIT_EXPECT_EQ(test, sim.ctrl->nparents, SIM_BANKS);
	KUNIT_EXPECT_NE(test, sim.ctrl->banks[0].parent_irq, sim.ctrl->banks[3].parent_irq);
}

static void sim_direction(struct kunit *test)
{
	const unsigned int offset = SIM_PPB + 3;	/* bank 1, pin 3 */
	struct gpio_desc *desc;
	struct simgpio_model_bank b;

	desc = sim_request(test, offset, GPIO_ACTIVE_HIGH, GPIOD_IN);
	KUNIT_EXPECT_EQ(test, sim_bank(1).dir, 0);
	KUNIT_EXPECT_EQ(test, gpiod_get_direction(desc), GPIO_LINE_DIRECTION_IN);

	KUNIT_EXPECT_EQ(test, gpiod_direction_output(desc, 1), 0);
	b = sim_bank(1);
	KUNIT_EXPECT_EQ(test, b.dir, BIT_ULL(3));
	KUNIT_EXPECT_EQ(test, b.data_out & BIT_ULL(3), BIT_ULL(3));
	KUNIT_EXPECT_TRUE(test, sim_level(offset));
	KUNIT_EXPECT_EQ(test, gpiod_get_direction(desc), GPIO_LINE_DIRECTION_OUT);

	KUNIT_EXPECT_EQ(test, gpiod_direction_input(desc), 0);
	KUNIT_EXPECT_EQ(test, sim_bank(1).dir, 0);
	KUNIT_EXPECT_FALSE(test, sim_level(offset));	/* undriven, no pull */

	KUNIT_EXPECT_EQ(test, gpiod_direction_output(desc, 0), 0);
	KUNIT_EXPECT_EQ(test, sim_bank(1).dir, BIT_ULL(3));
	sim_release(desc);
	/* a released output keeps driving, as gpio-pl061 leaves it */
	KUNIT_EXPECT_EQ(test, sim_bank(1).dir, BIT_ULL(3));
}

static void sim_values(struct kunit *test)
{
	const unsigned int out_offset = 2 * SIM_PPB + 20, in_offset = 2 * SIM_PPB + 21;
	struct simgpio_model_bank before, b;
	struct gpio_desc *out, *in;

	out = sim_request(test, out_offset, GPIO_ACTIVE_HIGH, GPIOD_OUT_LOW);
	in = sim_request(test, in_offset, GPIO_ACTIVE_HIGH, GPIOD_IN);

	/* one write (DATA_SET / DATA_CLR: no read-modify-write) per value */
	before = sim_bank(2);
	gpiod_set_value(out, 1);
	b = sim_bank(2);
	KUNIT_EXPECT_EQ(test, b.writes - before.writes, 1);
	KUNIT_EXPECT_EQ(test, b.reads - before.reads, 0);
	KUNIT_EXPECT_EQ(test, b.data_out & BIT_ULL(20), BIT_ULL(20));
	KUNIT_EXPECT_EQ(test, gpiod_get_value(out), 1);
	gpiod_set_value(out, 0);
	KUNIT_EXPECT_EQ(test, sim_bank(2).data_out & BIT_ULL(20), 0);
	KUNIT_EXPECT_FALSE(test, sim_level(out_offset));
	KUNIT_EXPECT_EQ(test, gpiod_get_value(out), 0);

	/* an input reads what the outside drives, with one read of DATA_IN */
	sim_drive(in_offset, SIMGPIO_DRIVE_HIGH);
	before = sim_bank(2);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 1);
	KUNIT_EXPECT_EQ(test, sim_bank(2).reads - before.reads, 1);
	sim_drive(in_offset, SIMGPIO_DRIVE_LOW);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 0);
	sim_drive(in_offset, SIMGPIO_DRIVE_HIGH);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 1);
	sim_drive(in_offset, SIMGPIO_DRIVE_RELEASED);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 0);	/* undriven, no pull */
	/* outputs ignore the outside */
	sim_drive(out_offset, SIMGPIO_DRIVE_HIGH);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(out), 0);
}

static void sim_batches_one_call_per_bank(struct kunit *test)
{
	/* bank 0: two lines set; bank 1: one set, one cleared; bank 3: one cleared */
	static const unsigned int offsets[] = { 0, 5, SIM_PPB + 1, SIM_PPB + 8,
						3 * SIM_PPB + 31 };
	static const u64 lines[SIM_BANKS] = { BIT_ULL(0) | BIT_ULL(5), BIT_ULL(1) | BIT_ULL(8),
					      0, BIT_ULL(31) };
	static const u64 set[SIM_BANKS] = { BIT_ULL(0) | BIT_ULL(5), BIT_ULL(1), 0, 0 };
	static const unsigned int writes[SIM_BANKS] = { 1, 2, 0, 1 };
	static const unsigned int reads[SIM_BANKS] = { 1, 1, 0, 1 };
	struct gpio_desc *descs[ARRAY_SIZE(offsets)];
	struct simgpio_model_bank before[SIM_BANKS], b;
	unsigned long values = 0x7, got = 0;	/* the first three high */
	long write_calls, read_calls;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(offsets); i++)
		descs[i] = sim_request(test, offsets[i], GPIO_ACTIVE_HIGH,
				       i == 3 ? GPIOD_OUT_HIGH : GPIOD_OUT_LOW);

	for (i = 0; i < SIM_BANKS; i++)
		before[i] = sim_bank(i);
	write_calls = sim_calls(GPIOCLX_CB_WRITE);
	KUNIT_EXPECT_EQ(test, gpiod_set_array_value(ARRAY_SIZE(descs), descs, NULL, &values), 0);
	/* one client call per bank with lines in the batch */
	KUNIT_EXPECT_EQ(test, sim_calls(GPIOCLX_CB_WRITE) - write_calls, 3);
	for (i = 0; i < SIM_BANKS; i++) {
		b = sim_bank(i);
		/* DATA_SET for the bank's highs and DATA_CLR for its lows, no reads */
		KUNIT_EXPECT_EQ_MSG(test, b.writes - before[i].writes, writes[i], "bank %u", i);
		KUNIT_EXPECT_EQ_MSG(test, b.reads - before[i].reads, 0, "bank %u", i);
		KUNIT_EXPECT_EQ_MSG(test, b.data_out & lines[i], set[i], "bank %u", i);
		before[i] = b;
	}

	read_calls = sim_calls(GPIOCLX_CB_READ);
	KUNIT_EXPECT_EQ(test, gpiod_get_array_value(ARRAY_SIZE(descs), descs, NULL, &got), 0);
	KUNIT_EXPECT_EQ(test, got, values);
	KUNIT_EXPECT_EQ(test, sim_calls(GPIOCLX_CB_READ) - read_calls, 3);
	for (i = 0; i < SIM_BANKS; i++) {
		b = sim_bank(i);
		KUNIT_EXPECT_EQ_MSG(test, b.reads - before[i].reads, reads[i], "bank %u", i);
		KUNIT_EXPECT_EQ_MSG(test, b.writes - before[i].writes, 0, "bank %u", i);
	}
}

static void sim_pulls(struct kunit *test)
{
	const unsigned int offset = SIM_PPB + 10, other = SIM_PPB + 11;
	struct simgpio_model_bank b;
	struct gpio_desc *desc, *up;

	desc = sim_request(test, offset, GPIO_ACTIVE_HIGH, GPIOD_IN);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 0);	/* undriven, no pull */

	KUNIT_EXPECT_EQ(test, gpiod_set_config(desc, PIN_CONF_PACKED(PIN_CONFIG_BIAS_PULL_UP, 1)),
			0);
	b = sim_bank(1);
	KUNIT_EXPECT_EQ(test, b.pull_up, BIT_ULL(10));
	KUNIT_EXPECT_EQ(test, b.pull_down, 0);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 1);
	/* the outside overrides the pull */
	sim_drive(offset, SIMGPIO_DRIVE_LOW);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 0);
	sim_drive(offset, SIMGPIO_DRIVE_RELEASED);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 1);

	KUNIT_EXPECT_EQ(test,
			gpiod_set_config(desc, PIN_CONF_PACKED(PIN_CONFIG_BIAS_PULL_DOWN, 1)), 0);
	b = sim_bank(1);
	KUNIT_EXPECT_EQ(test, b.pull_up, 0);
	KUNIT_EXPECT_EQ(test, b.pull_down, BIT_ULL(10));
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 0);
	sim_drive(offset, SIMGPIO_DRIVE_HIGH);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 1);
	sim_drive(offset, SIMGPIO_DRIVE_RELEASED);

	KUNIT_EXPECT_EQ(test, gpiod_set_config(desc, PIN_CONF_PACKED(PIN_CONFIG_BIAS_DISABLE, 0)),
			0);
	b = sim_bank(1);
	KUNIT_EXPECT_EQ(test, b.pull_up | b.pull_down, 0);

	/* a pull asked for at request time is applied at connect */
	up = sim_request(test, other, GPIO_PULL_UP, GPIOD_IN);
	KUNIT_EXPECT_EQ(test, sim_bank(1).pull_up, BIT_ULL(11));
	KUNIT_EXPECT_EQ(test, gpiod_get_value(up), 1);
	/* released: no pull left behind */
	sim_release(up);
	KUNIT_EXPECT_EQ(test, sim_bank(1).pull_up, 0);

	/* no debounce in this hardware, and the shim does not emulate it here */
	KUNIT_EXPECT_EQ(test, gpiod_set_debounce(desc, 1000), -ENOTSUPP);
}

static void sim_control_interface(struct kunit *test)
{
	const unsigned int offset = 17, out_offset = 18;
	struct device_attribute *pull = NULL, *value = NULL, *out_value = NULL;
	const struct attribute_group **groups = sim.dev->groups;
	char name[16], out_name[16];
	struct gpio_desc *desc, *out;
	struct attribute **attr;
	char *buf;

	snprintf(name, sizeof(name), "sim_gpio%u", offset);
	snprintf(out_name, sizeof(out_name), "sim_gpio%u", out_offset);
	KUNIT_ASSERT_NOT_NULL(test, groups);
	for (; *groups; groups++) {
		for (attr = (*groups)->attrs; *attr; attr++) {
			struct device_attribute *da = container_of(*attr, struct device_attribute,
								   attr);

			if (!strcmp((*groups)->name, name) && !strcmp((*attr)->name, "pull"))
				pull = da;
			else if (!strcmp((*groups)->name, name) && !strcmp((*attr)->name, "value"))
				value = da;
			else if (!strcmp((*groups)->name, out_name) &&
				 !strcmp((*attr)->name, "value"))
				out_value = da;
		}
	}
	KUNIT_ASSERT_NOT_NULL(test, pull);
	KUNIT_ASSERT_NOT_NULL(test, value);
	KUNIT_ASSERT_NOT_NULL(test, out_value);
	/* sysfs hands attributes a page */
	buf = (char *)__get_free_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);

	desc = sim_request(test, offset, GPIO_ACTIVE_HIGH, GPIOD_IN);
	KUNIT_EXPECT_GT(test, pull->show(sim.dev, pull, buf), 0);
	KUNIT_EXPECT_STREQ(test, buf, "none\n");
	KUNIT_EXPECT_EQ(test, pull->store(sim.dev, pull, "pull-up\n", 8), 8);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 1);
	KUNIT_EXPECT_GT(test, value->show(sim.dev, value, buf), 0);
	KUNIT_EXPECT_STREQ(test, buf, "1\n");
	KUNIT_EXPECT_GT(test, pull->show(sim.dev, pull, buf), 0);
	KUNIT_EXPECT_STREQ(test, buf, "pull-up\n");
	KUNIT_EXPECT_EQ(test, pull->store(sim.dev, pull, "pull-down", 9), 9);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 0);
	KUNIT_EXPECT_EQ(test, pull->store(sim.dev, pull, "sideways", 8), -EINVAL);
	KUNIT_EXPECT_EQ(test, pull->store(sim.dev, pull, "none", 4), 4);
	KUNIT_EXPECT_EQ(test, sim_bank(0).drive_low & BIT_ULL(offset), 0);

	/* an output is watched through its value attribute */
	out = sim_request(test, out_offset, GPIO_ACTIVE_HIGH, GPIOD_OUT_HIGH);
	KUNIT_EXPECT_GT(test, out_value->show(sim.dev, out_value, buf), 0);
	KUNIT_EXPECT_STREQ(test, buf, "1\n");
	gpiod_set_value(out, 0);
	KUNIT_EXPECT_GT(test, out_value->show(sim.dev, out_value, buf), 0);
	KUNIT_EXPECT_STREQ(test, buf, "0\n");
	free_page((unsigned long)buf);
}

struct sim_trigger_case {
	const char *name;
	unsigned long flags;
	bool mode, polarity;	/* IRQ_MODE (1 = level) and IRQ_POLARITY bits at enable */
	bool level_sensitive;
	bool start_level;
	bool levels[4];		/* the line's levels, one after the other */
	int events[4];		/* handler count after each */
};

static const struct sim_trigger_case sim_trigger_cases[] = {
	{ "rising edge", IRQF_TRIGGER_RISING, 0, 1, false, false,
	  { 1, 0, 1, 0 }, { 1, 1, 2, 2 } },
	{ "falling edge", IRQF_TRIGGER_FALLING, 0, 0, false, true,
	  { 0, 1, 0, 1 }, { 1, 1, 2, 2 } },
	/* emulated: armed as a level for what the line is not yet */
	{ "both edges (emulated)", IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING, 1, 1, false,
	  false, { 1, 0, 1, 0 }, { 1, 2, 3, 4 } },
	{ "level high", IRQF_TRIGGER_HIGH, 1, 1, true, false,
	  { 1, 0, 1, 0 }, { 1, 1, 2, 2 } },
	{ "level low", IRQF_TRIGGER_LOW, 1, 0, true, true,
	  { 0, 1, 0, 1 }, { 1, 1, 2, 2 } },
};

static void sim_trigger_case_desc(const struct sim_trigger_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}
KUNIT_ARRAY_PARAM(sim_trigger, sim_trigger_cases, sim_trigger_case_desc);

static enum simgpio_drive sim_level_drive(bool level)
{
	return level ? SIMGPIO_DRIVE_HIGH : SIMGPIO_DRIVE_LOW;
}

static void sim_trigger_types(struct kunit *test)
{
	const struct sim_trigger_case *c = test->param_value;
	const unsigned int bank = 2, pin = 7, offset = bank * SIM_PPB + pin;
	struct sim_irq_probe probe = {};
	struct simgpio_model_bank b;
	unsigned int i;
	int irq;

	sim_drive(offset, sim_level_drive(c->start_level));
	irq = sim_request_irq(test, offset, c->flags, &probe, NULL);
	b = sim_bank(bank);
	KUNIT_EXPECT_EQ(test, b.irq_enable, BIT_ULL(pin));
	KUNIT_EXPECT_EQ(test, b.irq_mode, c->mode ? BIT_ULL(pin) : 0);
	KUNIT_EXPECT_EQ(test, b.irq_polarity & BIT_ULL(pin), c->polarity ? BIT_ULL(pin) : 0);
	KUNIT_EXPECT_EQ(test, sim_wait_count(&probe, 0), 0);	/* nothing at enable */

	/* a level handler quiets its source, as a real one must */
	if (c->level_sensitive) {
		probe.quiet_at = 1;
		probe.inactive = sim_level_drive(!c->polarity);
	}
	for (i = 0; i < ARRAY_SIZE(c->levels); i++) {
		if (c->level_sensitive)
			probe.quiet_at = c->events[i];
		sim_drive(offset, sim_level_drive(c->levels[i]));
		KUNIT_EXPECT_EQ_MSG(test, sim_wait_count(&probe, c->events[i]), c->events[i],
				    "step %u", i);
	}
	sim_free_irq(irq);
	KUNIT_EXPECT_EQ(test, sim_bank(bank).irq_enable, 0);
}

static void sim_both_edges_emulated(struct kunit *test)
{
	const unsigned int bank = 3, pin = 30, offset = bank * SIM_PPB + pin;
	struct sim_irq_probe probe = {};
	long reconfigures;

	sim_drive(offset, SIMGPIO_DRIVE_LOW);
	sim_request_irq(test, offset, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING, &probe, NULL);
	KUNIT_EXPECT_TRUE(test, sim.ctrl->banks[bank].irq_emulated_both & BIT_ULL(pin));
	/* low now: armed as a level-high interrupt */
	KUNIT_EXPECT_EQ(test, sim_bank(bank).irq_mode, BIT_ULL(pin));
	KUNIT_EXPECT_EQ(test, sim_bank(bank).irq_polarity & BIT_ULL(pin), BIT_ULL(pin));
	reconfigures = sim_calls(GPIOCLX_CB_RECONFIGURE);

	/* rising: one event, re-armed for low */
	sim_drive(offset, SIMGPIO_DRIVE_HIGH);
	KUNIT_EXPECT_EQ(test, sim_wait_count(&probe, 1), 1);
	KUNIT_EXPECT_EQ(test, sim_bank(bank).irq_polarity & BIT_ULL(pin), 0);
	KUNIT_EXPECT_EQ(test, sim_calls(GPIOCLX_CB_RECONFIGURE) - reconfigures, 1);
	/* falling: the second, re-armed for high */
	sim_drive(offset, SIMGPIO_DRIVE_LOW);
	KUNIT_EXPECT_EQ(test, sim_wait_count(&probe, 2), 2);
	KUNIT_EXPECT_EQ(test, sim_bank(bank).irq_polarity & BIT_ULL(pin), BIT_ULL(pin));
	KUNIT_EXPECT_EQ(test, sim_calls(GPIOCLX_CB_RECONFIGURE) - reconfigures, 2);
	/* the level stays put: nothing more */
	KUNIT_EXPECT_EQ(test, sim_wait_count(&probe, 3), 2);
}

static void sim_level_refires_while_asserted(struct kunit *test)
{
	const unsigned int bank = 0, pin = 9, offset = bank * SIM_PPB + pin;
	struct sim_irq_probe probe = {};
	long unmasks;

	sim_request_irq(test, offset, IRQF_TRIGGER_HIGH, &probe, NULL);
	unmasks = sim_calls(GPIOCLX_CB_UNMASK_INTERRUPT);
	/* nobody quiets the line until the fifth call: each unmask fires it again */
	probe.quiet_at = 5;
	probe.inactive = SIMGPIO_DRIVE_LOW;
	sim_drive(offset, SIMGPIO_DRIVE_HIGH);
	KUNIT_EXPECT_EQ(test, sim_wait_count(&probe, 5), 5);
	KUNIT_EXPECT_EQ(test, sim_calls(GPIOCLX_CB_UNMASK_INTERRUPT) - unmasks, 5);
	KUNIT_EXPECT_FALSE(test, sim_level(offset));
	KUNIT_EXPECT_EQ(test, sim_bank(bank).irq_enable, BIT_ULL(pin));
}

/* The registers a bank's context holds. */
struct sim_context {
	u64 dir, data_out, pull_up, pull_down, irq_mode, irq_polarity, irq_enable;
};

static struct sim_context sim_context_of(unsigned int bank)
{
	struct simgpio_model_bank b = sim_bank(bank);

	return (struct sim_context){ b.dir, b.data_out, b.pull_up, b.pull_down, b.irq_mode,
				     b.irq_polarity, b.irq_enable };
}

/* Power is lost: every context register comes back different, interrupts off. */
static void sim_scramble(const struct sim_context *saved)
{
	static const unsigned int regs[] = { SIMGPIO_DIR, SIMGPIO_DATA_OUT, SIMGPIO_PULL_UP,
					     SIMGPIO_PULL_DOWN, SIMGPIO_IRQ_MODE,
					     SIMGPIO_IRQ_POLARITY };
	struct simgpio_model *m;
	unsigned long flags;
	unsigned int b, r;

	m = simgpio_hw_lock_model(SIM_BOARD, &flags);
	for (b = 0; b < SIM_BANKS; b++) {
		const u64 v[] = { saved[b].dir, saved[b].data_out, saved[b].pull_up,
				  saved[b].pull_down, saved[b].irq_mode, saved[b].irq_polarity };

		simgpio_model_write(m, SIMGPIO_BANK_OFFSET(b) + SIMGPIO_IRQ_ENABLE, 0, 8);
		for (r = 0; r < ARRAY_SIZE(regs); r++)
			simgpio_model_write(m, SIMGPIO_BANK_OFFSET(b) + regs[r], ~v[r], 8);
	}
	simgpio_hw_unlock_model(SIM_BOARD, flags);
}

static void sim_suspend_resume_restores_banks(struct kunit *test)
{
	const unsigned int fall = 3 * SIM_PPB + 2, both = SIM_PPB + 12, pulled = 2 * SIM_PPB + 9;
	struct sim_irq_probe fall_probe = {}, both_probe = {};
	struct sim_context saved[SIM_BANKS], now;
	struct gpio_desc *high, *up;
	const struct dev_pm_ops *pm = sim.dev->driver->pm;
	long saves, restores, stops, starts;
	unsigned int b;

	high = sim_request(test, 3, GPIO_ACTIVE_HIGH, GPIOD_OUT_HIGH);
	sim_request(test, SIM_PPB + 4, GPIO_ACTIVE_HIGH, GPIOD_OUT_LOW);
	up = sim_request(test, pulled, GPIO_PULL_UP, GPIOD_IN);
	sim_drive(fall, SIMGPIO_DRIVE_HIGH);
	sim_request_irq(test, fall, IRQF_TRIGGER_FALLING, &fall_probe, NULL);
	sim_drive(both, SIMGPIO_DRIVE_LOW);
	sim_request_irq(test, both, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING, &both_probe, NULL);
	for (b = 0; b < SIM_BANKS; b++)
		saved[b] = sim_context_of(b);
	KUNIT_EXPECT_EQ(test, saved[0].dir, BIT_ULL(3));
	KUNIT_EXPECT_EQ(test, saved[1].dir, BIT_ULL(4));
	KUNIT_EXPECT_EQ(test, saved[2].pull_up, BIT_ULL(9));
	KUNIT_EXPECT_EQ(test, saved[3].irq_enable, BIT_ULL(2));
	KUNIT_EXPECT_EQ(test, saved[1].irq_enable, BIT_ULL(12));

	KUNIT_ASSERT_NOT_NULL(test, pm);
	saves = sim_calls(GPIOCLX_CB_SAVE_BANK);
	restores = sim_calls(GPIOCLX_CB_RESTORE_BANK);
	stops = sim_calls(GPIOCLX_CB_STOP);
	starts = sim_calls(GPIOCLX_CB_START);
	KUNIT_ASSERT_EQ(test, pm->suspend_late(sim.dev), 0);
	KUNIT_EXPECT_TRUE(test, sim.ctrl->suspended);
	/* BankIdlePowerMgmtSupported: every bank saved, then the controller stopped */
	KUNIT_EXPECT_EQ(test, sim_calls(GPIOCLX_CB_SAVE_BANK) - saves, SIM_BANKS);
	KUNIT_EXPECT_EQ(test, sim_calls(GPIOCLX_CB_STOP) - stops, 1);

	sim_scramble(saved);
	KUNIT_EXPECT_NE(test, sim_context_of(0).dir, saved[0].dir);

	KUNIT_ASSERT_EQ(test, pm->resume_early(sim.dev), 0);
	KUNIT_EXPECT_FALSE(test, sim.ctrl->suspended);
	KUNIT_EXPECT_EQ(test, sim_calls(GPIOCLX_CB_START) - starts, 1);
	KUNIT_EXPECT_EQ(test, sim_calls(GPIOCLX_CB_RESTORE_BANK) - restores, SIM_BANKS);
	for (b = 0; b < SIM_BANKS; b++) {
		now = sim_context_of(b);
		KUNIT_EXPECT_EQ_MSG(test, now.dir, saved[b].dir, "bank %u", b);
		KUNIT_EXPECT_EQ_MSG(test, now.data_out, saved[b].data_out, "bank %u", b);
		KUNIT_EXPECT_EQ_MSG(test, now.pull_up, saved[b].pull_up, "bank %u", b);
		KUNIT_EXPECT_EQ_MSG(test, now.pull_down, saved[b].pull_down, "bank %u", b);
		KUNIT_EXPECT_EQ_MSG(test, now.irq_mode, saved[b].irq_mode, "bank %u", b);
		KUNIT_EXPECT_EQ_MSG(test, now.irq_polarity, saved[b].irq_polarity, "bank %u", b);
		KUNIT_EXPECT_EQ_MSG(test, now.irq_enable, saved[b].irq_enable, "bank %u", b);
	}

	/* and the lines work as before, without a stray event from the restore */
	KUNIT_EXPECT_EQ(test, gpiod_get_value(high), 1);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(up), 1);
	KUNIT_EXPECT_EQ(test, sim_wait_count(&fall_probe, 0), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&both_probe.count), 0);
	sim_drive(fall, SIMGPIO_DRIVE_LOW);
	KUNIT_EXPECT_EQ(test, sim_wait_count(&fall_probe, 1), 1);
	sim_drive(both, SIMGPIO_DRIVE_HIGH);
	KUNIT_EXPECT_EQ(test, sim_wait_count(&both_probe, 1), 1);
	sim_drive(both, SIMGPIO_DRIVE_LOW);
	KUNIT_EXPECT_EQ(test, sim_wait_count(&both_probe, 2), 2);
}

/* Wait (at most 1 s) until the controller is (not) runtime-suspended. */
static bool sim_wait_suspended(bool suspended)
{
	unsigned long deadline = jiffies + HZ;

	while (READ_ONCE(sim.ctrl->suspended) != suspended && time_before(jiffies, deadline))
		usleep_range(1000, 2000);
	return READ_ONCE(sim.ctrl->suspended) == suspended;
}

static void sim_runtime_idle_only_when_unused(struct kunit *test)
{
	struct sim_irq_probe probe = {};
	struct gpio_desc *desc;
	long stops, starts;
	int irq;

	KUNIT_ASSERT_TRUE(test, sim.ctrl->runtime_pm);
	/* the default idle timeout is 5 s: shorten it, as power/autosuspend_delay_ms can */
	pm_runtime_set_autosuspend_delay(sim.dev, 20);
	/* nothing requested (the other tests gave everything back): it powers down */
	KUNIT_EXPECT_TRUE(test, sim_wait_suspended(true));
	KUNIT_EXPECT_TRUE(test, pm_runtime_status_suspended(sim.dev));

	/* a line: powered up before it is connected, and it stays up */
	starts = sim_calls(GPIOCLX_CB_START);
	desc = sim_request(test, 40, GPIO_ACTIVE_HIGH, GPIOD_OUT_HIGH);
	KUNIT_EXPECT_FALSE(test, sim.ctrl->suspended);
	KUNIT_EXPECT_EQ(test, sim_calls(GPIOCLX_CB_START) - starts, 1);
	KUNIT_EXPECT_TRUE(test, sim_level(40));
	msleep(100);
	KUNIT_EXPECT_FALSE(test, sim.ctrl->suspended);
	stops = sim_calls(GPIOCLX_CB_STOP);
	sim_release(desc);
	KUNIT_EXPECT_TRUE(test, sim_wait_suspended(true));
	KUNIT_EXPECT_EQ(test, sim_calls(GPIOCLX_CB_STOP) - stops, 1);

	/* an interrupt holds it up too, after its line is released */
	irq = sim_request_irq(test, 41, IRQF_TRIGGER_RISING, &probe, &desc);
	sim_release(desc);
	msleep(100);
	KUNIT_EXPECT_FALSE(test, sim.ctrl->suspended);
	sim_drive(41, SIMGPIO_DRIVE_HIGH);
	KUNIT_EXPECT_EQ(test, sim_wait_count(&probe, 1), 1);
	sim_free_irq(irq);
	KUNIT_EXPECT_TRUE(test, sim_wait_suspended(true));
}

static struct kunit_case sim_cases[] = {
	KUNIT_CASE(sim_default_board),
	KUNIT_CASE(sim_direction),
	KUNIT_CASE(sim_values),
	KUNIT_CASE(sim_batches_one_call_per_bank),
	KUNIT_CASE(sim_pulls),
	KUNIT_CASE(sim_control_interface),
	KUNIT_CASE_PARAM(sim_trigger_types, sim_trigger_gen_params),
	KUNIT_CASE(sim_both_edges_emulated),
	KUNIT_CASE(sim_level_refires_while_asserted),
	KUNIT_CASE(sim_suspend_resume_restores_banks),
	KUNIT_CASE(sim_runtime_idle_only_when_unused),
	{}
};

static struct kunit_suite sim_suite = {
	.name = "gpioclx_sim",
	.init = sim_test_init,
	.exit = sim_test_exit,
	.test_cases = sim_cases,
};
kunit_test_suite(sim_suite);
