/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gpioclx_internal.h - the shim's private objects and the helpers its
 * files share. Nothing here names a controller.
 *
 * Object model:
 *   struct gpioclx_driver      one per client module; its WDFDRIVER and
 *                              PDRIVER_OBJECT; holds the registration packet
 *   struct gpioclx_controller  one per bound device; its WDFDEVICE; owns the
 *                              client context, the gpio_chip and the banks
 *   struct gpioclx_bank        one per GpioClx bank: lock, pin bookkeeping,
 *                              interrupt state
 */
#ifndef GPIOCLX_INTERNAL_H
#define GPIOCLX_INTERNAL_H

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/gpio/driver.h>
#include <linux/hrtimer.h>
#include <linux/irq.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/ratelimit.h>
#include <linux/pgtable.h>	/* before <ntddk.h>: both define PAGE_READONLY */
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include <ntddk.h>
#include <wdf.h>
#include <gpioclx.h>

#include "gpioclx_client.h"
#include "gpioclx_compat.h"
#include "gpioclx_trace.h"

#define GPIOCLX_MAX_PINS_PER_BANK 64
/* A context larger than this is a corrupt packet, not a real client. */
#define GPIOCLX_MAX_CONTEXT_SIZE (1024 * 1024)
#define GPIOCLX_CONTROLLER_MAGIC 0x58434c47	/* "GLCX" */

/* The client callbacks, for counters, traces and log lines. */
enum gpioclx_cb {
	GPIOCLX_CB_PREPARE,
	GPIOCLX_CB_RELEASE,
	GPIOCLX_CB_START,
	GPIOCLX_CB_STOP,
	GPIOCLX_CB_QUERY_BASIC_INFO,
	GPIOCLX_CB_QUERY_SET_INFO,
	GPIOCLX_CB_ENABLE_INTERRUPT,
	GPIOCLX_CB_DISABLE_INTERRUPT,
	GPIOCLX_CB_UNMASK_INTERRUPT,
	GPIOCLX_CB_MASK_INTERRUPTS,
	GPIOCLX_CB_QUERY_ACTIVE,
	GPIOCLX_CB_CLEAR_ACTIVE,
	GPIOCLX_CB_CONNECT_IO,
	GPIOCLX_CB_DISCONNECT_IO,
	GPIOCLX_CB_READ,
	GPIOCLX_CB_WRITE,
	GPIOCLX_CB_SAVE_BANK,
	GPIOCLX_CB_RESTORE_BANK,
	GPIOCLX_CB_PRE_PROCESS,
	GPIOCLX_CB_RECONFIGURE,
	GPIOCLX_CB_QUERY_ENABLED,
	GPIOCLX_CB_COUNT
};

extern const char *const gpioclx_cb_names[GPIOCLX_CB_COUNT];

/* How often each callback was called and failed, per CPU (debugfs sums). */
struct gpioclx_counters {
	unsigned long calls[GPIOCLX_CB_COUNT];
	unsigned long failures[GPIOCLX_CB_COUNT];
};

/*
 * A client module: what DriverEntry created and registered.
 * gpioclx-api: WDFDRIVER; linux: struct gpioclx_driver, one per client module
 * gpioclx-api: DRIVER_OBJECT; partly: opaque (no DriverUnload or other field); linux:
 *	struct gpioclx_driver, as WDFDRIVER
 */
struct gpioclx_driver {
	struct list_head link;			/* gpioclx_drivers */
	struct gpioclx_client_driver *glue;
	struct module *owner;
	const char *name;
	WDF_DRIVER_CONFIG config;
	bool created;				/* WdfDriverCreate() done */
	bool registered;			/* GPIO_CLX_RegisterClient() done */
	GPIO_CLIENT_REGISTRATION_PACKET packet;	/* zero-extended copy */
	UNICODE_STRING registry_path;
	WCHAR registry_path_buf[96];
	/* the most recent probe, under gpioclx_drivers_lock; only compared */
	struct device *probed_dev;
	int probe_ret;
};

/*
 * The shim's side of PWDFDEVICE_INIT: valid during EvtDriverDeviceAdd only.
 * gpioclx-api: WDFDEVICE_INIT; linux: struct WDFDEVICE_INIT, the struct device being probed
 */
struct WDFDEVICE_INIT {
	struct device *dev;
	struct gpioclx_driver *gdrv;
	bool pre_device_create_done;
	struct gpioclx_controller *ctrl;	/* set by WdfDeviceCreate() */
};

/*
 * A CM resource list, as PrepareController sees it.
 * gpioclx-api: WDFCMRESLIST; linux: struct gpioclx_reslist
 */
struct gpioclx_reslist {
	ULONG count;
	PCM_PARTIAL_RESOURCE_DESCRIPTOR descs;
};

/*
 * What the shim alone knows of a pin: the I/O connection the client was
 * given (and its parameters), and the interrupt state GpioClx keeps for
 * the client. gpiolib holds whether a line is requested and what Linux
 * asked of it, the irq core holds the trigger type and Linux's masking.
 */
struct gpioclx_pin {
	u8 pull;			/* GPIO_PIN_PULL_CONFIGURATION_* of the connection */
	u16 debounce;			/* 10 us units, as passed to Connect */
	u16 drive;			/* 10 uA units */
	/* interrupt side */
	KINTERRUPT_MODE mode;		/* as programmed into the client */
	KINTERRUPT_POLARITY polarity;
	u32 debounce_us;		/* software debounce (EmulateDebouncing) */
	bool last_level;		/* ActiveBoth emulation: the line's level */
	/* storm guard */
	unsigned int storm_count;	/* interrupts in the current window */
	unsigned long storm_window;	/* jiffies the window started */
};

struct gpioclx_bank {
	struct gpioclx_controller *ctrl;
	BANK_ID id;
	unsigned int npins;
	unsigned int base;		/* first gpio_chip offset of the bank */

	/*
	 * The bank's interrupt lock: a raw spinlock for memory-mapped
	 * controllers (callbacks at "DIRQL"), a mutex for serially connected
	 * ones (callbacks at PASSIVE). owner is the task inside a callback
	 * under the lock, so that a client's redundant
	 * GPIO_CLX_AcquireInterruptLock() from there is tolerated.
	 */
	raw_spinlock_t raw_lock;
	struct mutex mutex;
	struct task_struct *owner;
	unsigned long irq_flags;
	unsigned int client_lock_depth;	/* GPIO_CLX_AcquireInterruptLock nesting */
	bool client_owns;		/* the client, not the shim, took the lock */

	/*
	 * I/O connections (bit n = pin n), changed only under the passive
	 * lock: conn_in/conn_out are the pins connected in that mode;
	 * kept_out are pins a Disconnect(PreserveConfiguration=1) left
	 * driving as outputs, so the hardware is still an output there.
	 */
	u64 conn_in;
	u64 conn_out;
	u64 kept_out;
	struct gpioclx_pin *pins;	/* npins entries */

	/*
	 * Interrupt state the client was given, under the bank lock:
	 * irq_enabled (EnableInterrupt done), irq_masked (MaskInterrupts
	 * done), irq_emulated_both (both edges emulated with levels). The
	 * want_ fields are what Linux asked a serial controller for; they are
	 * applied at irq_bus_sync_unlock(), under the irq bus lock.
	 */
	u64 irq_enabled;
	u64 irq_masked;
	u64 irq_emulated_both;
	u64 irq_want_enabled;
	u64 irq_want_masked;
	u64 irq_type_dirty;		/* type changed while enabled */
	u64 irq_reenable;		/* serial: emulation changed, Disable + Enable */
	/*
	 * Linux's masking of the line (irq_mask/irq_unmask), mirrored under
	 * the bank lock so that the storm guard and the debounce timer, which
	 * unmask from outside the irq core, never undo it.
	 */
	u64 irq_linux_masked;
	u64 irq_disable_pending;	/* Disable that could not run, finished at relres */
	/* changed from several contexts: atomic bit operations only */
	unsigned long irq_storm_masked;	/* masked by the storm guard */
	unsigned long irq_debouncing;	/* software debounce timer running */
	int parent_irq;			/* Linux irq serving the bank, or 0 */
	struct gpioclx_debounce *debounce;	/* per pin, EmulateDebouncing only */
};

/*
 * gpioclx-api: WDFDEVICE; linux: struct gpioclx_controller, one per bound device (its
 *	drvdata), with the client's context at its end
 */
struct gpioclx_controller {
	u32 magic;
	struct device *dev;
	struct gpioclx_driver *gdrv;
	const GPIO_CLIENT_REGISTRATION_PACKET *cb;
	CLIENT_CONTROLLER_BASIC_INFORMATION info;
	bool mm;			/* MemoryMappedController */
	bool masks;			/* FormatIoRequestsAsMasks */
	bool io_unlocked;		/* Read/Write without the bank lock (gpioclx_io.c) */
	unsigned int nbanks;
	unsigned int ppb;		/* pins per bank */
	int ppb_shift;			/* log2(ppb) when a power of two, else -1 */
	unsigned int total_pins;
	struct gpioclx_bank *banks;

	struct gpioclx_reslist raw, translated;
	int *parent_irqs;		/* Linux irqs of the interrupt resources */
	unsigned int nparents;
	unsigned int *threaded;		/* serial: the parents requested, threaded */
	unsigned int nthreaded;
	bool started;

	/*
	 * Serialise the client's passive callbacks (Connect/Disconnect,
	 * Enable/Disable): GpioClx runs only one at a time. The mutex for
	 * serial controllers, the raw spinlock for memory-mapped ones; see
	 * gpioclx_passive_begin().
	 */
	struct mutex passive_mutex;
	raw_spinlock_t passive_lock;

	struct gpio_chip gc;
	struct dentry *debugfs;
	struct gpioclx_counters __percpu *counters;
	struct ratelimit_state call_err_ratelimit[GPIOCLX_CB_COUNT];	/* gpioclx_call_err() */

	struct mutex irq_bus_lock;	/* serial controllers' irq_chip updates */
	unsigned int storm_limit;	/* interrupts per second per line */
	struct delayed_work storm_rearm;	/* unmasks what the storm guard masked */
	bool dying;			/* .remove: no timer or work may start */
	atomic_t pm_refs;		/* runtime-PM references lines and interrupts hold */

	/* power */
	bool suspended;
	bool runtime_pm;
	bool runtime_pm_by_bus;		/* the bus enabled runtime PM (AMBA) */
	unsigned int resume_mismatches;	/* banks whose QueryEnabled disagreed */

	/* the client's context, ControllerContextSize bytes */
	u8 context[] __aligned(16);
};

static inline struct gpioclx_controller *gpioclx_from_context(PVOID context)
{
	return container_of((u8 *)context, struct gpioclx_controller, context[0]);
}

static inline struct gpioclx_controller *gpioclx_from_gc(struct gpio_chip *gc)
{
	return container_of(gc, struct gpioclx_controller, gc);
}

static inline struct gpioclx_bank *gpioclx_bank_of(struct gpioclx_controller *ctrl,
						   unsigned int offset, unsigned int *pin)
{
	/* no division on the get/set path when banks are a power of two */
	if (likely(ctrl->ppb_shift >= 0)) {
		*pin = offset & (ctrl->ppb - 1);
		return &ctrl->banks[offset >> ctrl->ppb_shift];
	}
	*pin = offset % ctrl->ppb;
	return &ctrl->banks[offset / ctrl->ppb];
}

/* gpioclx_status.c */
int gpioclx_status_to_errno(NTSTATUS status);
int gpioclx_config_status_to_errno(NTSTATUS status);

/* gpioclx_trace.c */
void gpioclx_trace_call(struct gpioclx_controller *ctrl, enum gpioclx_cb cb,
			unsigned int bank, u64 mask, NTSTATUS status);
unsigned long gpioclx_call_count(struct gpioclx_controller *ctrl, enum gpioclx_cb cb);
unsigned long gpioclx_failure_count(struct gpioclx_controller *ctrl, enum gpioclx_cb cb);

/*
 * Account for one client call: a per-CPU counter, and the gpioclx_call
 * tracepoint when it is on. Inline: it runs on every get and set.
 */
static __always_inline void gpioclx_note_call(struct gpioclx_controller *ctrl,
					      enum gpioclx_cb cb, unsigned int bank, u64 mask,
					      NTSTATUS status)
{
	this_cpu_inc(ctrl->counters->calls[cb]);
	if (unlikely(!NT_SUCCESS(status)))
		this_cpu_inc(ctrl->counters->failures[cb]);
	if (trace_gpioclx_call_enabled())
		gpioclx_trace_call(ctrl, cb, bank, mask, status);
}

/*
 * Log a failed client call, with the callback and NTSTATUS: rate-limited
 * per controller and callback, so that one callback failing in a storm
 * (an interrupt's) neither floods the log nor hides another's failure.
 */
#define gpioclx_call_err(ctrl, cb, bank, status) \
	do { \
		if (__ratelimit(&(ctrl)->call_err_ratelimit[cb])) \
			dev_err((ctrl)->dev, "%s(bank %u) failed: NTSTATUS %#010x (%d)\n", \
				gpioclx_cb_names[cb], (bank), (u32)(status), \
				gpioclx_status_to_errno(status)); \
	} while (0)

/* A client call's NTSTATUS as an errno, logged if it failed. */
static inline int gpioclx_errno(struct gpioclx_controller *ctrl, enum gpioclx_cb cb,
				unsigned int bank, NTSTATUS status)
{
	if (NT_SUCCESS(status))
		return 0;
	gpioclx_call_err(ctrl, cb, bank, status);
	return gpioclx_status_to_errno(status);
}

/* gpioclx_lock.c: the bank lock around I/O and ISR-path callbacks. */
void gpioclx_bank_lock(struct gpioclx_bank *bank);
void gpioclx_bank_unlock(struct gpioclx_bank *bank);
NTSTATUS gpioclx_passive_begin(struct gpioclx_bank *bank, bool may_sleep);
void gpioclx_passive_end(struct gpioclx_bank *bank);

/* gpioclx_io.c: Connect/Disconnect and Read/Write, in client terms. */
NTSTATUS gpioclx_connect_pin(struct gpioclx_bank *bank, unsigned int pin,
			     GPIO_CONNECT_IO_PINS_MODE mode, const struct gpioclx_pin *cfg,
			     bool may_sleep);
NTSTATUS gpioclx_disconnect_pin(struct gpioclx_bank *bank, unsigned int pin,
				bool preserve, bool may_sleep);

/* The line's connection mode, or -1 if it has none. */
static inline int gpioclx_conn_mode(struct gpioclx_bank *bank, unsigned int pin)
{
	u64 bit = BIT_ULL(pin);

	if (READ_ONCE(bank->conn_out) & bit)
		return ConnectModeOutput;
	if (READ_ONCE(bank->conn_in) & bit)
		return ConnectModeInput;
	return -1;
}

/* gpioclx_io.c: the gpio_chip's get/set operations */
int gpioclx_get(struct gpio_chip *gc, unsigned int offset);
int gpioclx_get_multiple(struct gpio_chip *gc, unsigned long *mask, unsigned long *bits);
GPIOCLX_SET_RET gpioclx_set(struct gpio_chip *gc, unsigned int offset, int value);
GPIOCLX_SET_RET gpioclx_set_multiple(struct gpio_chip *gc, unsigned long *mask,
				     unsigned long *bits);
NTSTATUS gpioclx_read_bank(struct gpioclx_bank *bank, u64 mask, u64 *values);
NTSTATUS gpioclx_write_bank(struct gpioclx_bank *bank, u64 set, u64 clear);

/* gpioclx_gpio.c */
int gpioclx_switch_mode(struct gpioclx_bank *bank, unsigned int pin,
			GPIO_CONNECT_IO_PINS_MODE mode);
int gpioclx_gpiochip_setup(struct gpioclx_controller *ctrl);
void gpioclx_gpiochip_teardown(struct gpioclx_controller *ctrl);
void gpioclx_disconnect_all(struct gpioclx_controller *ctrl);

/* gpioclx_irq.c */
int gpioclx_irq_setup(struct gpioclx_controller *ctrl);
void gpioclx_irq_disable_all(struct gpioclx_controller *ctrl);
int gpioclx_irq_start(struct gpioclx_controller *ctrl);
void gpioclx_irq_stop(struct gpioclx_controller *ctrl);
int gpioclx_irq_dispatch(struct gpioclx_bank *bank, unsigned int pin);
NTSTATUS gpioclx_irq_client_reconfigure(struct gpioclx_bank *bank, unsigned int pin,
					unsigned int type);
NTSTATUS gpioclx_irq_client_unmask(struct gpioclx_bank *bank, unsigned int pin);
NTSTATUS gpioclx_irq_client_mask(struct gpioclx_bank *bank, u64 pins);
void gpioclx_irq_client_settle(struct gpioclx_bank *bank, unsigned int pin);
unsigned int gpioclx_irq_type(struct gpioclx_bank *bank, unsigned int pin);

/* gpioclx_irq_emul.c: EmulateActiveBoth and EmulateDebouncing */
struct gpioclx_debounce {
	struct hrtimer timer;
	struct gpioclx_bank *bank;
	unsigned int pin;
	bool stable;			/* the last debounced level */
};
bool gpioclx_both_initial_level(struct gpioclx_bank *bank, unsigned int pin);
void gpioclx_both_rearm(struct gpioclx_bank *bank, unsigned int pin);
int gpioclx_debounce_setup(struct gpioclx_controller *ctrl);
void gpioclx_debounce_stop_all(struct gpioclx_controller *ctrl);
bool gpioclx_debounce_event(struct gpioclx_bank *bank, unsigned int pin);
void gpioclx_debounce_cancel(struct gpioclx_bank *bank, unsigned int pin, bool sync);
void gpioclx_debounce_start(struct gpioclx_bank *bank, unsigned int pin);

/* gpioclx_controller.c */
int gpioclx_controller_probe(struct device *dev, struct gpioclx_driver *gdrv,
			     struct resource *mem, unsigned int nmem,
			     const u64 *conns, unsigned int nconns,
			     const int *irqs, unsigned int nirqs);
void gpioclx_controller_remove(struct device *dev);

/* gpioclx_packet.c */
NTSTATUS gpioclx_packet_validate(const char *name, const GPIO_CLIENT_REGISTRATION_PACKET *p);
NTSTATUS gpioclx_basic_info_validate(struct gpioclx_controller *ctrl);

/* gpioclx_driver.c */
struct gpioclx_driver *gpioclx_driver_lookup(WDFDRIVER driver);
int gpioclx_note_probe(struct gpioclx_driver *gdrv, struct device *dev, int ret);

/* gpioclx_i2c_driver.c: the i2c_driver flavour of a client's glue */
#if IS_ENABLED(CONFIG_I2C)
int gpioclx_i2c_driver_register(struct gpioclx_client_driver *drv, struct module *owner);
void gpioclx_i2c_driver_unregister(struct gpioclx_client_driver *drv);
#else
static inline int gpioclx_i2c_driver_register(struct gpioclx_client_driver *drv,
					      struct module *owner)
{
	pr_err("gpioclx: %s: a controller on I2C, in a kernel without I2C\n", drv->name);
	return -ENODEV;
}

static inline void gpioclx_i2c_driver_unregister(struct gpioclx_client_driver *drv)
{
}
#endif

/* gpioclx_debugfs.c */
void gpioclx_debugfs_add(struct gpioclx_controller *ctrl);
void gpioclx_debugfs_remove(struct gpioclx_controller *ctrl);
void gpioclx_debugfs_init(void);
void gpioclx_debugfs_exit(void);

/* gpioclx_pm.c */
extern const struct dev_pm_ops gpioclx_pm_ops;
int gpioclx_pm_setup(struct gpioclx_controller *ctrl);
int gpioclx_pm_get(struct gpioclx_controller *ctrl);
void gpioclx_pm_put(struct gpioclx_controller *ctrl);
void gpioclx_pm_wake_for_removal(struct gpioclx_controller *ctrl);
void gpioclx_pm_removed(struct gpioclx_controller *ctrl);

#endif /* GPIOCLX_INTERNAL_H */
