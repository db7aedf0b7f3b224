// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_pm.c - power management of a controller, in GpioClx terms.
 *
 * System sleep: StopController(SaveContext=TRUE, D3) on the way down and
 * StartController(RestoreContext=TRUE, D3) on the way up, late and early
 * so consumers suspend before and resume after their GPIO controller.
 * With BankIdlePowerMgmtSupported each bank's SaveBankHardwareContext runs
 * before the stop and RestoreBankHardwareContext after the start, under
 * the bank lock as GpioClx calls them. The client restores what it saved;
 * the shim's own record of connections and interrupts never changes, and
 * after resume it is checked against QueryEnabledInterrupts.
 *
 * Runtime PM, with DeviceIdlePowerMgmtSupported: a requested line or a
 * requested interrupt holds a reference, so the controller powers down
 * (the same Stop/Start pair) only while nothing is connected or enabled,
 * DeviceIdleTimeout ms (default 5 s) after the last user went away.
 */
#include <linux/pm.h>
#include <linux/pm_runtime.h>

#include "gpioclx_internal.h"

#define GPIOCLX_DEFAULT_IDLE_MS 5000

/* F-states of SaveBank/RestoreBankHardwareContext's State argument. */
#define GPIOCLX_BANK_F0 0
#define GPIOCLX_BANK_F1 1

/*
 * gpioclx-api: CLIENT_SaveBankHardwareContext, CLIENT_RestoreBankHardwareContext; partly: only
 *	around system sleep: no bank idles on its own (F1); linux: dev_pm_ops suspend_late and
 *	resume_early
 * gpioclx-api: CONTROLLER_ATTRIBUTE_FLAGS.BankIdlePowerMgmtSupported; partly: no bank idles
 *	on its own (F1): banks are saved and restored around system sleep only
 */
static void gpioclx_banks_context(struct gpioclx_controller *ctrl, bool save)
{
	GPIO_SAVE_RESTORE_BANK_HARDWARE_CONTEXT_PARAMETERS p = {};
	unsigned int b;

	if (!ctrl->info.Flags.BankIdlePowerMgmtSupported)
		return;
	for (b = 0; b < ctrl->nbanks; b++) {
		struct gpioclx_bank *bank = &ctrl->banks[b];

		p.BankId = b;
		p.State = save ? GPIOCLX_BANK_F1 : GPIOCLX_BANK_F0;
		gpioclx_bank_lock(bank);
		if (save)
			ctrl->cb->CLIENT_SaveBankHardwareContext(ctrl->context, &p);
		else
			ctrl->cb->CLIENT_RestoreBankHardwareContext(ctrl->context, &p);
		gpioclx_bank_unlock(bank);
		gpioclx_note_call(ctrl, save ? GPIOCLX_CB_SAVE_BANK : GPIOCLX_CB_RESTORE_BANK, b, 0,
				  STATUS_SUCCESS);
	}
}

static int gpioclx_power_down(struct gpioclx_controller *ctrl, bool banks)
{
	NTSTATUS status;

	if (banks)
		gpioclx_banks_context(ctrl, true);
	status = ctrl->cb->CLIENT_StopController(ctrl->context, TRUE, WdfPowerDeviceD3);
	gpioclx_note_call(ctrl, GPIOCLX_CB_STOP, 0, 0, status);
	if (!NT_SUCCESS(status)) {
		gpioclx_call_err(ctrl, GPIOCLX_CB_STOP, 0, status);
		/* the controller stays up: its banks back to F0 with it */
		if (banks)
			gpioclx_banks_context(ctrl, false);
		return gpioclx_status_to_errno(status);
	}
	ctrl->suspended = true;
	return 0;
}

/*
 * After power-up: does the hardware still have the interrupts we enabled?
 * gpioclx-api: CLIENT_QueryEnabledInterrupts; linux: after system and runtime resume, checked
 *	against the interrupts enabled and not masked (a mismatch is logged)
 */
static void gpioclx_check_enabled(struct gpioclx_controller *ctrl)
{
	GPIO_QUERY_ENABLED_INTERRUPTS_PARAMETERS p = {};
	unsigned int b;
	NTSTATUS status;
	u64 expected;

	if (!ctrl->cb->CLIENT_QueryEnabledInterrupts)
		return;
	for (b = 0; b < ctrl->nbanks; b++) {
		struct gpioclx_bank *bank = &ctrl->banks[b];

		p.BankId = b;
		gpioclx_bank_lock(bank);
		status = ctrl->cb->CLIENT_QueryEnabledInterrupts(ctrl->context, &p);
		gpioclx_bank_unlock(bank);
		gpioclx_note_call(ctrl, GPIOCLX_CB_QUERY_ENABLED, b, p.EnabledMask, status);
		if (!NT_SUCCESS(status)) {
			/* only a check: the power-up stands */
			gpioclx_call_err(ctrl, GPIOCLX_CB_QUERY_ENABLED, b, status);
			continue;
		}
		/* a masked interrupt is not enabled in the hardware either */
		expected = bank->irq_enabled & ~bank->irq_masked;
		if (p.EnabledMask != expected) {
			ctrl->resume_mismatches++;
			dev_err(ctrl->dev, "bank %u: interrupts enabled in hardware %#llx, expected %#llx after power-up\n",
				b, p.EnabledMask, expected);
		}
	}
}

static int gpioclx_power_up(struct gpioclx_controller *ctrl, bool banks)
{
	NTSTATUS status;

	status = ctrl->cb->CLIENT_StartController(ctrl->context, TRUE, WdfPowerDeviceD3);
	gpioclx_note_call(ctrl, GPIOCLX_CB_START, 0, 0, status);
	if (!NT_SUCCESS(status)) {
		gpioclx_call_err(ctrl, GPIOCLX_CB_START, 0, status);
		return gpioclx_status_to_errno(status);
	}
	if (banks)
		gpioclx_banks_context(ctrl, false);
	ctrl->suspended = false;
	gpioclx_check_enabled(ctrl);
	return 0;
}

static int gpioclx_suspend(struct device *dev)
{
	struct gpioclx_controller *ctrl = dev_get_drvdata(dev);

	if (!ctrl || !ctrl->started || ctrl->suspended)
		return 0;	/* idle already: runtime-suspended, context saved */
	return gpioclx_power_down(ctrl, true);
}

static int gpioclx_resume(struct device *dev)
{
	struct gpioclx_controller *ctrl = dev_get_drvdata(dev);

	if (!ctrl || !ctrl->started || !ctrl->suspended ||
	    (ctrl->runtime_pm && pm_runtime_status_suspended(dev)))
		return 0;	/* stays idle until a user comes back */
	return gpioclx_power_up(ctrl, true);
}

static int gpioclx_runtime_suspend(struct device *dev)
{
	struct gpioclx_controller *ctrl = dev_get_drvdata(dev);

	return ctrl->started ? gpioclx_power_down(ctrl, false) : 0;
}

static int gpioclx_runtime_resume(struct device *dev)
{
	struct gpioclx_controller *ctrl = dev_get_drvdata(dev);

	return ctrl->suspended ? gpioclx_power_up(ctrl, false) : 0;
}

const struct dev_pm_ops gpioclx_pm_ops = {
	SET_LATE_SYSTEM_SLEEP_PM_OPS(gpioclx_suspend, gpioclx_resume)
	SET_RUNTIME_PM_OPS(gpioclx_runtime_suspend, gpioclx_runtime_resume, NULL)
};

/*
 * A user of a line or interrupt appears / goes away (process context).
 * The references are counted, so that those whose free() gpiolib never
 * calls (lines still held at unbind) can be dropped at remove.
 */
int gpioclx_pm_get(struct gpioclx_controller *ctrl)
{
	int ret;

	if (!ctrl->runtime_pm)
		return 0;
	ret = pm_runtime_resume_and_get(ctrl->dev);
	if (!ret)
		atomic_inc(&ctrl->pm_refs);
	return ret;
}

void gpioclx_pm_put(struct gpioclx_controller *ctrl)
{
	if (!ctrl->runtime_pm)
		return;
	if (WARN_ON_ONCE(atomic_dec_if_positive(&ctrl->pm_refs) < 0))
		return;
	pm_runtime_mark_last_busy(ctrl->dev);
	pm_runtime_put_autosuspend(ctrl->dev);
}

/*
 * Probe, after StartController: idle power management if the client has
 * it. A bus that already enabled runtime PM (AMBA, which also holds a
 * reference across probe) keeps it enabled; otherwise it is enabled here
 * and disabled by gpioclx_pm_removed().
 * gpioclx-api: CONTROLLER_ATTRIBUTE_FLAGS.DeviceIdlePowerMgmtSupported; linux: runtime PM with
 *	autosuspend, while no line and no interrupt is requested
 * gpioclx-api: CLIENT_CONTROLLER_BASIC_INFORMATION.DeviceIdleTimeout; linux: the autosuspend
 *	delay in ms (0: 5000)
 */
int gpioclx_pm_setup(struct gpioclx_controller *ctrl)
{
	ULONG timeout = ctrl->info.DeviceIdleTimeout;
	int ret;

	if (!ctrl->info.Flags.DeviceIdlePowerMgmtSupported)
		return 0;
	pm_runtime_set_autosuspend_delay(ctrl->dev, timeout ? timeout : GPIOCLX_DEFAULT_IDLE_MS);
	pm_runtime_use_autosuspend(ctrl->dev);
	ctrl->runtime_pm_by_bus = pm_runtime_enabled(ctrl->dev);
	if (!ctrl->runtime_pm_by_bus) {
		ret = pm_runtime_set_active(ctrl->dev);
		if (ret) {
			pm_runtime_dont_use_autosuspend(ctrl->dev);
			return ret;
		}
		pm_runtime_enable(ctrl->dev);
	}
	ctrl->runtime_pm = true;
	pm_runtime_mark_last_busy(ctrl->dev);
	pm_request_autosuspend(ctrl->dev);
	return 0;
}

/* Unbind: the controller must be powered to be stopped for good. */
void gpioclx_pm_wake_for_removal(struct gpioclx_controller *ctrl)
{
	if (ctrl->runtime_pm)
		pm_runtime_get_sync(ctrl->dev);
}

/*
 * After StopController: the references of lines and interrupts still held
 * (gpiolib calls no free() for them once the chip is gone) go with the
 * one gpioclx_pm_wake_for_removal() took.
 */
void gpioclx_pm_removed(struct gpioclx_controller *ctrl)
{
	if (!ctrl->runtime_pm)
		return;
	while (atomic_dec_if_positive(&ctrl->pm_refs) >= 0)
		pm_runtime_put_noidle(ctrl->dev);
	if (!ctrl->runtime_pm_by_bus) {
		pm_runtime_disable(ctrl->dev);
		pm_runtime_set_suspended(ctrl->dev);
	}
	pm_runtime_dont_use_autosuspend(ctrl->dev);
	pm_runtime_put_noidle(ctrl->dev);
	ctrl->runtime_pm = false;
}
