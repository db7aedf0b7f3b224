// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pm_kunit.c - system sleep and runtime power management: the context
 * callbacks are called with the right arguments in the right order, and
 * lines and interrupts work the same after resume; the controller idles
 * only while nothing is requested.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/gpio/consumer.h>
#include <linux/interrupt.h>
#include <linux/pm.h>
#include <linux/pm_runtime.h>

#include "fake_client.h"

static atomic_t pm_events;

static irqreturn_t pm_handler(int irq, void *data)
{
	atomic_inc(&pm_events);
	return IRQ_HANDLED;
}

static const struct dev_pm_ops *pm_ops(void)
{
	return fake->pdev->dev.driver->pm;
}

static void pm_suspend_resume_round_trip(struct kunit *test)
{
	struct fake_cfg cfg = {};
	struct gpio_desc *out, *in;
	const struct fake_call *c;
	int irq;

	cfg.flags.BankIdlePowerMgmtSupported = 1;
	fake_start(test, &cfg);
	out = fake_request(test, 3, GPIOD_OUT_HIGH);
	in = fake_request(test, 32 + 5, GPIOD_IN);
	irq = gpiod_to_irq(in);
	atomic_set(&pm_events, 0);
	KUNIT_ASSERT_EQ(test, request_irq(irq, pm_handler, IRQF_TRIGGER_RISING, "kunit", NULL),
			0);

	fake_forget_calls();
	KUNIT_ASSERT_EQ(test, pm_ops()->suspend_late(&fake->pdev->dev), 0);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test),
			   "SaveBankHardwareContext,SaveBankHardwareContext,StopController");
	c = fake_last(GPIOCLX_CB_STOP);
	KUNIT_EXPECT_TRUE(test, c->restore);		/* SaveContext */
	KUNIT_EXPECT_EQ(test, c->state, WdfPowerDeviceD3);
	c = fake_nth(GPIOCLX_CB_SAVE_BANK, 1);
	KUNIT_EXPECT_EQ(test, c->bank, 1);
	KUNIT_EXPECT_EQ(test, c->state, 1);		/* F1 */
	KUNIT_EXPECT_TRUE(test, c->irqs_off);		/* under the bank lock */

	fake_forget_calls();
	KUNIT_ASSERT_EQ(test, pm_ops()->resume_early(&fake->pdev->dev), 0);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test),
			   "StartController,RestoreBankHardwareContext,RestoreBankHardwareContext,QueryEnabledInterrupts,QueryEnabledInterrupts");
	c = fake_last(GPIOCLX_CB_START);
	KUNIT_EXPECT_TRUE(test, c->restore);		/* RestoreContext */
	KUNIT_EXPECT_EQ(test, c->state, WdfPowerDeviceD3);	/* previous state */
	KUNIT_EXPECT_EQ(test, fake_last(GPIOCLX_CB_RESTORE_BANK)->state, 0);	/* F0 */

	/* the same lines, values and interrupts as before */
	KUNIT_EXPECT_EQ(test, gpiod_get_direction(out), GPIO_LINE_DIRECTION_OUT);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(out), 1);
	KUNIT_EXPECT_EQ(test, gpiod_get_direction(in), GPIO_LINE_DIRECTION_IN);
	fake_drive(1, 5, true);
	KUNIT_EXPECT_EQ(test, fake_deliver(1, 5), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&pm_events), 1);
	KUNIT_EXPECT_EQ(test, fake->ctrl->banks[1].irq_enabled, BIT_ULL(5));
	free_irq(irq, NULL);
	fake_release(in);
	fake_release(out);
}

static void pm_without_bank_power_management(struct kunit *test)
{
	fake_start(test, NULL);
	fake_forget_calls();
	KUNIT_ASSERT_EQ(test, pm_ops()->suspend_late(&fake->pdev->dev), 0);
	KUNIT_ASSERT_EQ(test, pm_ops()->resume_early(&fake->pdev->dev), 0);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test),
			   "StopController,StartController,QueryEnabledInterrupts,QueryEnabledInterrupts");
}

static void pm_failed_stop_aborts_suspend(struct kunit *test)
{
	fake_start(test, NULL);
	fake_fail(GPIOCLX_CB_STOP, 1, STATUS_DEVICE_BUSY);
	KUNIT_EXPECT_EQ(test, pm_ops()->suspend_late(&fake->pdev->dev), -EBUSY);
	KUNIT_EXPECT_FALSE(test, fake->ctrl->suspended);
	/* nothing to resume: no Start */
	fake_forget_calls();
	KUNIT_EXPECT_EQ(test, pm_ops()->resume_early(&fake->pdev->dev), 0);
	KUNIT_EXPECT_EQ(test, fake_count(GPIOCLX_CB_START), 0);
}

static void pm_idle_timeout(CLIENT_CONTROLLER_BASIC_INFORMATION *info)
{
	info->Flags.DeviceIdlePowerMgmtSupported = 1;
	info->DeviceIdleTimeout = 20;	/* ms */
}

/* Wait until the controller is (not) runtime-suspended. */
static bool pm_wait_suspended(bool suspended)
{
	unsigned int i;

	for (i = 0; i < 100; i++) {
		if (fake->ctrl->suspended == suspended)
			return true;
		usleep_range(10000, 11000);
	}
	return false;
}

static void pm_runtime_idle_only_when_unused(struct kunit *test)
{
	struct fake_cfg cfg = { .mutate_info = pm_idle_timeout };
	struct gpio_desc *desc;
	const struct fake_call *c;
	int irq;

	fake_start(test, &cfg);
	/* nothing requested: it powers down after DeviceIdleTimeout */
	KUNIT_EXPECT_TRUE(test, pm_wait_suspended(true));
	c = fake_last(GPIOCLX_CB_STOP);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_TRUE(test, c->restore);
	KUNIT_EXPECT_EQ(test, c->state, WdfPowerDeviceD3);

	/* a line: powered up before it is connected, and stays up */
	fake_forget_calls();
	desc = fake_request(test, 4, GPIOD_IN);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test),
			   "StartController,QueryEnabledInterrupts,QueryEnabledInterrupts,ConnectIoPins");
	msleep(100);
	KUNIT_EXPECT_FALSE(test, fake->ctrl->suspended);
	fake_release(desc);
	KUNIT_EXPECT_TRUE(test, pm_wait_suspended(true));

	/* an interrupt holds it up too */
	desc = fake_request(test, 4, GPIOD_IN);
	irq = gpiod_to_irq(desc);
	KUNIT_ASSERT_EQ(test, request_irq(irq, pm_handler, IRQF_TRIGGER_RISING, "kunit", NULL),
			0);
	fake_release(desc);
	msleep(100);
	KUNIT_EXPECT_FALSE(test, fake->ctrl->suspended);
	free_irq(irq, NULL);
	KUNIT_EXPECT_TRUE(test, pm_wait_suspended(true));

	/* unbind powers it up to stop it for good */
	fake_forget_calls();
	fake_unbind(test);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test),
			   "StartController,QueryEnabledInterrupts,QueryEnabledInterrupts,StopController,ReleaseController");
}

/* A line masked across suspend is no mismatch after resume. */
static void pm_masked_line_is_no_mismatch(struct kunit *test)
{
	struct gpio_desc *in;
	int irq;

	fake_start(test, NULL);
	in = fake_request(test, 9, GPIOD_IN);
	irq = gpiod_to_irq(in);
	KUNIT_ASSERT_EQ(test, request_irq(irq, pm_handler, IRQF_TRIGGER_RISING, "kunit", NULL),
			0);
	/* masked at once, not lazily on the next interrupt */
	irq_set_status_flags(irq, IRQ_DISABLE_UNLAZY);
	disable_irq(irq);
	KUNIT_EXPECT_TRUE(test, fake->banks[0].masked & BIT_ULL(9));
	KUNIT_ASSERT_EQ(test, pm_ops()->suspend_late(&fake->pdev->dev), 0);
	KUNIT_ASSERT_EQ(test, pm_ops()->resume_early(&fake->pdev->dev), 0);
	KUNIT_EXPECT_EQ(test, fake->ctrl->resume_mismatches, 0);
	/* a real mismatch is still seen */
	fake->banks[0].enabled |= BIT_ULL(10);
	KUNIT_ASSERT_EQ(test, pm_ops()->suspend_late(&fake->pdev->dev), 0);
	KUNIT_ASSERT_EQ(test, pm_ops()->resume_early(&fake->pdev->dev), 0);
	KUNIT_EXPECT_EQ(test, fake->ctrl->resume_mismatches, 1);
	fake->banks[0].enabled &= ~BIT_ULL(10);
	enable_irq(irq);
	free_irq(irq, NULL);
	irq_clear_status_flags(irq, IRQ_DISABLE_UNLAZY);
	fake_release(in);
}

/*
 * Serial controllers: the interrupt's runtime-PM reference lasts until its
 * DisableInterrupt has run (__free_irq syncs the bus before it releases
 * the resources).
 */
static void pm_serial_disable_before_idle(struct kunit *test)
{
	struct fake_cfg cfg = { .serial = true, .mutate_info = pm_idle_timeout };
	struct gpio_desc *in;
	int irq;

	fake_start(test, &cfg);
	in = fake_request(test, 9, GPIOD_IN);
	irq = gpiod_to_irq(in);
	KUNIT_ASSERT_EQ(test, request_threaded_irq(irq, NULL, pm_handler,
						   IRQF_TRIGGER_RISING | IRQF_ONESHOT, "kunit", NULL),
			0);
	fake_release(in);
	fake_forget_calls();
	free_irq(irq, NULL);
	KUNIT_ASSERT_EQ(test, fake_count(GPIOCLX_CB_DISABLE_INTERRUPT), 1);
	KUNIT_EXPECT_GE(test, fake_last(GPIOCLX_CB_DISABLE_INTERRUPT)->state, 1);
	KUNIT_EXPECT_TRUE(test, pm_wait_suspended(true));
}

static void pm_test_exit(struct kunit *test)
{
	fake_teardown();
}

static struct kunit_case pm_cases[] = {
	KUNIT_CASE(pm_suspend_resume_round_trip),
	KUNIT_CASE(pm_without_bank_power_management),
	KUNIT_CASE(pm_failed_stop_aborts_suspend),
	KUNIT_CASE(pm_runtime_idle_only_when_unused),
	KUNIT_CASE(pm_masked_line_is_no_mismatch),
	KUNIT_CASE(pm_serial_disable_before_idle),
	{}
};

static struct kunit_suite pm_suite = {
	.name = "gpioclx_pm",
	.exit = pm_test_exit,
	.test_cases = pm_cases,
};
kunit_test_suite(pm_suite);
