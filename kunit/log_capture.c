// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * log_capture.c - the kernel log seen by a test (see log_capture.h), from
 * the console tracepoint. Its probe runs in any context printk runs in,
 * interrupts included: a raw spinlock, a fixed buffer, no allocation.
 */
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/tracepoint.h>
#include <trace/events/printk.h>

#include "log_capture.h"

static DEFINE_RAW_SPINLOCK(log_capture_lock);
static char log_capture_buf[LOG_CAPTURE_SIZE];
static size_t log_capture_len;
static bool log_capture_on;

static void log_capture_probe(void *data, const char *text, size_t len)
{
	unsigned long flags;
	size_t room;

	raw_spin_lock_irqsave(&log_capture_lock, flags);
	/* one message a line; a trailing NUL always fits */
	room = sizeof(log_capture_buf) - 1 - log_capture_len;
	len = min(len, room);
	memcpy(log_capture_buf + log_capture_len, text, len);
	log_capture_len += len;
	if (log_capture_len && log_capture_buf[log_capture_len - 1] != '\n' &&
	    log_capture_len < sizeof(log_capture_buf) - 1)
		log_capture_buf[log_capture_len++] = '\n';
	log_capture_buf[log_capture_len] = '\0';
	raw_spin_unlock_irqrestore(&log_capture_lock, flags);
}

void log_capture_start(struct kunit *test)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&log_capture_lock, flags);
	log_capture_len = 0;
	log_capture_buf[0] = '\0';
	raw_spin_unlock_irqrestore(&log_capture_lock, flags);
	if (!log_capture_on)
		KUNIT_ASSERT_EQ(test, register_trace_console(log_capture_probe, NULL), 0);
	log_capture_on = true;
}

void log_capture_stop(void)
{
	if (!log_capture_on)
		return;
	unregister_trace_console(log_capture_probe, NULL);
	tracepoint_synchronize_unregister();
	log_capture_on = false;
}

bool log_capture_has(const char *a, const char *b)
{
	const char *line = log_capture_buf, *end;
	bool found = false;
	unsigned long flags;
	size_t n;

	raw_spin_lock_irqsave(&log_capture_lock, flags);
	while (!found && *line) {
		end = strchrnul(line, '\n');
		n = end - line;
		found = (!a || strnstr(line, a, n)) && (!b || strnstr(line, b, n));
		line = *end ? end + 1 : end;
	}
	raw_spin_unlock_irqrestore(&log_capture_lock, flags);
	return found;
}

const char *log_capture_text(void)
{
	return log_capture_buf;
}
