/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * i2c_sim.h - the simulated I2C bus (gpioclx-i2c-sim.ko): one adapter, one
 * PCA9555 model on it, the model's INT wired to a gpioclx-sim line. Shared
 * by the bus (i2c_sim.c) and its control interface (i2c_sim_sysfs.c).
 */
#ifndef GPIOCLX_I2C_SIM_H
#define GPIOCLX_I2C_SIM_H

#include <linux/device.h>
#include <linux/i2c.h>
#include <linux/mutex.h>
#include <linux/sysfs.h>
#include <linux/types.h>

#include "pca9555_model.h"

struct gpioclx_i2c_sim;

/* One expander pin's sysfs directory, pin<N>: "drive" and "value". */
struct gpioclx_i2c_sim_pin {
	struct gpioclx_i2c_sim *sim;
	unsigned int pin;
	struct device_attribute drive;
	struct device_attribute value;
	struct attribute *attrs[3];
	struct attribute_group group;
	char name[sizeof("pin15")];
};

struct gpioclx_i2c_sim {
	/*
	 * The model and the counters: bus transfers (the adapter's own lock
	 * already serializes those) against the control interface.
	 */
	struct mutex lock;
	struct pca9555_model model;
	u16 addr;
	/* i2c_transfer() calls, messages the device took, transfers refused */
	u64 transfers;
	u64 messages;
	u64 errors;

	/* INT: line int_line of gpioclx-sim.<int_controller> */
	unsigned int int_controller;
	unsigned int int_line;

	struct gpioclx_i2c_sim_pin pins[PCA9555_NR_PINS];
	/* the top-level group, one per pin, NULL */
	const struct attribute_group *groups[1 + PCA9555_NR_PINS + 1];
};

/* Fill sim->groups, for the platform device's dev.groups (i2c_sim_sysfs.c). */
void gpioclx_i2c_sim_sysfs_init(struct gpioclx_i2c_sim *sim);

#endif /* GPIOCLX_I2C_SIM_H */
