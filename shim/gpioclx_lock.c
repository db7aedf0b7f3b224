// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_lock.c - the locks GpioClx promises its clients, on Linux:
 *
 *  - the bank interrupt lock, held around the ISR-path and I/O callbacks
 *    and available to the client through GPIO_CLX_AcquireInterruptLock():
 *    a raw spinlock with interrupts off for memory-mapped controllers (the
 *    "DIRQL" callbacks), a mutex for serially connected ones (PASSIVE);
 *  - the passive serialisation of Connect/Disconnect/Enable/Disable: one at
 *    a time per controller (gpioclx_passive_begin()).
 */
#include <linux/delay.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>

#include "gpioclx_internal.h"

/*
 * gpioclx-api: CONTROLLER_ATTRIBUTE_FLAGS.MemoryMappedController; linux: a raw spinlock per
 *	bank and a gpio_chip that does not sleep; without it a mutex per bank, can_sleep and
 *	threaded parent interrupts
 */
void gpioclx_bank_lock(struct gpioclx_bank *bank)
{
	unsigned long flags;

	if (bank->ctrl->mm) {
		raw_spin_lock_irqsave(&bank->raw_lock, flags);
		bank->irq_flags = flags;
	} else {
		mutex_lock(&bank->mutex);
	}
	bank->owner = current;
	bank->client_owns = false;
	bank->client_lock_depth = 0;
}

void gpioclx_bank_unlock(struct gpioclx_bank *bank)
{
	bank->owner = NULL;
	if (bank->ctrl->mm)
		raw_spin_unlock_irqrestore(&bank->raw_lock, bank->irq_flags);
	else
		mutex_unlock(&bank->mutex);
}

/*
 * How long a caller with interrupts off spins for a passive call in
 * progress on another CPU (a Connect takes microseconds) before giving up.
 */
#define GPIOCLX_PASSIVE_SPIN_US 1000

/**
 * gpioclx_passive_begin - serialise a passive client call
 * @bank: the bank it is for
 * @may_sleep: the caller is known to run in process context
 *
 * GpioClx runs Connect/Disconnect and Enable/Disable one at a time, at
 * PASSIVE_LEVEL. Serial controllers are only ever reached where they may
 * sleep (their gpio_chip can_sleep, their irq_chip has a bus lock): they
 * run under a mutex per controller and also hold the bank lock, as GpioClx
 * documents ("serialised by the bank wait lock").
 *
 * A memory-mapped controller's gpio_chip may be driven from atomic context
 * (gpiolib's open-drain emulation, atomic consumers; irq_startup and
 * irq_set_type under the descriptor's raw spinlock), so its passive calls
 * run under a raw spinlock per controller, in the caller's context (with
 * interrupts on from the character device and sysfs). The holder is never
 * preempted, so a waiter on another CPU waits for one callback: a mutex
 * here let a holder be preempted while a caller that could not sleep spun
 * for it and gave up with -EBUSY. Callers with interrupts off (under an
 * interrupt descriptor's lock, which that descriptor's interrupt takes)
 * only try, for at most GPIOCLX_PASSIVE_SPIN_US: waiting there for a holder
 * whose CPU is handling that very interrupt would never end. An interrupt
 * handler, which may have interrupted the holder on its own CPU, is
 * refused at once. Refusals return STATUS_DEVICE_BUSY, logged.
 *
 * Return: STATUS_SUCCESS with the lock held, or STATUS_DEVICE_BUSY.
 */
NTSTATUS gpioclx_passive_begin(struct gpioclx_bank *bank, bool may_sleep)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	unsigned int spun;

	if (!ctrl->mm) {
		mutex_lock(&ctrl->passive_mutex);
		gpioclx_bank_lock(bank);
		return STATUS_SUCCESS;
	}
	if (may_sleep || (!in_interrupt() && !irqs_disabled())) {
		raw_spin_lock(&ctrl->passive_lock);
		return STATUS_SUCCESS;
	}
	for (spun = 0; !in_interrupt() && spun < GPIOCLX_PASSIVE_SPIN_US; spun++) {
		if (raw_spin_trylock(&ctrl->passive_lock))
			return STATUS_SUCCESS;
		udelay(1);
	}
	dev_err_ratelimited(ctrl->dev,
			    "bank %u: a connection change from %s context found another in progress\n",
			    bank->id, in_interrupt() ? "interrupt" : "atomic");
	return STATUS_DEVICE_BUSY;
}

void gpioclx_passive_end(struct gpioclx_bank *bank)
{
	struct gpioclx_controller *ctrl = bank->ctrl;

	if (ctrl->mm) {
		raw_spin_unlock(&ctrl->passive_lock);
		return;
	}
	gpioclx_bank_unlock(bank);
	mutex_unlock(&ctrl->passive_mutex);
}

/* The bank a client names by (Context, BankId), or NULL (logged). */
static struct gpioclx_bank *gpioclx_client_bank(PVOID Context, BANK_ID BankId,
						const char *what)
{
	struct gpioclx_controller *ctrl;

	/* Windows bugchecks here; a log line and no lock is enough for us */
	if (!Context) {
		pr_err("gpioclx: %s: NULL Context\n", what);
		return NULL;
	}
	ctrl = gpioclx_from_context(Context);
	if (ctrl->magic != GPIOCLX_CONTROLLER_MAGIC) {
		pr_err("gpioclx: %s: Context is not a GpioClx controller context\n", what);
		return NULL;
	}
	if (!ctrl->banks || BankId >= ctrl->nbanks) {
		dev_err(ctrl->dev, "%s: bank %u does not exist\n", what, BankId);
		return NULL;
	}
	return &ctrl->banks[BankId];
}

/*
 * gpioclx-api: GPIO_CLX_AcquireInterruptLock, GPIO_CLX_ReleaseInterruptLock; linux: the
 *	bank's raw spinlock with interrupts off (memory-mapped), or its mutex (serial)
 */
VOID GPIO_CLX_AcquireInterruptLock(PVOID Context, BANK_ID BankId)
{
	struct gpioclx_bank *bank = gpioclx_client_bank(Context, BankId,
							"GPIO_CLX_AcquireInterruptLock");

	if (!bank)
		return;
	/*
	 * Called from a callback the shim already runs under this lock
	 * (GpioClx's documentation disagrees on whether that is legal):
	 * tolerate it instead of deadlocking.
	 */
	if (bank->owner == current) {
		dev_warn_once(bank->ctrl->dev, "%s(bank %u) while already held: ignored\n",
			      __func__, BankId);
		bank->client_lock_depth++;
		return;
	}
	gpioclx_bank_lock(bank);
	bank->client_owns = true;
	bank->client_lock_depth = 1;
}
EXPORT_SYMBOL_NS_GPL(GPIO_CLX_AcquireInterruptLock, GPIOCLX_NS);

VOID GPIO_CLX_ReleaseInterruptLock(PVOID Context, BANK_ID BankId)
{
	struct gpioclx_bank *bank = gpioclx_client_bank(Context, BankId,
							"GPIO_CLX_ReleaseInterruptLock");

	if (!bank)
		return;
	if (bank->owner != current || !bank->client_lock_depth) {
		dev_err(bank->ctrl->dev, "%s(bank %u) without a matching acquire\n",
			__func__, BankId);
		return;
	}
	if (--bank->client_lock_depth == 0 && bank->client_owns)
		gpioclx_bank_unlock(bank);
}
EXPORT_SYMBOL_NS_GPL(GPIO_CLX_ReleaseInterruptLock, GPIOCLX_NS);
