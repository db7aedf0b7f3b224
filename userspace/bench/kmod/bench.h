/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bench.h - shared declarations of gpioclx-bench.ko's files.
 */
#ifndef GPIOCLX_BENCH_H
#define GPIOCLX_BENCH_H

#include <linux/dcache.h>

/* noop_gpio_linux.c: the no-op GpioClx client driver */
extern struct gpioclx_client_driver noop_gpio_driver;

/* bench_kmem.c: kmalloc/kmem_cache bytes a task allocates and keeps */
int bench_kmem_init(struct dentry *dir);
void bench_kmem_exit(void);

#endif /* GPIOCLX_BENCH_H */
