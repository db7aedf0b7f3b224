/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * log_capture.h - what the kernel logged while a test ran, for tests that
 * assert a failure was reported. Every printk passes the console
 * tracepoint as it is stored, whatever the console loglevel; the capture
 * keeps the first LOG_CAPTURE_SIZE bytes from log_capture_start() on.
 */
#ifndef GPIOCLX_LOG_CAPTURE_H
#define GPIOCLX_LOG_CAPTURE_H

#include <kunit/test.h>

#define LOG_CAPTURE_SIZE 65536	/* kmemleak's verbose reports fill 8 KiB */

/* Start capturing (again, from empty); the capture ends at the test's exit. */
void log_capture_start(struct kunit *test);
/* Stop capturing; safe to call when not capturing. */
void log_capture_stop(void);
/* Was a line containing both @a and @b (NULL: anything) logged since start? */
bool log_capture_has(const char *a, const char *b);
/* The captured text, for a failure message. */
const char *log_capture_text(void);

#endif /* GPIOCLX_LOG_CAPTURE_H */
