/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gpioclx_compat.h - every kernel-version difference the shim meets, in one
 * place. The shim builds against Debian's 6.1 and newer kernels; logic
 * files use only the names defined here.
 */
#ifndef GPIOCLX_COMPAT_H
#define GPIOCLX_COMPAT_H

#include <linux/gpio/driver.h>
#include <linux/hrtimer.h>
#include <linux/version.h>

/*
 * 6.17 made gpio_chip's set()/set_multiple() return int (after a 6.15-6.16
 * interlude of set_rv()); before that they return void and a client's
 * failure can only be logged.
 */
#if KERNEL_VERSION(6, 17, 0) <= LINUX_VERSION_CODE
#define GPIOCLX_SET_RET int
#define gpioclx_set_result(err) (err)
#else
#define GPIOCLX_SET_RET void
#define gpioclx_set_result(err) ((void)(err))
#endif

/* gpiochip_is_requested() became gpiochip_dup_line_label() in 6.9. */
#if KERNEL_VERSION(6, 9, 0) <= LINUX_VERSION_CODE
#define GPIOCLX_LINE_LABEL_IS_DUP 1
#else
#define GPIOCLX_LINE_LABEL_IS_DUP 0
#endif

/*
 * What gpiolib answers a consumer whose descriptor outlived its chip (an
 * unbind while the line was held): 0 before 6.9; -ENODEV since its
 * descriptors went under SRCU. Either way the call never reaches the
 * driver. The tests expect the kernel's own answer.
 */
#if KERNEL_VERSION(6, 9, 0) <= LINUX_VERSION_CODE
#define GPIOCLX_ORPHAN_GET_VALUE (-ENODEV)
#else
#define GPIOCLX_ORPHAN_GET_VALUE 0
#endif

/*
 * The symbol namespace of everything gpioclx.ko exports (Windows names
 * stay out of the global one): a bare token until 6.13, a string since.
 */
#if KERNEL_VERSION(6, 13, 0) <= LINUX_VERSION_CODE
#define GPIOCLX_NS "GPIOCLX"
#else
#define GPIOCLX_NS GPIOCLX
#endif

/*
 * platform_driver's void remove callback: .remove_new from 6.3 (6.1 has
 * it too, Debian's backport of the conversion), .remove again from 6.11.
 */
#if KERNEL_VERSION(6, 11, 0) <= LINUX_VERSION_CODE
#define gpioclx_platform_set_remove(pdrv, fn) ((pdrv)->remove = (fn))
#else
#define gpioclx_platform_set_remove(pdrv, fn) ((pdrv)->remove_new = (fn))
#endif

/*
 * Tracepoints: __assign_str() takes the source from the __string() field
 * declaration since 6.10, so it lost its second argument.
 */
#if KERNEL_VERSION(6, 10, 0) <= LINUX_VERSION_CODE
#define gpioclx_assign_str(dst, src) __assign_str(dst)
#else
#define gpioclx_assign_str(dst, src) __assign_str(dst, src)
#endif

/*
 * hrtimer_setup() (6.13) takes the callback with the clock and the mode;
 * hrtimer_init() and setting .function by hand went in 6.15.
 */
#if KERNEL_VERSION(6, 13, 0) <= LINUX_VERSION_CODE
#define gpioclx_hrtimer_setup(timer, fn, clock, mode) hrtimer_setup(timer, fn, clock, mode)
#else
static inline void gpioclx_hrtimer_setup(struct hrtimer *timer,
					 enum hrtimer_restart (*fn)(struct hrtimer *),
					 clockid_t clock, enum hrtimer_mode mode)
{
	hrtimer_init(timer, clock, mode);
	timer->function = fn;
}
#endif

/*
 * gpiochip_remove() frees every interrupt still requested on the chip's
 * lines (upstream ec8b6f55b981, 6.13, and its stable backports: Debian's
 * 6.12 has it, 6.1 does not) before gpiolib-acpi frees the handlers it
 * requested for the controller's _AEI events, which then WARNs "Trying to
 * free already-free IRQ". Freeing the events first is right on every
 * kernel, so this is not keyed to a version. gpiolib-acpi exports the call
 * but declares it only in drivers/gpio/gpiolib-acpi.h, out of reach of an
 * out-of-tree build.
 */
#if IS_ENABLED(CONFIG_GPIO_ACPI)
void acpi_gpiochip_free_interrupts(struct gpio_chip *chip);
#define gpioclx_acpi_free_events(gc) acpi_gpiochip_free_interrupts(gc)
#else
static inline void gpioclx_acpi_free_events(struct gpio_chip *gc) { }
#endif

/*
 * i2c_driver.probe lost its i2c_device_id argument in 6.3 (probe_new, the
 * one-argument form, went in 6.6).
 */
#if KERNEL_VERSION(6, 3, 0) <= LINUX_VERSION_CODE
#define gpioclx_i2c_set_probe(idrv, fn) ((idrv)->probe = (fn))
#else
#define gpioclx_i2c_set_probe(idrv, fn) ((idrv)->probe_new = (fn))
#endif

#endif /* GPIOCLX_COMPAT_H */
