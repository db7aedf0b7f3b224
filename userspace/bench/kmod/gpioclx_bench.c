// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_bench.c - in-kernel microbenchmark of the GpioClx shim (not a
 * test): the per-call cost of gpiolib's consumer API on a GpioClx client
 * whose callbacks do nothing (noop_gpio.c, through gpioclx.ko) against the
 * same calls on a native gpio_chip whose ops do nothing, both registered
 * by this module, measured interleaved in the same run.
 *
 * At load it binds one no-op controller (1 bank x 32 lines) and registers
 * the native chip (32 lines), takes lines 0-7 of each through a lookup
 * table (gpiod_get_array, so the array calls take gpiolib's fast path to
 * ->set_multiple/->get_multiple), then times, per call, in ns:
 *
 *	set1  gpiod_set_value() on line 0      get1  gpiod_get_value()
 *	set8  gpiod_set_array_value(), 8 lines get8  gpiod_get_array_value()
 *	set1a/get1a  the array calls on line 0 alone without array_info: what
 *	      the GPIO character device does for a one-line request
 *
 * reps repetitions of iters calls each, shim and native alternating, after
 * one warm-up repetition; the median and the spread (min..max) go to
 * /sys/kernel/debug/gpioclx_bench/results (and the kernel log):
 *
 *	kbench set1 shim_ns=41.2 shim_min=40.9 shim_max=47.0 native_ns=12.1 ...
 *
 * Writing to .../run measures again; writing a chip label to .../time_chip
 * times the same four calls on lines 0-7 of that chip alone (results in
 * the same file, "kchip <op> ns=.."). Also in that directory: kmem (see
 * bench_kmem.c) and, with pl061_base=<physical address>, pl061_inject:
 * writing "<line> <0|1>" drives an input of a PL061 behind its driver's
 * back (line made an output, level written, made an input again: QEMU's
 * model then sees the input change, and an enabled edge interrupt fires),
 * an edge source for the event benchmark on hardware without one.
 *
 * Parameters: iters, reps, pl061_base, and mem_banks/mem_ppb for a second
 * no-op controller (gpioclx-bench-noop.1) for the memory measurement.
 */
#include <linux/bitmap.h>
#include <linux/debugfs.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/driver.h>
#include <linux/gpio/machine.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>

#include "gpioclx_client.h"
#include "gpioclx_compat.h"
#include "gpioclx_mmio_model.h"
#include "bench.h"
#include "noop_gpio_regs.h"

#define BENCH_LINES	8
#define BENCH_CHIP_LINES 32
#define BENCH_MAX_REPS	51
#define BENCH_RESULTS	2048

static unsigned int iters = 20000;
module_param(iters, uint, 0644);
MODULE_PARM_DESC(iters, "Calls per repetition (default 20000)");

static unsigned int reps = 9;
module_param(reps, uint, 0644);
MODULE_PARM_DESC(reps, "Repetitions, after one warm-up (1..51, default 9)");

static unsigned long pl061_base;
module_param(pl061_base, ulong, 0444);
MODULE_PARM_DESC(pl061_base, "Physical base of a PL061 to inject edges into (default none)");

static unsigned int mem_banks;
module_param(mem_banks, uint, 0444);
MODULE_PARM_DESC(mem_banks, "Banks of a second no-op controller (default none)");

static unsigned int mem_ppb = 64;
module_param(mem_ppb, uint, 0444);
MODULE_PARM_DESC(mem_ppb, "Pins per bank of the second no-op controller (default 64)");

/* A no-op controller: a CONFIG register model and the platform device. */
struct bench_board {
	struct gpioclx_mmio_model *mmio;
	struct resource window;
	struct platform_device *pdev;
	u32 config;
};

static struct bench_board *bench_boards[2];
static struct platform_device *bench_consumer;
static struct gpio_chip bench_native;
static bool bench_native_added, bench_driver_added, bench_lookup_added;
static struct dentry *bench_dir;
static DEFINE_MUTEX(bench_lock);
static char bench_results[BENCH_RESULTS];
static void __iomem *bench_pl061;
static DEFINE_RAW_SPINLOCK(bench_pl061_lock);

/* The native chip: every op succeeds and does nothing, like the client. */

static int bench_native_get_direction(struct gpio_chip *gc, unsigned int offset)
{
	return GPIO_LINE_DIRECTION_OUT;
}

static int bench_native_direction_input(struct gpio_chip *gc, unsigned int offset)
{
	return 0;
}

static int bench_native_direction_output(struct gpio_chip *gc, unsigned int offset, int value)
{
	return 0;
}

static int bench_native_get(struct gpio_chip *gc, unsigned int offset)
{
	return 0;
}

static int bench_native_get_multiple(struct gpio_chip *gc, unsigned long *mask,
				     unsigned long *bits)
{
	bitmap_andnot(bits, bits, mask, gc->ngpio);
	return 0;
}

static GPIOCLX_SET_RET bench_native_set(struct gpio_chip *gc, unsigned int offset, int value)
{
	return gpioclx_set_result(0);
}

static GPIOCLX_SET_RET bench_native_set_multiple(struct gpio_chip *gc, unsigned long *mask,
						 unsigned long *bits)
{
	return gpioclx_set_result(0);
}

static int bench_native_register(struct device *parent)
{
	struct gpio_chip *gc = &bench_native;
	int ret;

	gc->label = "gpioclx-bench-native";
	gc->parent = parent;
	gc->owner = THIS_MODULE;
	gc->base = -1;
	gc->ngpio = BENCH_CHIP_LINES;
	gc->can_sleep = false;
	gc->get_direction = bench_native_get_direction;
	gc->direction_input = bench_native_direction_input;
	gc->direction_output = bench_native_direction_output;
	gc->get = bench_native_get;
	gc->get_multiple = bench_native_get_multiple;
	gc->set = bench_native_set;
	gc->set_multiple = bench_native_set_multiple;
	ret = gpiochip_add_data(gc, NULL);
	if (!ret)
		bench_native_added = true;
	return ret;
}

/* The no-op controllers. */

static u64 bench_board_read(void *priv, unsigned long offset, unsigned int width)
{
	struct bench_board *board = priv;

	return offset == NOOP_GPIO_CONFIG ? board->config : 0;
}

static void bench_board_write(void *priv, unsigned long offset, u64 value, unsigned int width)
{
}

static const struct gpioclx_mmio_model_ops bench_board_ops = {
	.read = bench_board_read,
	.write = bench_board_write,
};

static void bench_board_destroy(struct bench_board *board)
{
	if (!board)
		return;
	/* the device's resource nests in the model's window: device first */
	if (board->pdev)
		platform_device_del(board->pdev);
	if (board->mmio)
		gpioclx_mmio_model_remove(board->mmio);
	if (board->pdev)
		platform_device_put(board->pdev);
	kfree(board);
}

static struct bench_board *bench_board_create(int id, unsigned int banks, unsigned int ppb)
{
	struct bench_board *board;
	struct resource res;
	int ret;

	board = kzalloc(sizeof(*board), GFP_KERNEL);
	if (!board)
		return ERR_PTR(-ENOMEM);
	board->config = NOOP_GPIO_CONFIG_MAKE(banks, ppb);
	board->mmio = gpioclx_mmio_model_add(id ? "gpioclx-bench-noop.1" : "gpioclx-bench-noop.0",
					     NOOP_GPIO_WINDOW_SIZE, &bench_board_ops, board,
					     &board->window);
	if (IS_ERR(board->mmio)) {
		ret = PTR_ERR(board->mmio);
		board->mmio = NULL;
		goto err;
	}
	board->pdev = platform_device_alloc("gpioclx-bench-noop", id);
	if (!board->pdev) {
		ret = -ENOMEM;
		goto err;
	}
	res = (struct resource)DEFINE_RES_MEM(board->window.start,
					      resource_size(&board->window));
	ret = platform_device_add_resources(board->pdev, &res, 1);
	if (ret)
		goto err;
	ret = platform_device_add(board->pdev);
	if (ret) {
		platform_device_put(board->pdev);
		board->pdev = NULL;
		gpioclx_mmio_model_remove(board->mmio);
		board->mmio = NULL;
		goto err;
	}
	return board;
err:
	bench_board_destroy(board);
	return ERR_PTR(ret);
}

/* Lines 0-7 of each chip for the consumer device "gpioclx-bench". */
static struct gpiod_lookup_table bench_lookup = {
	.dev_id = "gpioclx-bench",
	.table = {
		GPIO_LOOKUP_IDX("gpioclx-bench-noop.0", 0, "shim", 0, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-noop.0", 1, "shim", 1, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-noop.0", 2, "shim", 2, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-noop.0", 3, "shim", 3, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-noop.0", 4, "shim", 4, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-noop.0", 5, "shim", 5, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-noop.0", 6, "shim", 6, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-noop.0", 7, "shim", 7, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-native", 0, "native", 0, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-native", 1, "native", 1, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-native", 2, "native", 2, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-native", 3, "native", 3, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-native", 4, "native", 4, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-native", 5, "native", 5, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-native", 6, "native", 6, GPIO_ACTIVE_HIGH),
		GPIO_LOOKUP_IDX("gpioclx-bench-native", 7, "native", 7, GPIO_ACTIVE_HIGH),
		{ }
	},
};

/* The measurements. */

enum bench_op { BENCH_SET1, BENCH_GET1, BENCH_SET8, BENCH_GET8, BENCH_SET1A, BENCH_GET1A,
		BENCH_NOPS };

/*
 * set1a/get1a: one line through the array calls without array_info, the
 * path the GPIO character device takes for a one-line request
 */
static const char *const bench_op_names[BENCH_NOPS] = {
	[BENCH_SET1] = "set1", [BENCH_GET1] = "get1",
	[BENCH_SET8] = "set8", [BENCH_GET8] = "get8",
	[BENCH_SET1A] = "set1a", [BENCH_GET1A] = "get1a",
};

/* One repetition: picoseconds per call. */
static u64 bench_once(enum bench_op op, struct gpio_descs *d, unsigned int n)
{
	unsigned long v[BITS_TO_LONGS(BENCH_LINES)];
	unsigned int i;
	u64 t0, t1;
	int sink = 0;

	t0 = ktime_get_ns();
	switch (op) {
	case BENCH_SET1:
		for (i = 0; i < n; i++)
			gpiod_set_value(d->desc[0], i & 1);
		break;
	case BENCH_GET1:
		for (i = 0; i < n; i++)
			sink += gpiod_get_value(d->desc[0]);
		break;
	case BENCH_SET8:
		for (i = 0; i < n; i++) {
			v[0] = i & 1 ? 0x55 : 0xaa;
			gpiod_set_array_value(d->ndescs, d->desc, d->info, v);
		}
		break;
	case BENCH_GET8:
		for (i = 0; i < n; i++)
			sink += gpiod_get_array_value(d->ndescs, d->desc, d->info, v);
		break;
	case BENCH_SET1A:
		for (i = 0; i < n; i++) {
			v[0] = i & 1;
			gpiod_set_array_value(1, d->desc, NULL, v);
		}
		break;
	case BENCH_GET1A:
		for (i = 0; i < n; i++)
			sink += gpiod_get_array_value(1, d->desc, NULL, v);
		break;
	default:
		break;
	}
	t1 = ktime_get_ns();
	if (sink < 0)
		pr_warn_once("gpioclx_bench: %s failed: %d\n", bench_op_names[op], sink);
	return div_u64((t1 - t0) * 1000, n);
}

static int bench_cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* "41.2" from picoseconds */
static int bench_fmt_ns(char *buf, size_t size, const char *key, u64 ps)
{
	return scnprintf(buf, size, " %s=%llu.%llu", key, ps / 1000, (ps % 1000) / 100);
}

static int bench_run(void)
{
	static u64 samples[2][BENCH_NOPS][BENCH_MAX_REPS];
	struct gpio_descs *d[2];
	unsigned int r, nreps = clamp(reps, 1U, (unsigned int)BENCH_MAX_REPS);
	unsigned int n = max(iters, 100U);
	const char *side[2] = { "shim", "native" };
	enum bench_op op;
	size_t len = 0;
	int s, ret = 0;

	d[0] = gpiod_get_array(&bench_consumer->dev, "shim", GPIOD_OUT_LOW);
	if (IS_ERR(d[0]))
		return PTR_ERR(d[0]);
	d[1] = gpiod_get_array(&bench_consumer->dev, "native", GPIOD_OUT_LOW);
	if (IS_ERR(d[1])) {
		ret = PTR_ERR(d[1]);
		goto put0;
	}
	if (d[0]->ndescs != BENCH_LINES || d[1]->ndescs != BENCH_LINES) {
		ret = -EINVAL;
		goto put1;
	}

	/* warm-up, then interleaved repetitions */
	for (op = 0; op < BENCH_NOPS; op++)
		for (s = 0; s < 2; s++)
			bench_once(op, d[s], n / 10);
	for (r = 0; r < nreps; r++)
		for (op = 0; op < BENCH_NOPS; op++)
			for (s = 0; s < 2; s++)
				samples[s][op][r] = bench_once(op, d[s], n);

	for (op = 0; op < BENCH_NOPS; op++) {
		len += scnprintf(bench_results + len, sizeof(bench_results) - len, "kbench %s",
				 bench_op_names[op]);
		for (s = 0; s < 2; s++) {
			char key[16];
			u64 *x = samples[s][op];

			sort(x, nreps, sizeof(*x), bench_cmp_u64, NULL);
			snprintf(key, sizeof(key), "%s_ns", side[s]);
			len += bench_fmt_ns(bench_results + len, sizeof(bench_results) - len, key,
					    x[nreps / 2]);
			snprintf(key, sizeof(key), "%s_min", side[s]);
			len += bench_fmt_ns(bench_results + len, sizeof(bench_results) - len, key,
					    x[0]);
			snprintf(key, sizeof(key), "%s_max", side[s]);
			len += bench_fmt_ns(bench_results + len, sizeof(bench_results) - len, key,
					    x[nreps - 1]);
		}
		len += scnprintf(bench_results + len, sizeof(bench_results) - len,
				 " iters=%u reps=%u\n", n, nreps);
	}
	pr_info("gpioclx_bench: results\n%s", bench_results);
put1:
	gpiod_put_array(d[1]);
put0:
	gpiod_put_array(d[0]);
	return ret;
}

/*
 * The same four calls on lines 0-7 of any chip, by label (no pair): how a
 * real driver's get/set costs compare in-kernel, without the syscall and
 * cdev around them. "kchip <op> ns=.. min=.. max=.." lines.
 */
static int bench_chip_run(const char *label)
{
	static u64 samples[BENCH_NOPS][BENCH_MAX_REPS];
	unsigned int i, r, nreps = clamp(reps, 1U, (unsigned int)BENCH_MAX_REPS);
	unsigned int n = max(iters, 100U);
	struct gpiod_lookup_table *table;
	struct gpio_descs *d;
	enum bench_op op;
	size_t len = 0;
	int ret = 0;

	table = kzalloc(struct_size(table, table, BENCH_LINES + 1), GFP_KERNEL);
	if (!table)
		return -ENOMEM;
	table->dev_id = "gpioclx-bench";
	for (i = 0; i < BENCH_LINES; i++)
		table->table[i] = (struct gpiod_lookup)GPIO_LOOKUP_IDX(label, i, "target", i,
								      GPIO_ACTIVE_HIGH);
	/* gpiolib consults only the first table of a device: swap them */
	gpiod_remove_lookup_table(&bench_lookup);
	gpiod_add_lookup_table(table);
	d = gpiod_get_array(&bench_consumer->dev, "target", GPIOD_OUT_LOW);
	if (IS_ERR(d)) {
		ret = PTR_ERR(d);
		goto out;
	}
	for (op = 0; op < BENCH_NOPS; op++)
		bench_once(op, d, n / 10);
	for (r = 0; r < nreps; r++)
		for (op = 0; op < BENCH_NOPS; op++)
			samples[op][r] = bench_once(op, d, n);
	gpiod_put_array(d);
	for (op = 0; op < BENCH_NOPS; op++) {
		sort(samples[op], nreps, sizeof(u64), bench_cmp_u64, NULL);
		len += scnprintf(bench_results + len, sizeof(bench_results) - len, "kchip %s",
				 bench_op_names[op]);
		len += bench_fmt_ns(bench_results + len, sizeof(bench_results) - len, "ns",
				    samples[op][nreps / 2]);
		len += bench_fmt_ns(bench_results + len, sizeof(bench_results) - len, "min",
				    samples[op][0]);
		len += bench_fmt_ns(bench_results + len, sizeof(bench_results) - len, "max",
				    samples[op][nreps - 1]);
		len += scnprintf(bench_results + len, sizeof(bench_results) - len,
				 " iters=%u reps=%u\n", n, nreps);
	}
out:
	gpiod_remove_lookup_table(table);
	gpiod_add_lookup_table(&bench_lookup);
	kfree(table);
	return ret;
}

/* debugfs */

static int bench_results_show(struct seq_file *s, void *unused)
{
	mutex_lock(&bench_lock);
	seq_puts(s, bench_results);
	mutex_unlock(&bench_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(bench_results);

static ssize_t bench_run_write(struct file *file, const char __user *ubuf, size_t count,
			       loff_t *ppos)
{
	int ret;

	mutex_lock(&bench_lock);
	bench_results[0] = '\0';
	ret = bench_run();
	mutex_unlock(&bench_lock);
	return ret ?: count;
}

static const struct file_operations bench_run_fops = {
	.owner = THIS_MODULE,
	.write = bench_run_write,
	.llseek = noop_llseek,
};

static ssize_t bench_chip_write(struct file *file, const char __user *ubuf, size_t count,
				loff_t *ppos)
{
	char label[64];
	int ret;

	if (count >= sizeof(label))
		return -EINVAL;
	if (copy_from_user(label, ubuf, count))
		return -EFAULT;
	label[count] = '\0';
	strim(label);
	mutex_lock(&bench_lock);
	bench_results[0] = '\0';
	ret = bench_chip_run(label);
	mutex_unlock(&bench_lock);
	return ret ?: count;
}

static const struct file_operations bench_chip_fops = {
	.owner = THIS_MODULE,
	.write = bench_chip_write,
	.llseek = noop_llseek,
};

/* PL061 offsets (ARM DDI 0190B) */
#define BENCH_PL061_DIR		0x400
#define BENCH_PL061_SIZE	0x1000

static ssize_t bench_pl061_write(struct file *file, const char __user *ubuf, size_t count,
				 loff_t *ppos)
{
	unsigned int line, value;
	unsigned long flags;
	char buf[16] = {};
	u8 dir, bit;

	if (copy_from_user(buf, ubuf, min(count, sizeof(buf) - 1)))
		return -EFAULT;
	if (sscanf(buf, "%u %u", &line, &value) != 2 || line > 7 || value > 1)
		return -EINVAL;
	bit = BIT(line);
	raw_spin_lock_irqsave(&bench_pl061_lock, flags);
	dir = readb(bench_pl061 + BENCH_PL061_DIR);
	writeb(dir | bit, bench_pl061 + BENCH_PL061_DIR);
	writeb(value ? bit : 0, bench_pl061 + (bit << 2));
	writeb(dir & ~bit, bench_pl061 + BENCH_PL061_DIR);
	raw_spin_unlock_irqrestore(&bench_pl061_lock, flags);
	return count;
}

static const struct file_operations bench_pl061_fops = {
	.owner = THIS_MODULE,
	.write = bench_pl061_write,
	.llseek = noop_llseek,
};

static void bench_teardown(void)
{
	bench_kmem_exit();
	debugfs_remove_recursive(bench_dir);
	if (bench_lookup_added)
		gpiod_remove_lookup_table(&bench_lookup);
	if (bench_native_added)
		gpiochip_remove(&bench_native);
	if (bench_consumer)
		platform_device_unregister(bench_consumer);
	if (bench_driver_added)
		gpioclx_client_driver_unregister(&noop_gpio_driver);
	bench_board_destroy(bench_boards[1]);
	bench_board_destroy(bench_boards[0]);
	if (bench_pl061)
		iounmap(bench_pl061);
}

static int __init bench_init(void)
{
	struct bench_board *board;
	int ret;

	if (mem_banks > NOOP_GPIO_MAX_BANKS || mem_ppb < 1 || mem_ppb > NOOP_GPIO_MAX_PINS_PER_BANK)
		return -EINVAL;
	bench_dir = debugfs_create_dir("gpioclx_bench", NULL);
	ret = bench_kmem_init(bench_dir);
	if (ret)
		goto err;
	if (pl061_base) {
		bench_pl061 = ioremap(pl061_base, BENCH_PL061_SIZE);
		if (!bench_pl061) {
			ret = -ENOMEM;
			goto err;
		}
		debugfs_create_file("pl061_inject", 0200, bench_dir, NULL, &bench_pl061_fops);
	}

	board = bench_board_create(0, 1, BENCH_CHIP_LINES);
	if (IS_ERR(board)) {
		ret = PTR_ERR(board);
		goto err;
	}
	bench_boards[0] = board;
	if (mem_banks) {
		board = bench_board_create(1, mem_banks, mem_ppb);
		if (IS_ERR(board)) {
			ret = PTR_ERR(board);
			goto err;
		}
		bench_boards[1] = board;
	}
	ret = gpioclx_client_driver_register(&noop_gpio_driver, THIS_MODULE);
	if (ret)
		goto err;
	bench_driver_added = true;

	bench_consumer = platform_device_register_simple("gpioclx-bench", PLATFORM_DEVID_NONE,
							 NULL, 0);
	if (IS_ERR(bench_consumer)) {
		ret = PTR_ERR(bench_consumer);
		bench_consumer = NULL;
		goto err;
	}
	ret = bench_native_register(&bench_consumer->dev);
	if (ret)
		goto err;
	gpiod_add_lookup_table(&bench_lookup);
	bench_lookup_added = true;

	debugfs_create_file("results", 0444, bench_dir, NULL, &bench_results_fops);
	debugfs_create_file("run", 0200, bench_dir, NULL, &bench_run_fops);
	debugfs_create_file("time_chip", 0200, bench_dir, NULL, &bench_chip_fops);
	mutex_lock(&bench_lock);
	ret = bench_run();
	mutex_unlock(&bench_lock);
	if (ret)
		goto err;
	return 0;
err:
	pr_err("gpioclx_bench: setup failed: %d\n", ret);
	bench_teardown();
	return ret;
}
module_init(bench_init);

static void __exit bench_exit(void)
{
	bench_teardown();
}
module_exit(bench_exit);

MODULE_DESCRIPTION("GpioClx shim microbenchmark: no-op client vs native no-op gpio_chip");
MODULE_IMPORT_NS(GPIOCLX_NS);
MODULE_LICENSE("GPL");
