// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_irq.c - the irq_chip side (placeholder until the interrupt issue).
 */
#include "gpioclx_internal.h"

int gpioclx_irq_setup(struct gpioclx_controller *ctrl)
{
	return 0;
}

void gpioclx_irq_disable_all(struct gpioclx_controller *ctrl)
{
}
