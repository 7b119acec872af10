#ifndef QORGAN_CXMLARENA_H
#define QORGAN_CXMLARENA_H
// Per-document arenas for libxml2's allocations (see CXMLArena.c and XMLSupport's README).
#include <stddef.h>

/// The allocations of one parse: bump-allocated in 64 KiB chunks, given back in one go.
typedef struct qorgan_xml_arena qorgan_xml_arena;

/// libxml2's allocation functions (install with `xmlMemSetup` before libxml2 is used): while an arena is current on
/// the calling thread, blocks come from it; otherwise, and for blocks larger than an arena serves, from `malloc`.
/// Freeing an arena block does nothing (its arena's release reclaims it); freeing any other block calls `free`.
void *qorgan_xml_arena_malloc(size_t size);
void *qorgan_xml_arena_realloc(void *pointer, size_t size);
void qorgan_xml_arena_free(void *pointer);
char *qorgan_xml_arena_strdup(const char *string);

/// Starts an arena and makes it current on the calling thread; NULL when arenas are unavailable (the address range
/// could not be reserved or is used up), in which case allocations go to `malloc` as usual.
qorgan_xml_arena *qorgan_xml_arena_begin(void);
/// Makes no arena current on the calling thread; the arena's blocks stay valid until it is released.
void qorgan_xml_arena_end(void);
/// Gives the arena's chunks back for reuse. Every pointer into its blocks is invalid afterwards.
void qorgan_xml_arena_release(qorgan_xml_arena *arena);

/// Whether `pointer` lies in the range arenas are carved from.
int qorgan_xml_arena_contains(const void *pointer);
/// Bytes handed out by `arena` (headers and alignment included).
size_t qorgan_xml_arena_used_bytes(const qorgan_xml_arena *arena);
/// Chunks currently held by arenas, and chunks waiting for reuse (for tests and diagnostics).
size_t qorgan_xml_arena_chunks_in_use(void);
size_t qorgan_xml_arena_chunks_idle(void);

#endif
