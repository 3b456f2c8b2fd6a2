// A cache prefetch hint, which Swift has no spelling for (GCC/Clang builtin).
#ifndef FOOTNOTE_PREFETCH_H
#define FOOTNOTE_PREFETCH_H

/// Asks the CPU to bring the cache line holding `address` in, ahead of a
/// read-modify-write. A hint only: never faults, whatever the address.
static inline void footnote_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
