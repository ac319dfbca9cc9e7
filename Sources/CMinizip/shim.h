#ifndef PHIEUKIN_CMINIZIP_SHIM_H
#define PHIEUKIN_CMINIZIP_SHIM_H
/* minizip (Debian 12 libminizip-dev): reading the parts of an .xlsx file (a zip archive). */
#include <unzip.h>
#endif
