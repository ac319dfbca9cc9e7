#ifndef PHIEUKIN_CXLSXWRITER_SHIM_H
#define PHIEUKIN_CXLSXWRITER_SHIM_H
/* libxlsxwriter 1.1 (Debian 12 libxlsxwriter-dev): writing .xlsx workbooks. */
#include <xlsxwriter.h>
#endif
