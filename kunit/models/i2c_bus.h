/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * i2c_bus.h - a KUnit I2C bus: an i2c_adapter whose one device (0x20) is
 * the PCA9555 register model of drivers/i2c-sim, its INT an irq_sim
 * interrupt, and a record of every transfer the adapter carried out, so
 * the suites can count bus transactions and look at their messages.
 */
#ifndef GPIOCLX_KUNIT_I2C_BUS_H
#define GPIOCLX_KUNIT_I2C_BUS_H

#include <linux/i2c.h>
#include <linux/irqdomain.h>
#include <linux/ktime.h>
#include <linux/mutex.h>

#include "i2c-sim/pca9555_model.h"

#define KBUS_ADDR		0x20
#define KBUS_LOG		16	/* transfers remembered */
#define KBUS_LOG_MSGS		8	/* messages remembered per transfer */

/* One transfer as the adapter saw it: plain I2C (msgs) or one SMBus call. */
struct kbus_xfer {
	bool smbus;
	unsigned int nmsgs;
	u16 flags[KBUS_LOG_MSGS];
	u16 len[KBUS_LOG_MSGS];
	u8 first[KBUS_LOG_MSGS];	/* each message's first byte */
	int smbus_size;			/* I2C_SMBUS_* for an SMBus call */
	char smbus_rw;
	ktime_t when;
};

struct kbus {
	struct mutex lock;		/* the model and the record */
	struct pca9555_model model;
	struct i2c_adapter adap;
	bool smbus_only;		/* no I2C_FUNC_I2C: SMBus calls only */
	struct i2c_client *client;
	struct irq_domain *domain;
	int virq;			/* the expander's INT */

	/* the record */
	unsigned int xfers;		/* transfers (master_xfer or smbus_xfer calls) */
	struct kbus_xfer log[KBUS_LOG];	/* the last KBUS_LOG, log[xfers % KBUS_LOG] next */
	/* fault injection: the next transfer fails with this errno, or stops short */
	int fail_errno;
	int stop_after;			/* >0: do only this many messages, once */
};

/*
 * A bus with a PCA9555 at KBUS_ADDR (not instantiated: kbus_add_device()).
 * Returns NULL, having reported why, on failure.
 */
struct kbus *kbus_create(bool smbus_only);
/* Instantiate the expander as @name with the INT irq; the i2c_client or an ERR_PTR. */
struct i2c_client *kbus_add_device(struct kbus *bus, const char *name, bool with_irq);
void kbus_destroy(struct kbus *bus);

/* The outside world drives @pin; runs the INT interrupt if that asserted it. */
void kbus_drive(struct kbus *bus, unsigned int pin, enum pca9555_drive drive);
/* Run the INT interrupt (and wait for its thread) while INT is asserted, at most @max times. */
unsigned int kbus_deliver(struct kbus *bus, unsigned int max);
struct pca9555_model kbus_snapshot(struct kbus *bus);
unsigned int kbus_xfers(struct kbus *bus);
/* Transfer number @n (0 = the first ever), if still remembered. */
struct kbus_xfer kbus_xfer(struct kbus *bus, unsigned int n);

#endif /* GPIOCLX_KUNIT_I2C_BUS_H */
