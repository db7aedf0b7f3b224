// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_irq_emul.c - what GpioClx does in software for clients that ask:
 *
 * EmulateActiveBoth: the client only detects one polarity, so a both-edge
 * line is armed level-sensitive for the level it does not have. When it
 * fires the line has changed: the edge is delivered and the line re-armed
 * for the other level (Mask, ReconfigureInterrupt, Unmask). Because the
 * arming is level-sensitive, a change back during that window leaves the
 * line at the newly armed level and fires again at once: no edge is lost,
 * and since nothing is replayed by hand, none is doubled.
 *
 * EmulateDebouncing (memory-mapped controllers): the first interrupt of a
 * debounced edge line masks it and starts a timer of the line's debounce
 * period; when it expires the line is sampled, an edge is delivered if the
 * debounced level changed in a direction the line listens for, and the
 * line is unmasked. Bounces shorter than the period make one event.
 */
#include <linux/hrtimer.h>
#include <linux/irqdomain.h>
#include <linux/ktime.h>

#include "gpioclx_internal.h"

/* The level a line shows now (low if the client cannot tell). */
static bool gpioclx_line_level(struct gpioclx_bank *bank, unsigned int pin)
{
	NTSTATUS status;
	u64 v = 0;

	status = gpioclx_read_bank(bank, BIT_ULL(pin), &v);
	if (!NT_SUCCESS(status))
		gpioclx_call_err(bank->ctrl, GPIOCLX_CB_READ, bank->id, status);
	return v;
}

bool gpioclx_both_initial_level(struct gpioclx_bank *bank, unsigned int pin)
{
	return gpioclx_line_level(bank, pin);
}

/*
 * The armed level fired: the line is there now; arm for the way back.
 * gpioclx-api: CONTROLLER_ATTRIBUTE_FLAGS.EmulateActiveBoth; linux: a both-edge line armed
 *	for the level it does not have, re-armed at each edge (Mask, ReconfigureInterrupt, Unmask)
 */
void gpioclx_both_rearm(struct gpioclx_bank *bank, unsigned int pin)
{
	bank->pins[pin].last_level = !bank->pins[pin].last_level;
	gpioclx_irq_client_reconfigure(bank, pin, IRQ_TYPE_EDGE_BOTH);
}

/*
 * The debounce period is over. Everything that reaches the client checks,
 * under the bank lock, that the line is still enabled: irq_shutdown()
 * clears that first and cannot always wait for this timer.
 */
static enum hrtimer_restart gpioclx_debounce_expired(struct hrtimer *timer)
{
	struct gpioclx_debounce *d = container_of(timer, struct gpioclx_debounce, timer);
	struct gpioclx_bank *bank = d->bank;
	struct gpioclx_controller *ctrl = bank->ctrl;
	unsigned int pin = d->pin, type = gpioclx_irq_type(bank, pin);
	u64 bit = BIT_ULL(pin);
	bool level, deliver;

	if (!(READ_ONCE(bank->irq_enabled) & bit))
		goto out;	/* shut down meanwhile */
	level = gpioclx_line_level(bank, pin);
	if (bank->irq_emulated_both & bit) {
		bank->pins[pin].last_level = level;
		gpioclx_irq_client_reconfigure(bank, pin, type);
	}
	deliver = level != d->stable &&
		  (type == IRQ_TYPE_EDGE_BOTH || (type == IRQ_TYPE_EDGE_RISING && level) ||
		   (type == IRQ_TYPE_EDGE_FALLING && !level));
	d->stable = level;
	clear_bit(pin, &bank->irq_debouncing);
	if (deliver)
		generic_handle_domain_irq_safe(ctrl->gc.irq.domain, bank->base + pin);
	/* drop what latched while we waited, then listen again */
	gpioclx_irq_client_settle(bank, pin);
out:
	clear_bit(pin, &bank->irq_debouncing);
	return HRTIMER_NORESTART;
}

/* An interrupt on a debounced line: hold it back until the line settles. */
bool gpioclx_debounce_event(struct gpioclx_bank *bank, unsigned int pin)
{
	struct gpioclx_debounce *d;

	if (!bank->debounce || gpioclx_irq_type(bank, pin) & IRQ_TYPE_LEVEL_MASK)
		return false;	/* only edges are debounced */
	d = &bank->debounce[pin];
	if (!test_and_set_bit(pin, &bank->irq_debouncing)) {
		gpioclx_irq_client_mask(bank, BIT_ULL(pin));
		/* under the bank lock, where gpioclx_irq_stop() sets dying */
		gpioclx_bank_lock(bank);
		if (!bank->ctrl->dying)
			hrtimer_start(&d->timer,
				      ns_to_ktime((u64)READ_ONCE(bank->pins[pin].debounce_us) *
						  NSEC_PER_USEC), HRTIMER_MODE_REL);
		gpioclx_bank_unlock(bank);
	}
	return true;
}

/*
 * The line's interrupt is being shut down: @sync waits for a running
 * timer (process context), else only a pending one is stopped (under the
 * descriptor lock, which the timer's delivery takes).
 */
void gpioclx_debounce_cancel(struct gpioclx_bank *bank, unsigned int pin, bool sync)
{
	if (!bank->debounce)
		return;
	if (sync)
		hrtimer_cancel(&bank->debounce[pin].timer);
	else
		hrtimer_try_to_cancel(&bank->debounce[pin].timer);
	clear_bit(pin, &bank->irq_debouncing);
}

/*
 * Called when a debounced line's interrupt is enabled: the debounce
 * emulation's one read, the level the line settles from.
 */
void gpioclx_debounce_start(struct gpioclx_bank *bank, unsigned int pin)
{
	if (bank->debounce && READ_ONCE(bank->pins[pin].debounce_us))
		bank->debounce[pin].stable = gpioclx_line_level(bank, pin);
}

/* .remove: no timer may run once the gpio_chip and the client are gone. */
void gpioclx_debounce_stop_all(struct gpioclx_controller *ctrl)
{
	unsigned int b, pin;

	for (b = 0; b < ctrl->nbanks; b++)
		if (ctrl->banks[b].debounce)
			for (pin = 0; pin < ctrl->banks[b].npins; pin++)
				gpioclx_debounce_cancel(&ctrl->banks[b], pin, true);
}

/*
 * gpioclx-api: CONTROLLER_ATTRIBUTE_FLAGS.EmulateDebouncing; partly: memory-mapped controllers
 *	only (ignored on serial ones, with a log line); linux: an hrtimer per line samples it once
 *	its debounce period is over
 */
int gpioclx_debounce_setup(struct gpioclx_controller *ctrl)
{
	unsigned int b, pin;

	if (!ctrl->info.Flags.EmulateDebouncing)
		return 0;
	if (!ctrl->mm) {
		/* the timer could not call a sleeping client: let gpiolib debounce */
		dev_info(ctrl->dev, "EmulateDebouncing ignored on a serial controller\n");
		ctrl->info.Flags.EmulateDebouncing = 0;
		return 0;
	}
	for (b = 0; b < ctrl->nbanks; b++) {
		struct gpioclx_bank *bank = &ctrl->banks[b];

		bank->debounce = devm_kcalloc(ctrl->dev, bank->npins, sizeof(*bank->debounce),
					      GFP_KERNEL);
		if (!bank->debounce)
			return -ENOMEM;
		for (pin = 0; pin < bank->npins; pin++) {
			gpioclx_hrtimer_setup(&bank->debounce[pin].timer, gpioclx_debounce_expired,
					      CLOCK_MONOTONIC, HRTIMER_MODE_REL);
			bank->debounce[pin].bank = bank;
			bank->debounce[pin].pin = pin;
		}
	}
	return 0;
}
