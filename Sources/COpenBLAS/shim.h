// OpenBLAS's CBLAS interface (Debian ships no cblas.pc; openblas.pc points at this header).
#include <cblas.h>
