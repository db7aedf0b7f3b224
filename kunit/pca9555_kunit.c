// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pca9555_kunit.c - the PCA9555 client (drivers/pca9555, unmodified) under
 * the real shim, on a KUnit i2c_adapter whose device is the PCA9555
 * register model (models/i2c_bus.c), through gpiolib's consumer API: what
 * binding reads and writes, a sleeping gpio_chip, batches as single bus
 * transactions, reads as one write-then-read transfer with a repeated
 * start, emulated edge interrupts through the threaded parent and nested
 * handlers, unbinding that writes nothing, and the same client on an
 * adapter that only speaks SMBus.
 */
#include <kunit/test.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/interrupt.h>
#include <linux/slab.h>

#include "gpioclx_internal.h"
#include "models/i2c_bus.h"

struct pca_irq_probe {
	atomic_t count;
};

struct pca_kunit {
	struct kbus *bus;
	struct gpioclx_controller *ctrl;
	struct gpio_chip *gc;
	struct gpio_desc *descs[PCA9555_NR_PINS];
	int irqs[PCA9555_NR_PINS];
	struct pca_irq_probe probes[PCA9555_NR_PINS];
};

static struct pca_kunit *pk;

static struct gpio_chip *pca_start(struct kunit *test, bool smbus_only, bool with_irq)
{
	struct i2c_client *client;

	pk = kzalloc(sizeof(*pk), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pk);
	pk->bus = kbus_create(smbus_only);
	KUNIT_ASSERT_NOT_NULL_MSG(test, pk->bus, "the KUnit I2C bus");
	client = kbus_add_device(pk->bus, "pca9555", with_irq);
	KUNIT_ASSERT_FALSE(test, IS_ERR(client));
	KUNIT_ASSERT_NOT_NULL_MSG(test, client->dev.driver, "gpioclx-pca9555 did not bind");
	KUNIT_ASSERT_STREQ(test, client->dev.driver->name, "gpioclx-pca9555");
	pk->ctrl = dev_get_drvdata(&client->dev);
	KUNIT_ASSERT_NOT_NULL(test, pk->ctrl);
	pk->gc = &pk->ctrl->gc;
	return pk->gc;
}

static void pca_test_exit(struct kunit *test)
{
	unsigned int pin;

	if (!pk)
		return;
	for (pin = 0; pin < PCA9555_NR_PINS; pin++) {
		if (pk->irqs[pin] > 0)
			free_irq(pk->irqs[pin], &pk->probes[pin]);
		if (pk->descs[pin])
			gpiochip_free_own_desc(pk->descs[pin]);
	}
	kbus_destroy(pk->bus);
	kfree(pk);
	pk = NULL;
}

static struct gpio_desc *pca_request(struct kunit *test, unsigned int pin,
				     enum gpiod_flags dflags)
{
	struct gpio_desc *desc;

	desc = gpiochip_request_own_desc(pk->gc, pin, "kunit", GPIO_ACTIVE_HIGH, dflags);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(desc), "request line %u: %ld", pin, PTR_ERR(desc));
	pk->descs[pin] = desc;
	return desc;
}

static u16 pca_pair(const u8 *regs)
{
	return regs[0] | regs[1] << 8;
}

static void pca_binds(struct kunit *test)
{
	struct pca9555_model m;
	unsigned int i, conns = 0;

	pca_start(test, false, true);
	KUNIT_EXPECT_EQ(test, pk->gc->ngpio, 16);
	KUNIT_EXPECT_TRUE(test, pk->gc->can_sleep);		/* serially connected */
	KUNIT_EXPECT_FALSE(test, pk->ctrl->mm);
	KUNIT_EXPECT_EQ(test, pk->ctrl->nbanks, 1);
	KUNIT_EXPECT_EQ(test, pk->ctrl->banks[0].parent_irq, pk->bus->virq);
	for (i = 0; i < pk->ctrl->translated.count; i++) {
		PCM_PARTIAL_RESOURCE_DESCRIPTOR d = &pk->ctrl->translated.descs[i];

		if (d->Type != CmResourceTypeConnection)
			continue;
		conns++;
		KUNIT_EXPECT_EQ(test, d->u.Connection.Class, CM_RESOURCE_CONNECTION_CLASS_SERIAL);
		KUNIT_EXPECT_EQ(test, d->u.Connection.Type, CM_RESOURCE_CONNECTION_TYPE_SERIAL_I2C);
	}
	KUNIT_EXPECT_EQ(test, conns, 1);

	/* as gpio-pca953x: polarity cleared, directions and outputs kept */
	m = kbus_snapshot(pk->bus);
	KUNIT_EXPECT_EQ(test, m.reg_writes[PCA9555_REG_POLARITY], 1);
	KUNIT_EXPECT_EQ(test, m.reg_writes[PCA9555_REG_POLARITY + 1], 1);
	for (i = PCA9555_REG_OUTPUT; i < PCA9555_REG_OUTPUT + 2; i++)
		KUNIT_EXPECT_EQ(test, m.reg_writes[i], 0);
	for (i = PCA9555_REG_CONFIG; i < PCA9555_REG_CONFIG + 2; i++)
		KUNIT_EXPECT_EQ(test, m.reg_writes[i], 0);
	KUNIT_EXPECT_EQ(test, pca_pair(m.config), 0xffff);
	KUNIT_EXPECT_FALSE(test, pca9555_model_int(&m));
}

/* Firmware left pins 8-11 driving 1010 before the driver binds. */
static void pca_keeps_firmware_state(struct kunit *test)
{
	struct kbus *bus = kbus_create(false);
	struct i2c_client *client;
	struct pca9555_model m;

	KUNIT_ASSERT_NOT_NULL(test, bus);
	pk = kzalloc(sizeof(*pk), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pk);
	pk->bus = bus;
	mutex_lock(&bus->lock);
	bus->model.config[1] = 0xf0;
	bus->model.output[1] = 0xfa;
	mutex_unlock(&bus->lock);
	client = kbus_add_device(bus, "pca9535", true);
	KUNIT_ASSERT_FALSE(test, IS_ERR(client));
	KUNIT_ASSERT_NOT_NULL(test, client->dev.driver);
	m = kbus_snapshot(bus);
	KUNIT_EXPECT_EQ(test, m.config[1], 0xf0);
	KUNIT_EXPECT_EQ(test, m.output[1], 0xfa);
	KUNIT_EXPECT_EQ(test, m.reg_writes[PCA9555_REG_CONFIG + 1], 0);
}

static void pca_outputs(struct kunit *test)
{
	struct gpio_desc *d3, *d12;
	unsigned int before;
	struct kbus_xfer x;
	struct pca9555_model m;

	pca_start(test, false, true);
	d3 = pca_request(test, 3, GPIOD_OUT_LOW);
	d12 = pca_request(test, 12, GPIOD_OUT_HIGH);
	m = kbus_snapshot(pk->bus);
	KUNIT_EXPECT_EQ(test, pca_pair(m.config), 0xffff & ~(BIT(3) | BIT(12)));
	KUNIT_EXPECT_FALSE(test, pca9555_model_level(&m, 3));
	KUNIT_EXPECT_TRUE(test, pca9555_model_level(&m, 12));

	/* one pin of port 0: one transfer, one message, command byte 2 and one data byte */
	before = kbus_xfers(pk->bus);
	gpiod_set_value_cansleep(d3, 1);
	KUNIT_EXPECT_EQ(test, kbus_xfers(pk->bus) - before, 1);
	x = kbus_xfer(pk->bus, before);
	KUNIT_EXPECT_EQ(test, x.nmsgs, 1);
	KUNIT_EXPECT_EQ(test, x.len[0], 2);
	KUNIT_EXPECT_EQ(test, x.first[0], PCA9555_REG_OUTPUT);
	KUNIT_EXPECT_TRUE(test, pca9555_model_level(&pk->bus->model, 3));

	/* the same level again: nothing on the bus */
	before = kbus_xfers(pk->bus);
	gpiod_set_value_cansleep(d3, 1);
	KUNIT_EXPECT_EQ(test, kbus_xfers(pk->bus) - before, 0);

	/* port 1 alone: command byte 3 */
	before = kbus_xfers(pk->bus);
	gpiod_set_value_cansleep(d12, 0);
	x = kbus_xfer(pk->bus, before);
	KUNIT_EXPECT_EQ(test, kbus_xfers(pk->bus) - before, 1);
	KUNIT_EXPECT_EQ(test, x.first[0], PCA9555_REG_OUTPUT + 1);
	KUNIT_EXPECT_FALSE(test, pca9555_model_level(&pk->bus->model, 12));
}

static void pca_batch_is_one_transaction(struct kunit *test)
{
	struct gpio_desc *descs[16];
	struct gpio_descs array = { .ndescs = 16 };
	struct gpio_descs *arr;
	unsigned long values = 0xa55a, got = 0;
	unsigned int pin, before;
	struct kbus_xfer x;

	pca_start(test, false, true);
	for (pin = 0; pin < 16; pin++)
		descs[pin] = pca_request(test, pin, GPIOD_OUT_LOW);
	arr = kzalloc(struct_size(arr, desc, 16), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, arr);
	arr->ndescs = array.ndescs;
	memcpy(arr->desc, descs, sizeof(descs));

	before = kbus_xfers(pk->bus);
	KUNIT_EXPECT_EQ(test, gpiod_set_array_value_cansleep(16, arr->desc, NULL, &values), 0);
	KUNIT_EXPECT_EQ(test, kbus_xfers(pk->bus) - before, 1);
	x = kbus_xfer(pk->bus, before);
	KUNIT_EXPECT_EQ(test, x.nmsgs, 1);
	KUNIT_EXPECT_EQ(test, x.len[0], 3);	/* command, port 0, port 1 */
	KUNIT_EXPECT_EQ(test, pca_pair(kbus_snapshot(pk->bus).output), 0xa55a);

	/* reading all 16: one transfer of two messages, joined by a repeated start */
	before = kbus_xfers(pk->bus);
	KUNIT_EXPECT_EQ(test, gpiod_get_array_value_cansleep(16, arr->desc, NULL, &got), 0);
	KUNIT_EXPECT_EQ(test, got, 0xa55a);
	KUNIT_EXPECT_EQ(test, kbus_xfers(pk->bus) - before, 1);
	x = kbus_xfer(pk->bus, before);
	KUNIT_EXPECT_EQ(test, x.nmsgs, 2);
	KUNIT_EXPECT_EQ(test, x.flags[0] & I2C_M_RD, 0);
	KUNIT_EXPECT_EQ(test, x.len[0], 1);
	KUNIT_EXPECT_EQ(test, x.first[0], PCA9555_REG_INPUT);
	KUNIT_EXPECT_EQ(test, x.flags[1] & I2C_M_RD, I2C_M_RD);
	KUNIT_EXPECT_EQ(test, x.len[1], 2);
	kfree(arr);
}

/*
 * What gpioset does twice in a row (scenario s7): all 16 lines as outputs
 * with one pattern, released (they keep driving), then requested again as
 * outputs with the complement.
 */
static void pca_outputs_again(struct kunit *test)
{
	unsigned int pin, round;
	u16 pattern;

	pca_start(test, false, true);
	for (round = 0; round < 2; round++) {
		pattern = round ? 0xaaaa : 0x5555;
		for (pin = 0; pin < 16; pin++)
			pca_request(test, pin, pattern & BIT(pin) ? GPIOD_OUT_HIGH : GPIOD_OUT_LOW);
		KUNIT_EXPECT_EQ(test, pca_pair(kbus_snapshot(pk->bus).output), pattern);
		KUNIT_EXPECT_EQ(test, pca_pair(kbus_snapshot(pk->bus).config), 0);
		for (pin = 0; pin < 16; pin++) {
			KUNIT_EXPECT_EQ(test, gpiod_get_direction(pk->descs[pin]),
					GPIO_LINE_DIRECTION_OUT);
			KUNIT_EXPECT_EQ(test, gpiod_get_value_cansleep(pk->descs[pin]),
					!!(pattern & BIT(pin)));
			gpiochip_free_own_desc(pk->descs[pin]);
			pk->descs[pin] = NULL;
		}
	}
}

static void pca_inputs(struct kunit *test)
{
	struct gpio_desc *d;

	pca_start(test, false, true);
	d = pca_request(test, 9, GPIOD_IN);
	KUNIT_EXPECT_EQ(test, gpiod_get_value_cansleep(d), 1);	/* the pull-up */
	kbus_drive(pk->bus, 9, PCA9555_DRIVE_LOW);
	KUNIT_EXPECT_EQ(test, gpiod_get_value_cansleep(d), 0);
	kbus_drive(pk->bus, 9, PCA9555_DRIVE_HIGH);
	KUNIT_EXPECT_EQ(test, gpiod_get_value_cansleep(d), 1);
	/* pulls are not the chip's: the shim connects without, as gpio-pca953x refuses them */
	KUNIT_EXPECT_NE(test, gpiod_set_config(d, PIN_CONF_PACKED(PIN_CONFIG_BIAS_PULL_UP, 1)), 0);
	/* nor is debounce: -ENOTSUPP, as gpio-pca953x answers, so gpiolib may do it */
	KUNIT_EXPECT_EQ(test, gpiod_set_debounce(d, 1000), -ENOTSUPP);
	KUNIT_EXPECT_EQ(test, gpiod_get_value_cansleep(d), 1);
}

static irqreturn_t pca_irq_handler(int irq, void *data)
{
	struct pca_irq_probe *probe = data;

	might_sleep();		/* a nested handler runs in the parent's thread */
	atomic_inc(&probe->count);
	return IRQ_HANDLED;
}

static int pca_request_irq(struct kunit *test, unsigned int pin, unsigned long flags)
{
	struct gpio_desc *desc = pca_request(test, pin, GPIOD_IN);
	int irq = gpiod_to_irq(desc);

	KUNIT_ASSERT_GT(test, irq, 0);
	atomic_set(&pk->probes[pin].count, 0);
	KUNIT_ASSERT_EQ(test, request_threaded_irq(irq, NULL, pca_irq_handler,
						   flags | IRQF_ONESHOT, "kunit",
						   &pk->probes[pin]), 0);
	pk->irqs[pin] = irq;
	return irq;
}

static void pca_irq_edges(struct kunit *test)
{
	pca_start(test, false, true);
	pca_request_irq(test, 2, IRQF_TRIGGER_FALLING);
	pca_request_irq(test, 10, IRQF_TRIGGER_RISING);
	pca_request_irq(test, 15, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING);

	kbus_drive(pk->bus, 2, PCA9555_DRIVE_LOW);		/* falling: counted */
	KUNIT_EXPECT_EQ(test, atomic_read(&pk->probes[2].count), 1);
	kbus_drive(pk->bus, 2, PCA9555_DRIVE_HIGH);		/* rising: not asked for */
	KUNIT_EXPECT_EQ(test, atomic_read(&pk->probes[2].count), 1);

	kbus_drive(pk->bus, 10, PCA9555_DRIVE_LOW);
	KUNIT_EXPECT_EQ(test, atomic_read(&pk->probes[10].count), 0);
	kbus_drive(pk->bus, 10, PCA9555_DRIVE_NONE);		/* back up: rising */
	KUNIT_EXPECT_EQ(test, atomic_read(&pk->probes[10].count), 1);

	kbus_drive(pk->bus, 15, PCA9555_DRIVE_LOW);
	kbus_drive(pk->bus, 15, PCA9555_DRIVE_HIGH);
	KUNIT_EXPECT_EQ(test, atomic_read(&pk->probes[15].count), 2);
	/* the other pins saw nothing, and INT was released each time */
	KUNIT_EXPECT_EQ(test, atomic_read(&pk->probes[2].count), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&pk->probes[10].count), 1);
	KUNIT_EXPECT_FALSE(test, pca9555_model_int(&pk->bus->model));
}

/*
 * A change while the line's irq is disabled (lazily: the client's interrupt
 * stays enabled) is replayed at most once at enable_irq(); the next edge
 * after that is seen.
 */
static void pca_irq_disable_enable(struct kunit *test)
{
	int irq;

	pca_start(test, false, true);
	irq = pca_request_irq(test, 4, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING);
	disable_irq(irq);
	kbus_drive(pk->bus, 4, PCA9555_DRIVE_LOW);
	enable_irq(irq);
	kbus_deliver(pk->bus, 2);
	KUNIT_EXPECT_LE(test, atomic_read(&pk->probes[4].count), 1);
	atomic_set(&pk->probes[4].count, 0);
	kbus_drive(pk->bus, 4, PCA9555_DRIVE_HIGH);
	KUNIT_EXPECT_EQ(test, atomic_read(&pk->probes[4].count), 1);
}

/*
 * A level trigger: the client refuses it in EnableInterrupt. For a serial
 * controller that call runs at irq_bus_sync_unlock(), after the irq core
 * has accepted the type, so request_irq() may succeed; either way the
 * refusal is counted and no handler runs for the level.
 */
static void pca_irq_level_refused(struct kunit *test)
{
	struct gpio_desc *desc;
	int irq, ret;

	pca_start(test, false, true);
	desc = pca_request(test, 6, GPIOD_IN);
	irq = gpiod_to_irq(desc);
	KUNIT_ASSERT_GT(test, irq, 0);
	atomic_set(&pk->probes[6].count, 0);
	ret = request_threaded_irq(irq, NULL, pca_irq_handler, IRQF_TRIGGER_LOW | IRQF_ONESHOT,
				   "kunit", &pk->probes[6]);
	if (!ret)
		pk->irqs[6] = irq;
	KUNIT_EXPECT_GE(test, gpioclx_failure_count(pk->ctrl, GPIOCLX_CB_ENABLE_INTERRUPT), 1);
	kbus_drive(pk->bus, 6, PCA9555_DRIVE_LOW);
	KUNIT_EXPECT_EQ(test, atomic_read(&pk->probes[6].count), 0);
	KUNIT_EXPECT_EQ(test, pk->ctrl->banks[0].irq_enabled & BIT(6), 0);
}

/*
 * INT is level-low and stays asserted until the input port is read. With
 * no interrupt enabled the client must still be asked to look (and so
 * read), or a level-triggered parent would fire for ever, as gpio-pca953x
 * avoids by reading the port on every interrupt.
 */
static void pca_irq_acked_with_nothing_enabled(struct kunit *test)
{
	struct gpio_desc *d;

	pca_start(test, false, true);
	d = pca_request(test, 7, GPIOD_IN);
	mutex_lock(&pk->bus->lock);
	pca9555_model_drive(&pk->bus->model, 7, PCA9555_DRIVE_LOW);
	mutex_unlock(&pk->bus->lock);
	KUNIT_EXPECT_TRUE(test, pca9555_model_int(&pk->bus->model));
	KUNIT_EXPECT_EQ(test, kbus_deliver(pk->bus, 5), 1);
	KUNIT_EXPECT_FALSE(test, pca9555_model_int(&pk->bus->model));
	KUNIT_EXPECT_EQ(test, gpiod_get_value_cansleep(d), 0);
}

static void pca_unbind_writes_nothing(struct kunit *test)
{
	struct pca9555_model before, after;
	struct gpio_desc *d;
	unsigned int i;

	pca_start(test, false, true);
	d = pca_request(test, 1, GPIOD_OUT_HIGH);
	gpiochip_free_own_desc(d);
	pk->descs[1] = NULL;
	before = kbus_snapshot(pk->bus);
	i2c_unregister_device(pk->bus->client);
	pk->bus->client = NULL;
	after = kbus_snapshot(pk->bus);
	for (i = 0; i < PCA9555_NR_REGS; i++)
		KUNIT_EXPECT_EQ_MSG(test, after.reg_writes[i], before.reg_writes[i], "reg %u", i);
	/* the released output keeps driving, as gpio-pca953x leaves it */
	KUNIT_EXPECT_EQ(test, after.config[0] & BIT(1), 0);
}

/* On an adapter without I2C_FUNC_I2C the same client works through SMBus calls. */
static void pca_smbus_adapter(struct kunit *test)
{
	struct gpio_desc *out, *in;
	unsigned int before;
	struct kbus_xfer x;

	pca_start(test, true, true);
	out = pca_request(test, 0, GPIOD_OUT_LOW);
	in = pca_request(test, 13, GPIOD_IN);
	before = kbus_xfers(pk->bus);
	gpiod_set_value_cansleep(out, 1);
	x = kbus_xfer(pk->bus, before);
	KUNIT_EXPECT_TRUE(test, x.smbus);
	KUNIT_EXPECT_EQ(test, x.smbus_size, I2C_SMBUS_BYTE_DATA);
	KUNIT_EXPECT_EQ(test, x.smbus_rw, I2C_SMBUS_WRITE);
	KUNIT_EXPECT_TRUE(test, pca9555_model_level(&pk->bus->model, 0));

	kbus_drive(pk->bus, 13, PCA9555_DRIVE_LOW);
	before = kbus_xfers(pk->bus);
	KUNIT_EXPECT_EQ(test, gpiod_get_value_cansleep(in), 0);
	x = kbus_xfer(pk->bus, before);
	KUNIT_EXPECT_TRUE(test, x.smbus);
	KUNIT_EXPECT_EQ(test, x.smbus_size, I2C_SMBUS_WORD_DATA);
	KUNIT_EXPECT_EQ(test, x.smbus_rw, I2C_SMBUS_READ);
	KUNIT_EXPECT_EQ(test, x.first[0], PCA9555_REG_INPUT);
}

static struct kunit_case pca_cases[] = {
	KUNIT_CASE(pca_binds),
	KUNIT_CASE(pca_keeps_firmware_state),
	KUNIT_CASE(pca_outputs),
	KUNIT_CASE(pca_batch_is_one_transaction),
	KUNIT_CASE(pca_outputs_again),
	KUNIT_CASE(pca_inputs),
	KUNIT_CASE(pca_irq_edges),
	KUNIT_CASE(pca_irq_disable_enable),
	KUNIT_CASE(pca_irq_level_refused),
	KUNIT_CASE(pca_irq_acked_with_nothing_enabled),
	KUNIT_CASE(pca_unbind_writes_nothing),
	KUNIT_CASE(pca_smbus_adapter),
	{}
};

static struct kunit_suite pca_suite = {
	.name = "gpioclx_pca9555",
	.exit = pca_test_exit,
	.test_cases = pca_cases,
};
kunit_test_suite(pca_suite);
