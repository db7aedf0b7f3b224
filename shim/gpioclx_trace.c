// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_trace.c - accounting of client calls: the counters per callback
 * (summed for debugfs) and the gpioclx_call tracepoint.
 */
#include "gpioclx_internal.h"

#define CREATE_TRACE_POINTS
#include "gpioclx_trace.h"

const char *const gpioclx_cb_names[GPIOCLX_CB_COUNT] = {
	[GPIOCLX_CB_PREPARE] = "PrepareController",
	[GPIOCLX_CB_RELEASE] = "ReleaseController",
	[GPIOCLX_CB_START] = "StartController",
	[GPIOCLX_CB_STOP] = "StopController",
	[GPIOCLX_CB_QUERY_BASIC_INFO] = "QueryControllerBasicInformation",
	[GPIOCLX_CB_QUERY_SET_INFO] = "QuerySetControllerInformation",
	[GPIOCLX_CB_ENABLE_INTERRUPT] = "EnableInterrupt",
	[GPIOCLX_CB_DISABLE_INTERRUPT] = "DisableInterrupt",
	[GPIOCLX_CB_UNMASK_INTERRUPT] = "UnmaskInterrupt",
	[GPIOCLX_CB_MASK_INTERRUPTS] = "MaskInterrupts",
	[GPIOCLX_CB_QUERY_ACTIVE] = "QueryActiveInterrupts",
	[GPIOCLX_CB_CLEAR_ACTIVE] = "ClearActiveInterrupts",
	[GPIOCLX_CB_CONNECT_IO] = "ConnectIoPins",
	[GPIOCLX_CB_DISCONNECT_IO] = "DisconnectIoPins",
	[GPIOCLX_CB_READ] = "ReadGpioPins",
	[GPIOCLX_CB_WRITE] = "WriteGpioPins",
	[GPIOCLX_CB_SAVE_BANK] = "SaveBankHardwareContext",
	[GPIOCLX_CB_RESTORE_BANK] = "RestoreBankHardwareContext",
	[GPIOCLX_CB_PRE_PROCESS] = "PreProcessControllerInterrupt",
	[GPIOCLX_CB_RECONFIGURE] = "ReconfigureInterrupt",
	[GPIOCLX_CB_QUERY_ENABLED] = "QueryEnabledInterrupts",
};

void gpioclx_trace_call(struct gpioclx_controller *ctrl, enum gpioclx_cb cb,
			unsigned int bank, u64 mask, NTSTATUS status)
{
	trace_gpioclx_call(dev_name(ctrl->dev), gpioclx_cb_names[cb], bank, mask, (u32)status);
}

/* A per-CPU counter of @cb summed: calls, or with @failures the failed ones. */
static unsigned long gpioclx_count(struct gpioclx_controller *ctrl, enum gpioclx_cb cb,
				   bool failures)
{
	const struct gpioclx_counters *c;
	unsigned long n = 0;
	int cpu;

	for_each_possible_cpu(cpu) {
		c = per_cpu_ptr(ctrl->counters, cpu);
		n += failures ? c->failures[cb] : c->calls[cb];
	}
	return n;
}

unsigned long gpioclx_call_count(struct gpioclx_controller *ctrl, enum gpioclx_cb cb)
{
	return gpioclx_count(ctrl, cb, false);
}

unsigned long gpioclx_failure_count(struct gpioclx_controller *ctrl, enum gpioclx_cb cb)
{
	return gpioclx_count(ctrl, cb, true);
}
