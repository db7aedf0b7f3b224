// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * spb_kunit.c - the WDF I/O target and the SPB requests it carries, called
 * as a client calls them, on a controller bound to the KUnit I2C bus
 * (models/i2c_bus.c): opening by resource hub path (and the status codes
 * of the ways that fails), reads, writes and execute-sequences as i2c
 * messages (one transfer with repeated starts; delays split it), the
 * controller lock, short and refused transfers, malformed transfer lists,
 * the SMBus mapping and what it refuses, memory objects, requests, object
 * contexts and deletion of children with their parent.
 */
#include <kunit/test.h>
#include <linux/i2c.h>
#include <linux/ktime.h>
#include <linux/slab.h>

#include "gpioclx_internal.h"
#include "models/i2c_bus.h"

#define RESHUB_USE_HELPER_ROUTINES
#include <reshub.h>
#include <spb.h>

struct spb_kunit {
	struct kbus *bus;
	struct gpioclx_controller *ctrl;
	LARGE_INTEGER conn;
	WDFIOTARGET target;
};

static struct spb_kunit *sk;

typedef struct _SPB_KUNIT_CONTEXT {
	ULONG Cookie;
	ULONG Cleanups;
} SPB_KUNIT_CONTEXT, *PSPB_KUNIT_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(SPB_KUNIT_CONTEXT, SpbKunitGetContext);

typedef struct _SPB_KUNIT_OTHER {
	ULONG Other;
} SPB_KUNIT_OTHER;
WDF_DECLARE_CONTEXT_TYPE(SPB_KUNIT_OTHER);

static unsigned int spb_cleanups;

static VOID spb_cleanup(WDFOBJECT Object)
{
	spb_cleanups++;
}

static NTSTATUS spb_open(WDFIOTARGET target, ULONG low, ULONG high)
{
	WDF_IO_TARGET_OPEN_PARAMS params;
	DECLARE_UNICODE_STRING_SIZE(path, RESOURCE_HUB_PATH_SIZE);
	NTSTATUS status;

	status = RESOURCE_HUB_CREATE_PATH_FROM_ID(&path, low, high);
	if (!NT_SUCCESS(status))
		return status;
	WDF_IO_TARGET_OPEN_PARAMS_INIT_OPEN_BY_NAME(&params, &path, GENERIC_READ | GENERIC_WRITE);
	return WdfIoTargetOpen(target, &params);
}

/* A controller on the bus (the PCA9555 client bound to it), and a target of our own. */
static void spb_start(struct kunit *test, bool smbus_only)
{
	struct i2c_client *client;
	unsigned int i;

	sk = kzalloc(sizeof(*sk), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sk);
	sk->bus = kbus_create(smbus_only);
	KUNIT_ASSERT_NOT_NULL(test, sk->bus);
	client = kbus_add_device(sk->bus, "pca9555", false);
	KUNIT_ASSERT_FALSE(test, IS_ERR(client));
	KUNIT_ASSERT_NOT_NULL(test, client->dev.driver);
	sk->ctrl = dev_get_drvdata(&client->dev);
	KUNIT_ASSERT_NOT_NULL(test, sk->ctrl);
	for (i = 0; i < sk->ctrl->translated.count; i++) {
		PCM_PARTIAL_RESOURCE_DESCRIPTOR d = &sk->ctrl->translated.descs[i];

		if (d->Type == CmResourceTypeConnection) {
			sk->conn.LowPart = d->u.Connection.IdLowPart;
			sk->conn.HighPart = d->u.Connection.IdHighPart;
		}
	}
	KUNIT_ASSERT_NE(test, sk->conn.QuadPart, 0);
	KUNIT_ASSERT_EQ(test, WdfIoTargetCreate((WDFDEVICE)sk->ctrl, WDF_NO_OBJECT_ATTRIBUTES,
						&sk->target), STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, spb_open(sk->target, sk->conn.LowPart, sk->conn.HighPart),
			STATUS_SUCCESS);
}

static void spb_test_exit(struct kunit *test)
{
	if (!sk)
		return;
	/* the target is the device's child: unbinding deletes it */
	kbus_destroy(sk->bus);
	kfree(sk);
	sk = NULL;
}

static NTSTATUS spb_sequence(PVOID list, ULONG size, PULONG_PTR bytes)
{
	WDF_MEMORY_DESCRIPTOR desc;

	WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&desc, list, size);
	return WdfIoTargetSendIoctlSynchronously(sk->target, NULL, IOCTL_SPB_EXECUTE_SEQUENCE,
						 &desc, NULL, NULL, bytes);
}

static void spb_open_status(struct kunit *test)
{
	WDF_IO_TARGET_OPEN_PARAMS params;
	WDFIOTARGET other;
	DECLARE_UNICODE_STRING_SIZE(path, RESOURCE_HUB_PATH_SIZE);

	spb_start(test, false);
	/* the path is the WDK's: the hub's device name and 16 lower-case hex digits */
	KUNIT_EXPECT_EQ(test, RESOURCE_HUB_CREATE_PATH_FROM_ID(&path, 0x2a, 0x1), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, path.Length, (RESOURCE_HUB_PATH_SIZE - sizeof(WCHAR)));
	KUNIT_EXPECT_EQ(test, path.Buffer[21], (WCHAR)'0');
	KUNIT_EXPECT_EQ(test, path.Buffer[28], (WCHAR)'1');
	KUNIT_EXPECT_EQ(test, path.Buffer[35], (WCHAR)'2');
	KUNIT_EXPECT_EQ(test, path.Buffer[36], (WCHAR)'a');

	/* opened twice */
	KUNIT_EXPECT_EQ(test, spb_open(sk->target, sk->conn.LowPart, sk->conn.HighPart),
			STATUS_INVALID_DEVICE_STATE);

	KUNIT_ASSERT_EQ(test, WdfIoTargetCreate((WDFDEVICE)sk->ctrl, NULL, &other),
			STATUS_SUCCESS);
	/* a connection id nobody was given */
	KUNIT_EXPECT_EQ(test, spb_open(other, sk->conn.LowPart + 1000, 0), STATUS_NOT_FOUND);
	/* not a resource hub path */
	path.Length = 4;
	WDF_IO_TARGET_OPEN_PARAMS_INIT_OPEN_BY_NAME(&params, &path, GENERIC_READ);
	KUNIT_EXPECT_EQ(test, WdfIoTargetOpen(other, &params), STATUS_NOT_FOUND);
	/* a structure of the wrong size */
	params.Size--;
	KUNIT_EXPECT_EQ(test, WdfIoTargetOpen(other, &params), STATUS_INFO_LENGTH_MISMATCH);
	/* sends on a target that is not open */
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendIoctlSynchronously(other, NULL,
								IOCTL_SPB_LOCK_CONTROLLER, NULL,
								NULL, NULL, NULL),
			STATUS_INVALID_DEVICE_STATE);
	/* closed, it opens again */
	KUNIT_EXPECT_EQ(test, spb_open(other, sk->conn.LowPart, sk->conn.HighPart),
			STATUS_SUCCESS);
	WdfIoTargetClose(other);
	KUNIT_EXPECT_EQ(test, spb_open(other, sk->conn.LowPart, sk->conn.HighPart),
			STATUS_SUCCESS);
	WdfObjectDelete(other);
}

static void spb_read_write(struct kunit *test)
{
	UCHAR cmd[3] = { 0x02, 0x5a, 0xa5 }, data[2] = {};
	WDF_MEMORY_DESCRIPTOR desc;
	ULONG_PTR bytes = 0;
	unsigned int before;
	struct kbus_xfer x;

	spb_start(test, false);
	before = kbus_xfers(sk->bus);
	WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&desc, cmd, sizeof(cmd));
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendWriteSynchronously(sk->target, NULL, &desc, NULL,
								 NULL, &bytes), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, bytes, 3);
	x = kbus_xfer(sk->bus, before);
	KUNIT_EXPECT_EQ(test, x.nmsgs, 1);
	KUNIT_EXPECT_EQ(test, x.len[0], 3);
	KUNIT_EXPECT_EQ(test, kbus_snapshot(sk->bus).output[0], 0x5a);
	KUNIT_EXPECT_EQ(test, kbus_snapshot(sk->bus).output[1], 0xa5);

	/* a plain read continues from the command pointer the write left */
	WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&desc, data, sizeof(data));
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendReadSynchronously(sk->target, NULL, &desc, NULL,
								NULL, &bytes), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, bytes, 2);
	x = kbus_xfer(sk->bus, before + 1);
	KUNIT_EXPECT_EQ(test, x.nmsgs, 1);
	KUNIT_EXPECT_EQ(test, x.flags[0] & I2C_M_RD, I2C_M_RD);
	KUNIT_EXPECT_EQ(test, data[0], 0x5a);
	KUNIT_EXPECT_EQ(test, data[1], 0xa5);

	/* an address nobody acknowledges */
	sk->bus->fail_errno = -ENXIO;
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendReadSynchronously(sk->target, NULL, &desc, NULL,
								NULL, &bytes),
			STATUS_NO_SUCH_DEVICE);
	KUNIT_EXPECT_EQ(test, bytes, 0);
	/* a timeout */
	sk->bus->fail_errno = -ETIMEDOUT;
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendWriteSynchronously(sk->target, NULL, &desc, NULL,
								 NULL, NULL), STATUS_IO_TIMEOUT);
	/* no buffer */
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendWriteSynchronously(sk->target, NULL, NULL, NULL,
								 NULL, NULL),
			STATUS_INVALID_PARAMETER);
}

static void spb_sequence_layout(struct kunit *test)
{
	SPB_TRANSFER_LIST_AND_ENTRIES(3) seq;
	UCHAR reg = PCA9555_REG_CONFIG, cfg[2] = {}, reg2 = PCA9555_REG_OUTPUT, out[2] = {};
	ULONG_PTR bytes = 0;
	unsigned int before;
	struct kbus_xfer x;

	spb_start(test, false);
	SPB_TRANSFER_LIST_INIT(&seq.List, 3);
	seq.List.Transfers[0] = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SpbTransferDirectionToDevice,
								    0, &reg, 1);
	seq.List.Transfers[1] = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SpbTransferDirectionFromDevice,
								    0, cfg, 2);
	seq.List.Transfers[2] = SPB_TRANSFER_LIST_ENTRY_INIT_NON_PAGED(
		SpbTransferDirectionToDevice, 0, &reg2, 1);
	before = kbus_xfers(sk->bus);
	KUNIT_EXPECT_EQ(test, spb_sequence(&seq, sizeof(seq), &bytes), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, bytes, 4);
	/* one transfer: a message per entry, so repeated starts between them */
	KUNIT_EXPECT_EQ(test, kbus_xfers(sk->bus) - before, 1);
	x = kbus_xfer(sk->bus, before);
	KUNIT_EXPECT_EQ(test, x.nmsgs, 3);
	KUNIT_EXPECT_EQ(test, x.flags[0] & I2C_M_RD, 0);
	KUNIT_EXPECT_EQ(test, x.flags[1] & I2C_M_RD, I2C_M_RD);
	KUNIT_EXPECT_EQ(test, x.flags[2] & I2C_M_RD, 0);
	KUNIT_EXPECT_EQ(test, x.len[1], 2);
	KUNIT_EXPECT_EQ(test, cfg[0], 0xff);
	KUNIT_EXPECT_EQ(test, cfg[1], 0xff);

	/* the adapter stops after the first message: success, with the bytes done */
	sk->bus->stop_after = 1;
	KUNIT_EXPECT_EQ(test, spb_sequence(&seq, sizeof(seq), &bytes), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, bytes, 1);
	(void)out;
}

static void spb_sequence_delays(struct kunit *test)
{
	SPB_TRANSFER_LIST_AND_ENTRIES(3) seq;
	UCHAR reg = PCA9555_REG_INPUT, in[2], reg2 = PCA9555_REG_CONFIG;
	ULONG_PTR bytes = 0;
	unsigned int before;
	struct kbus_xfer a, b;
	ktime_t start;

	spb_start(test, false);
	SPB_TRANSFER_LIST_INIT(&seq.List, 3);
	seq.List.Transfers[0] = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SpbTransferDirectionToDevice,
								    0, &reg, 1);
	seq.List.Transfers[1] = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SpbTransferDirectionFromDevice,
								    0, in, 2);
	seq.List.Transfers[2] = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SpbTransferDirectionToDevice,
								    2000, &reg2, 1);
	before = kbus_xfers(sk->bus);
	KUNIT_EXPECT_EQ(test, spb_sequence(&seq, sizeof(seq), &bytes), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, bytes, 4);
	/* split at the delayed entry: two transfers, at least 2 ms apart */
	KUNIT_ASSERT_EQ(test, kbus_xfers(sk->bus) - before, 2);
	a = kbus_xfer(sk->bus, before);
	b = kbus_xfer(sk->bus, before + 1);
	KUNIT_EXPECT_EQ(test, a.nmsgs, 2);
	KUNIT_EXPECT_EQ(test, b.nmsgs, 1);
	KUNIT_EXPECT_GE(test, ktime_us_delta(b.when, a.when), 2000);

	/* a delay before the first entry: slept, still one transfer */
	seq.List.Transfers[0].DelayInUs = 1500;
	seq.List.Transfers[2].DelayInUs = 0;
	before = kbus_xfers(sk->bus);
	start = ktime_get();
	KUNIT_EXPECT_EQ(test, spb_sequence(&seq, sizeof(seq), &bytes), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, kbus_xfers(sk->bus) - before, 1);
	KUNIT_EXPECT_GE(test, ktime_us_delta(kbus_xfer(sk->bus, before).when, start), 1500);
}

static void spb_sequence_malformed(struct kunit *test)
{
	SPB_TRANSFER_LIST_AND_ENTRIES(2) seq;
	UCHAR reg = 0, data[2];
	ULONG_PTR bytes = 1;
	unsigned int before;

	spb_start(test, false);
	before = kbus_xfers(sk->bus);
#define SPB_KUNIT_RESET() do { \
		SPB_TRANSFER_LIST_INIT(&seq.List, 2); \
		seq.List.Transfers[0] = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE( \
			SpbTransferDirectionToDevice, 0, &reg, 1); \
		seq.List.Transfers[1] = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE( \
			SpbTransferDirectionFromDevice, 0, data, 2); \
	} while (0)

	SPB_KUNIT_RESET();
	seq.List.Size = 12;
	KUNIT_EXPECT_EQ(test, spb_sequence(&seq, sizeof(seq), &bytes), STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, bytes, 0);
	SPB_KUNIT_RESET();
	seq.List.TransferCount = 0;
	KUNIT_EXPECT_EQ(test, spb_sequence(&seq, sizeof(seq), NULL), STATUS_INVALID_PARAMETER);
	SPB_KUNIT_RESET();	/* two entries in the buffer of one */
	KUNIT_EXPECT_EQ(test, spb_sequence(&seq, sizeof(SPB_TRANSFER_LIST), NULL),
			STATUS_INVALID_PARAMETER);
	SPB_KUNIT_RESET();
	seq.List.Transfers[1].Direction = SpbTransferDirectionNone;
	KUNIT_EXPECT_EQ(test, spb_sequence(&seq, sizeof(seq), NULL), STATUS_INVALID_PARAMETER);
	SPB_KUNIT_RESET();
	seq.List.Transfers[1].Buffer.Simple.BufferCb = 0;
	KUNIT_EXPECT_EQ(test, spb_sequence(&seq, sizeof(seq), NULL), STATUS_INVALID_PARAMETER);
	SPB_KUNIT_RESET();
	seq.List.Transfers[1].Buffer.Simple.Buffer = NULL;
	KUNIT_EXPECT_EQ(test, spb_sequence(&seq, sizeof(seq), NULL), STATUS_INVALID_PARAMETER);
	SPB_KUNIT_RESET();
	seq.List.Transfers[1] = SPB_TRANSFER_LIST_ENTRY_INIT_MDL(SpbTransferDirectionFromDevice,
								 0, NULL);
	KUNIT_EXPECT_EQ(test, spb_sequence(&seq, sizeof(seq), NULL), STATUS_NOT_SUPPORTED);
	/* none of them reached the bus */
	KUNIT_EXPECT_EQ(test, kbus_xfers(sk->bus) - before, 0);
	/* IOCTLs I2C has no meaning for */
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendIoctlSynchronously(sk->target, NULL,
								IOCTL_SPB_FULL_DUPLEX, NULL, NULL,
								NULL, NULL), STATUS_NOT_SUPPORTED);
#undef SPB_KUNIT_RESET
}

static void spb_lock_controller(struct kunit *test)
{
	UCHAR cmd[2] = { PCA9555_REG_OUTPUT, 0x0f };
	WDF_MEMORY_DESCRIPTOR desc;

	spb_start(test, false);
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendIoctlSynchronously(sk->target, NULL,
								IOCTL_SPB_LOCK_CONTROLLER, NULL,
								NULL, NULL, NULL), STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, rt_mutex_base_is_locked(&sk->bus->adap.bus_lock.rtmutex));
	/* the locking task's own transfers go through (__i2c_transfer) */
	WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&desc, cmd, sizeof(cmd));
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendWriteSynchronously(sk->target, NULL, &desc, NULL,
								 NULL, NULL), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, kbus_snapshot(sk->bus).output[0], 0x0f);
	/* locked twice */
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendIoctlSynchronously(sk->target, NULL,
								IOCTL_SPB_LOCK_CONTROLLER, NULL,
								NULL, NULL, NULL),
			STATUS_INVALID_DEVICE_REQUEST);
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendIoctlSynchronously(sk->target, NULL,
								IOCTL_SPB_UNLOCK_CONTROLLER, NULL,
								NULL, NULL, NULL), STATUS_SUCCESS);
	KUNIT_EXPECT_FALSE(test, rt_mutex_base_is_locked(&sk->bus->adap.bus_lock.rtmutex));
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendIoctlSynchronously(sk->target, NULL,
								IOCTL_SPB_UNLOCK_CONTROLLER, NULL,
								NULL, NULL, NULL),
			STATUS_INVALID_DEVICE_REQUEST);
	/* closing a target that holds the bus gives it back */
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendIoctlSynchronously(sk->target, NULL,
								IOCTL_SPB_LOCK_CONTROLLER, NULL,
								NULL, NULL, NULL), STATUS_SUCCESS);
	WdfIoTargetClose(sk->target);
	KUNIT_EXPECT_FALSE(test, rt_mutex_base_is_locked(&sk->bus->adap.bus_lock.rtmutex));
}

static void spb_smbus_mapping(struct kunit *test)
{
	SPB_TRANSFER_LIST_AND_ENTRIES(3) seq;
	UCHAR reg = PCA9555_REG_CONFIG, cfg[2] = {}, w3[3] = { PCA9555_REG_OUTPUT, 1, 2 };
	UCHAR big[40] = { PCA9555_REG_OUTPUT };
	WDF_MEMORY_DESCRIPTOR desc;
	ULONG_PTR bytes = 0;
	unsigned int before;
	struct kbus_xfer x;

	spb_start(test, true);
	/* a register write of both ports: SMBus write word */
	before = kbus_xfers(sk->bus);
	WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&desc, w3, sizeof(w3));
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendWriteSynchronously(sk->target, NULL, &desc, NULL,
								 NULL, &bytes), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, bytes, 3);
	x = kbus_xfer(sk->bus, before);
	KUNIT_EXPECT_EQ(test, x.smbus_size, I2C_SMBUS_WORD_DATA);
	KUNIT_EXPECT_EQ(test, kbus_snapshot(sk->bus).output[0], 1);
	KUNIT_EXPECT_EQ(test, kbus_snapshot(sk->bus).output[1], 2);

	/* write-then-read of two: SMBus read word */
	SPB_TRANSFER_LIST_INIT(&seq.List, 2);
	seq.List.Transfers[0] = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SpbTransferDirectionToDevice,
								    0, &reg, 1);
	seq.List.Transfers[1] = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SpbTransferDirectionFromDevice,
								    0, cfg, 2);
	before = kbus_xfers(sk->bus);
	KUNIT_EXPECT_EQ(test, spb_sequence(&seq, sizeof(SPB_TRANSFER_LIST_AND_ENTRIES(2)),
					   &bytes), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, bytes, 3);
	x = kbus_xfer(sk->bus, before);
	KUNIT_EXPECT_EQ(test, x.smbus_size, I2C_SMBUS_WORD_DATA);
	KUNIT_EXPECT_EQ(test, x.smbus_rw, I2C_SMBUS_READ);
	KUNIT_EXPECT_EQ(test, cfg[0], 0xff);

	/* three entries, or a write longer than an SMBus block: not supported */
	SPB_TRANSFER_LIST_INIT(&seq.List, 3);
	seq.List.Transfers[0] = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SpbTransferDirectionToDevice,
								    0, &reg, 1);
	seq.List.Transfers[1] = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SpbTransferDirectionFromDevice,
								    0, cfg, 2);
	seq.List.Transfers[2] = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SpbTransferDirectionToDevice,
								    0, &reg, 1);
	before = kbus_xfers(sk->bus);
	KUNIT_EXPECT_EQ(test, spb_sequence(&seq, sizeof(seq), &bytes), STATUS_NOT_SUPPORTED);
	WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&desc, big, sizeof(big));
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendWriteSynchronously(sk->target, NULL, &desc, NULL,
								 NULL, NULL), STATUS_NOT_SUPPORTED);
	KUNIT_EXPECT_EQ(test, kbus_xfers(sk->bus) - before, 0);
}

static void spb_memory_and_requests(struct kunit *test)
{
	WDF_OBJECT_ATTRIBUTES attrs;
	WDF_REQUEST_REUSE_PARAMS reuse;
	WDFMEMORY mem, pre;
	WDFMEMORY_OFFSET off = { .BufferOffset = 1, .BufferLength = 2 };
	WDF_MEMORY_DESCRIPTOR desc;
	WDFREQUEST req;
	UCHAR buffer[4] = { 0xee, PCA9555_REG_OUTPUT, 0x33, 0xee };
	PUCHAR p = NULL;
	SIZE_T size = 0;
	PSPB_KUNIT_CONTEXT ctx;

	spb_start(test, false);
	KUNIT_ASSERT_EQ(test, WdfMemoryCreate(NULL, NonPagedPoolNx, 'tsbK', 8, &mem, (PVOID *)&p),
			STATUS_SUCCESS);
	KUNIT_EXPECT_NOT_NULL(test, p);
	KUNIT_EXPECT_PTR_EQ(test, WdfMemoryGetBuffer(mem, &size), (PVOID)p);
	KUNIT_EXPECT_EQ(test, size, 8);
	KUNIT_EXPECT_EQ(test, WdfMemoryCreate(NULL, NonPagedPoolNx, 0, 0, &mem, NULL),
			STATUS_INVALID_PARAMETER);

	/* a handle descriptor with offsets: bytes 1..2 of the buffer */
	KUNIT_ASSERT_EQ(test, WdfMemoryCreatePreallocated(NULL, buffer, sizeof(buffer), &pre),
			STATUS_SUCCESS);
	WDF_MEMORY_DESCRIPTOR_INIT_HANDLE(&desc, pre, &off);
	WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attrs, SPB_KUNIT_CONTEXT);
	KUNIT_ASSERT_EQ(test, WdfRequestCreate(&attrs, sk->target, &req), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendWriteSynchronously(sk->target, req, &desc, NULL,
								 NULL, NULL), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, kbus_snapshot(sk->bus).output[0], 0x33);
	WDF_REQUEST_REUSE_PARAMS_INIT(&reuse, WDF_REQUEST_REUSE_NO_FLAGS, STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, WdfRequestReuse(req, &reuse), STATUS_SUCCESS);
	WDF_REQUEST_REUSE_PARAMS_INIT(&reuse, WDF_REQUEST_REUSE_SET_NEW_IRP, STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, WdfRequestReuse(req, &reuse), STATUS_NOT_SUPPORTED);
	off.BufferLength = 4;		/* past the end */
	KUNIT_EXPECT_EQ(test, WdfIoTargetSendWriteSynchronously(sk->target, req, &desc, NULL,
								 NULL, NULL),
			STATUS_INVALID_PARAMETER);

	/* the context: zeroed, found by its type, not by another */
	ctx = SpbKunitGetContext(req);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	KUNIT_EXPECT_EQ(test, ctx->Cookie, 0);
	KUNIT_EXPECT_NULL(test, WdfObjectGet_SPB_KUNIT_OTHER(req));
	KUNIT_EXPECT_NULL(test, SpbKunitGetContext(mem));

	WdfObjectDelete(req);
	WdfObjectDelete(pre);
	WdfObjectDelete(mem);
	KUNIT_EXPECT_EQ(test, buffer[0], 0xee);	/* preallocated: not freed, not touched */
}

static void spb_children_go_with_parent(struct kunit *test)
{
	WDF_OBJECT_ATTRIBUTES attrs;
	WDFIOTARGET t;
	WDFREQUEST req;
	WDFMEMORY mem;

	spb_start(test, false);
	spb_cleanups = 0;
	WDF_OBJECT_ATTRIBUTES_INIT(&attrs);
	attrs.EvtCleanupCallback = spb_cleanup;
	KUNIT_ASSERT_EQ(test, WdfIoTargetCreate((WDFDEVICE)sk->ctrl, &attrs, &t), STATUS_SUCCESS);
	attrs.ParentObject = t;
	KUNIT_ASSERT_EQ(test, WdfRequestCreate(&attrs, t, &req), STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, WdfMemoryCreate(&attrs, NonPagedPoolNx, 0, 4, &mem, NULL),
			STATUS_SUCCESS);
	WdfObjectDelete(t);
	KUNIT_EXPECT_EQ(test, spb_cleanups, 3);
	/* the device's own children go at unbind (spb_test_exit): the target of spb_start */
	attrs.ParentObject = NULL;
	attrs.Size = 1;
	KUNIT_EXPECT_EQ(test, WdfMemoryCreate(&attrs, NonPagedPoolNx, 0, 4, &mem, NULL),
			STATUS_INVALID_PARAMETER);
}

static struct kunit_case spb_cases[] = {
	KUNIT_CASE(spb_open_status),
	KUNIT_CASE(spb_read_write),
	KUNIT_CASE(spb_sequence_layout),
	KUNIT_CASE(spb_sequence_delays),
	KUNIT_CASE(spb_sequence_malformed),
	KUNIT_CASE(spb_lock_controller),
	KUNIT_CASE(spb_smbus_mapping),
	KUNIT_CASE(spb_memory_and_requests),
	KUNIT_CASE(spb_children_go_with_parent),
	{}
};

static struct kunit_suite spb_suite = {
	.name = "gpioclx_spb_i2c",
	.exit = spb_test_exit,
	.test_cases = spb_cases,
};
kunit_test_suite(spb_suite);
