// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mmio_model_kunit.c - a software register block at a window its device
 * already claims (gpioclx_mmio_model_add_at(), how gpioclx-sim answers at
 * the memory an ACPI _CRS names): the client's mapping of the whole window
 * reaches the model at every offset, the claim stays the device's after
 * the model is gone, and windows it cannot serve are refused.
 */
#include <kunit/test.h>
#include <linux/ioport.h>

#include "gpioclx_internal.h"
#include "gpioclx_mmio_model.h"

struct model_probe {
	unsigned long offset;
	unsigned int width;
	u64 written;
};

static u64 model_read(void *priv, unsigned long offset, unsigned int width)
{
	struct model_probe *p = priv;

	p->offset = offset;
	p->width = width;
	return 0xa5000000 | offset;
}

static void model_write(void *priv, unsigned long offset, u64 value, unsigned int width)
{
	struct model_probe *p = priv;

	p->offset = offset;
	p->width = width;
	p->written = value;
}

static const struct gpioclx_mmio_model_ops model_ops = {
	.read = model_read,
	.write = model_write,
};

/* A free window in iomem_resource, claimed as a device's resource would be. */
static void model_claim(struct kunit *test, struct resource *claim, resource_size_t size)
{
	*claim = (struct resource){ .name = "kunit-claim", .flags = IORESOURCE_MEM };
	KUNIT_ASSERT_EQ(test, allocate_resource(&iomem_resource, claim, size, 0,
						iomem_resource.end, PAGE_SIZE, NULL, NULL), 0);
}

static void model_at_answers_the_whole_window(struct kunit *test)
{
	struct model_probe probe = {};
	struct gpioclx_mmio_model *model;
	PHYSICAL_ADDRESS pa;
	struct resource claim;
	PUCHAR regs;

	model_claim(test, &claim, 0x2000);
	model = gpioclx_mmio_model_add_at("kunit-at", &claim, &model_ops, &probe);
	KUNIT_ASSERT_FALSE(test, IS_ERR(model));

	pa.QuadPart = claim.start;
	regs = MmMapIoSpaceEx(pa, resource_size(&claim), PAGE_READWRITE | PAGE_NOCACHE);
	KUNIT_ASSERT_NOT_NULL(test, regs);
	/* past any register a model would have: still the model's */
	KUNIT_EXPECT_EQ(test, READ_REGISTER_ULONG((PULONG)(regs + 0x1ffc)), 0xa5001ffc);
	KUNIT_EXPECT_EQ(test, probe.offset, 0x1ffc);
	KUNIT_EXPECT_EQ(test, probe.width, 4);
	WRITE_REGISTER_ULONG64((PULONG64)(regs + 0x8), 0x1234);
	KUNIT_EXPECT_EQ(test, probe.offset, 0x8);
	KUNIT_EXPECT_EQ(test, probe.width, 8);
	KUNIT_EXPECT_EQ(test, probe.written, 0x1234);
	MmUnmapIoSpace(regs, resource_size(&claim));

	gpioclx_mmio_model_remove(model);
	/* the window was the device's claim, not the model's: it stays */
	KUNIT_EXPECT_PTR_EQ(test, claim.parent, &iomem_resource);
	KUNIT_EXPECT_EQ(test, release_resource(&claim), 0);
}

static void model_at_refuses_a_window_already_answered(struct kunit *test)
{
	struct model_probe probe = {};
	struct gpioclx_mmio_model *model, *again;
	struct resource claim, inner;

	model_claim(test, &claim, 0x1000);
	model = gpioclx_mmio_model_add_at("kunit-at", &claim, &model_ops, &probe);
	KUNIT_ASSERT_FALSE(test, IS_ERR(model));
	again = gpioclx_mmio_model_add_at("kunit-again", &claim, &model_ops, &probe);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(again), -EBUSY);
	inner = (struct resource)DEFINE_RES_MEM(claim.start + 0x800, 0x100);
	again = gpioclx_mmio_model_add_at("kunit-inner", &inner, &model_ops, &probe);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(again), -EBUSY);
	gpioclx_mmio_model_remove(model);
	release_resource(&claim);
}

static void model_at_refuses_bad_windows(struct kunit *test)
{
	struct resource io = DEFINE_RES_IO(0x100, 0x10);
	struct resource huge = DEFINE_RES_MEM(1ULL << 32, GPIOCLX_MMIO_MODEL_MAX_AT + 1);
	struct model_probe probe = {};

	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(gpioclx_mmio_model_add_at("kunit-io", &io,
									&model_ops, &probe)),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(gpioclx_mmio_model_add_at("kunit-huge", &huge,
									&model_ops, &probe)),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(gpioclx_mmio_model_add_at("kunit-null", NULL,
									&model_ops, &probe)),
			-EINVAL);
}

static struct kunit_case model_cases[] = {
	KUNIT_CASE(model_at_answers_the_whole_window),
	KUNIT_CASE(model_at_refuses_a_window_already_answered),
	KUNIT_CASE(model_at_refuses_bad_windows),
	{}
};

static struct kunit_suite model_suite = {
	.name = "gpioclx_mmio_model",
	.test_cases = model_cases,
};
kunit_test_suite(model_suite);
