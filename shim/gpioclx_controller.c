// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_controller.c - a controller's life: probe brings it up the way
 * GpioClx does (EvtDriverDeviceAdd, PrepareController,
 * QueryControllerBasicInformation, StartController), then registers the
 * gpio_chip; remove takes it down in reverse (StopController(SaveContext=
 * FALSE), ReleaseController). Client calls are undone explicitly, in the
 * driver's .remove and on the probe's error path, not by devm: devres runs
 * only after the bus has switched the device off. devm keeps memory and
 * the memory regions.
 */
#include <linux/irq.h>
#include <linux/slab.h>

#include "gpioclx_internal.h"
#include "gpioclx_object.h"

/*
 * A client callback failed the probe. dev_err(), not dev_err_probe(): on
 * some kernels (Debian's 6.1 among them) that one says nothing for
 * -ENOMEM, taking an allocator's warning to have said it already, and a
 * client's STATUS_INSUFFICIENT_RESOURCES leaves none. No NTSTATUS maps to
 * -EPROBE_DEFER, the one errno dev_err_probe() is for.
 */
static int gpioclx_fail(struct device *dev, const char *what, NTSTATUS status)
{
	int err = gpioclx_status_to_errno(status) ?: -EIO;

	dev_err(dev, "%s failed: NTSTATUS %#010x (%d)\n", what, (u32)status, err);
	return err;
}

/*
 * The raw and translated CM resource lists: memory resources first, then
 * serial bus connections, then interrupts in resource order (the n-th
 * serves bank n by default). Raw interrupts carry the hardware irq number,
 * translated ones the Linux irq.
 * gpioclx-api: CmResourceTypePort, CmResourceTypeDma, CmResourceTypeDeviceSpecific,
 *	CmResourceTypeBusNumber, CmResourceTypeMemoryLarge; not: the lists hold memory,
 *	connection and interrupt resources only
 * gpioclx-api: CmResourceTypeConnection, CM_RESOURCE_CONNECTION_CLASS_SERIAL,
 *	CM_RESOURCE_CONNECTION_TYPE_SERIAL_I2C; linux: a controller bound as an i2c_client gets one,
 *	its own connection id (gpioclx_connection.c)
 */
static int gpioclx_build_resources(struct gpioclx_controller *ctrl, const struct resource *mem,
				   unsigned int nmem, const u64 *conns, unsigned int nconns,
				   const int *irqs, unsigned int nirqs)
{
	unsigned int i, n = nmem + nconns + nirqs;
	CM_PARTIAL_RESOURCE_DESCRIPTOR *raw, *xlat;

	raw = devm_kcalloc(ctrl->dev, n ?: 1, sizeof(*raw), GFP_KERNEL);
	xlat = devm_kcalloc(ctrl->dev, n ?: 1, sizeof(*xlat), GFP_KERNEL);
	ctrl->parent_irqs = devm_kcalloc(ctrl->dev, nirqs ?: 1, sizeof(int), GFP_KERNEL);
	if (!raw || !xlat || !ctrl->parent_irqs)
		return -ENOMEM;

	for (i = 0; i < nmem; i++) {
		xlat[i].Type = CmResourceTypeMemory;
		xlat[i].ShareDisposition = CmResourceShareDeviceExclusive;
		xlat[i].Flags = CM_RESOURCE_MEMORY_READ_WRITE;
		xlat[i].u.Memory.Start.QuadPart = mem[i].start;
		xlat[i].u.Memory.Length = resource_size(&mem[i]);
		raw[i] = xlat[i];
	}
	for (i = 0; i < nconns; i++) {
		CM_PARTIAL_RESOURCE_DESCRIPTOR *t = &xlat[nmem + i];

		t->Type = CmResourceTypeConnection;
		t->ShareDisposition = CmResourceShareDeviceExclusive;
		t->u.Connection.Class = CM_RESOURCE_CONNECTION_CLASS_SERIAL;
		t->u.Connection.Type = CM_RESOURCE_CONNECTION_TYPE_SERIAL_I2C;
		t->u.Connection.IdLowPart = lower_32_bits(conns[i]);
		t->u.Connection.IdHighPart = upper_32_bits(conns[i]);
		raw[nmem + i] = *t;
	}
	for (i = 0; i < nirqs; i++) {
		unsigned int at = nmem + nconns + i;
		CM_PARTIAL_RESOURCE_DESCRIPTOR *r = &raw[at], *t = &xlat[at];
		struct irq_data *d = irq_get_irq_data(irqs[i]);

		t->Type = CmResourceTypeInterrupt;
		t->ShareDisposition = CmResourceShareShared;
		t->Flags = irq_get_trigger_type(irqs[i]) & IRQ_TYPE_EDGE_BOTH ?
			   CM_RESOURCE_INTERRUPT_LATCHED : CM_RESOURCE_INTERRUPT_LEVEL_SENSITIVE;
		t->u.Interrupt.Level = irqs[i];
		t->u.Interrupt.Vector = irqs[i];
		t->u.Interrupt.Affinity = (KAFFINITY)-1;
		*r = *t;
		if (d)
			r->u.Interrupt.Vector = irqd_to_hwirq(d);
		ctrl->parent_irqs[i] = irqs[i];
	}
	ctrl->raw = (struct gpioclx_reslist){ .count = n, .descs = raw };
	ctrl->translated = (struct gpioclx_reslist){ .count = n, .descs = xlat };
	ctrl->nparents = nirqs;
	return 0;
}

/*
 * gpioclx-api: CLIENT_ReleaseController; linux: the driver's .remove, and a probe that fails
 *	after PrepareController was called
 */
static void gpioclx_release(struct gpioclx_controller *ctrl)
{
	NTSTATUS status;

	status = ctrl->cb->CLIENT_ReleaseController((WDFDEVICE)ctrl, ctrl->context);
	gpioclx_note_call(ctrl, GPIOCLX_CB_RELEASE, 0, 0, status);
	if (!NT_SUCCESS(status))
		gpioclx_call_err(ctrl, GPIOCLX_CB_RELEASE, 0, status);
}

/*
 * gpioclx-api: CLIENT_StopController; linux: the driver's .remove (D3Final); system and
 *	runtime suspend (SaveContext, D3: gpioclx_pm.c)
 */
static void gpioclx_stop(struct gpioclx_controller *ctrl)
{
	NTSTATUS status;

	status = ctrl->cb->CLIENT_StopController(ctrl->context, FALSE, WdfPowerDeviceD3Final);
	gpioclx_note_call(ctrl, GPIOCLX_CB_STOP, 0, 0, status);
	if (!NT_SUCCESS(status))
		gpioclx_call_err(ctrl, GPIOCLX_CB_STOP, 0, status);
	ctrl->started = false;
}

static int gpioclx_banks_init(struct gpioclx_controller *ctrl)
{
	unsigned int b;

	ctrl->banks = devm_kcalloc(ctrl->dev, ctrl->nbanks, sizeof(*ctrl->banks), GFP_KERNEL);
	if (!ctrl->banks)
		return -ENOMEM;
	for (b = 0; b < ctrl->nbanks; b++) {
		struct gpioclx_bank *bank = &ctrl->banks[b];

		bank->ctrl = ctrl;
		bank->id = b;
		bank->base = b * ctrl->ppb;
		bank->npins = min(ctrl->ppb, ctrl->total_pins - bank->base);
		/* sized by the bank: most controllers have far fewer than 64 pins */
		bank->pins = devm_kcalloc(ctrl->dev, bank->npins, sizeof(*bank->pins), GFP_KERNEL);
		if (!bank->pins)
			return -ENOMEM;
		raw_spin_lock_init(&bank->raw_lock);
		mutex_init(&bank->mutex);
	}
	return 0;
}

/**
 * gpioclx_controller_probe - bring up one controller for a client
 * @dev: the device being bound
 * @gdrv: the client driver that matched it
 * @mem: its memory resources
 * @nmem: how many
 * @conns: the resource hub ids of its serial bus connections
 * @nconns: how many
 * @irqs: its interrupts, as Linux irq numbers, in resource order
 * @nirqs: how many
 *
 * Every client call made here is undone here on failure, before the bus
 * sees the error and switches the device off; on success
 * gpioclx_controller_remove() undoes them from the driver's .remove.
 *
 * Return: 0, or a negative errno with a log line naming the step.
 */
int gpioclx_controller_probe(struct device *dev, struct gpioclx_driver *gdrv,
			     struct resource *mem, unsigned int nmem,
			     const u64 *conns, unsigned int nconns,
			     const int *irqs, unsigned int nirqs)
{
	struct WDFDEVICE_INIT init = { .dev = dev, .gdrv = gdrv };
	struct gpioclx_controller *ctrl;
	NTSTATUS status;
	unsigned int i;
	int ret;

	if (!gdrv || !gdrv->registered)
		return dev_err_probe(dev, -ENODEV, "client driver is not registered\n");

	status = gdrv->config.EvtDriverDeviceAdd((WDFDRIVER)gdrv, &init);
	if (!NT_SUCCESS(status))
		return gpioclx_fail(dev, "EvtDriverDeviceAdd", status);
	ctrl = init.ctrl;
	if (!ctrl)
		return dev_err_probe(dev, -EINVAL,
				     "EvtDriverDeviceAdd succeeded without WdfDeviceCreate\n");

	ret = gpioclx_build_resources(ctrl, mem, nmem, conns, nconns, irqs, nirqs);
	if (ret)
		goto err_objects;
	for (i = 0; i < nmem; i++) {
		if (!devm_request_mem_region(dev, mem[i].start, resource_size(&mem[i]),
					     dev_name(dev))) {
			ret = dev_err_probe(dev, -EBUSY, "memory %pR is in use\n", &mem[i]);
			goto err_objects;
		}
	}

	/* gpioclx-api: CLIENT_PrepareController; linux: probe, with the device's resources */
	status = ctrl->cb->CLIENT_PrepareController((WDFDEVICE)ctrl, ctrl->context,
						     (WDFCMRESLIST)&ctrl->raw,
						     (WDFCMRESLIST)&ctrl->translated);
	gpioclx_note_call(ctrl, GPIOCLX_CB_PREPARE, 0, 0, status);
	if (!NT_SUCCESS(status)) {
		/* WDF calls EvtDeviceReleaseHardware after a failed PrepareHardware */
		ret = gpioclx_fail(dev, gpioclx_cb_names[GPIOCLX_CB_PREPARE], status);
		goto err_release;
	}

	/*
	 * gpioclx-api: CLIENT_QueryControllerBasicInformation; linux: probe: the banks and
	 *	the gpio_chip's ngpio
	 * Zeroed: clients (simgpio among them) fill only what they know.
	 */
	memset(&ctrl->info, 0, sizeof(ctrl->info));
	status = ctrl->cb->CLIENT_QueryControllerBasicInformation(ctrl->context, &ctrl->info);
	gpioclx_note_call(ctrl, GPIOCLX_CB_QUERY_BASIC_INFO, 0, 0, status);
	if (!NT_SUCCESS(status)) {
		ret = gpioclx_fail(dev, gpioclx_cb_names[GPIOCLX_CB_QUERY_BASIC_INFO], status);
		goto err_release;
	}
	ret = -EINVAL;
	if (!NT_SUCCESS(gpioclx_basic_info_validate(ctrl)))
		goto err_release;
	ret = gpioclx_banks_init(ctrl);
	if (ret)
		goto err_release;

	/*
	 * gpioclx-api: CLIENT_StartController; linux: probe (D3Final); system and runtime
	 *	resume (RestoreContext, D3: gpioclx_pm.c)
	 */
	status = ctrl->cb->CLIENT_StartController(ctrl->context, FALSE, WdfPowerDeviceD3Final);
	gpioclx_note_call(ctrl, GPIOCLX_CB_START, 0, 0, status);
	if (!NT_SUCCESS(status)) {
		ret = gpioclx_fail(dev, gpioclx_cb_names[GPIOCLX_CB_START], status);
		goto err_release;
	}
	ctrl->started = true;
	dev_set_drvdata(dev, ctrl);
	ret = gpioclx_pm_setup(ctrl);
	if (ret) {
		dev_err_probe(dev, ret, "runtime power management\n");
		goto err_stop;
	}
	ret = gpioclx_gpiochip_setup(ctrl);
	if (ret)
		goto err_pm;
	gpioclx_debugfs_add(ctrl);
	dev_info(dev, "%s: %u lines in %u bank(s) of %u, %s\n", gdrv->name, ctrl->total_pins,
		 ctrl->nbanks, ctrl->ppb, ctrl->mm ? "memory-mapped" : "serially connected");
	return 0;

err_pm:
	gpioclx_pm_wake_for_removal(ctrl);
	gpioclx_pm_removed(ctrl);
err_stop:
	gpioclx_stop(ctrl);
	dev_set_drvdata(dev, NULL);
err_release:
	gpioclx_release(ctrl);
err_objects:
	/* WDF deletes a failed device's children, those made in DeviceAdd too */
	gpioclx_object_delete_children(ctrl);
	return ret;
}

/**
 * gpioclx_controller_remove - the driver's .remove
 * @dev: the bound device
 *
 * Runs before the bus gates the clock or detaches the power domain
 * (amba_remove, platform_remove), so the client still reaches its
 * hardware: the gpio_chip goes first, then what consumers left behind
 * (enabled interrupts, connected lines) is disabled and disconnected, then
 * StopController(SaveContext=FALSE, D3Final) and ReleaseController.
 */
void gpioclx_controller_remove(struct device *dev)
{
	struct gpioclx_controller *ctrl = dev_get_drvdata(dev);

	if (!ctrl)
		return;
	gpioclx_debugfs_remove(ctrl);
	gpioclx_pm_wake_for_removal(ctrl);
	gpioclx_gpiochip_teardown(ctrl);
	gpioclx_irq_disable_all(ctrl);
	gpioclx_disconnect_all(ctrl);
	gpioclx_stop(ctrl);
	gpioclx_pm_removed(ctrl);
	gpioclx_release(ctrl);
	/* WDF deletes the device's child objects (the client's I/O targets) after release */
	gpioclx_object_delete_children(ctrl);
	dev_set_drvdata(dev, NULL);
}
