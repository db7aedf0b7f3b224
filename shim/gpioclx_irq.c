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

/* The trigger type the irq core holds for a line. */
unsigned int gpioclx_irq_type(struct gpioclx_bank *bank, unsigned int pin)
{
	struct irq_domain *domain = bank->ctrl->gc.irq.domain;
	unsigned int irq = domain ? irq_find_mapping(domain, bank->base + pin) : 0;

	return irq ? irq_get_trigger_type(irq) : IRQ_TYPE_NONE;
}

/* Mode and polarity for the client, from the Linux trigger type. */
static void gpioclx_irq_mode(struct gpioclx_bank *bank, unsigned int pin, unsigned int type,
			     KINTERRUPT_MODE *mode, KINTERRUPT_POLARITY *polarity)
{
	struct gpioclx_pin *p = &bank->pins[pin];

	switch (type) {
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

/* Enable and Unmask parameters: the line's programmed mode and polarity. */
static void gpioclx_irq_params(struct gpioclx_bank *bank, unsigned int pin,
			       GPIO_ENABLE_INTERRUPT_PARAMETERS *p)
{
	memset(p, 0, sizeof(*p));
	p->BankId = bank->id;
	p->PinNumber = pin;
	p->InterruptMode = bank->pins[pin].mode;
	p->Polarity = bank->pins[pin].polarity;
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

/* Account for an Unmask made under the bank lock (counter, trace, log). */
static void gpioclx_irq_report_unmask(struct gpioclx_bank *bank, unsigned int pin,
				      NTSTATUS status)
{
	gpioclx_irq_report(bank, GPIOCLX_CB_UNMASK_INTERRUPT, BIT_ULL(pin), status);
}

/*
 * Client calls on the ISR path, with the bank lock held by the caller.
 * gpioclx-api: CLIENT_MaskInterrupts; linux: irq_chip irq_mask, the storm guard, and around
 *	a reconfiguration or a debounce period
 * gpioclx-api: CLIENT_UnmaskInterrupt; linux: irq_chip irq_unmask
 * gpioclx-api: CLIENT_ReconfigureInterrupt; linux: irq_chip irq_set_type on an enabled line,
 *	and each edge of an emulated ActiveBoth line
 */
static NTSTATUS gpioclx_irq_mask_locked(struct gpioclx_bank *bank, u64 pins)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	GPIO_MASK_INTERRUPT_PARAMETERS p = { .BankId = bank->id, .PinMask = pins };
	NTSTATUS status;

	status = ctrl->cb->CLIENT_MaskInterrupts(ctrl->context, &p);
	if (NT_SUCCESS(status))
		p.FailedMask = 0;
	bank->irq_masked |= pins & ~p.FailedMask;
	return status;
}

static NTSTATUS gpioclx_irq_unmask_locked(struct gpioclx_bank *bank, unsigned int pin)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	GPIO_ENABLE_INTERRUPT_PARAMETERS p;
	NTSTATUS status;

	gpioclx_irq_params(bank, pin, &p);
	status = ctrl->cb->CLIENT_UnmaskInterrupt(ctrl->context, &p);
	if (NT_SUCCESS(status))
		bank->irq_masked &= ~BIT_ULL(pin);
	return status;
}

/* On a refusal the line keeps the mode and polarity it had. */
static NTSTATUS gpioclx_irq_reconfigure_locked(struct gpioclx_bank *bank, unsigned int pin,
					       unsigned int type)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	GPIO_RECONFIGURE_INTERRUPTS_PARAMETERS p = { .BankId = bank->id, .PinNumber = pin };
	struct gpioclx_pin old = bank->pins[pin];
	NTSTATUS status;

	gpioclx_irq_mode(bank, pin, type, &p.InterruptMode, &p.Polarity);
	status = ctrl->cb->CLIENT_ReconfigureInterrupt(ctrl->context, &p);
	if (!NT_SUCCESS(status)) {
		bank->pins[pin].mode = old.mode;
		bank->pins[pin].polarity = old.polarity;
	}
	return status;
}

NTSTATUS gpioclx_irq_client_mask(struct gpioclx_bank *bank, u64 pins)
{
	NTSTATUS status;

	gpioclx_bank_lock(bank);
	status = gpioclx_irq_mask_locked(bank, pins);
	gpioclx_bank_unlock(bank);
	gpioclx_irq_report(bank, GPIOCLX_CB_MASK_INTERRUPTS, pins, status);
	return status;
}

NTSTATUS gpioclx_irq_client_unmask(struct gpioclx_bank *bank, unsigned int pin)
{
	NTSTATUS status;

	if (test_bit(pin, &bank->irq_storm_masked))
		return STATUS_SUCCESS;	/* the storm guard unmasks it later */
	gpioclx_bank_lock(bank);
	status = gpioclx_irq_unmask_locked(bank, pin);
	gpioclx_bank_unlock(bank);
	gpioclx_irq_report(bank, GPIOCLX_CB_UNMASK_INTERRUPT, BIT_ULL(pin), status);
	return status;
}

/*
 * gpioclx-api: CLIENT_ClearActiveInterrupts; linux: irq_chip irq_ack (edge lines)
 * gpioclx-api: CONTROLLER_ATTRIBUTE_FLAGS.ActiveInterruptsAutoClearOnRead; linux: irq_ack
 *	calls no ClearActiveInterrupts
 */
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

/*
 * After a debounce period: drop the edge that latched meanwhile and
 * unmask, if the line is still enabled and Linux has not masked it
 * (checked under the bank lock, where irq_shutdown() and irq_mask()
 * record both).
 */
void gpioclx_irq_client_settle(struct gpioclx_bank *bank, unsigned int pin)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	GPIO_CLEAR_ACTIVE_INTERRUPTS_PARAMETERS p = { .BankId = bank->id,
						      .ClearActiveMask = BIT_ULL(pin) };
	NTSTATUS clear = STATUS_SUCCESS, unmask = STATUS_SUCCESS;
	bool cleared = false, unmasked = false;

	gpioclx_bank_lock(bank);
	if (bank->irq_enabled & BIT_ULL(pin)) {
		if (!(bank->irq_emulated_both & BIT_ULL(pin)) &&
		    bank->pins[pin].mode == Latched &&
		    !ctrl->info.Flags.ActiveInterruptsAutoClearOnRead) {
			clear = ctrl->cb->CLIENT_ClearActiveInterrupts(ctrl->context, &p);
			cleared = true;
		}
		if (!test_bit(pin, &bank->irq_storm_masked) &&
		    !(bank->irq_linux_masked & BIT_ULL(pin))) {
			unmask = gpioclx_irq_unmask_locked(bank, pin);
			unmasked = true;
		}
	}
	gpioclx_bank_unlock(bank);
	if (cleared)
		gpioclx_irq_report(bank, GPIOCLX_CB_CLEAR_ACTIVE, BIT_ULL(pin), clear);
	if (unmasked)
		gpioclx_irq_report(bank, GPIOCLX_CB_UNMASK_INTERRUPT, BIT_ULL(pin), unmask);
}

/*
 * Reprogram mode/polarity of an enabled line for trigger @type: Mask,
 * Reconfigure, Unmask under one hold of the bank lock, so no interrupt
 * of the bank is serviced half-way.
 */
NTSTATUS gpioclx_irq_client_reconfigure(struct gpioclx_bank *bank, unsigned int pin,
					unsigned int type)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	u64 bit = BIT_ULL(pin);
	NTSTATUS mask = STATUS_SUCCESS, unmask = STATUS_SUCCESS, status;
	bool was_masked;

	if (!ctrl->cb->CLIENT_ReconfigureInterrupt)
		return STATUS_NOT_SUPPORTED;
	gpioclx_bank_lock(bank);
	if (!(bank->irq_enabled & bit)) {
		/* shut down meanwhile (a debounce timer's late re-arm) */
		gpioclx_bank_unlock(bank);
		return STATUS_SUCCESS;
	}
	was_masked = bank->irq_masked & bit;
	if (!was_masked)
		mask = gpioclx_irq_mask_locked(bank, bit);
	status = gpioclx_irq_reconfigure_locked(bank, pin, type);
	/* refused or not, the line listens again as it did before the Mask */
	if (!was_masked && !test_bit(pin, &bank->irq_storm_masked))
		unmask = gpioclx_irq_unmask_locked(bank, pin);
	gpioclx_bank_unlock(bank);
	if (!was_masked)
		gpioclx_irq_report(bank, GPIOCLX_CB_MASK_INTERRUPTS, bit, mask);
	gpioclx_irq_report(bank, GPIOCLX_CB_RECONFIGURE, bit, status);
	if (!was_masked)
		gpioclx_irq_report(bank, GPIOCLX_CB_UNMASK_INTERRUPT, bit, unmask);
	return status;
}

/*
 * Passive-level client calls: Enable and Disable, for trigger @type.
 * gpioclx-api: CLIENT_EnableInterrupt; linux: irq_chip irq_startup, and irq_set_type of a
 *	memory-mapped line whose interrupt is being requested
 * gpioclx-api: CLIENT_DisableInterrupt; linux: irq_chip irq_shutdown, and unbind
 */
static NTSTATUS gpioclx_irq_client_enable(struct gpioclx_bank *bank, unsigned int pin,
					  unsigned int type, bool may_sleep)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	bool emulate = ctrl->info.Flags.EmulateActiveBoth && type == IRQ_TYPE_EDGE_BOTH;
	GPIO_ENABLE_INTERRUPT_PARAMETERS p;
	NTSTATUS status;

	/* the emulation's one read: which level to arm for first */
	if (emulate)
		bank->pins[pin].last_level = gpioclx_both_initial_level(bank, pin);
	gpioclx_debounce_start(bank, pin);
	gpioclx_bank_lock(bank);
	clear_bit(pin, &bank->irq_storm_masked);
	bank->pins[pin].storm_count = 0;
	if (emulate)
		bank->irq_emulated_both |= BIT_ULL(pin);
	else
		bank->irq_emulated_both &= ~BIT_ULL(pin);
	gpioclx_irq_mode(bank, pin, type, &bank->pins[pin].mode, &bank->pins[pin].polarity);
	gpioclx_bank_unlock(bank);
	gpioclx_irq_params(bank, pin, &p);
	status = gpioclx_passive_begin(bank, may_sleep);
	if (NT_SUCCESS(status)) {
		status = ctrl->cb->CLIENT_EnableInterrupt(ctrl->context, &p);
		gpioclx_passive_end(bank);
	}
	gpioclx_irq_report(bank, GPIOCLX_CB_ENABLE_INTERRUPT, BIT_ULL(pin), status);
	if (NT_SUCCESS(status)) {
		gpioclx_bank_lock(bank);
		bank->irq_enabled |= BIT_ULL(pin);
		bank->irq_masked &= ~BIT_ULL(pin);	/* Enable leaves it unmasked */
		bank->irq_linux_masked &= ~BIT_ULL(pin);	/* a new life of the line */
		gpioclx_bank_unlock(bank);
	}
	return status;
}

/*
 * @may_sleep: process context, where a running debounce timer is waited
 * for. A Disable the passive lock refuses (gpioclx_passive_begin(): from
 * an interrupt handler, or with interrupts off while another passive call
 * runs) masks the line instead, under the bank lock, and is finished in
 * irq_release_resources.
 */
static void gpioclx_irq_client_disable(struct gpioclx_bank *bank, unsigned int pin,
				       bool may_sleep)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	GPIO_DISABLE_INTERRUPT_PARAMETERS p = { .BankId = bank->id, .PinNumber = pin };
	u64 bit = BIT_ULL(pin);
	NTSTATUS status;

	/* first: a debounce timer still running sees the line off and stops */
	gpioclx_bank_lock(bank);
	bank->irq_enabled &= ~bit;
	bank->irq_linux_masked &= ~bit;
	gpioclx_bank_unlock(bank);
	gpioclx_debounce_cancel(bank, pin, may_sleep);
	clear_bit(pin, &bank->irq_storm_masked);
	status = gpioclx_passive_begin(bank, may_sleep);
	if (!NT_SUCCESS(status)) {
		gpioclx_bank_lock(bank);
		if (!(bank->irq_masked & bit))
			gpioclx_irq_mask_locked(bank, bit);
		bank->irq_disable_pending |= bit;
		gpioclx_bank_unlock(bank);
		gpioclx_irq_report(bank, GPIOCLX_CB_DISABLE_INTERRUPT, bit, status);
		return;
	}
	status = ctrl->cb->CLIENT_DisableInterrupt(ctrl->context, &p);
	if (!NT_SUCCESS(status) && !ctrl->mm) {
		/* serial controllers may fail an I/O: GpioClx retries once, flagged */
		p.Flags.RetryDisableOnFailure = 1;
		gpioclx_note_call(ctrl, GPIOCLX_CB_DISABLE_INTERRUPT, bank->id, bit, status);
		status = ctrl->cb->CLIENT_DisableInterrupt(ctrl->context, &p);
	}
	gpioclx_passive_end(bank);
	gpioclx_bank_lock(bank);
	bank->irq_masked &= ~bit;
	bank->irq_disable_pending &= ~bit;
	gpioclx_bank_unlock(bank);
	gpioclx_irq_report(bank, GPIOCLX_CB_DISABLE_INTERRUPT, bit, status);
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

	/* an emulation that starts or stops: Disable, then Enable afresh */
	off = (bank->irq_enabled & ~bank->irq_want_enabled) | (bank->irq_reenable & bank->irq_enabled);
	bank->irq_reenable = 0;
	bitmap_from_u64(bits, off);
	for_each_set_bit(pin, bits, 64)
		gpioclx_irq_client_disable(bank, pin, true);

	on = bank->irq_want_enabled & ~bank->irq_enabled;
	retype = bank->irq_type_dirty & bank->irq_enabled & bank->irq_want_enabled;
	bank->irq_type_dirty = 0;
	bitmap_from_u64(bits, on);
	for_each_set_bit(pin, bits, 64)
		if (!NT_SUCCESS(gpioclx_irq_client_enable(bank, pin, gpioclx_irq_type(bank, pin),
							  true)))
			bank->irq_want_enabled &= ~BIT_ULL(pin);
	bitmap_from_u64(bits, retype);
	for_each_set_bit(pin, bits, 64)
		gpioclx_irq_client_reconfigure(bank, pin, gpioclx_irq_type(bank, pin));

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
	unsigned int pin, type = irqd_get_trigger_type(d);
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);
	NTSTATUS status;

	if (type == IRQ_TYPE_NONE) {
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
	if (bank->irq_enabled & BIT_ULL(pin)) {
		/* enabled by irq_set_type() while being requested */
		gpioclx_irq_unmask(d);
		return 0;
	}
	status = gpioclx_irq_client_enable(bank, pin, type, false);
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
		/* under the descriptor lock: the timer is waited for in relres */
		gpioclx_irq_client_disable(bank, pin, false);
	}
	gpiochip_disable_irq(gc, irqd_to_hwirq(d));
}

static void gpioclx_irq_mask(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);
	u64 bit = BIT_ULL(pin);
	NTSTATUS status = STATUS_SUCCESS;
	bool called = false;

	if (!bank->ctrl->mm) {
		bank->irq_want_masked |= bit;
	} else {
		gpioclx_bank_lock(bank);
		bank->irq_linux_masked |= bit;
		if (bank->irq_enabled & ~bank->irq_masked & bit) {
			status = gpioclx_irq_mask_locked(bank, bit);
			called = true;
		}
		gpioclx_bank_unlock(bank);
		if (called)
			gpioclx_irq_report(bank, GPIOCLX_CB_MASK_INTERRUPTS, bit, status);
	}
	gpiochip_disable_irq(gc, irqd_to_hwirq(d));
}

static void gpioclx_irq_unmask(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);
	u64 bit = BIT_ULL(pin);
	NTSTATUS status = STATUS_SUCCESS;
	bool called = false;

	gpiochip_enable_irq(gc, irqd_to_hwirq(d));
	if (!bank->ctrl->mm) {
		bank->irq_want_masked &= ~bit;
		return;
	}
	gpioclx_bank_lock(bank);
	bank->irq_linux_masked &= ~bit;
	if (bank->irq_enabled & bank->irq_masked & bit &&
	    !test_bit(pin, &bank->irq_debouncing) && !test_bit(pin, &bank->irq_storm_masked)) {
		status = gpioclx_irq_unmask_locked(bank, pin);
		called = true;
	}
	gpioclx_bank_unlock(bank);
	if (called)
		gpioclx_irq_report(bank, GPIOCLX_CB_UNMASK_INTERRUPT, bit, status);
}

static void gpioclx_irq_ack(struct irq_data *d)
{
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);

	if (!bank->ctrl->mm)
		return;		/* nested handlers: the parent thread clears */
	if (READ_ONCE(bank->pins[pin].debounce_us) && bank->debounce)
		return;		/* the debounce timer re-arms and clears */
	if (bank->irq_emulated_both & BIT_ULL(pin))
		gpioclx_both_rearm(bank, pin);
	else if (bank->pins[pin].mode == Latched)
		gpioclx_irq_client_clear(bank, BIT_ULL(pin));
}

/*
 * A new trigger type. Recorded by the irq core once this returns 0. An
 * enabled line is reprogrammed now; a memory-mapped line being requested
 * (its resources are reserved, it is not enabled yet) is enabled now, so
 * that a trigger the client refuses fails request_irq() with its errno.
 * A serial controller's client is only reached at irq_bus_sync_unlock(),
 * where a refusal can only be logged.
 */
static int gpioclx_irq_set_type(struct irq_data *d, unsigned int type)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);
	struct gpioclx_controller *ctrl = bank->ctrl;
	u64 bit = BIT_ULL(pin);
	NTSTATUS status;

	type &= IRQ_TYPE_SENSE_MASK;
	if (!type || (type & IRQ_TYPE_LEVEL_MASK && type & IRQ_TYPE_EDGE_BOTH) ||
	    type == IRQ_TYPE_LEVEL_MASK)
		return -EINVAL;
	if (ctrl->mm)
		irq_set_handler_locked(d, type & IRQ_TYPE_LEVEL_MASK ? handle_level_irq :
								handle_edge_irq);
	if (!ctrl->mm) {
		if (bank->irq_enabled & bit) {
			if (ctrl->info.Flags.EmulateActiveBoth &&
			    !!(bank->irq_emulated_both & bit) != (type == IRQ_TYPE_EDGE_BOTH))
				bank->irq_reenable |= bit;	/* at sync time */
			else
				bank->irq_type_dirty |= bit;
		}
		return 0;
	}
	if (!(bank->irq_enabled & bit)) {
		/*
		 * Not IRQD_IRQ_STARTED: the core keeps it on a descriptor
		 * whose number a torn-down domain gave back.
		 */
		if (!gpiochip_line_is_irq(gc, irqd_to_hwirq(d)))
			return 0;	/* a type for later: applied at startup */
		status = gpioclx_irq_client_enable(bank, pin, type, false);
		if (NT_SUCCESS(status))
			/* quiet until the core starts or enables it (IRQF_NO_AUTOEN) */
			gpioclx_irq_client_mask(bank, bit);
		return gpioclx_status_to_errno(status);
	}
	/* an enabled line: emulation may start or stop, else reprogram it */
	if (ctrl->info.Flags.EmulateActiveBoth &&
	    !!(bank->irq_emulated_both & bit) != (type == IRQ_TYPE_EDGE_BOTH)) {
		gpioclx_irq_client_disable(bank, pin, false);
		return gpioclx_status_to_errno(gpioclx_irq_client_enable(bank, pin, type, false));
	}
	return gpioclx_status_to_errno(gpioclx_irq_client_reconfigure(bank, pin, type));
}

/* Wakeup goes to the interrupt that serves the bank. */
static int gpioclx_irq_set_wake(struct irq_data *d, unsigned int on)
{
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_irq_bank(d, &pin);

	if (!bank->parent_irq)
		return -ENXIO;
	return irq_set_irq_wake(bank->parent_irq, on);
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

	/*
	 * Enabled by irq_set_type() for a request that then failed, or a
	 * Disable irq_shutdown() could not finish: done here, where it may
	 * wait.
	 */
	if (bank->ctrl->mm &&
	    ((bank->irq_enabled | bank->irq_disable_pending) & BIT_ULL(pin)))
		gpioclx_irq_client_disable(bank, pin, true);
	/* process context: wait for a debounce timer irq_shutdown() could not stop */
	gpioclx_debounce_cancel(bank, pin, true);
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
	.irq_set_wake = gpioclx_irq_set_wake,
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
	.irq_set_wake = gpioclx_irq_set_wake,
	.irq_bus_lock = gpioclx_irq_bus_lock,
	.irq_bus_sync_unlock = gpioclx_irq_bus_sync_unlock,
	.irq_request_resources = gpioclx_irq_reqres,
	.irq_release_resources = gpioclx_irq_relres,
	.irq_print_chip = gpioclx_irq_print_chip,
	.flags = IRQCHIP_IMMUTABLE | IRQCHIP_SET_TYPE_MASKED,
};

/* How long the storm guard keeps a line masked. */
#define GPIOCLX_STORM_PAUSE HZ

/*
 * Storm guard: a line interrupting more than storm_limit times within a
 * second (a level nobody quiets, a stuck edge source) is masked at the
 * client and logged, instead of keeping the CPU in the handler; a second
 * later it is unmasked again, so a busy but legitimate source is only
 * paused.
 */
static bool gpioclx_irq_storming(struct gpioclx_bank *bank, unsigned int pin)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	unsigned int limit = ctrl->storm_limit;
	struct gpioclx_pin *p = &bank->pins[pin];
	NTSTATUS status;

	if (!limit)
		return false;
	if (time_after(jiffies, p->storm_window + HZ)) {
		p->storm_window = jiffies;
		p->storm_count = 0;
	}
	if (++p->storm_count <= limit)
		return false;
	if (test_and_set_bit(pin, &bank->irq_storm_masked))
		return true;
	/* under the bank lock, where gpioclx_irq_stop() sets dying */
	gpioclx_bank_lock(bank);
	status = gpioclx_irq_mask_locked(bank, BIT_ULL(pin));
	if (!ctrl->dying)
		mod_delayed_work(system_wq, &ctrl->storm_rearm, GPIOCLX_STORM_PAUSE);
	gpioclx_bank_unlock(bank);
	gpioclx_irq_report(bank, GPIOCLX_CB_MASK_INTERRUPTS, BIT_ULL(pin), status);
	dev_err_ratelimited(ctrl->dev,
			    "line %u: interrupt storm (over %u per second), masked for a second\n",
			    bank->base + pin, limit);
	return true;
}

/* A second after a storm: unmask what Linux still wants unmasked. */
static void gpioclx_irq_storm_rearm(struct work_struct *work)
{
	struct gpioclx_controller *ctrl = container_of(to_delayed_work(work),
						       struct gpioclx_controller, storm_rearm);
	unsigned int b, pin;

	if (!ctrl->mm)
		mutex_lock(&ctrl->irq_bus_lock);
	for (b = 0; b < ctrl->nbanks; b++) {
		struct gpioclx_bank *bank = &ctrl->banks[b];
		u64 bit;

		for_each_set_bit(pin, &bank->irq_storm_masked, bank->npins) {
			if (!test_and_clear_bit(pin, &bank->irq_storm_masked))
				continue;
			bit = BIT_ULL(pin);
			gpioclx_bank_lock(bank);
			bank->pins[pin].storm_count = 0;
			if (bank->irq_enabled & bank->irq_masked & bit &&
			    !(bank->irq_linux_masked & bit) && !(bank->irq_want_masked & bit) &&
			    !test_bit(pin, &bank->irq_debouncing))
				gpioclx_irq_report_unmask(bank, pin, gpioclx_irq_unmask_locked(bank, pin));
			gpioclx_bank_unlock(bank);
		}
	}
	if (!ctrl->mm)
		mutex_unlock(&ctrl->irq_bus_lock);
}

/* Hand one active pin to Linux; EmulateDebouncing may hold it back. */
int gpioclx_irq_dispatch(struct gpioclx_bank *bank, unsigned int pin)
{
	struct gpioclx_controller *ctrl = bank->ctrl;

	if (gpioclx_irq_storming(bank, pin))
		return 0;
	if (READ_ONCE(bank->pins[pin].debounce_us) && gpioclx_debounce_event(bank, pin))
		return 0;
	if (ctrl->mm)
		return generic_handle_domain_irq_safe(ctrl->gc.irq.domain, bank->base + pin);
	handle_nested_irq(irq_find_mapping(ctrl->gc.irq.domain, bank->base + pin));
	return 0;
}

/*
 * One bank's part of a parent interrupt: query, (serial: clear), dispatch.
 * A memory-mapped bank with nothing enabled is not asked. A serial bank
 * is asked even then, with an empty EnabledMask: a serial controller's
 * interrupt output typically stays asserted until the client reads its
 * hardware (an expander's input port), so a level-triggered parent would
 * otherwise fire for ever. For a serial bank, a successful query is the
 * interrupt handled.
 * gpioclx-api: CLIENT_QueryActiveInterrupts; linux: the parent interrupt's handler (chained;
 *	threaded for serial controllers)
 * gpioclx-api: CLIENT_PreProcessControllerInterrupt; linux: the same handler, first (for
 *	serial controllers in its hard-irq half)
 */
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
	if (!q.EnabledMask && ctrl->mm) {
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
		return !ctrl->mm;
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
 * gpioclx-api: CLIENT_QuerySetControllerInformation; partly: only
 *	QueryBankInterruptBindingInformation is asked, and only of a client with interrupts;
 *	linux: probe
 * gpioclx-api: QueryBankInterruptBindingInformation; linux: which parent interrupt serves
 *	each bank
 * gpioclx-api: QueryBankPowerInformation; not: never asked: no bank idles on its own (F1)
 * gpioclx-api: QueryControllerFunctionBankMappingInformation; not: never asked: no pin muxing
 *	through the client
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

static void gpioclx_irq_free_threaded_parents(struct gpioclx_controller *ctrl)
{
	while (ctrl->nthreaded)
		free_irq(ctrl->threaded[--ctrl->nthreaded], ctrl);
}

/* Not devm: the threads call the client, so they go before it is stopped. */
static int gpioclx_irq_request_threaded_parents(struct gpioclx_controller *ctrl)
{
	irq_handler_t hardirq = NULL;
	unsigned int n;
	int ret;

	ctrl->threaded = devm_kcalloc(ctrl->dev, ctrl->nbanks, sizeof(*ctrl->threaded),
				      GFP_KERNEL);
	if (!ctrl->threaded)
		return -ENOMEM;
	n = gpioclx_irq_parents(ctrl, ctrl->threaded);
	if (ctrl->cb->CLIENT_PreProcessControllerInterrupt)
		hardirq = gpioclx_parent_hardirq;
	for (ctrl->nthreaded = 0; ctrl->nthreaded < n; ctrl->nthreaded++) {
		ret = request_threaded_irq(ctrl->threaded[ctrl->nthreaded], hardirq,
					   gpioclx_parent_handler, IRQF_ONESHOT | IRQF_SHARED,
					   dev_name(ctrl->dev), ctrl);
		if (ret) {
			dev_err_probe(ctrl->dev, ret, "requesting parent interrupt %u\n",
				      ctrl->threaded[ctrl->nthreaded]);
			gpioclx_irq_free_threaded_parents(ctrl);
			return ret;
		}
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
	INIT_DELAYED_WORK(&ctrl->storm_rearm, gpioclx_irq_storm_rearm);
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

/*
 * .remove, before the gpio_chip goes: nothing may call the client from a
 * timer, a work item or a parent's thread once it is stopped.
 */
void gpioclx_irq_stop(struct gpioclx_controller *ctrl)
{
	unsigned int b;

	if (!ctrl->cb->CLIENT_EnableInterrupt)
		return;
	gpioclx_irq_free_threaded_parents(ctrl);
	/* under each bank lock: the ISR path checks it there */
	for (b = 0; b < ctrl->nbanks; b++) {
		gpioclx_bank_lock(&ctrl->banks[b]);
		WRITE_ONCE(ctrl->dying, true);
		gpioclx_bank_unlock(&ctrl->banks[b]);
	}
	cancel_delayed_work_sync(&ctrl->storm_rearm);
	gpioclx_debounce_stop_all(ctrl);
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

		bitmap_from_u64(bits, bank->irq_enabled | bank->irq_disable_pending);
		for_each_set_bit(pin, bits, 64) {
			dev_warn(ctrl->dev, "line %u: interrupt still enabled at unbind: disabling\n",
				 bank->base + pin);
			gpioclx_irq_client_disable(bank, pin, true);
		}
	}
}
