// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * evdev_test - print the input events of one /dev/input/eventN, for guest
 * scripts: busybox has no evtest, and the ACPI power button's KEY_POWER
 * is only visible as an evdev event.
 *
 *   evdev_test DEV N TIMEOUT_MS [SETTLE_MS]
 *
 * Prints "armed name=<device name>" once the device is open (a script
 * waits for it before it asks for a press), then one line per event,
 * "type=T code=C value=V ts_ns=..." (EV_SYN included; the timestamp last
 * so scripts can strip it), until N events arrived; then listens
 * SETTLE_MS more, where any further event is an error.
 *
 * Only <linux/input.h>; built static like gpio_v2_test.
 * Exit status: 0 ok, 1 error, 2 timeout ("timeout seen=K" printed),
 * 3 more events than N, 64 usage.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define EXIT_TIMEOUT 2
#define EXIT_EXTRA 3
#define EXIT_USAGE 64

static unsigned long parse_ul(const char *s, const char *what)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || end == s || *end) {
		fprintf(stderr, "evdev_test: bad %s '%s'\n", what, s);
		exit(EXIT_USAGE);
	}
	return v;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/*
 * read_until FD DEADLINE_MS: print the events of one read() and return
 * how many; 0 once DEADLINE_MS (CLOCK_MONOTONIC) passes, -1 on error.
 */
static int read_until(int fd, long long deadline)
{
	struct input_event ev[16];
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	long long left = deadline - now_ms();
	ssize_t n;
	size_t i;
	int r;

	if (left <= 0)
		return 0;
	r = poll(&pfd, 1, (int)left);
	if (r < 0)
		return errno == EINTR ? read_until(fd, deadline) : -1;
	if (r == 0)
		return 0;
	n = read(fd, ev, sizeof(ev));
	if (n < 0 || n % sizeof(ev[0]))
		return -1;
	for (i = 0; i < n / sizeof(ev[0]); i++)
		printf("type=%u code=%u value=%d ts_ns=%lld\n", ev[i].type, ev[i].code,
		       ev[i].value,
		       ev[i].input_event_sec * 1000000000LL + ev[i].input_event_usec * 1000LL);
	fflush(stdout);
	return (int)(n / sizeof(ev[0]));
}

int main(int argc, char **argv)
{
	unsigned long want, timeout_ms, settle_ms = 0, seen = 0;
	char name[256] = "";
	long long deadline;
	int fd, n;

	if (argc != 4 && argc != 5) {
		fprintf(stderr, "usage: evdev_test DEV N TIMEOUT_MS [SETTLE_MS]\n");
		return EXIT_USAGE;
	}
	want = parse_ul(argv[2], "N");
	timeout_ms = parse_ul(argv[3], "TIMEOUT_MS");
	if (argc == 5)
		settle_ms = parse_ul(argv[4], "SETTLE_MS");
	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "evdev_test: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	if (ioctl(fd, EVIOCGNAME(sizeof(name) - 1), name) < 0) {
		fprintf(stderr, "evdev_test: EVIOCGNAME: %s\n", strerror(errno));
		return 1;
	}
	printf("armed name=%s\n", name);
	fflush(stdout);

	deadline = now_ms() + (long long)timeout_ms;
	while (seen < want) {
		n = read_until(fd, deadline);
		if (n < 0) {
			fprintf(stderr, "evdev_test: read: %s\n", strerror(errno));
			return 1;
		}
		if (n == 0) {
			printf("timeout seen=%lu\n", seen);
			return EXIT_TIMEOUT;
		}
		seen += n;
	}
	deadline = now_ms() + (long long)settle_ms;
	while ((n = read_until(fd, deadline)) > 0)
		seen += n;
	if (n < 0) {
		fprintf(stderr, "evdev_test: read: %s\n", strerror(errno));
		return 1;
	}
	return seen > want ? EXIT_EXTRA : 0;
}
