/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * simgpio_hw.h - what simgpio_hw.c shares beyond its sysfs control
 * interface: the glue's driver it registers, and for the KUnit suites
 * (kunit/sim_kunit.c) a board's model under the lock every other access
 * takes, to drive pins as the "pull" attribute does and to read the
 * registers and access counters the attributes don't show.
 */
#ifndef SIMGPIO_HW_H
#define SIMGPIO_HW_H

#include "simgpio_model.h"

struct gpioclx_client_driver;

/* The GpioClx client driver, defined in gpioclx_sim_linux.c. */
extern struct gpioclx_client_driver gpioclx_sim_driver;

/*
 * Board @index's model, with the board's lock taken (interrupts off), or
 * NULL, with nothing taken, if there is no such board. The caller must not
 * sleep until simgpio_hw_unlock_model(@index, *@flags). Changes made to
 * the model under the lock raise the bank interrupts as sysfs drives do.
 */
struct simgpio_model *simgpio_hw_lock_model(unsigned int index, unsigned long *flags);
void simgpio_hw_unlock_model(unsigned int index, unsigned long flags);

#endif /* SIMGPIO_HW_H */
