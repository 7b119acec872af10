#include "CReferenceIIN.h"

static int reference_iin_is_valid(const uint8_t *p) {
    int first = 0, second = 0;
    for (int i = 0; i < 12; i++) {
        unsigned d = (unsigned)p[i] - '0';
        if (d > 9) return 0;
    }
    for (int i = 0; i < 11; i++) {
        int d = p[i] - '0';
        first += (i + 1) * d;
        second += ((i + 2) % 11 + 1) * d;
    }
    int k = first % 11;
    if (k == 10) {
        k = second % 11;
        if (k == 10) return 0;
    }
    return k == p[11] - '0';
}

size_t qorgan_reference_count_valid_iins(const uint8_t *records, size_t count) {
    size_t valid = 0;
    for (size_t r = 0; r < count; r++) valid += (size_t)reference_iin_is_valid(records + 12 * r);
    return valid;
}
