import Foundation

extension BlueskyFacet {
    /// `facets` as a compact JSON array with the lexicon's key order: `index` (`byteStart`,
    /// `byteEnd`) then `features` (`$type` first).
    ///
    /// `JSONEncoder` does not keep key order on every platform; this does, for output people
    /// compare by eye or byte for byte. Slashes and non-ASCII text are written as they are.
    ///
    /// - Parameter facets: The facets, usually from ``BlueskyText/facets(in:)``.
    /// - Returns: One line of JSON, such as
    ///   `[{"index":{"byteStart":0,"byteEnd":6},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"swift"}]}]`.
    public static func json(_ facets: [BlueskyFacet]) -> String {
        var output = "["
        for (number, facet) in facets.enumerated() {
            if number > 0 { output += "," }
            output += #"{"index":{"byteStart":\#(facet.index.byteStart),"byteEnd":\#(facet.index.byteEnd)},"features":["#
            for (featureNumber, feature) in facet.features.enumerated() {
                if featureNumber > 0 { output += "," }
                output += #"{"$type":"\#(feature.type)","#
                switch feature {
                case .link(let uri):
                    output += #""uri":"# + jsonString(uri) + "}"
                case .tag(let tag):
                    output += #""tag":"# + jsonString(tag) + "}"
                case .mention(let did):
                    output += #""did":"# + jsonString(did) + "}"
                case .unresolvedMention(let handle):
                    output += #""did":"# + jsonString(handle) + #","unresolved":true}"#
                }
            }
            output += "]}"
        }
        return output + "]"
    }

    /// `string` as a JSON string literal: quotes, backslashes and control characters escaped.
    static func jsonString(_ string: String) -> String {
        var output = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                output += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
