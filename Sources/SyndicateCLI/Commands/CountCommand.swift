import ArgumentParser
import Foundation
import Syndicate

/// `syndicate count`: measures a text for one network, for a person, as JSON, or as JSON lines.
struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Count a text the way a network does and say whether it fits.",
        discussion: """
            The length is in the network's own unit: X weighted characters (twitter-text v3), \
            Mastodon and Bluesky grapheme clusters (Bluesky also checks 3000 UTF-8 bytes), Threads \
            characters with emoji as their UTF-8 bytes, Telegram UTF-16 units, LinkedIn, Facebook, \
            Discord and Slack code points. Without TEXT, reads standard input (one trailing line \
            ending is dropped).

            --json prints {"network","length","limit","valid","bytes","graphemes"}. --jsonl reads \
            standard input as one JSON string per line and prints one such object per line, in \
            order; a line that is not a JSON string gives {"line":N,"error":"…"} instead and the \
            batch goes on.

            Exit status: 0 when the text fits; 1 when it does not (TEXT or standard input, human \
            or --json output); with --jsonl, 0 when every line was read (fitting or not) and 65 \
            when any line was not a JSON string; 65 when standard input is not UTF-8; 64 for a usage \
            error such as an unknown network.
            """
    )

    @Option(help: "The network: \(CountCommand.networkNames).")
    var network: String

    @Option(help: "A limit other than the network's default (X Premium, a Mastodon instance's max_characters).")
    var limit: Int?

    @Option(name: .customLong("url-length"), help: "Mastodon only: what each URL counts (characters_reserved_per_url; default 23).")
    var urlLength: Int?

    @Flag(help: "Print one JSON object.")
    var json = false

    @Flag(help: "Read JSON strings, one per line, from standard input; print one JSON object per line.")
    var jsonl = false

    @Argument(help: "The post text; without it, standard input is read.")
    var text: String?

    /// The accepted network names, for help and errors.
    static let networkNames = SocialNetwork.allCases.map { $0 == .x ? "x (or twitter)" : $0.rawValue }
        .joined(separator: ", ")

    func validate() throws {
        guard let network = SocialNetwork(name: network) else {
            throw ValidationError("Unknown network '\(self.network)'. Use one of: \(Self.networkNames).")
        }
        if json && jsonl {
            throw ValidationError("--json and --jsonl exclude each other; --jsonl already prints JSON, one object per line.")
        }
        if jsonl && text != nil {
            throw ValidationError("--jsonl reads standard input only; drop the TEXT argument or drop --jsonl.")
        }
        if let limit, limit < 1 {
            throw ValidationError("--limit \(limit) is not a length; give a positive number such as 500.")
        }
        if let urlLength {
            guard network == .mastodon else {
                throw ValidationError("--url-length applies to Mastodon only; drop it or use --network mastodon.")
            }
            guard urlLength >= 0 else {
                throw ValidationError("--url-length \(urlLength) is negative; give the instance's characters_reserved_per_url, such as 23.")
            }
        }
    }

    /// The rule for the chosen network with the command's limit and URL length applied.
    var rule: NetworkRule {
        let network = SocialNetwork(name: network) ?? .x
        switch network {
        case .x:
            return limit.map { NetworkRule.x(limit: $0) } ?? .x
        case .mastodon:
            return .mastodon(limit: limit ?? NetworkRule.mastodon.limit, urlLength: urlLength ?? 23)
        default:
            let rule = NetworkRule.rule(for: network)
            return limit.map { rule.withLimit($0) } ?? rule
        }
    }

    func run() throws {
        let rule = self.rule
        if jsonl {
            let input = FileHandle.standardInput
            let failedLines = Self.countLines(read: { input.readData(ofLength: 1 << 16) }, rule: rule) { output in
                FileHandle.standardOutput.write(output)
            }
            if failedLines > 0 {
                FileHandle.standardError.write(Data("syndicate count: \(failedLines) line(s) were not JSON strings; see the error objects.\n".utf8))
                throw ExitCode(65)
            }
            return
        }
        let text: String
        do {
            text = try TextInput.text(self.text)
        } catch {
            FileHandle.standardError.write(Data("syndicate count: \(error)\n".utf8))
            throw ExitCode(65)
        }
        let measurement = rule.measure(text)
        if json {
            print(Self.jsonObject(measurement))
        } else {
            print(Self.human(measurement, unit: rule.unit), terminator: "")
        }
        if !measurement.isValid { throw ExitCode(1) }
    }

    /// `{"network":"x","length":12,"limit":280,"valid":true,"bytes":12,"graphemes":12}`.
    static func jsonObject(_ measurement: TextMeasurement) -> String {
        #"{"network":"\#(measurement.network.rawValue)","length":\#(measurement.length),"limit":\#(measurement.limit),"#
            + #""valid":\#(measurement.isValid),"bytes":\#(measurement.bytes),"graphemes":\#(measurement.graphemes)}"#
    }

    /// The measurement for a person: one labelled line per figure, then the warnings.
    static func human(_ measurement: TextMeasurement, unit: NetworkRule.Unit) -> String {
        let unitName = switch unit {
        case .weighted: "weighted characters"
        case .graphemes: "characters (grapheme clusters)"
        case .graphemesWithEmojiAsBytes: "characters (emoji as UTF-8 bytes)"
        case .codePoints: "characters (code points)"
        case .utf16Units: "UTF-16 units"
        case .utf8Bytes: "UTF-8 bytes"
        }
        var output = """
            network:   \(measurement.network.displayName)
            length:    \(measurement.length) \(unitName)
            limit:     \(measurement.limit)
            remaining: \(measurement.remaining)
            valid:     \(measurement.isValid ? "yes" : "no")

            """
        for warning in measurement.warnings {
            output += "warning:   \(warning)\n"
        }
        return output
    }
}
