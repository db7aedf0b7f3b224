/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fake_client.h - a recording GpioClx client for the shim's KUnit suites.
 *
 * The fake registers through the real path (a gpioclx_client_driver whose
 * DriverEntry builds a packet from fake_cfg), models just enough hardware
 * (per-bank levels, latches, interrupt enable/mask/status with edge and
 * level semantics) and records every callback with its arguments and the
 * context it ran in. Any callback can be made to fail at its Nth call.
 * Parent interrupts come from an irq_sim domain, one per bank (or fewer),
 * and are delivered synchronously by fake_deliver().
 */
#ifndef GPIOCLX_FAKE_CLIENT_H
#define GPIOCLX_FAKE_CLIENT_H

#include <kunit/test.h>
#include <linux/gpio/consumer.h>
#include <linux/platform_device.h>

#include "gpioclx_internal.h"
#include "gpioclx_mmio_model.h"

#define FAKE_MAX_BANKS 8
#define FAKE_MAX_EXTRA_MEM 7
#define FAKE_WINDOW_SIZE 0x100		/* each memory resource */
#define FAKE_MAX_CALLS 512
#define FAKE_ID_REGISTER 0x46414b45	/* "FAKE", at offset 0 of its window */

struct fake_cfg {
	USHORT version;			/* packet Version (default 3) */
	USHORT size_delta;		/* added to the right packet Size */
	unsigned int banks;		/* default 2 */
	unsigned int ppb;		/* default 32 */
	unsigned int total_pins;	/* default banks * ppb */
	CONTROLLER_ATTRIBUTE_FLAGS flags;	/* MemoryMapped|Masks by default */
	bool serial;			/* MemoryMappedController = 0 */
	bool table_format;		/* FormatIoRequestsAsMasks = 0 */
	bool no_interrupts;		/* register no interrupt callbacks */
	bool no_io;			/* register no I/O callbacks */
	unsigned int nirqs;		/* parent interrupts (default: banks) */
	/* memory resources: none, or the register window and extra_mem more */
	bool no_mem;
	unsigned int extra_mem;		/* at most FAKE_MAX_EXTRA_MEM */
	u8 refuse_pull;			/* bit n: refuse pull configuration n */
	bool refuse_debounce, refuse_drive;
	bool lock_in_callbacks;		/* take GPIO_CLX_AcquireInterruptLock as clients do */
	bool pre_process;		/* register PreProcessControllerInterrupt */
	bool refuse_level;		/* Enable/Reconfigure refuse LevelSensitive */
	/*
	 * Mask leaves a (tolerated, nested) GPIO_CLX_AcquireInterruptLock
	 * open; Reconfigure and Unmask record in .state whether it is still
	 * open (1: the shim held the bank lock from the Mask on) and close it.
	 */
	bool watch_lock_holds;
	bool pm_domain;			/* the device gets a PM domain (detach recorded) */
	bool bus_runtime_pm;		/* the bus enables runtime PM around probe, as AMBA does */
	bool target_in_device_add;	/* EvtDriverDeviceAdd creates an I/O target */
	bool window_busy;		/* someone else holds the register window at probe */
	/* tweak the packet or the basic information after they are built */
	void (*mutate_packet)(GPIO_CLIENT_REGISTRATION_PACKET *p);
	void (*mutate_info)(CLIENT_CONTROLLER_BASIC_INFORMATION *info);
};

struct fake_call {
	enum gpioclx_cb cb;
	u16 bank;
	u64 pins;			/* pins named by the call */
	u64 set, clear;			/* Write */
	int mode;			/* connect mode or KINTERRUPT_MODE */
	int polarity;
	u8 pull;
	u16 debounce, drive;
	u32 flags;			/* the call's flag word (AsULONG) */
	int state;			/* power state argument */
	bool restore;			/* Start: RestoreContext; Stop: SaveContext */
	bool irqs_off;			/* context the call ran in */
	bool atomic;
	bool preemptible;		/* meaningful with CONFIG_PREEMPT_COUNT */
};

struct fake_bank {
	u64 level;			/* pin levels (inputs: driven by the test) */
	u64 latch;			/* output latch */
	u64 output;			/* configured as output */
	u64 connected;
	u64 enabled, masked;
	u64 level_mode;			/* 1 = level-sensitive */
	u64 active_high;		/* level high / rising edge */
	u64 both;			/* both edges (when not emulated) */
	u64 status;			/* latched edges, or level match */
	u8 pull[64];
	u64 saved_enabled;		/* SaveBankHardwareContext */
	bool saved;
};

struct fake {
	struct fake_cfg cfg;
	struct gpioclx_client_driver driver;
	struct platform_device *pdev;
	struct gpioclx_controller *ctrl;	/* after probe */
	struct gpio_chip *gc;
	struct irq_domain *irq_domain;	/* irq_sim parents */
	struct gpioclx_mmio_model *model;	/* the fake's register window */
	struct resource window;
	int mapped;			/* MmMapIoSpaceEx minus MmUnmapIoSpace */
	int parent_virq[FAKE_MAX_BANKS];
	struct fake_bank banks[FAKE_MAX_BANKS];
	bool stopped_saved;		/* StopController(SaveContext) seen */

	/* failure injection: make callback fail_cb fail at its fail_at-th call */
	enum gpioclx_cb fail_cb;
	unsigned int fail_at;		/* 1-based; 0 = never */
	unsigned int fail_count;	/* how many more calls fail (default 1) */
	NTSTATUS fail_status;

	unsigned int ncalls[GPIOCLX_CB_COUNT];
	struct fake_call calls[FAKE_MAX_CALLS];
	unsigned int ncall;
	NTSTATUS driver_entry_status;	/* what GPIO_CLX_RegisterClient returned */
	/* called inside ReconfigureInterrupt: the line changes "meanwhile" */
	void (*during_reconfigure)(void);
	/* called inside ConnectIoPins: something happens "meanwhile" */
	void (*during_connect)(void);
	/* called inside DisconnectIoPins (a hog freed by gpiochip_remove, say) */
	void (*during_disconnect)(void);
	int register_ret;		/* gpioclx_client_driver_register() */
	unsigned int prepare_count, release_count, start_count, stop_count;
	unsigned int unload_count;
	unsigned int targets_created;	/* by EvtDriverDeviceAdd */
	unsigned int target_cleanups;	/* their EvtCleanupCallback */
	/* the PM domain's detach: how many calls had been recorded by then */
	int calls_at_detach;		/* -1 until detached */
	struct dev_pm_domain pm_domain;
	/* the parents' irq_chip: irq_sim's, plus irq_set_wake */
	struct irq_chip parent_chip;
	int parent_wake[FAKE_MAX_BANKS];	/* wake depth the parent saw */
};

/* The fake of the running test. */
extern struct fake *fake;

/* Register the fake client driver with @cfg; returns the registration errno. */
int fake_register(struct kunit *test, const struct fake_cfg *cfg);
/* Create and bind a device; returns 0 if probe succeeded. */
int fake_probe(struct kunit *test);
/* Register + probe, asserting success; returns the gpio_chip. */
struct gpio_chip *fake_start(struct kunit *test, const struct fake_cfg *cfg);
/* Unregister the device and its parents/window, keep the driver. */
void fake_remove_device(void);
/* Unbind the device (as "echo > unbind" would), keep the driver. */
void fake_unbind(struct kunit *test);
/* Tear everything down (also the suite exit). */
void fake_teardown(void);

/* A consumer's view of line @offset (gpiochip_request_own_desc). */
struct gpio_desc *fake_request(struct kunit *test, unsigned int offset,
			       enum gpiod_flags flags);
void fake_release(struct gpio_desc *desc);

/* Recorded calls. */
unsigned int fake_count(enum gpioclx_cb cb);
const struct fake_call *fake_nth(enum gpioclx_cb cb, unsigned int n);	/* 0-based */
const struct fake_call *fake_last(enum gpioclx_cb cb);
void fake_forget_calls(void);
/* The callbacks recorded since the last forget, as "Cb,Cb,..." */
const char *fake_sequence(struct kunit *test);

void fake_fail(enum gpioclx_cb cb, unsigned int at, NTSTATUS status);

/* Hardware side: drive an input pin; deliver pending parent interrupts. */
void fake_drive(unsigned int bank, unsigned int pin, bool level);
/* Deliver until nothing is pending (at most @max passes); returns passes. */
unsigned int fake_deliver(unsigned int bank, unsigned int max);
u64 fake_pending(unsigned int bank);

#endif /* GPIOCLX_FAKE_CLIENT_H */
