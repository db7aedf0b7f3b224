// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * registration_kunit.c - GPIO_CLX_RegisterClient: every malformed packet
 * is refused with the right NTSTATUS, and the module init that ran the
 * client's DriverEntry fails with a clear errno; seeded random packets
 * too, each judged by the rules written out again here.
 */
#include <kunit/test.h>
#include <linux/prandom.h>

#include "fake_client.h"
#include "log_capture.h"

struct packet_case {
	const char *name;
	void (*mutate)(GPIO_CLIENT_REGISTRATION_PACKET *p);
	USHORT version;
	short size_delta;
	NTSTATUS expected;
};

#define MUTATOR(name, stmt) \
	static void name(GPIO_CLIENT_REGISTRATION_PACKET *p) { stmt; }

MUTATOR(no_prepare, p->CLIENT_PrepareController = NULL)
MUTATOR(no_release, p->CLIENT_ReleaseController = NULL)
MUTATOR(no_start, p->CLIENT_StartController = NULL)
MUTATOR(no_stop, p->CLIENT_StopController = NULL)
MUTATOR(no_query_basic, p->CLIENT_QueryControllerBasicInformation = NULL)
MUTATOR(no_disconnect, p->CLIENT_DisconnectIoPins = NULL)
MUTATOR(no_connect, p->CLIENT_ConnectIoPins = NULL)
MUTATOR(no_read_write, p->CLIENT_ReadGpioPins = NULL; p->CLIENT_WriteGpioPins = NULL)
MUTATOR(io_without_connect, p->CLIENT_ConnectIoPins = NULL; p->CLIENT_DisconnectIoPins = NULL)
MUTATOR(no_mask, p->CLIENT_MaskInterrupts = NULL)
MUTATOR(no_unmask, p->CLIENT_UnmaskInterrupt = NULL)
MUTATOR(no_query_active, p->CLIENT_QueryActiveInterrupts = NULL)
MUTATOR(no_restore, p->CLIENT_RestoreBankHardwareContext = NULL)
MUTATOR(flags_set, p->Flags = 1)
MUTATOR(reserved_set, p->Reserved = 1)
MUTATOR(huge_context, p->ControllerContextSize = 0x7fffffff)
MUTATOR(only_write, p->CLIENT_ReadGpioPins = NULL)
MUTATOR(no_op, (void)p)
MUTATOR(version_zero, p->Version = 0)

static const struct packet_case packet_cases[] = {
	{ "valid v3", no_op, 3, 0, STATUS_SUCCESS },
	{ "valid v2", no_op, 2, 0, STATUS_SUCCESS },
	{ "valid v1", no_op, 1, 0, STATUS_SUCCESS },
	{ "write-only I/O", only_write, 3, 0, STATUS_SUCCESS },
	{ "version 0", version_zero, 3, 0, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "version 65535", no_op, 0xffff, 0, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "version 4", no_op, 4, 0, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "size too big", no_op, 3, 8, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "size too small", no_op, 3, -8, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "v2 with v3 size", no_op, 2, 16, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "no PrepareController", no_prepare, 3, 0, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "no ReleaseController", no_release, 3, 0, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "no StartController", no_start, 3, 0, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "no StopController", no_stop, 3, 0, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "no QueryBasicInformation", no_query_basic, 3, 0,
	  STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "Connect without Disconnect", no_disconnect, 3, 0,
	  STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "Disconnect without Connect", no_connect, 3, 0,
	  STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "I/O without Read or Write", no_read_write, 3, 0,
	  STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "Read/Write without Connect", io_without_connect, 3, 0,
	  STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "interrupts without Mask", no_mask, 3, 0, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "interrupts without Unmask", no_unmask, 3, 0, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "interrupts without QueryActive", no_query_active, 3, 0,
	  STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "Save without Restore", no_restore, 3, 0, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "Flags not 0", flags_set, 3, 0, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "Reserved not 0", reserved_set, 3, 0, STATUS_GPIO_INVALID_REGISTRATION_PACKET },
	{ "absurd ControllerContextSize", huge_context, 3, 0,
	  STATUS_GPIO_INVALID_REGISTRATION_PACKET },
};

static void packet_case_desc(const struct packet_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}
KUNIT_ARRAY_PARAM(packet, packet_cases, packet_case_desc);

static void registration_packet(struct kunit *test)
{
	const struct packet_case *c = test->param_value;
	struct fake_cfg cfg = {
		.version = c->version, .size_delta = c->size_delta, .mutate_packet = c->mutate,
	};
	int ret = fake_register(test, &cfg);

	KUNIT_EXPECT_EQ(test, (u32)fake->driver_entry_status, (u32)c->expected);
	if (c->expected == STATUS_SUCCESS) {
		KUNIT_EXPECT_EQ(test, ret, 0);
		/* and a device binds to it */
		KUNIT_EXPECT_EQ(test, fake_probe(test), 0);
	} else {
		/* the client's module init fails with the mapped errno */
		KUNIT_EXPECT_EQ(test, ret, -EINVAL);
		/* no driver stays registered to bind devices */
		KUNIT_EXPECT_NE(test, fake_probe(test), 0);
		KUNIT_EXPECT_EQ(test, fake->ncalls[GPIOCLX_CB_PREPARE], 0);
	}
}

static void registration_null_arguments(struct kunit *test)
{
	GPIO_CLIENT_REGISTRATION_PACKET packet = {
		.Version = GPIO_CLIENT_VERSION, .Size = sizeof(packet),
	};
	UNICODE_STRING path = {};
	WDF_OBJECT_ATTRIBUTES attributes;

	KUNIT_EXPECT_EQ(test, (u32)GPIO_CLX_RegisterClient(NULL, &packet, &path),
			(u32)STATUS_INVALID_PARAMETER);
	/* a handle that WdfDriverCreate never returned */
	KUNIT_EXPECT_EQ(test, (u32)GPIO_CLX_RegisterClient((WDFDRIVER)&packet, &packet, &path),
			(u32)STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, (u32)GPIO_CLX_UnregisterClient(NULL), (u32)STATUS_NOT_FOUND);
	KUNIT_EXPECT_EQ(test, (u32)GPIO_CLX_ProcessAddDevicePreDeviceCreate(NULL, NULL,
									     &attributes),
			(u32)STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, (u32)GPIO_CLX_ProcessAddDevicePostDeviceCreate(NULL, NULL),
			(u32)STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, (u32)WdfDriverCreate(NULL, &path, NULL, NULL, NULL),
			(u32)STATUS_INVALID_PARAMETER);
}

static void registration_unload_unregisters(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, fake_register(test, NULL), 0);
	gpioclx_client_driver_unregister(&fake->driver);
	KUNIT_EXPECT_EQ(test, fake->unload_count, 1);
	KUNIT_EXPECT_NULL(test, fake->driver.gdrv);
	fake->register_ret = -1;	/* already gone */
}

/*
 * Random packets: from the fake's valid one, up to three callback slots
 * dropped (NULL), and now and then a header field changed. Slots are never
 * filled: the shim would call whatever is there.
 */
#define FUZZ_SLOTS ((sizeof(GPIO_CLIENT_REGISTRATION_PACKET) - \
		     offsetof(GPIO_CLIENT_REGISTRATION_PACKET, CLIENT_PrepareController)) / \
		    sizeof(void *))
#define FUZZ_PACKETS 300

static struct rnd_state fuzz_rnd;
static GPIO_CLIENT_REGISTRATION_PACKET fuzz_sent;

static void fuzz_mutate(GPIO_CLIENT_REGISTRATION_PACKET *p)
{
	void **slot = (void **)&p->CLIENT_PrepareController;
	u32 r = prandom_u32_state(&fuzz_rnd);
	unsigned int i;

	for (i = 0; i < (r >> 4) % 4; i++)
		slot[prandom_u32_state(&fuzz_rnd) % FUZZ_SLOTS] = NULL;
	switch (r % 16) {
	case 0:
		p->Version = prandom_u32_state(&fuzz_rnd) % 6;
		break;
	case 1:
		p->Size += (int)(prandom_u32_state(&fuzz_rnd) % 33) - 16;
		break;
	case 2:
		p->Size = prandom_u32_state(&fuzz_rnd);
		break;
	case 3:
		p->Flags = BIT(prandom_u32_state(&fuzz_rnd) % 32);
		break;
	case 4:
		p->Reserved = BIT_ULL(prandom_u32_state(&fuzz_rnd) % 64);
		break;
	case 5:
		p->ControllerContextSize = prandom_u32_state(&fuzz_rnd) >> (r >> 27);
		break;
	}
	fuzz_sent = *p;
}

/* The rules of "Optional and Required GPIO Callback Functions", again. */
static bool fuzz_valid(const GPIO_CLIENT_REGISTRATION_PACKET *sent)
{
	static const USHORT sizes[] = {
		0, offsetof(GPIO_CLIENT_REGISTRATION_PACKET, CLIENT_QueryEnabledInterrupts),
		offsetof(GPIO_CLIENT_REGISTRATION_PACKET, CLIENT_ConnectFunctionConfigPins),
		sizeof(GPIO_CLIENT_REGISTRATION_PACKET),
	};
	GPIO_CLIENT_REGISTRATION_PACKET p = *sent;
	bool io, irq_all, irq_none;

	if (p.Version < 1 || p.Version > 3 || p.Size != sizes[p.Version] || p.Flags ||
	    p.Reserved || p.ControllerContextSize > 1024 * 1024)
		return false;
	/* what lies past Size is not the client's to give */
	memset((u8 *)&p + p.Size, 0, sizeof(p) - p.Size);
	if (!p.CLIENT_PrepareController || !p.CLIENT_ReleaseController ||
	    !p.CLIENT_StartController || !p.CLIENT_StopController ||
	    !p.CLIENT_QueryControllerBasicInformation)
		return false;
	io = p.CLIENT_ConnectIoPins && p.CLIENT_DisconnectIoPins;
	if (!io != (!p.CLIENT_ConnectIoPins && !p.CLIENT_DisconnectIoPins))
		return false;
	if (io != (p.CLIENT_ReadGpioPins || p.CLIENT_WriteGpioPins))
		return false;
	irq_all = p.CLIENT_EnableInterrupt && p.CLIENT_DisableInterrupt &&
		  p.CLIENT_MaskInterrupts && p.CLIENT_UnmaskInterrupt &&
		  p.CLIENT_QueryActiveInterrupts;
	irq_none = !p.CLIENT_EnableInterrupt && !p.CLIENT_DisableInterrupt &&
		   !p.CLIENT_MaskInterrupts && !p.CLIENT_UnmaskInterrupt &&
		   !p.CLIENT_QueryActiveInterrupts;
	if (!irq_all && !irq_none)
		return false;
	if (irq_none && (p.CLIENT_ClearActiveInterrupts || p.CLIENT_ReconfigureInterrupt ||
			 p.CLIENT_QueryEnabledInterrupts))
		return false;
	return !p.CLIENT_SaveBankHardwareContext == !p.CLIENT_RestoreBankHardwareContext;
}

static void registration_fuzzed_packets(struct kunit *test)
{
	struct fake_cfg cfg = { .mutate_packet = fuzz_mutate };
	unsigned int seed, valid = 0, bound = 0;
	int ret;

	for (seed = 1; seed <= FUZZ_PACKETS; seed++) {
		prandom_seed_state(&fuzz_rnd, seed);
		log_capture_start(test);
		ret = fake_register(test, &cfg);
		if (!fuzz_valid(&fuzz_sent)) {
			KUNIT_EXPECT_EQ_MSG(test, ret, -EINVAL, "seed %u", seed);
			KUNIT_EXPECT_TRUE_MSG(test, log_capture_has("invalid registration packet",
								    NULL),
					      "seed %u: no log line:\n%s", seed, log_capture_text());
			continue;
		}
		valid++;
		KUNIT_EXPECT_EQ_MSG(test, ret, 0, "seed %u", seed);
		if (ret)
			continue;
		/* a valid packet binds, or the probe says why */
		if (!fake_probe(test)) {
			bound++;
			continue;
		}
		KUNIT_EXPECT_LT_MSG(test,
				    gpioclx_client_probe_result(&fake->driver, &fake->pdev->dev),
				    0, "seed %u", seed);
		KUNIT_EXPECT_TRUE_MSG(test, log_capture_has(dev_name(&fake->pdev->dev), NULL),
				      "seed %u: probe failed without a log line:\n%s", seed,
				      log_capture_text());
		KUNIT_EXPECT_EQ_MSG(test, fake->mapped, 0, "seed %u", seed);
	}
	fake_teardown();
	log_capture_stop();
	kunit_info(test, "%u packets: %u valid, %u bound", FUZZ_PACKETS, valid, bound);
	/* the generator reaches both sides */
	KUNIT_EXPECT_GT(test, valid, 10);
	KUNIT_EXPECT_LT(test, valid, FUZZ_PACKETS - 10);
}

/* The device's resources, as the client's PrepareController gets them. */
struct resource_case {
	const char *name;
	bool no_mem;
	unsigned int extra_mem, nirqs;
	int err;		/* the probe's */
};

static const struct resource_case resource_cases[] = {
	/* the client refuses: STATUS_DEVICE_CONFIGURATION_ERROR */
	{ "no memory resource", true, 0, 0, -ENXIO },
	{ "2 memory resources", false, 1, 0, 0 },
	{ "4 memory resources", false, 3, 0, 0 },
	/* more than the shim passes on: refused, not cut short */
	{ "5 memory resources", false, 4, 0, -E2BIG },
	{ "1 interrupt for 2 banks", false, 0, 1, 0 },
	{ "8 interrupts for 2 banks", false, 0, 8, 0 },
};

static void resource_case_desc(const struct resource_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}
KUNIT_ARRAY_PARAM(resource, resource_cases, resource_case_desc);

static void registration_resource_lists(struct kunit *test)
{
	const struct resource_case *c = test->param_value;
	struct fake_cfg cfg = { .no_mem = c->no_mem, .extra_mem = c->extra_mem,
				.nirqs = c->nirqs };
	int ret;

	KUNIT_ASSERT_EQ(test, fake_register(test, &cfg), 0);
	log_capture_start(test);
	ret = fake_probe(test);
	KUNIT_EXPECT_EQ(test, gpioclx_client_probe_result(&fake->driver, &fake->pdev->dev),
			c->err);
	if (c->err) {
		KUNIT_EXPECT_NE(test, ret, 0);
		KUNIT_EXPECT_TRUE_MSG(test, log_capture_has(dev_name(&fake->pdev->dev), NULL),
				      "no log line:\n%s", log_capture_text());
	} else {
		KUNIT_EXPECT_EQ(test, ret, 0);
		KUNIT_EXPECT_EQ(test, fake->mapped, 1);
	}
	log_capture_stop();
}

/*
 * A probe that fails after EvtDriverDeviceAdd (here: the register window
 * is someone else's) deletes what the client made in it as children of
 * the device, as WDF deletes a failed device's children.
 */
static void registration_failed_probe_deletes_children(struct kunit *test)
{
	struct fake_cfg cfg = { .window_busy = true, .target_in_device_add = true };

	KUNIT_ASSERT_EQ(test, fake_register(test, &cfg), 0);
	KUNIT_EXPECT_NE(test, fake_probe(test), 0);
	KUNIT_EXPECT_EQ(test, fake->targets_created, 1);
	KUNIT_EXPECT_EQ(test, fake->target_cleanups, 1);
}

static void registration_exit(struct kunit *test)
{
	log_capture_stop();
	fake_teardown();
}

static struct kunit_case registration_cases[] = {
	KUNIT_CASE(registration_failed_probe_deletes_children),
	KUNIT_CASE_PARAM(registration_packet, packet_gen_params),
	KUNIT_CASE(registration_null_arguments),
	KUNIT_CASE(registration_unload_unregisters),
	KUNIT_CASE(registration_fuzzed_packets),
	KUNIT_CASE_PARAM(registration_resource_lists, resource_gen_params),
	{}
};

static struct kunit_suite registration_suite = {
	.name = "gpioclx_registration",
	.exit = registration_exit,
	.test_cases = registration_cases,
};
kunit_test_suite(registration_suite);
