// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_acpi_consumer.c - a test consumer of GPIO lines described by ACPI
 * (e2e scenario s9; not a production module). It binds the consumer device
 * of userspace/acpi/gpioclx-sim.asl and takes, through gpiolib-acpi, the
 * line of its first GPIO resource (GpioIo) as an output and the interrupt
 * of its first GpioInt, and shows them in sysfs under its device:
 *
 *   value       write 0 or 1 to drive the line, read it back
 *   irq_count   how many times the interrupt has run its handler
 */
#include <linux/atomic.h>
#include <linux/device.h>
#include <linux/gpio/consumer.h>
#include <linux/interrupt.h>
#include <linux/kstrtox.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sysfs.h>

struct gcon {
	struct gpio_desc *out;
	atomic_t irq_count;
};

static irqreturn_t gcon_irq(int irq, void *data)
{
	struct gcon *gcon = data;

	atomic_inc(&gcon->irq_count);
	return IRQ_HANDLED;
}

static ssize_t value_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct gcon *gcon = dev_get_drvdata(dev);
	int v = gpiod_get_value_cansleep(gcon->out);

	return v < 0 ? v : sysfs_emit(buf, "%d\n", v);
}

static ssize_t value_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	struct gcon *gcon = dev_get_drvdata(dev);
	bool v;
	int ret;

	ret = kstrtobool(buf, &v);
	if (ret)
		return ret;
	gpiod_set_value_cansleep(gcon->out, v);
	return count;
}
static DEVICE_ATTR_RW(value);

static ssize_t irq_count_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct gcon *gcon = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%d\n", atomic_read(&gcon->irq_count));
}
static DEVICE_ATTR_RO(irq_count);

static struct attribute *gcon_attrs[] = {
	&dev_attr_value.attr,
	&dev_attr_irq_count.attr,
	NULL
};
ATTRIBUTE_GROUPS(gcon);

static int gcon_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct gcon *gcon;
	int irq, ret;

	gcon = devm_kzalloc(dev, sizeof(*gcon), GFP_KERNEL);
	if (!gcon)
		return -ENOMEM;
	/* no _DSD names: index 0 is the first GPIO resource of _CRS */
	gcon->out = devm_gpiod_get_index(dev, NULL, 0, GPIOD_OUT_LOW);
	if (IS_ERR(gcon->out))
		return dev_err_probe(dev, PTR_ERR(gcon->out), "GpioIo line\n");
	/* no Interrupt resource: index 0 falls back to the first GpioInt */
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(dev, irq, gcon_irq, 0, dev_name(dev), gcon);
	if (ret)
		return dev_err_probe(dev, ret, "GpioInt irq %d\n", irq);
	platform_set_drvdata(pdev, gcon);
	dev_info(dev, "line and irq %d from ACPI\n", irq);
	return 0;
}

static const struct acpi_device_id gcon_acpi_ids[] = {
	{ "GCLX0002" },
	{ }
};
MODULE_DEVICE_TABLE(acpi, gcon_acpi_ids);

static struct platform_driver gcon_driver = {
	.probe = gcon_probe,
	.driver = {
		.name = "gpioclx-acpi-consumer",
		.acpi_match_table = gcon_acpi_ids,
		.dev_groups = gcon_groups,
	},
};
module_platform_driver(gcon_driver);

MODULE_DESCRIPTION("Test consumer of ACPI-described GPIO lines (gpioclx e2e s9)");
MODULE_LICENSE("GPL");
