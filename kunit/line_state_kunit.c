// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * line_state_kunit.c - what a line is after each gpiolib operation, seen
 * through gpiolib and through the calls the client gets: released lines,
 * lines requested as-is, writes that reach only output connections, mixed
 * batch reads, configuration of unconnected lines, and errnos.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/kthread.h>
#include <linux/pinctrl/pinconf-generic.h>

#include "fake_client.h"

/*
 * A released output keeps driving its level (PreserveConfiguration = 1, as
 * gpio-pl061 leaves it); a released input goes back to the platform's
 * initial state (PreserveConfiguration = 0).
 */
static void state_released_output_keeps_its_level(struct kunit *test)
{
	struct gpio_desc *desc;
	const struct fake_call *c;

	fake_start(test, NULL);
	desc = fake_request(test, 6, GPIOD_OUT_HIGH);
	fake_forget_calls();
	fake_release(desc);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test), "DisconnectIoPins");
	c = fake_last(GPIOCLX_CB_DISCONNECT_IO);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->mode, ConnectModeOutput);
	KUNIT_EXPECT_EQ(test, c->flags, 1);	/* PreserveConfiguration */
	KUNIT_EXPECT_TRUE(test, fake->banks[0].output & BIT_ULL(6));
	KUNIT_EXPECT_TRUE(test, fake->banks[0].latch & BIT_ULL(6));

	desc = fake_request(test, 7, GPIOD_IN);
	fake_forget_calls();
	fake_release(desc);
	c = fake_last(GPIOCLX_CB_DISCONNECT_IO);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->mode, ConnectModeInput);
	KUNIT_EXPECT_EQ(test, c->flags, 0);
}

/*
 * Output, release, then a new user asks for the line as it is and reads
 * it: it sees the level the line still drives, with no new output
 * connection and no write.
 */
static void state_as_is_after_released_output(struct kunit *test)
{
	struct gpio_desc *desc;
	const struct fake_call *c;

	fake_start(test, NULL);
	desc = fake_request(test, 3, GPIOD_OUT_HIGH);
	fake_release(desc);
	fake_forget_calls();
	desc = fake_request(test, 3, GPIOD_ASIS);
	KUNIT_EXPECT_EQ(test, gpiod_get_direction(desc), GPIO_LINE_DIRECTION_OUT);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 1);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_WRITE), 0);
	c = fake_last(GPIOCLX_CB_CONNECT_IO);
	KUNIT_EXPECT_TRUE(test, !c || c->mode != ConnectModeOutput);
	KUNIT_EXPECT_TRUE(test, fake->banks[0].output & BIT_ULL(3));
	KUNIT_EXPECT_TRUE(test, fake->banks[0].latch & BIT_ULL(3));
	fake_release(desc);
}

/*
 * An output the client returned to its initial state (a failed preserve is
 * impossible to see; a released input, or an output whose release the
 * client turned into an input): as-is, it is an input, read as one.
 */
static void state_as_is_after_released_input(struct kunit *test)
{
	struct gpio_desc *desc;
	const struct fake_call *c;

	fake_start(test, NULL);
	desc = fake_request(test, 3, GPIOD_OUT_HIGH);
	KUNIT_EXPECT_EQ(test, gpiod_direction_input(desc), 0);
	fake_release(desc);
	fake_drive(0, 3, true);
	fake_forget_calls();
	desc = fake_request(test, 3, GPIOD_ASIS);
	KUNIT_EXPECT_EQ(test, gpiod_get_direction(desc), GPIO_LINE_DIRECTION_IN);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 1);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_WRITE), 0);
	c = fake_last(GPIOCLX_CB_CONNECT_IO);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->mode, ConnectModeInput);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_CONNECT_IO), 1);
	fake_release(desc);
}

/* A line never given a direction: reads connect it as an input, writes are refused. */
static void state_as_is_never_directed(struct kunit *test)
{
	struct gpio_desc *desc;

	fake_start(test, NULL);
	fake_forget_calls();
	desc = fake_request(test, 9, GPIOD_ASIS);
	KUNIT_EXPECT_EQ(test, fake->ncall, 0);
	gpiod_set_value(desc, 1);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_WRITE), 0);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_CONNECT_IO), 0);
	KUNIT_EXPECT_EQ(test, fake->banks[0].latch, 0);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 0);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_CONNECT_IO), 1);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->mode, ConnectModeInput);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_WRITE), 0);
	fake_release(desc);
}

/* Writes reach only pins connected as outputs, in batches too. */
static void state_writes_reach_outputs_only(struct kunit *test)
{
	struct gpio_desc *descs[3];
	DECLARE_BITMAP(values, 3);
	const struct fake_call *c;

	fake_start(test, NULL);
	descs[0] = fake_request(test, 0, GPIOD_OUT_LOW);
	descs[1] = fake_request(test, 1, GPIOD_IN);
	descs[2] = fake_request(test, 2, GPIOD_OUT_LOW);
	bitmap_fill(values, 3);
	fake_forget_calls();
	gpiod_set_array_value(3, descs, NULL, values);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_WRITE), 1);
	c = fake_last(GPIOCLX_CB_WRITE);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->set, BIT_ULL(0) | BIT_ULL(2));
	KUNIT_EXPECT_EQ(test, c->clear, 0);

	fake_forget_calls();
	gpiod_set_value(descs[1], 1);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_WRITE), 0);
	KUNIT_EXPECT_EQ(test, fake->banks[0].latch, BIT_ULL(0) | BIT_ULL(2));
	fake_release(descs[0]);
	fake_release(descs[1]);
	fake_release(descs[2]);
}

/* A mixed batch read: outputs with WriteConfiguredPins, inputs without. */
static void state_mixed_batch_read(struct kunit *test)
{
	struct gpio_desc *descs[2];
	DECLARE_BITMAP(values, 2);
	unsigned int i;

	fake_start(test, NULL);
	descs[0] = fake_request(test, 4, GPIOD_OUT_HIGH);
	descs[1] = fake_request(test, 5, GPIOD_IN);
	fake_drive(0, 5, true);
	bitmap_zero(values, 2);
	fake_forget_calls();
	KUNIT_ASSERT_EQ(test, gpiod_get_array_value(2, descs, NULL, values), 0);
	KUNIT_EXPECT_TRUE(test, test_bit(0, values));
	KUNIT_EXPECT_TRUE(test, test_bit(1, values));
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_READ), 2);
	for (i = 0; i < 2; i++) {
		const struct fake_call *c = fake_nth(GPIOCLX_CB_READ, i);

		KUNIT_ASSERT_NOT_NULL(test, c);
		KUNIT_EXPECT_EQ(test, c->bank, 0);
	}
	KUNIT_EXPECT_NE(test, fake_nth(GPIOCLX_CB_READ, 0)->flags,
			fake_nth(GPIOCLX_CB_READ, 1)->flags);
	fake_release(descs[0]);
	fake_release(descs[1]);
}

static int state_config(struct gpio_desc *desc, enum pin_config_param param, u32 arg)
{
	return gpiod_set_config(desc, pinconf_to_config_packed(param, arg));
}

/* Configuring a line with no connection never claims a success the client did not give. */
static void state_config_unconnected(struct kunit *test)
{
	struct gpio_desc *desc;
	int ret;

	fake_start(test, NULL);
	desc = fake_request(test, 11, GPIOD_ASIS);
	fake_forget_calls();
	ret = state_config(desc, PIN_CONFIG_BIAS_PULL_UP, 1);
	if (ret == 0)
		KUNIT_EXPECT_GE(test, fake_count(GPIOCLX_CB_CONNECT_IO), 1);
	else
		KUNIT_EXPECT_EQ(test, ret, -ENOTSUPP);
	ret = state_config(desc, PIN_CONFIG_DRIVE_STRENGTH_UA, 1000);
	if (ret == 0)
		KUNIT_EXPECT_GE(test, fake_count(GPIOCLX_CB_CONNECT_IO), 1);
	else
		KUNIT_EXPECT_EQ(test, ret, -ENOTSUPP);
	/* refused: the client was asked and said no */
	fake->cfg.refuse_pull = BIT(GPIO_PIN_PULL_CONFIGURATION_PULLDOWN);
	KUNIT_EXPECT_NE(test, state_config(desc, PIN_CONFIG_BIAS_PULL_DOWN, 1), 0);
	fake_release(desc);
}

/* STATUS_NOT_SUPPORTED: -ENOTSUPP for set_config only, -EOPNOTSUPP elsewhere. */
static void state_not_supported_errno(struct kunit *test)
{
	struct gpio_desc *desc;

	fake_start(test, NULL);
	desc = fake_request(test, 2, GPIOD_ASIS);
	fake_fail(GPIOCLX_CB_CONNECT_IO, 1, STATUS_NOT_SUPPORTED);
	KUNIT_EXPECT_EQ(test, gpiod_direction_input(desc), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, gpiod_direction_input(desc), 0);
	fake_fail(GPIOCLX_CB_READ, 1, STATUS_NOT_SUPPORTED);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), -EOPNOTSUPP);
	fake->cfg.refuse_pull = BIT(GPIO_PIN_PULL_CONFIGURATION_PULLUP);
	KUNIT_EXPECT_EQ(test, state_config(desc, PIN_CONFIG_BIAS_PULL_UP, 1), -ENOTSUPP);
	fake_release(desc);
}

/* gpiolib sets an output's bias before its direction: it goes with the Connect. */
static void state_output_bias_goes_with_connect(struct kunit *test)
{
	struct gpio_desc *desc;

	fake_start(test, NULL);
	desc = gpiochip_request_own_desc(fake->gc, 12, "kunit", GPIO_PULL_UP, GPIOD_OUT_HIGH);
	KUNIT_ASSERT_FALSE(test, IS_ERR(desc));
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->mode, ConnectModeOutput);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->pull,
			GPIO_PIN_PULL_CONFIGURATION_PULLUP);
	fake_release(desc);
	/* a client without pulls: the output connects without one, as bias is optional */
	fake->cfg.refuse_pull = BIT(GPIO_PIN_PULL_CONFIGURATION_PULLUP);
	fake_forget_calls();
	desc = gpiochip_request_own_desc(fake->gc, 13, "kunit", GPIO_PULL_UP, GPIOD_OUT_HIGH);
	KUNIT_ASSERT_FALSE(test, IS_ERR(desc));
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_CONNECT_IO), 2);
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_CONNECT_IO)->pull,
			GPIO_PIN_PULL_CONFIGURATION_DEFAULT);
	KUNIT_EXPECT_TRUE(test, fake->banks[0].latch & BIT_ULL(13));
	fake_release(desc);
}

/* Two threads each request and release their own line of one bank. */
struct state_churn {
	struct gpio_chip *gc;
	unsigned int offset, rounds, failures;
	struct completion done;
};

static int state_churn_thread(void *data)
{
	struct state_churn *churn = data;
	struct gpio_desc *desc;
	unsigned int i;

	for (i = 0; i < churn->rounds; i++) {
		desc = gpiochip_request_own_desc(churn->gc, churn->offset, "churn",
						 GPIO_ACTIVE_HIGH, i % 2 ? GPIOD_IN : GPIOD_OUT_LOW);
		if (IS_ERR(desc)) {
			churn->failures++;
			continue;
		}
		if (i % 2 == 0 && gpiod_get_direction(desc) != GPIO_LINE_DIRECTION_OUT)
			churn->failures++;
		cond_resched();
		gpiochip_free_own_desc(desc);
		cond_resched();
	}
	complete(&churn->done);
	return 0;
}

static void state_concurrent_requests_in_one_bank(struct kunit *test)
{
	struct state_churn churn[2];
	struct task_struct *task;
	struct gpio_desc *desc;
	unsigned int i;

	fake_start(test, NULL);
	for (i = 0; i < 2; i++) {
		churn[i] = (struct state_churn){ .gc = fake->gc, .offset = 20 + i, .rounds = 400 };
		init_completion(&churn[i].done);
		task = kthread_run(state_churn_thread, &churn[i], "gpioclx-churn%u", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	}
	for (i = 0; i < 2; i++) {
		wait_for_completion(&churn[i].done);
		KUNIT_EXPECT_EQ(test, churn[i].failures, 0);
	}
	/* both lines ended released as inputs; nothing is connected */
	KUNIT_EXPECT_EQ(test, fake->banks[0].connected, 0);
	for (i = 0; i < 2; i++) {
		desc = fake_request(test, 20 + i, GPIOD_ASIS);
		KUNIT_EXPECT_EQ(test, gpiod_get_direction(desc), GPIO_LINE_DIRECTION_IN);
		fake_release(desc);
	}
}

/* Connect and Disconnect run at PASSIVE: not with interrupts off. */
static void state_passive_callbacks_irqs_on(struct kunit *test)
{
	struct gpio_desc *desc;
	const struct fake_call *c;

	fake_start(test, NULL);
	desc = fake_request(test, 1, GPIOD_IN);
	c = fake_last(GPIOCLX_CB_CONNECT_IO);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_FALSE(test, c->irqs_off);
	KUNIT_EXPECT_FALSE(test, c->atomic);
	fake_release(desc);
	c = fake_last(GPIOCLX_CB_DISCONNECT_IO);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_FALSE(test, c->irqs_off);
	KUNIT_EXPECT_FALSE(test, c->atomic);
}

/*
 * A memory-mapped controller's Connect and Disconnect run without
 * preemption, wherever they are called from: a caller that must not sleep
 * (a direction change) waits for them by spinning, and a holder preempted
 * in the middle once made such a caller on another CPU give up with
 * -EBUSY (s10's four fuzzers on eight lines, two vCPUs).
 */
static void state_mm_passive_callbacks_not_preempted(struct kunit *test)
{
	struct gpio_desc *desc;
	const struct fake_call *c;

	if (!IS_ENABLED(CONFIG_PREEMPT_COUNT))
		kunit_skip(test, "preemptible() needs CONFIG_PREEMPT_COUNT");
	fake_start(test, NULL);
	desc = fake_request(test, 1, GPIOD_ASIS);
	KUNIT_ASSERT_EQ(test, gpiod_direction_output(desc, 1), 0);
	c = fake_last(GPIOCLX_CB_CONNECT_IO);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_FALSE(test, c->preemptible);
	fake_release(desc);
	c = fake_last(GPIOCLX_CB_DISCONNECT_IO);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_FALSE(test, c->preemptible);
}

static void state_exit(struct kunit *test)
{
	fake_teardown();
}

static struct kunit_case state_cases[] = {
	KUNIT_CASE(state_released_output_keeps_its_level),
	KUNIT_CASE(state_as_is_after_released_output),
	KUNIT_CASE(state_as_is_after_released_input),
	KUNIT_CASE(state_as_is_never_directed),
	KUNIT_CASE(state_writes_reach_outputs_only),
	KUNIT_CASE(state_mixed_batch_read),
	KUNIT_CASE(state_config_unconnected),
	KUNIT_CASE(state_not_supported_errno),
	KUNIT_CASE(state_output_bias_goes_with_connect),
	KUNIT_CASE(state_concurrent_requests_in_one_bank),
	KUNIT_CASE(state_passive_callbacks_irqs_on),
	KUNIT_CASE(state_mm_passive_callbacks_not_preempted),
	{}
};

static struct kunit_suite state_suite = {
	.name = "gpioclx_line_state",
	.exit = state_exit,
	.test_cases = state_cases,
};
kunit_test_suite(state_suite);
