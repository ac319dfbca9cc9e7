#ifndef PHIEUKIN_CQRENCODE_SHIM_H
#define PHIEUKIN_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
