#ifndef PHIEUKIN_CZBAR_SHIM_H
#define PHIEUKIN_CZBAR_SHIM_H
/* zbar 0.23 (Debian 12 libzbar-dev): QR codes only, from 8-bit grey buffers. */
#include <zbar.h>

/* Swift cannot import function-like macros: the fourcc of 8-bit grey ("Y800"). */
static inline unsigned long phieukin_zbar_y800(void) {
    return zbar_fourcc('Y', '8', '0', '0');
}
#endif
