/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gpioclx_sim.h - what gpioclx-sim.ko offers other kernel modules: the
 * outside world of its lines, as a wire on a board would drive them (the
 * sysfs "pull" attribute in kernel form). The simulated I2C bus
 * (drivers/i2c-sim/) drives its expander's INT output into a line with it.
 * Exported in the GPIOCLX symbol namespace.
 */
#ifndef GPIOCLX_SIM_H
#define GPIOCLX_SIM_H

enum gpioclx_sim_drive {
	GPIOCLX_SIM_RELEASE = 0,	/* nothing drives the line: its pull decides */
	GPIOCLX_SIM_DRIVE_HIGH,
	GPIOCLX_SIM_DRIVE_LOW,
};

/*
 * Drive line @offset of controller @controller (gpioclx-sim.<controller>)
 * from outside; an output ignores it until it is an input again. Any
 * context (a raw spinlock, no sleep); raises the line's interrupt as sysfs
 * drives do. 0, -ENODEV for no such controller, -EINVAL for a line or a
 * drive out of range.
 */
int gpioclx_sim_drive_line(unsigned int controller, unsigned int offset,
			   enum gpioclx_sim_drive drive);

#endif /* GPIOCLX_SIM_H */
