/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gpioclx_mmio_model.h - register blocks implemented in software.
 *
 * A simulated controller (drivers/sim) or a test's model of real silicon
 * (kunit/) registers a model here and gets a free physical window in
 * iomem_resource. It puts that window into its device's memory resource;
 * when the client maps it with MmMapIoSpace(Ex), the shim returns a cookie
 * whose READ_REGISTER_* / WRITE_REGISTER_* accesses call the model's ops,
 * with the byte offset into the window and the access width (1, 2, 4, 8).
 * This works on every kernel, UML included. It is built only with
 * CONFIG_GPIOCLX_MMIO_MODEL (selected by the simulator and the KUnit
 * suites; always in out-of-tree builds, which build the simulator), and
 * costs real hardware a static key that is off until a model is registered.
 *
 * Ops may be called in any context, with interrupts off and raw spinlocks
 * held (they back a memory-mapped controller), so they must not sleep.
 */
#ifndef GPIOCLX_MMIO_MODEL_H
#define GPIOCLX_MMIO_MODEL_H

#include <linux/ioport.h>
#include <linux/types.h>

struct gpioclx_mmio_model_ops {
	u64 (*read)(void *priv, unsigned long offset, unsigned int width);
	void (*write)(void *priv, unsigned long offset, u64 value, unsigned int width);
};

struct gpioclx_mmio_model;

/*
 * Register a model of @size bytes. On success *window is the physical range
 * it answers at, for the device's memory resource. The shim reserves a
 * slightly larger, non-busy range in iomem_resource so that the device's
 * resource nests inside it: unregister the device before removing the
 * model.
 */
struct gpioclx_mmio_model *gpioclx_mmio_model_add(const char *name, size_t size,
						  const struct gpioclx_mmio_model_ops *ops,
						  void *priv, struct resource *window);
/*
 * Register a model answering at all of @window, a range its device already
 * claims (firmware named it: an ACPI _CRS memory resource), so that the
 * client's mapping of the whole resource reaches it; offsets past the
 * model's registers are the model's to refuse. Nothing is reserved: the
 * device's resource is the claim. -EINVAL if @window is not memory or
 * larger than GPIOCLX_MMIO_MODEL_MAX_AT, -EBUSY if another model answers
 * there.
 */
#define GPIOCLX_MMIO_MODEL_MAX_AT	0x10000
struct gpioclx_mmio_model *gpioclx_mmio_model_add_at(const char *name,
						     const struct resource *window,
						     const struct gpioclx_mmio_model_ops *ops,
						     void *priv);
void gpioclx_mmio_model_remove(struct gpioclx_mmio_model *model);

#endif /* GPIOCLX_MMIO_MODEL_H */
