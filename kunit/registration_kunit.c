// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * registration_kunit.c - GPIO_CLX_RegisterClient: every malformed packet
 * is refused with the right NTSTATUS, and the module init that ran the
 * client's DriverEntry fails with a clear errno.
 */
#include <kunit/test.h>

#include "fake_client.h"

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

static void registration_exit(struct kunit *test)
{
	fake_teardown();
}

static struct kunit_case registration_cases[] = {
	KUNIT_CASE_PARAM(registration_packet, packet_gen_params),
	KUNIT_CASE(registration_null_arguments),
	KUNIT_CASE(registration_unload_unregisters),
	{}
};

static struct kunit_suite registration_suite = {
	.name = "gpioclx_registration",
	.exit = registration_exit,
	.test_cases = registration_cases,
};
kunit_test_suite(registration_suite);
