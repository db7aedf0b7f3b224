// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kmemleak_kunit.c - the last suite of a kmemleak kernel: after every
 * other suite has run, scan for leaks and fail on any the suites made.
 *
 * The kernel kunit.py boots has no userspace to "echo scan" into
 * /sys/kernel/debug/kmemleak, and that file has no read_iter/write_iter
 * for kernel_write(). So the scan that write would run is called
 * directly: built-in code can look up kmemleak_scan(), and with the
 * automatic scan thread configured out nothing else scans concurrently
 * (the write would hold kmemleak's scan_mutex for that). kmemleak.verbose=1
 * on the command line prints each leak with its allocation backtrace, which
 * is how the suite tells the suites' leaks from the boot's.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/kallsyms.h>

#include "log_capture.h"

/*
 * Is the leak report at @block ours? Allocated in a KUnit test's thread,
 * or with a gpioclx function in its backtrace. The boot leaves reports of
 * its own (early ACPI caches, from "swapper") that no test can fix.
 */
static bool kmemleak_ours(const char *block, const char *end)
{
	size_t n = end - block;

	return strnstr(block, "comm \"kunit_try_catch\"", n) || strnstr(block, "gpioclx", n);
}

/*
 * kmemleak reports only objects older than 5 s, and an object whose last
 * pointer was in flight during one scan is found by the next: two scans,
 * the first after the last suite's objects have aged.
 */
static void kmemleak_no_leaks_after_the_suites(struct kunit *test)
{
	unsigned long scan = kallsyms_lookup_name("kmemleak_scan");
	const char *text, *block, *next;
	unsigned int ours = 0, others = 0;

	KUNIT_ASSERT_NE_MSG(test, scan, 0UL, "kmemleak_scan() not found");
	log_capture_start(test);
	msleep(6000);
	((void (*)(void))scan)();
	msleep(1000);
	((void (*)(void))scan)();
	log_capture_stop();
	text = log_capture_text();
	for (block = strstr(text, "unreferenced object"); block; block = next) {
		next = strstr(block + 1, "unreferenced object");
		if (kmemleak_ours(block, next ?: block + strlen(block))) {
			ours++;
			kunit_err(test, "leak: %.*s", (int)((next ?: block + strlen(block)) - block),
				  block);
		} else {
			others++;
		}
	}
	kunit_info(test, "kmemleak: %u leak(s) of ours, %u from elsewhere (not counted)", ours,
		   others);
	KUNIT_EXPECT_EQ_MSG(test, ours, 0U, "leaks allocated by the suites (backtraces above)");
}

static void kmemleak_exit(struct kunit *test)
{
	log_capture_stop();
}

static struct kunit_case kmemleak_cases[] = {
	KUNIT_CASE(kmemleak_no_leaks_after_the_suites),
	{}
};

static struct kunit_suite kmemleak_suite = {
	.name = "gpioclx_kmemleak",
	.exit = kmemleak_exit,
	.test_cases = kmemleak_cases,
};
kunit_test_suite(kmemleak_suite);
