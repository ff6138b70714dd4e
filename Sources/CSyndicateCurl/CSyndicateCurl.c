// One HTTP exchange through libcurl's easy interface, with libcurl loaded by dlopen on first use.
//
// No libcurl header is needed at build time: CurlABI.h declares the few types and constants
// used, with the numbers of libcurl's stable ABI; no symbol of libcurl is linked, so the dynamic loader does not map libcurl and its dependencies when a
// program starts. Each exchange gets a fresh easy handle, so no connection is ever reused: a
// request is never sent again by libcurl on its own after a pooled connection turned out dead.

#include "CSyndicateCurl.h"

#include "CurlABI.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

// The functions used, as pointers to libcurl's own (variadic where libcurl's are).
typedef CURLcode (*global_init_fn)(long);
typedef CURL *(*easy_init_fn)(void);
typedef CURLcode (*easy_setopt_fn)(CURL *, CURLoption, ...);
typedef CURLcode (*easy_perform_fn)(CURL *);
typedef CURLcode (*easy_getinfo_fn)(CURL *, CURLINFO, ...);
typedef void (*easy_cleanup_fn)(CURL *);
typedef const char *(*easy_strerror_fn)(CURLcode);
typedef struct curl_slist *(*slist_append_fn)(struct curl_slist *, const char *);
typedef void (*slist_free_all_fn)(struct curl_slist *);

static struct {
    int loaded;
    char error[256];
    easy_init_fn easy_init;
    easy_setopt_fn easy_setopt;
    easy_perform_fn easy_perform;
    easy_getinfo_fn easy_getinfo;
    easy_cleanup_fn easy_cleanup;
    easy_strerror_fn easy_strerror;
    slist_append_fn slist_append;
    slist_free_all_fn slist_free_all;
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static const char *const library_names[] = {
#if defined(__APPLE__)
    "/usr/lib/libcurl.4.dylib", "libcurl.4.dylib", "libcurl.dylib",
#else
    "libcurl.so.4", "libcurl-gnutls.so.4", "libcurl-nss.so.4", "libcurl.so",
#endif
};

static void *symbol(void *library, const char *name) {
    void *found = dlsym(library, name);
    if (found == NULL && api.error[0] == '\0') {
        snprintf(api.error, sizeof api.error, "the libcurl found lacks %s; install libcurl 7.62 or later", name);
    }
    return found;
}

static void load(void) {
    void *library = NULL;
    const char *reason = "not found";
    for (size_t index = 0; index < sizeof library_names / sizeof library_names[0] && library == NULL; index++) {
        library = dlopen(library_names[index], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL && index == 0) {
            const char *error = dlerror();
            if (error != NULL) reason = error;
        }
    }
    if (library == NULL) {
        snprintf(api.error, sizeof api.error,
                 "libcurl could not be loaded (%s); install it (Debian and Ubuntu: apt-get install libcurl4)", reason);
        return;
    }
    global_init_fn global_init = (global_init_fn)symbol(library, "curl_global_init");
    api.easy_init = (easy_init_fn)symbol(library, "curl_easy_init");
    api.easy_setopt = (easy_setopt_fn)symbol(library, "curl_easy_setopt");
    api.easy_perform = (easy_perform_fn)symbol(library, "curl_easy_perform");
    api.easy_getinfo = (easy_getinfo_fn)symbol(library, "curl_easy_getinfo");
    api.easy_cleanup = (easy_cleanup_fn)symbol(library, "curl_easy_cleanup");
    api.easy_strerror = (easy_strerror_fn)symbol(library, "curl_easy_strerror");
    api.slist_append = (slist_append_fn)symbol(library, "curl_slist_append");
    api.slist_free_all = (slist_free_all_fn)symbol(library, "curl_slist_free_all");
    if (api.error[0] != '\0') return;
    // Reference-counted by libcurl, so a process that also uses it elsewhere (FoundationNetworking) is fine.
    if (global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(api.error, sizeof api.error, "libcurl could not be initialised (curl_global_init failed)");
        return;
    }
    api.loaded = 1;
}

int syndicate_curl_load(char *message, size_t capacity) {
    pthread_once(&load_once, load);
    if (!api.loaded && message != NULL && capacity > 0) snprintf(message, capacity, "%s", api.error);
    return api.loaded;
}

// libcurl's callbacks, forwarding to the exchange's.
static size_t header_received(char *bytes, size_t size, size_t count, void *userdata) {
    const syndicate_curl_exchange *exchange = userdata;
    size_t length = size * count;
    return exchange->on_header(bytes, length, exchange->context) == 0 ? length : 0;
}

static size_t body_received(char *bytes, size_t size, size_t count, void *userdata) {
    const syndicate_curl_exchange *exchange = userdata;
    size_t length = size * count;
    if (length == 0) return 0;
    return exchange->on_body(bytes, length, exchange->context) == 0 ? length : 0;
}

static int progress(void *userdata, curl_off_t download_total, curl_off_t downloaded, curl_off_t upload_total,
                    curl_off_t uploaded) {
    (void)download_total, (void)downloaded, (void)upload_total, (void)uploaded;
    const syndicate_curl_exchange *exchange = userdata;
    return exchange->should_abort(exchange->context);
}

/// Which outcome a libcurl error code means for a retry decision.
static syndicate_curl_outcome outcome_of(CURLcode code) {
    switch (code) {
    case CURLE_OK:
        return syndicate_curl_completed;
    case CURLE_OPERATION_TIMEDOUT:
        return syndicate_curl_timed_out;
    case CURLE_ABORTED_BY_CALLBACK:
        return syndicate_curl_aborted;
    // Failures before any byte of the request left: the URL, name resolution, the TCP
    // connection, the TLS handshake and its certificates.
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
        return syndicate_curl_connection_failed;
    default:
        return syndicate_curl_connection_lost;
    }
}

/// Appends `name: value` to `list`; an empty value is written `name;`, which is how libcurl is
/// told to send an empty field (`name:` alone would remove the field).
static struct curl_slist *append_field(struct curl_slist *list, const char *name, const char *value, int *failed) {
    size_t name_length = strlen(name);
    size_t value_length = strlen(value);
    char stack_line[512];
    char *line = stack_line;
    size_t needed = name_length + value_length + 3;
    if (needed > sizeof stack_line) {
        line = malloc(needed);
        if (line == NULL) {
            *failed = 1;
            return list;
        }
    }
    if (value_length == 0) {
        snprintf(line, needed, "%s;", name);
    } else {
        snprintf(line, needed, "%s: %s", name, value);
    }
    struct curl_slist *extended = api.slist_append(list, line);
    if (line != stack_line) free(line);
    if (extended == NULL) {
        *failed = 1;
        return list;
    }
    return extended;
}

static int has_field(const syndicate_curl_exchange *exchange, const char *name) {
    for (size_t index = 0; index < exchange->header_count; index++) {
        if (strcasecmp(exchange->header_names[index], name) == 0) return 1;
    }
    return 0;
}

void syndicate_curl_perform(const syndicate_curl_exchange *exchange, syndicate_curl_result *result) {
    memset(result, 0, sizeof *result);
    result->code = -1;
    if (!syndicate_curl_load(result->message, sizeof result->message)) {
        result->outcome = syndicate_curl_unavailable;
        return;
    }
    CURL *handle = api.easy_init();
    if (handle == NULL) {
        result->outcome = syndicate_curl_connection_failed;
        snprintf(result->message, sizeof result->message, "libcurl could not create a handle (out of memory?)");
        return;
    }
    char error[CURL_ERROR_SIZE];
    error[0] = '\0';
    int failed = 0;
    struct curl_slist *fields = NULL;
    for (size_t index = 0; index < exchange->header_count && !failed; index++) {
        fields = append_field(fields, exchange->header_names[index], exchange->header_values[index], &failed);
    }
    // libcurl's own additions that would change a request's meaning are switched off: a body
    // without a Content-Type is not declared a form, and no `Expect: 100-continue` is sent.
    if (exchange->has_body && !has_field(exchange, "Content-Type")) fields = api.slist_append(fields, "Content-Type:");
    if (!has_field(exchange, "Expect")) fields = api.slist_append(fields, "Expect:");
    if (failed || fields == NULL) {
        api.slist_free_all(fields);
        api.easy_cleanup(handle);
        result->outcome = syndicate_curl_connection_failed;
        snprintf(result->message, sizeof result->message, "the request's header fields could not be prepared (out of memory?)");
        return;
    }

    CURLcode code = CURLE_OK;
#define SET(option, value)                                                                                              \
    if (code == CURLE_OK) code = api.easy_setopt(handle, option, value)
    SET(CURLOPT_ERRORBUFFER, error);
    SET(CURLOPT_URL, exchange->url);
    SET(CURLOPT_NOSIGNAL, 1L);
    SET(CURLOPT_TIMEOUT_MS, exchange->timeout_ms > 0 ? exchange->timeout_ms : 1L);
    SET(CURLOPT_FOLLOWLOCATION, 0L);
    // The libcurl loaded may predate CURLOPT_PROTOCOLS_STR (7.85.0): then the older option.
    if (code == CURLE_OK) {
        code = api.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
        if (code == CURLE_UNKNOWN_OPTION) code = api.easy_setopt(handle, CURLOPT_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
    }
    if (strcmp(exchange->method, "GET") == 0 && !exchange->has_body) {
        SET(CURLOPT_HTTPGET, 1L);
    } else if (strcmp(exchange->method, "HEAD") == 0 && !exchange->has_body) {
        SET(CURLOPT_NOBODY, 1L);
    } else {
        SET(CURLOPT_CUSTOMREQUEST, exchange->method);
    }
    if (exchange->has_body) {
        SET(CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)exchange->body_length);
        SET(CURLOPT_POSTFIELDS, exchange->body != NULL ? exchange->body : "");
    }
    SET(CURLOPT_HTTPHEADER, fields);
    if (exchange->user_agent != NULL) SET(CURLOPT_USERAGENT, exchange->user_agent);
    SET(CURLOPT_HEADERFUNCTION, header_received);
    SET(CURLOPT_HEADERDATA, (void *)exchange);
    SET(CURLOPT_WRITEFUNCTION, body_received);
    SET(CURLOPT_WRITEDATA, (void *)exchange);
    SET(CURLOPT_NOPROGRESS, 0L);
    SET(CURLOPT_XFERINFOFUNCTION, progress);
    SET(CURLOPT_XFERINFODATA, (void *)exchange);
#undef SET
    if (code != CURLE_OK) {
        result->code = (int)code;
        result->outcome = syndicate_curl_connection_failed;
        snprintf(result->message, sizeof result->message, "libcurl refused an option: %s", api.easy_strerror(code));
    } else {
        code = api.easy_perform(handle);
        result->code = (int)code;
        result->outcome = outcome_of(code);
        long status = 0;
        if (api.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK) result->status = status;
        if (code != CURLE_OK) {
            snprintf(result->message, sizeof result->message, "%s", error[0] != '\0' ? error : api.easy_strerror(code));
        }
    }
    api.easy_cleanup(handle);
    api.slist_free_all(fields);
}
