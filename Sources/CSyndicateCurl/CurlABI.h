// The part of libcurl's C interface that CSyndicateCurl.c uses, declared here so that building
// Syndicate needs no libcurl development headers (libcurl is opened with dlopen at run time).
//
// Every number below is part of libcurl's stable ABI: libcurl never renumbers an option, an info
// code or an error code ("Never *EVER* remove any. The return codes must remain the same!",
// curl.h). The values were read from curl.h 7.88.1; an option newer than a machine's libcurl is
// refused with CURLE_UNKNOWN_OPTION at run time, which the caller handles.

#ifndef CSYNDICATE_CURL_ABI_H
#define CSYNDICATE_CURL_ABI_H

#include <stdint.h>

typedef void CURL;
struct curl_slist;
typedef int CURLcode;
typedef int CURLoption;
typedef int CURLINFO;
/// 64 bits on every platform libcurl supports (long on LP64 Linux, long long on macOS).
typedef int64_t curl_off_t;

#define CURL_ERROR_SIZE 256
#define CURL_GLOBAL_DEFAULT 3L

enum {
    CURLE_OK = 0,
    CURLE_UNSUPPORTED_PROTOCOL = 1,
    CURLE_URL_MALFORMAT = 3,
    CURLE_COULDNT_RESOLVE_PROXY = 5,
    CURLE_COULDNT_RESOLVE_HOST = 6,
    CURLE_COULDNT_CONNECT = 7,
    CURLE_OPERATION_TIMEDOUT = 28,
    CURLE_SSL_CONNECT_ERROR = 35,
    CURLE_ABORTED_BY_CALLBACK = 42,
    CURLE_UNKNOWN_OPTION = 48,
    CURLE_SSL_ENGINE_NOTFOUND = 53,
    CURLE_SSL_ENGINE_SETFAILED = 54,
    CURLE_SSL_CERTPROBLEM = 58,
    CURLE_SSL_CIPHER = 59,
    CURLE_PEER_FAILED_VERIFICATION = 60,
    CURLE_SSL_CACERT_BADFILE = 77,
    CURLE_SSL_CRL_BADFILE = 82,
    CURLE_SSL_ISSUER_ERROR = 83,
    CURLE_SSL_PINNEDPUBKEYNOTMATCH = 90,
    CURLE_SSL_INVALIDCERTSTATUS = 91,
};

// Options: CURLOPTTYPE_LONG (0), _OBJECTPOINT (10000), _FUNCTIONPOINT (20000), _OFF_T (30000)
// plus the option's number.
enum {
    CURLOPT_WRITEDATA = 10001,
    CURLOPT_URL = 10002,
    CURLOPT_ERRORBUFFER = 10010,
    CURLOPT_POSTFIELDS = 10015,
    CURLOPT_USERAGENT = 10018,
    CURLOPT_HTTPHEADER = 10023,
    CURLOPT_HEADERDATA = 10029,
    CURLOPT_CUSTOMREQUEST = 10036,
    CURLOPT_XFERINFODATA = 10057,
    CURLOPT_PROTOCOLS_STR = 10318, // 7.85.0 and later
    CURLOPT_WRITEFUNCTION = 20011,
    CURLOPT_HEADERFUNCTION = 20079,
    CURLOPT_XFERINFOFUNCTION = 20219,
    CURLOPT_POSTFIELDSIZE_LARGE = 30120,
    CURLOPT_NOPROGRESS = 43,
    CURLOPT_NOBODY = 44,
    CURLOPT_FOLLOWLOCATION = 52,
    CURLOPT_HTTPGET = 80,
    CURLOPT_NOSIGNAL = 99,
    CURLOPT_TIMEOUT_MS = 155,
    CURLOPT_PROTOCOLS = 181, // before 7.85.0 (deprecated since)
};

#define CURLPROTO_HTTP (1L << 0)
#define CURLPROTO_HTTPS (1L << 1)

enum {
    CURLINFO_RESPONSE_CODE = 0x200000 + 2, // CURLINFO_LONG + 2
};

#endif
