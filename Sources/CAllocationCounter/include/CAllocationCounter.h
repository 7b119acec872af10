#ifndef QORGAN_C_ALLOCATION_COUNTER_H
#define QORGAN_C_ALLOCATION_COUNTER_H
#include <stdint.h>

/// Heap allocations (malloc, calloc, realloc, aligned variants) made by this process since start.
/// Linked only into the benchmark executable, whose definitions of malloc & co. interpose glibc's.
uint64_t qorgan_allocation_count(void);

#endif
