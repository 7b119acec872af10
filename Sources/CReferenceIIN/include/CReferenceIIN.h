#ifndef QORGAN_C_REFERENCE_IIN_H
#define QORGAN_C_REFERENCE_IIN_H
#include <stddef.h>
#include <stdint.h>

/// Plain C reference for the IIN benchmark: validates `count` consecutive 12-byte records
/// (12 ASCII digits, two-pass mod-11 check digit, "not issuable" prefixes rejected) and returns
/// how many are valid. Compiled with -O2; the benchmark compares Swift's rate against it.
size_t qorgan_reference_count_valid_iins(const uint8_t *records, size_t count);

#endif
