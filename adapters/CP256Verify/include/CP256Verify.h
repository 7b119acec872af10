#ifndef QORGAN_CP256VERIFY_H
#define QORGAN_CP256VERIFY_H
// ECDSA P-256 verification against a pinned public key with per-key precomputed tables (see CP256Verify.c and
// the README). Built on BoringSSL's P-256 field and point primitives as vendored by swift-crypto.
#include <stdint.h>

/// Multiples of one public key (and, shared, of the generator) laid out for fixed-base multiplication.
typedef struct qorgan_p256_key_table qorgan_p256_key_table;

/// 1 when this build and CPU have the fast path (x86-64 with BMI2, ADX and AVX); 0 otherwise, and then every other
/// function here returns a failure and callers use the general verifier.
int qorgan_p256_available(void);

/// Builds the table of the public key with affine coordinates `x`, `y` (32 bytes each, big-endian). NULL when the
/// fast path is unavailable, a coordinate is not below the field prime, the point is not on the curve, or memory
/// is short. The table is immutable: any number of threads may verify with it at once.
qorgan_p256_key_table *qorgan_p256_key_table_create(const uint8_t x[32], const uint8_t y[32]);
/// Frees a table from `qorgan_p256_key_table_create` (NULL is ignored).
void qorgan_p256_key_table_free(qorgan_p256_key_table *table);

/// 1 when `r`‖`s` (32 bytes each, big-endian) is a valid ECDSA signature by the table's key over the 32-byte
/// `digest` (SHA-256 of the message); 0 otherwise. The same acceptance as BoringSSL's `ECDSA_do_verify`:
/// 0 < r, s < n, high `s` accepted.
int qorgan_p256_verify(const qorgan_p256_key_table *table, const uint8_t digest[32], const uint8_t r[32],
                       const uint8_t s[32]);

#endif
