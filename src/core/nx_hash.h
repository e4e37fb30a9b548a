/* nx_hash.h - the core's 64-bit hash mixers */
#ifndef NX_HASH_H
#define NX_HASH_H

#include <stdint.h>

/* splitmix64's finaliser: the NER model's feature hashing and in-memory tables */
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

/*
 * MurmurHash3's fmix64: the gin_phrase_ops word and pair buckets. It is part of the key
 * format (phrase_tokenizer_version()): changing it changes every stored index key
 */
static inline uint64_t
nx_fmix64(uint64_t h)
{
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h;
}

#endif
