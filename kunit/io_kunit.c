// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * io_kunit.c - gpiolib line operations through the consumer API, and the
 * client calls they become: Connect/Disconnect sequences, modes, flags,
 * values, one Read/Write call per bank per batch in both request formats,
 * and the errno of every failing I/O callback.
 */
#include <kunit/test.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>

#include <linux/pinctrl/pinctrl.h>
#include <linux/pinctrl/pinmux.h>

#include "fake_client.h"

static void io_input_request_and_free(struct kunit *test)
{
	struct gpio_desc *desc;
	const struct fake_call *c;

	fake_start(test, NULL);
	fake_forget_calls();
	desc = fake_request(test, 3, GPIOD_IN);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test), "ConnectIoPins");
	c = fake_last(GPIOCLX_CB_CONNECT_IO);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->bank, 0);
	KUNIT_EXPECT_EQ(test, c->pins, BIT_ULL(3));
	KUNIT_EXPECT_EQ(test, c->mode, ConnectModeInput);
	KUNIT_EXPECT_EQ(test, c->pull, GPIO_PIN_PULL_CONFIGURATION_DEFAULT);
	KUNIT_EXPECT_EQ(test, c->flags, 0);
	KUNIT_EXPECT_EQ(test, gpiod_get_direction(desc), GPIO_LINE_DIRECTION_IN);

	fake_forget_calls();
	fake_release(desc);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test), "DisconnectIoPins");
	c = fake_last(GPIOCLX_CB_DISCONNECT_IO);
	KUNIT_EXPECT_EQ(test, c->mode, ConnectModeInput);
	KUNIT_EXPECT_EQ(test, c->flags, 0);	/* PreserveConfiguration = 0 */
	KUNIT_EXPECT_EQ(test, fake->banks[0].connected, 0);
}

static void io_output_request_is_glitch_free(struct kunit *test)
{
	struct gpio_desc *desc;
	const struct fake_call *c;

	fake_start(test, NULL);
	fake_forget_calls();
	desc = fake_request(test, 32 + 7, GPIOD_OUT_HIGH);	/* bank 1, pin 7 */
	/* the latch is loaded before the pin becomes an output, and after */
	KUNIT_EXPECT_STREQ(test, fake_sequence(test), "WriteGpioPins,ConnectIoPins,WriteGpioPins");
	c = fake_nth(GPIOCLX_CB_WRITE, 0);
	KUNIT_EXPECT_EQ(test, c->bank, 1);
	KUNIT_EXPECT_EQ(test, c->set, BIT_ULL(7));
	KUNIT_EXPECT_EQ(test, c->clear, 0);
	c = fake_last(GPIOCLX_CB_CONNECT_IO);
	KUNIT_EXPECT_EQ(test, c->mode, ConnectModeOutput);
	KUNIT_EXPECT_EQ(test, c->bank, 1);
	KUNIT_EXPECT_EQ(test, fake->banks[1].latch, BIT_ULL(7));
	KUNIT_EXPECT_EQ(test, gpiod_get_direction(desc), GPIO_LINE_DIRECTION_OUT);

	fake_forget_calls();
	fake_release(desc);
	c = fake_last(GPIOCLX_CB_DISCONNECT_IO);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->mode, ConnectModeOutput);	/* the mode it was connected in */
}

static void io_direction_changes_reconnect(struct kunit *test)
{
	struct gpio_desc *desc;
	const struct fake_call *c;

	fake_start(test, NULL);
	desc = fake_request(test, 9, GPIOD_IN);
	fake_forget_calls();
	KUNIT_EXPECT_EQ(test, gpiod_direction_output(desc, 0), 0);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test),
			   "WriteGpioPins,DisconnectIoPins,ConnectIoPins,WriteGpioPins");
	c = fake_last(GPIOCLX_CB_DISCONNECT_IO);
	KUNIT_EXPECT_EQ(test, c->mode, ConnectModeInput);
	KUNIT_EXPECT_EQ(test, c->flags, 1);	/* PreserveConfiguration */
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->mode, ConnectModeOutput);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_WRITE)->clear, BIT_ULL(9));

	fake_forget_calls();
	KUNIT_EXPECT_EQ(test, gpiod_direction_output(desc, 1), 0);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test), "WriteGpioPins");	/* already output */

	fake_forget_calls();
	KUNIT_EXPECT_EQ(test, gpiod_direction_input(desc), 0);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test), "DisconnectIoPins,ConnectIoPins");
	c = fake_last(GPIOCLX_CB_DISCONNECT_IO);
	KUNIT_EXPECT_EQ(test, c->mode, ConnectModeOutput);
	KUNIT_EXPECT_EQ(test, c->flags, 1);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->mode, ConnectModeInput);
	fake_release(desc);
}

static void io_double_request_and_invalid_offsets(struct kunit *test)
{
	struct fake_cfg cfg = { .banks = 2, .ppb = 8, .total_pins = 12 };
	struct gpio_desc *desc, *again;

	fake_start(test, &cfg);
	desc = fake_request(test, 1, GPIOD_IN);
	again = gpiochip_request_own_desc(fake->gc, 1, "again", GPIO_ACTIVE_HIGH, GPIOD_IN);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(again), -EBUSY);
	/* past the chip */
	again = gpiochip_request_own_desc(fake->gc, 16, "past", GPIO_ACTIVE_HIGH, GPIOD_IN);
	KUNIT_EXPECT_TRUE(test, IS_ERR(again));
	/* in the chip, but past TotalPins (the short last bank) */
	fake_forget_calls();
	again = gpiochip_request_own_desc(fake->gc, 13, "hole", GPIO_ACTIVE_HIGH, GPIOD_IN);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(again), -EINVAL);
	KUNIT_EXPECT_EQ(test, fake->ncall, 0);
	fake_release(desc);
}

static void io_get_and_set_values(struct kunit *test)
{
	struct gpio_desc *in, *out;
	const struct fake_call *c;

	fake_start(test, NULL);
	in = fake_request(test, 34, GPIOD_IN);
	out = fake_request(test, 5, GPIOD_OUT_LOW);
	fake_drive(1, 2, true);
	fake_forget_calls();
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 1);
	c = fake_last(GPIOCLX_CB_READ);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->bank, 1);
	KUNIT_EXPECT_EQ(test, c->flags, 0);	/* an input: WriteConfiguredPins = 0 */
	KUNIT_EXPECT_TRUE(test, c->irqs_off);	/* memory-mapped: under the bank lock */
	fake_drive(1, 2, false);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 0);

	gpiod_set_value(out, 1);
	c = fake_last(GPIOCLX_CB_WRITE);
	KUNIT_EXPECT_EQ(test, c->set, BIT_ULL(5));
	KUNIT_EXPECT_EQ(test, c->clear, 0);
	KUNIT_EXPECT_TRUE(test, c->irqs_off);
	KUNIT_EXPECT_EQ(test, fake->banks[0].latch, BIT_ULL(5));
	/* reading an output asks for what it drives */
	KUNIT_EXPECT_EQ(test, gpiod_get_value(out), 1);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_READ)->flags, 1);
	gpiod_set_value(out, 0);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_WRITE)->clear, BIT_ULL(5));
	KUNIT_EXPECT_EQ(test, gpiod_get_value(out), 0);
	fake_release(in);
	fake_release(out);
}

/* Request @n lines from @first as outputs; an array for the _array_ API. */
static struct gpio_desc **io_request_many(struct kunit *test, unsigned int first,
					  unsigned int n, unsigned int stride)
{
	struct gpio_desc **descs = kunit_kcalloc(test, n, sizeof(*descs), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, descs);
	for (i = 0; i < n; i++)
		descs[i] = fake_request(test, first + i * stride, GPIOD_OUT_LOW);
	return descs;
}

static void io_release_many(struct gpio_desc **descs, unsigned int n)
{
	while (n--)
		fake_release(descs[n]);
}

struct batch_case {
	const char *name;
	unsigned int ppb, first, n, stride, banks_touched;
	bool table_format;
};

static const struct batch_case batch_cases[] = {
	{ "32 lines of one bank, masks", 32, 0, 32, 1, 1, false },
	{ "32 lines of one bank, pin tables", 32, 0, 32, 1, 1, true },
	{ "64-pin bank, bits 0..63", 64, 0, 64, 1, 1, false },
	{ "lines across 2 banks", 32, 30, 4, 1, 2, false },
	{ "one line in each of 4 banks", 32, 3, 4, 32, 4, false },
	{ "1-pin banks, 5 lines", 1, 0, 5, 1, 5, true },
};

static void batch_case_desc(const struct batch_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}
KUNIT_ARRAY_PARAM(batch, batch_cases, batch_case_desc);

static void io_batches_cost_one_call_per_bank(struct kunit *test)
{
	const struct batch_case *c = test->param_value;
	struct fake_cfg cfg = { .banks = 4, .ppb = c->ppb, .nirqs = 4,
				.table_format = c->table_format };
	DECLARE_BITMAP(values, 64);
	struct gpio_desc **descs;
	unsigned int i, b;
	u64 expect[FAKE_MAX_BANKS] = {};

	if (c->ppb == 1)
		cfg.banks = 8;
	fake_start(test, &cfg);
	descs = io_request_many(test, c->first, c->n, c->stride);

	/* alternate 1,0,1,0...: set and clear masks both non-empty */
	bitmap_zero(values, 64);
	for (i = 0; i < c->n; i += 2)
		__set_bit(i, values);
	fake_forget_calls();
	KUNIT_ASSERT_EQ(test, gpiod_set_array_value(c->n, descs, NULL, values), 0);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_WRITE), c->banks_touched);
	for (i = 0; i < c->n; i++) {
		unsigned int off = c->first + i * c->stride;

		if (i % 2 == 0)
			expect[off / c->ppb] |= BIT_ULL(off % c->ppb);
	}
	for (b = 0; b < cfg.banks; b++)
		KUNIT_EXPECT_EQ_MSG(test, fake->banks[b].latch, expect[b], "bank %u", b);

	/* read back with one call per bank too */
	fake_forget_calls();
	bitmap_zero(values, 64);
	KUNIT_ASSERT_EQ(test, gpiod_get_array_value(c->n, descs, NULL, values), 0);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_READ), c->banks_touched);
	for (i = 0; i < c->n; i++)
		KUNIT_EXPECT_EQ_MSG(test, test_bit(i, values), i % 2 == 0, "line %u", i);
	io_release_many(descs, c->n);
}

static void io_table_format_names_pins(struct kunit *test)
{
	struct fake_cfg cfg = { .table_format = true };
	struct gpio_desc *desc;
	const struct fake_call *c;

	fake_start(test, &cfg);
	desc = fake_request(test, 32 + 17, GPIOD_OUT_HIGH);
	c = fake_last(GPIOCLX_CB_WRITE);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->bank, 1);
	KUNIT_EXPECT_EQ(test, c->pins, BIT_ULL(17));	/* PinNumberTable = { 17 } */
	KUNIT_EXPECT_EQ(test, c->set, BIT_ULL(17));
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 1);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_READ)->pins, BIT_ULL(17));
	fake_release(desc);
}

/*
 * Line offsets map to (bank, pin) with a shift when banks are a power of
 * two wide and by division otherwise: both, in both I/O formats.
 */
static void io_offsets_name_bank_and_pin(struct kunit *test)
{
	static const struct { unsigned int ppb; bool table; } g[] = {
		{ 8, false }, { 12, false }, { 12, true }, { 32, true },
	};
	struct gpio_desc *desc;
	const struct fake_call *c;
	unsigned int i, offset;

	for (i = 0; i < ARRAY_SIZE(g); i++) {
		struct fake_cfg cfg = { .banks = 3, .ppb = g[i].ppb, .total_pins = 3 * g[i].ppb,
					.table_format = g[i].table };

		fake_start(test, &cfg);
		offset = 2 * g[i].ppb + 3;	/* bank 2, pin 3 */
		desc = fake_request(test, offset, GPIOD_OUT_HIGH);
		fake_forget_calls();
		gpiod_set_value(desc, 0);
		c = fake_last(GPIOCLX_CB_WRITE);
		KUNIT_ASSERT_NOT_NULL(test, c);
		KUNIT_EXPECT_EQ_MSG(test, c->bank, 2, "ppb %u", g[i].ppb);
		KUNIT_EXPECT_EQ_MSG(test, c->clear, BIT_ULL(3), "ppb %u", g[i].ppb);
		KUNIT_EXPECT_EQ(test, fake->banks[2].latch, 0);
		gpiod_set_value(desc, 1);
		KUNIT_EXPECT_EQ(test, fake->banks[2].latch, BIT_ULL(3));
		KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 1);
		c = fake_last(GPIOCLX_CB_READ);
		KUNIT_ASSERT_NOT_NULL(test, c);
		KUNIT_EXPECT_EQ_MSG(test, c->bank, 2, "ppb %u", g[i].ppb);
		fake_release(desc);
		fake_teardown();
	}
}

struct failure_case {
	const char *name;
	enum gpioclx_cb cb;
	NTSTATUS status;
	int err;
};

static const struct failure_case failure_cases[] = {
	{ "Connect busy", GPIOCLX_CB_CONNECT_IO, STATUS_DEVICE_BUSY, -EBUSY },
	{ "Connect not supported", GPIOCLX_CB_CONNECT_IO, STATUS_NOT_SUPPORTED, -EOPNOTSUPP },
	{ "Connect bad parameter", GPIOCLX_CB_CONNECT_IO, STATUS_INVALID_PARAMETER, -EINVAL },
	{ "Connect unknown error", GPIOCLX_CB_CONNECT_IO, (NTSTATUS)0xC0001234, -EIO },
	{ "Read I/O error", GPIOCLX_CB_READ, STATUS_IO_DEVICE_ERROR, -EIO },
	{ "Read no memory", GPIOCLX_CB_READ, STATUS_INSUFFICIENT_RESOURCES, -ENOMEM },
	{ "Write denied", GPIOCLX_CB_WRITE, STATUS_GPIO_OPERATION_DENIED, -EPERM },
	{ "Disconnect fails", GPIOCLX_CB_DISCONNECT_IO, STATUS_UNSUCCESSFUL, -EIO },
};

static void failure_case_desc(const struct failure_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}
KUNIT_ARRAY_PARAM(failure, failure_cases, failure_case_desc);

static void io_failing_callbacks(struct kunit *test)
{
	const struct failure_case *c = test->param_value;
	struct gpio_desc *desc;

	fake_start(test, NULL);
	desc = fake_request(test, 4, GPIOD_ASIS);
	fake_fail(c->cb, 1, c->status);
	switch (c->cb) {
	case GPIOCLX_CB_CONNECT_IO:
		KUNIT_EXPECT_EQ(test, gpiod_direction_input(desc), c->err);
		/* nothing is half-connected */
		KUNIT_EXPECT_EQ(test, fake->ctrl->banks[0].conn_in | fake->ctrl->banks[0].conn_out, 0);
		KUNIT_EXPECT_EQ(test, fake->banks[0].connected, 0);
		/* and the next attempt works */
		KUNIT_EXPECT_EQ(test, gpiod_direction_input(desc), 0);
		break;
	case GPIOCLX_CB_READ:
		KUNIT_EXPECT_EQ(test, gpiod_direction_input(desc), 0);
		KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), c->err);
		KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 0);
		break;
	case GPIOCLX_CB_WRITE:
		KUNIT_EXPECT_EQ(test, gpiod_direction_output(desc, 0), 0);
		fake_fail(c->cb, 1, c->status);
		gpiod_set_value(desc, 1);	/* void in 6.1: logged */
		KUNIT_EXPECT_EQ(test, fake->banks[0].latch & BIT_ULL(4), 0);
		fake_fail(c->cb, 1, c->status);
		KUNIT_EXPECT_EQ(test, gpiod_direction_output(desc, 1), c->err);
		break;
	case GPIOCLX_CB_DISCONNECT_IO:
		KUNIT_EXPECT_EQ(test, gpiod_direction_input(desc), 0);
		fake_release(desc);
		/* logged; the line is free again and reconnects cleanly */
		KUNIT_EXPECT_EQ(test, fake->ctrl->banks[0].conn_in, 0);
		desc = fake_request(test, 4, GPIOD_IN);
		KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->mode, ConnectModeInput);
		break;
	default:
		KUNIT_FAIL(test, "no case for %s", gpioclx_cb_names[c->cb]);
	}
	KUNIT_EXPECT_GE(test, gpioclx_failure_count(fake->ctrl, c->cb), 1);
	fake_release(desc);
}

static void io_independent_io_hardware_skips_the_lock(struct kunit *test)
{
	struct fake_cfg cfg = {};
	struct gpio_desc *desc;

	/* the client's I/O registers are not its interrupt registers */
	cfg.flags.IndependentIoHwSupported = 1;
	fake_start(test, &cfg);
	desc = fake_request(test, 8, GPIOD_OUT_HIGH);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 1);
	KUNIT_EXPECT_FALSE(test, fake_last(GPIOCLX_CB_READ)->irqs_off);
	gpiod_set_value(desc, 0);
	KUNIT_EXPECT_FALSE(test, fake_last(GPIOCLX_CB_WRITE)->irqs_off);
	KUNIT_EXPECT_EQ(test, fake->banks[0].latch & BIT_ULL(8), 0);
	KUNIT_EXPECT_NULL(test, fake->ctrl->banks[0].owner);
	fake_release(desc);
}

static void io_serial_controller_sleeps(struct kunit *test)
{
	struct fake_cfg cfg = { .serial = true };
	struct gpio_desc *desc;
	const struct fake_call *c;

	fake_start(test, &cfg);
	desc = fake_request(test, 6, GPIOD_OUT_HIGH);
	KUNIT_EXPECT_EQ(test, gpiod_get_value_cansleep(desc), 1);
	gpiod_set_value_cansleep(desc, 0);
	c = fake_last(GPIOCLX_CB_WRITE);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_FALSE(test, c->atomic);	/* PASSIVE: under the bank mutex */
	KUNIT_EXPECT_EQ(test, gpiod_get_value_cansleep(desc), 0);
	fake_release(desc);
}

/* A pin controller whose pins 0..7 back lines 0..7 (DT gpio-ranges). */
static const struct pinctrl_pin_desc io_pins[] = {
	PINCTRL_PIN(0, "p0"), PINCTRL_PIN(1, "p1"), PINCTRL_PIN(2, "p2"), PINCTRL_PIN(3, "p3"),
	PINCTRL_PIN(4, "p4"), PINCTRL_PIN(5, "p5"), PINCTRL_PIN(6, "p6"), PINCTRL_PIN(7, "p7"),
};

static unsigned int io_mux_requested, io_mux_freed;

static int io_pc_groups_count(struct pinctrl_dev *pctldev)
{
	return 0;
}

static const char *io_pc_group_name(struct pinctrl_dev *pctldev, unsigned int selector)
{
	return NULL;
}

static int io_pmx_functions_count(struct pinctrl_dev *pctldev)
{
	return 0;
}

static const char *io_pmx_function_name(struct pinctrl_dev *pctldev, unsigned int selector)
{
	return NULL;
}

static int io_pmx_function_groups(struct pinctrl_dev *pctldev, unsigned int selector,
				  const char * const **groups, unsigned int *ngroups)
{
	return -EINVAL;
}

static int io_pmx_set_mux(struct pinctrl_dev *pctldev, unsigned int func, unsigned int group)
{
	return -EINVAL;
}

static int io_pmx_gpio_enable(struct pinctrl_dev *pctldev, struct pinctrl_gpio_range *range,
			      unsigned int pin)
{
	io_mux_requested |= BIT(pin);
	return 0;
}

static void io_pmx_gpio_free(struct pinctrl_dev *pctldev, struct pinctrl_gpio_range *range,
			     unsigned int pin)
{
	io_mux_freed |= BIT(pin);
}

static const struct pinctrl_ops io_pctl_ops = {
	.get_groups_count = io_pc_groups_count,
	.get_group_name = io_pc_group_name,
};

static const struct pinmux_ops io_pmx_ops = {
	.get_functions_count = io_pmx_functions_count,
	.get_function_name = io_pmx_function_name,
	.get_function_groups = io_pmx_function_groups,
	.set_mux = io_pmx_set_mux,
	.gpio_request_enable = io_pmx_gpio_enable,
	.gpio_disable_free = io_pmx_gpio_free,
};

/* With a pin range, a requested line is muxed to GPIO and given back at free. */
static void io_pin_ranges_mux_the_pin(struct kunit *test)
{
	struct pinctrl_desc pd = {
		.name = "gpioclx-kunit-pinctrl", .pins = io_pins, .npins = ARRAY_SIZE(io_pins),
		.pctlops = &io_pctl_ops, .pmxops = &io_pmx_ops, .owner = THIS_MODULE,
	};
	struct platform_device *pdev;
	struct pinctrl_dev *pctl;
	struct gpio_desc *desc;

	if (!IS_ENABLED(CONFIG_PINMUX))
		kunit_skip(test, "no CONFIG_PINMUX");
	fake_start(test, NULL);
	pdev = platform_device_register_simple("gpioclx-kunit-pinctrl", PLATFORM_DEVID_AUTO,
					       NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(pdev));
	pctl = pinctrl_register(&pd, &pdev->dev, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(pctl));
	KUNIT_ASSERT_EQ(test, gpiochip_add_pin_range(fake->gc, dev_name(&pdev->dev), 0, 0, 8), 0);
	io_mux_requested = 0;
	io_mux_freed = 0;
	desc = fake_request(test, 3, GPIOD_IN);
	KUNIT_EXPECT_EQ(test, io_mux_requested, BIT(3));
	fake_release(desc);
	KUNIT_EXPECT_EQ(test, io_mux_freed, BIT(3));
	/* a line outside the range needs no pin controller */
	desc = fake_request(test, 40, GPIOD_IN);
	fake_release(desc);
	KUNIT_EXPECT_EQ(test, io_mux_requested, BIT(3));
	gpiochip_remove_pin_ranges(fake->gc);
	pinctrl_unregister(pctl);
	platform_device_unregister(pdev);
}

static void io_exit(struct kunit *test)
{
	fake_teardown();
}

static struct kunit_case io_cases[] = {
	KUNIT_CASE(io_input_request_and_free),
	KUNIT_CASE(io_output_request_is_glitch_free),
	KUNIT_CASE(io_direction_changes_reconnect),
	KUNIT_CASE(io_double_request_and_invalid_offsets),
	KUNIT_CASE(io_get_and_set_values),
	KUNIT_CASE_PARAM(io_batches_cost_one_call_per_bank, batch_gen_params),
	KUNIT_CASE(io_table_format_names_pins),
	KUNIT_CASE(io_offsets_name_bank_and_pin),
	KUNIT_CASE_PARAM(io_failing_callbacks, failure_gen_params),
	KUNIT_CASE(io_independent_io_hardware_skips_the_lock),
	KUNIT_CASE(io_serial_controller_sleeps),
	KUNIT_CASE(io_pin_ranges_mux_the_pin),
	{}
};

static struct kunit_suite io_suite = {
	.name = "gpioclx_io",
	.exit = io_exit,
	.test_cases = io_cases,
};
kunit_test_suite(io_suite);
