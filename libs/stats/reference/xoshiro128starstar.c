/* Reference output for createRandomGenerator (libs/stats/src/resampling/random.ts): xoshiro128** 1.1
 * (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c) seeded with two outputs of SplitMix64
 * (https://prng.di.unimi.it/splitmix64.c), low 32 bits first.
 * Build and run: cc -O2 -o /tmp/xoshiro libs/stats/reference/xoshiro128starstar.c && /tmp/xoshiro */
#include <stdint.h>
#include <stdio.h>

static uint64_t splitmix_state;
static uint64_t splitmix64(void) {
  uint64_t z = (splitmix_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static inline uint32_t rotl(const uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
static uint32_t s[4];
static uint32_t next(void) {
  const uint32_t result = rotl(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

int main(void) {
  const uint64_t seeds[] = {0, 1, 20261129, 9007199254740991ULL};
  for (int j = 0; j < 4; j++) {
    splitmix_state = seeds[j];
    uint64_t a = splitmix64(), b = splitmix64();
    s[0] = (uint32_t)a; s[1] = (uint32_t)(a >> 32); s[2] = (uint32_t)b; s[3] = (uint32_t)(b >> 32);
    printf("seed %llu:", (unsigned long long)seeds[j]);
    for (int i = 0; i < 6; i++) printf(" %u", next());
    printf("\n");
  }
  return 0;
}
