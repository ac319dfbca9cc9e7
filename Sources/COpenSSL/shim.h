#ifndef PHIEUKIN_COPENSSL_SHIM_H
#define PHIEUKIN_COPENSSL_SHIM_H
/* libcrypto only (never libssl). OpenSSL 3 APIs. */
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/bio.h>
#include <openssl/x509.h>

/* Swift cannot import function-like macros; these wrap the few we need. */
static inline int phieukin_BIO_get_mem_data(BIO *bio, char **out) {
    return (int)BIO_get_mem_data(bio, out);
}
#endif
