// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_mmio.c - MmMapIoSpace(Ex)/MmUnmapIoSpace and the
 * READ_REGISTER_* / WRITE_REGISTER_* accessors, over ioremap() and
 * readl()/writel(), plus software register blocks (gpioclx_mmio_model.h).
 *
 * A model window is an iomem_resource range the shim allocated; mapping it
 * returns a cookie from a private buffer and every access through the
 * cookie calls the model instead of touching memory. Until the first model
 * is registered a static key keeps the accessors at a plain readl()/writel().
 */
#include <linux/io.h>
#include <linux/jump_label.h>
#include <linux/module.h>
#include <linux/rculist.h>
#include <linux/slab.h>

#include "gpioclx_internal.h"
#include "gpioclx_mmio_model.h"

struct gpioclx_mmio_model {
	struct list_head link;
	struct resource window;		/* in iomem_resource */
	const struct gpioclx_mmio_model_ops *ops;
	void *priv;
	u8 *cookie;			/* what MmMapIoSpace hands out */
	size_t size;
	atomic_t mappings;
};

static LIST_HEAD(gpioclx_models);
static const resource_size_t gpioclx_model_floor[] = { 1ULL << 44, 1ULL << 32, 0 };
static DEFINE_MUTEX(gpioclx_models_lock);
static DEFINE_STATIC_KEY_FALSE(gpioclx_models_present);

struct gpioclx_mmio_model *gpioclx_mmio_model_add(const char *name, size_t size,
						  const struct gpioclx_mmio_model_ops *ops,
						  void *priv, struct resource *window)
{
	struct gpioclx_mmio_model *model;
	unsigned int i;
	int ret;

	if (!size || !ops || !ops->read || !ops->write || !window)
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
	*window = (struct resource)DEFINE_RES_MEM_NAMED(model->window.start, size, name);

	mutex_lock(&gpioclx_models_lock);
	list_add_tail_rcu(&model->link, &gpioclx_models);
	mutex_unlock(&gpioclx_models_lock);
	static_branch_inc(&gpioclx_models_present);
	return model;
}
EXPORT_SYMBOL_NS_GPL(gpioclx_mmio_model_add, GPIOCLX_NS);

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
static struct gpioclx_mmio_model *gpioclx_model_by_cookie(const volatile void *addr,
							  unsigned long *offset)
{
	struct gpioclx_mmio_model *model, *found = NULL;
	const u8 *p = (const u8 *)addr;

	rcu_read_lock();
	list_for_each_entry_rcu(model, &gpioclx_models, link) {
		if (p >= model->cookie && p < model->cookie + model->size) {
			*offset = p - model->cookie;
			found = model;
			break;
		}
	}
	rcu_read_unlock();
	return found;
}

PVOID MmMapIoSpaceEx(PHYSICAL_ADDRESS PhysicalAddress, SIZE_T NumberOfBytes, ULONG Protect)
{
	phys_addr_t phys = (phys_addr_t)PhysicalAddress.QuadPart;
	struct gpioclx_mmio_model *model;
	void __iomem *va;

	if (!NumberOfBytes)
		return NULL;
	if (static_branch_unlikely(&gpioclx_models_present)) {
		model = gpioclx_model_by_phys(phys, NumberOfBytes);
		if (model) {
			atomic_inc(&model->mappings);
			return model->cookie + (phys - model->window.start);
		}
	}
	/*
	 * Controller registers are device memory: PAGE_NOCACHE and the
	 * cached variants all get an uncached mapping, write-combining only
	 * when asked for.
	 */
	if (Protect & PAGE_WRITECOMBINE)
		va = ioremap_wc(phys, NumberOfBytes);
	else
		va = ioremap(phys, NumberOfBytes);
	if (!va)
		pr_err("gpioclx: %s(%pa, %zu) failed\n", __func__, &phys, (size_t)NumberOfBytes);
	return (__force PVOID)va;
}
EXPORT_SYMBOL_NS_GPL(MmMapIoSpaceEx, GPIOCLX_NS);

PVOID MmMapIoSpace(PHYSICAL_ADDRESS PhysicalAddress, SIZE_T NumberOfBytes,
		   MEMORY_CACHING_TYPE CacheType)
{
	return MmMapIoSpaceEx(PhysicalAddress, NumberOfBytes,
			      CacheType == MmWriteCombined ? PAGE_READWRITE | PAGE_WRITECOMBINE :
							     PAGE_READWRITE | PAGE_NOCACHE);
}
EXPORT_SYMBOL_NS_GPL(MmMapIoSpace, GPIOCLX_NS);

VOID MmUnmapIoSpace(PVOID BaseAddress, SIZE_T NumberOfBytes)
{
	struct gpioclx_mmio_model *model;
	unsigned long offset;

	if (!BaseAddress)
		return;
	if (static_branch_unlikely(&gpioclx_models_present)) {
		model = gpioclx_model_by_cookie(BaseAddress, &offset);
		if (model) {
			atomic_dec(&model->mappings);
			return;
		}
	}
	iounmap((__force void __iomem *)BaseAddress);
}
EXPORT_SYMBOL_NS_GPL(MmUnmapIoSpace, GPIOCLX_NS);

/* A model's answer to a read of @addr, if @addr is in a model window. */
static bool gpioclx_model_read(const volatile void *addr, unsigned int width, u64 *v)
{
	struct gpioclx_mmio_model *model;
	unsigned long offset;

	if (!static_branch_unlikely(&gpioclx_models_present))
		return false;
	model = gpioclx_model_by_cookie(addr, &offset);
	if (model)
		*v = model->ops->read(model->priv, offset, width);
	return model;
}

/* Hand a write of @addr to its model, if @addr is in a model window. */
static bool gpioclx_model_write(volatile void *addr, u64 value, unsigned int width)
{
	struct gpioclx_mmio_model *model;
	unsigned long offset;

	if (!static_branch_unlikely(&gpioclx_models_present))
		return false;
	model = gpioclx_model_by_cookie(addr, &offset);
	if (model)
		model->ops->write(model->priv, offset, value, width);
	return model;
}

/* The register pointer a client holds is an ioremap() cookie. */
#define gpioclx_iomem(reg) ((void __iomem *)(__force void __iomem *)(uintptr_t)(reg))

/*
 * The READ_REGISTER_* / WRITE_REGISTER_* family. The volatile pointers
 * are the NT signatures; the access is readX()/writeX(), or the model's.
 */
UCHAR READ_REGISTER_UCHAR(volatile UCHAR *Register)
{
	u64 v;

	return gpioclx_model_read(Register, 1, &v) ? v : readb(gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(READ_REGISTER_UCHAR, GPIOCLX_NS);

USHORT READ_REGISTER_USHORT(volatile USHORT *Register)
{
	u64 v;

	return gpioclx_model_read(Register, 2, &v) ? v : readw(gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(READ_REGISTER_USHORT, GPIOCLX_NS);

ULONG READ_REGISTER_ULONG(volatile ULONG *Register)
{
	u64 v;

	return gpioclx_model_read(Register, 4, &v) ? v : readl(gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(READ_REGISTER_ULONG, GPIOCLX_NS);

ULONG64 READ_REGISTER_ULONG64(volatile ULONG64 *Register)
{
	u64 v;

	return gpioclx_model_read(Register, 8, &v) ? v : readq(gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(READ_REGISTER_ULONG64, GPIOCLX_NS);

VOID WRITE_REGISTER_UCHAR(volatile UCHAR *Register, UCHAR Value)
{
	if (!gpioclx_model_write(Register, Value, 1))
		writeb(Value, gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(WRITE_REGISTER_UCHAR, GPIOCLX_NS);

VOID WRITE_REGISTER_USHORT(volatile USHORT *Register, USHORT Value)
{
	if (!gpioclx_model_write(Register, Value, 2))
		writew(Value, gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(WRITE_REGISTER_USHORT, GPIOCLX_NS);

VOID WRITE_REGISTER_ULONG(volatile ULONG *Register, ULONG Value)
{
	if (!gpioclx_model_write(Register, Value, 4))
		writel(Value, gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(WRITE_REGISTER_ULONG, GPIOCLX_NS);

VOID WRITE_REGISTER_ULONG64(volatile ULONG64 *Register, ULONG64 Value)
{
	if (!gpioclx_model_write(Register, Value, 8))
		writeq(Value, gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(WRITE_REGISTER_ULONG64, GPIOCLX_NS);
