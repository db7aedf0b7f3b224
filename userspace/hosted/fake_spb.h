/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fake_spb.h - a userspace stand-in for the shim's WDF I/O targets and SPB
 * requests, for hosted tests of serially connected clients.
 *
 * It implements WdfIoTarget*, WdfMemory*, WdfRequest*, WdfObjectDelete and
 * object contexts. An I/O target opens only the resource hub path of
 * FAKE_SPB_CONNECTION_ID; its reads, writes and execute-sequences go to
 * the device the test installs, one call per I2C message, and each request
 * is recorded so a test can count bus transactions and look at them.
 */
#ifndef FAKE_SPB_H
#define FAKE_SPB_H

#include <ntddk.h>
#include <wdf.h>

#define FAKE_SPB_CONNECTION_ID 0x0000000100000042ULL
#define FAKE_SPB_LOG 32

/* The device on the bus: each returns the bytes taken, or < 0 (not acknowledged). */
struct fake_spb_device_ops {
	int (*write)(void *priv, const UCHAR *buf, ULONG len);
	int (*read)(void *priv, UCHAR *buf, ULONG len);
};

/* One request as the bus saw it: a write, a read or a sequence of messages. */
struct fake_spb_request {
	ULONG messages;
	BOOLEAN read[4];
	ULONG len[4];
	UCHAR first[4];		/* each message's first byte */
};

void fake_spb_reset(const struct fake_spb_device_ops *ops, void *priv);

extern unsigned int fake_spb_requests;		/* sends that reached the bus */
extern struct fake_spb_request fake_spb_log[FAKE_SPB_LOG];	/* [n % FAKE_SPB_LOG] */
extern unsigned int fake_spb_objects;		/* objects alive */
extern unsigned int fake_spb_opens;		/* successful WdfIoTargetOpen()s */
extern NTSTATUS fake_spb_fail_next;		/* the next send fails with this, if not 0 */

#endif /* FAKE_SPB_H */
