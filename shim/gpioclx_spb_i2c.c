// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_spb_i2c.c - SPB requests on an i2c_client, through Linux's I2C
 * core.
 *
 * A read or a write is one message; IOCTL_SPB_EXECUTE_SEQUENCE is one
 * i2c_transfer() with a message per entry, so the entries are joined by
 * repeated starts, as SPB promises. A DelayInUs before the first entry is
 * slept before the transfer; I2C has no pause between the messages of one
 * transfer, so a sequence with a delay on a later entry is split there:
 * the pieces run under the bus lock (no other master's traffic between
 * them), with a stop condition and the delay between pieces.
 * IOCTL_SPB_LOCK_CONTROLLER takes the adapter's bus lock
 * (I2C_LOCK_SEGMENT) for the calling task; that task's transfers then use
 * the unlocked __i2c_transfer() until it unlocks. An adapter without
 * I2C_FUNC_I2C gets SMBus calls for the shapes that have one (a write of 1
 * to 33 bytes, a read of one byte, a 1-byte register write followed by a
 * read of 1, 2 or up to 32 bytes); anything else is STATUS_NOT_SUPPORTED.
 *
 * Status codes: an address not acknowledged is STATUS_NO_SUCH_DEVICE; a
 * sequence that stops early (the adapter reports fewer messages done)
 * completes with STATUS_SUCCESS and the bytes of the messages that were
 * done, for the client to compare; a malformed transfer list is
 * STATUS_INVALID_PARAMETER (logged).
 */
#include <linux/delay.h>
#include <linux/i2c.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "gpioclx_internal.h"
#include "gpioclx_object.h"

/* Entries in one sequence; SPB sets no limit, a GPIO expander needs two. */
#define GPIOCLX_SPB_MAX_TRANSFERS 64

NTSTATUS gpioclx_errno_to_status(int err)
{
	switch (err) {
	case 0:
		return STATUS_SUCCESS;
	case -ENXIO:
	case -EREMOTEIO:
	case -ENODEV:
		return STATUS_NO_SUCH_DEVICE;
	case -ETIMEDOUT:
		return STATUS_IO_TIMEOUT;
	case -ENOMEM:
		return STATUS_INSUFFICIENT_RESOURCES;
	case -EOPNOTSUPP:
		return STATUS_NOT_SUPPORTED;
	case -EINVAL:
		return STATUS_INVALID_PARAMETER;
	case -EAGAIN:
	case -EBUSY:
		return STATUS_DEVICE_BUSY;
	default:
		return STATUS_IO_DEVICE_ERROR;
	}
}

static bool gpioclx_spb_holds_bus(struct gpioclx_iotarget *t)
{
	return READ_ONCE(t->bus_locked) && READ_ONCE(t->lock_owner) == current;
}

static int gpioclx_spb_xfer(struct gpioclx_iotarget *t, struct i2c_msg *msgs, int n)
{
	if (gpioclx_spb_holds_bus(t))
		return __i2c_transfer(t->client->adapter, msgs, n);
	return i2c_transfer(t->client->adapter, msgs, n);
}

static int gpioclx_spb_smbus(struct gpioclx_iotarget *t, char rw, u8 cmd, int size,
			     union i2c_smbus_data *data)
{
	struct i2c_client *c = t->client;

	if (gpioclx_spb_holds_bus(t))
		return __i2c_smbus_xfer(c->adapter, c->addr, c->flags, rw, cmd, size, data);
	return i2c_smbus_xfer(c->adapter, c->addr, c->flags, rw, cmd, size, data);
}

static bool gpioclx_spb_plain_i2c(struct gpioclx_iotarget *t)
{
	return i2c_check_functionality(t->client->adapter, I2C_FUNC_I2C);
}

static void gpioclx_spb_msg(struct gpioclx_iotarget *t, struct i2c_msg *msg, bool rd,
			    void *buf, size_t len)
{
	msg->addr = t->client->addr;
	msg->flags = (t->client->flags & I2C_M_TEN) | (rd ? I2C_M_RD : 0);
	msg->len = len;
	msg->buf = buf;
}

static NTSTATUS gpioclx_spb_unsupported(struct gpioclx_iotarget *t, const char *what)
{
	dev_err(t->ctrl->dev, "%s: the adapter (SMBus only) has no transfer for it\n", what);
	return STATUS_NOT_SUPPORTED;
}

static NTSTATUS gpioclx_spb_done(int ret, size_t len, size_t *done)
{
	if (ret < 0)
		return gpioclx_errno_to_status(ret);
	*done = len;
	return STATUS_SUCCESS;
}

NTSTATUS gpioclx_spb_read(struct gpioclx_iotarget *t, void *buf, size_t len, size_t *done)
{
	union i2c_smbus_data data;
	struct i2c_msg msg;
	int ret;

	if (len > U16_MAX) {
		dev_err(t->ctrl->dev, "read of %zu bytes: I2C messages are at most 65535\n", len);
		return STATUS_INVALID_PARAMETER;
	}
	if (gpioclx_spb_plain_i2c(t)) {
		gpioclx_spb_msg(t, &msg, true, buf, len);
		ret = gpioclx_spb_xfer(t, &msg, 1);
		return gpioclx_spb_done(ret == 1 ? 0 : ret < 0 ? ret : -EIO, len, done);
	}
	if (len != 1 || !i2c_check_functionality(t->client->adapter, I2C_FUNC_SMBUS_READ_BYTE))
		return gpioclx_spb_unsupported(t, "read");
	ret = gpioclx_spb_smbus(t, I2C_SMBUS_READ, 0, I2C_SMBUS_BYTE, &data);
	if (!ret)
		*(u8 *)buf = data.byte;
	return gpioclx_spb_done(ret, len, done);
}

/* A write on an SMBus-only adapter: the command byte, then 0 to 32 data bytes. */
static NTSTATUS gpioclx_spb_smbus_write(struct gpioclx_iotarget *t, const u8 *b, size_t len,
					size_t *done)
{
	struct i2c_adapter *adap = t->client->adapter;
	union i2c_smbus_data data;
	int ret;

	if (len == 1 && i2c_check_functionality(adap, I2C_FUNC_SMBUS_WRITE_BYTE)) {
		ret = gpioclx_spb_smbus(t, I2C_SMBUS_WRITE, b[0], I2C_SMBUS_BYTE, NULL);
	} else if (len == 2 && i2c_check_functionality(adap, I2C_FUNC_SMBUS_WRITE_BYTE_DATA)) {
		data.byte = b[1];
		ret = gpioclx_spb_smbus(t, I2C_SMBUS_WRITE, b[0], I2C_SMBUS_BYTE_DATA, &data);
	} else if (len == 3 && i2c_check_functionality(adap, I2C_FUNC_SMBUS_WRITE_WORD_DATA)) {
		data.word = b[1] | b[2] << 8;	/* SMBus sends the low byte first */
		ret = gpioclx_spb_smbus(t, I2C_SMBUS_WRITE, b[0], I2C_SMBUS_WORD_DATA, &data);
	} else if (len >= 2 && len <= I2C_SMBUS_BLOCK_MAX + 1 &&
		   i2c_check_functionality(adap, I2C_FUNC_SMBUS_WRITE_I2C_BLOCK)) {
		data.block[0] = len - 1;
		memcpy(&data.block[1], b + 1, len - 1);
		ret = gpioclx_spb_smbus(t, I2C_SMBUS_WRITE, b[0], I2C_SMBUS_I2C_BLOCK_DATA, &data);
	} else {
		return gpioclx_spb_unsupported(t, "write");
	}
	return gpioclx_spb_done(ret, len, done);
}

NTSTATUS gpioclx_spb_write(struct gpioclx_iotarget *t, const void *buf, size_t len,
			   size_t *done)
{
	struct i2c_msg msg;
	int ret;

	if (len > U16_MAX) {
		dev_err(t->ctrl->dev, "write of %zu bytes: I2C messages are at most 65535\n", len);
		return STATUS_INVALID_PARAMETER;
	}
	if (!gpioclx_spb_plain_i2c(t))
		return gpioclx_spb_smbus_write(t, buf, len, done);
	gpioclx_spb_msg(t, &msg, false, (void *)buf, len);
	ret = gpioclx_spb_xfer(t, &msg, 1);
	return gpioclx_spb_done(ret == 1 ? 0 : ret < 0 ? ret : -EIO, len, done);
}

/* A register read on an SMBus-only adapter: write 1 byte, read 1, 2 or up to 32. */
static NTSTATUS gpioclx_spb_smbus_sequence(struct gpioclx_iotarget *t, struct i2c_msg *m,
					   unsigned int n, size_t *done)
{
	struct i2c_adapter *adap = t->client->adapter;
	union i2c_smbus_data data;
	int ret;

	if (n == 1)
		return m[0].flags & I2C_M_RD ? gpioclx_spb_read(t, m[0].buf, m[0].len, done) :
					       gpioclx_spb_smbus_write(t, m[0].buf, m[0].len, done);
	if (n != 2 || m[0].flags & I2C_M_RD || m[0].len != 1 || !(m[1].flags & I2C_M_RD))
		return gpioclx_spb_unsupported(t, "sequence");
	if (m[1].len == 1 && i2c_check_functionality(adap, I2C_FUNC_SMBUS_READ_BYTE_DATA)) {
		ret = gpioclx_spb_smbus(t, I2C_SMBUS_READ, m[0].buf[0], I2C_SMBUS_BYTE_DATA, &data);
		if (!ret)
			m[1].buf[0] = data.byte;
	} else if (m[1].len == 2 && i2c_check_functionality(adap, I2C_FUNC_SMBUS_READ_WORD_DATA)) {
		ret = gpioclx_spb_smbus(t, I2C_SMBUS_READ, m[0].buf[0], I2C_SMBUS_WORD_DATA, &data);
		if (!ret) {
			m[1].buf[0] = data.word & 0xff;
			m[1].buf[1] = data.word >> 8;
		}
	} else if (m[1].len <= I2C_SMBUS_BLOCK_MAX &&
		   i2c_check_functionality(adap, I2C_FUNC_SMBUS_READ_I2C_BLOCK)) {
		data.block[0] = m[1].len;
		ret = gpioclx_spb_smbus(t, I2C_SMBUS_READ, m[0].buf[0], I2C_SMBUS_I2C_BLOCK_DATA,
					&data);
		if (!ret)
			memcpy(m[1].buf, &data.block[1], m[1].len);
	} else {
		return gpioclx_spb_unsupported(t, "sequence");
	}
	return gpioclx_spb_done(ret, 1 + m[1].len, done);
}

/* The transfer list as messages; delays[i] is entry i's DelayInUs. */
static NTSTATUS gpioclx_spb_parse(struct gpioclx_iotarget *t, const void *in, size_t len,
				  struct i2c_msg **msgs, u32 **delays, unsigned int *count)
{
	const SPB_TRANSFER_LIST *list = in;
	const SPB_TRANSFER_LIST_ENTRY *e;
	unsigned int i, n;

	if (len < sizeof(*list) || list->Size != sizeof(*list)) {
		dev_err(t->ctrl->dev, "sequence: not an SPB_TRANSFER_LIST (use SPB_TRANSFER_LIST_INIT)\n");
		return STATUS_INVALID_PARAMETER;
	}
	n = list->TransferCount;
	if (!n || n > GPIOCLX_SPB_MAX_TRANSFERS ||
	    len < offsetof(SPB_TRANSFER_LIST, Transfers) + n * sizeof(*e)) {
		dev_err(t->ctrl->dev, "sequence: %u transfers in a buffer of %zu bytes\n", n, len);
		return STATUS_INVALID_PARAMETER;
	}
	*msgs = kcalloc(n, sizeof(**msgs), GFP_KERNEL);
	*delays = kcalloc(n, sizeof(**delays), GFP_KERNEL);
	if (!*msgs || !*delays)
		return STATUS_INSUFFICIENT_RESOURCES;
	for (i = 0; i < n; i++) {
		e = &list->Transfers[i];
		if (e->Buffer.Format == SpbTransferBufferFormatList ||
		    e->Buffer.Format == SpbTransferBufferFormatMdl) {
			dev_err(t->ctrl->dev, "sequence: transfer %u: buffer lists and MDLs are not supported\n",
				i);
			return STATUS_NOT_SUPPORTED;
		}
		if ((e->Buffer.Format != SpbTransferBufferFormatSimple &&
		     e->Buffer.Format != SpbTransferBufferFormatSimpleNonPaged) ||
		    (e->Direction != SpbTransferDirectionFromDevice &&
		     e->Direction != SpbTransferDirectionToDevice) ||
		    !e->Buffer.Simple.Buffer || !e->Buffer.Simple.BufferCb ||
		    e->Buffer.Simple.BufferCb > U16_MAX) {
			dev_err(t->ctrl->dev, "sequence: transfer %u: bad direction %d, format %d, buffer or length %u\n",
				i, e->Direction, e->Buffer.Format, e->Buffer.Simple.BufferCb);
			return STATUS_INVALID_PARAMETER;
		}
		gpioclx_spb_msg(t, &(*msgs)[i], e->Direction == SpbTransferDirectionFromDevice,
				e->Buffer.Simple.Buffer, e->Buffer.Simple.BufferCb);
		(*delays)[i] = e->DelayInUs;
	}
	*count = n;
	return STATUS_SUCCESS;
}

/* Run messages [0, n) split at each delayed entry; returns messages done or errno. */
static int gpioclx_spb_run(struct gpioclx_iotarget *t, struct i2c_msg *msgs, const u32 *delays,
			   unsigned int n)
{
	struct i2c_adapter *adap = t->client->adapter;
	unsigned int first, last, done = 0;
	bool split = false, take;
	int ret = 0;

	for (first = 1; first < n; first++)
		split |= delays[first] != 0;
	if (delays[0])
		fsleep(delays[0]);
	if (!split)
		return gpioclx_spb_xfer(t, msgs, n);
	take = !gpioclx_spb_holds_bus(t);
	if (take)
		i2c_lock_bus(adap, I2C_LOCK_SEGMENT);
	for (first = 0; first < n; first = last) {
		if (first && delays[first])
			fsleep(delays[first]);
		for (last = first + 1; last < n && !delays[last]; last++)
			;
		ret = __i2c_transfer(adap, msgs + first, last - first);
		if (ret < 0)
			break;
		done += ret;
		if (ret < last - first)
			break;
	}
	if (take)
		i2c_unlock_bus(adap, I2C_LOCK_SEGMENT);
	return ret < 0 ? ret : done;
}

NTSTATUS gpioclx_spb_sequence(struct gpioclx_iotarget *t, const void *in, size_t len,
			      size_t *done)
{
	struct i2c_msg *msgs = NULL;
	u32 *delays = NULL;
	unsigned int n = 0, i;
	NTSTATUS status;
	int ret;

	status = gpioclx_spb_parse(t, in, len, &msgs, &delays, &n);
	if (!NT_SUCCESS(status))
		goto out;
	if (!gpioclx_spb_plain_i2c(t)) {
		for (i = 1; i < n; i++)
			if (delays[i])
				break;
		if (i == n && delays[0])
			fsleep(delays[0]);
		status = i < n ? gpioclx_spb_unsupported(t, "sequence with delays") :
				 gpioclx_spb_smbus_sequence(t, msgs, n, done);
		goto out;
	}
	ret = gpioclx_spb_run(t, msgs, delays, n);
	if (ret < 0) {
		status = gpioclx_errno_to_status(ret);
		goto out;
	}
	for (i = 0; i < ret && i < n; i++)
		*done += msgs[i].len;
	if (ret < n)
		dev_dbg(t->ctrl->dev, "sequence stopped after %d of %u transfers\n", ret, n);
	status = STATUS_SUCCESS;
out:
	kfree(msgs);
	kfree(delays);
	return status;
}

NTSTATUS gpioclx_spb_lock(struct gpioclx_iotarget *t)
{
	if (gpioclx_spb_holds_bus(t)) {
		dev_err(t->ctrl->dev, "IOCTL_SPB_LOCK_CONTROLLER: the controller is already locked\n");
		return STATUS_INVALID_DEVICE_REQUEST;
	}
	i2c_lock_bus(t->client->adapter, I2C_LOCK_SEGMENT);
	WRITE_ONCE(t->lock_owner, current);
	WRITE_ONCE(t->bus_locked, true);
	return STATUS_SUCCESS;
}

NTSTATUS gpioclx_spb_unlock(struct gpioclx_iotarget *t)
{
	if (!gpioclx_spb_holds_bus(t)) {
		dev_err(t->ctrl->dev, "IOCTL_SPB_UNLOCK_CONTROLLER: %s\n",
			READ_ONCE(t->bus_locked) ? "locked by another thread" : "not locked");
		return STATUS_INVALID_DEVICE_REQUEST;
	}
	WRITE_ONCE(t->bus_locked, false);
	WRITE_ONCE(t->lock_owner, NULL);
	i2c_unlock_bus(t->client->adapter, I2C_LOCK_SEGMENT);
	return STATUS_SUCCESS;
}
