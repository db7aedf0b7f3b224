// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test_layout.c - the WDK layout of include/ checked by the host compiler.
 *
 * gpioclx_abi_table.h already fails the build on a wrong size, offset or
 * constant; this program also walks the same facts at run time (so they
 * are counted) and checks the flag-union bit positions.
 */
#include <ntddk.h>
#include <wdf.h>
#include <gpioclx.h>
#include <gpioclx_abi_table.h>

#include "hosted_test.h"

static void report(const char *what, unsigned long long actual, unsigned long long expected,
		   void *ctx)
{
	unsigned int *bad = ctx;

	if (actual != expected) {
		printf("#   %s is 0x%llx, the WDK has 0x%llx\n", what, actual, expected);
		(*bad)++;
	}
}

static void layout_facts(void)
{
	unsigned int i, bad = 0;
	const unsigned int n = sizeof(gpioclx_abi_facts) / sizeof(gpioclx_abi_facts[0]);

	for (i = 0; i < n; i++)
		report(gpioclx_abi_facts[i].what, gpioclx_abi_facts[i].actual,
		       gpioclx_abi_facts[i].expected, &bad);
	printf("#   %u size/offset/constant facts checked\n", n);
	EXPECT_TRUE(n > 400);
	EXPECT_EQ(bad, 0);
}

static void layout_flag_bits(void)
{
	unsigned int bad = 0, n = gpioclx_abi_check_bitfields(report, &bad);

	EXPECT_EQ(n, 12);
	EXPECT_EQ(bad, 0);
}

static void nt_success_semantics(void)
{
	EXPECT_TRUE(NT_SUCCESS(STATUS_SUCCESS));
	EXPECT_TRUE(NT_SUCCESS(STATUS_PENDING));
	EXPECT_TRUE(!NT_SUCCESS(STATUS_UNSUCCESSFUL));
	EXPECT_TRUE(!NT_SUCCESS(STATUS_GPIO_INTERRUPT_ALREADY_UNMASKED));
	EXPECT_TRUE(NT_WARNING(STATUS_DEVICE_BUSY));
	EXPECT_TRUE(NT_ERROR(STATUS_NOT_SUPPORTED));
}

static void wdf_inits(void)
{
	WDF_DRIVER_CONFIG config;
	WDF_OBJECT_ATTRIBUTES attributes;

	memset(&config, 0xa5, sizeof(config));
	WDF_DRIVER_CONFIG_INIT(&config, NULL);
	EXPECT_EQ(config.Size, sizeof(config));
	EXPECT_TRUE(config.EvtDriverUnload == NULL);
	EXPECT_EQ(config.DriverInitFlags, 0);
	WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
	EXPECT_EQ(attributes.Size, sizeof(attributes));
	EXPECT_EQ(attributes.ExecutionLevel, WdfExecutionLevelInheritFromParent);
	EXPECT_EQ(WDF_ABS_TIMEOUT_IN_SEC(3), 30000000);
	EXPECT_TRUE(WDF_REL_TIMEOUT_IN_MS(2) == -20000);
}

/* What the serial client's _INIT helpers and path builder leave in their structures. */
static void serial_inits(void)
{
	static const WCHAR expect[] = u"\\Device\\RESOURCE_HUB\\00000001deadbeef";
	SPB_TRANSFER_LIST_AND_ENTRIES(2) seq;
	WDF_IO_TARGET_OPEN_PARAMS open;
	WDF_MEMORY_DESCRIPTOR desc;
	WDF_REQUEST_SEND_OPTIONS options;
	UCHAR byte = 0;
	DECLARE_UNICODE_STRING_SIZE(path, RESOURCE_HUB_PATH_SIZE);
	WCHAR small_buffer[8];
	UNICODE_STRING small;

	EXPECT_EQ(path.MaximumLength, RESOURCE_HUB_PATH_SIZE * sizeof(WCHAR));
	EXPECT_EQ(RESOURCE_HUB_CREATE_PATH_FROM_ID(&path, 0xdeadbeef, 1), STATUS_SUCCESS);
	EXPECT_EQ(path.Length, sizeof(expect) - sizeof(WCHAR));
	EXPECT_TRUE(!memcmp(path.Buffer, expect, sizeof(expect)));
	RtlInitEmptyUnicodeString(&small, small_buffer, sizeof(small_buffer));
	EXPECT_EQ(RESOURCE_HUB_CREATE_PATH_FROM_ID(&small, 1, 0), STATUS_BUFFER_OVERFLOW);
	EXPECT_EQ(small.Length, 7 * sizeof(WCHAR));
	EXPECT_EQ(small_buffer[7], 0);

	memset(&open, 0xa5, sizeof(open));
	WDF_IO_TARGET_OPEN_PARAMS_INIT_OPEN_BY_NAME(&open, &path, GENERIC_READ | GENERIC_WRITE);
	EXPECT_EQ(open.Size, sizeof(open));
	EXPECT_EQ(open.Type, WdfIoTargetOpenByName);
	EXPECT_TRUE(open.TargetDeviceName.Buffer == path.Buffer);
	EXPECT_EQ(open.DesiredAccess, 0xc0000000);
	EXPECT_EQ(open.CreateDisposition, FILE_OPEN);
	EXPECT_EQ(open.CreateOptions, FILE_NON_DIRECTORY_FILE);
	EXPECT_EQ(open.ShareAccess, 0);

	memset(&seq, 0xa5, sizeof(seq));
	SPB_TRANSFER_LIST_INIT(&seq.List, 2);
	EXPECT_EQ(seq.List.Size, sizeof(SPB_TRANSFER_LIST));
	EXPECT_EQ(seq.List.Reserved, 0);
	EXPECT_EQ(seq.List.TransferCount, 2);
	EXPECT_EQ(sizeof(seq), sizeof(SPB_TRANSFER_LIST) + sizeof(SPB_TRANSFER_LIST_ENTRY));
	seq.List.Transfers[1] = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SpbTransferDirectionFromDevice,
								    7, &byte, 1);
	EXPECT_TRUE(&seq.List.Transfers[1] == &seq.ExtraTransfers[0]);
	EXPECT_EQ(seq.ExtraTransfers[0].Direction, SpbTransferDirectionFromDevice);
	EXPECT_EQ(seq.ExtraTransfers[0].DelayInUs, 7);
	EXPECT_EQ(seq.ExtraTransfers[0].Buffer.Format, SpbTransferBufferFormatSimple);
	EXPECT_TRUE(seq.ExtraTransfers[0].Buffer.Simple.Buffer == &byte);
	EXPECT_EQ(seq.ExtraTransfers[0].Buffer.Simple.BufferCb, 1);

	WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&desc, &byte, 1);
	EXPECT_EQ(desc.Type, WdfMemoryDescriptorTypeBuffer);
	EXPECT_EQ(desc.u.BufferType.Length, 1);
	WDF_REQUEST_SEND_OPTIONS_INIT(&options, 0);
	WDF_REQUEST_SEND_OPTIONS_SET_TIMEOUT(&options, WDF_REL_TIMEOUT_IN_MS(5));
	EXPECT_EQ(options.Size, sizeof(options));
	EXPECT_EQ(options.Flags, WDF_REQUEST_SEND_OPTION_TIMEOUT);
	EXPECT_TRUE(options.Timeout == -50000);
}

static void rtl_memory(void)
{
	UCHAR a[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, b[8];

	RtlCopyMemory(b, a, sizeof(a));
	EXPECT_EQ(RtlCompareMemory(a, b, sizeof(a)), 8);
	b[5] = 0;
	EXPECT_EQ(RtlCompareMemory(a, b, sizeof(a)), 5);
	RtlZeroMemory(a, sizeof(a));
	EXPECT_EQ(a[0] | a[7], 0);
	EXPECT_EQ(FIELD_OFFSET(GPIO_WRITE_PINS_MASK_PARAMETERS, ClearMask), 16);
}

HOSTED_MAIN("layout",
	    HOSTED_CASE(layout_facts),
	    HOSTED_CASE(layout_flag_bits),
	    HOSTED_CASE(nt_success_semantics),
	    HOSTED_CASE(wdf_inits),
	    HOSTED_CASE(serial_inits),
	    HOSTED_CASE(rtl_memory))
