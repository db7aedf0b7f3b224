// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_driver.c - hosting client modules: the Linux glue registration,
 * the WDF driver and device objects, and the GPIO_CLX_* registration
 * methods a client calls from DriverEntry and EvtDriverDeviceAdd.
 *
 * A client module's init calls gpioclx_client_driver_register(), which runs
 * the client's DriverEntry. DriverEntry calls WdfDriverCreate() (we keep
 * its config: EvtDriverDeviceAdd, EvtDriverUnload) and
 * GPIO_CLX_RegisterClient() (we validate and keep a copy of the packet).
 * Then a platform driver (and an AMBA driver for primecells) is registered;
 * its probe hands the device to gpioclx_controller_probe().
 */
#include <linux/amba/bus.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "gpioclx_internal.h"

static LIST_HEAD(gpioclx_drivers);
static DEFINE_MUTEX(gpioclx_drivers_lock);

/* PDRIVER_OBJECT is opaque to clients: ours is the gpioclx_driver itself. */
static struct gpioclx_driver *gpioclx_driver_from_object(PDRIVER_OBJECT object)
{
	struct gpioclx_driver *gdrv, *found = NULL;

	mutex_lock(&gpioclx_drivers_lock);
	list_for_each_entry(gdrv, &gpioclx_drivers, link)
		if ((PDRIVER_OBJECT)gdrv == object)
			found = gdrv;
	mutex_unlock(&gpioclx_drivers_lock);
	return found;
}

/* The driver behind a WDFDRIVER handle, if it is one of ours. */
struct gpioclx_driver *gpioclx_driver_lookup(WDFDRIVER driver)
{
	struct gpioclx_driver *gdrv = gpioclx_driver_from_object((PDRIVER_OBJECT)driver);

	return gdrv && gdrv->created ? gdrv : NULL;
}

/*
 * gpioclx-api: WdfDriverCreate; linux: keeps the WDF_DRIVER_CONFIG; the client module's init
 *	then registers a platform_driver (and an amba_driver) with the glue's match tables
 * gpioclx-api: WDF_DRIVER_CONFIG.EvtDriverDeviceAdd; linux: the platform or AMBA driver's probe
 * gpioclx-api: WDF_DRIVER_CONFIG.EvtDriverUnload; linux: called at module exit, after every
 *	device is unbound
 * gpioclx-api: WDF_DRIVER_CONFIG.DriverInitFlags; not: ignored
 * Of the WDF_OBJECT_ATTRIBUTES here and in WdfDeviceCreate() only Size is checked: no
 * callbacks or contexts on the driver and device objects (the client's context is the
 * ControllerContextSize block of its registration packet); the objects a client creates
 * itself have them (gpioclx_object.c).
 * gpioclx-api: WDF_OBJECT_ATTRIBUTES.ExecutionLevel, WDF_OBJECT_ATTRIBUTES.SynchronizationScope;
 *	not: ignored
 */
NTSTATUS WdfDriverCreate(PDRIVER_OBJECT DriverObject, PCUNICODE_STRING RegistryPath,
			 PWDF_OBJECT_ATTRIBUTES DriverAttributes,
			 PWDF_DRIVER_CONFIG DriverConfig, WDFDRIVER *Driver)
{
	struct gpioclx_driver *gdrv = gpioclx_driver_from_object(DriverObject);

	if (!gdrv || !RegistryPath) {
		pr_err("gpioclx: %s: not called from a DriverEntry the shim ran\n", __func__);
		return STATUS_INVALID_PARAMETER;
	}
	if (!DriverConfig || DriverConfig->Size != sizeof(*DriverConfig)) {
		pr_err("gpioclx: %s: %s: bad WDF_DRIVER_CONFIG (use WDF_DRIVER_CONFIG_INIT)\n",
		       gdrv->name, __func__);
		return STATUS_INVALID_PARAMETER;
	}
	if (DriverAttributes && DriverAttributes->Size != sizeof(*DriverAttributes)) {
		pr_err("gpioclx: %s: %s: bad WDF_OBJECT_ATTRIBUTES\n", gdrv->name, __func__);
		return STATUS_INVALID_PARAMETER;
	}
	if (gdrv->created) {
		pr_err("gpioclx: %s: %s called twice\n", gdrv->name, __func__);
		return STATUS_INVALID_DEVICE_STATE;
	}
	gdrv->config = *DriverConfig;
	gdrv->created = true;
	if (Driver)
		*Driver = (WDFDRIVER)gdrv;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(WdfDriverCreate, GPIOCLX_NS);

/*
 * gpioclx-api: WdfDriverWdmGetDriverObject; linux: the DriverObject DriverEntry was given,
 *	which is only a handle (a client can pass it to WdfDriverCreate, no more)
 */
PDRIVER_OBJECT WdfDriverWdmGetDriverObject(WDFDRIVER Driver)
{
	struct gpioclx_driver *gdrv = gpioclx_driver_lookup(Driver);

	if (!gdrv) {
		pr_err("gpioclx: %s: Driver is not a WDFDRIVER from WdfDriverCreate\n", __func__);
		return NULL;
	}
	return (PDRIVER_OBJECT)gdrv;
}
EXPORT_SYMBOL_NS_GPL(WdfDriverWdmGetDriverObject, GPIOCLX_NS);

/* gpioclx-api: GPIO_CLX_RegisterClient; linux: validates the packet and keeps a copy */
NTSTATUS GPIO_CLX_RegisterClient(WDFDRIVER Driver,
				 PGPIO_CLIENT_REGISTRATION_PACKET RegistrationPacket,
				 PUNICODE_STRING RegistryPath)
{
	GPIO_CLIENT_REGISTRATION_PACKET copy = {};
	struct gpioclx_driver *gdrv;
	NTSTATUS status;
	USHORT size;

	if (!Driver || !RegistrationPacket || !RegistryPath) {
		pr_err("gpioclx: %s: NULL %s\n", __func__,
		       !Driver ? "Driver" : !RegistrationPacket ? "RegistrationPacket" :
		       "RegistryPath");
		return STATUS_INVALID_PARAMETER;
	}
	gdrv = gpioclx_driver_lookup(Driver);
	if (!gdrv) {
		pr_err("gpioclx: %s: Driver is not a WDFDRIVER from WdfDriverCreate\n", __func__);
		return STATUS_INVALID_PARAMETER;
	}
	if (gdrv->registered) {
		pr_err("gpioclx: %s: %s called twice\n", gdrv->name, __func__);
		return STATUS_INVALID_PARAMETER;
	}
	/* Read no further than the packet's own Size says it is. */
	size = min_t(USHORT, RegistrationPacket->Size, sizeof(copy));
	if (size < offsetof(GPIO_CLIENT_REGISTRATION_PACKET, CLIENT_PrepareController))
		size = offsetof(GPIO_CLIENT_REGISTRATION_PACKET, CLIENT_PrepareController);
	memcpy(&copy, RegistrationPacket, size);
	copy.Size = RegistrationPacket->Size;
	status = gpioclx_packet_validate(gdrv->name, &copy);
	if (!NT_SUCCESS(status))
		return status;
	gdrv->packet = copy;
	gdrv->registered = true;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(GPIO_CLX_RegisterClient, GPIOCLX_NS);

/* gpioclx-api: GPIO_CLX_UnregisterClient; linux: forgets the registration (module exit) */
NTSTATUS GPIO_CLX_UnregisterClient(WDFDRIVER Driver)
{
	struct gpioclx_driver *gdrv = Driver ? gpioclx_driver_lookup(Driver) : NULL;

	if (!gdrv || !gdrv->registered) {
		pr_err("gpioclx: %s: driver is not registered\n", __func__);
		return STATUS_NOT_FOUND;
	}
	gdrv->registered = false;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(GPIO_CLX_UnregisterClient, GPIOCLX_NS);

/* gpioclx-api: GPIO_CLX_ProcessAddDevicePreDeviceCreate; linux: fills FdoAttributes (probe) */
NTSTATUS GPIO_CLX_ProcessAddDevicePreDeviceCreate(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit,
						  PWDF_OBJECT_ATTRIBUTES FdoAttributes)
{
	struct gpioclx_driver *gdrv = Driver ? gpioclx_driver_lookup(Driver) : NULL;

	if (!gdrv || !gdrv->registered || !DeviceInit || !FdoAttributes ||
	    DeviceInit->gdrv != gdrv) {
		pr_err("gpioclx: %s: %s\n", __func__,
		       !gdrv || !gdrv->registered ? "driver is not registered" :
		       "bad DeviceInit or FdoAttributes");
		return STATUS_INVALID_PARAMETER;
	}
	WDF_OBJECT_ATTRIBUTES_INIT(FdoAttributes);
	DeviceInit->pre_device_create_done = true;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(GPIO_CLX_ProcessAddDevicePreDeviceCreate, GPIOCLX_NS);

/*
 * gpioclx-api: WdfDeviceCreate; linux: devm_kzalloc() of the controller and the client's
 *	ControllerContextSize context, in probe
 */
NTSTATUS WdfDeviceCreate(PWDFDEVICE_INIT *DeviceInit, PWDF_OBJECT_ATTRIBUTES DeviceAttributes,
			 WDFDEVICE *Device)
{
	struct gpioclx_controller *ctrl;
	struct WDFDEVICE_INIT *init;
	unsigned int i;
	size_t size;
	void *block;

	if (!DeviceInit || !*DeviceInit || !Device) {
		pr_err("gpioclx: %s: NULL argument\n", __func__);
		return STATUS_INVALID_PARAMETER;
	}
	init = *DeviceInit;
	if (!init->pre_device_create_done || init->ctrl) {
		dev_err(init->dev, "%s without GPIO_CLX_ProcessAddDevicePreDeviceCreate\n",
			__func__);
		return STATUS_INVALID_DEVICE_STATE;
	}
	if (DeviceAttributes && DeviceAttributes->Size != sizeof(*DeviceAttributes)) {
		dev_err(init->dev, "%s: bad WDF_OBJECT_ATTRIBUTES\n", __func__);
		return STATUS_INVALID_PARAMETER;
	}
	/*
	 * The client's context is aligned as WDF aligns object contexts
	 * (MEMORY_ALLOCATION_ALIGNMENT, 16), and so the controller around
	 * it. A devres allocation is only as aligned as its header lets it
	 * be (ARCH_KMALLOC_MINALIGN in 6.1, ARCH_DMA_MINALIGN since: 8 on
	 * x86_64): allocate the slack and align by hand; devres frees the
	 * whole block.
	 */
	size = struct_size(ctrl, context, init->gdrv->packet.ControllerContextSize);
	block = devm_kzalloc(init->dev, size + __alignof__(*ctrl) - 1, GFP_KERNEL);
	if (!block)
		return STATUS_INSUFFICIENT_RESOURCES;
	ctrl = PTR_ALIGN(block, __alignof__(*ctrl));
	ctrl->magic = GPIOCLX_CONTROLLER_MAGIC;
	ctrl->ppb_shift = -1;		/* no geometry until QueryControllerBasicInformation */
	ctrl->dev = init->dev;
	ctrl->gdrv = init->gdrv;
	ctrl->cb = &init->gdrv->packet;
	mutex_init(&ctrl->passive_mutex);
	raw_spin_lock_init(&ctrl->passive_lock);
	for (i = 0; i < ARRAY_SIZE(ctrl->call_err_ratelimit); i++)
		ratelimit_state_init(&ctrl->call_err_ratelimit[i], DEFAULT_RATELIMIT_INTERVAL,
				     DEFAULT_RATELIMIT_BURST);
	ctrl->counters = devm_alloc_percpu(init->dev, struct gpioclx_counters);
	if (!ctrl->counters)
		return STATUS_INSUFFICIENT_RESOURCES;
	init->ctrl = ctrl;
	*DeviceInit = NULL;	/* WDF consumes the init structure */
	*Device = (WDFDEVICE)ctrl;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(WdfDeviceCreate, GPIOCLX_NS);

/* gpioclx-api: GPIO_CLX_ProcessAddDevicePostDeviceCreate; linux: checks Device (probe) */
NTSTATUS GPIO_CLX_ProcessAddDevicePostDeviceCreate(WDFDRIVER Driver, WDFDEVICE Device)
{
	struct gpioclx_driver *gdrv = Driver ? gpioclx_driver_lookup(Driver) : NULL;
	struct gpioclx_controller *ctrl = (struct gpioclx_controller *)Device;

	if (!gdrv || !gdrv->registered || !ctrl || ctrl->magic != GPIOCLX_CONTROLLER_MAGIC ||
	    ctrl->gdrv != gdrv) {
		pr_err("gpioclx: %s: %s\n", __func__,
		       !gdrv || !gdrv->registered ? "driver is not registered" :
		       "Device is not from WdfDeviceCreate");
		return STATUS_INVALID_PARAMETER;
	}
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(GPIO_CLX_ProcessAddDevicePostDeviceCreate, GPIOCLX_NS);

/*
 * gpioclx-api: WdfCmResourceListGetCount, WdfCmResourceListGetDescriptor; linux: the
 *	device's memory resources, then its interrupts (gpioclx_build_resources())
 */
ULONG WdfCmResourceListGetCount(WDFCMRESLIST List)
{
	const struct gpioclx_reslist *list = (const struct gpioclx_reslist *)List;

	return list ? list->count : 0;
}
EXPORT_SYMBOL_NS_GPL(WdfCmResourceListGetCount, GPIOCLX_NS);

PCM_PARTIAL_RESOURCE_DESCRIPTOR WdfCmResourceListGetDescriptor(WDFCMRESLIST List, ULONG Index)
{
	const struct gpioclx_reslist *list = (const struct gpioclx_reslist *)List;

	return list && Index < list->count ? &list->descs[Index] : NULL;
}
EXPORT_SYMBOL_NS_GPL(WdfCmResourceListGetDescriptor, GPIOCLX_NS);

/* gpioclx-api: RtlAssert; linux: WARN() with the client's file and line */
VOID RtlAssert(PVOID VoidFailedAssertion, PVOID VoidFileName, ULONG LineNumber,
	       PSTR MutableMessage)
{
	WARN(1, "gpioclx: client assertion failed: %s:%u: NT_ASSERT(%s)%s%s\n",
	     (const char *)VoidFileName, LineNumber, (const char *)VoidFailedAssertion,
	     MutableMessage ? ": " : "", MutableMessage ? MutableMessage : "");
}
EXPORT_SYMBOL_NS_GPL(RtlAssert, GPIOCLX_NS);

/* Which of our glue structures bound this device. */
static struct gpioclx_driver *gpioclx_driver_of_platform(struct platform_device *pdev)
{
	struct platform_driver *pdrv = to_platform_driver(pdev->dev.driver);

	return container_of(pdrv, struct gpioclx_client_driver, platform)->gdrv;
}

/*
 * How the most recent probe ended, for gpioclx_client_probe_result(). A
 * lock of its own: probe runs under device_lock, and the driver list's
 * lock is held around driver registration.
 */
static DEFINE_SPINLOCK(gpioclx_probe_record_lock);

/* Remember how the probe of @dev ended, for gpioclx_client_probe_result(). */
int gpioclx_note_probe(struct gpioclx_driver *gdrv, struct device *dev, int ret)
{
	spin_lock(&gpioclx_probe_record_lock);
	gdrv->probed_dev = dev;
	gdrv->probe_ret = ret;
	spin_unlock(&gpioclx_probe_record_lock);
	return ret;
}

static int gpioclx_platform_probe(struct platform_device *pdev)
{
	struct gpioclx_driver *gdrv = gpioclx_driver_of_platform(pdev);
	struct resource mem[4];
	int irqs[32];
	unsigned int nmem = 0, nirqs = 0;
	struct resource *res;
	int irq;

	while (nmem < ARRAY_SIZE(mem) &&
	       (res = platform_get_resource(pdev, IORESOURCE_MEM, nmem)))
		mem[nmem++] = *res;
	while (nirqs < ARRAY_SIZE(irqs)) {
		irq = platform_get_irq_optional(pdev, nirqs);
		if (irq == -EPROBE_DEFER)
			return gpioclx_note_probe(gdrv, &pdev->dev, irq);
		if (irq <= 0)
			break;
		irqs[nirqs++] = irq;
	}
	/* the client gets every resource or none: a list cut short misleads it */
	if (platform_get_resource(pdev, IORESOURCE_MEM, nmem) ||
	    (nirqs == ARRAY_SIZE(irqs) && platform_get_irq_optional(pdev, nirqs) > 0)) {
		dev_err(&pdev->dev, "more than %zu memory or %zu interrupt resources\n",
			ARRAY_SIZE(mem), ARRAY_SIZE(irqs));
		return gpioclx_note_probe(gdrv, &pdev->dev, -E2BIG);
	}
	return gpioclx_note_probe(gdrv, &pdev->dev,
				  gpioclx_controller_probe(&pdev->dev, gdrv, mem, nmem, NULL, 0,
							   irqs, nirqs));
}

static void gpioclx_platform_remove(struct platform_device *pdev)
{
	gpioclx_controller_remove(&pdev->dev);
}

#if IS_ENABLED(CONFIG_ARM_AMBA)
/*
 * amba_probe enables runtime PM and holds a reference around probe; a
 * controller that idles gives that reference back once bound, and takes
 * it again for amba_remove to drop.
 */
static int gpioclx_amba_probe(struct amba_device *adev, const struct amba_id *id)
{
	struct amba_driver *adrv = container_of(adev->dev.driver, struct amba_driver, drv);
	struct gpioclx_client_driver *glue = container_of(adrv, struct gpioclx_client_driver, amba);
	struct gpioclx_controller *ctrl;
	int irqs[AMBA_NR_IRQS];
	unsigned int nirqs = 0;
	int ret;

	while (nirqs < AMBA_NR_IRQS && adev->irq[nirqs] > 0) {
		irqs[nirqs] = adev->irq[nirqs];
		nirqs++;
	}
	ret = gpioclx_note_probe(glue->gdrv, &adev->dev,
				 gpioclx_controller_probe(&adev->dev, glue->gdrv, &adev->res, 1, NULL, 0,
							  irqs, nirqs));
	ctrl = ret ? NULL : dev_get_drvdata(&adev->dev);
	if (ctrl && ctrl->runtime_pm)
		pm_runtime_put_autosuspend(&adev->dev);
	return ret;
}

static void gpioclx_amba_remove(struct amba_device *adev)
{
	struct gpioclx_controller *ctrl = dev_get_drvdata(&adev->dev);

	if (ctrl && ctrl->runtime_pm)
		pm_runtime_get_noresume(&adev->dev);
	gpioclx_controller_remove(&adev->dev);
}
#endif

/* "\Registry\Machine\...\Services\<name>", as DriverEntry would see it. */
static void gpioclx_init_registry_path(struct gpioclx_driver *gdrv)
{
	static const char prefix[] = "\\Registry\\Machine\\System\\CurrentControlSet\\Services\\";
	size_t i, n = 0, max = ARRAY_SIZE(gdrv->registry_path_buf);
	const char *const parts[] = { prefix, gdrv->name };

	for (i = 0; i < ARRAY_SIZE(parts); i++) {
		const char *s = parts[i];

		while (*s && n < max)
			gdrv->registry_path_buf[n++] = (WCHAR)*s++;
	}
	gdrv->registry_path.Buffer = gdrv->registry_path_buf;
	gdrv->registry_path.Length = n * sizeof(WCHAR);
	gdrv->registry_path.MaximumLength = max * sizeof(WCHAR);
}

/**
 * gpioclx_client_driver_register - host a client module
 * @drv: the client's glue structure (see gpioclx_client.h)
 * @owner: the client module
 *
 * Runs the client's DriverEntry, then registers the Linux drivers that bind
 * its devices. Return: 0, or a negative errno (logged) if DriverEntry fails
 * or registers nothing.
 */
int gpioclx_client_driver_register(struct gpioclx_client_driver *drv, struct module *owner)
{
	struct gpioclx_driver *gdrv;
	NTSTATUS status;
	int ret;

	if (!drv || !drv->name || !drv->driver_entry)
		return -EINVAL;
	gdrv = kzalloc(sizeof(*gdrv), GFP_KERNEL);
	if (!gdrv)
		return -ENOMEM;
	gdrv->glue = drv;
	gdrv->owner = owner;
	gdrv->name = drv->name;
	gpioclx_init_registry_path(gdrv);
	drv->gdrv = gdrv;
	mutex_lock(&gpioclx_drivers_lock);
	list_add(&gdrv->link, &gpioclx_drivers);
	mutex_unlock(&gpioclx_drivers_lock);

	status = drv->driver_entry((PDRIVER_OBJECT)gdrv, &gdrv->registry_path);
	if (!NT_SUCCESS(status)) {
		ret = gpioclx_status_to_errno(status);
		pr_err("gpioclx: %s: DriverEntry failed: NTSTATUS %#010x (%d)\n", drv->name,
		       (u32)status, ret);
		goto err_forget;
	}
	if (!gdrv->registered || !gdrv->config.EvtDriverDeviceAdd) {
		pr_err("gpioclx: %s: DriverEntry returned success without %s\n", drv->name,
		       !gdrv->registered ? "GPIO_CLX_RegisterClient" : "an EvtDriverDeviceAdd");
		ret = -EINVAL;
		goto err_forget;
	}

	if (drv->i2c_id_table) {
		ret = gpioclx_i2c_driver_register(drv, owner);
		if (ret)
			goto err_forget;
		return 0;
	}
	drv->platform.probe = gpioclx_platform_probe;
	gpioclx_platform_set_remove(&drv->platform, gpioclx_platform_remove);
	drv->platform.driver.name = drv->name;
	drv->platform.driver.of_match_table = drv->of_match_table;
	drv->platform.driver.acpi_match_table = drv->acpi_match_table;
	drv->platform.driver.pm = &gpioclx_pm_ops;
	drv->platform.id_table = drv->id_table;
	ret = __platform_driver_register(&drv->platform, owner);
	if (ret)
		goto err_forget;
#if IS_ENABLED(CONFIG_ARM_AMBA)
	if (drv->amba_ids) {
		drv->amba.probe = gpioclx_amba_probe;
		drv->amba.remove = gpioclx_amba_remove;
		drv->amba.drv.name = drv->name;
		drv->amba.drv.owner = owner;
		drv->amba.drv.pm = &gpioclx_pm_ops;
		drv->amba.id_table = drv->amba_ids;
		ret = amba_driver_register(&drv->amba);
		if (ret) {
			platform_driver_unregister(&drv->platform);
			goto err_forget;
		}
	}
#endif
	return 0;

err_forget:
	if (gdrv->registered && gdrv->config.EvtDriverUnload)
		gdrv->config.EvtDriverUnload((WDFDRIVER)gdrv);
	mutex_lock(&gpioclx_drivers_lock);
	list_del(&gdrv->link);
	mutex_unlock(&gpioclx_drivers_lock);
	drv->gdrv = NULL;
	kfree(gdrv);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(gpioclx_client_driver_register, GPIOCLX_NS);

/**
 * gpioclx_client_probe_result - did @dev bind through @drv, and if not, why
 * @drv: what gpioclx_client_driver_register() registered
 * @dev: a device the client's own module added (gpioclx-sim's boards)
 *
 * For a module that adds its devices itself and must not load with some of
 * them unbound. Ask right after adding the device: only the most recent
 * probe's errno is kept, and a probe that has not run yet (asynchronous
 * probing) is not waited for.
 *
 * Return: 0 if @dev is bound to @drv; else the errno of its probe, if that
 * was @drv's most recent one (told once); else -ENODEV.
 */
int gpioclx_client_probe_result(struct gpioclx_client_driver *drv, struct device *dev)
{
	struct gpioclx_driver *gdrv = drv->gdrv;
	bool bound;
	int ret = -ENODEV;

	/* dev->driver under device_lock: device_is_bound() is not exported in 6.1 */
	device_lock(dev);
	bound = !drv->i2c_id_table && dev->driver == &drv->platform.driver;
#if IS_ENABLED(CONFIG_I2C)
	bound |= drv->i2c_id_table && dev->driver == &drv->i2c.driver;
#endif
#if IS_ENABLED(CONFIG_ARM_AMBA)
	bound |= drv->amba_ids && dev->driver == &drv->amba.drv;
#endif
	device_unlock(dev);
	/*
	 * The record is read once: a later device at the same address (this
	 * one freed) must not find its errno.
	 */
	spin_lock(&gpioclx_probe_record_lock);
	if (!bound && gdrv && gdrv->probed_dev == dev && gdrv->probe_ret)
		ret = gdrv->probe_ret;
	if (gdrv && gdrv->probed_dev == dev)
		gdrv->probed_dev = NULL;
	spin_unlock(&gpioclx_probe_record_lock);
	return bound ? 0 : ret;
}
EXPORT_SYMBOL_NS_GPL(gpioclx_client_probe_result, GPIOCLX_NS);

/**
 * gpioclx_client_driver_unregister - unbind every device, unload the client
 * @drv: what gpioclx_client_driver_register() registered
 */
void gpioclx_client_driver_unregister(struct gpioclx_client_driver *drv)
{
	struct gpioclx_driver *gdrv = drv->gdrv;

	if (!gdrv)
		return;
	if (drv->i2c_id_table) {
		gpioclx_i2c_driver_unregister(drv);
	} else {
#if IS_ENABLED(CONFIG_ARM_AMBA)
		if (drv->amba_ids)
			amba_driver_unregister(&drv->amba);
#endif
		platform_driver_unregister(&drv->platform);
	}
	if (gdrv->config.EvtDriverUnload)
		gdrv->config.EvtDriverUnload((WDFDRIVER)gdrv);
	if (gdrv->registered)
		pr_warn("gpioclx: %s: EvtDriverUnload did not call GPIO_CLX_UnregisterClient\n",
			drv->name);
	mutex_lock(&gpioclx_drivers_lock);
	list_del(&gdrv->link);
	mutex_unlock(&gpioclx_drivers_lock);
	drv->gdrv = NULL;
	kfree(gdrv);
}
EXPORT_SYMBOL_NS_GPL(gpioclx_client_driver_unregister, GPIOCLX_NS);
