// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_mmio_model.c - register blocks implemented in software, for the
 * simulator and the KUnit suites (gpioclx_mmio_model.h). Built only with
 * CONFIG_GPIOCLX_MMIO_MODEL, which they select.
 *
 * A model window is an iomem_resource range the shim allocated; mapping it
 * returns a cookie from a private buffer and every access through the
 * cookie calls the model instead of touching memory. Until the first model
 * is registered a static key keeps gpioclx_mmio.c's accessors at a plain
 * readl()/writel().
 */
#include <linux/jump_label.h>
#include <linux/module.h>
#include <linux/rculist.h>
#include <linux/slab.h>

#include "gpioclx_internal.h"
#include "gpioclx_mmio_hooks.h"
#include "gpioclx_mmio_model.h"

struct gpioclx_mmio_model {
	struct list_head link;
	struct resource window;		/* where it answers */
	bool reserved;			/* window is ours, in iomem_resource */
	const struct gpioclx_mmio_model_ops *ops;
	void *priv;
	u8 *cookie;			/* what MmMapIoSpace hands out */
	size_t size;
	atomic_t mappings;
};

static LIST_HEAD(gpioclx_models);
static const resource_size_t gpioclx_model_floor[] = { 1ULL << 44, 1ULL << 32, 0 };
static DEFINE_MUTEX(gpioclx_models_lock);
DEFINE_STATIC_KEY_FALSE(gpioclx_models_present);

static struct gpioclx_mmio_model *gpioclx_model_alloc(const char *name, size_t size,
						      const struct gpioclx_mmio_model_ops *ops,
						      void *priv)
{
	struct gpioclx_mmio_model *model;

	if (!size || !ops || !ops->read || !ops->write)
		return ERR_PTR(-EINVAL);
	model = kzalloc(sizeof(*model), GFP_KERNEL);
	if (!model)
		return ERR_PTR(-ENOMEM);
	model->cookie = kzalloc(size, GFP_KERNEL);
	if (!model->cookie) {
		kfree(model);
		return ERR_PTR(-ENOMEM);
	}
	model->size = size;
	model->ops = ops;
	model->priv = priv;
	model->window.name = name;
	model->window.flags = IORESOURCE_MEM;
	return model;
}

static void gpioclx_model_publish(struct gpioclx_mmio_model *model)
{
	mutex_lock(&gpioclx_models_lock);
	list_add_tail_rcu(&model->link, &gpioclx_models);
	mutex_unlock(&gpioclx_models_lock);
	static_branch_inc(&gpioclx_models_present);
}

struct gpioclx_mmio_model *gpioclx_mmio_model_add(const char *name, size_t size,
						  const struct gpioclx_mmio_model_ops *ops,
						  void *priv, struct resource *window)
{
	struct gpioclx_mmio_model *model;
	unsigned int i;
	int ret;

	if (!window)
		return ERR_PTR(-EINVAL);
	model = gpioclx_model_alloc(name, size, ops, priv);
	if (IS_ERR(model))
		return model;
	/*
	 * Any free physical range will do: nothing but the model answers
	 * there. Prefer high addresses, away from legacy holes, and reserve a
	 * page more than the caller's window, so the device's own memory
	 * resource nests inside ours when the device is registered.
	 */
	ret = -EBUSY;
	for (i = 0; i < ARRAY_SIZE(gpioclx_model_floor) && ret; i++) {
		if (gpioclx_model_floor[i] >= iomem_resource.end)
			continue;
		ret = allocate_resource(&iomem_resource, &model->window,
					PAGE_ALIGN(size) + PAGE_SIZE, gpioclx_model_floor[i],
					iomem_resource.end, PAGE_SIZE, NULL, NULL);
	}
	if (ret) {
		pr_err("gpioclx: no free physical window for model %s: %d\n", name, ret);
		kfree(model->cookie);
		kfree(model);
		return ERR_PTR(ret);
	}
	model->reserved = true;
	*window = (struct resource)DEFINE_RES_MEM_NAMED(model->window.start, size, name);
	gpioclx_model_publish(model);
	return model;
}
EXPORT_SYMBOL_NS_GPL(gpioclx_mmio_model_add, GPIOCLX_NS);

/* Does a registered model answer anywhere in @window? Under gpioclx_models_lock. */
static bool gpioclx_model_overlaps(struct resource *window)
{
	struct gpioclx_mmio_model *model;

	list_for_each_entry(model, &gpioclx_models, link)
		if (resource_overlaps(&model->window, window))
			return true;
	return false;
}

struct gpioclx_mmio_model *gpioclx_mmio_model_add_at(const char *name,
						     const struct resource *window,
						     const struct gpioclx_mmio_model_ops *ops,
						     void *priv)
{
	struct gpioclx_mmio_model *model;

	if (!window || resource_type(window) != IORESOURCE_MEM ||
	    resource_size(window) > GPIOCLX_MMIO_MODEL_MAX_AT) {
		pr_err("gpioclx: model %s: %pR is not a memory window of at most %#x bytes\n",
		       name, window, GPIOCLX_MMIO_MODEL_MAX_AT);
		return ERR_PTR(-EINVAL);
	}
	model = gpioclx_model_alloc(name, resource_size(window), ops, priv);
	if (IS_ERR(model))
		return model;
	model->window.start = window->start;
	model->window.end = window->end;

	mutex_lock(&gpioclx_models_lock);
	if (gpioclx_model_overlaps(&model->window)) {
		mutex_unlock(&gpioclx_models_lock);
		pr_err("gpioclx: model %s: %pR already answered by another model\n", name, window);
		kfree(model->cookie);
		kfree(model);
		return ERR_PTR(-EBUSY);
	}
	list_add_tail_rcu(&model->link, &gpioclx_models);
	mutex_unlock(&gpioclx_models_lock);
	static_branch_inc(&gpioclx_models_present);
	return model;
}
EXPORT_SYMBOL_NS_GPL(gpioclx_mmio_model_add_at, GPIOCLX_NS);

void gpioclx_mmio_model_remove(struct gpioclx_mmio_model *model)
{
	if (IS_ERR_OR_NULL(model))
		return;
	WARN(atomic_read(&model->mappings), "gpioclx: model %s removed while mapped\n",
	     model->window.name);
	mutex_lock(&gpioclx_models_lock);
	list_del_rcu(&model->link);
	mutex_unlock(&gpioclx_models_lock);
	synchronize_rcu();
	static_branch_dec(&gpioclx_models_present);
	if (model->reserved)
		release_resource(&model->window);
	kfree(model->cookie);
	kfree(model);
}
EXPORT_SYMBOL_NS_GPL(gpioclx_mmio_model_remove, GPIOCLX_NS);

/* The model whose window holds [phys, phys + size), or NULL. */
static struct gpioclx_mmio_model *gpioclx_model_by_phys(phys_addr_t phys, size_t size)
{
	struct gpioclx_mmio_model *model, *found = NULL;

	rcu_read_lock();
	list_for_each_entry_rcu(model, &gpioclx_models, link) {
		if (phys >= model->window.start && size <= model->size &&
		    phys - model->window.start <= model->size - size) {
			found = model;
			break;
		}
	}
	rcu_read_unlock();
	return found;
}

/* The model a mapped address belongs to; *offset is the offset in its window. */
static struct gpioclx_mmio_model *gpioclx_model_by_cookie(uintptr_t addr, unsigned long *offset)
{
	struct gpioclx_mmio_model *model, *found = NULL;

	rcu_read_lock();
	list_for_each_entry_rcu(model, &gpioclx_models, link) {
		uintptr_t base = (uintptr_t)model->cookie;

		if (addr >= base && addr - base < model->size) {
			*offset = addr - base;
			found = model;
			break;
		}
	}
	rcu_read_unlock();
	return found;
}

/* The cookie of the model window holding [phys, phys + size), or NULL. */
void *__gpioclx_model_map(phys_addr_t phys, size_t size)
{
	struct gpioclx_mmio_model *model = gpioclx_model_by_phys(phys, size);

	if (!model)
		return NULL;
	atomic_inc(&model->mappings);
	return model->cookie + (phys - model->window.start);
}

/* Unmap @addr if a model window holds it; false if none does. */
bool __gpioclx_model_unmap(uintptr_t addr)
{
	struct gpioclx_mmio_model *model;
	unsigned long offset;

	model = gpioclx_model_by_cookie(addr, &offset);
	if (model)
		atomic_dec(&model->mappings);
	return model;
}

/* A model's answer to a read of @addr, if @addr is in a model window. */
bool __gpioclx_model_read(uintptr_t addr, unsigned int width, u64 *v)
{
	struct gpioclx_mmio_model *model;
	unsigned long offset;

	model = gpioclx_model_by_cookie(addr, &offset);
	if (model)
		*v = model->ops->read(model->priv, offset, width);
	return model;
}

/* Hand a write of @addr to its model, if @addr is in a model window. */
bool __gpioclx_model_write(uintptr_t addr, u64 value, unsigned int width)
{
	struct gpioclx_mmio_model *model;
	unsigned long offset;

	model = gpioclx_model_by_cookie(addr, &offset);
	if (model)
		model->ops->write(model->priv, offset, value, width);
	return model;
}
