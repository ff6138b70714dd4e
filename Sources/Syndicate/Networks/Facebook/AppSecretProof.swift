import Crypto
import Foundation

/// The Graph API's `appsecret_proof`: the lowercase hex HMAC-SHA256 of the access token keyed
/// with the app secret.
///
/// Sent with every call when the app's "Require App Secret" setting is on, so that a leaked
/// token is useless without the secret.
package enum AppSecretProof {
    /// `hex(HMAC-SHA256(key: appSecret, message: accessToken))`, 64 lowercase hex digits.
    package static func make(appSecret: String, accessToken: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(
            for: Data(accessToken.utf8), using: SymmetricKey(data: Data(appSecret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }
}
