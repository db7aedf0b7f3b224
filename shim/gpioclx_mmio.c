// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_mmio.c - MmMapIoSpace(Ex)/MmUnmapIoSpace and the
 * READ_REGISTER_* / WRITE_REGISTER_* accessors, over ioremap() and
 * readX()/writeX(). With CONFIG_GPIOCLX_MMIO_MODEL, an address in a
 * software register block (gpioclx_mmio_model.h) goes to its model instead;
 * without it the model hooks compile away.
 */
#include <linux/io.h>
#include <linux/module.h>

#include "gpioclx_internal.h"
#include "gpioclx_mmio_hooks.h"
#include "gpioclx_mmio_model.h"

/*
 * gpioclx-api: MmMapIoSpaceEx; linux: ioremap(); ioremap_wc() for PAGE_WRITECOMBINE
 * gpioclx-api: PAGE_NOACCESS, PAGE_READONLY, PAGE_WRITECOPY, PAGE_EXECUTE, PAGE_EXECUTE_READ,
 *	PAGE_EXECUTE_READWRITE, PAGE_GUARD; partly: MmMapIoSpaceEx ignores it: the mapping is
 *	ioremap()'s, readable and writable
 */
PVOID MmMapIoSpaceEx(PHYSICAL_ADDRESS PhysicalAddress, SIZE_T NumberOfBytes, ULONG Protect)
{
	phys_addr_t phys = (phys_addr_t)PhysicalAddress.QuadPart;
	void __iomem *va;
	void *cookie;

	if (!NumberOfBytes)
		return NULL;
	cookie = gpioclx_model_map(phys, NumberOfBytes);
	if (cookie)
		return cookie;
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

/*
 * gpioclx-api: MmMapIoSpace; linux: ioremap(); ioremap_wc() for MmWriteCombined
 * gpioclx-api: MmCached, MmHardwareCoherentCached, MmUSWCCached; partly: MmMapIoSpace maps
 *	uncached (ioremap()) all the same
 */
PVOID MmMapIoSpace(PHYSICAL_ADDRESS PhysicalAddress, SIZE_T NumberOfBytes,
		   MEMORY_CACHING_TYPE CacheType)
{
	return MmMapIoSpaceEx(PhysicalAddress, NumberOfBytes,
			      CacheType == MmWriteCombined ? PAGE_READWRITE | PAGE_WRITECOMBINE :
							     PAGE_READWRITE | PAGE_NOCACHE);
}
EXPORT_SYMBOL_NS_GPL(MmMapIoSpace, GPIOCLX_NS);

/* gpioclx-api: MmUnmapIoSpace; linux: iounmap() */
VOID MmUnmapIoSpace(PVOID BaseAddress, SIZE_T NumberOfBytes)
{
	if (!BaseAddress || gpioclx_model_unmap((uintptr_t)BaseAddress))
		return;
	iounmap((__force void __iomem *)BaseAddress);
}
EXPORT_SYMBOL_NS_GPL(MmUnmapIoSpace, GPIOCLX_NS);

/* The register pointer a client holds is an ioremap() cookie. */
#define gpioclx_iomem(reg) ((void __iomem *)(__force void __iomem *)(uintptr_t)(reg))

/*
 * The READ_REGISTER_* / WRITE_REGISTER_* family. The volatile pointers
 * are the NT signatures; the access is readX()/writeX(), or the model's.
 * gpioclx-api: READ_REGISTER_UCHAR, READ_REGISTER_USHORT, READ_REGISTER_ULONG,
 *	READ_REGISTER_ULONG64, WRITE_REGISTER_UCHAR, WRITE_REGISTER_USHORT, WRITE_REGISTER_ULONG,
 *	WRITE_REGISTER_ULONG64; linux: readb() .. readq(), writeb() .. writeq(); built with
 *	GPIOCLX_INLINE_REGISTER_ACCESS, inline accesses with the same barriers (ntddk.h)
 */
UCHAR READ_REGISTER_UCHAR(volatile UCHAR *Register)
{
	u64 v;

	return gpioclx_model_read((uintptr_t)Register, 1, &v) ? v : readb(gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(READ_REGISTER_UCHAR, GPIOCLX_NS);

USHORT READ_REGISTER_USHORT(volatile USHORT *Register)
{
	u64 v;

	return gpioclx_model_read((uintptr_t)Register, 2, &v) ? v : readw(gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(READ_REGISTER_USHORT, GPIOCLX_NS);

ULONG READ_REGISTER_ULONG(volatile ULONG *Register)
{
	u64 v;

	return gpioclx_model_read((uintptr_t)Register, 4, &v) ? v : readl(gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(READ_REGISTER_ULONG, GPIOCLX_NS);

ULONG64 READ_REGISTER_ULONG64(volatile ULONG64 *Register)
{
	u64 v;

	return gpioclx_model_read((uintptr_t)Register, 8, &v) ? v : readq(gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(READ_REGISTER_ULONG64, GPIOCLX_NS);

VOID WRITE_REGISTER_UCHAR(volatile UCHAR *Register, UCHAR Value)
{
	if (!gpioclx_model_write((uintptr_t)Register, Value, 1))
		writeb(Value, gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(WRITE_REGISTER_UCHAR, GPIOCLX_NS);

VOID WRITE_REGISTER_USHORT(volatile USHORT *Register, USHORT Value)
{
	if (!gpioclx_model_write((uintptr_t)Register, Value, 2))
		writew(Value, gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(WRITE_REGISTER_USHORT, GPIOCLX_NS);

VOID WRITE_REGISTER_ULONG(volatile ULONG *Register, ULONG Value)
{
	if (!gpioclx_model_write((uintptr_t)Register, Value, 4))
		writel(Value, gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(WRITE_REGISTER_ULONG, GPIOCLX_NS);

VOID WRITE_REGISTER_ULONG64(volatile ULONG64 *Register, ULONG64 Value)
{
	if (!gpioclx_model_write((uintptr_t)Register, Value, 8))
		writeq(Value, gpioclx_iomem(Register));
}
EXPORT_SYMBOL_NS_GPL(WRITE_REGISTER_ULONG64, GPIOCLX_NS);
