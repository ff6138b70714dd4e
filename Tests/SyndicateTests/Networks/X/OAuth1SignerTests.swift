import Foundation
import Syndicate
import Testing

/// Vectors from RFC 5849 (§1.2 and §3.4.1.1, text as published by the IETF) and from X's
/// "Creating a signature" guide (developer.twitter.com, now docs.x.com).
@Suite("OAuth1Signer")
struct OAuth1SignerTests {
    @Test("RFC 5849 §3.4.1.1: the signature base string of the example request")
    func rfcBaseString() throws {
        let url = try #require(URL(string: "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b"))
        var request = HTTPRequest(method: .post, url: url, body: Data("c2&a3=2+q".utf8))
        request.headers["Content-Type"] = "application/x-www-form-urlencoded"
        let protocolParameters: [(name: String, value: String)] = [
            ("oauth_consumer_key", "9djdj82h48djs9d2"), ("oauth_token", "kkk9d7dh3k39sjv7"),
            ("oauth_signature_method", "HMAC-SHA1"), ("oauth_timestamp", "137131201"), ("oauth_nonce", "7d8f3e4a"),
            ("oauth_signature", "bYT5CMsGcbgUdFHObYMEfcx6bsw="),
        ]
        let base = OAuth1Signer.baseString(
            method: "POST", url: url, parameters: protocolParameters + PercentEncoding.decodeQuery("c2&a3=2+q"))
        #expect(
            base
                == "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
                + "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_"
                + "key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m"
                + "ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk"
                + "9d7dh3k39sjv7")
    }

    @Test("RFC 5849 §3.4.1.2: base string URIs of the two examples")
    func rfcBaseStringURI() throws {
        #expect(OAuth1Signer.baseStringURI(try #require(URL(string: "http://EXAMPLE.COM:80/r%20v/X?id=123"))) == "http://example.com/r%20v/X")
        #expect(OAuth1Signer.baseStringURI(try #require(URL(string: "https://www.example.net:8080/?q=1"))) == "https://www.example.net:8080/")
    }

    @Test("RFC 5849 §1.2: the photo request signed with Jane's token credentials")
    func rfcPhotoRequest() throws {
        let signer = OAuth1Signer(
            credentials: .init(
                consumerKey: "dpf43f3p2l4k3l03", consumerSecret: "kd94hf93k423kf44", token: "nnch734d00sl2jdk",
                tokenSecret: "pfkkdhi9sl3r4s00"))
        let url = try #require(URL(string: "http://photos.example.net/photos?file=vacation.jpg&size=original"))
        let base = OAuth1Signer.baseString(
            method: "GET", url: url,
            parameters: [
                ("oauth_consumer_key", "dpf43f3p2l4k3l03"), ("oauth_token", "nnch734d00sl2jdk"),
                ("oauth_signature_method", "HMAC-SHA1"), ("oauth_timestamp", "137131202"), ("oauth_nonce", "chapoH"),
            ])
        // §1.2: oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"
        #expect(signer.signature(of: base) == "MdpQcU8iPSUjWoN/UDMsK2sui9I=")
    }

    @Test("RFC 5849 §1.2: the temporary-credential request signed with the client secret only")
    func rfcInitiateRequest() throws {
        let signer = OAuth1Signer(
            credentials: .init(consumerKey: "dpf43f3p2l4k3l03", consumerSecret: "kd94hf93k423kf44", token: nil, tokenSecret: ""))
        let base = OAuth1Signer.baseString(
            method: "POST", url: try #require(URL(string: "https://photos.example.net/initiate")),
            parameters: [
                ("oauth_consumer_key", "dpf43f3p2l4k3l03"), ("oauth_signature_method", "HMAC-SHA1"),
                ("oauth_timestamp", "137131200"), ("oauth_nonce", "wIjqoS"),
                ("oauth_callback", "http://printer.example.com/ready"),
            ])
        // §1.2: oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"
        #expect(signer.signature(of: base) == "74KNZJeDHnMBp0EMJ9ZHt/XKycU=")
    }

    /// X's guide: the request is `POST https://api.twitter.com/1.1/statuses/update.json?include_entities=true`
    /// with the form body `status=Hello Ladies + Gentlemen, a signed OAuth request!`. The
    /// current docs.x.com page writes the host as api.x.com but keeps the signature computed for
    /// api.twitter.com, which only that host reproduces.
    let xSigner = OAuth1Signer(
        credentials: .init(
            consumerKey: "xvz1evFS4wEEPTGEFPHBog", consumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
            token: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
            tokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"))

    func xExampleRequest() throws -> HTTPRequest {
        let url = try #require(URL(string: "https://api.twitter.com/1.1/statuses/update.json?include_entities=true"))
        return HTTPRequest.form(url: url, fields: [("status", "Hello Ladies + Gentlemen, a signed OAuth request!")])
    }

    @Test("X's guide: base string and signature hCtSmYh+iHYCEqBWrE7C7hYmtUk=")
    func xGuideSignature() throws {
        let request = try xExampleRequest()
        let timestamp = Date(timeIntervalSince1970: 1_318_622_958)
        let parameters = xSigner.protocolParameters(nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", timestamp: timestamp)
        let base = OAuth1Signer.baseString(
            method: "POST", url: request.url,
            parameters: parameters + [("status", "Hello Ladies + Gentlemen, a signed OAuth request!")])
        #expect(
            base
                == "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26"
                + "oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26"
                + "oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26"
                + "oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26"
                + "status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521")
        #expect(xSigner.signature(of: base) == "hCtSmYh+iHYCEqBWrE7C7hYmtUk=")
    }

    @Test("the Authorization header signs query and form fields and lists the oauth_* parameters")
    func xGuideHeader() throws {
        let header = xSigner.authorization(
            for: try xExampleRequest(), nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
            timestamp: Date(timeIntervalSince1970: 1_318_622_958))
        #expect(
            header
                == #"OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", "#
                + #"oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", "#
                + #"oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0", "#
                + #"oauth_signature="hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D""#)
    }

    @Test("a JSON body is not part of the signature")
    func jsonBodyIsNotSigned() throws {
        let url = try #require(URL(string: "https://api.x.com/2/tweets"))
        let one = try HTTPRequest.json(url: url, body: ["text": "one"])
        let two = try HTTPRequest.json(url: url, body: ["text": "two"])
        let now = Date(timeIntervalSince1970: 1_767_225_600)
        #expect(xSigner.authorization(for: one, nonce: "n", timestamp: now) == xSigner.authorization(for: two, nonce: "n", timestamp: now))
        #expect(xSigner.authorization(for: one, nonce: "n", timestamp: now) != xSigner.authorization(for: one, nonce: "m", timestamp: now))
    }
}
