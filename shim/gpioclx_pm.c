// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_pm.c - system sleep and runtime power management of a controller.
 */
#include <linux/pm.h>

#include "gpioclx_internal.h"

const struct dev_pm_ops gpioclx_pm_ops = {
};
