/* nx_hash.h - the core's one 64-bit hash mixer (splitmix64's finaliser) */
#ifndef NX_HASH_H
#define NX_HASH_H

#include <stdint.h>

static inline uint64_t
nx_mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return x;
}

#endif
