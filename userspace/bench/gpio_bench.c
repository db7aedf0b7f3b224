// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpio_bench - GPIO character-device benchmark for `make bench`.
 *
 * Measures, through libgpiod v1 (Debian 12's 1.6) and, for events, the raw
 * uAPI v2 ioctls (v1 has no event sequence numbers and no event buffer
 * size), one or more chips ("targets") side by side: every repetition runs
 * each measure on every target in turn (starting with a different target
 * each time), so slow drifts of the machine hit all targets alike.
 *
 *   get1    single-line get rate: GPIOHANDLE_GET_LINE_VALUES round trips/s
 *   set1    single-line set rate
 *   get8    8-line batch get rate (one request holding the 8 lines)
 *   set8    8-line batch set rate
 *   req     request + release of one line per second (the driver's
 *           request/direction/free, GpioClx Connect/Disconnect)
 *   ev      edge events: the line's level is flipped from outside (a write
 *           to a file: gpio-sim's or gpioclx-sim's sysfs pull, gpio-mockup's
 *           debugfs, gpioclx-bench's PL061 injector) and the event read back
 *           before the next flip: rate (events/s), round-trip latency
 *           (write -> read() returns, us) and kernel latency (write ->
 *           the event's timestamp, us); lost and duplicated events counted
 *           (each flip must give exactly one event of the right edge, with
 *           the next sequence number)
 *   calls   with --state: the GpioClx client calls per batch operation, from
 *           the shim's debugfs counters (WriteGpioPins/ReadGpioPins), and
 *           the interrupt-path calls per edge event (QueryActive, ClearActive,
 *           Mask, Unmask, Reconfigure)
 *
 * Usage:
 *   gpio_bench [-r REPS] [-n ITERS] [-e EVENTS] [-m MEASURES] [-q REQS]
 *              -t LABEL CHIP [-l LINE] [-b FIRST] [-B N]
 *                            [-i FILE -H HIGH -L LOW -E LINE] [-s STATE]
 *              [-t LABEL CHIP ...]
 *   -r reps (default 7) after one warm-up; -n calls per repetition for
 *   get/set (default 20000); -q request/release cycles per repetition
 *   (default 2000); -e events per repetition (default 200); -m comma list of
 *   measures (default get1,set1,get8,set8,req,ev,calls).
 *   Per target: -l the single line (default 0), -b/-B the batch lines
 *   (default 0..7; -B 32 also measures calls for a 32-line set), -i/-H/-L
 *   the injector file and what to write for high and low, -E the event line
 *   (default the single line), -s the shim's debugfs state file.
 *
 * Output, one line per target and measure (values are per repetition):
 *   @@BENCH@@ LABEL MEASURE UNIT V1 V2 ...
 * Exit status 0, or 1 if a target could not be measured at all.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <gpiod.h>
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

#define MAX_TARGETS 4
#define MAX_REPS 64
#define MAX_BATCH 64
#define EV_CBS 5			/* interrupt-path callbacks counted per event */
#define CONSUMER "gpio_bench"

struct target {
	const char *label;
	const char *chip;
	unsigned int line;
	unsigned int batch_first, batch_n;
	const char *inject, *high, *low, *state;
	int event_line;			/* -1: the single line */
	double v[8][MAX_REPS];		/* per measure, per repetition */
	unsigned int nv[8];
	long lost, dup, initial, events;
	long ev_calls[EV_CBS], ev_counted;	/* client calls during measured events */
	double rt_us[MAX_REPS], k_us[MAX_REPS];
	int broken;
};

enum measure { M_GET1, M_SET1, M_GET8, M_SET8, M_REQ, M_EV, M_CALLS, M_COUNT };
static const char *const mnames[M_COUNT] = { "get1", "set1", "get8", "set8", "req", "ev", "calls" };

static struct target targets[MAX_TARGETS];
static unsigned int ntargets, reps = 7, iters = 20000, nreq = 2000, nevents = 200;
static int want[M_COUNT];

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("gpio_bench: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void warn_t(struct target *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "gpio_bench: %s: ", t->label);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static struct gpiod_chip *open_chip(struct target *t)
{
	struct gpiod_chip *c = gpiod_chip_open_lookup(t->chip);

	if (!c)
		warn_t(t, "cannot open chip %s: %s", t->chip, strerror(errno));
	return c;
}

static void record(struct target *t, enum measure m, double value)
{
	if (t->nv[m] < MAX_REPS)
		t->v[m][t->nv[m]++] = value;
}

/* Single-line get or set: ops per second over n calls. */
static int bench_single(struct target *t, enum measure m, unsigned int n, int keep)
{
	struct gpiod_chip *c = open_chip(t);
	struct gpiod_line *l;
	unsigned int i;
	double t0, t1;
	int ret = -1;

	if (!c)
		return -1;
	l = gpiod_chip_get_line(c, t->line);
	if (!l)
		goto out;
	if (m == M_GET1 ? gpiod_line_request_input(l, CONSUMER) :
			  gpiod_line_request_output(l, CONSUMER, 0)) {
		warn_t(t, "request line %u: %s", t->line, strerror(errno));
		goto out;
	}
	t0 = now();
	for (i = 0; i < n; i++) {
		if ((m == M_GET1 ? gpiod_line_get_value(l) : gpiod_line_set_value(l, i & 1)) < 0) {
			warn_t(t, "%s: %s", mnames[m], strerror(errno));
			goto rel;
		}
	}
	t1 = now();
	if (keep)
		record(t, m, n / (t1 - t0));
	ret = 0;
rel:
	gpiod_line_release(l);
out:
	gpiod_chip_close(c);
	return ret;
}

/* Client calls named NAME in the shim's debugfs state file, or -1. */
static long state_calls(const char *path, const char *name)
{
	char buf[256], key[64];
	long v = -1, n;
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	while (fgets(buf, sizeof(buf), f))
		if (sscanf(buf, " %63s %ld", key, &n) == 2 && !strcmp(key, name))
			v = n;
	fclose(f);
	return v;
}

/* calls per operation of a held bulk request, over k operations */
static double calls_per_op(struct target *t, struct gpiod_line_bulk *b, int set, unsigned int k)
{
	const char *cb = set ? "WriteGpioPins" : "ReadGpioPins";
	int vals[MAX_BATCH] = { 0 };
	long c0, c1;
	unsigned int i, j;

	c0 = state_calls(t->state, cb);
	for (i = 0; i < k; i++) {
		for (j = 0; j < gpiod_line_bulk_num_lines(b); j++)
			vals[j] = (i + j) & 1;
		if (set ? gpiod_line_set_value_bulk(b, vals) : gpiod_line_get_value_bulk(b, vals))
			return -1;
	}
	c1 = state_calls(t->state, cb);
	if (c0 < 0 || c1 < 0)
		return -1;
	return (double)(c1 - c0) / k;
}

/* The batch lines as a held request: input for get, output for set. */
static struct gpiod_chip *request_batch(struct target *t, unsigned int first, unsigned int n,
					int output, struct gpiod_line_bulk *b)
{
	unsigned int offs[MAX_BATCH], i;
	int defaults[MAX_BATCH] = { 0 };
	struct gpiod_chip *c = open_chip(t);

	if (!c)
		return NULL;
	for (i = 0; i < n; i++)
		offs[i] = first + i;
	if (gpiod_chip_get_lines(c, offs, n, b) ||
	    (output ? gpiod_line_request_bulk_output(b, CONSUMER, defaults) :
		      gpiod_line_request_bulk_input(b, CONSUMER))) {
		warn_t(t, "request lines %u..%u: %s", first, first + n - 1, strerror(errno));
		gpiod_chip_close(c);
		return NULL;
	}
	return c;
}

/* 8-line batch get or set rate. */
static int bench_batch(struct target *t, enum measure m, unsigned int n, int keep)
{
	struct gpiod_line_bulk b;
	int vals[MAX_BATCH] = { 0 };
	unsigned int i, j;
	struct gpiod_chip *c;
	double t0, t1;
	int ret = 0;

	c = request_batch(t, t->batch_first, 8, m == M_SET8, &b);
	if (!c)
		return -1;
	t0 = now();
	for (i = 0; i < n; i++) {
		if (m == M_SET8) {
			for (j = 0; j < 8; j++)
				vals[j] = ((i ? 0x55 : 0xaa) >> j) & 1;
			ret = gpiod_line_set_value_bulk(&b, vals);
		} else {
			ret = gpiod_line_get_value_bulk(&b, vals);
		}
		if (ret) {
			warn_t(t, "%s: %s", mnames[m], strerror(errno));
			break;
		}
	}
	t1 = now();
	if (!ret && keep)
		record(t, m, n / (t1 - t0));
	gpiod_line_release_bulk(&b);
	gpiod_chip_close(c);
	return ret;
}

/* Client calls per batch: 8-line set and get, and a 32-line set. */
static int bench_calls(struct target *t)
{
	struct gpiod_line_bulk b;
	struct gpiod_chip *c;
	double v;

	if (!t->state)
		return 0;
	c = request_batch(t, t->batch_first, 8, 1, &b);
	if (!c)
		return -1;
	v = calls_per_op(t, &b, 1, 100);
	printf("@@BENCH@@ %s calls_set8 calls %.2f\n", t->label, v);
	gpiod_line_release_bulk(&b);
	gpiod_chip_close(c);

	c = request_batch(t, t->batch_first, 8, 0, &b);
	if (!c)
		return -1;
	v = calls_per_op(t, &b, 0, 100);
	printf("@@BENCH@@ %s calls_get8 calls %.2f\n", t->label, v);
	gpiod_line_release_bulk(&b);
	gpiod_chip_close(c);

	if (t->batch_n >= 32) {
		c = request_batch(t, t->batch_first, 32, 1, &b);
		if (!c)
			return -1;
		v = calls_per_op(t, &b, 1, 100);
		printf("@@BENCH@@ %s calls_set32 calls %.2f\n", t->label, v);
		gpiod_line_release_bulk(&b);
		gpiod_chip_close(c);
	}
	return 0;
}

/* Request + release rate of one line (input). */
static int bench_req(struct target *t, unsigned int n, int keep)
{
	struct gpiod_chip *c = open_chip(t);
	struct gpiod_line *l;
	unsigned int i;
	double t0, t1;

	if (!c)
		return -1;
	l = gpiod_chip_get_line(c, t->line);
	if (!l) {
		gpiod_chip_close(c);
		return -1;
	}
	t0 = now();
	for (i = 0; i < n; i++) {
		if (gpiod_line_request_input(l, CONSUMER)) {
			warn_t(t, "req: %s", strerror(errno));
			gpiod_chip_close(c);
			return -1;
		}
		gpiod_line_release(l);
	}
	t1 = now();
	if (keep)
		record(t, M_REQ, n / (t1 - t0));
	gpiod_chip_close(c);
	return 0;
}

/* One write() per level: sysfs and debugfs control files ignore the offset. */
/* The interrupt-path callbacks counted per edge event (with -s). */
static const char *const ev_cbs[EV_CBS] = {
	"QueryActiveInterrupts", "ClearActiveInterrupts", "MaskInterrupts", "UnmaskInterrupt",
	"ReconfigureInterrupt",
};
static const char *const ev_cb_keys[EV_CBS] = {
	"calls_ev_query", "calls_ev_clear", "calls_ev_mask", "calls_ev_unmask", "calls_ev_reconf",
};

static void ev_snapshot(struct target *t, long *v)
{
	int i;

	for (i = 0; i < EV_CBS; i++)
		v[i] = t->state ? state_calls(t->state, ev_cbs[i]) : -1;
}

static int inject(int fd, const char *s)
{
	return write(fd, s, strlen(s)) < 0 ? -1 : 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, unsigned int n)
{
	if (!n)
		return 0;
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Read every event that arrives within ms; returns how many, or -1. */
static int drain(int efd, int ms)
{
	struct gpio_v2_line_event ev[16];
	struct pollfd p = { .fd = efd, .events = POLLIN };
	int total = 0;
	ssize_t r;

	while (poll(&p, 1, ms) > 0) {
		r = read(efd, ev, sizeof(ev));
		if (r < 0)
			return -1;
		total += r / sizeof(ev[0]);
	}
	return total;
}

/*
 * Edge events, ping-pong: flip the line, wait for its event, flip back.
 * Both edges requested; a flip that gives no event within a second is
 * lost, any extra event (or a wrong edge, or a sequence gap) is counted
 * as duplicated/lost.
 */
static int bench_events(struct target *t, unsigned int n, int keep)
{
	struct gpio_v2_line_request req;
	struct gpio_v2_line_event ev[16];
	struct pollfd p;
	double rt[4096], kl[4096], t0, t1;
	unsigned int i, nrt = 0, line = t->event_line >= 0 ? (unsigned int)t->event_line : t->line;
	uint32_t seq = 0;
	int cfd, ifd, k, got;
	long c0[EV_CBS], c1[EV_CBS];
	char path[128];
	uint64_t w;
	ssize_t r;

	if (!t->inject)
		return 0;
	if (n > 4096)
		n = 4096;
	ifd = open(t->inject, O_WRONLY);
	if (ifd < 0) {
		warn_t(t, "open %s: %s", t->inject, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s%s", t->chip[0] == '/' ? "" : "/dev/", t->chip);
	cfd = open(path, O_RDWR);
	if (cfd < 0) {
		warn_t(t, "open chip %s: %s", t->chip, strerror(errno));
		close(ifd);
		return -1;
	}
	if (inject(ifd, t->low)) {
		warn_t(t, "inject low: %s", strerror(errno));
		goto out;
	}
	memset(&req, 0, sizeof(req));
	req.offsets[0] = line;
	req.num_lines = 1;
	req.event_buffer_size = 64;
	strcpy(req.consumer, CONSUMER);
	req.config.flags = GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_EDGE_RISING |
			   GPIO_V2_LINE_FLAG_EDGE_FALLING;
	if (ioctl(cfd, GPIO_V2_GET_LINE_IOCTL, &req) < 0) {
		warn_t(t, "GPIO_V2_GET_LINE_IOCTL line %u: %s", line, strerror(errno));
		goto out;
	}
	/* anything the setup itself produced is not part of the measurement */
	k = drain(req.fd, 50);
	if (k > 0)
		t->initial += k;

	p.fd = req.fd;
	p.events = POLLIN;
	ev_snapshot(t, c0);
	t0 = now();
	for (i = 0; i < n; i++) {
		int rising = !(i & 1);

		w = now_ns();
		if (inject(ifd, rising ? t->high : t->low)) {
			warn_t(t, "inject: %s", strerror(errno));
			break;
		}
		if (poll(&p, 1, 1000) <= 0) {
			t->lost++;
			continue;
		}
		r = read(req.fd, ev, sizeof(ev));
		if (r < (ssize_t)sizeof(ev[0])) {
			t->lost++;
			continue;
		}
		got = r / sizeof(ev[0]);
		rt[nrt] = (now_ns() - w) / 1e3;
		kl[nrt] = ev[0].timestamp_ns > w ? (ev[0].timestamp_ns - w) / 1e3 : 0;
		nrt++;
		if (ev[0].id != (rising ? GPIO_V2_LINE_EVENT_RISING_EDGE :
					  GPIO_V2_LINE_EVENT_FALLING_EDGE))
			t->dup++;	/* a wrong edge: the right one went missing */
		if (seq && ev[0].seqno != seq + 1)
			t->lost += ev[0].seqno > seq ? ev[0].seqno - seq - 1 : 1;
		seq = ev[got - 1].seqno;
		t->dup += got - 1;
		t->events += got;
	}
	t1 = now();
	ev_snapshot(t, c1);
	if (keep && t->state) {
		for (k = 0; k < EV_CBS; k++)
			t->ev_calls[k] += c1[k] >= 0 && c0[k] >= 0 ? c1[k] - c0[k] : 0;
		t->ev_counted += n;
	}
	/* late extras are duplicates too */
	k = drain(req.fd, 100);
	if (k > 0) {
		t->dup += k;
		t->events += k;
	}
	close(req.fd);
	if (keep && nrt) {
		record(t, M_EV, nrt / (t1 - t0));
		t->rt_us[t->nv[M_EV] - 1] = median(rt, nrt);
		t->k_us[t->nv[M_EV] - 1] = median(kl, nrt);
	}
	inject(ifd, t->low);
	close(cfd);
	close(ifd);
	return 0;
out:
	close(cfd);
	close(ifd);
	return -1;
}

static int run_one(struct target *t, enum measure m, int keep)
{
	unsigned int n = keep ? iters : iters / 10 + 1;

	switch (m) {
	case M_GET1:
	case M_SET1:
		return bench_single(t, m, n, keep);
	case M_GET8:
	case M_SET8:
		return bench_batch(t, m, n, keep);
	case M_REQ:
		return bench_req(t, keep ? nreq : nreq / 10 + 1, keep);
	case M_EV:
		return bench_events(t, keep ? nevents : 4, keep);
	default:
		return 0;
	}
}

static void print_values(struct target *t, const char *name, const char *unit, double *v,
			 unsigned int n, double scale)
{
	unsigned int i;

	if (!n)
		return;
	printf("@@BENCH@@ %s %s %s", t->label, name, unit);
	for (i = 0; i < n; i++)
		printf(" %.3f", v[i] * scale);
	putchar('\n');
}

static unsigned int parse_uint(const char *s)
{
	char *end;
	unsigned long v = strtoul(s, &end, 0);

	if (!*s || *end)
		die("not a number: '%s'", s);
	return v;
}

static void parse_measures(char *list)
{
	char *tok;
	int i, found;

	memset(want, 0, sizeof(want));
	for (tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
		found = 0;
		for (i = 0; i < M_COUNT; i++)
			if (!strcmp(tok, mnames[i]))
				want[i] = found = 1;
		if (!found)
			die("unknown measure '%s'", tok);
	}
}

static void parse_args(int argc, char **argv)
{
	struct target *t = NULL;
	int i;

	for (i = 0; i < M_COUNT; i++)
		want[i] = 1;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "-t")) {
			if (i + 2 >= argc || ntargets == MAX_TARGETS)
				die("-t LABEL CHIP (at most %d targets)", MAX_TARGETS);
			t = &targets[ntargets++];
			t->label = argv[++i];
			t->chip = argv[++i];
			t->batch_n = 8;
			t->event_line = -1;
			continue;
		}
		if (!v)
			die("%s needs an argument", a);
		i++;
		if (!strcmp(a, "-r"))
			reps = parse_uint(v);
		else if (!strcmp(a, "-n"))
			iters = parse_uint(v);
		else if (!strcmp(a, "-q"))
			nreq = parse_uint(v);
		else if (!strcmp(a, "-e"))
			nevents = parse_uint(v);
		else if (!strcmp(a, "-m"))
			parse_measures(argv[i]);
		else if (!t)
			die("%s before the first -t", a);
		else if (!strcmp(a, "-l"))
			t->line = parse_uint(v);
		else if (!strcmp(a, "-b"))
			t->batch_first = parse_uint(v);
		else if (!strcmp(a, "-B"))
			t->batch_n = parse_uint(v);
		else if (!strcmp(a, "-i"))
			t->inject = v;
		else if (!strcmp(a, "-H"))
			t->high = v;
		else if (!strcmp(a, "-L"))
			t->low = v;
		else if (!strcmp(a, "-E"))
			t->event_line = parse_uint(v);
		else if (!strcmp(a, "-s"))
			t->state = v;
		else
			die("unknown option %s", a);
	}
	if (!ntargets)
		die("usage: gpio_bench [-r N] [-n N] [-q N] [-e N] [-m LIST] -t LABEL CHIP [...] ...");
	if (reps < 1 || reps > MAX_REPS)
		die("-r must be 1..%d", MAX_REPS);
	for (i = 0; i < (int)ntargets; i++) {
		t = &targets[i];
		if (t->inject && (!t->high || !t->low))
			die("%s: -i needs -H and -L", t->label);
		if (t->batch_n > MAX_BATCH)
			die("%s: -B at most %d", t->label, MAX_BATCH);
	}
}

int main(int argc, char **argv)
{
	unsigned int r, i;
	enum measure m;
	int c, failed = 0;

	parse_args(argc, argv);
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* warm-up: every path once, results dropped */
	for (m = 0; m < M_CALLS; m++)
		for (i = 0; i < ntargets; i++)
			if (want[m] && !targets[i].broken && run_one(&targets[i], m, 0))
				targets[i].broken = 1;
	/* the order of the targets rotates, so none always goes first */
	for (r = 0; r < reps; r++)
		for (m = 0; m < M_CALLS; m++)
			for (i = 0; i < ntargets; i++) {
				struct target *t = &targets[(i + r) % ntargets];

				if (want[m] && !t->broken)
					run_one(t, m, 1);
			}
	for (i = 0; i < ntargets; i++) {
		struct target *t = &targets[i];

		if (t->broken) {
			warn_t(t, "could not be measured");
			failed = 1;
		}
		print_values(t, "get1", "kops/s", t->v[M_GET1], t->nv[M_GET1], 1e-3);
		print_values(t, "set1", "kops/s", t->v[M_SET1], t->nv[M_SET1], 1e-3);
		print_values(t, "get8", "kops/s", t->v[M_GET8], t->nv[M_GET8], 1e-3);
		print_values(t, "set8", "kops/s", t->v[M_SET8], t->nv[M_SET8], 1e-3);
		print_values(t, "req", "kops/s", t->v[M_REQ], t->nv[M_REQ], 1e-3);
		print_values(t, "ev_rate", "ev/s", t->v[M_EV], t->nv[M_EV], 1);
		print_values(t, "ev_rt", "us", t->rt_us, t->nv[M_EV], 1);
		print_values(t, "ev_klat", "us", t->k_us, t->nv[M_EV], 1);
		if (want[M_EV] && t->inject && !t->broken)
			printf("@@BENCH@@ %s ev_count count %ld lost %ld dup %ld initial %ld\n",
			       t->label, t->events, t->lost, t->dup, t->initial);
		for (c = 0; t->ev_counted && c < EV_CBS; c++)
			printf("@@BENCH@@ %s %s calls %.2f\n", t->label, ev_cb_keys[c],
			       (double)t->ev_calls[c] / t->ev_counted);
		if (want[M_CALLS] && !t->broken && bench_calls(t))
			failed = 1;
	}
	return failed;
}
