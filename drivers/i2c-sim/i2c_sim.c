// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * i2c_sim.c - gpioclx-i2c-sim.ko: a simulated I2C bus whose device is a
 * software PCA9555 GPIO expander (pca9555_model.c), as gpioclx-sim is a
 * simulated memory-mapped controller. For tests, benchmarks and users
 * without hardware.
 *
 * At load it builds, in this order:
 *
 *   the platform device "gpioclx-i2c-sim", which carries the control
 *       interface (i2c_sim_sysfs.c) and is the parent of the adapter;
 *   INT: the expander's interrupt output wired to line int_line of
 *       gpioclx-sim.<int_controller>, as on a board where an expander's
 *       INT pin goes to a SoC GPIO with a pull-up: the line is requested
 *       as an input (consumer "pca9555-int"), driven high while INT is
 *       released and low while it is asserted (gpioclx_sim_drive_line()),
 *       and its Linux interrupt is made level-low, the INT pin's own type;
 *   the adapter "gpioclx-i2c-sim", I2C_FUNC_I2C plus the SMBus commands
 *       the I2C core emulates on top of it;
 *   the expander's i2c_client, "pca9555" at address addr (0x20..0x27, the
 *       chip's A2..A0), with that interrupt as its irq. Whichever driver
 *       matches "pca9555" binds it (gpio-pca953x, or gpioclx-pca9555).
 *
 * Unload takes them down in reverse: the client first (its driver unbinds
 * and frees the interrupt), then the adapter, then INT is let go.
 *
 * Transfers: each message is one START (or repeated START), address, data;
 * a message to another address is not acknowledged (-ENXIO, the transfer
 * stops there, as a STOP follows a NACK), a command byte the chip does not
 * have is not acknowledged either (-EIO). Flags other than I2C_M_RD (and
 * I2C_M_DMA_SAFE, which says nothing to a bus in software) are refused
 * with -EOPNOTSUPP: the adapter does not advertise them.
 */
#include <linux/cleanup.h>
#include <linux/err.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include "gpioclx_compat.h"
#include "sim/gpioclx_sim.h"
#include "i2c_sim.h"

#define GPIOCLX_I2C_SIM_NAME	"gpioclx-i2c-sim"
/* A PCA9555's address is 0 1 0 0 A2 A1 A0. */
#define PCA9555_ADDR_MIN	0x20
#define PCA9555_ADDR_MAX	0x27

static unsigned int addr = PCA9555_ADDR_MIN;
module_param(addr, uint, 0444);
MODULE_PARM_DESC(addr, "The PCA9555's I2C address (0x20..0x27, default 0x20)");

static unsigned int int_controller;
module_param(int_controller, uint, 0444);
MODULE_PARM_DESC(int_controller, "INT goes to a line of gpioclx-sim.<int_controller> (default 0)");

static unsigned int int_line;
module_param(int_line, uint, 0444);
MODULE_PARM_DESC(int_line, "INT goes to this line of that controller (default 0)");

/* Everything the load built, for the unload (and a failed load) to undo. */
struct gpioclx_i2c_sim_bus {
	struct gpioclx_i2c_sim sim;
	struct platform_device *pdev;
	char int_chip[sizeof("gpioclx-sim.") + 10];	/* the line's gpio_chip label */
	struct gpiod_lookup_table *lookup;
	struct gpio_desc *int_gpio;
	bool int_wired;
	struct i2c_adapter adap;
	bool adap_added;
	struct i2c_client *client;
};

static struct gpioclx_i2c_sim_bus *gpioclx_i2c_sim_bus;

/* Model callback, under sim->lock: INT moved; drive the line it is wired to. */
static void gpioclx_i2c_sim_int_changed(void *ctx, bool asserted)
{
	struct gpioclx_i2c_sim *sim = ctx;

	gpioclx_sim_drive_line(sim->int_controller, sim->int_line,
			       asserted ? GPIOCLX_SIM_DRIVE_LOW : GPIOCLX_SIM_DRIVE_HIGH);
}

static int gpioclx_i2c_sim_xfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num)
{
	struct gpioclx_i2c_sim *sim = i2c_get_adapdata(adap);
	int i, ret = 0;

	guard(mutex)(&sim->lock);
	sim->transfers++;
	for (i = 0; i < num && ret >= 0; i++) {
		struct i2c_msg *msg = &msgs[i];

		if (msg->flags & ~(I2C_M_RD | I2C_M_DMA_SAFE)) {
			ret = -EOPNOTSUPP;
		} else if (msg->addr != sim->addr) {
			ret = -ENXIO;
		} else {
			sim->messages++;
			if (msg->flags & I2C_M_RD)
				ret = pca9555_model_read(&sim->model, msg->buf, msg->len);
			else
				ret = pca9555_model_write(&sim->model, msg->buf, msg->len);
		}
	}
	if (ret < 0) {
		sim->errors++;
		return ret;
	}
	return num;
}

static u32 gpioclx_i2c_sim_functionality(struct i2c_adapter *adap)
{
	return I2C_FUNC_I2C | I2C_FUNC_SMBUS_EMUL;
}

static const struct i2c_algorithm gpioclx_i2c_sim_algo = {
	.master_xfer = gpioclx_i2c_sim_xfer,
	.functionality = gpioclx_i2c_sim_functionality,
};

/*
 * INT to the gpioclx-sim line: the board's pull-up first (which also
 * proves the line exists), then the line as a GPIO of ours through a
 * lookup table, as board code would describe the wire, and its interrupt.
 */
static int gpioclx_i2c_sim_wire_int(struct gpioclx_i2c_sim_bus *bus)
{
	struct gpioclx_i2c_sim *sim = &bus->sim;
	struct device *dev = &bus->pdev->dev;
	int ret, irq;

	ret = gpioclx_sim_drive_line(int_controller, int_line, GPIOCLX_SIM_DRIVE_HIGH);
	if (ret) {
		pr_err(GPIOCLX_I2C_SIM_NAME ": int_controller=%u int_line=%u: %s; load refused\n",
		       int_controller, int_line,
		       ret == -ENODEV ? "no such gpioclx-sim controller" :
					"no such line on that controller");
		return ret;
	}
	bus->int_wired = true;

	snprintf(bus->int_chip, sizeof(bus->int_chip), "gpioclx-sim.%u", int_controller);
	bus->lookup = kzalloc(struct_size(bus->lookup, table, 2), GFP_KERNEL);
	if (!bus->lookup)
		return -ENOMEM;
	bus->lookup->dev_id = GPIOCLX_I2C_SIM_NAME;
	bus->lookup->table[0] = (struct gpiod_lookup)GPIO_LOOKUP(bus->int_chip, int_line, "int",
								 GPIO_ACTIVE_HIGH);
	gpiod_add_lookup_table(bus->lookup);

	bus->int_gpio = gpiod_get(dev, "int", GPIOD_IN);
	if (IS_ERR(bus->int_gpio)) {
		ret = PTR_ERR(bus->int_gpio);
		bus->int_gpio = NULL;
		dev_err(dev, "INT: %s line %u: %pe\n", bus->int_chip, int_line, ERR_PTR(ret));
		/* a deferral means nothing to insmod */
		return ret == -EPROBE_DEFER ? -ENODEV : ret;
	}
	ret = gpiod_set_consumer_name(bus->int_gpio, "pca9555-int");
	if (ret)
		return ret;

	irq = gpiod_to_irq(bus->int_gpio);
	if (irq < 0) {
		dev_err(dev, "INT: %s line %u has no interrupt: %pe\n", bus->int_chip, int_line,
			ERR_PTR(irq));
		return irq;
	}
	ret = irq_set_irq_type(irq, IRQ_TYPE_LEVEL_LOW);
	if (ret) {
		dev_err(dev, "INT: irq %d refused level-low: %pe\n", irq, ERR_PTR(ret));
		return ret;
	}

	sim->int_controller = int_controller;
	sim->int_line = int_line;
	/* the control interface is live: INT may have moved before this */
	scoped_guard(mutex, &sim->lock) {
		pca9555_model_set_callback(&sim->model, gpioclx_i2c_sim_int_changed, sim);
		gpioclx_i2c_sim_int_changed(sim, pca9555_model_int(&sim->model));
	}
	return irq;
}

static void gpioclx_i2c_sim_destroy(struct gpioclx_i2c_sim_bus *bus)
{
	struct gpioclx_i2c_sim *sim = &bus->sim;

	if (bus->client)
		i2c_unregister_device(bus->client);
	if (bus->adap_added)
		i2c_del_adapter(&bus->adap);
	scoped_guard(mutex, &sim->lock)
		pca9555_model_set_callback(&sim->model, NULL, NULL);
	if (bus->int_gpio)
		gpiod_put(bus->int_gpio);
	if (bus->lookup) {
		gpiod_remove_lookup_table(bus->lookup);
		kfree(bus->lookup);
	}
	if (bus->int_wired)
		gpioclx_sim_drive_line(int_controller, int_line, GPIOCLX_SIM_RELEASE);
	/* waits for the control interface's readers and writers to leave */
	if (bus->pdev)
		platform_device_unregister(bus->pdev);
	mutex_destroy(&sim->lock);
	kfree(bus);
}

static int __init gpioclx_i2c_sim_init(void)
{
	struct gpioclx_i2c_sim_bus *bus;
	struct i2c_board_info info = {};
	struct gpioclx_i2c_sim *sim;
	int ret, irq;

	if (addr < PCA9555_ADDR_MIN || addr > PCA9555_ADDR_MAX) {
		pr_err(GPIOCLX_I2C_SIM_NAME ": addr=0x%x: a PCA9555 answers at 0x%02x..0x%02x only (A2..A0); load refused\n",
		       addr, PCA9555_ADDR_MIN, PCA9555_ADDR_MAX);
		return -EINVAL;
	}

	bus = kzalloc(sizeof(*bus), GFP_KERNEL);
	if (!bus)
		return -ENOMEM;
	sim = &bus->sim;
	mutex_init(&sim->lock);
	pca9555_model_init(&sim->model);
	sim->addr = addr;
	gpioclx_i2c_sim_sysfs_init(sim);

	bus->pdev = platform_device_alloc(GPIOCLX_I2C_SIM_NAME, PLATFORM_DEVID_NONE);
	if (!bus->pdev) {
		ret = -ENOMEM;
		goto err;
	}
	bus->pdev->dev.groups = sim->groups;
	platform_set_drvdata(bus->pdev, sim);
	ret = platform_device_add(bus->pdev);
	if (ret) {
		platform_device_put(bus->pdev);
		bus->pdev = NULL;
		goto err;
	}

	irq = gpioclx_i2c_sim_wire_int(bus);
	if (irq < 0) {
		ret = irq;
		goto err;
	}

	bus->adap.owner = THIS_MODULE;
	bus->adap.algo = &gpioclx_i2c_sim_algo;
	bus->adap.dev.parent = &bus->pdev->dev;
	strscpy(bus->adap.name, GPIOCLX_I2C_SIM_NAME, sizeof(bus->adap.name));
	i2c_set_adapdata(&bus->adap, sim);
	ret = i2c_add_adapter(&bus->adap);
	if (ret)
		goto err;
	bus->adap_added = true;

	strscpy(info.type, "pca9555", sizeof(info.type));
	info.addr = addr;
	info.irq = irq;
	bus->client = i2c_new_client_device(&bus->adap, &info);
	if (IS_ERR(bus->client)) {
		ret = PTR_ERR(bus->client);
		bus->client = NULL;
		goto err;
	}

	dev_info(&bus->pdev->dev, "%s: pca9555 at 0x%02x, INT on %s line %u (irq %d)\n",
		 dev_name(&bus->adap.dev), addr, bus->int_chip, int_line, irq);
	gpioclx_i2c_sim_bus = bus;
	return 0;

err:
	pr_err(GPIOCLX_I2C_SIM_NAME ": load failed: %pe\n", ERR_PTR(ret));
	gpioclx_i2c_sim_destroy(bus);
	return ret;
}
module_init(gpioclx_i2c_sim_init);

static void __exit gpioclx_i2c_sim_exit(void)
{
	gpioclx_i2c_sim_destroy(gpioclx_i2c_sim_bus);
}
module_exit(gpioclx_i2c_sim_exit);

MODULE_IMPORT_NS(GPIOCLX_NS);
MODULE_DESCRIPTION("Simulated I2C bus with a PCA9555 GPIO expander, INT on a gpioclx-sim line");
MODULE_LICENSE("GPL");
