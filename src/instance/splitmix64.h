/* splitmix64.h: the documented PRNG behind every random instance (specs/generators.md). */
#ifndef SPLITMIX64_H
#define SPLITMIX64_H
#include <stdint.h>

/* Advances the state and returns the next 64-bit output (Steele, Lea, Flood 2014). */
static inline uint64_t splitmix64_next(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* The state before draw t (0-based) from the seed, without the t draws before it: each draw
 * adds 0x9e3779b97f4a7c15 (mod 2^64) and its output depends on the new state alone, so
 * splitmix64_next(&(uint64_t){splitmix64_state_at(seed, t)}) is the (t+1)-th output from seed. */
static inline uint64_t splitmix64_state_at(uint64_t seed, uint64_t t)
{
    return seed + t * UINT64_C(0x9e3779b97f4a7c15);
}

/* One random-dyadic/1 entry is (u - 2^19) / 2^19 where u is the top 20 bits of a draw;
 * this returns its numerator u - 2^19, in [-2^19, 2^19). */
static inline int32_t splitmix64_dyadic_numerator(uint64_t *state)
{
    return (int32_t)(splitmix64_next(state) >> 44) - (INT32_C(1) << 19);
}

#define SPLITMIX64_DYADIC_DEN_LOG2 19

/* The entry itself, exactly (a 20-bit numerator over 2^19 is a binary64 number). */
static inline double splitmix64_dyadic_entry(uint64_t *state)
{
    return (double)splitmix64_dyadic_numerator(state) / 524288.0;
}
#endif
