// ECDSA P-256 verification against a pinned key with precomputed tables.
//
// A general verifier computes u1*G + u2*Q. BoringSSL has a table for the generator G, so u1*G costs 36 point
// additions, but it knows nothing of Q in advance: u2*Q is a windowed multiplication of about 256 doublings and
// 50 additions, three quarters of a verification. A gateway verifies every answer of a registry with that
// registry's one pinned certificate (and the mock registries every request with the gateway's), so here each
// pinned key gets the same kind of table as G: row i holds 1..64 times 2^(7i) times the point, in affine
// coordinates, and a scalar becomes 37 signed 7-bit digits, one table addition each. Both products together cost
// about 74 mixed additions. The tables are 37 x 64 x 64 bytes = 148 KiB per key.
//
// Field and point arithmetic are BoringSSL's own x86-64 primitives (the `ecp_nistz256_*` assembly, vendored in
// swift-crypto with the `CCryptoBoringSSL_` prefix): global symbols of the same link, declared here because
// BoringSSL keeps their header private. Only the table layout, the digit recoding, the scalar steps and the final
// x-coordinate comparison are ours; they follow `ECDSA_do_verify` step by step (range checks on r and s, digest
// reduced mod n, u1 = e/s, u2 = r/s, x(R) compared with r and with r + n).
//
// Only the verification of public data happens here, so nothing needs to run in constant time.

#include "CP256Verify.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && defined(__linux__)
#define QORGAN_P256_FAST 1
#include <cpuid.h>
#endif

#if QORGAN_P256_FAST

typedef struct {
    uint64_t X[4], Y[4], Z[4];
} qp_point;  // Jacobian, Montgomery form; Z = 0 is infinity (BoringSSL's P256_POINT)

typedef struct {
    uint64_t X[4], Y[4];
} qp_affine;  // affine, Montgomery form (BoringSSL's P256_POINT_AFFINE)

// BoringSSL's primitives (crypto/fipsmodule/ec/p256-nistz.h, x86-64 with MULX/ADCX/ADOX). Inputs fully reduced.
extern void CCryptoBoringSSL_ecp_nistz256_neg(uint64_t res[4], const uint64_t a[4]);
extern void CCryptoBoringSSL_ecp_nistz256_mul_mont_adx(uint64_t res[4], const uint64_t a[4], const uint64_t b[4]);
extern void CCryptoBoringSSL_ecp_nistz256_sqr_mont_adx(uint64_t res[4], const uint64_t a[4]);
extern void CCryptoBoringSSL_ecp_nistz256_ord_mul_mont_adx(uint64_t res[4], const uint64_t a[4], const uint64_t b[4]);
extern void CCryptoBoringSSL_ecp_nistz256_point_double_adx(qp_point *r, const qp_point *a);
extern void CCryptoBoringSSL_ecp_nistz256_point_add_adx(qp_point *r, const qp_point *a, const qp_point *b);
extern void CCryptoBoringSSL_ecp_nistz256_point_add_affine_adx(qp_point *r, const qp_point *a, const qp_affine *b);
extern int CCryptoBoringSSL_beeu_mod_inverse_vartime(uint64_t out[4], const uint64_t a[4], const uint64_t n[4]);

#define fe_mul CCryptoBoringSSL_ecp_nistz256_mul_mont_adx
#define fe_sqr CCryptoBoringSSL_ecp_nistz256_sqr_mont_adx
#define fe_neg CCryptoBoringSSL_ecp_nistz256_neg
#define ord_mul CCryptoBoringSSL_ecp_nistz256_ord_mul_mont_adx
#define pt_double CCryptoBoringSSL_ecp_nistz256_point_double_adx
#define pt_add CCryptoBoringSSL_ecp_nistz256_point_add_adx
#define pt_add_affine CCryptoBoringSSL_ecp_nistz256_point_add_affine_adx

enum { WINDOWS = 37, ROW = 64, TABLE_POINTS = WINDOWS * ROW };

// Little-endian 64-bit limbs.
static const uint64_t FIELD_P[4] = {0xffffffffffffffffULL, 0x00000000ffffffffULL, 0x0000000000000000ULL,
                                    0xffffffff00000001ULL};
static const uint64_t FIELD_P_MINUS_2[4] = {0xfffffffffffffffdULL, 0x00000000ffffffffULL, 0x0000000000000000ULL,
                                            0xffffffff00000001ULL};
static const uint64_t ORDER_N[4] = {0xf3b9cac2fc632551ULL, 0xbce6faada7179e84ULL, 0xffffffffffffffffULL,
                                    0xffffffff00000000ULL};
static const uint64_t ONE_PLAIN[4] = {1, 0, 0, 0};
static const uint8_t CURVE_B[32] = {0x5a, 0xc6, 0x35, 0xd8, 0xaa, 0x3a, 0x93, 0xe7, 0xb3, 0xeb, 0xbd,
                                    0x55, 0x76, 0x98, 0x86, 0xbc, 0x65, 0x1d, 0x06, 0xb0, 0xcc, 0x53,
                                    0xb0, 0xf6, 0x3b, 0xce, 0x3c, 0x3e, 0x27, 0xd2, 0x60, 0x4b};
static const uint8_t GENERATOR_X[32] = {0x6b, 0x17, 0xd1, 0xf2, 0xe1, 0x2c, 0x42, 0x47, 0xf8, 0xbc, 0xe6,
                                        0xe5, 0x63, 0xa4, 0x40, 0xf2, 0x77, 0x03, 0x7d, 0x81, 0x2d, 0xeb,
                                        0x33, 0xa0, 0xf4, 0xa1, 0x39, 0x45, 0xd8, 0x98, 0xc2, 0x96};
static const uint8_t GENERATOR_Y[32] = {0x4f, 0xe3, 0x42, 0xe2, 0xfe, 0x1a, 0x7f, 0x9b, 0x8e, 0xe7, 0xeb,
                                        0x4a, 0x7c, 0x0f, 0x9e, 0x16, 0x2b, 0xce, 0x33, 0x57, 0x6b, 0x31,
                                        0x5e, 0xce, 0xcb, 0xb6, 0x40, 0x68, 0x37, 0xbf, 0x51, 0xf5};

// Set once by `initialize`.
static int fast_available;
static uint64_t ONE_MONT[4];   // 2^256 mod p
static uint64_t RR_P[4];       // 2^512 mod p: x -> Montgomery form
static uint64_t RR_N[4];       // 2^512 mod n: scalar -> Montgomery form
static uint64_t B_MONT[4];     // the curve's b in Montgomery form
static qp_affine *generator_rows;
static pthread_once_t initialized = PTHREAD_ONCE_INIT;

struct qorgan_p256_key_table {
    qp_affine *rows;
};

// MARK: - 256-bit helpers

static uint64_t add4(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]) {
    unsigned __int128 carry = 0;
    for (int i = 0; i < 4; i++) {
        carry += (unsigned __int128)a[i] + b[i];
        r[i] = (uint64_t)carry;
        carry >>= 64;
    }
    return (uint64_t)carry;
}

static uint64_t sub4(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]) {
    uint64_t borrow = 0;
    for (int i = 0; i < 4; i++) {
        uint64_t ai = a[i], bi = b[i];
        uint64_t d = ai - bi - borrow;
        borrow = (ai < bi) || (ai == bi && borrow) ? 1 : 0;
        r[i] = d;
    }
    return borrow;
}

static int less4(const uint64_t a[4], const uint64_t b[4]) {
    for (int i = 3; i >= 0; i--) {
        if (a[i] != b[i]) return a[i] < b[i];
    }
    return 0;
}

static int zero4(const uint64_t a[4]) { return (a[0] | a[1] | a[2] | a[3]) == 0; }

static int equal4(const uint64_t a[4], const uint64_t b[4]) {
    return ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3])) == 0;
}

/// r = a + b mod m, for a, b < m.
static void add_mod(uint64_t r[4], const uint64_t a[4], const uint64_t b[4], const uint64_t m[4]) {
    uint64_t t[4];
    uint64_t carry = add4(t, a, b);
    if (carry || !less4(t, m)) sub4(t, t, m);
    memcpy(r, t, sizeof t);
}

/// r = a - b mod m, for a, b < m.
static void sub_mod(uint64_t r[4], const uint64_t a[4], const uint64_t b[4], const uint64_t m[4]) {
    uint64_t t[4];
    if (sub4(t, a, b)) add4(t, t, m);
    memcpy(r, t, sizeof t);
}

static void from_big_endian(uint64_t r[4], const uint8_t bytes[32]) {
    for (int limb = 0; limb < 4; limb++) {
        const uint8_t *p = bytes + 32 - 8 * (limb + 1);
        uint64_t v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | p[i];
        r[limb] = v;
    }
}

/// r = a^-1 in Montgomery form (Fermat: a^(p-2)); a nonzero.
static void fe_invert(uint64_t r[4], const uint64_t a[4]) {
    uint64_t acc[4];
    memcpy(acc, ONE_MONT, sizeof acc);
    for (int bit = 255; bit >= 0; bit--) {
        fe_sqr(acc, acc);
        if ((FIELD_P_MINUS_2[bit / 64] >> (bit % 64)) & 1) fe_mul(acc, acc, a);
    }
    memcpy(r, acc, sizeof acc);
}

/// Whether (x, y), in Montgomery form, satisfies y^2 = x^3 - 3x + b.
static int on_curve(const uint64_t x[4], const uint64_t y[4]) {
    uint64_t lhs[4], rhs[4], three_x[4];
    fe_sqr(lhs, y);
    fe_sqr(rhs, x);
    fe_mul(rhs, rhs, x);
    add_mod(three_x, x, x, FIELD_P);
    add_mod(three_x, three_x, x, FIELD_P);
    sub_mod(rhs, rhs, three_x, FIELD_P);
    add_mod(rhs, rhs, B_MONT, FIELD_P);
    return equal4(lhs, rhs);
}

// MARK: - Tables

/// Rows for the point (x, y) (Montgomery form, on the curve): rows[64 i + j] = (j + 1) 2^(7i) (x, y), affine.
static qp_affine *build_rows(const uint64_t x[4], const uint64_t y[4]) {
    qp_affine *rows = aligned_alloc(64, sizeof(qp_affine) * TABLE_POINTS);
    qp_point *jacobian = malloc(sizeof(qp_point) * TABLE_POINTS);
    uint64_t (*prefix)[4] = malloc(sizeof(uint64_t[4]) * TABLE_POINTS);
    if (!rows || !jacobian || !prefix) goto fail;

    qp_point base;
    memcpy(base.X, x, 32);
    memcpy(base.Y, y, 32);
    memcpy(base.Z, ONE_MONT, 32);
    for (int i = 0; i < WINDOWS; i++) {
        qp_point *row = jacobian + ROW * i;
        row[0] = base;
        pt_double(&row[1], &base);
        // (j + 1) B = j B + B with j B != ±B for j >= 2: the order is prime and far above 65.
        for (int j = 2; j < ROW; j++) pt_add(&row[j], &row[j - 1], &base);
        for (int k = 0; k < 7; k++) pt_double(&base, &base);
    }

    // All Z at once: one inversion of the product, then three multiplications per point.
    memcpy(prefix[0], jacobian[0].Z, 32);
    for (int k = 1; k < TABLE_POINTS; k++) fe_mul(prefix[k], prefix[k - 1], jacobian[k].Z);
    if (zero4(prefix[TABLE_POINTS - 1])) goto fail;  // a multiple at infinity: not a point of the group
    uint64_t inverse[4];
    fe_invert(inverse, prefix[TABLE_POINTS - 1]);
    for (int k = TABLE_POINTS - 1; k >= 0; k--) {
        uint64_t z_inverse[4], z2[4], z3[4];
        if (k > 0) {
            fe_mul(z_inverse, inverse, prefix[k - 1]);
            fe_mul(inverse, inverse, jacobian[k].Z);
        } else {
            memcpy(z_inverse, inverse, 32);
        }
        fe_sqr(z2, z_inverse);
        fe_mul(z3, z2, z_inverse);
        fe_mul(rows[k].X, jacobian[k].X, z2);
        fe_mul(rows[k].Y, jacobian[k].Y, z3);
    }
    free(jacobian);
    free(prefix);
    return rows;

fail:
    free(rows);
    free(jacobian);
    free(prefix);
    return NULL;
}

/// k = sum of d[i] 2^(7i), d[i] in [-63, 64]; k < 2^256 needs 37 digits and leaves no carry.
static void recode(int8_t digits[WINDOWS], const uint64_t k[4]) {
    unsigned carry = 0;
    for (int i = 0; i < WINDOWS; i++) {
        unsigned offset = 7 * (unsigned)i, limb = offset / 64, shift = offset % 64;
        uint64_t w = k[limb] >> shift;
        if (shift > 57 && limb < 3) w |= k[limb + 1] << (64 - shift);
        w = (w & 0x7f) + carry;
        if (w > 64) {
            digits[i] = (int8_t)((int)w - 128);
            carry = 1;
        } else {
            digits[i] = (int8_t)w;
            carry = 0;
        }
    }
}

/// The row entry for a nonzero digit.
static const qp_affine *entry_for(const qp_affine *rows, int window, int digit) {
    return &rows[ROW * window + (digit > 0 ? digit : -digit) - 1];
}

/// Asks for the cache lines of every entry the digits will use (one 64-byte line each), so that their misses overlap
/// instead of stalling one addition after another: the tables (148 KiB each) rarely stay cached between answers.
static void prefetch_entries(const qp_affine *rows, const int8_t digits[WINDOWS]) {
    for (int i = 0; i < WINDOWS; i++) {
        if (digits[i] != 0) __builtin_prefetch(entry_for(rows, i, digits[i]));
    }
}

/// acc = k P, P given by its rows and k (< n) by its digits from `recode`.
///
/// The mixed addition must not meet two equal points. It cannot: after window i the sum so far is
/// s P with |s| < 2^(7i - 1), and the next term is d 2^(7i) P with 2^(7i) <= |d| 2^(7i) <= 2^258; their difference is
/// a nonzero integer below n in magnitude for i < 36, and for i = 36 (d <= 16, top bits of a k < n) the two cannot
/// agree mod n either. BoringSSL's own table multiplication for G relies on the same bound.
static void multiply(qp_point *acc, const qp_affine *rows, const int8_t digits[WINDOWS]) {
    memset(acc, 0, sizeof *acc);
    for (int i = 0; i < WINDOWS; i++) {
        int d = digits[i];
        if (d == 0) continue;
        const qp_affine *entry = entry_for(rows, i, d);
        if (d > 0) {
            pt_add_affine(acc, acc, entry);
        } else {
            qp_affine negated __attribute__((aligned(32)));
            memcpy(negated.X, entry->X, 32);
            fe_neg(negated.Y, entry->Y);
            pt_add_affine(acc, acc, &negated);
        }
    }
}

// MARK: - Set-up

static int cpu_supports_fast_path(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    int avx = (c >> 28) & 1, osxsave = (c >> 27) & 1;
    if (!avx || !osxsave) return 0;
    unsigned xcr0_lo, xcr0_hi;
    __asm__ volatile("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
    if ((xcr0_lo & 6) != 6) return 0;  // the OS saves XMM and YMM state
    if (__get_cpuid_max(0, NULL) < 7) return 0;
    __cpuid_count(7, 0, a, b, c, d);
    int bmi2 = (b >> 8) & 1, adx = (b >> 19) & 1;
    return bmi2 && adx;
}

static void initialize(void) {
    if (!cpu_supports_fast_path()) return;
    const uint64_t zero[4] = {0, 0, 0, 0};
    sub4(ONE_MONT, zero, FIELD_P);  // 2^256 - p
    memcpy(RR_P, ONE_MONT, 32);
    for (int i = 0; i < 256; i++) add_mod(RR_P, RR_P, RR_P, FIELD_P);
    sub4(RR_N, zero, ORDER_N);  // 2^256 - n < n
    for (int i = 0; i < 256; i++) add_mod(RR_N, RR_N, RR_N, ORDER_N);
    uint64_t b[4];
    from_big_endian(b, CURVE_B);
    fe_mul(B_MONT, b, RR_P);

    uint64_t gx[4], gy[4];
    from_big_endian(gx, GENERATOR_X);
    from_big_endian(gy, GENERATOR_Y);
    fe_mul(gx, gx, RR_P);
    fe_mul(gy, gy, RR_P);
    if (!on_curve(gx, gy)) return;  // a wrong constant: never take the fast path
    generator_rows = build_rows(gx, gy);
    fast_available = generator_rows != NULL;
}

int qorgan_p256_available(void) {
    pthread_once(&initialized, initialize);
    return fast_available;
}

qorgan_p256_key_table *qorgan_p256_key_table_create(const uint8_t x_bytes[32], const uint8_t y_bytes[32]) {
    if (!qorgan_p256_available()) return NULL;
    uint64_t x[4], y[4];
    from_big_endian(x, x_bytes);
    from_big_endian(y, y_bytes);
    if (!less4(x, FIELD_P) || !less4(y, FIELD_P)) return NULL;
    fe_mul(x, x, RR_P);
    fe_mul(y, y, RR_P);
    if (!on_curve(x, y)) return NULL;
    qorgan_p256_key_table *table = malloc(sizeof *table);
    if (!table) return NULL;
    table->rows = build_rows(x, y);
    if (!table->rows) {
        free(table);
        return NULL;
    }
    return table;
}

void qorgan_p256_key_table_free(qorgan_p256_key_table *table) {
    if (!table) return;
    free(table->rows);
    free(table);
}

int qorgan_p256_verify(const qorgan_p256_key_table *table, const uint8_t digest[32], const uint8_t r_bytes[32],
                       const uint8_t s_bytes[32]) {
    if (!table || !qorgan_p256_available()) return 0;
    uint64_t r[4], s[4], e[4];
    from_big_endian(r, r_bytes);
    from_big_endian(s, s_bytes);
    from_big_endian(e, digest);
    if (zero4(r) || !less4(r, ORDER_N) || zero4(s) || !less4(s, ORDER_N)) return 0;
    if (!less4(e, ORDER_N)) sub4(e, e, ORDER_N);  // e < 2^256 < 2n

    uint64_t s_inverse[4], s_inverse_mont[4], u1[4], u2[4];
    if (!CCryptoBoringSSL_beeu_mod_inverse_vartime(s_inverse, s, ORDER_N)) return 0;
    ord_mul(s_inverse_mont, s_inverse, RR_N);  // s^-1 R
    ord_mul(u1, e, s_inverse_mont);           // e s^-1 (Montgomery product drops the R)
    ord_mul(u2, r, s_inverse_mont);           // r s^-1

    int8_t u1_digits[WINDOWS], u2_digits[WINDOWS];
    recode(u1_digits, u1);
    recode(u2_digits, u2);
    prefetch_entries(generator_rows, u1_digits);
    prefetch_entries(table->rows, u2_digits);
    qp_point sum __attribute__((aligned(32))), key_part __attribute__((aligned(32)));
    multiply(&sum, generator_rows, u1_digits);
    multiply(&key_part, table->rows, u2_digits);
    pt_add(&sum, &sum, &key_part);  // the full addition: doubles equal points, gives infinity for opposite ones
    if (zero4(sum.Z)) return 0;

    // x(R) = X / Z^2 mod p equals r (or r + n when that is below p): compare X with r Z^2, without an inversion.
    uint64_t z2[4], r_z2[4], x[4];
    fe_sqr(z2, sum.Z);          // Z^2 R
    fe_mul(r_z2, r, z2);        // r Z^2, plain
    fe_mul(x, sum.X, ONE_PLAIN);  // X, plain
    if (equal4(r_z2, x)) return 1;
    uint64_t r_plus_n[4];
    if (add4(r_plus_n, r, ORDER_N) == 0 && less4(r_plus_n, FIELD_P)) {
        fe_mul(r_z2, r_plus_n, z2);
        if (equal4(r_z2, x)) return 1;
    }
    return 0;
}

#else  // no fast path on this platform: callers use the general verifier

int qorgan_p256_available(void) { return 0; }
qorgan_p256_key_table *qorgan_p256_key_table_create(const uint8_t x[32], const uint8_t y[32]) {
    (void)x;
    (void)y;
    return NULL;
}
void qorgan_p256_key_table_free(qorgan_p256_key_table *table) { (void)table; }
int qorgan_p256_verify(const qorgan_p256_key_table *table, const uint8_t digest[32], const uint8_t r[32],
                       const uint8_t s[32]) {
    (void)table;
    (void)digest;
    (void)r;
    (void)s;
    return 0;
}

#endif
