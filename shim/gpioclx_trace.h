/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gpioclx_trace.h - one tracepoint per client callback invocation, so a
 * tracefs/trace-cmd user sees how gpiolib operations map onto GpioClx
 * calls: echo 1 > /sys/kernel/tracing/events/gpioclx/enable
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM gpioclx

#if !defined(_GPIOCLX_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _GPIOCLX_TRACE_H

#include <linux/tracepoint.h>
#include "gpioclx_compat.h"

TRACE_EVENT(gpioclx_call,
	TP_PROTO(const char *dev, const char *callback, unsigned int bank, u64 mask,
		 u32 status),
	TP_ARGS(dev, callback, bank, mask, status),
	TP_STRUCT__entry(
		__string(dev, dev)
		__string(callback, callback)
		__field(unsigned int, bank)
		__field(u64, mask)
		__field(u32, status)
	),
	TP_fast_assign(
		gpioclx_assign_str(dev, dev);
		gpioclx_assign_str(callback, callback);
		__entry->bank = bank;
		__entry->mask = mask;
		__entry->status = status;
	),
	TP_printk("%s %s bank=%u pins=%#llx status=%#010x", __get_str(dev),
		  __get_str(callback), __entry->bank, __entry->mask, __entry->status)
);

#endif /* _GPIOCLX_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE gpioclx_trace
#include <trace/define_trace.h>
