// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpio_v2_test - exercise the GPIO character device uAPI v2 from guest
 * scripts.  Debian 12's libgpiod 1.6 tools only speak uAPI v1, so line
 * attributes (debounce, per-line flags and output values), v2 line info
 * and v2 edge events are only reachable through this program.
 *
 * Only <linux/gpio.h>; built static so the guest needs no libc of its own.
 * Output is line oriented and stable, for diffing two drivers' runs;
 * timestamps are the last field ("ts_ns=") so scripts can strip them.
 *
 * Exit status: 0 ok, 1 error or failed check, 2 timeout, 3 more events
 * than asked for (events with SETTLE_MS), 64 usage.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/gpio.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define CONSUMER "gpio_v2_test"
#define EXIT_TIMEOUT 2
#define EXIT_EXTRA 3
#define EXIT_USAGE 64

static const char *prog = "gpio_v2_test";

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void print_usage(void)
{
	fprintf(stderr,
		"usage: %s info   CHIP OFFSET\n"
		"       %s get    CHIP OFFSET...              (as-is request, prints values)\n"
		"       %s set    CHIP HOLD_MS OFFSET=VALUE...\n"
		"       %s watch  CHIP OFFSET N [TIMEOUT_MS]  (line-info changes)\n"
		"       %s events CHIP OFFSET[,OFFSET...] rising|falling|both DEBOUNCE_US N TIMEOUT_MS [SETTLE_MS]\n"
		"              (one request for all OFFSETs; after N events, listen SETTLE_MS\n"
		"              more: extra events exit 3)\n"
		"       %s config CHIP OFFSET OFFSET...       (self-checking attribute sequence)\n"
		"       %s request CHIP OFFSET=SPEC...        (SPEC 0|1 output, in|up|down|off input\n"
		"              as-is/pull-up/pull-down/bias-disabled; one request built from\n"
		"              attributes, then commands on stdin until EOF: 'get', 'set OFF=V...')\n"
		"CHIP is gpiochipN or a path.\n"
		"Exit: 0 ok, 1 error/failed check, 2 timeout, 3 more events than N.\n",
		prog, prog, prog, prog, prog, prog, prog);
	exit(EXIT_USAGE);
}

/* Strict unsigned parse: scripts must not get silently-wrong offsets. */
static unsigned long parse_ul(const char *s, const char *what)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || end == s || *end)
		die("bad %s '%s'", what, s);
	return v;
}

static int open_chip(const char *chip)
{
	char path[64];
	int fd;

	if (strchr(chip, '/'))
		snprintf(path, sizeof(path), "%s", chip);
	else
		snprintf(path, sizeof(path), "/dev/%s", chip);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		die("open %s: %s", path, strerror(errno));
	return fd;
}

static void xioctl(int fd, unsigned long req, void *arg, const char *what)
{
	if (ioctl(fd, req, arg) < 0)
		die("%s: %s", what, strerror(errno));
}

static const struct {
	uint64_t bit;
	const char *name;
} flag_names[] = {
	{ GPIO_V2_LINE_FLAG_USED, "used" },
	{ GPIO_V2_LINE_FLAG_ACTIVE_LOW, "active-low" },
	{ GPIO_V2_LINE_FLAG_INPUT, "input" },
	{ GPIO_V2_LINE_FLAG_OUTPUT, "output" },
	{ GPIO_V2_LINE_FLAG_EDGE_RISING, "edge-rising" },
	{ GPIO_V2_LINE_FLAG_EDGE_FALLING, "edge-falling" },
	{ GPIO_V2_LINE_FLAG_OPEN_DRAIN, "open-drain" },
	{ GPIO_V2_LINE_FLAG_OPEN_SOURCE, "open-source" },
	{ GPIO_V2_LINE_FLAG_BIAS_PULL_UP, "pull-up" },
	{ GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN, "pull-down" },
	{ GPIO_V2_LINE_FLAG_BIAS_DISABLED, "bias-disabled" },
	{ GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME, "clock-realtime" },
	{ GPIO_V2_LINE_FLAG_EVENT_CLOCK_HTE, "clock-hte" },
};

/* "used,input,edge-rising"; unknown bits as hex so nothing is hidden. */
static const char *flags_str(uint64_t flags)
{
	static char buf[256];
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++) {
		if (!(flags & flag_names[i].bit))
			continue;
		n += snprintf(buf + n, sizeof(buf) - n, "%s%s", n ? "," : "", flag_names[i].name);
		flags &= ~flag_names[i].bit;
	}
	if (flags)
		n += snprintf(buf + n, sizeof(buf) - n, "%s0x%llx", n ? "," : "",
			      (unsigned long long)flags);
	if (!n)
		snprintf(buf, sizeof(buf), "none");
	return buf;
}

static uint32_t info_debounce(const struct gpio_v2_line_info *li)
{
	uint32_t i;

	for (i = 0; i < li->num_attrs && i < GPIO_V2_LINE_NUM_ATTRS_MAX; i++)
		if (li->attrs[i].id == GPIO_V2_LINE_ATTR_ID_DEBOUNCE)
			return li->attrs[i].debounce_period_us;
	return 0;
}

static void print_info(const char *prefix, const struct gpio_v2_line_info *li)
{
	printf("%soffset=%u name=\"%s\" consumer=\"%s\" flags=%s debounce_us=%u\n",
	       prefix, li->offset, li->name, li->consumer, flags_str(li->flags),
	       info_debounce(li));
}

static void get_info(int cfd, unsigned int off, struct gpio_v2_line_info *li)
{
	memset(li, 0, sizeof(*li));
	li->offset = off;
	xioctl(cfd, GPIO_V2_GET_LINEINFO_IOCTL, li, "GPIO_V2_GET_LINEINFO_IOCTL");
}

/* Wait for fd to become readable; 0 on timeout.  timeout_ms < 0: forever. */
static int wait_readable(int fd, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int r;

	do
		r = poll(&p, 1, timeout_ms);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		die("poll: %s", strerror(errno));
	return r;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Remaining budget of a deadline for poll(). */
static int remaining_ms(int64_t deadline)
{
	int64_t left = deadline - now_ms();

	return left > 0 ? (int)left : 0;
}

static int request_lines(int cfd, struct gpio_v2_line_request *req, const char *what)
{
	snprintf(req->consumer, sizeof(req->consumer), "%s", CONSUMER);
	xioctl(cfd, GPIO_V2_GET_LINE_IOCTL, req, what);
	return req->fd;
}

static void add_attr(struct gpio_v2_line_config *cfg, uint32_t id, uint64_t val, uint64_t mask)
{
	struct gpio_v2_line_config_attribute *a;

	if (cfg->num_attrs >= GPIO_V2_LINE_NUM_ATTRS_MAX)
		die("too many attributes");
	a = &cfg->attrs[cfg->num_attrs++];
	a->attr.id = id;
	if (id == GPIO_V2_LINE_ATTR_ID_DEBOUNCE)
		a->attr.debounce_period_us = (uint32_t)val;
	else
		a->attr.flags = val; /* same storage as .values */
	a->mask = mask;
}

static int cmd_info(int argc, char **argv)
{
	struct gpio_v2_line_info li;
	int cfd;

	if (argc != 2)
		print_usage();
	cfd = open_chip(argv[0]);
	get_info(cfd, parse_ul(argv[1], "offset"), &li);
	print_info("", &li);
	return 0;
}

static int cmd_get(int argc, char **argv)
{
	struct gpio_v2_line_request req = { 0 };
	struct gpio_v2_line_values vals = { 0 };
	int cfd, lfd, i;

	if (argc < 2 || argc - 1 > GPIO_V2_LINES_MAX)
		print_usage();
	cfd = open_chip(argv[0]);
	for (i = 1; i < argc; i++)
		req.offsets[i - 1] = parse_ul(argv[i], "offset");
	req.num_lines = argc - 1;
	lfd = request_lines(cfd, &req, "GPIO_V2_GET_LINE_IOCTL (as-is)");
	vals.mask = req.num_lines == 64 ? ~0ULL : (1ULL << req.num_lines) - 1;
	xioctl(lfd, GPIO_V2_LINE_GET_VALUES_IOCTL, &vals, "GPIO_V2_LINE_GET_VALUES_IOCTL");
	for (i = 0; i < (int)req.num_lines; i++)
		printf("%s%d", i ? " " : "", (int)((vals.bits >> i) & 1));
	printf("\n");
	return 0;
}

static int cmd_set(int argc, char **argv)
{
	struct gpio_v2_line_request req = { 0 };
	uint64_t values = 0;
	long hold_ms;
	int cfd, i;

	if (argc < 3 || argc - 2 > GPIO_V2_LINES_MAX)
		print_usage();
	cfd = open_chip(argv[0]);
	hold_ms = (long)parse_ul(argv[1], "hold_ms");
	for (i = 2; i < argc; i++) {
		char *eq = strchr(argv[i], '=');

		if (!eq)
			print_usage();
		*eq = '\0';
		req.offsets[i - 2] = parse_ul(argv[i], "offset");
		if (parse_ul(eq + 1, "value"))
			values |= 1ULL << (i - 2);
	}
	req.num_lines = argc - 2;
	req.config.flags = GPIO_V2_LINE_FLAG_OUTPUT;
	add_attr(&req.config, GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES, values, ~0ULL);
	request_lines(cfd, &req, "GPIO_V2_GET_LINE_IOCTL (output)");
	printf("held\n");
	fflush(stdout);
	usleep(hold_ms * 1000);
	return 0;
}

static const char *change_name(uint32_t type)
{
	switch (type) {
	case GPIO_V2_LINE_CHANGED_REQUESTED:
		return "REQUESTED";
	case GPIO_V2_LINE_CHANGED_RELEASED:
		return "RELEASED";
	case GPIO_V2_LINE_CHANGED_CONFIG:
		return "RECONFIGURED";
	}
	return "UNKNOWN";
}

static int cmd_watch(int argc, char **argv)
{
	struct gpio_v2_line_info li;
	struct gpio_v2_line_info_changed chg;
	unsigned long n, seen = 0;
	int64_t deadline;
	int cfd;

	if (argc != 3 && argc != 4)
		print_usage();
	cfd = open_chip(argv[0]);
	memset(&li, 0, sizeof(li));
	li.offset = parse_ul(argv[1], "offset");
	n = parse_ul(argv[2], "count");
	deadline = now_ms() + (argc == 4 ? (long)parse_ul(argv[3], "timeout_ms") : 10000);
	xioctl(cfd, GPIO_V2_GET_LINEINFO_WATCH_IOCTL, &li, "GPIO_V2_GET_LINEINFO_WATCH_IOCTL");
	print_info("watching ", &li);
	fflush(stdout);
	while (seen < n) {
		if (!wait_readable(cfd, remaining_ms(deadline))) {
			printf("timeout seen=%lu\n", seen);
			return EXIT_TIMEOUT;
		}
		if (read(cfd, &chg, sizeof(chg)) != sizeof(chg))
			die("short read of gpio_v2_line_info_changed");
		seen++;
		printf("%s ", change_name(chg.event_type));
		print_info("", &chg.info);
		fflush(stdout);
	}
	return 0;
}

/* Print one edge event; the timestamp last, so scripts can strip it. */
static void print_event(const char *prefix, const struct gpio_v2_line_event *ev)
{
	printf("%s%s offset=%u seqno=%u line_seqno=%u ts_ns=%llu\n", prefix,
	       ev->id == GPIO_V2_LINE_EVENT_RISING_EDGE ? "RISING" :
	       ev->id == GPIO_V2_LINE_EVENT_FALLING_EDGE ? "FALLING" : "UNKNOWN",
	       ev->offset, ev->seqno, ev->line_seqno, (unsigned long long)ev->timestamp_ns);
	fflush(stdout);
}

static void read_event(int lfd, struct gpio_v2_line_event *ev)
{
	if (read(lfd, ev, sizeof(*ev)) != sizeof(*ev))
		die("short read of gpio_v2_line_event");
}

/* "3" or "3,40,72" into req->offsets / num_lines. */
static void parse_offsets(char *list, struct gpio_v2_line_request *req)
{
	char *tok, *save = NULL;

	for (tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (req->num_lines >= GPIO_V2_LINES_MAX)
			die("too many offsets");
		req->offsets[req->num_lines++] = parse_ul(tok, "offset");
	}
	if (!req->num_lines)
		print_usage();
}

static int cmd_events(int argc, char **argv)
{
	struct gpio_v2_line_request req = { 0 };
	struct gpio_v2_line_event ev;
	struct gpio_v2_line_info li;
	unsigned long n, seen = 0, debounce, extra = 0;
	int64_t deadline;
	unsigned int i;
	int cfd, lfd;

	if (argc != 6 && argc != 7)
		print_usage();
	cfd = open_chip(argv[0]);
	parse_offsets(argv[1], &req);
	req.config.flags = GPIO_V2_LINE_FLAG_INPUT;
	if (!strcmp(argv[2], "rising"))
		req.config.flags |= GPIO_V2_LINE_FLAG_EDGE_RISING;
	else if (!strcmp(argv[2], "falling"))
		req.config.flags |= GPIO_V2_LINE_FLAG_EDGE_FALLING;
	else if (!strcmp(argv[2], "both"))
		req.config.flags |= GPIO_V2_LINE_FLAG_EDGE_RISING | GPIO_V2_LINE_FLAG_EDGE_FALLING;
	else
		print_usage();
	debounce = parse_ul(argv[3], "debounce_us");
	if (debounce)
		add_attr(&req.config, GPIO_V2_LINE_ATTR_ID_DEBOUNCE, debounce,
			 req.num_lines == 64 ? ~0ULL : (1ULL << req.num_lines) - 1);
	n = parse_ul(argv[4], "count");
	lfd = request_lines(cfd, &req, "GPIO_V2_GET_LINE_IOCTL (edges)");
	/* Read the attribute back: proves the debounce reached gpiolib. */
	for (i = 0; i < req.num_lines; i++) {
		get_info(cfd, req.offsets[i], &li);
		print_info("armed ", &li);
	}
	deadline = now_ms() + (long)parse_ul(argv[5], "timeout_ms");
	while (seen < n) {
		if (!wait_readable(lfd, remaining_ms(deadline))) {
			printf("timeout seen=%lu\n", seen);
			return EXIT_TIMEOUT;
		}
		read_event(lfd, &ev);
		seen++;
		print_event("", &ev);
	}
	if (argc == 7) {
		/* Exact counts: whatever arrives in the settle window is extra. */
		deadline = now_ms() + (long)parse_ul(argv[6], "settle_ms");
		while (wait_readable(lfd, remaining_ms(deadline))) {
			read_event(lfd, &ev);
			extra++;
			print_event("extra ", &ev);
		}
	}
	return extra ? EXIT_EXTRA : 0;
}

/* --- request: one multi-line request built from attributes, driven from stdin --- */

/* Input flags of a request SPEC; 0 for an output ("0"/"1"). */
static uint64_t spec_flags(const char *spec)
{
	static const struct {
		const char *name;
		uint64_t flags;
	} specs[] = {
		{ "in", GPIO_V2_LINE_FLAG_INPUT },
		{ "up", GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_BIAS_PULL_UP },
		{ "down", GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN },
		{ "off", GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_BIAS_DISABLED },
	};
	size_t i;

	if (!strcmp(spec, "0") || !strcmp(spec, "1"))
		return 0;
	for (i = 0; i < sizeof(specs) / sizeof(specs[0]); i++)
		if (!strcmp(spec, specs[i].name))
			return specs[i].flags;
	die("bad line spec '%s'", spec);
	return 0;
}

/* Index of @off in the request, or die. */
static unsigned int req_index(const struct gpio_v2_line_request *req, unsigned int off)
{
	unsigned int i;

	for (i = 0; i < req->num_lines; i++)
		if (req->offsets[i] == off)
			return i;
	die("offset %u is not in the request", off);
	return 0;
}

/*
 * The request's default is "output"; every distinct input SPEC becomes one
 * FLAGS attribute over its lines, and the outputs' levels one OUTPUT_VALUES
 * attribute.  Then, per stdin line: "get" prints "values V..." (request
 * order), "set OFF=V..." sets those outputs and prints "set ok"; EOF
 * releases the lines.
 */
static int cmd_request(int argc, char **argv)
{
	struct gpio_v2_line_request req = { 0 };
	struct gpio_v2_line_values v;
	struct gpio_v2_line_info li;
	uint64_t flags[GPIO_V2_LINES_MAX], outs = 0, values = 0, mask, all;
	char line[1024], *tok, *save, *eq;
	unsigned int i, j;
	int cfd, lfd;

	if (argc < 2 || argc - 1 > GPIO_V2_LINES_MAX)
		print_usage();
	cfd = open_chip(argv[0]);
	for (i = 0; i < (unsigned int)argc - 1; i++) {
		eq = strchr(argv[i + 1], '=');
		if (!eq)
			print_usage();
		*eq = '\0';
		req.offsets[i] = parse_ul(argv[i + 1], "offset");
		flags[i] = spec_flags(eq + 1);
		if (!flags[i]) {
			outs |= 1ULL << i;
			if (eq[1] == '1')
				values |= 1ULL << i;
		}
	}
	req.num_lines = argc - 1;
	all = req.num_lines == 64 ? ~0ULL : (1ULL << req.num_lines) - 1;
	req.config.flags = GPIO_V2_LINE_FLAG_OUTPUT;
	for (i = 0; i < req.num_lines; i++) {
		if (!flags[i])
			continue;
		/* first line with this flags value: one attribute for all of them */
		for (j = 0; j < i && flags[j] != flags[i]; j++)
			;
		if (j < i)
			continue;
		mask = 0;
		for (j = i; j < req.num_lines; j++)
			if (flags[j] == flags[i])
				mask |= 1ULL << j;
		add_attr(&req.config, GPIO_V2_LINE_ATTR_ID_FLAGS, flags[i], mask);
	}
	if (outs)
		add_attr(&req.config, GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES, values, outs);
	lfd = request_lines(cfd, &req, "GPIO_V2_GET_LINE_IOCTL (request)");
	for (i = 0; i < req.num_lines; i++) {
		get_info(cfd, req.offsets[i], &li);
		print_info("line ", &li);
	}
	printf("held\n");
	fflush(stdout);
	while (fgets(line, sizeof(line), stdin)) {
		tok = strtok_r(line, " \t\n", &save);
		if (!tok)
			continue;
		if (!strcmp(tok, "get")) {
			memset(&v, 0, sizeof(v));
			v.mask = all;
			xioctl(lfd, GPIO_V2_LINE_GET_VALUES_IOCTL, &v, "GPIO_V2_LINE_GET_VALUES_IOCTL");
			printf("values");
			for (i = 0; i < req.num_lines; i++)
				printf(" %d", (int)((v.bits >> i) & 1));
			printf("\n");
		} else if (!strcmp(tok, "set")) {
			memset(&v, 0, sizeof(v));
			while ((tok = strtok_r(NULL, " \t\n", &save))) {
				eq = strchr(tok, '=');
				if (!eq)
					die("set: want OFFSET=VALUE, got '%s'", tok);
				*eq = '\0';
				i = req_index(&req, parse_ul(tok, "offset"));
				v.mask |= 1ULL << i;
				if (parse_ul(eq + 1, "value"))
					v.bits |= 1ULL << i;
			}
			xioctl(lfd, GPIO_V2_LINE_SET_VALUES_IOCTL, &v, "GPIO_V2_LINE_SET_VALUES_IOCTL");
			printf("set ok\n");
		} else {
			die("unknown command '%s' (want get, set)", tok);
		}
		fflush(stdout);
	}
	close(lfd);
	printf("released\n");
	return 0;
}

/* --- config: a self-checking sequence of multi-line attribute use --- */

static int failures;

static void check(int ok, const char *step, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		printf("ok %s\n", step);
		return;
	}
	failures++;
	printf("FAIL %s: ", step);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* Check one line's info: flags (ignoring bits outside "care") + debounce. */
static void check_line(int cfd, unsigned int off, uint64_t want, uint64_t care,
		       uint32_t debounce, const char *step)
{
	struct gpio_v2_line_info li;
	char name[96];
	char got[256];

	get_info(cfd, off, &li);
	snprintf(name, sizeof(name), "%s.line%u", step, off);
	snprintf(got, sizeof(got), "%s", flags_str(li.flags));
	check((li.flags & care) == want && info_debounce(&li) == debounce &&
		      !strcmp(li.consumer, CONSUMER),
	      name, "flags=%s (want %s) debounce_us=%u (want %u) consumer=\"%s\"", got,
	      flags_str(want), info_debounce(&li), debounce, li.consumer);
}

static uint64_t get_values(int lfd, uint64_t mask)
{
	struct gpio_v2_line_values v = { .mask = mask };

	xioctl(lfd, GPIO_V2_LINE_GET_VALUES_IOCTL, &v, "GPIO_V2_LINE_GET_VALUES_IOCTL");
	return v.bits & mask;
}

static int cmd_config(int argc, char **argv)
{
	const uint64_t care = GPIO_V2_LINE_FLAG_USED | GPIO_V2_LINE_FLAG_ACTIVE_LOW |
			      GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_OUTPUT |
			      GPIO_V2_LINE_FLAG_EDGE_RISING | GPIO_V2_LINE_FLAG_EDGE_FALLING;
	const uint64_t out = GPIO_V2_LINE_FLAG_USED | GPIO_V2_LINE_FLAG_OUTPUT;
	const uint64_t in = GPIO_V2_LINE_FLAG_USED | GPIO_V2_LINE_FLAG_INPUT;
	const uint64_t edges = GPIO_V2_LINE_FLAG_EDGE_RISING | GPIO_V2_LINE_FLAG_EDGE_FALLING;
	struct gpio_v2_line_request req = { 0 };
	struct gpio_v2_line_config cfg;
	struct gpio_v2_line_values sv;
	uint64_t all, outs, last, pattern, got;
	unsigned int i, n;
	int cfd, lfd;

	if (argc < 3 || argc - 1 > GPIO_V2_LINES_MAX)
		print_usage();
	cfd = open_chip(argv[0]);
	n = argc - 1;
	for (i = 0; i < n; i++)
		req.offsets[i] = parse_ul(argv[i + 1], "offset");
	req.num_lines = n;
	all = n == 64 ? ~0ULL : (1ULL << n) - 1;
	last = 1ULL << (n - 1);
	outs = all & ~last;
	pattern = 0x5555555555555555ULL & outs;

	/*
	 * 1: outputs by default, last line input via a FLAGS attribute, and
	 * initial levels via an OUTPUT_VALUES attribute.
	 */
	req.config.flags = GPIO_V2_LINE_FLAG_OUTPUT;
	add_attr(&req.config, GPIO_V2_LINE_ATTR_ID_FLAGS, GPIO_V2_LINE_FLAG_INPUT, last);
	add_attr(&req.config, GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES, pattern, outs);
	lfd = request_lines(cfd, &req, "GPIO_V2_GET_LINE_IOCTL (config)");
	for (i = 0; i < n; i++)
		check_line(cfd, req.offsets[i], i == n - 1 ? in : out, care, 0, "request");
	got = get_values(lfd, outs);
	check(got == pattern, "request.values", "got 0x%llx want 0x%llx",
	      (unsigned long long)got, (unsigned long long)pattern);

	/* 2: SET_VALUES inverts the outputs. */
	sv.mask = outs;
	sv.bits = ~pattern & outs;
	xioctl(lfd, GPIO_V2_LINE_SET_VALUES_IOCTL, &sv, "GPIO_V2_LINE_SET_VALUES_IOCTL");
	got = get_values(lfd, outs);
	check(got == (~pattern & outs), "set_values", "got 0x%llx want 0x%llx",
	      (unsigned long long)got, (unsigned long long)(~pattern & outs));

	/*
	 * 3: SET_CONFIG: every line an output, the first one active-low,
	 * all driven logical 1 (so the first is physically low).
	 */
	memset(&cfg, 0, sizeof(cfg));
	cfg.flags = GPIO_V2_LINE_FLAG_OUTPUT;
	add_attr(&cfg, GPIO_V2_LINE_ATTR_ID_FLAGS,
		 GPIO_V2_LINE_FLAG_OUTPUT | GPIO_V2_LINE_FLAG_ACTIVE_LOW, 1);
	add_attr(&cfg, GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES, all, all);
	xioctl(lfd, GPIO_V2_LINE_SET_CONFIG_IOCTL, &cfg, "GPIO_V2_LINE_SET_CONFIG_IOCTL");
	check_line(cfd, req.offsets[0], out | GPIO_V2_LINE_FLAG_ACTIVE_LOW, care, 0, "reconfig");
	for (i = 1; i < n; i++)
		check_line(cfd, req.offsets[i], out, care, 0, "reconfig");
	got = get_values(lfd, all);
	check(got == all, "reconfig.values", "got 0x%llx want 0x%llx",
	      (unsigned long long)got, (unsigned long long)all);

	/*
	 * 4: SET_CONFIG: last line back to an edge-detecting input with a
	 * debounce attribute; the others keep driving.
	 */
	memset(&cfg, 0, sizeof(cfg));
	cfg.flags = GPIO_V2_LINE_FLAG_OUTPUT;
	add_attr(&cfg, GPIO_V2_LINE_ATTR_ID_FLAGS, GPIO_V2_LINE_FLAG_INPUT | edges, last);
	add_attr(&cfg, GPIO_V2_LINE_ATTR_ID_DEBOUNCE, 1000, last);
	add_attr(&cfg, GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES, 0, outs);
	xioctl(lfd, GPIO_V2_LINE_SET_CONFIG_IOCTL, &cfg, "GPIO_V2_LINE_SET_CONFIG_IOCTL");
	check_line(cfd, req.offsets[n - 1], in | edges, care, 1000, "debounce");
	got = get_values(lfd, outs);
	check(got == 0, "debounce.values", "got 0x%llx want 0", (unsigned long long)got);

	close(lfd);
	/*
	 * Not a check: what the chip keeps after release is driver
	 * behaviour, recorded so two drivers' runs can be diffed.
	 */
	for (i = 0; i < n; i++) {
		struct gpio_v2_line_info li;

		get_info(cfd, req.offsets[i], &li);
		print_info("released ", &li);
	}
	return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(int argc, char **argv);
	} cmds[] = {
		{ "info", cmd_info },	  { "get", cmd_get },	    { "set", cmd_set },
		{ "watch", cmd_watch },	  { "events", cmd_events }, { "config", cmd_config },
		{ "request", cmd_request },
	};
	size_t i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2)
		print_usage();
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(argv[1], cmds[i].name))
			return cmds[i].fn(argc - 2, argv + 2);
	print_usage();
	return EXIT_USAGE;
}
