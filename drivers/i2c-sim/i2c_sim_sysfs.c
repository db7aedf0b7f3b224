// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * i2c_sim_sysfs.c - the control interface of the simulated I2C bus, on its
 * platform device /sys/devices/platform/gpioclx-i2c-sim/ (like gpio-sim's):
 *
 *   pin<N>/drive   (N = 0..15, the expander's P0_0..P1_7 as gpiolib numbers
 *                  them) write "high" or "low" to drive the pin from
 *                  outside, "float" to let go (the chip's pull-up then
 *                  holds it high); reads back the setting. Outputs ignore it.
 *   pin<N>/value   read-only: the level on the pin, 0 or 1.
 *   registers      read-only: the register file, one pair a line
 *                  ("output ff ff": port 0, port 1), without the side
 *                  effects of a bus read (INT stays as it is).
 *   int            read-only: "asserted" (INT low) or "released".
 *   transfers      read-only: i2c_transfer() calls the adapter received,
 *   messages       the messages the expander took (address acknowledged),
 *   errors         and the transfers that ended in an error.
 *
 * Anything else written to "drive" is refused with -EINVAL and a log line;
 * the read-only files cannot be opened for writing (-EACCES).
 */
#include <linux/cleanup.h>
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "i2c_sim.h"

static const char *const gpioclx_i2c_sim_drive_names[] = {
	[PCA9555_DRIVE_NONE] = "float",
	[PCA9555_DRIVE_HIGH] = "high",
	[PCA9555_DRIVE_LOW] = "low",
};

static ssize_t gpioclx_i2c_sim_drive_show(struct device *dev, struct device_attribute *attr,
					  char *buf)
{
	struct gpioclx_i2c_sim_pin *p = container_of(attr, struct gpioclx_i2c_sim_pin, drive);
	enum pca9555_drive drive;

	scoped_guard(mutex, &p->sim->lock)
		drive = pca9555_model_get_drive(&p->sim->model, p->pin);
	return sysfs_emit(buf, "%s\n", gpioclx_i2c_sim_drive_names[drive]);
}

static ssize_t gpioclx_i2c_sim_drive_store(struct device *dev, struct device_attribute *attr,
					   const char *buf, size_t count)
{
	struct gpioclx_i2c_sim_pin *p = container_of(attr, struct gpioclx_i2c_sim_pin, drive);
	int drive, ret;

	drive = sysfs_match_string(gpioclx_i2c_sim_drive_names, buf);
	if (drive < 0) {
		dev_warn(dev, "pin%u/drive: '%.*s' is not high, low or float\n", p->pin,
			 (int)strcspn(buf, "\n"), buf);
		return -EINVAL;
	}
	scoped_guard(mutex, &p->sim->lock)
		ret = pca9555_model_drive(&p->sim->model, p->pin, drive);
	return ret ? ret : count;
}

static ssize_t gpioclx_i2c_sim_value_show(struct device *dev, struct device_attribute *attr,
					  char *buf)
{
	struct gpioclx_i2c_sim_pin *p = container_of(attr, struct gpioclx_i2c_sim_pin, value);
	bool level;

	scoped_guard(mutex, &p->sim->lock)
		level = pca9555_model_level(&p->sim->model, p->pin);
	return sysfs_emit(buf, "%d\n", level);
}

static ssize_t registers_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	static const char *const names[] = { "input", "output", "polarity", "config" };
	struct gpioclx_i2c_sim *sim = dev_get_drvdata(dev);
	u8 regs[PCA9555_NR_REGS];
	unsigned int r;
	int len = 0;

	scoped_guard(mutex, &sim->lock)
		for (r = 0; r < PCA9555_NR_REGS; r++)
			regs[r] = pca9555_model_peek(&sim->model, r);
	for (r = 0; r < PCA9555_NR_REGS; r += 2)
		len += sysfs_emit_at(buf, len, "%s %02x %02x\n", names[r / 2], regs[r], regs[r + 1]);
	return len;
}
static DEVICE_ATTR_RO(registers);

static ssize_t int_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct gpioclx_i2c_sim *sim = dev_get_drvdata(dev);
	bool asserted;

	scoped_guard(mutex, &sim->lock)
		asserted = pca9555_model_int(&sim->model);
	return sysfs_emit(buf, "%s\n", asserted ? "asserted" : "released");
}
static DEVICE_ATTR_RO(int);

/* A counter of sim, read under its lock. */
#define GPIOCLX_I2C_SIM_COUNTER(field) \
static ssize_t field##_show(struct device *dev, struct device_attribute *attr, char *buf) \
{ \
	struct gpioclx_i2c_sim *sim = dev_get_drvdata(dev); \
	u64 value; \
\
	scoped_guard(mutex, &sim->lock) \
		value = sim->field; \
	return sysfs_emit(buf, "%llu\n", value); \
} \
static DEVICE_ATTR_RO(field)

GPIOCLX_I2C_SIM_COUNTER(transfers);
GPIOCLX_I2C_SIM_COUNTER(messages);
GPIOCLX_I2C_SIM_COUNTER(errors);

static struct attribute *gpioclx_i2c_sim_attrs[] = {
	&dev_attr_registers.attr,
	&dev_attr_int.attr,
	&dev_attr_transfers.attr,
	&dev_attr_messages.attr,
	&dev_attr_errors.attr,
	NULL
};

static const struct attribute_group gpioclx_i2c_sim_group = {
	.attrs = gpioclx_i2c_sim_attrs,
};

void gpioclx_i2c_sim_sysfs_init(struct gpioclx_i2c_sim *sim)
{
	unsigned int i;

	sim->groups[0] = &gpioclx_i2c_sim_group;
	for (i = 0; i < PCA9555_NR_PINS; i++) {
		struct gpioclx_i2c_sim_pin *p = &sim->pins[i];

		p->sim = sim;
		p->pin = i;
		snprintf(p->name, sizeof(p->name), "pin%u", i);

		sysfs_attr_init(&p->drive.attr);
		p->drive.attr.name = "drive";
		p->drive.attr.mode = 0644;
		p->drive.show = gpioclx_i2c_sim_drive_show;
		p->drive.store = gpioclx_i2c_sim_drive_store;

		sysfs_attr_init(&p->value.attr);
		p->value.attr.name = "value";
		p->value.attr.mode = 0444;
		p->value.show = gpioclx_i2c_sim_value_show;

		p->attrs[0] = &p->drive.attr;
		p->attrs[1] = &p->value.attr;
		p->group.name = p->name;
		p->group.attrs = p->attrs;
		sim->groups[1 + i] = &p->group;
	}
	sim->groups[1 + PCA9555_NR_PINS] = NULL;
}
