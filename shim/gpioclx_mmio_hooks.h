/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gpioclx_mmio_hooks.h - between gpioclx_mmio.c and gpioclx_mmio_model.c
 * only: the accessors' way into the software register blocks, or stubs
 * that compile away without CONFIG_GPIOCLX_MMIO_MODEL. Not for the
 * simulator or the tests (they use gpioclx_mmio_model.h).
 */
#ifndef GPIOCLX_MMIO_HOOKS_H
#define GPIOCLX_MMIO_HOOKS_H

#include <linux/jump_label.h>
#include <linux/types.h>

/*
 * For gpioclx_mmio.c: an address in a model window goes to the model. The
 * address is the client's register pointer as an integer (the pointer
 * carries the WDK's volatile, which only the real accessors need).
 */
#if IS_ENABLED(CONFIG_GPIOCLX_MMIO_MODEL)
DECLARE_STATIC_KEY_FALSE(gpioclx_models_present);
void *__gpioclx_model_map(phys_addr_t phys, size_t size);
bool __gpioclx_model_unmap(uintptr_t addr);
bool __gpioclx_model_read(uintptr_t addr, unsigned int width, u64 *v);
bool __gpioclx_model_write(uintptr_t addr, u64 value, unsigned int width);

static inline void *gpioclx_model_map(phys_addr_t phys, size_t size)
{
	if (!static_branch_unlikely(&gpioclx_models_present))
		return NULL;
	return __gpioclx_model_map(phys, size);
}

static inline bool gpioclx_model_unmap(uintptr_t addr)
{
	return static_branch_unlikely(&gpioclx_models_present) && __gpioclx_model_unmap(addr);
}

static inline bool gpioclx_model_read(uintptr_t addr, unsigned int width, u64 *v)
{
	return static_branch_unlikely(&gpioclx_models_present) &&
	       __gpioclx_model_read(addr, width, v);
}

static inline bool gpioclx_model_write(uintptr_t addr, u64 value, unsigned int width)
{
	return static_branch_unlikely(&gpioclx_models_present) &&
	       __gpioclx_model_write(addr, value, width);
}
#else
static inline void *gpioclx_model_map(phys_addr_t phys, size_t size) { return NULL; }
static inline bool gpioclx_model_unmap(uintptr_t addr) { return false; }
static inline bool gpioclx_model_read(uintptr_t addr, unsigned int width, u64 *v)
{
	return false;
}

static inline bool gpioclx_model_write(uintptr_t addr, u64 value, unsigned int width)
{
	return false;
}
#endif

#endif /* GPIOCLX_MMIO_HOOKS_H */
