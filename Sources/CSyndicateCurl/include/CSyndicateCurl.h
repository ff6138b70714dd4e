#ifndef CSYNDICATE_CURL_H
#define CSYNDICATE_CURL_H

/// The C half of `CurlTransport`: one HTTP exchange through libcurl, which is loaded with
/// `dlopen` on first use rather than linked, so that a program that never sends (a dry run,
/// `syndicate preview`) does not pay for loading libcurl and the thirty libraries it needs
/// (TLS, Kerberos, LDAP…) at start-up.
///
/// No libcurl type or constant appears here: the header is plain C, and everything that speaks
/// libcurl's API stays in CSyndicateCurl.c.

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// How an exchange ended, as far as a retry decision needs to know.
typedef enum {
    /// A response arrived (whatever its status).
    syndicate_curl_completed = 0,
    /// The connection could not be made (refused, unknown host, TLS handshake): nothing was sent.
    syndicate_curl_connection_failed = 1,
    /// The connection broke after the request may have been sent.
    syndicate_curl_connection_lost = 2,
    /// No complete response within the timeout.
    syndicate_curl_timed_out = 3,
    /// `should_abort` asked to stop.
    syndicate_curl_aborted = 4,
    /// libcurl could not be loaded, or lacks a function this code needs.
    syndicate_curl_unavailable = 5,
} syndicate_curl_outcome;

/// Receives bytes: one header line (status line and final blank line included) or a piece of
/// the body. Returns 0 to go on, anything else to stop the exchange.
typedef int (*syndicate_curl_data_callback)(const char *_Nonnull bytes, size_t length, void *_Nullable context);

/// Asked now and then while the exchange runs; nonzero stops it (outcome `aborted`).
typedef int (*syndicate_curl_abort_callback)(void *_Nullable context);

/// One request.
typedef struct {
    /// The absolute URL.
    const char *_Nonnull url;
    /// The method, such as "POST".
    const char *_Nonnull method;
    /// Header fields, `count` of them, sent in this order.
    const char *_Nonnull const *_Nullable header_names;
    const char *_Nonnull const *_Nullable header_values;
    size_t header_count;
    /// The body; sent when `has_body` is nonzero, even when empty.
    const void *_Nullable body;
    size_t body_length;
    int has_body;
    /// The User-Agent to send, or NULL to send none beyond the headers above.
    const char *_Nullable user_agent;
    /// The whole exchange's time limit, in milliseconds (at least 1).
    long timeout_ms;
    syndicate_curl_data_callback _Nonnull on_header;
    syndicate_curl_data_callback _Nonnull on_body;
    syndicate_curl_abort_callback _Nonnull should_abort;
    void *_Nullable context;
} syndicate_curl_exchange;

/// What happened.
typedef struct {
    syndicate_curl_outcome outcome;
    /// The HTTP status of the last response (0 when none arrived).
    long status;
    /// libcurl's result code (0 when it ran and succeeded; -1 when it never ran).
    int code;
    /// A readable reason when the outcome is not `completed`; never holds the URL's path or query.
    char message[320];
} syndicate_curl_result;

/// Loads libcurl if it is not loaded yet; returns 1 when it is usable, else 0 with the reason
/// in `message` (at most `capacity` bytes, NUL-terminated).
int syndicate_curl_load(char *_Nullable message, size_t capacity);

/// Runs `exchange` to its end on the calling thread (it blocks) and fills `result`.
void syndicate_curl_perform(const syndicate_curl_exchange *_Nonnull exchange, syndicate_curl_result *_Nonnull result);

#ifdef __cplusplus
}
#endif

#endif
