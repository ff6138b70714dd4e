import Foundation
import Syndicate

/// The Graph API's error shape, shared by Facebook and Threads:
/// `{"error":{"message","type","code","error_subcode"?,"fbtrace_id"}}`.
///
/// A rejected token is HTTP 400 with code 190 on the real Graph API (and a `WWW-Authenticate`
/// header), not 401: clients must read the code. A scripted `.status(401)` gives the same body
/// with status 401.
enum GraphAPIError {
    static func response(
        _ status: Int, code: Int, message: String, type: String = "OAuthException", subcode: Int? = nil, transient: Bool = false,
        userTitle: String? = nil, userMessage: String? = nil, headers: HTTPHeaders = [:]
    ) -> HTTPResponse {
        var error: [String: Any] = ["message": message, "type": type, "code": code, "fbtrace_id": "ALoopbackTrace"]
        if let subcode { error["error_subcode"] = subcode }
        if let userTitle { error["error_user_title"] = userTitle }
        if let userMessage { error["error_user_msg"] = userMessage }
        if transient { error["is_transient"] = true }
        return LoopbackBody.json(status, ["error": error], headers: headers)
    }

    /// Code 190: the token was not accepted.
    static func invalidToken(status: Int = 400) -> HTTPResponse {
        response(
            status, code: 190, message: "Invalid OAuth access token - Cannot parse access token",
            headers: ["WWW-Authenticate": #"OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token - Cannot parse access token""#])
    }

    /// Code 324: the photo upload had no file, or one Facebook cannot read as an image
    /// (mobolic/facebook-sdk #98, facebookarchive/php-graph-sdk #923).
    static func invalidImage(missing: Bool = false) -> HTTPResponse {
        response(400, code: 324, message: missing ? "(#324) Requires upload file" : "(#324) Missing or invalid image file")
    }

    /// Code 100, subcode 1366046: a photo over the size limit (facebookarchive/php-graph-sdk #315).
    static func photoTooLarge() -> HTTPResponse {
        response(
            400, code: 100, message: "Invalid parameter", subcode: 1_366_046, userTitle: "Can't Read Files",
            userMessage: "Your photos couldn't be uploaded. Photos should be less than 4 MB and saved as JPG, PNG, GIF or TIFF files.")
    }

    /// The error for a scripted `status`.
    static func scripted(_ status: Int, reset: Date, now: Date) -> HTTPResponse {
        switch status {
        case 400, 401: invalidToken(status: status)
        case 403: response(403, code: 200, message: "(#200) The user hasn't authorized the application to perform this action")
        case 429:
            response(
                429, code: 4, message: "(#4) Application request limit reached", transient: true,
                headers: [
                    "X-App-Usage": #"{"call_count":100,"total_cputime":20,"total_time":30}"#,
                    "X-Business-Use-Case-Usage": #"{"0":[{"type":"pages","call_count":100,"total_cputime":20,"total_time":30,"estimated_time_to_regain_access":\#(max(1, LoopbackBody.seconds(until: reset, from: now) / 60))}]}"#,
                ])
        case 500: response(500, code: 2, message: "An unexpected error has occurred. Please retry your request later.", transient: true)
        case 503: response(503, code: 2, message: "Service temporarily unavailable", transient: true)
        default: response(status, code: 1, message: "An unknown error has occurred.")
        }
    }
}
