// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpio_fuzz - a seeded fuzzer of the GPIO character device uAPI, v1 and
 * v2, for the guest scenarios (s10).  Every run is reproducible from the
 * seed it prints first: one xorshift stream picks each operation and its
 * arguments, nothing else (no time, no pid) feeds it.
 *
 * What it does, at random, on one chip:
 *   - opens and closes up to MAX_CHIPS descriptors of the chip;
 *   - chip info, v1 and v2 line info, v1/v2 line info watch and unwatch,
 *     non-blocking reads of line info changes;
 *   - v1 line handle and line event requests, v2 line requests: offsets
 *     valid, repeated or out of range, flags and attributes (direction,
 *     edges, bias, drive, active-low, debounce, output values, event
 *     clock) valid or with one rule of the kernel's broken;
 *   - on held requests: get and set values, SET_CONFIG with random
 *     configurations, non-blocking event reads (buffers short and long),
 *     poll, close at any point;
 *   - ioctl numbers no GPIO file knows, arguments that point nowhere;
 *   - with -p, drives the simulator's lines from outside (sim_gpio<N>/pull),
 *     so requested edges fire while all this goes on.
 *
 * Every call has the errno set its inputs allow (the kernel's rules in
 * drivers/gpio/gpiolib-cdev.c, 6.1 and 6.12 alike); anything else is
 * UNEXPECTED and fails the run:
 *   request, well formed, lines free in this process    0
 *     (with -P, or a line this process holds:           + EBUSY)
 *   request breaking a rule (bad offset, 0 or >64 lines,
 *     padding, >10 attributes, contradictory flags,
 *     edge/debounce without input, drive without output,
 *     bias without direction)                           EINVAL (after a busy line
 *                                                       of the request, EBUSY)
 *   the HTE event clock (Debian builds no CONFIG_HTE)   EOPNOTSUPP
 *   line info, unwatch: offset out of range             EINVAL
 *   watch of a watched line, unwatch of an unwatched    EBUSY
 *   v1 watch after v2 on one descriptor, or reverse     EPERM
 *   set values: an input line in the mask               EPERM
 *     (a line requested "as is" may be either: 0 or EPERM)
 *   get/set values: no requested line in the mask       EINVAL
 *   set values or SET_CONFIG on a v1 event descriptor,
 *     v1 SET_CONFIG with no direction                   EINVAL
 *   read: nothing pending (non-blocking)                EAGAIN
 *   read: buffer shorter than one event, or a v1
 *     handle (no read at all)                           EINVAL (line info changes
 *                                                       with none pending: EAGAIN)
 *   ioctl number unknown to the file                    EINVAL or ENOTTY
 *   argument pointing to unmapped memory                EFAULT (the ioctl of another
 *                                                       kind of file: as unknown)
 * An output line (push-pull) must read back the last value set on it:
 * a mismatch fails the run too.  At the end every descriptor is closed
 * and every line of the chip must be free (v2 line info, no USED flag).
 * Lines another consumer holds when the run starts (a gpio-keys button)
 * count as busy, and are left out of that count.
 *
 * usage: gpio_fuzz [-s SEED] [-n ITERATIONS] [-l LINES] [-p SIMDIR]
 *                  [-P PROCS] [-V] CHIP
 *   -l LINES  valid offsets only below LINES (overlap on purpose)
 *   -p SIMDIR the simulator's device directory (.../gpioclx-sim.0)
 *   -P PROCS  PROCS processes on the chip at once, seeds SEED..SEED+PROCS-1
 *   -V        valid requests and calls only (the concurrency hammer)
 * Prints "gpio_fuzz: seed=S ..." first and one summary line last:
 *   gpio_fuzz: ops=.. ioctls=.. reads=.. events=.. pokes=.. unexpected=..
 *   mismatches=.. crashed=.. still_requested=.. errnos: EINVAL=.. ...
 * Exit: 0 clean, 1 anything unexpected (or a worker died), 64 usage.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/gpio.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_CHIPS 4
#define MAX_REQS 12
#define MAX_LINES 4096
#define MAX_ERRNO 1024
#define MAX_REPORTS 20
#define BAD_PTR ((void *)16)	/* never mapped: EFAULT */

/*
 * What the kernel may answer: a set of outcomes, one bit each for success
 * and the errnos this program tells apart (EOPNOTSUPP is 95: no 1 << errno).
 */
typedef uint64_t want_t;
static const int known_errnos[] = { 0, EPERM, EINVAL, EBUSY, EFAULT, EAGAIN, ENOTTY,
				    EOPNOTSUPP, ENXIO, ENODEV, EIO, ENOMEM, EBADF };
#define N_KNOWN (sizeof(known_errnos) / sizeof(known_errnos[0]))

static want_t W(int e)
{
	for (unsigned int i = 0; i < N_KNOWN; i++)
		if (known_errnos[i] == e)
			return 1ULL << i;
	return 1ULL << 63;	/* any other: never wanted */
}
#define WANT_OK (1ULL << 0)

enum kind { K_NONE, K_HANDLE, K_EVENT, K_V2 };
enum dir { D_ASIS, D_IN, D_OUT };

struct line_model {
	unsigned int offset;
	enum dir dir;
	bool checkable;		/* push-pull output: reads back what was set */
	int value;		/* last value set (logical), -1 unknown */
};

struct req {
	int fd;
	enum kind kind;
	unsigned int n;
	struct line_model l[GPIO_V2_LINES_MAX];
};

struct chipfd {
	int fd;
	int abi;		/* watch ABI this descriptor locked to: 0, 1, 2 */
	uint8_t watched[MAX_LINES];
};

struct stats {
	unsigned long ops, ioctls, reads, events, pokes, unexpected, mismatches;
	unsigned long err[MAX_ERRNO];
};

static struct stats *st;
static struct chipfd chips[MAX_CHIPS];
static struct req reqs[MAX_REQS];
static int owner[MAX_LINES];	/* index in reqs of the holder, or -1 */
static bool foreign[MAX_LINES];	/* held by another consumer at the start */
static const char *chip_path, *sim_dir;
static unsigned int ngpio, nvalid;
static bool valid_only, shared;
static uint64_t rng;
static unsigned long iter;
static int reports;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static unsigned int below(unsigned int n) { return n ? rnd() % n : 0; }
static bool chance(unsigned int pct) { return below(100) < pct; }

static const char *ename(int e)
{
	static char buf[16];

	switch (e) {
	case 0:
		return "OK";
	case EPERM:
		return "EPERM";
	case EINVAL:
		return "EINVAL";
	case EBUSY:
		return "EBUSY";
	case EFAULT:
		return "EFAULT";
	case EAGAIN:
		return "EAGAIN";
	case ENOTTY:
		return "ENOTTY";
	case EOPNOTSUPP:
		return "EOPNOTSUPP";
	case ENXIO:
		return "ENXIO";
	case ENODEV:
		return "ENODEV";
	case EIO:
		return "EIO";
	case ENOMEM:
		return "ENOMEM";
	case EBADF:
		return "EBADF";
	case 524:
		return "ENOTSUPP";
	}
	snprintf(buf, sizeof(buf), "E%d", e);
	return buf;
}

static void want_str(want_t w, char *buf, size_t len)
{
	size_t at = 0;

	buf[0] = '\0';
	for (unsigned int i = 0; i < N_KNOWN && at < len; i++)
		if (w & (1ULL << i))
			at += snprintf(buf + at, len - at, "%s%s", at ? "|" : "",
				       ename(known_errnos[i]));
}

/* check: a call's outcome (0 or errno) against what it may be. */
static void check(const char *op, int e, want_t w, const char *fmt, ...)
{
	char ws[128], what[160];
	va_list ap;

	if (e)
		st->err[e < MAX_ERRNO ? e : 0]++;
	if (w & W(e) & ~(1ULL << 63))
		return;
	st->unexpected++;
	if (reports++ >= MAX_REPORTS)
		return;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	want_str(w, ws, sizeof(ws));
	printf("gpio_fuzz: UNEXPECTED iter=%lu %s: %s (want %s) %s\n", iter, op, ename(e), ws, what);
	fflush(stdout);
}

static int xioctl(int fd, unsigned long cmd, void *arg)
{
	st->ioctls++;
	return ioctl(fd, cmd, arg) < 0 ? errno : 0;
}

/* An offset: mostly one the caller may use, sometimes one past the end. */
static unsigned int pick_offset(bool bad)
{
	static const unsigned int far[] = { 1024, 4096, 0x7fffffff, 0x80000000, 0xffffffff };
	unsigned int o = far[below(5)];

	if (!bad)
		return below(nvalid);
	if (chance(50) || o < ngpio)
		return ngpio + below(4);
	return o;
}

static int pick_chip(void)
{
	int i = below(MAX_CHIPS);

	return chips[i].fd >= 0 ? i : -1;
}

static int free_req_slot(void)
{
	for (int i = 0; i < MAX_REQS; i++)
		if (reqs[i].kind == K_NONE)
			return i;
	return -1;
}

static int pick_req(void)
{
	int i = below(MAX_REQS);

	return reqs[i].kind != K_NONE ? i : -1;
}

/* --- chips ------------------------------------------------------------- */

static void op_open(void)
{
	for (int i = 0; i < MAX_CHIPS; i++) {
		if (chips[i].fd >= 0)
			continue;
		chips[i].fd = open(chip_path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
		check("open", chips[i].fd < 0 ? errno : 0, WANT_OK, "%s", chip_path);
		chips[i].abi = 0;
		memset(chips[i].watched, 0, sizeof(chips[i].watched));
		return;
	}
}

static void op_close_chip(void)
{
	int c = pick_chip();

	if (c < 0)
		return;
	close(chips[c].fd);
	chips[c].fd = -1;
}

static void op_chipinfo(int c)
{
	struct gpiochip_info ci;
	int e = xioctl(chips[c].fd, GPIO_GET_CHIPINFO_IOCTL, &ci);

	check("chipinfo", e, WANT_OK, "");
	if (!e && ci.lines != ngpio)
		check("chipinfo", EIO, WANT_OK, "lines=%u, was %u", ci.lines, ngpio);
}

static void op_lineinfo(int c)
{
	bool bad = !valid_only && chance(20), v1 = chance(40), pad = !v1 && !valid_only && chance(10);
	unsigned int off = bad ? pick_offset(true) : below(ngpio);
	int e;

	if (v1) {
		struct gpioline_info li = { .line_offset = off };

		e = xioctl(chips[c].fd, GPIO_GET_LINEINFO_IOCTL, &li);
	} else {
		struct gpio_v2_line_info li = { .offset = off };

		if (pad)
			li.padding[below(4)] = 1 + below(100);
		e = xioctl(chips[c].fd, GPIO_V2_GET_LINEINFO_IOCTL, &li);
	}
	check(v1 ? "lineinfo_v1" : "lineinfo_v2", e, bad || pad ? W(EINVAL) : WANT_OK,
	      "offset=%u pad=%d", off, pad);
}

static void op_watch(int c)
{
	struct chipfd *cf = &chips[c];
	bool bad = !valid_only && chance(15), v1 = chance(40), unwatch = chance(40);
	unsigned int off = bad ? pick_offset(true) : below(ngpio);
	want_t w;
	int e;

	if (unwatch) {
		__u32 o = off;

		e = xioctl(cf->fd, GPIO_GET_LINEINFO_UNWATCH_IOCTL, &o);
		w = bad ? W(EINVAL) : cf->watched[off] ? WANT_OK : W(EBUSY);
		check("unwatch", e, w, "offset=%u", off);
		if (!e)
			cf->watched[off] = 0;
		return;
	}
	if (bad)
		w = W(EINVAL);
	else if (cf->abi && cf->abi != (v1 ? 1 : 2))
		w = W(EPERM);
	else
		w = cf->watched[off] ? W(EBUSY) : WANT_OK;
	if (v1) {
		struct gpioline_info li = { .line_offset = off };

		e = xioctl(cf->fd, GPIO_GET_LINEINFO_WATCH_IOCTL, &li);
	} else {
		struct gpio_v2_line_info li = { .offset = off };

		e = xioctl(cf->fd, GPIO_V2_GET_LINEINFO_WATCH_IOCTL, &li);
	}
	check(v1 ? "watch_v1" : "watch_v2", e, w, "offset=%u abi=%d", off, cf->abi);
	if (!bad && !cf->abi)
		cf->abi = v1 ? 1 : 2;	/* locked by the first watch of a valid line */
	if (!e)
		cf->watched[off] = 1;
}

/* Non-blocking read of line info changes, the buffer sometimes short. */
static void op_read_chip(int c)
{
	struct chipfd *cf = &chips[c];
	size_t ev = cf->abi == 2 ? sizeof(struct gpio_v2_line_info_changed) :
				   sizeof(struct gpioline_info_changed);
	size_t len = valid_only || chance(80) ? ev * (1 + below(4)) : below(ev);
	char buf[4 * sizeof(struct gpio_v2_line_info_changed)];
	ssize_t n;

	st->reads++;
	n = read(cf->fd, buf, len);
	if (n > 0) {
		st->events += n / ev;
		check("read_chip", n % ev ? EIO : 0, WANT_OK, "%zd bytes of %zu-byte events", n, ev);
		return;
	}
	/* short and empty: EAGAIN, the size is checked once there is an event */
	check("read_chip", n < 0 ? errno : EIO,
	      len < ev ? W(EAGAIN) | W(EINVAL) : W(EAGAIN), "len=%zu abi=%d", len, cf->abi);
}

/* --- requests ---------------------------------------------------------- */

/* Distinct valid offsets, or (dup) one of them twice. */
static void pick_lines(unsigned int n, unsigned int *offs, bool dup)
{
	for (unsigned int i = 0; i < n; i++) {
		unsigned int o;
		bool again;

		do {
			o = below(nvalid);
			again = false;
			for (unsigned int j = 0; j < i; j++)
				again |= offs[j] == o;
		} while (again);
		offs[i] = o;
	}
	if (dup && n > 1)
		offs[n - 1] = offs[below(n - 1)];
}

/* What a well-formed request of these lines may get. */
static want_t busy_want(const unsigned int *offs, unsigned int n)
{
	bool busy = shared;

	for (unsigned int i = 0; i < n; i++) {
		busy |= offs[i] < MAX_LINES && (owner[offs[i]] >= 0 || foreign[offs[i]]);
		for (unsigned int j = 0; j < i; j++)
			busy |= offs[i] == offs[j];
	}
	return busy ? WANT_OK | W(EBUSY) : WANT_OK;
}

static void take(int slot, int fd, enum kind k, unsigned int n)
{
	struct req *r = &reqs[slot];

	/* the kernel hands request descriptors out blocking: reads must not wait */
	check("fcntl", fcntl(fd, F_SETFL, O_NONBLOCK) < 0 ? errno : 0, WANT_OK, "fd=%d", fd);
	r->fd = fd;
	r->kind = k;
	r->n = n;
	for (unsigned int i = 0; i < n; i++)
		owner[r->l[i].offset] = slot;
}

static void release(int slot)
{
	struct req *r = &reqs[slot];

	close(r->fd);
	for (unsigned int i = 0; i < r->n; i++)
		if (owner[r->l[i].offset] == slot)
			owner[r->l[i].offset] = -1;
	r->kind = K_NONE;
	r->fd = -1;
}

/* v1 handle flags: one rule of linehandle_validate_flags() broken or none. */
static uint32_t v1_flags(bool *valid, bool event)
{
	uint32_t f = 0, bias[] = { GPIOHANDLE_REQUEST_BIAS_PULL_UP,
		GPIOHANDLE_REQUEST_BIAS_PULL_DOWN, GPIOHANDLE_REQUEST_BIAS_DISABLE };
	int dir = event ? (chance(50) ? 1 : 0) : below(3);	/* as-is, in, out */

	if (dir == 1)
		f |= GPIOHANDLE_REQUEST_INPUT;
	if (dir == 2)
		f |= GPIOHANDLE_REQUEST_OUTPUT;
	if (chance(30))
		f |= GPIOHANDLE_REQUEST_ACTIVE_LOW;
	if (dir && chance(40))
		f |= bias[below(3)];
	if (dir == 2 && chance(30))
		f |= chance(50) ? GPIOHANDLE_REQUEST_OPEN_DRAIN : GPIOHANDLE_REQUEST_OPEN_SOURCE;
	*valid = true;
	if (valid_only || chance(75))
		return f;
	*valid = false;
	switch (below(4)) {
	case 0:
		return f | (1U << (8 + below(24)));			/* unknown bit */
	case 1:
		return f | GPIOHANDLE_REQUEST_BIAS_PULL_UP | GPIOHANDLE_REQUEST_BIAS_PULL_DOWN;
	case 2:
		if (event)	/* no events on an output */
			return f | (chance(50) ? GPIOHANDLE_REQUEST_OUTPUT : GPIOHANDLE_REQUEST_OPEN_SOURCE);
		return f | GPIOHANDLE_REQUEST_INPUT | GPIOHANDLE_REQUEST_OUTPUT;
	default:
		if (event)
			return f | GPIOHANDLE_REQUEST_OPEN_DRAIN;
		/* open drain, or a bias, with no direction */
		return (f & ~(GPIOHANDLE_REQUEST_INPUT | GPIOHANDLE_REQUEST_OUTPUT |
			      GPIOHANDLE_REQUEST_BIAS_PULL_UP | GPIOHANDLE_REQUEST_BIAS_PULL_DOWN)) |
		       (chance(50) ? GPIOHANDLE_REQUEST_OPEN_DRAIN : GPIOHANDLE_REQUEST_BIAS_DISABLE);
	}
}

static void model_v1(struct req *r, uint32_t f, const __u8 *defaults)
{
	for (unsigned int i = 0; i < r->n; i++) {
		struct line_model *m = &r->l[i];

		m->dir = f & GPIOHANDLE_REQUEST_OUTPUT ? D_OUT :
			 f & GPIOHANDLE_REQUEST_INPUT ? D_IN : D_ASIS;
		m->checkable = m->dir == D_OUT &&
			       !(f & (GPIOHANDLE_REQUEST_OPEN_DRAIN | GPIOHANDLE_REQUEST_OPEN_SOURCE));
		m->value = m->dir == D_OUT ? !!defaults[i] : -1;
	}
}

static void op_handle(int c, int slot)
{
	struct gpiohandle_request hr = { 0 };
	bool valid, many = !valid_only && chance(5), dup = chance(5);
	bool badoff = !valid_only && chance(10), fault = !valid_only && chance(2);
	unsigned int n = many ? (chance(50) ? 0 : GPIOHANDLES_MAX + 1 + below(8)) : 1 + below(8);
	want_t w;
	int e;

	if (n > nvalid && !many)
		n = nvalid;
	hr.flags = v1_flags(&valid, false);
	hr.lines = n;
	if (!many)
		pick_lines(n, hr.lineoffsets, dup);
	if (badoff && !many)
		hr.lineoffsets[below(n)] = pick_offset(true);
	for (unsigned int i = 0; i < GPIOHANDLES_MAX; i++)
		hr.default_values[i] = below(2);
	snprintf(hr.consumer_label, sizeof(hr.consumer_label), "fuzz%lu", iter);
	e = xioctl(chips[c].fd, GPIO_GET_LINEHANDLE_IOCTL, fault ? BAD_PTR : &hr);
	if (fault)
		w = W(EFAULT);
	else if (many || !valid)
		w = W(EINVAL);
	else if (badoff)
		w = W(EINVAL) | W(EBUSY);
	else
		w = busy_want(hr.lineoffsets, n);
	check("linehandle", e, w, "lines=%u flags=%#x off0=%u", n, hr.flags, hr.lineoffsets[0]);
	if (e || fault)
		return;
	for (unsigned int i = 0; i < n; i++)
		reqs[slot].l[i].offset = hr.lineoffsets[i];
	reqs[slot].n = n;
	model_v1(&reqs[slot], hr.flags, hr.default_values);
	take(slot, hr.fd, K_HANDLE, n);
}

static void op_event(int c, int slot)
{
	struct gpioevent_request er = { 0 };
	bool valid, badoff = !valid_only && chance(10), badev = !valid_only && chance(10);
	want_t w;
	int e;

	er.lineoffset = badoff ? pick_offset(true) : below(nvalid);
	er.handleflags = v1_flags(&valid, true);
	er.eventflags = 1 + below(3);	/* rising, falling, both */
	if (badev)
		er.eventflags |= 1U << (2 + below(30));
	snprintf(er.consumer_label, sizeof(er.consumer_label), "fuzzev%lu", iter);
	e = xioctl(chips[c].fd, GPIO_GET_LINEEVENT_IOCTL, &er);
	if (badoff || !valid || badev)
		w = W(EINVAL);
	else
		w = busy_want(&er.lineoffset, 1);
	check("lineevent", e, w, "offset=%u hflags=%#x eflags=%#x", er.lineoffset,
	      er.handleflags, er.eventflags);
	if (e)
		return;
	reqs[slot].l[0] = (struct line_model){ .offset = er.lineoffset, .dir = D_IN, .value = -1 };
	take(slot, er.fd, K_EVENT, 1);
}

/* One line's v2 flags, valid, from the bits a consumer would combine. */
static uint64_t v2_line_flags(void)
{
	static const uint64_t bias[] = { GPIO_V2_LINE_FLAG_BIAS_PULL_UP,
		GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN, GPIO_V2_LINE_FLAG_BIAS_DISABLED };
	static const uint64_t edge[] = { GPIO_V2_LINE_FLAG_EDGE_RISING,
		GPIO_V2_LINE_FLAG_EDGE_FALLING,
		GPIO_V2_LINE_FLAG_EDGE_RISING | GPIO_V2_LINE_FLAG_EDGE_FALLING };
	int dir = below(3);
	uint64_t f = 0;

	if (dir == 1)
		f |= GPIO_V2_LINE_FLAG_INPUT;
	if (dir == 2)
		f |= GPIO_V2_LINE_FLAG_OUTPUT;
	if (chance(30))
		f |= GPIO_V2_LINE_FLAG_ACTIVE_LOW;
	if (dir && chance(40))
		f |= bias[below(3)];
	if (dir == 1 && chance(50))
		f |= edge[below(3)];
	if (dir == 1 && chance(20))
		f |= GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME;
	if (dir == 2 && chance(30))
		f |= chance(50) ? GPIO_V2_LINE_FLAG_OPEN_DRAIN : GPIO_V2_LINE_FLAG_OPEN_SOURCE;
	return f;
}

/* Flags with exactly one of gpio_v2_line_flags_validate()'s rules broken. */
static uint64_t v2_bad_flags(uint64_t f, want_t *w)
{
	const uint64_t dirs = GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_OUTPUT;

	*w = W(EINVAL);
	switch (below(7)) {
	case 0:
		return f | (1ULL << (13 + below(51)));	/* unknown: bit 12 is the HTE clock */
	case 1:
		return f | dirs;
	case 2:
		return (f & ~dirs) | GPIO_V2_LINE_FLAG_OUTPUT | GPIO_V2_LINE_FLAG_OPEN_DRAIN |
		       GPIO_V2_LINE_FLAG_OPEN_SOURCE;
	case 3:
		return (f & ~GPIO_V2_LINE_FLAG_OUTPUT) | GPIO_V2_LINE_FLAG_OPEN_SOURCE;
	case 4:
		return (f & ~dirs) | GPIO_V2_LINE_FLAG_BIAS_PULL_UP;
	case 5:
		return (f & ~GPIO_V2_LINE_FLAG_INPUT) | GPIO_V2_LINE_FLAG_EDGE_FALLING;
	default:
		*w = W(EOPNOTSUPP);
		return (f & ~GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME) | GPIO_V2_LINE_FLAG_INPUT |
		       GPIO_V2_LINE_FLAG_EVENT_CLOCK_HTE;
	}
}

/*
 * A v2 line config for n lines: default flags, per-line flags and output
 * values and debounce as attributes; broken in one way unless valid.
 * The model of each line (direction, value) goes to r; *w says what the
 * kernel may answer (for a well-formed config: WANT_OK, busy aside).
 */
static void v2_config(struct gpio_v2_line_config *lc, struct req *r, unsigned int n,
		      bool valid, want_t *w)
{
	uint64_t lflags[GPIO_V2_LINES_MAX], values = rnd(), outmask = 0;
	unsigned int na = 0;

	memset(lc, 0, sizeof(*lc));
	lc->flags = v2_line_flags();
	for (unsigned int i = 0; i < n; i++)
		lflags[i] = lc->flags;
	/* per-line flags for a random subset */
	if (chance(40)) {
		uint64_t mask = rnd() & (n < 64 ? (1ULL << n) - 1 : ~0ULL);
		uint64_t f = v2_line_flags();

		lc->attrs[na].attr.id = GPIO_V2_LINE_ATTR_ID_FLAGS;
		lc->attrs[na].attr.flags = f;
		lc->attrs[na++].mask = mask;
		for (unsigned int i = 0; i < n; i++)
			if (mask & (1ULL << i))
				lflags[i] = f;
	}
	if (chance(50)) {
		outmask = rnd();
		lc->attrs[na].attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
		lc->attrs[na].attr.values = values;
		lc->attrs[na++].mask = outmask;
	}
	/* debounce only on lines that are all inputs */
	if (chance(30)) {
		uint64_t mask = 0;

		for (unsigned int i = 0; i < n; i++)
			if (lflags[i] & GPIO_V2_LINE_FLAG_INPUT)
				mask |= 1ULL << i;
		if (mask) {
			lc->attrs[na].attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
			lc->attrs[na].attr.debounce_period_us =
				chance(50) ? 10 * below(1000) : below(100000);
			lc->attrs[na++].mask = mask;
		}
	}
	lc->num_attrs = na;
	*w = WANT_OK;
	for (unsigned int i = 0; i < n; i++) {
		struct line_model *m = &r->l[i];

		m->dir = lflags[i] & GPIO_V2_LINE_FLAG_OUTPUT ? D_OUT :
			 lflags[i] & GPIO_V2_LINE_FLAG_INPUT ? D_IN : D_ASIS;
		m->checkable = m->dir == D_OUT && !(lflags[i] & (GPIO_V2_LINE_FLAG_OPEN_DRAIN |
								     GPIO_V2_LINE_FLAG_OPEN_SOURCE));
		m->value = m->dir != D_OUT ? -1 : outmask & (1ULL << i) ? !!(values & (1ULL << i)) : 0;
	}
	if (valid)
		return;
	switch (below(6)) {
	case 0:
		lc->padding[below(5)] = 1;
		*w = W(EINVAL);
		break;
	case 1:
		lc->num_attrs = GPIO_V2_LINE_NUM_ATTRS_MAX + 1 + below(100);
		*w = W(EINVAL);
		break;
	case 2:
		lc->attrs[0].attr.padding = 1;	/* in use or not: both refused */
		*w = W(EINVAL);
		break;
	case 3:
		if (na < GPIO_V2_LINE_NUM_ATTRS_MAX) {
			lc->attrs[GPIO_V2_LINE_NUM_ATTRS_MAX - 1].mask = 1;	/* an unused attr */
			*w = W(EINVAL);
		}
		break;
	case 4: {	/* debounce on a line not input */
		unsigned int i = below(n);

		if (!(lflags[i] & GPIO_V2_LINE_FLAG_INPUT) && na < GPIO_V2_LINE_NUM_ATTRS_MAX) {
			lc->attrs[na].attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
			lc->attrs[na].attr.debounce_period_us = 1000;
			lc->attrs[na].mask = 1ULL << i;
			lc->num_attrs = ++na;
			*w = W(EINVAL);
		}
		break;
	}
	default:
		lc->flags = v2_bad_flags(lc->flags, w);
		/* the defaults matter only to lines no flags attribute covers */
		if (lc->num_attrs && lc->attrs[0].attr.id == GPIO_V2_LINE_ATTR_ID_FLAGS) {
			lc->attrs[0].mask = 0;
			lc->attrs[0].attr.flags = lc->flags;
		}
		break;
	}
}

static void op_v2(int c, int slot)
{
	struct gpio_v2_line_request lr = { 0 };
	struct req tmp = { 0 };
	bool valid = valid_only || chance(75), dup = chance(5);
	bool fault = !valid_only && chance(2), badn = false, badoff = false, pad = false;
	unsigned int n = 1 + below(nvalid < 8 ? nvalid : 8);
	want_t w;
	int e;

	if (!valid) {
		switch (below(4)) {
		case 0:
			badn = true;
			break;
		case 1:
			badoff = true;
			break;
		case 2:
			pad = true;
			break;
		default:
			break;		/* the config */
		}
	}
	pick_lines(n, lr.offsets, dup);
	v2_config(&lr.config, &tmp, n, valid || badn || badoff || pad, &w);
	lr.num_lines = n;
	if (badn)
		lr.num_lines = chance(50) ? 0 : GPIO_V2_LINES_MAX + 1 + below(1000);
	if (badoff)
		lr.offsets[below(n)] = pick_offset(true);
	if (pad)
		lr.padding[below(5)] = 1 + below(9);
	lr.event_buffer_size = chance(20) ? below(2000) : 0;
	snprintf(lr.consumer, sizeof(lr.consumer), "fuzz2-%lu", iter);
	e = xioctl(chips[c].fd, GPIO_V2_GET_LINE_IOCTL, fault ? BAD_PTR : &lr);
	if (fault)
		w = W(EFAULT);
	else if (badn || pad)
		w = W(EINVAL);
	else if (badoff)
		w = W(EINVAL) | W(EBUSY);
	else if (w == WANT_OK)
		w = busy_want(lr.offsets, n);
	/* else: the config is refused before any line is requested */
	check("v2_request", e, w, "n=%u flags=%#llx attrs=%u off0=%u", lr.num_lines,
	      (unsigned long long)lr.config.flags, lr.config.num_attrs, lr.offsets[0]);
	if (e || fault)
		return;
	for (unsigned int i = 0; i < n; i++) {
		reqs[slot].l[i] = tmp.l[i];
		reqs[slot].l[i].offset = lr.offsets[i];
	}
	take(slot, lr.fd, K_V2, n);
}

static void op_request(void)
{
	int c = pick_chip(), slot = free_req_slot();

	if (c < 0 || slot < 0)
		return;
	switch (below(3)) {
	case 0:
		op_handle(c, slot);
		break;
	case 1:
		op_event(c, slot);
		break;
	default:
		op_v2(c, slot);
		break;
	}
}

/* --- held requests ----------------------------------------------------- */

/* A push-pull output must read back the value last set on it. */
static void compare(struct req *r, unsigned int i, int got)
{
	struct line_model *m = &r->l[i];

	if (!m->checkable || m->value < 0 || got == m->value)
		return;
	st->mismatches++;
	if (reports++ < MAX_REPORTS)
		printf("gpio_fuzz: MISMATCH iter=%lu line %u reads %d, was set to %d\n",
		       iter, m->offset, got, m->value);
}

static void op_get(int slot)
{
	struct req *r = &reqs[slot];
	bool fault = !valid_only && chance(3);
	int e;

	if (r->kind == K_V2) {
		struct gpio_v2_line_values lv = { .mask = rnd() };
		uint64_t in = lv.mask & (r->n < 64 ? (1ULL << r->n) - 1 : ~0ULL);

		if (valid_only && !in)
			lv.mask = in = 1;
		e = xioctl(r->fd, GPIO_V2_LINE_GET_VALUES_IOCTL, fault ? BAD_PTR : &lv);
		check("v2_get", e, fault ? W(EFAULT) : in ? WANT_OK : W(EINVAL), "mask=%#llx n=%u",
		      (unsigned long long)lv.mask, r->n);
		for (unsigned int i = 0; !e && !fault && i < r->n; i++)
			if (in & (1ULL << i))
				compare(r, i, !!(lv.bits & (1ULL << i)));
		return;
	}
	struct gpiohandle_data hd;

	e = xioctl(r->fd, GPIOHANDLE_GET_LINE_VALUES_IOCTL, fault ? BAD_PTR : &hd);
	check("v1_get", e, fault ? W(EFAULT) : WANT_OK, "n=%u", r->n);
	for (unsigned int i = 0; !e && !fault && i < r->n; i++)
		compare(r, i, hd.values[i]);
}

static void op_set(int slot)
{
	struct req *r = &reqs[slot];
	bool fault = !valid_only && chance(3);
	want_t w;
	int e;

	if (r->kind == K_V2) {
		struct gpio_v2_line_values lv = { .mask = rnd(), .bits = rnd() };
		uint64_t in = lv.mask & (r->n < 64 ? (1ULL << r->n) - 1 : ~0ULL);
		bool input = false, asis = false;

		for (unsigned int i = 0; i < r->n; i++) {
			if (!(in & (1ULL << i)))
				continue;
			input |= r->l[i].dir == D_IN;
			asis |= r->l[i].dir == D_ASIS;
		}
		w = input ? W(EPERM) : asis ? WANT_OK | W(EPERM) : in ? WANT_OK : W(EINVAL);
		e = xioctl(r->fd, GPIO_V2_LINE_SET_VALUES_IOCTL, fault ? BAD_PTR : &lv);
		check("v2_set", e, fault ? W(EFAULT) : w, "mask=%#llx n=%u", (unsigned long long)lv.mask,
		      r->n);
		for (unsigned int i = 0; !e && !fault && i < r->n; i++)
			if (in & (1ULL << i))
				r->l[i].value = !!(lv.bits & (1ULL << i));
		return;
	}
	struct gpiohandle_data hd;

	for (unsigned int i = 0; i < GPIOHANDLES_MAX; i++)
		hd.values[i] = below(2);
	/* v1 handles: one direction for all lines, checked on the first */
	if (r->kind == K_EVENT)
		w = W(EINVAL);
	else
		w = r->l[0].dir == D_OUT ? WANT_OK : r->l[0].dir == D_IN ? W(EPERM) : WANT_OK | W(EPERM);
	e = xioctl(r->fd, GPIOHANDLE_SET_LINE_VALUES_IOCTL, fault ? BAD_PTR : &hd);
	check(r->kind == K_EVENT ? "v1_set_event" : "v1_set", e,
	      fault && r->kind != K_EVENT ? W(EFAULT) | (w & W(EPERM)) : w, "n=%u dir=%d", r->n,
	      r->l[0].dir);
	for (unsigned int i = 0; !e && !fault && i < r->n; i++)
		r->l[i].value = hd.values[i];
}

static void op_config(int slot)
{
	struct req *r = &reqs[slot];
	struct req tmp = { 0 };
	bool valid = valid_only || chance(75);
	want_t w;
	int e;

	if (r->kind == K_V2) {
		struct gpio_v2_line_config lc;

		v2_config(&lc, &tmp, r->n, valid, &w);
		e = xioctl(r->fd, GPIO_V2_LINE_SET_CONFIG_IOCTL, &lc);
		check("v2_set_config", e, w, "flags=%#llx attrs=%u n=%u",
		      (unsigned long long)lc.flags, lc.num_attrs, r->n);
	} else {
		struct gpiohandle_config hc = { 0 };
		__u8 dv[GPIOHANDLES_MAX];

		hc.flags = v1_flags(&valid, false);
		for (unsigned int i = 0; i < GPIOHANDLES_MAX; i++)
			dv[i] = hc.default_values[i] = below(2);
		/* unlike a request, SET_CONFIG wants a direction */
		if (!(hc.flags & (GPIOHANDLE_REQUEST_INPUT | GPIOHANDLE_REQUEST_OUTPUT)))
			valid = false;
		w = r->kind == K_EVENT || !valid ? W(EINVAL) : WANT_OK;
		e = xioctl(r->fd, GPIOHANDLE_SET_CONFIG_IOCTL, &hc);
		check(r->kind == K_EVENT ? "v1_set_config_event" : "v1_set_config", e, w,
		      "flags=%#x n=%u", hc.flags, r->n);
		tmp.n = r->n;
		model_v1(&tmp, hc.flags, dv);
	}
	if (e)
		return;
	for (unsigned int i = 0; i < r->n; i++) {
		/*
		 * As-is keeps the direction, but active-low may have changed
		 * under the level: no longer a value to compare against. An
		 * output's value is the config's (0 without an attribute).
		 */
		if (tmp.l[i].dir == D_ASIS) {
			r->l[i].checkable = false;
			r->l[i].value = -1;
			continue;
		}
		r->l[i].dir = tmp.l[i].dir;
		r->l[i].checkable = tmp.l[i].checkable;
		r->l[i].value = tmp.l[i].value;
	}
}

/* Non-blocking event read; short buffers on purpose. */
static void op_read_req(int slot)
{
	struct req *r = &reqs[slot];
	size_t ev = r->kind == K_V2 ? sizeof(struct gpio_v2_line_event) :
				      sizeof(struct gpioevent_data);
	size_t len = valid_only || chance(85) ? ev * (1 + below(8)) : below(ev);
	char buf[8 * sizeof(struct gpio_v2_line_event)];
	want_t w;
	ssize_t n;

	st->reads++;
	n = read(r->fd, buf, len);
	if (n > 0) {
		st->events += n / ev;
		check("read_events", n % ev ? EIO : 0, WANT_OK, "%zd bytes", n);
		return;
	}
	if (r->kind == K_HANDLE)
		w = W(EINVAL);			/* a handle has no read */
	else if (len < ev)
		w = W(EINVAL);
	else
		w = W(EAGAIN);
	check("read_events", n < 0 ? errno : EIO, w, "kind=%d len=%zu", r->kind, len);
}

static void op_poll(void)
{
	struct pollfd p[MAX_REQS + MAX_CHIPS];
	int n = 0;

	for (int i = 0; i < MAX_REQS; i++)
		if (reqs[i].kind != K_NONE)
			p[n++] = (struct pollfd){ .fd = reqs[i].fd, .events = POLLIN };
	for (int i = 0; i < MAX_CHIPS; i++)
		if (chips[i].fd >= 0)
			p[n++] = (struct pollfd){ .fd = chips[i].fd, .events = POLLIN };
	if (n)
		check("poll", poll(p, n, 0) < 0 ? errno : 0, WANT_OK, "%d fds", n);
}

/* An ioctl the file does not know, or a known one pointing nowhere. */
static void op_bogus(void)
{
	static const unsigned long known[] = { GPIO_GET_CHIPINFO_IOCTL,
		GPIO_V2_GET_LINEINFO_IOCTL, GPIO_V2_GET_LINE_IOCTL,
		GPIO_V2_LINE_SET_CONFIG_IOCTL, GPIO_V2_LINE_GET_VALUES_IOCTL,
		GPIOHANDLE_GET_LINE_VALUES_IOCTL, GPIO_GET_LINEINFO_UNWATCH_IOCTL };
	int r = pick_req(), c = pick_chip();
	int fd = r >= 0 && (c < 0 || chance(50)) ? reqs[r].fd : c >= 0 ? chips[c].fd : -1;
	unsigned long cmd;
	int e;

	if (fd < 0)
		return;
	if (chance(50)) {
		cmd = _IOWR(0xB4, 0x20 + below(0x40), struct gpio_v2_line_request);
		if (chance(30))
			cmd = rnd() & 0xffffffff;
		e = xioctl(fd, cmd, NULL);
		check("bogus_ioctl", e, W(EINVAL) | W(ENOTTY), "cmd=%#lx", cmd);
		return;
	}
	cmd = known[below(7)];
	e = xioctl(fd, cmd, BAD_PTR);
	/* a known ioctl on the wrong kind of file is unknown there */
	check("bad_pointer", e, W(EFAULT) | W(EINVAL) | W(ENOTTY), "cmd=%#lx", cmd);
}

/* Drive one of the simulator's lines from outside. */
static void op_poke(void)
{
	static const char *const drive[] = { "pull-up\n", "pull-down\n", "none\n" };
	char path[512];
	const char *d = drive[below(3)];
	int fd;

	snprintf(path, sizeof(path), "%s/sim_gpio%u/pull", sim_dir, below(nvalid));
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0) {
		check("poke", errno, WANT_OK, "%s", path);
		return;
	}
	st->pokes++;
	check("poke", write(fd, d, strlen(d)) < 0 ? errno : 0, WANT_OK, "%s", path);
	close(fd);
}

static void one_op(void)
{
	int r = pick_req(), c = pick_chip();
	unsigned int k = below(100);

	st->ops++;
	if (k < 4)
		op_open();
	else if (k < 6)
		op_close_chip();
	else if (k < 8 && c >= 0)
		op_chipinfo(c);
	else if (k < 14 && c >= 0)
		op_lineinfo(c);
	else if (k < 20 && c >= 0)
		op_watch(c);
	else if (k < 24 && c >= 0)
		op_read_chip(c);
	else if (k < 40)
		op_request();
	else if (k < 50 && r >= 0)
		op_get(r);
	else if (k < 60 && r >= 0)
		op_set(r);
	else if (k < 68 && r >= 0)
		op_config(r);
	else if (k < 76 && r >= 0)
		op_read_req(r);
	else if (k < 79)
		op_poll();
	else if (k < 88 && r >= 0)
		release(r);
	else if (k < 92 && !valid_only)
		op_bogus();
	else if (sim_dir)
		op_poke();
}

static void run(uint64_t seed, unsigned long n)
{
	rng = seed * 0x9e3779b97f4a7c15ULL + 1;
	for (int i = 0; i < MAX_CHIPS; i++)
		chips[i].fd = -1;
	for (int i = 0; i < MAX_REQS; i++)
		reqs[i] = (struct req){ .fd = -1 };
	for (int i = 0; i < MAX_LINES; i++)
		owner[i] = -1;
	op_open();
	for (iter = 0; iter < n; iter++)
		one_op();
	for (int i = 0; i < MAX_REQS; i++)
		if (reqs[i].kind != K_NONE)
			release(i);
	for (int i = 0; i < MAX_CHIPS; i++)
		if (chips[i].fd >= 0)
			close(chips[i].fd);
}

/*
 * Lines of the chip some consumer holds, other than those held when the
 * run started (at the start, with mark set: those are recorded).
 */
static unsigned int lines_used(bool mark)
{
	int fd = open(chip_path, O_RDWR | O_CLOEXEC);
	unsigned int used = 0;

	if (fd < 0)
		return ngpio;
	for (unsigned int i = 0; i < ngpio; i++) {
		struct gpio_v2_line_info li = { .offset = i };

		if (!ioctl(fd, GPIO_V2_GET_LINEINFO_IOCTL, &li) &&
		    (!(li.flags & GPIO_V2_LINE_FLAG_USED) || foreign[i]))
			continue;
		if (mark)
			foreign[i] = true;
		if (used++ < 8)
			printf("gpio_fuzz: line %u %s by '%s'\n", i,
			       mark ? "held from the start" : "still requested", li.consumer);
	}
	close(fd);
	return used;
}

static void print_usage(void)
{
	fputs("usage: gpio_fuzz [-s SEED] [-n ITERATIONS] [-l LINES] [-p SIMDIR] [-P PROCS] [-V] CHIP\n",
	      stderr);
	exit(64);
}

int main(int argc, char **argv)
{
	unsigned long n = 1000, procs = 1, lines = 0, crashed = 0;
	uint64_t seed = (uint64_t)time(NULL);
	struct gpiochip_info ci;
	char path[256];
	int opt, fd;

	while ((opt = getopt(argc, argv, "s:n:l:p:P:V")) != -1) {
		switch (opt) {
		case 's':
			seed = strtoull(optarg, NULL, 0);
			break;
		case 'n':
			n = strtoul(optarg, NULL, 0);
			break;
		case 'l':
			lines = strtoul(optarg, NULL, 0);
			break;
		case 'p':
			sim_dir = optarg;
			break;
		case 'P':
			procs = strtoul(optarg, NULL, 0);
			break;
		case 'V':
			valid_only = true;
			break;
		default:
			print_usage();
		}
	}
	if (optind != argc - 1 || !procs || procs > 64)
		print_usage();
	chip_path = argv[optind];
	if (!strchr(chip_path, '/')) {
		snprintf(path, sizeof(path), "/dev/%s", chip_path);
		chip_path = path;
	}
	fd = open(chip_path, O_RDWR | O_CLOEXEC);
	if (fd < 0 || ioctl(fd, GPIO_GET_CHIPINFO_IOCTL, &ci)) {
		fprintf(stderr, "gpio_fuzz: %s: %s\n", chip_path, strerror(errno));
		return 1;
	}
	close(fd);
	ngpio = ci.lines > MAX_LINES ? MAX_LINES : ci.lines;
	nvalid = lines && lines < ngpio ? lines : ngpio;
	shared = procs > 1;
	printf("gpio_fuzz: seed=%llu iterations=%lu procs=%lu chip=%s lines=%u/%u%s%s\n",
	       (unsigned long long)seed, n, procs, chip_path, nvalid, ngpio,
	       valid_only ? " valid-only" : "", sim_dir ? " poking" : "");
	lines_used(true);
	fflush(stdout);

	st = mmap(NULL, sizeof(*st) * procs, PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (st == MAP_FAILED)
		return 1;
	struct stats *all = st;

	if (procs == 1) {
		run(seed, n);
	} else {
		for (unsigned long i = 0; i < procs; i++) {
			pid_t pid = fork();

			if (pid == 0) {
				st = &all[i];
				run(seed + i, n);
				_exit(0);
			}
			if (pid < 0)
				crashed++;
		}
		for (int status; wait(&status) > 0;)
			if (!WIFEXITED(status) || WEXITSTATUS(status))
				crashed++;
	}

	struct stats sum = { 0 };

	for (unsigned long i = 0; i < procs; i++) {
		sum.ops += all[i].ops;
		sum.ioctls += all[i].ioctls;
		sum.reads += all[i].reads;
		sum.events += all[i].events;
		sum.pokes += all[i].pokes;
		sum.unexpected += all[i].unexpected;
		sum.mismatches += all[i].mismatches;
		for (int e = 0; e < MAX_ERRNO; e++)
			sum.err[e] += all[i].err[e];
	}
	unsigned int left = lines_used(false);

	printf("gpio_fuzz: ops=%lu ioctls=%lu reads=%lu events=%lu pokes=%lu unexpected=%lu mismatches=%lu crashed=%lu still_requested=%u errnos:",
	       sum.ops, sum.ioctls, sum.reads, sum.events, sum.pokes, sum.unexpected,
	       sum.mismatches, crashed, left);
	for (int e = 1; e < MAX_ERRNO; e++)
		if (sum.err[e])
			printf(" %s=%lu", ename(e), sum.err[e]);
	printf("\n");
	return sum.unexpected || sum.mismatches || crashed || left ? 1 : 0;
}
