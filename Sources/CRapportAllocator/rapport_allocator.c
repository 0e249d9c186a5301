#include "rapport_allocator.h"
#include <stdlib.h>
#include <string.h>

#if defined(__linux__)
#include <mimalloc.h>

int rapport_allocator_is_mimalloc(void) {
    // A block from plain malloc: in mimalloc's heap only if mimalloc's malloc is the one the executable resolved.
    void *block = malloc(64);
    int inHeap = block != NULL && mi_is_in_heap_region(block);
    free(block);
    // A block the C library allocates itself: in mimalloc's heap only if the C library's calls reach mimalloc too
    // (the executable exports malloc). Otherwise the process has two allocators, and `free` of this block would
    // hand mimalloc a block of glibc's: it is left allocated.
    char *copy = strdup("rapport");
    int libraryInHeap = copy != NULL && mi_is_in_heap_region(copy);
    if (libraryInHeap) free(copy);
    return inHeap && libraryInHeap;
}
#else
int rapport_allocator_is_mimalloc(void) { return 0; }
#endif
