// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test_bits.c - RtlFindLeastSignificantBit and RtlFindMostSignificantBit:
 * the bit number (0..63) of the lowest / highest set bit of a ULONGLONG, and
 * -1 for an empty set. A GpioClx client walks a bank's pin mask with them
 * (clearing each pin it handles until the mask is 0), so -1 must stay -1 on
 * every architecture, whatever the signedness of a plain char there.
 */
#include <ntddk.h>

#include "hosted_test.h"

static void empty_set_is_minus_one(void)
{
	EXPECT_TRUE(RtlFindLeastSignificantBit(0) == -1);
	EXPECT_TRUE(RtlFindMostSignificantBit(0) == -1);
	EXPECT_TRUE(RtlFindLeastSignificantBit(0) < 0);
}

static void single_bits(void)
{
	int bit;

	for (bit = 0; bit < 64; bit++) {
		EXPECT_EQ(RtlFindLeastSignificantBit(1ULL << bit), bit);
		EXPECT_EQ(RtlFindMostSignificantBit(1ULL << bit), bit);
	}
}

static void several_bits(void)
{
	EXPECT_EQ(RtlFindLeastSignificantBit(0x8000000000000300ULL), 8);
	EXPECT_EQ(RtlFindMostSignificantBit(0x8000000000000300ULL), 63);
	EXPECT_EQ(RtlFindLeastSignificantBit(0xF0), 4);
	EXPECT_EQ(RtlFindMostSignificantBit(0xF0), 7);
	EXPECT_EQ(RtlFindLeastSignificantBit(~0ULL), 0);
	EXPECT_EQ(RtlFindMostSignificantBit(~0ULL), 63);
}

/* The WDK returns a CCHAR: one byte, signed (MSVC's char is signed). */
static void returns_a_signed_byte(void)
{
	EXPECT_EQ(sizeof(RtlFindLeastSignificantBit(1)), 1);
	EXPECT_EQ(sizeof(CCHAR), 1);
	EXPECT_TRUE((CCHAR)-1 < 0);
}

HOSTED_MAIN("bits",
	    { "empty_set_is_minus_one", empty_set_is_minus_one },
	    { "single_bits", single_bits },
	    { "several_bits", several_bits },
	    { "returns_a_signed_byte", returns_a_signed_byte });
