/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hosted_test.h - a minimal TAP-style test harness for the hosted tests.
 *
 * Each test program runs plain functions registered with HOSTED_TEST() and
 * prints one "ok N - name" or "not ok N - name" line per test, then a
 * "# hosted: P passed, F failed" summary; it exits non-zero if anything
 * failed. The top-level "make check" counts those lines.
 */
#ifndef HOSTED_TEST_H
#define HOSTED_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct hosted_test {
	const char *name;
	void (*fn)(void);
};

extern int hosted_test_failed;	/* set by EXPECT_* in the running test */

#define EXPECT_TRUE(cond) \
	do { \
		if (!(cond)) { \
			printf("#   %s:%d: expected %s\n", __FILE__, __LINE__, #cond); \
			hosted_test_failed = 1; \
		} \
	} while (0)

#define EXPECT_EQ(a, b) \
	do { \
		unsigned long long a_ = (unsigned long long)(a); \
		unsigned long long b_ = (unsigned long long)(b); \
		if (a_ != b_) { \
			printf("#   %s:%d: %s == %s: 0x%llx != 0x%llx\n", __FILE__, \
			       __LINE__, #a, #b, a_, b_); \
			hosted_test_failed = 1; \
		} \
	} while (0)

/* Abort the current test on failure (it would only cascade). */
#define ASSERT_TRUE(cond) \
	do { \
		if (!(cond)) { \
			printf("#   %s:%d: assertion %s failed\n", __FILE__, __LINE__, #cond); \
			hosted_test_failed = 1; \
			return; \
		} \
	} while (0)

int hosted_run(const char *suite, const struct hosted_test *tests, unsigned int n);

#define HOSTED_MAIN(suite, ...) \
	int main(void) \
	{ \
		static const struct hosted_test tests_[] = { __VA_ARGS__ }; \
		return hosted_run(suite, tests_, sizeof(tests_) / sizeof(tests_[0])); \
	}

#define HOSTED_CASE(fn) { #fn, fn }

#endif /* HOSTED_TEST_H */
