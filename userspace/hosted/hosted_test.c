// SPDX-License-Identifier: GPL-2.0-or-later
/* hosted_test.c - runner of the hosted TAP-style tests. */
#include "hosted_test.h"

int hosted_test_failed;

int hosted_run(const char *suite, const struct hosted_test *tests, unsigned int n)
{
	unsigned int i, passed = 0, failed = 0;

	printf("# suite %s\n1..%u\n", suite, n);
	for (i = 0; i < n; i++) {
		hosted_test_failed = 0;
		tests[i].fn();
		if (hosted_test_failed) {
			failed++;
			printf("not ok %u - %s.%s\n", i + 1, suite, tests[i].name);
		} else {
			passed++;
			printf("ok %u - %s.%s\n", i + 1, suite, tests[i].name);
		}
	}
	printf("# hosted %s: %u passed, %u failed\n", suite, passed, failed);
	return failed ? 1 : 0;
}
