// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_main.c - gpioclx.ko: GpioClx, the Windows GPIO class extension's
 * client interface, re-hosted on gpiolib. Client modules link against the
 * GPIO_CLX_* methods and the NT/WDF subset this module exports.
 */
#include <linux/module.h>

#include "gpioclx_internal.h"
#include "gpioclx_object.h"

static int __init gpioclx_init(void)
{
	gpioclx_debugfs_init();
	return 0;
}
module_init(gpioclx_init);

static void __exit gpioclx_exit(void)
{
	gpioclx_object_delete_all();
	gpioclx_debugfs_exit();
}
module_exit(gpioclx_exit);

MODULE_DESCRIPTION("GpioClx client interface for gpiolib");
MODULE_LICENSE("GPL");
