// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pl061_kunit.c - the PL061 client (drivers/pl061, unmodified) under the
 * real shim, against the register model of kunit/models/pl061_model.c,
 * through gpiolib's consumer API: directions in GPIODIR, values and
 * batches through the GPIODATA address-mask window (one access per batch),
 * the configurations it refuses, every trigger type with exact handler
 * counts, suspend/resume restoring the register context, a block that is
 * not a PL061, and unbind while a line is held.
 *
 * The glue registers its driver at boot (CONFIG_GPIOCLX_PL061=y); AMBA is
 * absent here, so each test creates a platform device named like the
 * driver, which the platform bus matches by name, with the model's window
 * as its memory resource and an irq_sim interrupt as the PL061's line.
 * The model's hook tracks that line (GPIOMIS != 0); the test fires the
 * parent interrupt while it is asserted, as a level-triggered line does
 * (pl061_deliver). The hook itself cannot: it runs inside the client's
 * register accesses, under the shim's bank lock the handler needs.
 */
#include <kunit/test.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/interrupt.h>
#include <linux/ioport.h>
#include <linux/irq_sim.h>
#include <linux/irqdomain.h>
#include <linux/pinctrl/pinconf-generic.h>
#include <linux/platform_device.h>
#include <linux/pm.h>
#include <linux/slab.h>

#include "gpioclx_internal.h"
#include "gpioclx_mmio_model.h"
#include "models/pl061_model.h"

#define PL061_KUNIT_PINS	8
#define PL061_KUNIT_SPAN	0x1000
/* Offsets from the TRM, not the driver's header: a wrong one there must fail here. */
#define PL061_KUNIT_DATA(mask)	((mask) << 2)	/* GPIODATA, address-masked */
#define PL061_KUNIT_DATA_ALL	0x3fc
#define PL061_KUNIT_PERIPHID0	0xfe0

struct pl061_irq_probe {
	atomic_t count;
	unsigned int pin;
	bool quiet;		/* the handler drives its line inactive, as a real one must */
	bool inactive_level;
};

struct pl061_kunit {
	struct pl061_model model;
	raw_spinlock_t lock;		/* every model access */
	bool line;			/* the PL061's interrupt line, as the hook saw it last */
	unsigned int line_rises;
	struct gpioclx_mmio_model *mmio;
	struct resource window;
	struct irq_domain *domain;	/* irq_sim: the parent interrupt */
	int parent_virq;
	struct platform_device *pdev;
	struct gpioclx_controller *ctrl;	/* after a successful probe */
	struct gpio_chip *gc;
	/* what a test holds, for the exit to give back if an assertion stopped it */
	struct gpio_desc *descs[PL061_KUNIT_PINS];
	int irqs[PL061_KUNIT_PINS];
	struct pl061_irq_probe *probes[PL061_KUNIT_PINS];
};

static struct pl061_kunit *pl;

/* --- the register window and the interrupt line ---------------------- */

static u64 pl061_kunit_read(void *priv, unsigned long offset, unsigned int width)
{
	struct pl061_kunit *p = priv;
	unsigned long flags;
	u64 value;

	raw_spin_lock_irqsave(&p->lock, flags);
	value = pl061_model_read(&p->model, offset, width);
	raw_spin_unlock_irqrestore(&p->lock, flags);
	return value;
}

static void pl061_kunit_write(void *priv, unsigned long offset, u64 value, unsigned int width)
{
	struct pl061_kunit *p = priv;
	unsigned long flags;

	raw_spin_lock_irqsave(&p->lock, flags);
	pl061_model_write(&p->model, offset, value, width);
	raw_spin_unlock_irqrestore(&p->lock, flags);
}

static const struct gpioclx_mmio_model_ops pl061_kunit_mmio_ops = {
	.read = pl061_kunit_read,
	.write = pl061_kunit_write,
};

/* Model hook, under p->lock: GPIOMIS != 0 is the PL061's interrupt line. */
static void pl061_kunit_irq_hook(struct pl061_model *m, BOOLEAN asserted)
{
	struct pl061_kunit *p = m->owner;

	if (asserted && !p->line)
		p->line_rises++;
	p->line = asserted;
}

static bool pl061_line(void)
{
	unsigned long flags;
	bool line;

	raw_spin_lock_irqsave(&pl->lock, flags);
	line = pl->line;
	raw_spin_unlock_irqrestore(&pl->lock, flags);
	return line;
}

/* The outside world puts @level on @pin. */
static void pl061_drive(unsigned int pin, bool level)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&pl->lock, flags);
	pl061_model_drive_input(&pl->model, pin, level);
	raw_spin_unlock_irqrestore(&pl->lock, flags);
}

/* Fire the parent while the line is asserted (at most @max times); returns how often. */
static unsigned int pl061_deliver(unsigned int max)
{
	unsigned int passes = 0;

	while (passes < max && pl061_line()) {
		generic_handle_irq_safe(pl->parent_virq);
		passes++;
	}
	return passes;
}

/* A consistent copy of the model, for registers and counters. */
static struct pl061_model pl061_snapshot(void)
{
	struct pl061_model m;
	unsigned long flags;

	raw_spin_lock_irqsave(&pl->lock, flags);
	m = pl->model;
	raw_spin_unlock_irqrestore(&pl->lock, flags);
	return m;
}

/* --- the device ------------------------------------------------------- */

/*
 * A PL061 at a fresh model window with one parent interrupt; @firmware,
 * when not NULL, changes the reset state of the block before the driver
 * sees it (what firmware left behind). Returns 0 if the driver bound.
 */
static int pl061_create(struct kunit *test, void (*firmware)(struct pl061_model *m))
{
	struct resource res[2] = {};
	struct platform_device_info info = {
		.name = "gpioclx-pl061",	/* the glue's driver name */
		.id = PLATFORM_DEVID_AUTO,
		.res = res,
		.num_res = ARRAY_SIZE(res),
	};
	struct fwnode_handle *fwnode;

	pl = kzalloc(sizeof(*pl), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pl);
	raw_spin_lock_init(&pl->lock);
	pl->model.irq_hook = pl061_kunit_irq_hook;
	pl->model.owner = pl;
	pl061_model_init(&pl->model);
	if (firmware)
		firmware(&pl->model);

	fwnode = irq_domain_alloc_named_fwnode("gpioclx-pl061-kunit");
	KUNIT_ASSERT_NOT_NULL(test, fwnode);
	pl->domain = irq_domain_create_sim(fwnode, 1);
	if (IS_ERR(pl->domain)) {
		irq_domain_free_fwnode(fwnode);
		pl->domain = NULL;
	}
	KUNIT_ASSERT_NOT_NULL_MSG(test, pl->domain, "irq_sim domain");
	pl->parent_virq = irq_create_mapping(pl->domain, 0);
	KUNIT_ASSERT_GT(test, pl->parent_virq, 0);

	pl->mmio = gpioclx_mmio_model_add("gpioclx-pl061-kunit", PL061_KUNIT_SPAN,
					  &pl061_kunit_mmio_ops, pl, &pl->window);
	KUNIT_ASSERT_FALSE(test, IS_ERR(pl->mmio));
	res[0] = pl->window;
	res[1] = (struct resource)DEFINE_RES_IRQ(pl->parent_virq);
	pl->pdev = platform_device_register_full(&info);
	KUNIT_ASSERT_FALSE(test, IS_ERR(pl->pdev));
	if (!pl->pdev->dev.driver)
		return -ENODEV;
	pl->ctrl = platform_get_drvdata(pl->pdev);
	pl->gc = &pl->ctrl->gc;
	return 0;
}

static struct gpio_chip *pl061_start(struct kunit *test)
{
	KUNIT_ASSERT_EQ_MSG(test, pl061_create(test, NULL), 0,
			    "the gpioclx-pl061 platform driver did not bind by name");
	KUNIT_ASSERT_EQ(test, pl->gc->ngpio, PL061_KUNIT_PINS);
	return pl->gc;
}

static void pl061_free_irq(unsigned int pin)
{
	if (pl->irqs[pin] > 0)
		free_irq(pl->irqs[pin], pl->probes[pin]);
	pl->irqs[pin] = 0;
}

static void pl061_release(unsigned int pin)
{
	if (pl->descs[pin])
		gpiochip_free_own_desc(pl->descs[pin]);
	pl->descs[pin] = NULL;
}

static void pl061_teardown(void)
{
	struct fwnode_handle *fwnode;
	unsigned int pin;

	if (!pl)
		return;
	for (pin = 0; pin < PL061_KUNIT_PINS; pin++) {
		pl061_free_irq(pin);
		/* a test stopped with lines held: give them back while the chip exists */
		if (!IS_ERR_OR_NULL(pl->pdev) && pl->pdev->dev.driver)
			pl061_release(pin);
	}
	if (!IS_ERR_OR_NULL(pl->pdev))
		platform_device_unregister(pl->pdev);
	/* after the device: its memory resource nests in the model's window */
	gpioclx_mmio_model_remove(pl->mmio);
	if (pl->domain) {
		/* UML has a fixed number of irq descriptors: give it back */
		if (pl->parent_virq > 0)
			irq_dispose_mapping(pl->parent_virq);
		fwnode = pl->domain->fwnode;
		irq_domain_remove_sim(pl->domain);
		irq_domain_free_fwnode(fwnode);
	}
	kfree(pl);
	pl = NULL;
}

/* A consumer's view of line @pin. */
static struct gpio_desc *pl061_request(struct kunit *test, unsigned int pin,
				       enum gpio_lookup_flags lflags, enum gpiod_flags dflags)
{
	struct gpio_desc *desc;

	desc = gpiochip_request_own_desc(pl->gc, pin, "kunit", lflags, dflags);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(desc), "request line %u: %ld", pin, PTR_ERR(desc));
	pl->descs[pin] = desc;
	return desc;
}

static irqreturn_t pl061_irq_handler(int irq, void *data)
{
	struct pl061_irq_probe *probe = data;

	atomic_inc(&probe->count);
	if (probe->quiet)
		pl061_drive(probe->pin, probe->inactive_level);
	return IRQ_HANDLED;
}

/* Line @pin as an input with its interrupt requested with @flags. */
static int pl061_request_irq(struct kunit *test, unsigned int pin, unsigned long flags,
			     struct pl061_irq_probe *probe)
{
	struct gpio_desc *desc = pl061_request(test, pin, GPIO_ACTIVE_HIGH, GPIOD_IN);
	int irq = gpiod_to_irq(desc);

	KUNIT_ASSERT_GT(test, irq, 0);
	atomic_set(&probe->count, 0);
	probe->pin = pin;
	KUNIT_ASSERT_EQ(test, request_irq(irq, pl061_irq_handler, flags, "kunit", probe), 0);
	pl->irqs[pin] = irq;
	pl->probes[pin] = probe;
	return irq;
}

/* --- the tests -------------------------------------------------------- */

/*
 * Firmware left pins 4..7 driving 1010, pin 0 with its hardware function,
 * every interrupt enabled and an edge latched on pin 4.
 */
static void pl061_firmware_left_state(struct pl061_model *m)
{
	m->dir = 0xf0;
	m->data = 0xa0;
	m->afsel = 0x01;
	m->ie = 0xff;
	m->edge_latch = 0x10;
}

static void pl061_binds_and_starts(struct kunit *test)
{
	struct pl061_model m;

	KUNIT_ASSERT_EQ_MSG(test, pl061_create(test, pl061_firmware_left_state), 0,
			    "the gpioclx-pl061 platform driver did not bind by name");
	/*
	 * PrepareController checked the IDs; StartController quieted the
	 * interrupts and, like the native gpio-pl061, kept the pins as found.
	 */
	m = pl061_snapshot();
	KUNIT_EXPECT_GE(test, m.reads, 8);	/* PeriphID0..3, PCellID0..3 */
	KUNIT_EXPECT_EQ(test, m.ie, 0);
	KUNIT_EXPECT_EQ(test, m.edge_latch, 0);
	KUNIT_EXPECT_FALSE(test, pl061_line());
	KUNIT_EXPECT_EQ(test, m.dir, 0xf0);
	KUNIT_EXPECT_EQ(test, m.data, 0xa0);
	KUNIT_EXPECT_EQ(test, m.afsel, 0x01);
	KUNIT_EXPECT_EQ(test, pl061_model_pin_levels(&m), 0xa0);
	KUNIT_EXPECT_EQ(test, pl->gc->ngpio, PL061_KUNIT_PINS);
	KUNIT_EXPECT_FALSE(test, pl->gc->can_sleep);	/* memory-mapped */
	KUNIT_EXPECT_EQ(test, pl->ctrl->nbanks, 1);
	KUNIT_EXPECT_TRUE(test, pl->gc->to_irq);
	KUNIT_EXPECT_EQ(test, pl->ctrl->banks[0].parent_irq, pl->parent_virq);
	/* no idle power management: it stays powered while bound */
	KUNIT_EXPECT_FALSE(test, pl->ctrl->runtime_pm);
}

static void pl061_direction(struct kunit *test)
{
	struct gpio_desc *desc;
	unsigned long flags;
	struct pl061_model m;

	pl061_start(test);
	/* firmware left every pin to the hardware function: connecting takes it back */
	raw_spin_lock_irqsave(&pl->lock, flags);
	pl->model.afsel = 0xff;
	raw_spin_unlock_irqrestore(&pl->lock, flags);

	desc = pl061_request(test, 5, GPIO_ACTIVE_HIGH, GPIOD_IN);
	m = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, m.dir, 0);
	KUNIT_EXPECT_EQ(test, m.afsel, 0xff & ~BIT(5));
	KUNIT_EXPECT_EQ(test, gpiod_get_direction(desc), GPIO_LINE_DIRECTION_IN);

	KUNIT_EXPECT_EQ(test, gpiod_direction_output(desc, 1), 0);
	m = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, m.dir, BIT(5));
	KUNIT_EXPECT_TRUE(test, pl061_model_pin_level(&m, 5));
	KUNIT_EXPECT_EQ(test, gpiod_get_direction(desc), GPIO_LINE_DIRECTION_OUT);

	KUNIT_EXPECT_EQ(test, gpiod_direction_input(desc), 0);
	KUNIT_EXPECT_EQ(test, pl061_snapshot().dir, 0);

	/* an output released keeps driving, as gpio-pl061 leaves it */
	KUNIT_EXPECT_EQ(test, gpiod_direction_output(desc, 0), 0);
	KUNIT_EXPECT_EQ(test, pl061_snapshot().dir, BIT(5));
	pl061_release(5);
	KUNIT_EXPECT_EQ(test, pl061_snapshot().dir, BIT(5));
}

static void pl061_values(struct kunit *test)
{
	struct gpio_desc *out, *in;
	struct pl061_model before, m;

	pl061_start(test);
	out = pl061_request(test, 3, GPIO_ACTIVE_HIGH, GPIOD_OUT_LOW);
	in = pl061_request(test, 4, GPIO_ACTIVE_HIGH, GPIOD_IN);

	/* one write, through the window of exactly that pin */
	before = pl061_snapshot();
	gpiod_set_value(out, 1);
	m = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, m.writes - before.writes, 1);
	KUNIT_EXPECT_EQ(test, m.last_offset, PL061_KUNIT_DATA(BIT(3)));
	KUNIT_EXPECT_EQ(test, m.last_value & BIT(3), BIT(3));
	KUNIT_EXPECT_TRUE(test, pl061_model_pin_level(&m, 3));
	KUNIT_EXPECT_EQ(test, gpiod_get_value(out), 1);
	gpiod_set_value(out, 0);
	m = pl061_snapshot();
	KUNIT_EXPECT_FALSE(test, pl061_model_pin_level(&m, 3));
	KUNIT_EXPECT_EQ(test, gpiod_get_value(out), 0);

	/* an input reads what the outside drives, with one read of the whole bank */
	pl061_drive(4, true);
	before = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 1);
	m = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, m.reads - before.reads, 1);
	KUNIT_EXPECT_EQ(test, m.last_offset, PL061_KUNIT_DATA_ALL);
	pl061_drive(4, false);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 0);

	/* a write to an input reaches the block, which drops it */
	gpiod_set_value(in, 1);
	m = pl061_snapshot();
	KUNIT_EXPECT_FALSE(test, pl061_model_pin_level(&m, 4));
	KUNIT_EXPECT_EQ(test, m.data & BIT(4), 0);
}

static void pl061_batches_are_one_access(struct kunit *test)
{
	struct gpio_desc *descs[PL061_KUNIT_PINS], *pair[2];
	unsigned long values = 0xa5, got = 0;
	struct pl061_model before, m;
	unsigned int pin;

	pl061_start(test);
	for (pin = 0; pin < PL061_KUNIT_PINS; pin++)
		descs[pin] = pl061_request(test, pin, GPIO_ACTIVE_HIGH, GPIOD_OUT_LOW);

	/* eight lines set: one write with every mask bit, the values in its data */
	before = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, gpiod_set_array_value(PL061_KUNIT_PINS, descs, NULL, &values), 0);
	m = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, m.writes - before.writes, 1);
	KUNIT_EXPECT_EQ(test, m.reads - before.reads, 0);
	KUNIT_EXPECT_EQ(test, m.last_offset, PL061_KUNIT_DATA_ALL);
	KUNIT_EXPECT_EQ(test, m.last_width, 1);
	KUNIT_EXPECT_EQ(test, m.last_value, 0xa5);
	KUNIT_EXPECT_EQ(test, pl061_model_pin_levels(&m), 0xa5);

	/* eight lines read: one read */
	before = m;
	KUNIT_EXPECT_EQ(test, gpiod_get_array_value(PL061_KUNIT_PINS, descs, NULL, &got), 0);
	m = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, m.reads - before.reads, 1);
	KUNIT_EXPECT_EQ(test, m.writes - before.writes, 0);
	KUNIT_EXPECT_EQ(test, m.last_offset, PL061_KUNIT_DATA_ALL);
	KUNIT_EXPECT_EQ(test, got, 0xa5);

	/* two lines: the address mask names just them, the other six keep their level */
	pair[0] = descs[1];
	pair[1] = descs[6];
	values = 0x1;		/* line 1 high, line 6 low */
	before = m;
	KUNIT_EXPECT_EQ(test, gpiod_set_array_value(2, pair, NULL, &values), 0);
	m = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, m.writes - before.writes, 1);
	KUNIT_EXPECT_EQ(test, m.last_offset, PL061_KUNIT_DATA(BIT(1) | BIT(6)));
	KUNIT_EXPECT_EQ(test, pl061_model_pin_levels(&m), (0xa5 | BIT(1)) & ~BIT(6));
}

static void pl061_refuses_pull_and_debounce(struct kunit *test)
{
	struct gpio_desc *in, *out;
	struct pl061_model m;

	pl061_start(test);
	/* a pull is optional to gpiolib: the request succeeds without one */
	in = pl061_request(test, 2, GPIO_PULL_UP, GPIOD_IN);
	KUNIT_EXPECT_TRUE(test, pl->ctrl->banks[0].conn_in & BIT(2));
	KUNIT_EXPECT_EQ(test, pl->ctrl->banks[0].pins[2].pull,
			GPIO_PIN_PULL_CONFIGURATION_DEFAULT);
	/* asked for explicitly, it is refused the way gpiolib understands */
	KUNIT_EXPECT_EQ(test, gpiod_set_config(in, PIN_CONF_PACKED(PIN_CONFIG_BIAS_PULL_UP, 1)),
			-ENOTSUPP);
	KUNIT_EXPECT_EQ(test, gpiod_set_config(in, PIN_CONF_PACKED(PIN_CONFIG_BIAS_PULL_DOWN, 1)),
			-ENOTSUPP);
	/* "no pull" is what the PL061 has */
	KUNIT_EXPECT_EQ(test, gpiod_set_config(in, PIN_CONF_PACKED(PIN_CONFIG_BIAS_DISABLE, 0)),
			0);
	KUNIT_EXPECT_EQ(test, gpiod_set_debounce(in, 1000), -ENOTSUPP);

	/* after every refusal the line is still a working input */
	KUNIT_EXPECT_TRUE(test, pl->ctrl->banks[0].conn_in & BIT(2));
	KUNIT_EXPECT_EQ(test, pl061_snapshot().dir, 0);
	pl061_drive(2, true);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 1);

	/* no drive strength either; the output keeps driving */
	out = pl061_request(test, 6, GPIO_ACTIVE_HIGH, GPIOD_OUT_HIGH);
	KUNIT_EXPECT_EQ(test, gpiod_set_config(out, PIN_CONF_PACKED(PIN_CONFIG_DRIVE_STRENGTH, 4)),
			-ENOTSUPP);
	m = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, m.dir, BIT(6));
	KUNIT_EXPECT_TRUE(test, pl061_model_pin_level(&m, 6));
}

struct pl061_trigger_case {
	const char *name;
	unsigned long flags;
	u8 is, ibe, iev;	/* the pin's bit in GPIOIS, GPIOIBE, GPIOIEV */
	bool level_sensitive;
	bool start_level;
	bool levels[4];		/* the line's levels, one after the other */
	unsigned int events[4];	/* handler count after each */
};

static const struct pl061_trigger_case pl061_trigger_cases[] = {
	{ "rising edge", IRQF_TRIGGER_RISING, 0, 0, 1, false, false,
	  { 1, 0, 1, 0 }, { 1, 1, 2, 2 } },
	{ "falling edge", IRQF_TRIGGER_FALLING, 0, 0, 0, false, true,
	  { 0, 1, 0, 1 }, { 1, 1, 2, 2 } },
	{ "both edges (GPIOIBE)", IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING, 0, 1, 0, false,
	  false, { 1, 0, 1, 0 }, { 1, 2, 3, 4 } },
	{ "level high", IRQF_TRIGGER_HIGH, 1, 0, 1, true, false,
	  { 1, 0, 1, 0 }, { 1, 1, 2, 2 } },
	{ "level low", IRQF_TRIGGER_LOW, 1, 0, 0, true, true,
	  { 0, 1, 0, 1 }, { 1, 1, 2, 2 } },
};

static void pl061_trigger_case_desc(const struct pl061_trigger_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}
KUNIT_ARRAY_PARAM(pl061_trigger, pl061_trigger_cases, pl061_trigger_case_desc);

static void pl061_trigger_types(struct kunit *test)
{
	const struct pl061_trigger_case *c = test->param_value;
	struct pl061_irq_probe probe = {};
	const unsigned int pin = 5;
	long reconfigures;
	struct pl061_model m;
	unsigned int i;

	pl061_start(test);
	pl061_drive(pin, c->start_level);
	pl061_request_irq(test, pin, c->flags, &probe);
	m = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, m.is, c->is << pin);
	KUNIT_EXPECT_EQ(test, m.ibe, c->ibe << pin);
	KUNIT_EXPECT_EQ(test, m.iev, c->iev << pin);
	KUNIT_EXPECT_EQ(test, m.ie, BIT(pin));
	KUNIT_EXPECT_EQ(test, m.dir, 0);
	KUNIT_EXPECT_FALSE(test, pl061_line());		/* nothing at enable */
	/* both edges are native: the shim must not emulate them */
	KUNIT_EXPECT_EQ(test, pl->ctrl->banks[0].irq_emulated_both, 0);
	reconfigures = gpioclx_call_count(pl->ctrl, GPIOCLX_CB_RECONFIGURE);

	probe.quiet = c->level_sensitive;
	probe.inactive_level = !c->iev;
	for (i = 0; i < ARRAY_SIZE(c->levels); i++) {
		pl061_drive(pin, c->levels[i]);
		pl061_deliver(10);
		KUNIT_EXPECT_EQ_MSG(test, atomic_read(&probe.count), c->events[i], "step %u", i);
		KUNIT_EXPECT_FALSE_MSG(test, pl061_line(), "step %u: line still asserted", i);
	}
	KUNIT_EXPECT_EQ(test, gpioclx_call_count(pl->ctrl, GPIOCLX_CB_RECONFIGURE),
			reconfigures);

	pl061_free_irq(pin);
	m = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, m.ie, 0);
	KUNIT_EXPECT_EQ(test, m.is | m.ibe | m.iev, 0);
}

static void pl061_level_refires_while_asserted(struct kunit *test)
{
	struct pl061_irq_probe probe = {};

	pl061_start(test);
	pl061_request_irq(test, 1, IRQF_TRIGGER_HIGH, &probe);
	pl061_drive(1, true);
	/* nobody quiets it: masked while handled, unmasked after, so it fires again */
	KUNIT_EXPECT_EQ(test, pl061_deliver(5), 5);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 5);
	KUNIT_EXPECT_EQ(test, pl061_snapshot().ie, BIT(1));
	/* quieted by its handler: one more, then it stops */
	probe.quiet = true;
	probe.inactive_level = false;
	KUNIT_EXPECT_EQ(test, pl061_deliver(5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 6);
}

static void pl061_masked_edge_fires_on_unmask(struct kunit *test)
{
	struct pl061_irq_probe probe = {};
	unsigned int rises;
	int irq;

	pl061_start(test);
	irq = pl061_request_irq(test, 7, IRQF_TRIGGER_RISING, &probe);
	irq_set_status_flags(irq, IRQ_DISABLE_UNLAZY);	/* mask at once */
	disable_irq(irq);
	KUNIT_EXPECT_EQ(test, pl061_snapshot().ie, 0);	/* GPIOIE is the mask */
	rises = pl->line_rises;
	pl061_drive(7, true);
	/* latched in GPIORIS, but the line stays quiet */
	KUNIT_EXPECT_EQ(test, pl061_snapshot().edge_latch, BIT(7));
	KUNIT_EXPECT_EQ(test, pl->line_rises, rises);
	KUNIT_EXPECT_EQ(test, pl061_deliver(5), 0);
	enable_irq(irq);
	KUNIT_EXPECT_TRUE(test, pl061_line());
	KUNIT_EXPECT_EQ(test, pl061_deliver(5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe.count), 1);
	KUNIT_EXPECT_EQ(test, pl061_snapshot().edge_latch, 0);	/* cleared via GPIOIC */
	irq_clear_status_flags(irq, IRQ_DISABLE_UNLAZY);
}

static void pl061_suspend_resume_restores_registers(struct kunit *test)
{
	struct pl061_irq_probe rise = {}, both = {}, low = {};
	const struct dev_pm_ops *pm;
	struct pl061_model saved, m;
	struct gpio_desc *high;
	unsigned long flags;
	long stops, starts;

	pl061_start(test);
	high = pl061_request(test, 0, GPIO_ACTIVE_HIGH, GPIOD_OUT_HIGH);
	pl061_request(test, 1, GPIO_ACTIVE_HIGH, GPIOD_OUT_LOW);
	pl061_request_irq(test, 2, IRQF_TRIGGER_RISING, &rise);
	pl061_request_irq(test, 3, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING, &both);
	pl061_drive(4, true);
	pl061_request_irq(test, 4, IRQF_TRIGGER_LOW, &low);
	low.quiet = true;
	low.inactive_level = true;
	saved = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, saved.dir, 0x03);
	KUNIT_EXPECT_EQ(test, saved.data & saved.dir, 0x01);
	KUNIT_EXPECT_EQ(test, saved.is, BIT(4));
	KUNIT_EXPECT_EQ(test, saved.ibe, BIT(3));
	KUNIT_EXPECT_EQ(test, saved.iev, BIT(2));
	KUNIT_EXPECT_EQ(test, saved.ie, BIT(2) | BIT(3) | BIT(4));

	pm = pl->pdev->dev.driver->pm;
	KUNIT_ASSERT_NOT_NULL(test, pm);
	stops = gpioclx_call_count(pl->ctrl, GPIOCLX_CB_STOP);
	starts = gpioclx_call_count(pl->ctrl, GPIOCLX_CB_START);
	KUNIT_ASSERT_EQ(test, pm->suspend_late(&pl->pdev->dev), 0);
	KUNIT_EXPECT_TRUE(test, pl->ctrl->suspended);
	KUNIT_EXPECT_EQ(test, gpioclx_call_count(pl->ctrl, GPIOCLX_CB_STOP), stops + 1);

	/* power is lost: every register comes back different */
	raw_spin_lock_irqsave(&pl->lock, flags);
	pl->model.dir = ~saved.dir;
	pl->model.data = ~saved.data;
	pl->model.is = ~saved.is;
	pl->model.ibe = ~saved.ibe;
	pl->model.iev = ~saved.iev;
	pl->model.ie = 0;
	pl->model.afsel = 0xff;
	raw_spin_unlock_irqrestore(&pl->lock, flags);

	KUNIT_ASSERT_EQ(test, pm->resume_early(&pl->pdev->dev), 0);
	KUNIT_EXPECT_FALSE(test, pl->ctrl->suspended);
	KUNIT_EXPECT_EQ(test, gpioclx_call_count(pl->ctrl, GPIOCLX_CB_START), starts + 1);
	/* no bank power management on the PL061 */
	KUNIT_EXPECT_EQ(test, gpioclx_call_count(pl->ctrl, GPIOCLX_CB_SAVE_BANK), 0);
	m = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, m.dir, saved.dir);
	KUNIT_EXPECT_EQ(test, m.data & m.dir, saved.data & saved.dir);
	KUNIT_EXPECT_EQ(test, m.is, saved.is);
	KUNIT_EXPECT_EQ(test, m.ibe, saved.ibe);
	KUNIT_EXPECT_EQ(test, m.iev, saved.iev);
	KUNIT_EXPECT_EQ(test, m.ie, saved.ie);
	KUNIT_EXPECT_EQ(test, m.afsel, 0);
	KUNIT_EXPECT_EQ(test, pl->ctrl->banks[0].irq_enabled, (u64)m.ie);

	/* and the lines work as before */
	KUNIT_EXPECT_EQ(test, gpiod_get_value(high), 1);
	pl061_drive(2, true);
	pl061_drive(3, true);
	pl061_deliver(10);
	pl061_drive(3, false);
	pl061_drive(4, false);
	pl061_deliver(10);
	KUNIT_EXPECT_EQ(test, atomic_read(&rise.count), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&both.count), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&low.count), 1);
}

static void pl061_is_a_pl022(struct pl061_model *m)
{
	m->periph_id[0] = 0x22;
}

static void pl061_wrong_id_fails_cleanly(struct kunit *test)
{
	struct resource *busy;
	struct pl061_model m;
	int ret;

	/* a PL022 (PeriphID0 0x22) where firmware described a PL061 */
	KUNIT_EXPECT_EQ(test, pl061_create(test, pl061_is_a_pl022), -ENODEV);
	KUNIT_EXPECT_NULL(test, pl->pdev->dev.driver);
	KUNIT_EXPECT_NULL(test, dev_get_drvdata(&pl->pdev->dev));
	/* only identification registers were read; nothing was written */
	m = pl061_snapshot();
	KUNIT_EXPECT_GE(test, m.reads, 1);
	KUNIT_EXPECT_GE(test, m.last_offset, PL061_KUNIT_PERIPHID0);
	KUNIT_EXPECT_EQ(test, m.writes, 0);
	/* the memory region went back with the failed probe */
	busy = request_mem_region(pl->window.start, resource_size(&pl->window), "kunit");
	KUNIT_EXPECT_NOT_NULL(test, busy);
	if (busy)
		release_mem_region(pl->window.start, resource_size(&pl->window));
	/*
	 * And the window is unmapped: removing the model while mapped WARNs,
	 * which the runner counts as a failure.
	 */
	pl061_teardown();

	/* the driver is unharmed: a real PL061 binds */
	ret = pl061_create(test, NULL);
	KUNIT_EXPECT_EQ(test, ret, 0);
}

static void pl061_unbind_with_line_held(struct kunit *test)
{
	struct platform_device *consumer;
	struct gpiod_lookup_table *table;
	struct pl061_irq_probe probe = {};
	struct pl061_model before, m;
	struct resource *busy;
	struct gpio_desc *desc;

	pl061_start(test);
	/* a driver holding an output line, another line with its interrupt on */
	consumer = platform_device_register_simple("gpioclx-pl061-consumer",
						   PLATFORM_DEVID_AUTO, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(consumer));
	table = kunit_kzalloc(test, struct_size(table, table, 2), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, table);
	table->dev_id = dev_name(&consumer->dev);
	table->table[0] = (struct gpiod_lookup)GPIO_LOOKUP(pl->gc->label, 6, "held",
							    GPIO_ACTIVE_HIGH);
	gpiod_add_lookup_table(table);
	desc = gpiod_get(&consumer->dev, "held", GPIOD_OUT_HIGH);
	KUNIT_ASSERT_FALSE(test, IS_ERR(desc));
	KUNIT_EXPECT_EQ(test, pl061_snapshot().dir, BIT(6));
	pl061_request_irq(test, 2, IRQF_TRIGGER_RISING, &probe);
	pl061_free_irq(2);
	pl061_release(2);

	device_release_driver(&pl->pdev->dev);
	pl->ctrl = NULL;
	pl->gc = NULL;
	/* the held output keeps driving, as at release; every interrupt is off */
	before = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, before.dir, BIT(6));
	KUNIT_EXPECT_EQ(test, before.ie, 0);
	/* gpiolib answers for the orphaned descriptor without reaching the block */
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), GPIOCLX_ORPHAN_GET_VALUE);
	gpiod_put(desc);
	m = pl061_snapshot();
	KUNIT_EXPECT_EQ(test, m.reads, before.reads);
	KUNIT_EXPECT_EQ(test, m.writes, before.writes);
	gpiod_remove_lookup_table(table);
	platform_device_unregister(consumer);

	/* nothing stays claimed: the region is free and the device binds again */
	busy = request_mem_region(pl->window.start, resource_size(&pl->window), "kunit");
	KUNIT_EXPECT_NOT_NULL(test, busy);
	if (busy)
		release_mem_region(pl->window.start, resource_size(&pl->window));
	KUNIT_EXPECT_EQ(test, device_attach(&pl->pdev->dev), 1);
	KUNIT_EXPECT_NOT_NULL(test, dev_get_drvdata(&pl->pdev->dev));
}

static void pl061_test_exit(struct kunit *test)
{
	pl061_teardown();
}

static struct kunit_case pl061_cases[] = {
	KUNIT_CASE(pl061_binds_and_starts),
	KUNIT_CASE(pl061_direction),
	KUNIT_CASE(pl061_values),
	KUNIT_CASE(pl061_batches_are_one_access),
	KUNIT_CASE(pl061_refuses_pull_and_debounce),
	KUNIT_CASE_PARAM(pl061_trigger_types, pl061_trigger_gen_params),
	KUNIT_CASE(pl061_level_refires_while_asserted),
	KUNIT_CASE(pl061_masked_edge_fires_on_unmask),
	KUNIT_CASE(pl061_suspend_resume_restores_registers),
	KUNIT_CASE(pl061_wrong_id_fails_cleanly),
	KUNIT_CASE(pl061_unbind_with_line_held),
	{}
};

static struct kunit_suite pl061_suite = {
	.name = "gpioclx_pl061",
	.exit = pl061_test_exit,
	.test_cases = pl061_cases,
};
kunit_test_suite(pl061_suite);
