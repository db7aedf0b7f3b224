// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_irq.c - the irq_chip whose operations call the client's
 * interrupt callbacks, and the handler of the controller's own interrupts.
 *
 *   irq_startup      EnableInterrupt (mode and polarity from the trigger
 *                    type, the line's pull and debounce); unmasked
 *   irq_shutdown     DisableInterrupt
 *   irq_mask         MaskInterrupts, then gpiochip_disable_irq()
 *   irq_unmask       gpiochip_enable_irq(), then UnmaskInterrupt
 *   irq_ack          ClearActiveInterrupts (edges), unless the client
 *                    clears on read; for emulated both-edge lines, the
 *                    Mask/Reconfigure/Unmask that arms the other level
 *   irq_set_type     recorded; ReconfigureInterrupt if already enabled
 *
 * Trigger types: rising/falling edge = Latched + RisingEdge/FallingEdge,
 * both = Latched + InterruptActiveBoth (or level emulation when the client
 * sets EmulateActiveBoth), level high/low = LevelSensitive +
 * ActiveHigh/ActiveLow. Edge lines run handle_edge_irq, level lines
 * handle_level_irq, which masks a level line while it is handled and
 * unmasks it after, so a level still asserted fires again.
 *
 * Memory-mapped controllers get their interrupt callbacks at once, under
 * the bank's raw spinlock (or the passive lock for Enable/Disable), from
 * a chained handler per parent interrupt. Serial controllers can
 * sleep: irq_chip operations are recorded and applied to the client in
 * irq_bus_sync_unlock(), and the parent interrupt is threaded, with
 * nested child handlers.
 */
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqchip/chained_irq.h>
#include <linux/irqdomain.h>
#include <linux/jiffies.h>
#include <linux/moduleparam.h>

#include "gpioclx_internal.h"

static unsigned int storm_limit = 20000;
module_param(storm_limit, uint, 0644);
MODULE_PARM_DESC(storm_limit,
		 "interrupts per second on one line before it is masked as a storm (0 = off)");

static struct gpioclx_bank *gpioclx_irq_bank(struct irq_data *d, unsigned int *pin)
{
	struct gpioclx_controller *ctrl = gpioclx_from_gc(irq_data_get_irq_chip_data(d));

	return gpioclx_bank_of(ctrl, irqd_to_hwirq(d), pin);
}

/* Mode and polarity for the client, from the Linux trigger type. */
static void gpioclx_irq_mode(struct gpioclx_bank *bank, unsigned int pin,
			     KINTERRUPT_MODE *mode, KINTERRUPT_POLARITY *polarity)
{
	struct gpioclx_pin *p = &bank->pins[pin];

	switch (p->irq_type) {
	case IRQ_TYPE_LEVEL_HIGH:
		*mode = LevelSensitive;
		*polarity = InterruptActiveHigh;
		break;
	case IRQ_TYPE_LEVEL_LOW:
		*mode = LevelSensitive;
		*polarity = InterruptActiveLow;
		break;
	case IRQ_TYPE_EDGE_RISING:
		*mode = Latched;
		*polarity = InterruptRisingEdge;
		break;
	case IRQ_TYPE_EDGE_FALLING:
		*mode = Latched;
		*polarity = InterruptFallingEdge;
		break;
	default:	/* IRQ_TYPE_EDGE_BOTH */
		if (bank->irq_emulated_both & BIT_ULL(pin)) {
			/* armed for the level the line does not have yet */
			*mode = LevelSensitive;
			*polarity = p->last_level ? InterruptActiveLow : InterruptActiveHigh;
		} else {
			*mode = Latched;
			*polarity = InterruptActiveBoth;
		}
		break;
	}
	p->mode = *mode;
	p->polarity = *polarity;
}

static void gpioclx_irq_params(struct gpioclx_bank *bank, unsigned int pin,
			       GPIO_ENABLE_INTERRUPT_PARAMETERS *p)
{
	memset(p, 0, sizeof(*p));
	p->BankId = bank->id;
	p->PinNumber = pin;
	gpioclx_irq_mode(bank, pin, &p->InterruptMode, &p->Polarity);
	p->PullConfiguration = bank->pins[pin].pull;
	p->DebounceTimeout = bank->pins[pin].debounce;
}

static void gpioclx_irq_report(struct gpioclx_bank *bank, enum gpioclx_cb cb, u64 pins,
			       NTSTATUS status)
{
	gpioclx_note_call(bank->ctrl, cb, bank->id, pins, status);
	if (!NT_SUCCESS(status))
		gpioclx_call_err(bank->ctrl, cb, bank->id, status);
}

/* Client calls on the ISR path: under the bank lock. */
NTSTATUS gpioclx_irq_client_mask(struct gpioclx_bank *bank, u64 pins)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	GPIO_MASK_INTERRUPT_PARAMETERS p = { .BankId = bank->id, .PinMask = pins };
	NTSTATUS status;

	gpioclx_bank_lock(bank);
	status = ctrl->cb->CLIENT_MaskInterrupts(ctrl->context, &p);
	if (NT_SUCCESS(status))
		p.FailedMask = 0;
	bank->irq_masked |= pins & ~p.FailedMask;
	gpioclx_bank_unlock(bank);
	gpioclx_irq_report(bank, GPIOCLX_CB_MASK_INTERRUPTS, pins, status);
	return status;
}

NTSTATUS gpioclx_irq_client_unmask(struct gpioclx_bank *bank, unsigned int pin)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	GPIO_ENABLE_INTERRUPT_PARAMETERS p;
	NTSTATUS status;

	if (bank->irq_storm_masked & BIT_ULL(pin))
		return STATUS_SUCCESS;	/* stays quiet until shut down */
	gpioclx_bank_lock(bank);
	gpioclx_irq_params(bank, pin, &p);
	status = ctrl->cb->CLIENT_UnmaskInterrupt(ctrl->context, &p);
	if (NT_SUCCESS(status))
		bank->irq_masked &= ~BIT_ULL(pin);
	gpioclx_bank_unlock(bank);
	gpioclx_irq_report(bank, GPIOCLX_CB_UNMASK_INTERRUPT, BIT_ULL(pin), status);
	return status;
}

static NTSTATUS gpioclx_irq_client_clear(struct gpioclx_bank *bank, u64 pins)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	GPIO_CLEAR_ACTIVE_INTERRUPTS_PARAMETERS p = { .BankId = bank->id,
						      .ClearActiveMask = pins };
	NTSTATUS status;

	if (ctrl->info.Flags.ActiveInterruptsAutoClearOnRead)
		return STATUS_SUCCESS;
	gpioclx_bank_lock(bank);
	status = ctrl->cb->CLIENT_ClearActiveInterrupts(ctrl->context, &p);
	gpioclx_bank_unlock(bank);
	gpioclx_irq_report(bank, GPIOCLX_CB_CLEAR_ACTIVE, pins, status);
	return status;
}

/* Reprogram mode/polarity of an enabled line: Mask, Reconfigure, Unmask. */
NTSTATUS gpioclx_irq_client_reconfigure(struct gpioclx_bank *bank, unsigned int pin)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	GPIO_RECONFIGURE_INTERRUPTS_PARAMETERS p = { .BankId = bank->id, .PinNumber = pin };
	bool was_masked = bank->irq_masked & BIT_ULL(pin);
	NTSTATUS status;

	if (!ctrl->cb->CLIENT_ReconfigureInterrupt)
		return STATUS_NOT_SUPPORTED;
	if (!was_masked)
		gpioclx_irq_client_mask(bank, BIT_ULL(pin));
	gpioclx_bank_lock(bank);
	gpioclx_irq_mode(bank, pin, &p.InterruptMode, &p.Polarity);
	status = ctrl->cb->CLIENT_ReconfigureInterrupt(ctrl->context, &p);
	gpioclx_bank_unlock(bank);
	gpioclx_irq_report(bank, GPIOCLX_CB_RECONFIGURE, BIT_ULL(pin), status);
	if (!was_masked && NT_SUCCESS(status))
		gpioclx_irq_client_unmask(bank, pin);
	return status;
}

/* Passive-level client calls: Enable and Disable. */
static NTSTATUS gpioclx_irq_client_enable(struct gpioclx_bank *bank, unsigned int pin)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	GPIO_ENABLE_INTERRUPT_PARAMETERS p;
	unsigned long flags;
	NTSTATUS status;

	bool emulate = ctrl->info.Flags.EmulateActiveBoth &&
		       bank->pins[pin].irq_type == IRQ_TYPE_EDGE_BOTH;

	if (emulate)
		bank->pins[pin].last_level = gpioclx_both_initial_level(bank, pin);
	gpioclx_debounce_start(bank, pin);
	gpioclx_bank_lock(bank);
	bank->irq_storm_masked &= ~BIT_ULL(pin);
	bank->pins[pin].storm_count = 0;
	if (emulate)
		bank->irq_emulated_both |= BIT_ULL(pin);
	else
		bank->irq_emulated_both &= ~BIT_ULL(pin);
	gpioclx_bank_unlock(bank);
	gpioclx_irq_params(bank, pin, &p);
	gpioclx_passive_begin(bank, &flags);
	status = ctrl->cb->CLIENT_EnableInterrupt(ctrl->context, &p);
	gpioclx_passive_end(bank, flags);
	gpioclx_irq_report(bank, GPIOCLX_CB_ENABLE_INTERRUPT, BIT_ULL(pin), status);
	if (NT_SUCCESS(status)) {
		gpioclx_bank_lock(bank);
		bank->irq_enabled |= BIT_ULL(pin);
		bank->irq_masked &= ~BIT_ULL(pin);	/* Enable leaves it unmasked */
		gpioclx_bank_unlock(bank);
	}
	return status;
}

static void gpioclx_irq_client_disable(struct gpioclx_bank *bank, unsigned int pin)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	GPIO_DISABLE_INTERRUPT_PARAMETERS p = { .BankId = bank->id, .PinNumber = pin };
	unsigned long flags;
	NTSTATUS status;

	gpioclx_debounce_cancel(bank, pin);
	gpioclx_bank_lock(bank);
	bank->irq_enabled &= ~BIT_ULL(pin);
	bank->irq_masked &= ~BIT_ULL(pin);
	gpioclx_bank_unlock(bank);
	gpioclx_passive_begin(bank, &flags);
	status = ctrl->cb->CLIENT_DisableInterrupt(ctrl->context, &p);
	if (!NT_SUCCESS(status) && !ctrl->mm) {
		/* serial controllers may fail an I/O: GpioClx retries once, flagged */
		p.Flags.RetryDisableOnFailure = 1;
		gpioclx_note_call(ctrl, GPIOCLX_CB_DISABLE_INTERRUPT, bank->id, BIT_ULL(pin),
				  status);
		status = ctrl->cb->CLIENT_DisableInterrupt(ctrl->context, &p);
	}
	gpioclx_passive_end(bank, flags);
	gpioclx_irq_report(bank, GPIOCLX_CB_DISABLE_INTERRUPT, BIT_ULL(pin), status);
}

/*
 * Serial controllers: bring the client in line with what Linux asked for
 * while the irq bus lock was held. Runs in process context.
 */
static void gpioclx_irq_sync_bank(struct gpioclx_bank *bank)
{
	unsigned long bits[BITS_TO_LONGS(64)];
	u64 off, on, retype, mask, unmask;
	unsigned int pin;

	off = bank->irq_enabled & ~bank->irq_want_enabled;
	on = bank->irq_want_enabled & ~bank->irq_enabled;
	retype = bank->irq_type_dirty & bank->irq_enabled & bank->irq_want_enabled;
	bank->irq_type_dirty = 0;

	bitmap_from_u64(bits, off);
	for_each_set_bit(pin, bits, 64)
		gpioclx_irq_client_disable(bank, pin);
	bitmap_from_u64(bits, on);
	for_each_set_bit(pin, bits, 64)
		if (!NT_SUCCESS(gpioclx_irq_client_enable(bank, pin)))
			bank->irq_want_enabled &= ~BIT_ULL(pin);
	bitmap_from_u64(bits, retype);
	for_each_set_bit(pin, bits, 64)
		gpioclx_irq_client_reconfigure(bank, pin);

	mask = bank->irq_want_masked & bank->irq_enabled & ~bank->irq_masked;
	unmask = ~bank->irq_want_masked & bank->irq_enabled & bank->irq_masked;
	if (mask)
		gpioclx_irq_client_mask(bank, mask);
	bitmap_from_u64(bits, unmask);
	for_each_set_bit(pin, bits, 64)
		gpioclx_irq_client_unmask(bank, pin);
}

static void gpioclx_irq_bus_lock(struct irq_data *d)
{
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);

	mutex_lock(&bank->ctrl->irq_bus_lock);
}

static void gpioclx_irq_bus_sync_unlock(struct irq_data *d)
{
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);

	gpioclx_irq_sync_bank(bank);
	mutex_unlock(&bank->ctrl->irq_bus_lock);
}

static void gpioclx_irq_unmask(struct irq_data *d);

static unsigned int gpioclx_irq_startup(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);
	NTSTATUS status;

	if (bank->pins[pin].irq_type == IRQ_TYPE_NONE) {
		dev_err(bank->ctrl->dev, "line %lu: interrupt started without a trigger type\n",
			irqd_to_hwirq(d));
		return 0;	/* the line stays disabled at the client */
	}
	gpiochip_enable_irq(gc, irqd_to_hwirq(d));
	if (!bank->ctrl->mm) {
		/* under the irq bus lock; applied at irq_bus_sync_unlock */
		bank->irq_want_enabled |= BIT_ULL(pin);
		bank->irq_want_masked &= ~BIT_ULL(pin);
		return 0;
	}
	status = gpioclx_irq_client_enable(bank, pin);
	if (!NT_SUCCESS(status))
		dev_err(bank->ctrl->dev, "line %lu: EnableInterrupt failed, interrupt stays off\n",
			irqd_to_hwirq(d));
	return 0;
}

/*
 * enable_irq() on a line the core thinks is started. That is a plain
 * unmask, except when the descriptor was started in an earlier life (the
 * core does not forget IRQD_IRQ_STARTED when a chained parent is torn
 * down and its number reused): then the client has not enabled it yet.
 */
static void gpioclx_irq_enable(struct irq_data *d)
{
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);
	u64 on = bank->ctrl->mm ? bank->irq_enabled : bank->irq_want_enabled;

	if (on & BIT_ULL(pin))
		gpioclx_irq_unmask(d);
	else
		gpioclx_irq_startup(d);
}

static void gpioclx_irq_shutdown(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);

	if (!bank->ctrl->mm) {
		bank->irq_want_enabled &= ~BIT_ULL(pin);
		bank->irq_want_masked &= ~BIT_ULL(pin);
	} else if (bank->irq_enabled & BIT_ULL(pin)) {
		gpioclx_irq_client_disable(bank, pin);
	}
	gpiochip_disable_irq(gc, irqd_to_hwirq(d));
}

static void gpioclx_irq_mask(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);

	if (!bank->ctrl->mm)
		bank->irq_want_masked |= BIT_ULL(pin);
	else if (bank->irq_enabled & ~bank->irq_masked & BIT_ULL(pin))
		gpioclx_irq_client_mask(bank, BIT_ULL(pin));
	gpiochip_disable_irq(gc, irqd_to_hwirq(d));
}

static void gpioclx_irq_unmask(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);

	gpiochip_enable_irq(gc, irqd_to_hwirq(d));
	if (!bank->ctrl->mm)
		bank->irq_want_masked &= ~BIT_ULL(pin);
	else if (bank->irq_enabled & bank->irq_masked & BIT_ULL(pin) &&
		 !(bank->irq_debouncing & BIT_ULL(pin)))
		gpioclx_irq_client_unmask(bank, pin);
}

static void gpioclx_irq_ack(struct irq_data *d)
{
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);

	if (!bank->ctrl->mm)
		return;		/* nested handlers: the parent thread clears */
	if (bank->pins[pin].debounce_us && bank->debounce)
		return;		/* the debounce timer re-arms and clears */
	if (bank->irq_emulated_both & BIT_ULL(pin))
		gpioclx_both_rearm(bank, pin);
	else if (bank->pins[pin].mode == Latched)
		gpioclx_irq_client_clear(bank, BIT_ULL(pin));
}

static int gpioclx_irq_set_type(struct irq_data *d, unsigned int type)
{
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);
	struct gpioclx_controller *ctrl = bank->ctrl;
	u64 bit = BIT_ULL(pin);

	type &= IRQ_TYPE_SENSE_MASK;
	if (!type || (type & IRQ_TYPE_LEVEL_MASK && type & IRQ_TYPE_EDGE_BOTH) ||
	    type == IRQ_TYPE_LEVEL_MASK)
		return -EINVAL;
	if (bank->pins[pin].irq_type == type)
		return 0;
	bank->pins[pin].irq_type = type;
	if (ctrl->mm)
		irq_set_handler_locked(d, type & IRQ_TYPE_LEVEL_MASK ? handle_level_irq :
								handle_edge_irq);
	if (!(bank->irq_enabled & bit))
		return 0;
	/* an enabled line: emulation may start or stop, else reprogram it */
	if (ctrl->info.Flags.EmulateActiveBoth &&
	    !!(bank->irq_emulated_both & bit) != (type == IRQ_TYPE_EDGE_BOTH)) {
		if (ctrl->mm) {
			gpioclx_irq_client_disable(bank, pin);
			return gpioclx_status_to_errno(gpioclx_irq_client_enable(bank, pin));
		}
		bank->irq_enabled &= ~bit;	/* re-enabled at sync time */
		return 0;
	}
	if (!ctrl->mm) {
		bank->irq_type_dirty |= bit;
		return 0;
	}
	return gpioclx_status_to_errno(gpioclx_irq_client_reconfigure(bank, pin));
}

static int gpioclx_irq_reqres(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);

	int ret;

	if (!bank->ctrl->cb->CLIENT_EnableInterrupt)
		return -ENXIO;	/* the client has no interrupt callbacks */
	ret = gpioclx_pm_get(bank->ctrl);
	if (ret)
		return ret;
	ret = gpiochip_reqres_irq(gc, irqd_to_hwirq(d));
	if (ret)
		gpioclx_pm_put(bank->ctrl);
	return ret;
}

static void gpioclx_irq_relres(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);

	gpiochip_relres_irq(gc, irqd_to_hwirq(d));
	gpioclx_pm_put(bank->ctrl);
}

static void gpioclx_irq_print_chip(struct irq_data *d, struct seq_file *p)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);

	seq_puts(p, dev_name(gc->parent));
}

static const struct irq_chip gpioclx_irq_chip_mm = {
	.irq_startup = gpioclx_irq_startup,
	.irq_enable = gpioclx_irq_enable,
	.irq_shutdown = gpioclx_irq_shutdown,
	.irq_ack = gpioclx_irq_ack,
	.irq_mask = gpioclx_irq_mask,
	.irq_unmask = gpioclx_irq_unmask,
	.irq_set_type = gpioclx_irq_set_type,
	.irq_request_resources = gpioclx_irq_reqres,
	.irq_release_resources = gpioclx_irq_relres,
	.irq_print_chip = gpioclx_irq_print_chip,
	.flags = IRQCHIP_IMMUTABLE | IRQCHIP_SET_TYPE_MASKED,
};

static const struct irq_chip gpioclx_irq_chip_serial = {
	.irq_startup = gpioclx_irq_startup,
	.irq_enable = gpioclx_irq_enable,
	.irq_shutdown = gpioclx_irq_shutdown,
	.irq_mask = gpioclx_irq_mask,
	.irq_unmask = gpioclx_irq_unmask,
	.irq_set_type = gpioclx_irq_set_type,
	.irq_bus_lock = gpioclx_irq_bus_lock,
	.irq_bus_sync_unlock = gpioclx_irq_bus_sync_unlock,
	.irq_request_resources = gpioclx_irq_reqres,
	.irq_release_resources = gpioclx_irq_relres,
	.irq_print_chip = gpioclx_irq_print_chip,
	.flags = IRQCHIP_IMMUTABLE | IRQCHIP_SET_TYPE_MASKED,
};

/*
 * Storm guard: a line interrupting more than storm_limit times within a
 * second (a level nobody quiets, a stuck edge source) is masked at the
 * client and logged, instead of keeping the CPU in the handler.
 */
static bool gpioclx_irq_storming(struct gpioclx_bank *bank, unsigned int pin)
{
	unsigned int limit = bank->ctrl->storm_limit;
	struct gpioclx_pin *p = &bank->pins[pin];

	if (!limit)
		return false;
	if (time_after(jiffies, p->storm_window + HZ)) {
		p->storm_window = jiffies;
		p->storm_count = 0;
	}
	if (++p->storm_count <= limit)
		return false;
	bank->irq_storm_masked |= BIT_ULL(pin);
	gpioclx_irq_client_mask(bank, BIT_ULL(pin));
	dev_err(bank->ctrl->dev,
		"line %u: interrupt storm (over %u per second), masked until it is requested again\n",
		bank->base + pin, limit);
	return true;
}

/* Hand one active pin to Linux; EmulateDebouncing may hold it back. */
int gpioclx_irq_dispatch(struct gpioclx_bank *bank, unsigned int pin)
{
	struct gpioclx_controller *ctrl = bank->ctrl;

	if (gpioclx_irq_storming(bank, pin))
		return 0;
	if (bank->pins[pin].debounce_us && gpioclx_debounce_event(bank, pin))
		return 0;
	if (ctrl->mm)
		return generic_handle_domain_irq_safe(ctrl->gc.irq.domain, bank->base + pin);
	handle_nested_irq(irq_find_mapping(ctrl->gc.irq.domain, bank->base + pin));
	return 0;
}

/* One bank's part of a parent interrupt: query, (serial: clear), dispatch. */
static bool gpioclx_irq_service_bank(struct gpioclx_bank *bank)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	GPIO_QUERY_ACTIVE_INTERRUPTS_PARAMETERS q = { .BankId = bank->id };
	unsigned long bits[BITS_TO_LONGS(64)];
	NTSTATUS status = STATUS_SUCCESS;
	unsigned int pin;
	u64 active;

	gpioclx_bank_lock(bank);
	q.EnabledMask = bank->irq_enabled & ~bank->irq_masked;
	if (!q.EnabledMask) {
		gpioclx_bank_unlock(bank);
		return false;
	}
	if (ctrl->cb->CLIENT_PreProcessControllerInterrupt && ctrl->mm) {
		status = ctrl->cb->CLIENT_PreProcessControllerInterrupt(ctrl->context, bank->id,
									 q.EnabledMask);
		gpioclx_note_call(ctrl, GPIOCLX_CB_PRE_PROCESS, bank->id, q.EnabledMask, status);
	}
	if (NT_SUCCESS(status))
		status = ctrl->cb->CLIENT_QueryActiveInterrupts(ctrl->context, &q);
	gpioclx_bank_unlock(bank);
	gpioclx_note_call(ctrl, GPIOCLX_CB_QUERY_ACTIVE, bank->id, q.EnabledMask, status);
	if (!NT_SUCCESS(status)) {
		/* nothing to dispatch; a level parent line will tell us again */
		gpioclx_call_err(ctrl, GPIOCLX_CB_QUERY_ACTIVE, bank->id, status);
		return false;
	}
	/* a client must report only enabled pins: ignore the rest */
	active = q.ActiveMask & q.EnabledMask;
	if (!active)
		return false;
	if (!ctrl->mm) {
		/* nested handlers have no ack: clear latched edges up front */
		u64 edges = active & ~bank->irq_emulated_both;
		unsigned int i;

		for (i = 0; i < bank->npins; i++)
			if (bank->pins[i].mode != Latched)
				edges &= ~BIT_ULL(i);
		if (edges)
			gpioclx_irq_client_clear(bank, edges);
		bitmap_from_u64(bits, active & bank->irq_emulated_both);
		for_each_set_bit(pin, bits, 64)
			gpioclx_both_rearm(bank, pin);
	}
	bitmap_from_u64(bits, active);
	for_each_set_bit(pin, bits, 64)
		gpioclx_irq_dispatch(bank, pin);
	return true;
}

/*
 * Memory-mapped controllers: a chained handler on each parent interrupt,
 * installed by gpiolib, like native SoC GPIO drivers (and so a parent a
 * built-in driver chained before can be taken over).
 */
static void gpioclx_chained_handler(struct irq_desc *desc)
{
	struct gpioclx_controller *ctrl = irq_desc_get_handler_data(desc);
	struct irq_chip *chip = irq_desc_get_chip(desc);
	unsigned int irq = irq_desc_get_irq(desc), b;

	chained_irq_enter(chip, desc);
	for (b = 0; b < ctrl->nbanks; b++)
		if (ctrl->banks[b].parent_irq == irq)
			gpioclx_irq_service_bank(&ctrl->banks[b]);
	chained_irq_exit(chip, desc);
}

/* Serial controllers: the parent's thread serves the banks bound to it. */
static irqreturn_t gpioclx_parent_handler(int irq, void *data)
{
	struct gpioclx_controller *ctrl = data;
	bool handled = false;
	unsigned int b;

	for (b = 0; b < ctrl->nbanks; b++)
		if (ctrl->banks[b].parent_irq == irq)
			handled |= gpioclx_irq_service_bank(&ctrl->banks[b]);
	return handled ? IRQ_HANDLED : IRQ_NONE;
}

/* Serial controllers: PreProcess must see the interrupt at once. */
static irqreturn_t gpioclx_parent_hardirq(int irq, void *data)
{
	struct gpioclx_controller *ctrl = data;
	unsigned int b;
	NTSTATUS status;

	for (b = 0; b < ctrl->nbanks; b++) {
		struct gpioclx_bank *bank = &ctrl->banks[b];

		if (bank->parent_irq != irq)
			continue;
		status = ctrl->cb->CLIENT_PreProcessControllerInterrupt(ctrl->context, bank->id,
									 bank->irq_enabled);
		gpioclx_note_call(ctrl, GPIOCLX_CB_PRE_PROCESS, bank->id, bank->irq_enabled,
				  status);
	}
	return IRQ_WAKE_THREAD;
}

/*
 * Which interrupt resource serves which bank: the client's answer to
 * QueryBankInterruptBindingInformation if it gives one (indexes into the
 * resource list, GPIO_BANK_INTERRUPT_BINDING_RESERVED_INDEX for none), else
 * the n-th interrupt resource serves bank n and banks beyond the last
 * resource share it (one interrupt for a whole controller).
 */
static void gpioclx_irq_bind_banks(struct gpioclx_controller *ctrl)
{
	CLIENT_CONTROLLER_QUERY_SET_INFORMATION_INPUT in = {
		.RequestType = QueryBankInterruptBindingInformation,
		.Size = sizeof(in),
		.BankInterruptBinding.ResourcesTranslated = (WDFCMRESLIST)&ctrl->translated,
		.BankInterruptBinding.ResourcesRaw = (WDFCMRESLIST)&ctrl->raw,
		.BankInterruptBinding.TotalBanks = ctrl->nbanks,
	};
	PCLIENT_CONTROLLER_QUERY_SET_INFORMATION_OUTPUT out = NULL;
	size_t size = offsetof(CLIENT_CONTROLLER_QUERY_SET_INFORMATION_OUTPUT,
			       BankInterruptBinding.ResourceMapping[ctrl->nbanks]);
	unsigned int b, first_irq = ctrl->translated.count - ctrl->nparents;
	NTSTATUS status = STATUS_NOT_SUPPORTED;

	if (ctrl->cb->CLIENT_QuerySetControllerInformation) {
		out = kzalloc(max(size, sizeof(*out)), GFP_KERNEL);
		if (out) {
			out->Size = max(size, sizeof(*out));
			status = ctrl->cb->CLIENT_QuerySetControllerInformation(ctrl->context,
										 &in, out);
			gpioclx_note_call(ctrl, GPIOCLX_CB_QUERY_SET_INFO, 0, 0, status);
		}
	}
	for (b = 0; b < ctrl->nbanks; b++) {
		struct gpioclx_bank *bank = &ctrl->banks[b];
		ULONG index;

		bank->parent_irq = 0;
		if (NT_SUCCESS(status)) {
			index = out->BankInterruptBinding.ResourceMapping[b];
			if (index == GPIO_BANK_INTERRUPT_BINDING_RESERVED_INDEX)
				continue;
			if (index < first_irq || index >= ctrl->translated.count) {
				dev_err(ctrl->dev, "bank %u bound to resource %u, not an interrupt\n",
					b, index);
				continue;
			}
			bank->parent_irq = ctrl->parent_irqs[index - first_irq];
		} else if (ctrl->nparents) {
			bank->parent_irq = ctrl->parent_irqs[min(b, ctrl->nparents - 1)];
		}
	}
	kfree(out);
}

/* The distinct parent interrupts, in bank order; returns how many. */
static unsigned int gpioclx_irq_parents(struct gpioclx_controller *ctrl, unsigned int *parents)
{
	unsigned int b, i, n = 0;
	int irq;

	for (b = 0; b < ctrl->nbanks; b++) {
		irq = ctrl->banks[b].parent_irq;
		if (!irq)
			continue;
		for (i = 0; i < n && parents[i] != irq; i++)
			;
		if (i == n)
			parents[n++] = irq;
	}
	return n;
}

static int gpioclx_irq_request_threaded_parents(struct gpioclx_controller *ctrl)
{
	irq_handler_t hardirq = NULL;
	unsigned int *parents, i, n;
	int ret;

	parents = devm_kcalloc(ctrl->dev, ctrl->nbanks, sizeof(*parents), GFP_KERNEL);
	if (!parents)
		return -ENOMEM;
	n = gpioclx_irq_parents(ctrl, parents);
	if (ctrl->cb->CLIENT_PreProcessControllerInterrupt)
		hardirq = gpioclx_parent_hardirq;
	for (i = 0; i < n; i++) {
		ret = devm_request_threaded_irq(ctrl->dev, parents[i], hardirq,
						gpioclx_parent_handler, IRQF_ONESHOT | IRQF_SHARED,
						dev_name(ctrl->dev), ctrl);
		if (ret)
			return dev_err_probe(ctrl->dev, ret, "requesting parent interrupt %u\n",
					     parents[i]);
	}
	return 0;
}

/* Lines past TotalPins (a short last bank) have no interrupt either. */
static void gpioclx_irq_init_valid_mask(struct gpio_chip *gc, unsigned long *valid_mask,
					unsigned int ngpios)
{
	struct gpioclx_controller *ctrl = gpioclx_from_gc(gc);

	bitmap_clear(valid_mask, ctrl->total_pins, ngpios - ctrl->total_pins);
}

int gpioclx_irq_setup(struct gpioclx_controller *ctrl)
{
	struct gpio_irq_chip *girq = &ctrl->gc.irq;
	int ret;

	mutex_init(&ctrl->irq_bus_lock);
	ctrl->storm_limit = storm_limit;
	if (!ctrl->cb->CLIENT_EnableInterrupt)
		return 0;
	ret = gpioclx_debounce_setup(ctrl);
	if (ret)
		return ret;
	gpioclx_irq_bind_banks(ctrl);
	gpio_irq_chip_set_chip(girq, ctrl->mm ? &gpioclx_irq_chip_mm : &gpioclx_irq_chip_serial);
	/* MM: set_type picks the edge or level flow; serial: nested threads */
	girq->handler = ctrl->mm ? handle_bad_irq : handle_simple_irq;
	girq->default_type = IRQ_TYPE_NONE;
	girq->threaded = !ctrl->mm;
	if (ctrl->total_pins < ctrl->gc.ngpio)
		girq->init_valid_mask = gpioclx_irq_init_valid_mask;
	if (ctrl->mm) {
		girq->parents = devm_kcalloc(ctrl->dev, ctrl->nbanks, sizeof(*girq->parents),
					     GFP_KERNEL);
		if (!girq->parents)
			return -ENOMEM;
		girq->num_parents = gpioclx_irq_parents(ctrl, girq->parents);
		girq->parent_handler = girq->num_parents ? gpioclx_chained_handler : NULL;
		girq->parent_handler_data = ctrl;
	}
	return 0;
}

/* After the gpio_chip (and its irq domain) exist: serial parents' threads. */
int gpioclx_irq_start(struct gpioclx_controller *ctrl)
{
	if (!ctrl->cb->CLIENT_EnableInterrupt || ctrl->mm)
		return 0;
	return gpioclx_irq_request_threaded_parents(ctrl);
}

/* Unbind: disable what consumers left enabled. */
void gpioclx_irq_disable_all(struct gpioclx_controller *ctrl)
{
	unsigned long bits[BITS_TO_LONGS(64)];
	unsigned int b, pin;

	if (!ctrl->banks || !ctrl->cb->CLIENT_EnableInterrupt)
		return;
	for (b = 0; b < ctrl->nbanks; b++) {
		struct gpioclx_bank *bank = &ctrl->banks[b];

		bitmap_from_u64(bits, bank->irq_enabled);
		for_each_set_bit(pin, bits, 64) {
			dev_warn(ctrl->dev, "line %u: interrupt still enabled at unbind: disabling\n",
				 bank->base + pin);
			gpioclx_irq_client_disable(bank, pin);
		}
	}
}
