// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bench_kmem.c - how much slab memory binding a device costs.
 *
 * /sys/kernel/debug/gpioclx_bench/kmem: write "start", do something (bind
 * a driver to a device through sysfs, from the same process), write
 * "stop", read the result:
 *
 *	live_bytes=N live_allocs=N allocs=N frees=N overflow=N
 *
 * Between start and stop, every kmalloc()/kmem_cache_alloc() made by the
 * process that wrote "start" is recorded (through the kmem tracepoints);
 * any kfree()/kmem_cache_free() of a recorded object, by anyone, drops it.
 * What is left at stop is what the operation allocated and kept: exact,
 * unlike deltas of /proc/meminfo, which per-cpu caches and partial slabs
 * blur by pages. kmalloc counts the slab size class (bytes_alloc),
 * kmem_cache allocations the object size. Page and vmalloc allocations are
 * not seen. .../kmem_sites lists what is left by allocation site (caller),
 * largest first: "bytes count site".
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <trace/events/kmem.h>

#include "bench.h"

#define BENCH_KMEM_MAX_RECORDS 65536

struct bench_kmem_rec {
	const void *ptr;
	size_t size;
	unsigned long site;
};

static DEFINE_RAW_SPINLOCK(bench_kmem_lock);
static struct bench_kmem_rec *bench_kmem_recs;
static unsigned int bench_kmem_nrecs, bench_kmem_allocs, bench_kmem_frees;
static unsigned int bench_kmem_overflow;
static pid_t bench_kmem_tgid;
static bool bench_kmem_on, bench_kmem_registered;

static void bench_kmem_note_alloc(const void *ptr, size_t size, unsigned long site)
{
	unsigned long flags;

	if (!READ_ONCE(bench_kmem_on) || !ptr || current->tgid != bench_kmem_tgid)
		return;
	raw_spin_lock_irqsave(&bench_kmem_lock, flags);
	bench_kmem_allocs++;
	if (bench_kmem_nrecs < BENCH_KMEM_MAX_RECORDS)
		bench_kmem_recs[bench_kmem_nrecs++] = (struct bench_kmem_rec){ ptr, size, site };
	else
		bench_kmem_overflow++;
	raw_spin_unlock_irqrestore(&bench_kmem_lock, flags);
}

static void bench_kmem_note_free(const void *ptr)
{
	unsigned long flags;
	unsigned int i;

	if (!READ_ONCE(bench_kmem_on) || !ptr)
		return;
	raw_spin_lock_irqsave(&bench_kmem_lock, flags);
	for (i = bench_kmem_nrecs; i-- > 0;) {
		if (bench_kmem_recs[i].ptr == ptr) {
			bench_kmem_recs[i] = bench_kmem_recs[--bench_kmem_nrecs];
			bench_kmem_frees++;
			break;
		}
	}
	raw_spin_unlock_irqrestore(&bench_kmem_lock, flags);
}

static void bench_kmem_kmalloc(void *data, unsigned long call_site, const void *ptr,
			       size_t bytes_req, size_t bytes_alloc, gfp_t gfp_flags, int node)
{
	bench_kmem_note_alloc(ptr, bytes_alloc, call_site);
}

static void bench_kmem_cache_alloc(void *data, unsigned long call_site, const void *ptr,
				   struct kmem_cache *s, gfp_t gfp_flags, int node)
{
	bench_kmem_note_alloc(ptr, kmem_cache_size(s), call_site);
}

static void bench_kmem_kfree(void *data, unsigned long call_site, const void *ptr)
{
	bench_kmem_note_free(ptr);
}

static void bench_kmem_cache_free(void *data, unsigned long call_site, const void *ptr,
				  const struct kmem_cache *s)
{
	bench_kmem_note_free(ptr);
}

static ssize_t bench_kmem_write(struct file *file, const char __user *ubuf, size_t count,
				loff_t *ppos)
{
	char buf[8] = {};
	unsigned long flags;

	if (!bench_kmem_registered)
		return -EOPNOTSUPP;
	if (copy_from_user(buf, ubuf, min(count, sizeof(buf) - 1)))
		return -EFAULT;
	if (sysfs_streq(buf, "start")) {
		WRITE_ONCE(bench_kmem_on, false);
		raw_spin_lock_irqsave(&bench_kmem_lock, flags);
		bench_kmem_nrecs = 0;
		bench_kmem_allocs = 0;
		bench_kmem_frees = 0;
		bench_kmem_overflow = 0;
		bench_kmem_tgid = current->tgid;
		raw_spin_unlock_irqrestore(&bench_kmem_lock, flags);
		WRITE_ONCE(bench_kmem_on, true);
	} else if (sysfs_streq(buf, "stop")) {
		WRITE_ONCE(bench_kmem_on, false);
	} else {
		return -EINVAL;
	}
	return count;
}

static ssize_t bench_kmem_read(struct file *file, char __user *ubuf, size_t count,
			       loff_t *ppos)
{
	unsigned long flags;
	size_t live = 0;
	unsigned int i;
	char buf[128];
	int len;

	raw_spin_lock_irqsave(&bench_kmem_lock, flags);
	for (i = 0; i < bench_kmem_nrecs; i++)
		live += bench_kmem_recs[i].size;
	len = scnprintf(buf, sizeof(buf),
			"live_bytes=%zu live_allocs=%u allocs=%u frees=%u overflow=%u%s\n",
			live, bench_kmem_nrecs, bench_kmem_allocs, bench_kmem_frees,
			bench_kmem_overflow, bench_kmem_registered ? "" : " unsupported");
	raw_spin_unlock_irqrestore(&bench_kmem_lock, flags);
	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

static const struct file_operations bench_kmem_fops = {
	.owner = THIS_MODULE,
	.read = bench_kmem_read,
	.write = bench_kmem_write,
	.llseek = default_llseek,
};

/* The live records summed by site, largest first (top 40). */
static int bench_kmem_sites_show(struct seq_file *m, void *unused)
{
	struct bench_kmem_rec *sum;
	unsigned int n = 0, i, j;
	unsigned long flags;

	sum = vmalloc(array_size(BENCH_KMEM_MAX_RECORDS, sizeof(*sum)));
	if (!sum)
		return -ENOMEM;
	raw_spin_lock_irqsave(&bench_kmem_lock, flags);
	for (i = 0; i < bench_kmem_nrecs; i++) {
		for (j = 0; j < n && sum[j].site != bench_kmem_recs[i].site; j++)
			;
		if (j == n)
			sum[n++] = (struct bench_kmem_rec){ NULL, 0, bench_kmem_recs[i].site };
		sum[j].size += bench_kmem_recs[i].size;
		sum[j].ptr = (const void *)((uintptr_t)sum[j].ptr + 1);	/* count */
	}
	raw_spin_unlock_irqrestore(&bench_kmem_lock, flags);
	for (i = 0; i < n && i < 40; i++) {
		for (j = i + 1; j < n; j++)
			if (sum[j].size > sum[i].size)
				swap(sum[i], sum[j]);
		seq_printf(m, "%8zu %5lu %pS\n", sum[i].size, (unsigned long)(uintptr_t)sum[i].ptr,
			   (void *)sum[i].site);
	}
	vfree(sum);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(bench_kmem_sites);

static void bench_kmem_unregister(void)
{
	unregister_trace_kmem_cache_free(bench_kmem_cache_free, NULL);
	unregister_trace_kfree(bench_kmem_kfree, NULL);
	unregister_trace_kmem_cache_alloc(bench_kmem_cache_alloc, NULL);
	unregister_trace_kmalloc(bench_kmem_kmalloc, NULL);
	tracepoint_synchronize_unregister();
}

int bench_kmem_init(struct dentry *dir)
{
	int ret;

	debugfs_create_file("kmem", 0600, dir, NULL, &bench_kmem_fops);
	debugfs_create_file("kmem_sites", 0400, dir, NULL, &bench_kmem_sites_fops);
	bench_kmem_recs = vmalloc(array_size(BENCH_KMEM_MAX_RECORDS, sizeof(*bench_kmem_recs)));
	if (!bench_kmem_recs)
		return -ENOMEM;
	ret = register_trace_kmalloc(bench_kmem_kmalloc, NULL);
	if (!ret)
		ret = register_trace_kmem_cache_alloc(bench_kmem_cache_alloc, NULL);
	if (!ret)
		ret = register_trace_kfree(bench_kmem_kfree, NULL);
	if (!ret)
		ret = register_trace_kmem_cache_free(bench_kmem_cache_free, NULL);
	if (ret) {
		/* without tracepoints the rest of the benchmark still runs */
		pr_warn("gpioclx_bench: kmem tracepoints unavailable (%d)\n", ret);
		bench_kmem_unregister();
		return 0;
	}
	bench_kmem_registered = true;
	return 0;
}

void bench_kmem_exit(void)
{
	WRITE_ONCE(bench_kmem_on, false);
	if (bench_kmem_registered)
		bench_kmem_unregister();
	vfree(bench_kmem_recs);
}
