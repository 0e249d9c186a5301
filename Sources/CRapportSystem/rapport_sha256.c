#include <stddef.h>
#include <stdint.h>
#include "rapport_system.h"

/* FIPS 180-4's 64 round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

const uint32_t *rapport_sha256_round_constants(void) { return round_constants; }

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <cpuid.h>
#include <immintrin.h>
#include <stdatomic.h>

/* Whether the processor has the SHA extensions and the SSSE3 / SSE4.1 shuffles and blends they are used with. */
static int has_sha_extensions(void) {
    /* Asked once (cpuid is slow in a virtual machine); several threads may ask at once, and agree. */
    static atomic_int known = -1;
    int answer = atomic_load_explicit(&known, memory_order_relaxed);
    if (answer >= 0) return answer;
    unsigned int a, b, c, d;
    int result = 0;
    if (__get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 9)) && (c & (1u << 19))
        && __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29))) {
        result = 1;
    }
    atomic_store_explicit(&known, result, memory_order_relaxed);
    return result;
}

/* The 64 rounds of each block with the SHA instructions: four rounds per group, each group's four message words
   either read from the block (groups 0-3) or made from earlier ones (sha256msg1 / sha256msg2). The state is kept as
   the instructions want it: ABEF in one register, CDGH in the other. */
__attribute__((target("sha,ssse3,sse4.1")))
static void compress_with_sha_extensions(uint32_t state[8], const uint8_t *data, size_t blocks) {
    const __m128i byte_order = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i low = _mm_loadu_si128((const __m128i *)&state[0]);   /* A B C D */
    __m128i high = _mm_loadu_si128((const __m128i *)&state[4]);  /* E F G H */
    low = _mm_shuffle_epi32(low, 0xB1);                           /* B A D C */
    high = _mm_shuffle_epi32(high, 0x1B);                         /* H G F E */
    __m128i abef = _mm_alignr_epi8(low, high, 8);
    __m128i cdgh = _mm_blend_epi16(high, low, 0xF0);

    while (blocks-- > 0) {
        const __m128i saved_abef = abef, saved_cdgh = cdgh;
        __m128i words[4];
        for (int group = 0; group < 16; group++) {
            __m128i *current = &words[group & 3];
            if (group < 4) {
                *current = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * group)), byte_order);
            }
            __m128i message = _mm_add_epi32(*current, _mm_loadu_si128((const __m128i *)&round_constants[4 * group]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message);
            if (group >= 3 && group < 15) {
                __m128i *next = &words[(group + 1) & 3];
                *next = _mm_add_epi32(*next, _mm_alignr_epi8(*current, words[(group + 3) & 3], 4));
                *next = _mm_sha256msg2_epu32(*next, *current);
            }
            message = _mm_shuffle_epi32(message, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, message);
            if (group >= 1 && group < 13) {
                __m128i *previous = &words[(group + 3) & 3];
                *previous = _mm_sha256msg1_epu32(*previous, *current);
            }
        }
        abef = _mm_add_epi32(abef, saved_abef);
        cdgh = _mm_add_epi32(cdgh, saved_cdgh);
        data += 64;
    }

    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0)); /* A B C D */
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));    /* E F G H */
}

int rapport_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    if (!has_sha_extensions()) return 0;
    compress_with_sha_extensions(state, data, blocks);
    return 1;
}

#else

int rapport_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    (void)state; (void)data; (void)blocks;
    return 0;
}

#endif
