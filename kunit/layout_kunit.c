// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * layout_kunit.c - the WDK layout of include/ checked inside a kernel
 * build: gpioclx_abi_table.h's _Static_asserts break the build on a wrong
 * size, offset or constant, and these cases walk the same facts (and the
 * flag-union bit positions) at run time so they show up as results.
 */
#include <kunit/test.h>

#include <gpioclx_abi_table.h>

static void layout_report(const char *what, unsigned long long actual,
			  unsigned long long expected, void *ctx)
{
	struct kunit *test = ctx;

	KUNIT_EXPECT_EQ_MSG(test, actual, expected, "%s", what);
}

static void layout_sizes_offsets_constants(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(gpioclx_abi_facts); i++)
		layout_report(gpioclx_abi_facts[i].what, gpioclx_abi_facts[i].actual,
			      gpioclx_abi_facts[i].expected, test);
	KUNIT_EXPECT_GT(test, ARRAY_SIZE(gpioclx_abi_facts), 400);
}

static void layout_flag_bits(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, gpioclx_abi_check_bitfields(layout_report, test), 12);
}

static void layout_kernel_types_agree(struct kunit *test)
{
	/* NT's fixed widths, checked against the kernel's own types */
	KUNIT_EXPECT_EQ(test, sizeof(ULONG), sizeof(u32));
	KUNIT_EXPECT_EQ(test, sizeof(ULONG64), sizeof(u64));
	KUNIT_EXPECT_EQ(test, sizeof(SIZE_T), sizeof(size_t));
	KUNIT_EXPECT_EQ(test, sizeof(ULONG_PTR), sizeof(uintptr_t));
	KUNIT_EXPECT_TRUE(test, NT_SUCCESS(STATUS_SUCCESS));
	KUNIT_EXPECT_FALSE(test, NT_SUCCESS(STATUS_NOT_SUPPORTED));
}

static struct kunit_case layout_cases[] = {
	KUNIT_CASE(layout_sizes_offsets_constants),
	KUNIT_CASE(layout_flag_bits),
	KUNIT_CASE(layout_kernel_types_agree),
	{}
};

static struct kunit_suite layout_suite = {
	.name = "gpioclx_layout",
	.test_cases = layout_cases,
};
kunit_test_suite(layout_suite);
