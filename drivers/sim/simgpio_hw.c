// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * simgpio_hw.c - simulated boards for the simulated GPIO controller.
 *
 * At module load this file builds nr_controllers boards, each a
 * platform_device "gpioclx-sim.<n>" carrying what real firmware would
 * describe for a memory-mapped GPIO controller:
 *
 *   IORESOURCE_MEM  the controller's register window: a software model
 *                   (simgpio_model.c) registered with the shim's MMIO
 *                   models, so the unmodified client reaches it through
 *                   MmMapIoSpaceEx() and READ/WRITE_REGISTER_ULONG64();
 *   IORESOURCE_IRQ  one level-high interrupt per bank, from an irq_domain
 *                   of our own (Debian kernels have no IRQ_SIM);
 *   properties      "gpio-line-names" = "bank<B>-<P>" for every line.
 *
 * ACPI boards: a device firmware declares with the glue's _HID (an SSDT,
 * see userspace/acpi/) is enumerated by the kernel as a platform device
 * before this module loads, with the resources of its _CRS. For each one
 * found at load (and not bound to another driver) a board is built around
 * it, before the driver is registered and binds it:
 *
 *   memory          the model answers in the whole _CRS window
 *                   (gpioclx_mmio_model_add_at()), which must hold its
 *                   registers;
 *   interrupts      one _CRS interrupt per bank: the number of interrupt
 *                   resources is the number of banks. Their GSIs are
 *                   wired to nothing that can fire (the simulated hardware
 *                   is not on the interrupt controller firmware names), so
 *                   each resource is pointed at the bank's interrupt from
 *                   our domain, as acpi_irq_get() fills in a resource for
 *                   a domain of its own; the original is restored on exit;
 *   properties      _DSD "gpioclx,pins-per-bank" (1..64): the silicon's
 *                   bank width, which its CONFIG register reports.
 *
 * Its lines' control interface is the same, under the ACPI device
 * (/sys/bus/platform/devices/<ACPI name>/sim_gpio<offset>/). A board whose
 * _CRS or _DSD does not fit fails the load with -EINVAL and a line naming
 * what is wrong.
 *
 * The GpioClx client driver (gpioclx_sim_linux.c) is registered first and
 * binds each board through the shim, like any other controller, as the
 * board is added. The load succeeds only if every board bound (see
 * simgpio_hw_init()). Module exit unregisters the driver (every board
 * unbound), then removes the boards.
 *
 * Control interface (like gpio-sim's), one directory per line under the
 * board's device, offset = bank * pins_per_bank + pin:
 *
 *   /sys/devices/platform/gpioclx-sim.<n>/sim_gpio<offset>/pull
 *       write "pull-up" or "pull-down" to drive the pin high or low from
 *       outside, "none" to let go (the pin then follows its internal pull);
 *       reads back the current setting. Outputs ignore it.
 *   /sys/devices/platform/gpioclx-sim.<n>/sim_gpio<offset>/value
 *       read-only: the level on the pin, 0 or 1 (DATA_IN).
 *
 * Other modules drive lines the way "pull" does with
 * gpioclx_sim_drive_line() (gpioclx_sim.h).
 *
 * The attribute groups are attached through dev->groups before the device
 * is added, so they exist before the uevent and before the driver can bind.
 *
 * Interrupts: the model calls back after every change; when a bank's line
 * is asserted and the parent irq unmasked, an irq_work calls
 * generic_handle_irq_safe() on the bank's virq, whose flow handler is
 * handle_level_irq. The chip's unmask re-checks the line and fires again
 * while it stays asserted, which is what a level-triggered line does.
 *
 * Locking: one raw spinlock per board serializes every model access (MMIO
 * from the client, sysfs drives, the irq_chip's checks). The model
 * callback runs under it and only queues the irq_work; the irq_work drops
 * it before handling irqs, so the lock never nests outside an irq_desc
 * lock.
 */
#include <linux/acpi.h>
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/gpio.h>	/* ARCH_NR_GPIOS, where the kernel still has it */
#include <linux/err.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irq_work.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "gpioclx_client.h"
#include "gpioclx_mmio_model.h"
#include "gpioclx_sim.h"
#include "simgpio_hw.h"
#include "simgpio_model.h"

#define SIMGPIO_HW_MAX_CONTROLLERS	8

static unsigned int nr_controllers = 1;
module_param(nr_controllers, uint, 0444);
MODULE_PARM_DESC(nr_controllers,
		 "Number of simulated controllers (1..8, default 1); the load fails unless each one binds");

static unsigned int nr_banks = 4;
module_param(nr_banks, uint, 0444);
MODULE_PARM_DESC(nr_banks, "Banks per controller (1..16, default 4)");

static unsigned int pins_per_bank = 32;
module_param(pins_per_bank, uint, 0444);
MODULE_PARM_DESC(pins_per_bank, "Pins per bank (1..64, default 32)");

struct simgpio_hw;

/* One line's sysfs directory, sim_gpio<offset>. */
struct simgpio_hw_line {
	struct simgpio_hw *hw;
	unsigned int bank;
	unsigned int pin;
	struct device_attribute pull;
	struct device_attribute value;
	struct attribute *attrs[3];
	struct attribute_group group;
	char name[sizeof("sim_gpio") + 10];	/* any unsigned int offset */
};

/* One simulated board: the controller's registers, its lines, its interrupts. */
struct simgpio_hw {
	unsigned int index;
	char name[24];			/* "gpioclx-sim.<n>" */
	raw_spinlock_t lock;		/* every access to the model */
	struct simgpio_model model;
	struct gpioclx_mmio_model *mmio;
	struct resource window;
	struct fwnode_handle *swnode;	/* the board's, with the line names */
	struct fwnode_handle *fwnode;	/* the irq domain's */
	struct irq_domain *domain;
	unsigned int virq[SIMGPIO_MAX_BANKS];
	unsigned long masked;		/* bit n: bank n's irq is masked */
	struct irq_work irq_work;
	unsigned int nlines;
	struct simgpio_hw_line *lines;
	const struct attribute_group **groups;
	struct platform_device *pdev;
	/* an ACPI board: the device firmware declared, and its GSIs */
	struct platform_device *acpi_pdev;
	struct resource gsi[SIMGPIO_MAX_BANKS];
};

static struct simgpio_hw *simgpio_hw_boards[SIMGPIO_HW_MAX_CONTROLLERS];
static struct simgpio_hw *simgpio_hw_acpi_boards[SIMGPIO_HW_MAX_CONTROLLERS];

/* The register window, as the shim's MMIO model ops. */

static u64 simgpio_hw_mmio_read(void *priv, unsigned long offset, unsigned int width)
{
	struct simgpio_hw *hw = priv;
	unsigned long flags;
	u64 value;

	raw_spin_lock_irqsave(&hw->lock, flags);
	value = simgpio_model_read(&hw->model, offset, width);
	raw_spin_unlock_irqrestore(&hw->lock, flags);
	return value;
}

static void simgpio_hw_mmio_write(void *priv, unsigned long offset, u64 value,
				  unsigned int width)
{
	struct simgpio_hw *hw = priv;
	unsigned long flags;

	raw_spin_lock_irqsave(&hw->lock, flags);
	simgpio_model_write(&hw->model, offset, value, width);
	raw_spin_unlock_irqrestore(&hw->lock, flags);
}

static const struct gpioclx_mmio_model_ops simgpio_hw_mmio_ops = {
	.read = simgpio_hw_mmio_read,
	.write = simgpio_hw_mmio_write,
};

/* For the KUnit suites (simgpio_hw.h): the model under the board's lock. */
struct simgpio_model *simgpio_hw_lock_model(unsigned int index, unsigned long *flags)
{
	struct simgpio_hw *hw;

	if (index >= SIMGPIO_HW_MAX_CONTROLLERS || !simgpio_hw_boards[index])
		return NULL;
	hw = simgpio_hw_boards[index];
	raw_spin_lock_irqsave(&hw->lock, *flags);
	return &hw->model;
}
EXPORT_SYMBOL_GPL(simgpio_hw_lock_model);

void simgpio_hw_unlock_model(unsigned int index, unsigned long flags)
{
	raw_spin_unlock_irqrestore(&simgpio_hw_boards[index]->lock, flags);
}
EXPORT_SYMBOL_GPL(simgpio_hw_unlock_model);

/* The bank interrupt lines. */

/* Model callback, under hw->lock: a bank's line may have changed. */
static void simgpio_hw_line_changed(void *ctx, ULONG bank)
{
	struct simgpio_hw *hw = ctx;

	if (!test_bit(bank, &hw->masked) && simgpio_model_irq_asserted(&hw->model, bank))
		irq_work_queue(&hw->irq_work);
}

/* Deliver every asserted, unmasked bank line. */
static void simgpio_hw_irq_work(struct irq_work *work)
{
	struct simgpio_hw *hw = container_of(work, struct simgpio_hw, irq_work);
	unsigned long pending = 0, flags;
	unsigned int bank;

	raw_spin_lock_irqsave(&hw->lock, flags);
	for (bank = 0; bank < hw->model.banks; bank++)
		if (!test_bit(bank, &hw->masked) &&
		    simgpio_model_irq_asserted(&hw->model, bank))
			__set_bit(bank, &pending);
	raw_spin_unlock_irqrestore(&hw->lock, flags);

	for_each_set_bit(bank, &pending, SIMGPIO_MAX_BANKS)
		generic_handle_irq_safe(hw->virq[bank]);
}

static void simgpio_hw_irq_mask(struct irq_data *d)
{
	struct simgpio_hw *hw = irq_data_get_irq_chip_data(d);

	set_bit(irqd_to_hwirq(d), &hw->masked);
}

/* Unmasking a line that is still asserted fires it again. */
static void simgpio_hw_irq_unmask(struct irq_data *d)
{
	struct simgpio_hw *hw = irq_data_get_irq_chip_data(d);
	unsigned int bank = irqd_to_hwirq(d);
	unsigned long flags;
	bool asserted;

	clear_bit(bank, &hw->masked);
	raw_spin_lock_irqsave(&hw->lock, flags);
	asserted = simgpio_model_irq_asserted(&hw->model, bank);
	raw_spin_unlock_irqrestore(&hw->lock, flags);
	if (asserted)
		irq_work_queue(&hw->irq_work);
}

/* The lines are level, active high, and nothing else. */
static int simgpio_hw_irq_set_type(struct irq_data *d, unsigned int type)
{
	return type == IRQ_TYPE_LEVEL_HIGH ? 0 : -EINVAL;
}

static struct irq_chip simgpio_hw_irq_chip = {
	.name = "gpioclx-sim",
	.irq_mask = simgpio_hw_irq_mask,
	.irq_unmask = simgpio_hw_irq_unmask,
	.irq_set_type = simgpio_hw_irq_set_type,
	.flags = IRQCHIP_SKIP_SET_WAKE,
};

static int simgpio_hw_irq_map(struct irq_domain *domain, unsigned int virq,
			      irq_hw_number_t hwirq)
{
	irq_set_chip_data(virq, domain->host_data);
	irq_set_chip_and_handler(virq, &simgpio_hw_irq_chip, handle_level_irq);
	irq_set_noprobe(virq);
	return 0;
}

static const struct irq_domain_ops simgpio_hw_irq_domain_ops = {
	.map = simgpio_hw_irq_map,
	.xlate = irq_domain_xlate_onecell,
};

static int simgpio_hw_irq_setup(struct simgpio_hw *hw)
{
	unsigned int bank;

	hw->fwnode = irq_domain_alloc_named_fwnode(hw->name);
	if (!hw->fwnode)
		return -ENOMEM;
	hw->domain = irq_domain_create_linear(hw->fwnode, hw->model.banks,
					      &simgpio_hw_irq_domain_ops, hw);
	if (!hw->domain)
		return -ENOMEM;
	for (bank = 0; bank < hw->model.banks; bank++) {
		hw->virq[bank] = irq_create_mapping(hw->domain, bank);
		if (!hw->virq[bank])
			return -ENOMEM;
	}
	return 0;
}

static void simgpio_hw_irq_teardown(struct simgpio_hw *hw)
{
	unsigned int bank;

	for (bank = 0; bank < SIMGPIO_MAX_BANKS; bank++)
		if (hw->virq[bank])
			irq_dispose_mapping(hw->virq[bank]);
	if (hw->domain)
		irq_domain_remove(hw->domain);
	if (hw->fwnode)
		irq_domain_free_fwnode(hw->fwnode);
}

/* The control interface. */

static const char *const simgpio_hw_drive_names[] = {
	[SIMGPIO_DRIVE_RELEASED] = "none",
	[SIMGPIO_DRIVE_HIGH] = "pull-up",
	[SIMGPIO_DRIVE_LOW] = "pull-down",
};

static ssize_t simgpio_hw_pull_show(struct device *dev, struct device_attribute *attr,
				    char *buf)
{
	struct simgpio_hw_line *line = container_of(attr, struct simgpio_hw_line, pull);
	enum simgpio_drive drive;
	unsigned long flags;

	raw_spin_lock_irqsave(&line->hw->lock, flags);
	drive = simgpio_model_get_drive(&line->hw->model, line->bank, line->pin);
	raw_spin_unlock_irqrestore(&line->hw->lock, flags);
	return sysfs_emit(buf, "%s\n", simgpio_hw_drive_names[drive]);
}

static ssize_t simgpio_hw_pull_store(struct device *dev, struct device_attribute *attr,
				     const char *buf, size_t count)
{
	struct simgpio_hw_line *line = container_of(attr, struct simgpio_hw_line, pull);
	unsigned long flags;
	int drive;

	drive = sysfs_match_string(simgpio_hw_drive_names, buf);
	if (drive < 0)
		return drive;
	raw_spin_lock_irqsave(&line->hw->lock, flags);
	simgpio_model_drive(&line->hw->model, line->bank, line->pin, drive);
	raw_spin_unlock_irqrestore(&line->hw->lock, flags);
	return count;
}

static ssize_t simgpio_hw_value_show(struct device *dev, struct device_attribute *attr,
				     char *buf)
{
	struct simgpio_hw_line *line = container_of(attr, struct simgpio_hw_line, value);
	unsigned long flags;
	bool level;

	raw_spin_lock_irqsave(&line->hw->lock, flags);
	level = simgpio_model_level(&line->hw->model, line->bank, line->pin);
	raw_spin_unlock_irqrestore(&line->hw->lock, flags);
	return sysfs_emit(buf, "%d\n", level);
}

static_assert((int)GPIOCLX_SIM_RELEASE == (int)SIMGPIO_DRIVE_RELEASED);
static_assert((int)GPIOCLX_SIM_DRIVE_HIGH == (int)SIMGPIO_DRIVE_HIGH);
static_assert((int)GPIOCLX_SIM_DRIVE_LOW == (int)SIMGPIO_DRIVE_LOW);

/* See gpioclx_sim.h. The boards live as long as the module. */
int gpioclx_sim_drive_line(unsigned int controller, unsigned int offset,
			   enum gpioclx_sim_drive drive)
{
	struct simgpio_hw *hw;

	if (controller >= SIMGPIO_HW_MAX_CONTROLLERS || !simgpio_hw_boards[controller])
		return -ENODEV;
	hw = simgpio_hw_boards[controller];
	if (offset >= hw->nlines || (unsigned int)drive > GPIOCLX_SIM_DRIVE_LOW)
		return -EINVAL;

	guard(raw_spinlock_irqsave)(&hw->lock);
	simgpio_model_drive(&hw->model, hw->lines[offset].bank, hw->lines[offset].pin,
			    (enum simgpio_drive)drive);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(gpioclx_sim_drive_line, GPIOCLX_NS);

static int simgpio_hw_sysfs_setup(struct simgpio_hw *hw)
{
	unsigned int i;

	hw->nlines = hw->model.banks * hw->model.pins_per_bank;
	hw->lines = kvcalloc(hw->nlines, sizeof(*hw->lines), GFP_KERNEL);
	hw->groups = kvcalloc(hw->nlines + 1, sizeof(*hw->groups), GFP_KERNEL);
	if (!hw->lines || !hw->groups)
		return -ENOMEM;

	for (i = 0; i < hw->nlines; i++) {
		struct simgpio_hw_line *line = &hw->lines[i];

		line->hw = hw;
		line->bank = i / hw->model.pins_per_bank;
		line->pin = i % hw->model.pins_per_bank;
		snprintf(line->name, sizeof(line->name), "sim_gpio%u", i);

		sysfs_attr_init(&line->pull.attr);
		line->pull.attr.name = "pull";
		line->pull.attr.mode = 0644;
		line->pull.show = simgpio_hw_pull_show;
		line->pull.store = simgpio_hw_pull_store;

		sysfs_attr_init(&line->value.attr);
		line->value.attr.name = "value";
		line->value.attr.mode = 0444;
		line->value.show = simgpio_hw_value_show;

		line->attrs[0] = &line->pull.attr;
		line->attrs[1] = &line->value.attr;
		line->group.name = line->name;
		line->group.attrs = line->attrs;
		hw->groups[i] = &line->group;
	}
	return 0;
}

/*
 * The board's firmware node: a software node with "gpio-line-names" =
 * "bank<B>-<P>". Not a managed node: the gpio_device the shim registers
 * shares the fwnode, and 6.1 drops a managed node's reference once for
 * every device that had it.
 */
static int simgpio_hw_create_swnode(struct simgpio_hw *hw)
{
	struct property_entry props[2] = {};
	struct fwnode_handle *fwnode;
	const char **names;
	unsigned int i;
	char *buf;
	int ret = 0;

	names = kcalloc(hw->nlines, sizeof(*names), GFP_KERNEL);
	buf = kcalloc(hw->nlines, 16, GFP_KERNEL);
	if (!names || !buf) {
		ret = -ENOMEM;
		goto out;
	}
	for (i = 0; i < hw->nlines; i++) {
		names[i] = buf + i * 16;
		snprintf(buf + i * 16, 16, "bank%u-%u", hw->lines[i].bank, hw->lines[i].pin);
	}
	props[0] = PROPERTY_ENTRY_STRING_ARRAY_LEN("gpio-line-names", names, hw->nlines);
	/* the properties and their strings are copied */
	fwnode = fwnode_create_software_node(props, NULL);
	if (IS_ERR(fwnode))
		ret = PTR_ERR(fwnode);
	else
		hw->swnode = fwnode;
out:
	kfree(buf);
	kfree(names);
	return ret;
}

static int simgpio_hw_add_device(struct simgpio_hw *hw)
{
	struct resource res[1 + SIMGPIO_MAX_BANKS];
	struct platform_device *pdev;
	unsigned int bank;
	int ret;

	pdev = platform_device_alloc("gpioclx-sim", hw->index);
	if (!pdev)
		return -ENOMEM;

	memset(res, 0, sizeof(res));
	res[0] = (struct resource)DEFINE_RES_MEM(hw->window.start, resource_size(&hw->window));
	for (bank = 0; bank < hw->model.banks; bank++) {
		res[1 + bank] = (struct resource)DEFINE_RES_IRQ(hw->virq[bank]);
		res[1 + bank].flags |= IORESOURCE_IRQ_HIGHLEVEL;
	}
	ret = platform_device_add_resources(pdev, res, 1 + hw->model.banks);
	if (ret)
		goto err_put;
	device_set_node(&pdev->dev, hw->swnode);
	pdev->dev.groups = hw->groups;
	ret = platform_device_add(pdev);
	if (ret) {
		/* the failed add may have wrapped and released the window too */
		gpioclx_mmio_model_remove(hw->mmio);
		hw->mmio = NULL;
		goto err_put;
	}
	hw->pdev = pdev;
	return 0;

err_put:
	platform_device_put(pdev);
	return ret;
}

/* Give an ACPI board's device its GSIs and its attributes back. */
static void simgpio_hw_acpi_release(struct simgpio_hw *hw)
{
	struct resource *r;
	unsigned int bank;

	if (!hw->acpi_pdev)
		return;
	sysfs_remove_groups(&hw->acpi_pdev->dev.kobj, hw->groups);
	for (bank = 0; bank < hw->model.banks; bank++) {
		r = platform_get_resource(hw->acpi_pdev, IORESOURCE_IRQ, bank);
		if (r && hw->gsi[bank].flags)
			*r = hw->gsi[bank];
	}
	put_device(&hw->acpi_pdev->dev);
}

static void simgpio_hw_destroy(struct simgpio_hw *hw)
{
	unsigned long flags;

	simgpio_hw_acpi_release(hw);

	/*
	 * platform_device_add() put the device's memory resource around the
	 * model's window in iomem_resource, and platform_device_del() takes
	 * both out together: the model's window still points at the device's
	 * resource, so that must live (our reference) until the model is gone.
	 */
	if (hw->pdev)
		platform_device_del(hw->pdev);
	gpioclx_mmio_model_remove(hw->mmio);
	if (hw->pdev)
		platform_device_put(hw->pdev);
	if (hw->swnode)
		fwnode_remove_software_node(hw->swnode);

	raw_spin_lock_irqsave(&hw->lock, flags);
	simgpio_model_set_callback(&hw->model, NULL, NULL);
	raw_spin_unlock_irqrestore(&hw->lock, flags);
	irq_work_sync(&hw->irq_work);
	simgpio_hw_irq_teardown(hw);
	kvfree(hw->groups);
	kvfree(hw->lines);
	kfree(hw);
}

/* A board's model, interrupts and line attributes; no window, no device yet. */
static struct simgpio_hw *simgpio_hw_alloc(const char *name, unsigned int banks,
					   unsigned int ppb)
{
	struct simgpio_hw *hw;
	int ret;

	hw = kzalloc(sizeof(*hw), GFP_KERNEL);
	if (!hw)
		return ERR_PTR(-ENOMEM);
	strscpy(hw->name, name, sizeof(hw->name));
	raw_spin_lock_init(&hw->lock);
	hw->masked = ~0UL;
	init_irq_work(&hw->irq_work, simgpio_hw_irq_work);
	if (!simgpio_model_init(&hw->model, banks, ppb)) {
		kfree(hw);
		return ERR_PTR(-EINVAL);
	}
	simgpio_model_set_callback(&hw->model, simgpio_hw_line_changed, hw);

	ret = simgpio_hw_irq_setup(hw);
	if (!ret)
		ret = simgpio_hw_sysfs_setup(hw);
	if (ret) {
		simgpio_hw_destroy(hw);
		return ERR_PTR(ret);
	}
	return hw;
}

static struct simgpio_hw *simgpio_hw_create(unsigned int index)
{
	struct simgpio_hw *hw;
	char name[24];
	int ret;

	snprintf(name, sizeof(name), "gpioclx-sim.%u", index);
	hw = simgpio_hw_alloc(name, nr_banks, pins_per_bank);
	if (IS_ERR(hw)) {
		pr_err("gpioclx-sim: board %u: %pe\n", index, hw);
		return hw;
	}
	hw->index = index;

	hw->mmio = gpioclx_mmio_model_add(hw->name, simgpio_model_window_size(&hw->model),
					  &simgpio_hw_mmio_ops, hw, &hw->window);
	if (IS_ERR(hw->mmio)) {
		ret = PTR_ERR(hw->mmio);
		hw->mmio = NULL;
		goto err;
	}
	ret = simgpio_hw_create_swnode(hw);
	if (ret)
		goto err;
	ret = simgpio_hw_add_device(hw);
	if (ret)
		goto err;
	return hw;

err:
	pr_err("gpioclx-sim: board %u: %d\n", index, ret);
	simgpio_hw_destroy(hw);
	return ERR_PTR(ret);
}

/*
 * The board for a device firmware declared (see the top of this file).
 * Called before the driver is registered, so nothing has the device yet.
 */
static struct simgpio_hw *simgpio_hw_create_acpi(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	unsigned int banks = 0, bank;
	struct simgpio_hw *hw;
	struct resource *mem, *r;
	u32 ppb;
	int ret;

	while (platform_get_resource(pdev, IORESOURCE_IRQ, banks))
		banks++;
	if (banks < 1 || banks > SIMGPIO_MAX_BANKS) {
		dev_err(dev, "gpioclx-sim: %u interrupts in _CRS, want one per bank, 1..%u\n",
			banks, SIMGPIO_MAX_BANKS);
		return ERR_PTR(-EINVAL);
	}
	ret = device_property_read_u32(dev, "gpioclx,pins-per-bank", &ppb);
	if (ret || ppb < 1 || ppb > SIMGPIO_MAX_PINS_PER_BANK) {
		dev_err(dev, "gpioclx-sim: _DSD \"gpioclx,pins-per-bank\" %s, want 1..%u\n",
			ret ? "missing" : "out of range", SIMGPIO_MAX_PINS_PER_BANK);
		return ERR_PTR(-EINVAL);
	}
	mem = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!mem) {
		dev_err(dev, "gpioclx-sim: no memory resource in _CRS\n");
		return ERR_PTR(-EINVAL);
	}

	hw = simgpio_hw_alloc(dev_name(dev), banks, ppb);
	if (IS_ERR(hw))
		return hw;
	if (resource_size(mem) < simgpio_model_window_size(&hw->model)) {
		dev_err(dev, "gpioclx-sim: _CRS window %pR too small for %u banks (%#x bytes)\n",
			mem, banks, simgpio_model_window_size(&hw->model));
		simgpio_hw_destroy(hw);
		return ERR_PTR(-EINVAL);
	}
	hw->mmio = gpioclx_mmio_model_add_at(hw->name, mem, &simgpio_hw_mmio_ops, hw);
	if (IS_ERR(hw->mmio)) {
		ret = PTR_ERR(hw->mmio);
		hw->mmio = NULL;
		simgpio_hw_destroy(hw);
		return ERR_PTR(ret);
	}
	ret = sysfs_create_groups(&dev->kobj, hw->groups);
	if (ret) {
		simgpio_hw_destroy(hw);
		return ERR_PTR(ret);
	}
	hw->acpi_pdev = to_platform_device(get_device(dev));
	for (bank = 0; bank < banks; bank++) {
		r = platform_get_resource(pdev, IORESOURCE_IRQ, bank);
		hw->gsi[bank] = *r;
		r->start = hw->virq[bank];
		r->end = hw->virq[bank];
		r->flags = IORESOURCE_IRQ | IORESOURCE_IRQ_HIGHLEVEL;
	}
	dev_info(dev, "gpioclx-sim: board from firmware: %u banks of %u pins at %pR\n",
		 banks, ppb, mem);
	return hw;
}

/* A platform device firmware declared for us, that no driver has. */
static int simgpio_hw_match_acpi(struct device *dev, const void *data)
{
	return !dev->driver && acpi_match_device(gpioclx_sim_driver.acpi_match_table, dev);
}

/* Boards for the devices firmware declared; how many, or an errno. */
static int simgpio_hw_create_acpi_all(void)
{
	struct device *dev, *from = NULL;
	struct simgpio_hw *hw;
	unsigned int n = 0;

	while ((dev = bus_find_device(&platform_bus_type, from, NULL, simgpio_hw_match_acpi))) {
		put_device(from);
		from = dev;
		if (n == SIMGPIO_HW_MAX_CONTROLLERS) {
			dev_err(dev, "gpioclx-sim: more than %u boards in firmware\n", n);
			put_device(dev);
			return -EINVAL;
		}
		hw = simgpio_hw_create_acpi(to_platform_device(dev));
		if (IS_ERR(hw)) {
			put_device(dev);
			return PTR_ERR(hw);
		}
		simgpio_hw_acpi_boards[n++] = hw;
	}
	put_device(from);
	return n;
}

static void simgpio_hw_destroy_all(void)
{
	unsigned int i;

	for (i = SIMGPIO_HW_MAX_CONTROLLERS; i-- > 0;) {
		if (simgpio_hw_boards[i])
			simgpio_hw_destroy(simgpio_hw_boards[i]);
		simgpio_hw_boards[i] = NULL;
		if (simgpio_hw_acpi_boards[i])
			simgpio_hw_destroy(simgpio_hw_acpi_boards[i]);
		simgpio_hw_acpi_boards[i] = NULL;
	}
}

/*
 * The ceiling of the GPIO numbers gpiolib gives chips without a fixed
 * base, for log lines only (whether a chip fits is gpiolib's answer).
 * 6.1 allocates them below ARCH_NR_GPIOS (CONFIG_ARCH_NR_GPIO: 1024 on
 * Debian amd64; 0, hence 512, on arm64), all chips sharing it; later
 * kernels dropped the macro and allocate upwards from GPIO_DYNAMIC_BASE
 * (512) to GPIO_DYNAMIC_MAX (INT_MAX in 6.12): 0 here, no ceiling to name.
 * Tested on the macro rather than a version: it is the fact that changed.
 */
#ifdef ARCH_NR_GPIOS
#define SIMGPIO_GPIO_NUMBERS ARCH_NR_GPIOS
#else
#define SIMGPIO_GPIO_NUMBERS 0
#endif

/*
 * A board that did not bind: say which parameters the load had and, for
 * -ENOSPC (gpiolib found no free range of GPIO numbers for the chip), the
 * kernel's ceiling where it has one.
 */
static void simgpio_hw_refuse(unsigned int index, int err)
{
	unsigned int lines = nr_banks * pins_per_bank;

	if (err == -ENOSPC && SIMGPIO_GPIO_NUMBERS)
		pr_err("gpioclx-sim: nr_controllers=%u x nr_banks=%u x pins_per_bank=%u = %u lines: no free range of %u GPIO numbers for gpioclx-sim.%u below the kernel's %d (ARCH_NR_GPIOS, shared with every other chip); load refused\n",
		       nr_controllers, nr_banks, pins_per_bank, nr_controllers * lines, lines,
		       index, SIMGPIO_GPIO_NUMBERS);
	else if (err == -ENOSPC)
		pr_err("gpioclx-sim: nr_controllers=%u x nr_banks=%u x pins_per_bank=%u = %u lines: no free range of %u GPIO numbers for gpioclx-sim.%u; load refused\n",
		       nr_controllers, nr_banks, pins_per_bank, nr_controllers * lines, lines,
		       index);
	else
		pr_err("gpioclx-sim: nr_controllers=%u x nr_banks=%u x pins_per_bank=%u: gpioclx-sim.%u did not bind (%pe); load refused\n",
		       nr_controllers, nr_banks, pins_per_bank, index, ERR_PTR(err));
}

/*
 * The driver first, then the boards one at a time, each bound (the
 * platform bus probes synchronously, inside platform_device_add()) before
 * the next is made. Whether a board's lines fit in the GPIO number space is
 * left to gpiolib: it alone knows what the other chips already hold, and
 * its allocator is not the same on every kernel (6.1 hands out numbers
 * below ARCH_NR_GPIOS, newer kernels upwards from GPIO_DYNAMIC_BASE with no
 * practical ceiling). So instead of a copy of its arithmetic, the first
 * board that does not bind fails the load with its probe's errno, and
 * everything done so far is undone: driver unregistered (bound boards
 * unbound, their chips removed), then every board removed.
 *
 * With asynchronous probing asked for (the async_probe module parameter,
 * driver_async_probe=), a board is not yet probed when asked, and the
 * load is refused (-ENODEV).
 */
static int __init simgpio_hw_init(void)
{
	struct simgpio_hw *hw;
	unsigned int i;
	int ret;

	if (nr_controllers < 1 || nr_controllers > SIMGPIO_HW_MAX_CONTROLLERS) {
		pr_err("gpioclx-sim: nr_controllers=%u, must be 1..%u\n", nr_controllers,
		       SIMGPIO_HW_MAX_CONTROLLERS);
		return -EINVAL;
	}
	if (nr_banks < 1 || nr_banks > SIMGPIO_MAX_BANKS) {
		pr_err("gpioclx-sim: nr_banks=%u, must be 1..%u\n", nr_banks, SIMGPIO_MAX_BANKS);
		return -EINVAL;
	}
	if (pins_per_bank < 1 || pins_per_bank > SIMGPIO_MAX_PINS_PER_BANK) {
		pr_err("gpioclx-sim: pins_per_bank=%u, must be 1..%u\n", pins_per_bank,
		       SIMGPIO_MAX_PINS_PER_BANK);
		return -EINVAL;
	}

	ret = simgpio_hw_create_acpi_all();
	if (ret < 0)
		goto err_boards;
	ret = gpioclx_client_driver_register(&gpioclx_sim_driver, THIS_MODULE);
	if (ret)
		goto err_boards;
	for (i = 0; i < SIMGPIO_HW_MAX_CONTROLLERS && simgpio_hw_acpi_boards[i]; i++) {
		hw = simgpio_hw_acpi_boards[i];
		ret = gpioclx_client_probe_result(&gpioclx_sim_driver, &hw->acpi_pdev->dev);
		if (ret) {
			pr_err("gpioclx-sim: %s, declared by firmware, did not bind (%pe); load refused\n",
			       hw->name, ERR_PTR(ret));
			if (ret <= -512)
				ret = -ENODEV;
			goto err;
		}
	}
	for (i = 0; i < nr_controllers; i++) {
		hw = simgpio_hw_create(i);
		if (IS_ERR(hw)) {
			ret = PTR_ERR(hw);
			goto err;
		}
		simgpio_hw_boards[i] = hw;
		ret = gpioclx_client_probe_result(&gpioclx_sim_driver, &hw->pdev->dev);
		if (ret) {
			simgpio_hw_refuse(i, ret);
			/*
			 * A deferral would bind later, behind a load already
			 * refused; it and the other kernel-internal errnos
			 * (512 and up) mean nothing to insmod.
			 */
			if (ret <= -512)
				ret = -ENODEV;
			goto err;
		}
	}
	return 0;

err:
	gpioclx_client_driver_unregister(&gpioclx_sim_driver);
err_boards:
	simgpio_hw_destroy_all();
	return ret;
}
module_init(simgpio_hw_init);

static void __exit simgpio_hw_exit(void)
{
	gpioclx_client_driver_unregister(&gpioclx_sim_driver);
	simgpio_hw_destroy_all();
}
module_exit(simgpio_hw_exit);
