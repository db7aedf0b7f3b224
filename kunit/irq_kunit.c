// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * irq_kunit.c - interrupts through gpiod_to_irq() + request_irq(): every
 * trigger type with exact handler counts, masking, level re-triggering,
 * ActiveBoth and debounce emulation, clear-on-read versus explicit clear,
 * shared and per-bank parents, failing callbacks, the storm guard, and
 * serially connected controllers with nested threaded handlers.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/interrupt.h>
#include <linux/pinctrl/pinconf-generic.h>

#include "fake_client.h"

struct irq_probe {
	atomic_t count;
	unsigned int bank, pin;
	bool deassert;		/* quiet a level line from the handler */
	bool level_high;
	irqreturn_t ret;
};

static irqreturn_t irq_probe_handler(int irq, void *data)
{
	struct irq_probe *p = data;

	atomic_inc(&p->count);
	if (p->deassert)
		fake_drive(p->bank, p->pin, !p->level_high);
	return p->ret;
}

/* Request line @offset's interrupt with @flags; the line is an input. */
static int irq_request(struct kunit *test, unsigned int offset, unsigned long flags,
		       struct irq_probe *probe, struct gpio_desc **descp)
{
	struct gpio_desc *desc = fake_request(test, offset, GPIOD_IN);
	int irq = gpiod_to_irq(desc), ret;

	KUNIT_ASSERT_GT(test, irq, 0);
	probe->bank = offset / fake->cfg.ppb;
	probe->pin = offset % fake->cfg.ppb;
	probe->ret = IRQ_HANDLED;
	atomic_set(&probe->count, 0);
	if (fake->cfg.serial)
		ret = request_threaded_irq(irq, NULL, irq_probe_handler, flags | IRQF_ONESHOT,
					   "kunit", probe);
	else
		ret = request_irq(irq, irq_probe_handler, flags, "kunit", probe);
	KUNIT_ASSERT_EQ(test, ret, 0);
	*descp = desc;
	return irq;
}

static void irq_free(int irq, struct irq_probe *probe, struct gpio_desc *desc)
{
	free_irq(irq, probe);
	fake_release(desc);
}

struct trigger_case {
	const char *name;
	unsigned long flags;
	KINTERRUPT_MODE mode;
	KINTERRUPT_POLARITY polarity;
	bool start_level;
	bool levels[4];		/* the line's levels, one after the other */
	unsigned int events[4];	/* handler count after each */
};

static const struct trigger_case trigger_cases[] = {
	{ "rising edge", IRQF_TRIGGER_RISING, Latched, InterruptRisingEdge, false,
	  { 1, 0, 1, 0 }, { 1, 1, 2, 2 } },
	{ "falling edge", IRQF_TRIGGER_FALLING, Latched, InterruptFallingEdge, true,
	  { 0, 1, 0, 1 }, { 1, 1, 2, 2 } },
	{ "both edges", IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING, Latched,
	  InterruptActiveBoth, false, { 1, 0, 1, 0 }, { 1, 2, 3, 4 } },
	{ "level high", IRQF_TRIGGER_HIGH, LevelSensitive, InterruptActiveHigh, false,
	  { 1, 0, 1, 0 }, { 1, 1, 2, 2 } },
	{ "level low", IRQF_TRIGGER_LOW, LevelSensitive, InterruptActiveLow, true,
	  { 0, 1, 0, 1 }, { 1, 1, 2, 2 } },
};

static void trigger_case_desc(const struct trigger_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}
KUNIT_ARRAY_PARAM(trigger, trigger_cases, trigger_case_desc);

static void irq_trigger_types(struct kunit *test)
{
	const struct trigger_case *c = test->param_value;
	struct irq_probe probe = {};
	const struct fake_call *call;
	struct gpio_desc *desc;
	unsigned int i;
	int irq;

	fake_start(test, NULL);
	fake_drive(1, 4, c->start_level);
	irq = irq_request(test, 32 + 4, c->flags, &probe, &desc);
	call = fake_last(GPIOCLX_CB_ENABLE_INTERRUPT);
	KUNIT_ASSERT_NOT_NULL(test, call);
	KUNIT_EXPECT_EQ(test, call->bank, 1);
	KUNIT_EXPECT_EQ(test, call->pins, BIT_ULL(4));
	KUNIT_EXPECT_EQ(test, call->mode, c->mode);
	KUNIT_EXPECT_EQ(test, call->polarity, c->polarity);
	/* a level handler quiets its source, as a real one must */
	probe.deassert = c->mode == LevelSensitive;
	probe.level_high = c->polarity == InterruptActiveHigh;
	for (i = 0; i < ARRAY_SIZE(c->levels); i++) {
		fake_drive(1, 4, c->levels[i]);
		fake_deliver(1, 10);
		KUNIT_EXPECT_EQ_MSG(test, atomic_read(&probe.count), c->events[i], "step %u", i);
	}
	fake_forget_calls();
	irq_free(irq, &probe, desc);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_DISABLE_INTERRUPT), 1);
	KUNIT_EXPECT_EQ(test, fake->banks[1].enabled, 0);
}

static void irq_level_refires_while_asserted(struct kunit *test)
{
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	int irq;

	fake_start(test, NULL);
	irq = irq_request(test, 2, IRQF_TRIGGER_HIGH, &probe, &desc);
	fake_forget_calls();
	fake_drive(0, 2, true);
	/* nobody quiets it: each pass of the level parent fires it again */
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 5);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 5);
	/* masked while handled, unmasked after: one Mask and one Unmask each */
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_MASK_INTERRUPTS), 5);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_UNMASK_INTERRUPT), 5);
	/* quieted: it stops */
	probe.deassert = true;
	probe.level_high = true;
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 6);
	irq_free(irq, &probe, desc);
}

static void irq_edge_while_masked_delivered_once(struct kunit *test)
{
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	int irq;

	fake_start(test, NULL);
	irq = irq_request(test, 7, IRQF_TRIGGER_RISING, &probe, &desc);
	irq_set_status_flags(irq, IRQ_DISABLE_UNLAZY);	/* mask at once */
	disable_irq(irq);
	KUNIT_EXPECT_EQ(test, fake->banks[0].masked, BIT_ULL(7));
	fake_drive(0, 7, true);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 0);	/* latched, masked */
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 0);
	enable_irq(irq);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_UNMASK_INTERRUPT)->pins, BIT_ULL(7));
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 0);
	irq_clear_status_flags(irq, IRQ_DISABLE_UNLAZY);
	irq_free(irq, &probe, desc);
}

static void irq_type_change_reconfigures(struct kunit *test)
{
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	const struct fake_call *c;
	int irq;

	fake_start(test, NULL);
	irq = irq_request(test, 3, IRQF_TRIGGER_RISING, &probe, &desc);
	fake_forget_calls();
	KUNIT_EXPECT_EQ(test, irq_set_irq_type(irq, IRQ_TYPE_EDGE_FALLING), 0);
	c = fake_last(GPIOCLX_CB_RECONFIGURE);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->mode, Latched);
	KUNIT_EXPECT_EQ(test, c->polarity, InterruptFallingEdge);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_ENABLE_INTERRUPT), 0);
	fake_drive(0, 3, true);
	fake_drive(0, 3, false);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	irq_free(irq, &probe, desc);
}

static void irq_both_edges_emulated(struct kunit *test)
{
	struct fake_cfg cfg = {};
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	const struct fake_call *c;
	int irq;

	cfg.flags.EmulateActiveBoth = 1;
	fake_start(test, &cfg);
	irq = irq_request(test, 10, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING, &probe, &desc);
	/* the line is low: armed level-sensitive for high */
	c = fake_last(GPIOCLX_CB_ENABLE_INTERRUPT);
	KUNIT_EXPECT_EQ(test, c->mode, LevelSensitive);
	KUNIT_EXPECT_EQ(test, c->polarity, InterruptActiveHigh);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 0);	/* no event at enable */

	fake_drive(0, 10, true);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	c = fake_last(GPIOCLX_CB_RECONFIGURE);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->mode, LevelSensitive);
	KUNIT_EXPECT_EQ(test, c->polarity, InterruptActiveLow);	/* armed for the way back */

	fake_drive(0, 10, false);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 2);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_RECONFIGURE)->polarity, InterruptActiveHigh);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 0);
	irq_free(irq, &probe, desc);
}

/* The re-arm is Mask, Reconfigure, Unmask under one hold of the bank lock. */
static void irq_both_rearm_one_lock_hold(struct kunit *test)
{
	struct fake_cfg cfg = { .watch_lock_holds = true };
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	const struct fake_call *c;
	int irq;

	cfg.flags.EmulateActiveBoth = 1;
	fake_start(test, &cfg);
	irq = irq_request(test, 10, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING, &probe, &desc);
	fake_forget_calls();
	fake_drive(0, 10, true);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 1);
	c = fake_last(GPIOCLX_CB_RECONFIGURE);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->state, 1);	/* the Mask's hold was still open */
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_UNMASK_INTERRUPT), 1);
	fake->cfg.watch_lock_holds = false;
	irq_free(irq, &probe, desc);
}

static void irq_edge_during_connect(void)
{
	fake->during_connect = NULL;	/* once */
	fake_drive(0, 10, true);
	fake_deliver(0, 5);
}

/* A bias change while edges flow keeps what the interrupt path programmed. */
static void irq_config_change_keeps_interrupt_state(struct kunit *test)
{
	struct fake_cfg cfg = {};
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	int irq;

	cfg.flags.EmulateActiveBoth = 1;
	fake_start(test, &cfg);
	irq = irq_request(test, 10, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING, &probe, &desc);
	fake->during_connect = irq_edge_during_connect;
	KUNIT_EXPECT_EQ(test, gpiod_set_config(desc, PIN_CONF_PACKED(PIN_CONFIG_BIAS_PULL_UP, 1)),
			0);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	/* re-armed for low by the edge: the shim's record agrees with the client */
	KUNIT_EXPECT_FALSE(test, fake->banks[0].active_high & BIT_ULL(10));
	KUNIT_EXPECT_EQ(test, fake->ctrl->banks[0].pins[10].polarity, InterruptActiveLow);
	KUNIT_EXPECT_TRUE(test, fake->ctrl->banks[0].pins[10].last_level);
	KUNIT_EXPECT_EQ(test, fake->ctrl->banks[0].pins[10].pull,
			GPIO_PIN_PULL_CONFIGURATION_PULLUP);
	fake_drive(0, 10, false);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 2);
	irq_free(irq, &probe, desc);
}

/* A level line requested with IRQF_NO_AUTOEN stays quiet at the client. */
static void irq_no_autoen_stays_quiet(struct kunit *test)
{
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	int irq;

	fake_start(test, NULL);
	irq = irq_request(test, 7, IRQF_TRIGGER_HIGH | IRQF_NO_AUTOEN, &probe, &desc);
	probe.deassert = true;
	probe.level_high = true;
	fake_drive(0, 7, true);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 100), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 0);
	enable_irq(irq);
	fake_deliver(0, 5);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	irq_free(irq, &probe, desc);
}

/* Serial, EmulateActiveBoth: a type that starts the emulation disables first. */
static void irq_serial_emulation_change_disables_first(struct kunit *test)
{
	struct fake_cfg cfg = { .serial = true };
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	int irq;

	cfg.flags.EmulateActiveBoth = 1;
	fake_start(test, &cfg);
	irq = irq_request(test, 4, IRQF_TRIGGER_RISING, &probe, &desc);
	fake_forget_calls();
	KUNIT_EXPECT_EQ(test, irq_set_irq_type(irq, IRQ_TYPE_EDGE_BOTH), 0);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_DISABLE_INTERRUPT), 1);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_ENABLE_INTERRUPT), 1);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_ENABLE_INTERRUPT)->mode, LevelSensitive);
	irq_free(irq, &probe, desc);
}

static int irq_storm_work_pending = -1;

static void irq_note_storm_work(void)
{
	irq_storm_work_pending = delayed_work_pending(&fake->ctrl->storm_rearm);
}

/*
 * Timers and work that call the client are stopped before the gpio_chip
 * goes: seen from inside gpiochip_remove(), where gpiolib frees a hog.
 */
static void irq_timers_stop_before_gpiochip_remove(struct kunit *test)
{
	struct gpiod_hog hogs[] = {
		GPIO_HOG(NULL, 40, "kunit-hog", GPIO_ACTIVE_HIGH, GPIOD_IN),
		{ }
	};
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	int irq;

	fake_start(test, NULL);
	fake->ctrl->storm_limit = 5;
	irq = irq_request(test, 12, IRQF_TRIGGER_HIGH, &probe, &desc);
	fake_drive(0, 12, true);
	fake_deliver(0, 20);
	KUNIT_ASSERT_TRUE(test, delayed_work_pending(&fake->ctrl->storm_rearm));
	irq_free(irq, &probe, desc);
	fake_drive(0, 12, false);
	hogs[0].chip_label = fake->gc->label;
	gpiod_add_hogs(hogs);
	KUNIT_ASSERT_TRUE(test, fake->banks[1].connected & BIT_ULL(8));
	irq_storm_work_pending = -1;
	fake->during_disconnect = irq_note_storm_work;
	fake_unbind(test);
	fake->during_disconnect = NULL;
	KUNIT_EXPECT_EQ(test, irq_storm_work_pending, 0);
	gpiod_remove_hogs(hogs);
}

static void irq_drop_line_during_reconfigure(void)
{
	fake_drive(0, 10, false);
	fake->during_reconfigure = NULL;	/* once */
}

static void irq_both_edges_emulated_race(struct kunit *test)
{
	struct fake_cfg cfg = {};
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	int irq;

	cfg.flags.EmulateActiveBoth = 1;
	fake_start(test, &cfg);
	irq = irq_request(test, 10, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING, &probe, &desc);
	/* rising, and the line falls again while the shim re-arms it */
	fake->during_reconfigure = irq_drop_line_during_reconfigure;
	fake_drive(0, 10, true);
	fake_deliver(0, 10);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 2);	/* none lost, none doubled */
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 10), 0);
	/* and it keeps tracking the line */
	fake_drive(0, 10, true);
	fake_deliver(0, 10);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 3);
	irq_free(irq, &probe, desc);
}

static void irq_software_debounce(struct kunit *test)
{
	struct fake_cfg cfg = {};
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	unsigned int i;
	int irq;

	cfg.flags.EmulateDebouncing = 1;
	fake_start(test, &cfg);
	desc = fake_request(test, 6, GPIOD_IN);
	/* accepted without asking the client: the shim debounces */
	fake_forget_calls();
	KUNIT_ASSERT_EQ(test, gpiod_set_debounce(desc, 20000), 0);	/* 20 ms */
	KUNIT_EXPECT_EQ(test, fake->ncall, 0);
	irq = gpiod_to_irq(desc);
	KUNIT_ASSERT_GT(test, irq, 0);
	probe.ret = IRQ_HANDLED;
	KUNIT_ASSERT_EQ(test, request_irq(irq, irq_probe_handler, IRQF_TRIGGER_RISING |
					  IRQF_TRIGGER_FALLING, "kunit", &probe), 0);
	/* bounces shorter than the period: 0-1-0-1-0-1, settling high */
	for (i = 0; i < 6; i++) {
		fake_drive(0, 6, i % 2);
		fake_deliver(0, 3);
	}
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 0);	/* held back */
	msleep(100);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	/* a bounce that settles where it was makes no event */
	fake_drive(0, 6, false);
	fake_deliver(0, 3);
	fake_drive(0, 6, true);
	fake_deliver(0, 3);
	msleep(100);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	/* a real change after the line settled is seen once */
	fake_drive(0, 6, false);
	fake_deliver(0, 3);
	msleep(100);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 2);
	free_irq(irq, &probe);
	fake_release(desc);
}

static void irq_clear_on_read_versus_explicit(struct kunit *test)
{
	struct fake_cfg cfg = {};
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	int irq;

	/* explicit: an edge is cleared with ClearActiveInterrupts */
	fake_start(test, NULL);
	irq = irq_request(test, 1, IRQF_TRIGGER_RISING, &probe, &desc);
	fake_drive(0, 1, true);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 1);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_CLEAR_ACTIVE), 1);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CLEAR_ACTIVE)->pins, BIT_ULL(1));
	irq_free(irq, &probe, desc);
	fake_teardown();

	/* auto-clear on read: no Clear callback, and still exactly one event */
	cfg.flags.ActiveInterruptsAutoClearOnRead = 1;
	fake_start(test, &cfg);
	irq = irq_request(test, 1, IRQF_TRIGGER_RISING, &probe, &desc);
	fake_drive(0, 1, true);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_CLEAR_ACTIVE), 0);
	irq_free(irq, &probe, desc);
}

static void irq_shared_and_per_bank_parents(struct kunit *test)
{
	struct fake_cfg cfg = { .banks = 3, .nirqs = 1 };
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	int irq;

	/* one parent for three banks: a bank-2 edge is found by querying all */
	fake_start(test, &cfg);
	KUNIT_EXPECT_EQ(test, fake->ctrl->banks[2].parent_irq, fake->parent_virq[0]);
	irq = irq_request(test, 64 + 9, IRQF_TRIGGER_RISING, &probe, &desc);
	fake_forget_calls();
	fake_drive(2, 9, true);
	KUNIT_EXPECT_EQ(test, fake_deliver(2, 5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	/* only banks with enabled interrupts are asked */
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_QUERY_ACTIVE), 1);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_QUERY_ACTIVE)->bank, 2);
	irq_free(irq, &probe, desc);
	fake_teardown();

	/* one parent per bank */
	cfg.nirqs = 3;
	fake_start(test, &cfg);
	KUNIT_EXPECT_EQ(test, fake->ctrl->banks[2].parent_irq, fake->parent_virq[2]);
	KUNIT_EXPECT_NE(test, fake->ctrl->banks[1].parent_irq, fake->parent_virq[2]);
	irq = irq_request(test, 64 + 9, IRQF_TRIGGER_RISING, &probe, &desc);
	fake_drive(2, 9, true);
	KUNIT_EXPECT_EQ(test, fake_deliver(2, 5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	irq_free(irq, &probe, desc);
}

static void irq_failing_callbacks(struct kunit *test)
{
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	int irq;

	fake_start(test, NULL);
	/* Enable fails: request_irq() fails with its errno, nothing is delivered */
	desc = fake_request(test, 5, GPIOD_IN);
	irq = gpiod_to_irq(desc);
	fake_fail(GPIOCLX_CB_ENABLE_INTERRUPT, 1, STATUS_INSUFFICIENT_RESOURCES);
	KUNIT_EXPECT_EQ(test, request_irq(irq, irq_probe_handler, IRQF_TRIGGER_RISING, "kunit",
					  &probe), -ENOMEM);
	KUNIT_EXPECT_EQ(test, fake->banks[0].enabled, 0);
	KUNIT_EXPECT_EQ(test, fake->ctrl->banks[0].irq_enabled, 0);
	fake_drive(0, 5, true);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 0);
	fake_release(desc);
	fake_drive(0, 5, false);

	/* QueryActive fails: nothing dispatched, the handler says so, no hang */
	irq = irq_request(test, 5, IRQF_TRIGGER_RISING, &probe, &desc);
	fake->fail_count = 1000;
	fake_fail(GPIOCLX_CB_QUERY_ACTIVE, 1, STATUS_IO_DEVICE_ERROR);
	fake_drive(0, 5, true);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 5);	/* bounded by the test */
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 0);
	KUNIT_EXPECT_GE(test, gpioclx_failure_count(fake->ctrl, GPIOCLX_CB_QUERY_ACTIVE), 5);
	fake->fail_at = 0;
	/* recovered: the latched edge is delivered once */
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	irq_free(irq, &probe, desc);
	fake_drive(0, 5, false);

	/* Clear keeps failing: the edge re-fires until the storm guard masks it */
	irq = irq_request(test, 5, IRQF_TRIGGER_RISING, &probe, &desc);
	fake->ctrl->storm_limit = 20;
	fake_fail(GPIOCLX_CB_CLEAR_ACTIVE, 1, STATUS_IO_DEVICE_ERROR);
	fake_drive(0, 5, true);
	fake_deliver(0, 1000);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 20);
	KUNIT_EXPECT_TRUE(test, fake->banks[0].masked & BIT_ULL(5));
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 0);
	fake->fail_at = 0;
	irq_free(irq, &probe, desc);
	/* requested again, the line works again */
	fake_drive(0, 5, false);
	irq = irq_request(test, 5, IRQF_TRIGGER_RISING, &probe, &desc);
	fake_drive(0, 5, true);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	irq_free(irq, &probe, desc);
}

static void irq_storm_guard(struct kunit *test)
{
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	int irq;

	fake_start(test, NULL);
	fake->ctrl->storm_limit = 50;
	irq = irq_request(test, 12, IRQF_TRIGGER_HIGH, &probe, &desc);
	/* a level nobody quiets, and a handler that claims nothing */
	probe.ret = IRQ_NONE;
	fake_drive(0, 12, true);
	fake_deliver(0, 100000);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 50);
	KUNIT_EXPECT_TRUE(test, fake->ctrl->banks[0].irq_storm_masked & BIT_ULL(12));
	KUNIT_EXPECT_EQ(test, fake_pending(0), 0);
	irq_free(irq, &probe, desc);
}

static void irq_serial_controller(struct kunit *test)
{
	struct fake_cfg cfg = { .serial = true, .lock_in_callbacks = true };
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	const struct fake_call *c;
	unsigned int i;
	int irq;

	fake_start(test, &cfg);
	irq = irq_request(test, 33, IRQF_TRIGGER_FALLING, &probe, &desc);
	c = fake_last(GPIOCLX_CB_ENABLE_INTERRUPT);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_FALSE(test, c->atomic);	/* applied at irq_bus_sync_unlock */
	KUNIT_EXPECT_EQ(test, c->polarity, InterruptFallingEdge);
	fake_drive(1, 1, true);
	fake_drive(1, 1, false);
	fake_deliver(1, 1);	/* wakes the parent's thread */
	for (i = 0; i < 100 && !atomic_read(&probe.count); i++)
		usleep_range(10000, 11000);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	c = fake_last(GPIOCLX_CB_QUERY_ACTIVE);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_FALSE(test, c->atomic);	/* PASSIVE, in the thread */
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CLEAR_ACTIVE)->pins, BIT_ULL(1));
	irq_free(irq, &probe, desc);
	KUNIT_EXPECT_EQ(test, fake->banks[1].enabled, 0);
}

static void irq_lock_api(struct kunit *test)
{
	struct fake_cfg cfg = { .lock_in_callbacks = true };
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	struct gpioclx_bank *bank;
	int irq;

	fake_start(test, &cfg);
	bank = &fake->ctrl->banks[1];
	/* a client's passive callback takes and drops the bank lock */
	desc = fake_request(test, 40, GPIOD_IN);
	KUNIT_EXPECT_NULL(test, bank->owner);
	fake_release(desc);
	/* an ISR-path callback re-taking the held lock is tolerated */
	irq = irq_request(test, 41, IRQF_TRIGGER_RISING, &probe, &desc);
	fake_drive(1, 9, true);
	KUNIT_EXPECT_EQ(test, fake_deliver(1, 5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	KUNIT_EXPECT_NULL(test, bank->owner);
	irq_free(irq, &probe, desc);
	/* direct use: acquire/release pair, and bad arguments are refused */
	GPIO_CLX_AcquireInterruptLock(fake->ctrl->context, 1);
	KUNIT_EXPECT_PTR_EQ(test, bank->owner, current);
	GPIO_CLX_ReleaseInterruptLock(fake->ctrl->context, 1);
	KUNIT_EXPECT_NULL(test, bank->owner);
	GPIO_CLX_AcquireInterruptLock(fake->ctrl->context, 9);	/* no bank 9 */
	GPIO_CLX_ReleaseInterruptLock(fake->ctrl->context, 0);	/* not held */
	KUNIT_EXPECT_NULL(test, fake->ctrl->banks[0].owner);
}

static void irq_pre_process_first(struct kunit *test)
{
	struct fake_cfg cfg = { .pre_process = true };
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	const struct fake_call *c;
	int irq;

	fake_start(test, &cfg);
	irq = irq_request(test, 6, IRQF_TRIGGER_RISING, &probe, &desc);
	fake_drive(0, 6, true);
	fake_forget_calls();
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 1);
	/* the client sees the primary interrupt before it is asked what fired */
	KUNIT_EXPECT_STREQ(test, fake_sequence(test),
			   "PreProcessControllerInterrupt,QueryActiveInterrupts,ClearActiveInterrupts");
	c = fake_last(GPIOCLX_CB_PRE_PROCESS);
	KUNIT_EXPECT_EQ(test, c->pins, BIT_ULL(6));	/* the enabled mask */
	KUNIT_EXPECT_TRUE(test, c->irqs_off);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	irq_free(irq, &probe, desc);
}

static void irq_short_last_bank(struct kunit *test)
{
	struct fake_cfg cfg = { .banks = 2, .ppb = 8, .total_pins = 12 };
	struct irq_domain *domain;
	int irq;

	fake_start(test, &cfg);
	domain = fake->gc->irq.domain;
	/* line 11 exists, lines 12-15 do not: no interrupt can be mapped there */
	irq = irq_create_mapping(domain, 11);
	KUNIT_EXPECT_GT(test, irq, 0);
	KUNIT_EXPECT_EQ(test, irq_create_mapping(domain, 13), 0);
	irq_dispose_mapping(irq);
}

/* enable_irq_wake() on a line reaches the controller's parent interrupt. */
static void irq_wake_reaches_parent(struct kunit *test)
{
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	int irq;

	fake_start(test, NULL);
	irq = irq_request(test, 32 + 4, IRQF_TRIGGER_RISING, &probe, &desc);
	KUNIT_EXPECT_EQ(test, enable_irq_wake(irq), 0);
	KUNIT_EXPECT_EQ(test, fake->parent_wake[1], 1);
	KUNIT_EXPECT_EQ(test, fake->parent_wake[0], 0);
	KUNIT_EXPECT_EQ(test, disable_irq_wake(irq), 0);
	KUNIT_EXPECT_EQ(test, fake->parent_wake[1], 0);
	irq_free(irq, &probe, desc);
}

/* A trigger the client refuses fails request_irq() and irq_set_irq_type(). */
static void irq_refused_trigger_fails(struct kunit *test)
{
	struct fake_cfg cfg = { .refuse_level = true };
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	int irq, ret;

	fake_start(test, &cfg);
	desc = fake_request(test, 6, GPIOD_IN);
	irq = gpiod_to_irq(desc);
	KUNIT_ASSERT_GT(test, irq, 0);
	ret = request_irq(irq, irq_probe_handler, IRQF_TRIGGER_HIGH, "kunit", &probe);
	KUNIT_EXPECT_EQ(test, ret, -EOPNOTSUPP);
	if (!ret)
		free_irq(irq, &probe);
	KUNIT_EXPECT_EQ(test, fake->banks[0].enabled, 0);
	/* an edge is accepted; changing it to a level is refused */
	KUNIT_ASSERT_EQ(test, request_irq(irq, irq_probe_handler, IRQF_TRIGGER_RISING, "kunit",
					  &probe), 0);
	KUNIT_EXPECT_NE(test, irq_set_irq_type(irq, IRQ_TYPE_LEVEL_LOW), 0);
	fake_drive(0, 6, true);
	KUNIT_EXPECT_EQ(test, fake_deliver(0, 5), 1);
	free_irq(irq, &probe);
	fake_release(desc);
}

/* A busy line the handler keeps up with is masked for a while, never for good. */
static void irq_storm_guard_rearms(struct kunit *test)
{
	struct irq_probe probe = {};
	struct gpio_desc *desc;
	unsigned int i, before;
	int irq;

	fake_start(test, NULL);
	fake->ctrl->storm_limit = 50;
	irq = irq_request(test, 12, IRQF_TRIGGER_HIGH, &probe, &desc);
	fake_drive(0, 12, true);
	fake_deliver(0, 1000);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 50);
	KUNIT_EXPECT_TRUE(test, fake->banks[0].masked & BIT_ULL(12));
	before = atomic_read(&probe.count);
	for (i = 0; i < 300 && (fake->banks[0].masked & BIT_ULL(12)); i++)
		usleep_range(10000, 11000);
	KUNIT_EXPECT_FALSE(test, fake->banks[0].masked & BIT_ULL(12));
	fake_drive(0, 12, false);
	fake_deliver(0, 5);
	fake_drive(0, 12, true);
	fake_deliver(0, 10);
	KUNIT_EXPECT_GT(test, atomic_read(&probe.count), before);
	fake_drive(0, 12, false);
	irq_free(irq, &probe, desc);
}

static void irq_test_exit(struct kunit *test)
{
	fake_teardown();
}

static struct kunit_case irq_cases[] = {
	KUNIT_CASE_PARAM(irq_trigger_types, trigger_gen_params),
	KUNIT_CASE(irq_level_refires_while_asserted),
	KUNIT_CASE(irq_edge_while_masked_delivered_once),
	KUNIT_CASE(irq_type_change_reconfigures),
	KUNIT_CASE(irq_both_edges_emulated),
	KUNIT_CASE(irq_both_edges_emulated_race),
	KUNIT_CASE(irq_software_debounce),
	KUNIT_CASE(irq_clear_on_read_versus_explicit),
	KUNIT_CASE(irq_shared_and_per_bank_parents),
	KUNIT_CASE(irq_failing_callbacks),
	KUNIT_CASE(irq_storm_guard),
	KUNIT_CASE(irq_storm_guard_rearms),
	KUNIT_CASE(irq_both_rearm_one_lock_hold),
	KUNIT_CASE(irq_timers_stop_before_gpiochip_remove),
	KUNIT_CASE(irq_config_change_keeps_interrupt_state),
	KUNIT_CASE(irq_no_autoen_stays_quiet),
	KUNIT_CASE(irq_serial_emulation_change_disables_first),
	KUNIT_CASE(irq_wake_reaches_parent),
	KUNIT_CASE(irq_refused_trigger_fails),
	KUNIT_CASE(irq_serial_controller),
	KUNIT_CASE(irq_lock_api),
	KUNIT_CASE(irq_pre_process_first),
	KUNIT_CASE(irq_short_last_bank),
	{}
};

static struct kunit_suite irq_suite = {
	.name = "gpioclx_irq",
	.exit = irq_test_exit,
	.test_cases = irq_cases,
};
kunit_test_suite(irq_suite);
