# SPDX-License-Identifier: GPL-2.0-or-later
# RtlFindLeastSignificantBit and RtlFindMostSignificantBit of <ntddk.h>.
TESTS += bits
bits_SRCS :=
