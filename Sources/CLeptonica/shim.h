#ifndef PHIEUKIN_CLEPTONICA_SHIM_H
#define PHIEUKIN_CLEPTONICA_SHIM_H
/* Leptonica 1.82 (Debian 12 libleptonica-dev): decoding, thresholds, connected components. */
#include <leptonica/allheaders.h>
#endif
