// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * i2c_bus.c - the KUnit I2C bus of i2c_bus.h: an i2c_adapter over the
 * PCA9555 register model, with a plain-I2C or an SMBus-only algorithm.
 */
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irq_sim.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "models/i2c_bus.h"

static struct kbus_xfer *kbus_record(struct kbus *bus)
{
	struct kbus_xfer *x = &bus->log[bus->xfers++ % KBUS_LOG];

	memset(x, 0, sizeof(*x));
	x->when = ktime_get();
	return x;
}

static int kbus_master_xfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num)
{
	struct kbus *bus = i2c_get_adapdata(adap);
	struct kbus_xfer *x;
	int i, ret = 0, n = num;

	mutex_lock(&bus->lock);
	x = kbus_record(bus);
	x->nmsgs = num;
	if (bus->fail_errno) {
		ret = bus->fail_errno;
		bus->fail_errno = 0;
		goto out;
	}
	if (bus->stop_after > 0 && bus->stop_after < num) {
		n = bus->stop_after;
		bus->stop_after = 0;
	}
	for (i = 0; i < num && i < KBUS_LOG_MSGS; i++) {
		x->flags[i] = msgs[i].flags;
		x->len[i] = msgs[i].len;
		x->first[i] = msgs[i].len ? msgs[i].buf[0] : 0;
	}
	for (i = 0; i < n; i++) {
		if (msgs[i].addr != KBUS_ADDR) {
			ret = -ENXIO;	/* nobody acknowledged the address */
			goto out;
		}
		if (msgs[i].flags & I2C_M_RD)
			pca9555_model_read(&bus->model, msgs[i].buf, msgs[i].len);
		else if (pca9555_model_write(&bus->model, msgs[i].buf, msgs[i].len) < 0) {
			ret = -EREMOTEIO;
			goto out;
		}
	}
	ret = n;
out:
	mutex_unlock(&bus->lock);
	return ret;
}

/* The SMBus commands a register-based device takes, on the same model. */
static int kbus_smbus_xfer(struct i2c_adapter *adap, u16 addr, unsigned short flags, char rw,
			   u8 command, int size, union i2c_smbus_data *data)
{
	struct kbus *bus = i2c_get_adapdata(adap);
	struct kbus_xfer *x;
	u8 buf[I2C_SMBUS_BLOCK_MAX + 1];
	int ret = 0, n;

	mutex_lock(&bus->lock);
	x = kbus_record(bus);
	x->smbus = true;
	x->smbus_size = size;
	x->smbus_rw = rw;
	x->first[0] = command;
	if (addr != KBUS_ADDR) {
		ret = -ENXIO;
		goto out;
	}
	buf[0] = command;
	switch (size) {
	case I2C_SMBUS_BYTE_DATA:
	case I2C_SMBUS_WORD_DATA:
	case I2C_SMBUS_I2C_BLOCK_DATA:
		n = size == I2C_SMBUS_BYTE_DATA ? 1 : size == I2C_SMBUS_WORD_DATA ? 2 :
		    data->block[0];
		if (rw == I2C_SMBUS_WRITE) {
			if (size == I2C_SMBUS_BYTE_DATA)
				buf[1] = data->byte;
			else if (size == I2C_SMBUS_WORD_DATA)
				buf[1] = data->word & 0xff, buf[2] = data->word >> 8;
			else
				memcpy(&buf[1], &data->block[1], n);
			ret = pca9555_model_write(&bus->model, buf, 1 + n) < 0 ? -EREMOTEIO : 0;
			break;
		}
		if (pca9555_model_write(&bus->model, buf, 1) < 0) {
			ret = -EREMOTEIO;
			break;
		}
		pca9555_model_read(&bus->model, buf, n);
		if (size == I2C_SMBUS_BYTE_DATA)
			data->byte = buf[0];
		else if (size == I2C_SMBUS_WORD_DATA)
			data->word = buf[0] | buf[1] << 8;
		else
			memcpy(&data->block[1], buf, n);
		break;
	case I2C_SMBUS_BYTE:
		if (rw == I2C_SMBUS_WRITE)
			ret = pca9555_model_write(&bus->model, buf, 1) < 0 ? -EREMOTEIO : 0;
		else
			pca9555_model_read(&bus->model, &data->byte, 1);
		break;
	default:
		ret = -EOPNOTSUPP;
	}
out:
	mutex_unlock(&bus->lock);
	return ret;
}

static u32 kbus_func_i2c(struct i2c_adapter *adap)
{
	return I2C_FUNC_I2C | I2C_FUNC_SMBUS_EMUL;
}

static u32 kbus_func_smbus(struct i2c_adapter *adap)
{
	return I2C_FUNC_SMBUS_BYTE | I2C_FUNC_SMBUS_BYTE_DATA | I2C_FUNC_SMBUS_WORD_DATA |
	       I2C_FUNC_SMBUS_I2C_BLOCK;
}

static const struct i2c_algorithm kbus_algo_i2c = {
	.master_xfer = kbus_master_xfer,
	.functionality = kbus_func_i2c,
};

static const struct i2c_algorithm kbus_algo_smbus = {
	.smbus_xfer = kbus_smbus_xfer,
	.functionality = kbus_func_smbus,
};

struct kbus *kbus_create(bool smbus_only)
{
	struct fwnode_handle *fwnode;
	struct kbus *bus = kzalloc(sizeof(*bus), GFP_KERNEL);

	if (!bus)
		return NULL;
	mutex_init(&bus->lock);
	pca9555_model_init(&bus->model);
	bus->smbus_only = smbus_only;

	fwnode = irq_domain_alloc_named_fwnode("gpioclx-i2c-kunit");
	if (!fwnode)
		goto err_free;
	bus->domain = irq_domain_create_sim(fwnode, 1);
	if (IS_ERR(bus->domain)) {
		irq_domain_free_fwnode(fwnode);
		goto err_free;
	}
	bus->virq = irq_create_mapping(bus->domain, 0);
	if (bus->virq <= 0)
		goto err_domain;

	bus->adap.owner = THIS_MODULE;
	bus->adap.algo = smbus_only ? &kbus_algo_smbus : &kbus_algo_i2c;
	strscpy(bus->adap.name, smbus_only ? "gpioclx-kunit-smbus" : "gpioclx-kunit-i2c",
		sizeof(bus->adap.name));
	i2c_set_adapdata(&bus->adap, bus);
	if (i2c_add_adapter(&bus->adap))
		goto err_mapping;
	return bus;

err_mapping:
	irq_dispose_mapping(bus->virq);
err_domain:
	fwnode = bus->domain->fwnode;
	irq_domain_remove_sim(bus->domain);
	irq_domain_free_fwnode(fwnode);
err_free:
	kfree(bus);
	return NULL;
}

struct i2c_client *kbus_add_device(struct kbus *bus, const char *name, bool with_irq)
{
	struct i2c_board_info info = { I2C_BOARD_INFO("", KBUS_ADDR) };

	strscpy(info.type, name, sizeof(info.type));
	info.irq = with_irq ? bus->virq : 0;
	bus->client = i2c_new_client_device(&bus->adap, &info);
	return bus->client;
}

void kbus_destroy(struct kbus *bus)
{
	struct fwnode_handle *fwnode;

	if (!bus)
		return;
	if (!IS_ERR_OR_NULL(bus->client))
		i2c_unregister_device(bus->client);
	i2c_del_adapter(&bus->adap);
	/* UML has a fixed number of irq descriptors: give it back */
	irq_dispose_mapping(bus->virq);
	fwnode = bus->domain->fwnode;
	irq_domain_remove_sim(bus->domain);
	irq_domain_free_fwnode(fwnode);
	kfree(bus);
}

static bool kbus_int(struct kbus *bus)
{
	bool asserted;

	mutex_lock(&bus->lock);
	asserted = pca9555_model_int(&bus->model);
	mutex_unlock(&bus->lock);
	return asserted;
}

unsigned int kbus_deliver(struct kbus *bus, unsigned int max)
{
	unsigned int passes = 0;

	while (passes < max && kbus_int(bus)) {
		generic_handle_irq_safe(bus->virq);
		synchronize_irq(bus->virq);	/* the threaded handler has run */
		passes++;
	}
	return passes;
}

void kbus_drive(struct kbus *bus, unsigned int pin, enum pca9555_drive drive)
{
	mutex_lock(&bus->lock);
	pca9555_model_drive(&bus->model, pin, drive);
	mutex_unlock(&bus->lock);
	kbus_deliver(bus, 4);
}

struct pca9555_model kbus_snapshot(struct kbus *bus)
{
	struct pca9555_model m;

	mutex_lock(&bus->lock);
	m = bus->model;
	mutex_unlock(&bus->lock);
	return m;
}

unsigned int kbus_xfers(struct kbus *bus)
{
	unsigned int n;

	mutex_lock(&bus->lock);
	n = bus->xfers;
	mutex_unlock(&bus->lock);
	return n;
}

struct kbus_xfer kbus_xfer(struct kbus *bus, unsigned int n)
{
	struct kbus_xfer x;

	mutex_lock(&bus->lock);
	x = bus->log[n % KBUS_LOG];
	mutex_unlock(&bus->lock);
	return x;
}
