#include "rapport_allocator.h"
#include <stdlib.h>

#if defined(__linux__)
#include <mimalloc.h>

int rapport_allocator_is_mimalloc(void) {
    // A block from plain malloc: in mimalloc's heap only if mimalloc's malloc is the one the process resolved.
    void *block = malloc(64);
    int inHeap = block != NULL && mi_is_in_heap_region(block);
    free(block);
    return inHeap;
}
#else
int rapport_allocator_is_mimalloc(void) { return 0; }
#endif
