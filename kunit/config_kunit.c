// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * config_kunit.c - set_config: bias, debounce and drive strength reach the
 * client as PullConfiguration, DebounceTimeout (10 us units) and
 * DriveStrength (10 uA units) by reconnecting the line; what the client
 * refuses or GpioClx cannot express is -ENOTSUPP, so gpiolib's own
 * fallbacks take over.
 */
#include <kunit/test.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/pinctrl/pinconf-generic.h>

#include "fake_client.h"

static int config_set(struct gpio_desc *desc, enum pin_config_param param, u32 arg)
{
	return gpiod_set_config(desc, pinconf_to_config_packed(param, arg));
}

static void config_bias(struct kunit *test)
{
	static const struct { enum pin_config_param param; u8 pull; } b[] = {
		{ PIN_CONFIG_BIAS_PULL_UP, GPIO_PIN_PULL_CONFIGURATION_PULLUP },
		{ PIN_CONFIG_BIAS_PULL_DOWN, GPIO_PIN_PULL_CONFIGURATION_PULLDOWN },
		{ PIN_CONFIG_BIAS_DISABLE, GPIO_PIN_PULL_CONFIGURATION_NONE },
	};
	struct gpio_desc *desc;
	const struct fake_call *c;
	unsigned int i;

	fake_start(test, NULL);
	desc = fake_request(test, 2, GPIOD_IN);
	for (i = 0; i < ARRAY_SIZE(b); i++) {
		fake_forget_calls();
		KUNIT_EXPECT_EQ(test, config_set(desc, b[i].param, 1), 0);
		KUNIT_EXPECT_STREQ(test, fake_sequence(test), "DisconnectIoPins,ConnectIoPins");
		c = fake_last(GPIOCLX_CB_DISCONNECT_IO);
		KUNIT_EXPECT_EQ(test, c->flags, 1);	/* PreserveConfiguration */
		c = fake_last(GPIOCLX_CB_CONNECT_IO);
		KUNIT_EXPECT_EQ(test, c->mode, ConnectModeInput);
		KUNIT_EXPECT_EQ(test, c->pull, b[i].pull);
	}
	fake_release(desc);
	/* the next user starts from the default pull */
	desc = fake_request(test, 2, GPIOD_IN);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->pull,
			GPIO_PIN_PULL_CONFIGURATION_DEFAULT);
	fake_release(desc);
}

static void config_bias_requested_by_flags(struct kunit *test)
{
	struct gpio_desc *desc;

	fake_start(test, NULL);
	desc = gpiochip_request_own_desc(fake->gc, 8, "kunit", GPIO_PULL_DOWN, GPIOD_IN);
	KUNIT_ASSERT_FALSE(test, IS_ERR(desc));
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->pull,
			GPIO_PIN_PULL_CONFIGURATION_PULLDOWN);
	gpiochip_free_own_desc(desc);
}

static void config_debounce_and_drive_units(struct kunit *test)
{
	struct gpio_desc *in, *out;

	fake_start(test, NULL);
	in = fake_request(test, 1, GPIOD_IN);
	out = fake_request(test, 2, GPIOD_OUT_LOW);

	KUNIT_EXPECT_EQ(test, gpiod_set_debounce(in, 5840), 0);		/* 5.84 ms */
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->debounce, 584);
	KUNIT_EXPECT_EQ(test, gpiod_set_debounce(in, 655350), 0);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->debounce, 65535);
	/* not a multiple of 10 us, or too long: not expressible exactly */
	fake_forget_calls();
	KUNIT_EXPECT_EQ(test, gpiod_set_debounce(in, 15), -ENOTSUPP);
	KUNIT_EXPECT_EQ(test, gpiod_set_debounce(in, 655360), -ENOTSUPP);
	KUNIT_EXPECT_EQ(test, fake->ncall, 0);

	KUNIT_EXPECT_EQ(test, config_set(out, PIN_CONFIG_DRIVE_STRENGTH_UA, 1210), 0);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->drive, 121);	/* 1.21 mA */
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->mode, ConnectModeOutput);
	KUNIT_EXPECT_EQ(test, config_set(out, PIN_CONFIG_DRIVE_STRENGTH, 4), 0);	/* mA */
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->drive, 400);
	KUNIT_EXPECT_EQ(test, config_set(out, PIN_CONFIG_DRIVE_STRENGTH_UA, 1005), -ENOTSUPP);
	KUNIT_EXPECT_EQ(test, config_set(out, PIN_CONFIG_DRIVE_PUSH_PULL, 0), 0);
	fake_release(in);
	fake_release(out);
}

static void config_refused_keeps_old_configuration(struct kunit *test)
{
	struct fake_cfg cfg = { .refuse_pull = BIT(GPIO_PIN_PULL_CONFIGURATION_PULLUP),
				.refuse_debounce = true };
	struct gpio_desc *desc;

	fake_start(test, &cfg);
	desc = fake_request(test, 3, GPIOD_IN);
	KUNIT_EXPECT_EQ(test, config_set(desc, PIN_CONFIG_BIAS_PULL_DOWN, 1), 0);
	fake_forget_calls();
	KUNIT_EXPECT_EQ(test, config_set(desc, PIN_CONFIG_BIAS_PULL_UP, 1), -ENOTSUPP);
	/* the refused connect is followed by one with the old pull */
	KUNIT_EXPECT_STREQ(test, fake_sequence(test),
			   "DisconnectIoPins,ConnectIoPins,ConnectIoPins");
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->pull,
			GPIO_PIN_PULL_CONFIGURATION_PULLDOWN);
	KUNIT_EXPECT_EQ(test, fake->banks[0].connected, BIT_ULL(3));
	KUNIT_EXPECT_EQ(test, gpiod_set_debounce(desc, 1000), -ENOTSUPP);
	KUNIT_EXPECT_EQ(test, fake->ctrl->banks[0].pins[3].debounce, 0);
	fake_release(desc);
}

static void config_unexpressible_falls_back(struct kunit *test)
{
	struct gpio_desc *desc;

	fake_start(test, NULL);
	desc = fake_request(test, 4, GPIOD_OUT_LOW);
	KUNIT_EXPECT_EQ(test, config_set(desc, PIN_CONFIG_DRIVE_OPEN_DRAIN, 0), -ENOTSUPP);
	KUNIT_EXPECT_EQ(test, config_set(desc, PIN_CONFIG_PERSIST_STATE, 1), -ENOTSUPP);
	fake_release(desc);

	/* gpiolib emulates open drain: "high" releases the line (input) */
	desc = gpiochip_request_own_desc(fake->gc, 4, "od", GPIO_OPEN_DRAIN, GPIOD_OUT_LOW);
	KUNIT_ASSERT_FALSE(test, IS_ERR(desc));
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->mode, ConnectModeOutput);
	gpiod_set_value(desc, 1);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->mode, ConnectModeInput);
	gpiod_set_value(desc, 0);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->mode, ConnectModeOutput);
	KUNIT_EXPECT_EQ(test, fake->banks[0].latch & BIT_ULL(4), 0);
	gpiochip_free_own_desc(desc);
}

static void config_exit(struct kunit *test)
{
	fake_teardown();
}

static struct kunit_case config_cases[] = {
	KUNIT_CASE(config_bias),
	KUNIT_CASE(config_bias_requested_by_flags),
	KUNIT_CASE(config_debounce_and_drive_units),
	KUNIT_CASE(config_refused_keeps_old_configuration),
	KUNIT_CASE(config_unexpressible_falls_back),
	{}
};

static struct kunit_suite config_suite = {
	.name = "gpioclx_config",
	.exit = config_exit,
	.test_cases = config_cases,
};
kunit_test_suite(config_suite);
