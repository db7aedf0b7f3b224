// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * fault_kunit.c - each client callback failing once, at each place the
 * shim calls it, on memory-mapped and on serial controllers. One table
 * row per (operation, callback, controller kind); every row checks:
 *   - the operation's caller gets the errno of the shim's NTSTATUS map,
 *     or 0 where Linux gives the operation no return (set, irq delivery,
 *     a serial controller's interrupt changes, free, unbind);
 *   - a log line names the callback and says it failed;
 *   - afterwards the line is requested again and works (no stuck line), a
 *     second operation completes (no lock held: lockdep is on too), and
 *     an unbind leaves the client with nothing connected, enabled or
 *     mapped (no leak; kmemleak scans the x86_64 run at the end);
 *   - the device binds again.
 * Save/RestoreBankHardwareContext return VOID: they cannot fail.
 */
#include <kunit/test.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/interrupt.h>
#include <linux/pm.h>

#include "fake_client.h"
#include "log_capture.h"

/* What the row does when the callback fails. */
enum fault_op {
	FAULT_PROBE,		/* bind the device */
	FAULT_REQUEST_INPUT,	/* request a line as an input */
	FAULT_OUTPUT,		/* direction_output on a line requested as-is */
	FAULT_SWITCH_TO_INPUT,	/* direction_input on an output */
	FAULT_GET,		/* get on an input */
	FAULT_GET_AS_IS,	/* get on a line requested as-is: connects it first */
	FAULT_GET_MIXED,	/* get an output and an input of one bank: two reads */
	FAULT_GET_BANKS,	/* get inputs of two banks */
	FAULT_SET,		/* set an output */
	FAULT_SET_BANKS,	/* set outputs of two banks */
	FAULT_RELEASE,		/* free a connected line */
	FAULT_IRQ_REQUEST,	/* request_irq, rising edge */
	FAULT_IRQ_RETYPE,	/* irq_set_irq_type on an enabled line */
	FAULT_IRQ_EDGE,		/* an edge delivered (memory-mapped only) */
	FAULT_IRQ_LEVEL,	/* a level delivered: masked around the handler */
	FAULT_IRQ_FREE,		/* free_irq */
	FAULT_SUSPEND,		/* system suspend */
	FAULT_RESUME,		/* system resume */
	FAULT_UNBIND,		/* unbind, nothing held */
};

static const char *const fault_op_names[] = {
	[FAULT_PROBE] = "probe",
	[FAULT_REQUEST_INPUT] = "request as input",
	[FAULT_OUTPUT] = "direction output",
	[FAULT_SWITCH_TO_INPUT] = "output to input",
	[FAULT_GET] = "get",
	[FAULT_GET_AS_IS] = "get as-is",
	[FAULT_GET_MIXED] = "get in+out batch",
	[FAULT_GET_BANKS] = "get 2-bank batch",
	[FAULT_SET] = "set",
	[FAULT_SET_BANKS] = "set 2-bank batch",
	[FAULT_RELEASE] = "release",
	[FAULT_IRQ_REQUEST] = "request_irq",
	[FAULT_IRQ_RETYPE] = "irq_set_irq_type",
	[FAULT_IRQ_EDGE] = "edge irq",
	[FAULT_IRQ_LEVEL] = "level irq",
	[FAULT_IRQ_FREE] = "free_irq",
	[FAULT_SUSPEND] = "suspend",
	[FAULT_RESUME] = "resume",
	[FAULT_UNBIND] = "unbind",
};

struct fault_case {
	enum fault_op op;
	enum gpioclx_cb cb;
	unsigned int at;	/* the callback's at-th call in the operation fails */
	unsigned int times;	/* and so many in a row (0: 1) */
	NTSTATUS status;
	int err;		/* what the operation returns */
	bool serial;
};

#define MM(op, cb, at, status, err) { FAULT_##op, GPIOCLX_CB_##cb, at, 1, status, err, false }
#define SER(op, cb, at, status, err) { FAULT_##op, GPIOCLX_CB_##cb, at, 1, status, err, true }
/* rows in pairs, not through a macro of both: READ and WRITE are macros too */

static const struct fault_case fault_cases[] = {
	MM(PROBE, PREPARE, 1, STATUS_INSUFFICIENT_RESOURCES, -ENOMEM),
	SER(PROBE, PREPARE, 1, STATUS_INSUFFICIENT_RESOURCES, -ENOMEM),
	MM(PROBE, QUERY_BASIC_INFO, 1, STATUS_UNSUCCESSFUL, -EIO),
	SER(PROBE, QUERY_BASIC_INFO, 1, STATUS_UNSUCCESSFUL, -EIO),
	MM(PROBE, START, 1, STATUS_DEVICE_BUSY, -EBUSY),
	SER(PROBE, START, 1, STATUS_DEVICE_BUSY, -EBUSY),
	MM(REQUEST_INPUT, CONNECT_IO, 1, STATUS_DEVICE_BUSY, -EBUSY),
	SER(REQUEST_INPUT, CONNECT_IO, 1, STATUS_DEVICE_BUSY, -EBUSY),
	/* the first Write preloads the latch; GpioClx lets it be refused */
	MM(OUTPUT, CONNECT_IO, 1, STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE, -EBUSY),
	SER(OUTPUT, CONNECT_IO, 1, STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE, -EBUSY),
	MM(OUTPUT, WRITE, 2, STATUS_GPIO_OPERATION_DENIED, -EPERM),
	SER(OUTPUT, WRITE, 2, STATUS_GPIO_OPERATION_DENIED, -EPERM),
	MM(SWITCH_TO_INPUT, DISCONNECT_IO, 1, STATUS_IO_DEVICE_ERROR, -EIO),
	SER(SWITCH_TO_INPUT, DISCONNECT_IO, 1, STATUS_IO_DEVICE_ERROR, -EIO),
	MM(SWITCH_TO_INPUT, CONNECT_IO, 1, STATUS_INVALID_PARAMETER, -EINVAL),
	SER(SWITCH_TO_INPUT, CONNECT_IO, 1, STATUS_INVALID_PARAMETER, -EINVAL),
	MM(GET, READ, 1, STATUS_IO_DEVICE_ERROR, -EIO),
	SER(GET, READ, 1, STATUS_IO_DEVICE_ERROR, -EIO),
	MM(GET_AS_IS, CONNECT_IO, 1, STATUS_ACCESS_DENIED, -EACCES),
	SER(GET_AS_IS, CONNECT_IO, 1, STATUS_ACCESS_DENIED, -EACCES),
	MM(GET_MIXED, READ, 1, STATUS_IO_TIMEOUT, -ETIMEDOUT),
	SER(GET_MIXED, READ, 1, STATUS_IO_TIMEOUT, -ETIMEDOUT),
	MM(GET_MIXED, READ, 2, STATUS_IO_TIMEOUT, -ETIMEDOUT),
	SER(GET_MIXED, READ, 2, STATUS_IO_TIMEOUT, -ETIMEDOUT),
	MM(GET_BANKS, READ, 2, STATUS_NO_SUCH_DEVICE, -ENODEV),
	SER(GET_BANKS, READ, 2, STATUS_NO_SUCH_DEVICE, -ENODEV),
	MM(SET, WRITE, 1, STATUS_IO_DEVICE_ERROR, 0),
	SER(SET, WRITE, 1, STATUS_IO_DEVICE_ERROR, 0),
	MM(SET_BANKS, WRITE, 1, STATUS_IO_DEVICE_ERROR, 0),
	SER(SET_BANKS, WRITE, 1, STATUS_IO_DEVICE_ERROR, 0),
	MM(RELEASE, DISCONNECT_IO, 1, STATUS_UNSUCCESSFUL, 0),
	SER(RELEASE, DISCONNECT_IO, 1, STATUS_UNSUCCESSFUL, 0),
	MM(IRQ_REQUEST, ENABLE_INTERRUPT, 1, STATUS_INSUFFICIENT_RESOURCES, -ENOMEM),
	/* serial: applied at irq_bus_sync_unlock(), which returns nothing */
	SER(IRQ_REQUEST, ENABLE_INTERRUPT, 1, STATUS_INSUFFICIENT_RESOURCES, 0),
	MM(IRQ_RETYPE, MASK_INTERRUPTS, 1, STATUS_IO_DEVICE_ERROR, 0),
	MM(IRQ_RETYPE, RECONFIGURE, 1, STATUS_NOT_SUPPORTED, -EOPNOTSUPP),
	MM(IRQ_RETYPE, UNMASK_INTERRUPT, 1, STATUS_IO_DEVICE_ERROR, 0),
	SER(IRQ_RETYPE, MASK_INTERRUPTS, 1, STATUS_IO_DEVICE_ERROR, 0),
	SER(IRQ_RETYPE, RECONFIGURE, 1, STATUS_NOT_SUPPORTED, 0),
	SER(IRQ_RETYPE, UNMASK_INTERRUPT, 1, STATUS_IO_DEVICE_ERROR, 0),
	MM(IRQ_EDGE, QUERY_ACTIVE, 1, STATUS_IO_DEVICE_ERROR, 0),
	MM(IRQ_EDGE, CLEAR_ACTIVE, 1, STATUS_IO_DEVICE_ERROR, 0),
	MM(IRQ_LEVEL, MASK_INTERRUPTS, 1, STATUS_IO_DEVICE_ERROR, 0),
	MM(IRQ_LEVEL, UNMASK_INTERRUPT, 1, STATUS_IO_DEVICE_ERROR, 0),
	MM(IRQ_FREE, DISABLE_INTERRUPT, 1, STATUS_IO_DEVICE_ERROR, 0),
	/* serial: GpioClx retries a failed Disable once; both fail here */
	{ FAULT_IRQ_FREE, GPIOCLX_CB_DISABLE_INTERRUPT, 1, 2, STATUS_IO_DEVICE_ERROR, 0, true },
	MM(SUSPEND, STOP, 1, STATUS_DEVICE_BUSY, -EBUSY),
	SER(SUSPEND, STOP, 1, STATUS_DEVICE_BUSY, -EBUSY),
	MM(RESUME, START, 1, STATUS_DEVICE_NOT_READY, -EAGAIN),
	SER(RESUME, START, 1, STATUS_DEVICE_NOT_READY, -EAGAIN),
	MM(RESUME, QUERY_ENABLED, 1, STATUS_IO_DEVICE_ERROR, 0),
	SER(RESUME, QUERY_ENABLED, 1, STATUS_IO_DEVICE_ERROR, 0),
	MM(UNBIND, STOP, 1, STATUS_IO_DEVICE_ERROR, 0),
	SER(UNBIND, STOP, 1, STATUS_IO_DEVICE_ERROR, 0),
	MM(UNBIND, RELEASE, 1, STATUS_UNSUCCESSFUL, 0),
	SER(UNBIND, RELEASE, 1, STATUS_UNSUCCESSFUL, 0),
};

static void fault_case_desc(const struct fault_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s fails %s in %s, %s", gpioclx_cb_names[c->cb],
		 c->times > 1 ? "twice" : c->at > 1 ? "at its 2nd call" : "once",
		 fault_op_names[c->op], c->serial ? "serial" : "memory-mapped");
}
KUNIT_ARRAY_PARAM(fault, fault_cases, fault_case_desc);

/* Lines the rows use: two in bank 0, one in bank 1. */
#define L0 4
#define L1 5
#define L2 (32 + 4)

static atomic_t fault_events;

static irqreturn_t fault_edge_handler(int irq, void *data)
{
	atomic_inc(&fault_events);
	return IRQ_HANDLED;
}

/* A level handler quiets its source, as a device driver would. */
static irqreturn_t fault_level_handler(int irq, void *data)
{
	atomic_inc(&fault_events);
	fake_drive(0, L1, false);
	return IRQ_HANDLED;
}

static int fault_request_irq(int irq, irq_handler_t handler, unsigned long flags)
{
	if (fake->cfg.serial)
		return request_threaded_irq(irq, NULL, handler, flags | IRQF_ONESHOT, "kunit",
					    &fault_events);
	return request_irq(irq, handler, flags, "kunit", &fault_events);
}

static void fault_arm(const struct fault_case *c)
{
	fake_fail(c->cb, c->at, c->status);
	fake->fail_count = c->times ?: 1;
}

/* The failing call happened: the row tests what it says it does. */
static void fault_expect_injected(struct kunit *test, const struct fault_case *c)
{
	KUNIT_EXPECT_GE_MSG(test, fake->ncalls[c->cb], fake->fail_at + fake->fail_count - 1,
			    "%s was not called %u time(s)", gpioclx_cb_names[c->cb], c->at);
	fake->fail_at = 0;
}

/* Run the row's operation with the fault armed; returns its errno. */
static int fault_run(struct kunit *test, const struct fault_case *c)
{
	struct gpio_chip *gc = fake->gc;
	struct gpio_desc *d[3] = {};
	struct device *dev;
	DECLARE_BITMAP(values, 3) = {};
	int ret = 0, irq;

	switch (c->op) {
	case FAULT_PROBE:
		fault_arm(c);
		KUNIT_EXPECT_EQ(test, fake_probe(test), -ENODEV);
		ret = gpioclx_client_probe_result(&fake->driver, &fake->pdev->dev);
		break;
	case FAULT_REQUEST_INPUT:
		fault_arm(c);
		d[0] = gpiochip_request_own_desc(gc, L0, "kunit", GPIO_ACTIVE_HIGH, GPIOD_IN);
		if (IS_ERR(d[0])) {
			ret = PTR_ERR(d[0]);
			d[0] = NULL;
		}
		break;
	case FAULT_OUTPUT:
		d[0] = fake_request(test, L0, GPIOD_ASIS);
		fault_arm(c);
		ret = gpiod_direction_output(d[0], 1);
		break;
	case FAULT_SWITCH_TO_INPUT:
		d[0] = fake_request(test, L0, GPIOD_OUT_HIGH);
		fault_arm(c);
		ret = gpiod_direction_input(d[0]);
		break;
	case FAULT_GET:
		d[0] = fake_request(test, L0, GPIOD_IN);
		fault_arm(c);
		ret = gpiod_get_value_cansleep(d[0]);
		break;
	case FAULT_GET_AS_IS:
		d[0] = fake_request(test, L0, GPIOD_ASIS);
		fault_arm(c);
		ret = gpiod_get_value_cansleep(d[0]);
		break;
	case FAULT_GET_MIXED:
	case FAULT_GET_BANKS:
		d[0] = fake_request(test, L0, c->op == FAULT_GET_MIXED ? GPIOD_OUT_LOW : GPIOD_IN);
		d[1] = fake_request(test, c->op == FAULT_GET_MIXED ? L1 : L2, GPIOD_IN);
		fault_arm(c);
		ret = gpiod_get_array_value_cansleep(2, d, NULL, values);
		break;
	case FAULT_SET:
		d[0] = fake_request(test, L0, GPIOD_OUT_LOW);
		fault_arm(c);
		gpiod_set_value_cansleep(d[0], 1);
		KUNIT_EXPECT_EQ(test, fake->banks[0].latch & BIT_ULL(L0), 0);
		break;
	case FAULT_SET_BANKS:
		d[0] = fake_request(test, L0, GPIOD_OUT_LOW);
		d[1] = fake_request(test, L2, GPIOD_OUT_LOW);
		bitmap_fill(values, 2);
		fault_arm(c);
		ret = gpiod_set_array_value_cansleep(2, d, NULL, values);
		/* bank 0's Write failed; bank 1 is written all the same */
		KUNIT_EXPECT_EQ(test, fake->banks[0].latch & BIT_ULL(L0), 0);
		KUNIT_EXPECT_NE(test, fake->banks[1].latch & BIT_ULL(L2 - 32), 0);
		break;
	case FAULT_RELEASE:
		d[0] = fake_request(test, L0, GPIOD_IN);
		fault_arm(c);
		fake_release(d[0]);
		d[0] = NULL;
		break;
	case FAULT_IRQ_REQUEST:
	case FAULT_IRQ_RETYPE:
	case FAULT_IRQ_EDGE:
	case FAULT_IRQ_FREE:
		d[0] = fake_request(test, L1, GPIOD_IN);
		irq = gpiod_to_irq(d[0]);
		KUNIT_ASSERT_GT(test, irq, 0);
		atomic_set(&fault_events, 0);
		if (c->op == FAULT_IRQ_REQUEST) {
			fault_arm(c);
			ret = fault_request_irq(irq, fault_edge_handler, IRQF_TRIGGER_RISING);
			if (!ret)
				free_irq(irq, &fault_events);
			break;
		}
		KUNIT_ASSERT_EQ(test, fault_request_irq(irq, fault_edge_handler,
							IRQF_TRIGGER_RISING), 0);
		fault_arm(c);
		if (c->op == FAULT_IRQ_RETYPE) {
			ret = irq_set_irq_type(irq, IRQ_TYPE_EDGE_FALLING);
		} else if (c->op == FAULT_IRQ_EDGE) {
			fake_drive(0, L1, true);
			fake_deliver(0, 5);
			/* delivered once the client answers again */
			KUNIT_EXPECT_GE(test, atomic_read(&fault_events), 1);
			fake_drive(0, L1, false);
		}
		free_irq(irq, &fault_events);
		break;
	case FAULT_IRQ_LEVEL:
		d[0] = fake_request(test, L1, GPIOD_IN);
		irq = gpiod_to_irq(d[0]);
		KUNIT_ASSERT_GT(test, irq, 0);
		atomic_set(&fault_events, 0);
		KUNIT_ASSERT_EQ(test, fault_request_irq(irq, fault_level_handler,
							IRQF_TRIGGER_HIGH), 0);
		fault_arm(c);
		fake_drive(0, L1, true);
		fake_deliver(0, 5);
		KUNIT_EXPECT_EQ(test, atomic_read(&fault_events), 1);
		free_irq(irq, &fault_events);
		break;
	case FAULT_SUSPEND:
	case FAULT_RESUME:
		dev = &fake->pdev->dev;
		if (c->op == FAULT_SUSPEND)
			fault_arm(c);
		ret = dev->driver->pm->suspend_late(dev);
		if (c->op == FAULT_RESUME) {
			KUNIT_ASSERT_EQ(test, ret, 0);
			fault_arm(c);
			ret = dev->driver->pm->resume_early(dev);
			if (ret)	/* the next resume brings it up */
				KUNIT_EXPECT_EQ(test, dev->driver->pm->resume_early(dev), 0);
		} else {
			/* the banks saved for a sleep that did not come are restored */
			KUNIT_EXPECT_FALSE(test, fake->banks[0].saved);
			KUNIT_EXPECT_FALSE(test, fake->banks[1].saved);
			/* not suspended: nothing to resume */
			KUNIT_EXPECT_EQ(test, dev->driver->pm->resume_early(dev), 0);
		}
		KUNIT_EXPECT_FALSE(test, fake->ctrl->suspended);
		break;
	case FAULT_UNBIND:
		fault_arm(c);
		fake_unbind(test);
		KUNIT_EXPECT_NULL(test, fake->pdev->dev.driver);
		break;
	}
	for (irq = 0; irq < ARRAY_SIZE(d); irq++)
		if (d[irq])
			fake_release(d[irq]);
	return ret;
}

/* The line works: as an output it drives, as an input it reads. */
static void fault_expect_line_works(struct kunit *test, unsigned int offset)
{
	unsigned int bank = offset / 32, pin = offset % 32;
	struct gpio_desc *desc = fake_request(test, offset, GPIOD_OUT_HIGH);

	KUNIT_EXPECT_NE(test, fake->banks[bank].latch & BIT_ULL(pin), 0);
	gpiod_set_value_cansleep(desc, 0);
	KUNIT_EXPECT_EQ(test, fake->banks[bank].latch & BIT_ULL(pin), 0);
	KUNIT_EXPECT_EQ(test, gpiod_direction_input(desc), 0);
	fake_drive(bank, pin, true);
	KUNIT_EXPECT_EQ(test, gpiod_get_value_cansleep(desc), 1);
	fake_drive(bank, pin, false);
	fake_release(desc);
}

/* Its interrupt works: requested again, an edge is delivered once. */
static void fault_expect_irq_works(struct kunit *test, unsigned int offset)
{
	struct gpio_desc *desc = fake_request(test, offset, GPIOD_IN);
	int irq = gpiod_to_irq(desc);

	KUNIT_ASSERT_GT(test, irq, 0);
	atomic_set(&fault_events, 0);
	KUNIT_ASSERT_EQ(test, fault_request_irq(irq, fault_edge_handler, IRQF_TRIGGER_RISING), 0);
	if (!fake->cfg.serial) {
		fake_drive(0, offset, true);
		fake_deliver(0, 5);
		KUNIT_EXPECT_EQ(test, atomic_read(&fault_events), 1);
		fake_drive(0, offset, false);
	}
	KUNIT_EXPECT_NE(test, fake->banks[0].enabled & BIT_ULL(offset), 0);
	free_irq(irq, &fault_events);
	KUNIT_EXPECT_EQ(test, fake->banks[0].enabled & BIT_ULL(offset), 0);
	fake_release(desc);
}

static void fault_each_callback_once(struct kunit *test)
{
	const struct fault_case *c = test->param_value;
	struct fake_cfg cfg = { .serial = c->serial };
	unsigned int b;
	int ret;

	/* Save/Restore run too, around suspend (memory-mapped controllers only) */
	cfg.flags.BankIdlePowerMgmtSupported = !c->serial;
	KUNIT_ASSERT_EQ(test, fake_register(test, &cfg), 0);
	if (c->op != FAULT_PROBE)
		KUNIT_ASSERT_EQ(test, fake_probe(test), 0);

	log_capture_start(test);
	ret = fault_run(test, c);
	KUNIT_EXPECT_EQ(test, ret, c->err);
	fault_expect_injected(test, c);
	KUNIT_EXPECT_TRUE_MSG(test, log_capture_has(gpioclx_cb_names[c->cb], "failed"),
			      "no log line names %s; the log:\n%s", gpioclx_cb_names[c->cb],
			      log_capture_text());
	log_capture_stop();

	if (c->op == FAULT_PROBE || c->op == FAULT_UNBIND) {
		/* a device binds again, to the same driver */
		fake_remove_device();
		KUNIT_ASSERT_EQ(test, fake_probe(test), 0);
	}
	/* no stuck line and no held lock: the same lines work again */
	fault_expect_line_works(test, L0);
	fault_expect_line_works(test, L2);
	if (c->op >= FAULT_IRQ_REQUEST && c->op <= FAULT_IRQ_FREE)
		fault_expect_irq_works(test, L1);

	/* nothing left behind in the client once the device is gone */
	fake_unbind(test);
	for (b = 0; b < fake->cfg.banks; b++) {
		KUNIT_EXPECT_EQ_MSG(test, fake->banks[b].connected, 0, "bank %u", b);
		if (c->cb != GPIOCLX_CB_DISABLE_INTERRUPT)	/* it never disabled that one */
			KUNIT_EXPECT_EQ_MSG(test, fake->banks[b].enabled, 0, "bank %u", b);
	}
	KUNIT_EXPECT_EQ(test, fake->mapped, 0);
	KUNIT_EXPECT_EQ(test, fake->release_count, fake->ncalls[GPIOCLX_CB_PREPARE]);
}

static void fault_exit(struct kunit *test)
{
	log_capture_stop();
	fake_teardown();
}

static struct kunit_case fault_test_cases[] = {
	KUNIT_CASE_PARAM(fault_each_callback_once, fault_gen_params),
	{}
};

static struct kunit_suite fault_suite = {
	.name = "gpioclx_fault",
	.exit = fault_exit,
	.test_cases = fault_test_cases,
};
kunit_test_suite(fault_suite);
