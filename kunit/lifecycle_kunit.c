// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lifecycle_kunit.c - probe and remove call the client in GpioClx's order,
 * and a failure at any step unwinds exactly what had succeeded: nothing
 * stays registered, mapped or started.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/interrupt.h>
#include <linux/pm_runtime.h>

#include "fake_client.h"

static void lifecycle_probe_and_remove_order(struct kunit *test)
{
	const struct fake_call *c;

	fake_start(test, NULL);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test),
			   "PrepareController,QueryControllerBasicInformation,StartController");
	c = fake_last(GPIOCLX_CB_START);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_FALSE(test, c->restore);
	KUNIT_EXPECT_EQ(test, c->state, WdfPowerDeviceD3Final);
	KUNIT_EXPECT_EQ(test, fake->gc->ngpio, 64);
	KUNIT_EXPECT_FALSE(test, fake->gc->can_sleep);
	KUNIT_EXPECT_STREQ(test, fake->gc->label, dev_name(&fake->pdev->dev));
	KUNIT_EXPECT_EQ(test, fake->mapped, 1);

	fake_forget_calls();
	fake_unbind(test);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test), "StopController,ReleaseController");
	c = fake_last(GPIOCLX_CB_STOP);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_FALSE(test, c->restore);	/* SaveContext = FALSE */
	KUNIT_EXPECT_EQ(test, c->state, WdfPowerDeviceD3Final);
	KUNIT_EXPECT_EQ(test, fake->mapped, 0);
}

static void lifecycle_serial_controller(struct kunit *test)
{
	struct fake_cfg cfg = { .serial = true };

	fake_start(test, &cfg);
	KUNIT_EXPECT_TRUE(test, fake->gc->can_sleep);
	KUNIT_EXPECT_FALSE(test, fake->ctrl->mm);
}

/* A failure injected at one lifecycle callback. */
struct step_case {
	const char *name;
	enum gpioclx_cb cb;
	NTSTATUS status;
	int expected_errno;
	bool released;		/* Prepare had succeeded, so Release must run */
};

static const struct step_case step_cases[] = {
	/* WDF: a failed PrepareHardware is followed by ReleaseHardware */
	{ "Prepare fails", GPIOCLX_CB_PREPARE, STATUS_INSUFFICIENT_RESOURCES, -ENOMEM, true },
	{ "QueryBasicInformation fails", GPIOCLX_CB_QUERY_BASIC_INFO, STATUS_UNSUCCESSFUL,
	  -EIO, true },
	{ "Start fails", GPIOCLX_CB_START, STATUS_DEVICE_BUSY, -EBUSY, true },
	{ "Start not supported", GPIOCLX_CB_START, STATUS_NOT_SUPPORTED, -EOPNOTSUPP, true },
};

static void step_case_desc(const struct step_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}
KUNIT_ARRAY_PARAM(step, step_cases, step_case_desc);

static void lifecycle_failure_unwinds(struct kunit *test)
{
	const struct step_case *c = test->param_value;

	KUNIT_ASSERT_EQ(test, fake_register(test, NULL), 0);
	fake_fail(c->cb, 1, c->status);
	KUNIT_EXPECT_EQ(test, fake_probe(test), -ENODEV);
	KUNIT_EXPECT_NULL(test, fake->pdev->dev.driver);
	KUNIT_EXPECT_EQ(test, fake->release_count, c->released ? 1 : 0);
	KUNIT_EXPECT_EQ(test, fake->stop_count, 0);	/* never started */
	KUNIT_EXPECT_EQ(test, fake->mapped, 0);
	KUNIT_EXPECT_NULL(test, dev_get_drvdata(&fake->pdev->dev));
	/* the driver is still usable: the next device binds */
	fake->fail_at = 0;
	fake_remove_device();
	KUNIT_EXPECT_EQ(test, fake_probe(test), 0);
}

struct info_case {
	const char *name;
	void (*mutate)(CLIENT_CONTROLLER_BASIC_INFORMATION *info);
};

#define INFO_MUTATOR(name, stmt) \
	static void name(CLIENT_CONTROLLER_BASIC_INFORMATION *info) { stmt; }

INFO_MUTATOR(info_version, info->Version = 2)
INFO_MUTATOR(info_size, info->Size = 8)
INFO_MUTATOR(info_zero_ppb, info->NumberOfPinsPerBank = 0)
INFO_MUTATOR(info_65_ppb, info->NumberOfPinsPerBank = 65)
INFO_MUTATOR(info_no_pins, info->TotalPins = 0)
INFO_MUTATOR(info_reserved_flag, info->Flags.Reserved = 1)
INFO_MUTATOR(info_too_many_lines, info->TotalPins = 65535; info->NumberOfPinsPerBank = 64)
INFO_MUTATOR(info_bank_pm_serial, info->Flags.MemoryMappedController = 0;
	     info->Flags.BankIdlePowerMgmtSupported = 1)

static const struct info_case info_cases[] = {
	{ "Version 2", info_version },
	{ "Size 8", info_size },
	{ "0 pins per bank", info_zero_ppb },
	{ "65 pins per bank", info_65_ppb },
	{ "0 pins", info_no_pins },
	{ "reserved flag", info_reserved_flag },
	{ "more lines than a gpio_chip holds", info_too_many_lines },
	{ "bank power management on a serial controller", info_bank_pm_serial },
};

static void info_case_desc(const struct info_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}
KUNIT_ARRAY_PARAM(info, info_cases, info_case_desc);

static void lifecycle_bad_basic_information(struct kunit *test)
{
	const struct info_case *c = test->param_value;
	struct fake_cfg cfg = { .mutate_info = c->mutate };

	KUNIT_ASSERT_EQ(test, fake_register(test, &cfg), 0);
	KUNIT_EXPECT_EQ(test, fake_probe(test), -ENODEV);
	KUNIT_EXPECT_EQ(test, fake->release_count, 1);
	KUNIT_EXPECT_EQ(test, fake->ncalls[GPIOCLX_CB_START], 0);
	KUNIT_EXPECT_EQ(test, fake->mapped, 0);
}

/* Controllers whose last bank is short, and 1, 32 and 64 pins per bank. */
static void lifecycle_geometries(struct kunit *test)
{
	static const struct { unsigned int banks, ppb, total; } g[] = {
		{ 1, 1, 1 }, { 3, 32, 96 }, { 2, 64, 128 }, { 3, 8, 20 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(g); i++) {
		struct fake_cfg cfg = { .banks = g[i].banks, .ppb = g[i].ppb,
					.total_pins = g[i].total };

		fake_start(test, &cfg);
		KUNIT_EXPECT_EQ(test, fake->gc->ngpio, g[i].banks * g[i].ppb);
		KUNIT_EXPECT_EQ(test, fake->ctrl->nbanks, g[i].banks);
		KUNIT_EXPECT_EQ(test, fake->ctrl->banks[g[i].banks - 1].npins,
				g[i].total - (g[i].banks - 1) * g[i].ppb);
		fake_teardown();
	}
}

/*
 * The client's context is aligned as WDF aligns object contexts
 * (MEMORY_ALLOCATION_ALIGNMENT, 16 on 64-bit Windows), and the controller
 * that holds it as its type says; a devres allocation alone gives neither.
 */
static void lifecycle_context_alignment(struct kunit *test)
{
	fake_start(test, NULL);
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)fake->ctrl,
					   __alignof__(struct gpioclx_controller)));
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)fake->ctrl->context, 16));
}

/* A real consumer holding line @offset, as any driver would (gpiod_get). */
struct lifecycle_holder {
	struct platform_device *consumer;
	struct gpiod_lookup_table *table;
	struct gpio_desc *desc;
};

static void lifecycle_hold(struct kunit *test, struct lifecycle_holder *h, unsigned int offset,
			   enum gpiod_flags flags)
{
	h->consumer = platform_device_register_simple("gpioclx-consumer", PLATFORM_DEVID_AUTO,
						      NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(h->consumer));
	h->table = kunit_kzalloc(test, struct_size(h->table, table, 2), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, h->table);
	h->table->dev_id = dev_name(&h->consumer->dev);
	h->table->table[0] = (struct gpiod_lookup)GPIO_LOOKUP(fake->gc->label, offset, "held",
							       GPIO_ACTIVE_HIGH);
	gpiod_add_lookup_table(h->table);
	h->desc = gpiod_get(&h->consumer->dev, "held", flags);
	KUNIT_ASSERT_FALSE(test, IS_ERR(h->desc));
}

/* Let go; after an unbind gpiolib forgets the orphaned descriptor. */
static void lifecycle_unhold(struct lifecycle_holder *h)
{
	gpiod_put(h->desc);
	gpiod_remove_lookup_table(h->table);
	platform_device_unregister(h->consumer);
}

static void lifecycle_unbind_with_line_held(struct kunit *test)
{
	struct lifecycle_holder held;
	const struct fake_call *c;

	fake_start(test, NULL);
	lifecycle_hold(test, &held, 5, GPIOD_OUT_HIGH);

	fake_forget_calls();
	fake_unbind(test);
	/* the held line was disconnected before the controller stopped */
	KUNIT_EXPECT_STREQ(test, fake_sequence(test),
			   "DisconnectIoPins,StopController,ReleaseController");
	c = fake_last(GPIOCLX_CB_DISCONNECT_IO);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->pins, BIT_ULL(5));
	KUNIT_EXPECT_EQ(test, c->flags, 1);	/* an output keeps its level, as at release */
	/*
	 * The consumer's descriptor outlives the chip: gpiolib answers for it
	 * (0, or -ENODEV since 6.9) without reaching the freed controller, and
	 * releasing it is safe.
	 */
	KUNIT_EXPECT_EQ(test, gpiod_get_value(held.desc), GPIOCLX_ORPHAN_GET_VALUE);
	lifecycle_unhold(&held);
	KUNIT_EXPECT_EQ(test, fake->ncall, 3);
}

static void lifecycle_idle_pm(CLIENT_CONTROLLER_BASIC_INFORMATION *info)
{
	info->Flags.DeviceIdlePowerMgmtSupported = 1;
	info->DeviceIdleTimeout = 20;	/* ms */
}

static irqreturn_t lifecycle_handler(int irq, void *data)
{
	return IRQ_HANDLED;
}

/*
 * The client is called at unbind before the bus switches the device off
 * (platform_remove detaches the PM domain right after .remove; devres
 * runs later still).
 */
static void lifecycle_teardown_before_the_bus(struct kunit *test)
{
	struct fake_cfg cfg = { .pm_domain = true };
	struct gpio_desc *out, *in;
	int irq;

	fake_start(test, &cfg);
	out = fake_request(test, 2, GPIOD_OUT_HIGH);
	in = fake_request(test, 33, GPIOD_IN);
	irq = gpiod_to_irq(in);
	KUNIT_ASSERT_EQ(test, request_irq(irq, lifecycle_handler, IRQF_TRIGGER_RISING, "kunit",
					  NULL), 0);
	free_irq(irq, NULL);
	fake_release(in);
	fake_release(out);
	fake_forget_calls();
	fake_unbind(test);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test), "StopController,ReleaseController");
	KUNIT_EXPECT_EQ(test, fake->calls_at_detach, (int)fake->ncall);
}

/* ... and on a failed probe likewise. */
static void lifecycle_probe_failure_before_the_bus(struct kunit *test)
{
	struct fake_cfg cfg = { .pm_domain = true };

	KUNIT_ASSERT_EQ(test, fake_register(test, &cfg), 0);
	fake_fail(GPIOCLX_CB_START, 1, STATUS_DEVICE_BUSY);
	KUNIT_EXPECT_EQ(test, fake_probe(test), -ENODEV);
	KUNIT_EXPECT_STREQ(test, fake_sequence(test),
			   "PrepareController,QueryControllerBasicInformation,StartController,ReleaseController");
	KUNIT_EXPECT_EQ(test, fake->calls_at_detach, (int)fake->ncall);
}

/* AMBA enables runtime PM and holds a reference around probe. */
static void lifecycle_bus_runtime_pm(struct kunit *test)
{
	struct fake_cfg cfg = { .bus_runtime_pm = true, .mutate_info = lifecycle_idle_pm };
	struct gpio_desc *desc;

	fake_start(test, &cfg);
	KUNIT_EXPECT_TRUE(test, pm_runtime_enabled(&fake->pdev->dev));
	desc = fake_request(test, 1, GPIOD_IN);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(desc), 0);
	fake_release(desc);
	fake_forget_calls();
	fake_unbind(test);
	KUNIT_EXPECT_EQ(test, fake->stop_count, 1);
	KUNIT_EXPECT_EQ(test, fake->release_count, 1);
}

/* A line held at unbind leaves no runtime-PM reference behind. */
static void lifecycle_unbind_held_line_keeps_no_pm_reference(struct kunit *test)
{
	struct fake_cfg cfg = { .mutate_info = lifecycle_idle_pm };
	struct lifecycle_holder held;
	struct device *dev;
	unsigned int i;

	fake_start(test, &cfg);
	dev = &fake->pdev->dev;
	/* a real consumer: its reference keeps gpiolib's device alive after unbind */
	lifecycle_hold(test, &held, 7, GPIOD_IN);
	KUNIT_EXPECT_EQ(test, atomic_read(&dev->power.usage_count), 1);
	fake_unbind(test);
	KUNIT_EXPECT_EQ(test, atomic_read(&dev->power.usage_count), 0);
	lifecycle_unhold(&held);
	/* bound again, it idles again */
	KUNIT_ASSERT_EQ(test, device_attach(dev), 1);
	fake->ctrl = platform_get_drvdata(fake->pdev);
	for (i = 0; i < 100 && !pm_runtime_status_suspended(dev); i++)
		usleep_range(10000, 11000);
	KUNIT_EXPECT_TRUE(test, pm_runtime_status_suspended(dev));
}

static void lifecycle_exit(struct kunit *test)
{
	fake_teardown();
}

static struct kunit_case lifecycle_cases[] = {
	KUNIT_CASE(lifecycle_probe_and_remove_order),
	KUNIT_CASE(lifecycle_serial_controller),
	KUNIT_CASE_PARAM(lifecycle_failure_unwinds, step_gen_params),
	KUNIT_CASE_PARAM(lifecycle_bad_basic_information, info_gen_params),
	KUNIT_CASE(lifecycle_geometries),
	KUNIT_CASE(lifecycle_context_alignment),
	KUNIT_CASE(lifecycle_unbind_with_line_held),
	KUNIT_CASE(lifecycle_teardown_before_the_bus),
	KUNIT_CASE(lifecycle_probe_failure_before_the_bus),
	KUNIT_CASE(lifecycle_bus_runtime_pm),
	KUNIT_CASE(lifecycle_unbind_held_line_keeps_no_pm_reference),
	{}
};

static struct kunit_suite lifecycle_suite = {
	.name = "gpioclx_lifecycle",
	.exit = lifecycle_exit,
	.test_cases = lifecycle_cases,
};
kunit_test_suite(lifecycle_suite);
