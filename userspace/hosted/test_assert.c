// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test_assert.c - the WDK's assertion macros, in the DBG build this
 * program was compiled for (the Makefile builds it with -DDBG=0 and -DDBG=1).
 *
 * Checked build (DBG=1): ASSERT, ASSERTMSG, NT_ASSERT, NT_ASSERTMSG,
 * NT_VERIFY and NT_VERIFYMSG evaluate their expression, report a false one
 * through RtlAssert() and have the value TRUE or FALSE. Free build (DBG=0):
 * the ASSERTs are ((void)0) and evaluate nothing; the NT_VERIFYs still
 * evaluate and have the value, and report nothing.
 *
 * That every macro is a valid statement, even over a constant
 * ("NT_ASSERT(FALSE);"), is checked by compiling this file with
 * -Wall -Wextra -Werror: GCC's -Wunused-value would reject it otherwise.
 */
#include <ntddk.h>

#include "hosted_test.h"
#include "fake_host.h"

#if DBG
#define CHECKED 1
#else
#define CHECKED 0
#endif

static int calls;

static NTSTATUS status_of_a_call(NTSTATUS Status)
{
	calls++;
	return Status;
}

/* Each macro as a whole statement, over constants and over a call. */
static void every_macro_is_a_statement(void)
{
	fake_host_reset();
	calls = 0;

	NT_ASSERT(TRUE);
	NT_ASSERT(FALSE);
	NT_ASSERTMSG("a message", TRUE);
	NT_ASSERTMSG("a message", FALSE);
	ASSERT(TRUE);
	ASSERT(FALSE);
	ASSERTMSG("a message", TRUE);
	ASSERTMSG("a message", FALSE);
	NT_VERIFY(TRUE);
	NT_VERIFY(FALSE);
	NT_VERIFYMSG("a message", TRUE);
	NT_VERIFYMSG("a message", FALSE);
	NT_VERIFY(NT_SUCCESS(status_of_a_call(STATUS_SUCCESS)));
	NT_VERIFY(NT_SUCCESS(status_of_a_call(STATUS_UNSUCCESSFUL)));

	EXPECT_EQ(fake_host_assert_failures, CHECKED ? 7 : 0);
	EXPECT_EQ(calls, 2);
}

/* The ASSERTs evaluate their expression in a checked build only. */
static void asserts_evaluate_only_when_checked(void)
{
	int n = 0;

	fake_host_reset();
	NT_ASSERT(++n);
	NT_ASSERTMSG("a message", ++n);
	ASSERT(++n);
	ASSERTMSG("a message", ++n);
	EXPECT_EQ(n, CHECKED ? 4 : 0);
	EXPECT_EQ(fake_host_assert_failures, 0);

	n = 0;
	NT_ASSERT(n++);
	EXPECT_EQ(n, CHECKED ? 1 : 0);
	EXPECT_EQ(fake_host_assert_failures, CHECKED ? 1 : 0);
}

/* The ASSERTs have a value (int: TRUE or FALSE) in a checked build only. */
static void asserts_have_a_value_only_when_checked(void)
{
#if DBG
	int one = 1;

	fake_host_reset();
	C_ASSERT(__builtin_types_compatible_p(__typeof__(NT_ASSERT(TRUE)), int));
	C_ASSERT(__builtin_types_compatible_p(__typeof__(NT_ASSERTMSG("m", TRUE)), int));
	C_ASSERT(__builtin_types_compatible_p(__typeof__(ASSERT(TRUE)), int));
	C_ASSERT(__builtin_types_compatible_p(__typeof__(ASSERTMSG("m", TRUE)), int));
	EXPECT_EQ(NT_ASSERT(one == 1), TRUE);
	EXPECT_EQ(NT_ASSERT(one == 2), FALSE);
	EXPECT_EQ(NT_ASSERT(one + 41), TRUE);
	EXPECT_EQ(NT_ASSERTMSG("m", one == 2), FALSE);
	EXPECT_EQ(ASSERT(one == 1), TRUE);
	EXPECT_EQ(ASSERTMSG("m", one == 2), FALSE);
	EXPECT_EQ(fake_host_assert_failures, 3);
#else
	C_ASSERT(__builtin_types_compatible_p(__typeof__(NT_ASSERT(TRUE)), void));
	C_ASSERT(__builtin_types_compatible_p(__typeof__(NT_ASSERTMSG("m", TRUE)), void));
	C_ASSERT(__builtin_types_compatible_p(__typeof__(ASSERT(TRUE)), void));
	C_ASSERT(__builtin_types_compatible_p(__typeof__(ASSERTMSG("m", TRUE)), void));
#endif
}

/* NT_VERIFY evaluates its expression once and has its truth value, in every build. */
static void verify_evaluates_and_has_a_value(void)
{
	int n = 0;

	fake_host_reset();
	C_ASSERT(__builtin_types_compatible_p(__typeof__(NT_VERIFY(TRUE)), int));
	C_ASSERT(__builtin_types_compatible_p(__typeof__(NT_VERIFYMSG("m", TRUE)), int));
	EXPECT_EQ(NT_VERIFY(++n == 1), TRUE);
	EXPECT_EQ(NT_VERIFY(++n == 5), FALSE);
	EXPECT_EQ(NT_VERIFY(n + 40), TRUE);
	EXPECT_EQ(NT_VERIFYMSG("m", ++n == 3), TRUE);
	EXPECT_EQ(NT_VERIFYMSG("m", ++n == 5), FALSE);
	EXPECT_EQ(n, 4);
	EXPECT_EQ(fake_host_assert_failures, CHECKED ? 2 : 0);

	/* the WDK idiom: a check that stays in the free build */
	n = 0;
	if (!NT_VERIFY(n == 1))
		n = 7;
	EXPECT_EQ(n, 7);
}

/* A failure reaches RtlAssert with the expression, the file, the line and the message. */
static void failures_reach_rtlassert(void)
{
	fake_host_reset();
	NT_ASSERTMSG("the message", 1 + 1 == 3);
	if (CHECKED) {
		ASSERT_TRUE(fake_host_assert_expression && fake_host_assert_message);
		EXPECT_TRUE(!strcmp(fake_host_assert_expression, "1 + 1 == 3"));
		EXPECT_TRUE(!strcmp(fake_host_assert_message, "the message"));
		EXPECT_TRUE(strstr(fake_host_assert_file, "test_assert.c") != NULL);
	} else {
		EXPECT_EQ(fake_host_assert_failures, 0);
	}

	/* the expression as written, not macro-expanded */
	fake_host_reset();
	NT_VERIFY(NT_SUCCESS(STATUS_UNSUCCESSFUL));
	if (CHECKED) {
		ASSERT_TRUE(fake_host_assert_expression);
		EXPECT_TRUE(!strcmp(fake_host_assert_expression, "NT_SUCCESS(STATUS_UNSUCCESSFUL)"));
		EXPECT_TRUE(fake_host_assert_message == NULL);
	} else {
		EXPECT_EQ(fake_host_assert_failures, 0);
	}
}

HOSTED_MAIN(CHECKED ? "assert.checked" : "assert.free",
	    HOSTED_CASE(every_macro_is_a_statement),
	    HOSTED_CASE(asserts_evaluate_only_when_checked),
	    HOSTED_CASE(asserts_have_a_value_only_when_checked),
	    HOSTED_CASE(verify_evaluates_and_has_a_value),
	    HOSTED_CASE(failures_reach_rtlassert))
