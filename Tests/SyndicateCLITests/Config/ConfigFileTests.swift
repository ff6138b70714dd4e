import Foundation
import Syndicate
import Testing

@testable import SyndicateCLI

@Suite("ConfigFile")
struct ConfigFileTests {
    func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("syndicate-config-\(UUID().uuidString).yml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("several accounts per network, a single-account map, ${VARIABLES} and the ledger path")
    func accounts() throws {
        let path = try write("""
            ledger: /tmp/ledger.sqlite
            mastodon:
              - account: school
                INSTANCE: mastodon.social
                ACCESS_TOKEN: ${SCHOOL_TOKEN}
              - account: head
                INSTANCE: mastodon.example
                ACCESS_TOKEN: prefix-${HEAD_TOKEN}-suffix
            bluesky:
              HANDLE: school.bsky.social
              APP_PASSWORD: ${BSKY}
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = try ConfigFile.load(path: path, environment: ["SCHOOL_TOKEN": "t1", "HEAD_TOKEN": "t2", "BSKY": "p"])
        #expect(config.ledgerPath == "/tmp/ledger.sqlite")
        let mastodon = try #require(config.accounts[.mastodon])
        #expect(mastodon.map(\.account) == ["school", "head"])
        #expect(mastodon[0].values == ["INSTANCE": "mastodon.social", "ACCESS_TOKEN": "t1"])
        #expect(mastodon[1].values["ACCESS_TOKEN"] == "prefix-t2-suffix")
        #expect(config.accounts[.bluesky]?.first?.account == "default")
        #expect(config.accounts[.bluesky]?.first?.origin == .configFile(path: path))
    }

    @Test("an unset variable, an unknown network and duplicate names are errors naming the place", arguments: [
        ("x:\n  BEARER_TOKEN: ${NOPE}\n", "x[0].BEARER_TOKEN refers to the environment variable NOPE"),
        ("myspace:\n  TOKEN: a\n", "unknown key 'myspace'"),
        ("x:\n  - account: a\n  - account: a\n", "two x accounts are named 'a'"),
        ("- just a list\n", "the top level must be a map"),
        ("x: [unclosed\n", "not valid YAML or JSON"),
    ])
    func problems(text: String, expected: String) throws {
        let path = try write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try ConfigFile.load(path: path, environment: [:])
        } throws: { error in
            "\(error)".contains(expected) && "\(error)".hasPrefix(path)
        }
    }

    @Test("a missing credential of a config account names the key and the file")
    func missingNamesTheFile() throws {
        let settings = AccountSettings(network: .mastodon, account: "school", values: ["INSTANCE": "a.example"], origin: .configFile(path: "/etc/s.yml"))
        let error = settings.missing("ACCESS_TOKEN")
        #expect(error.description.contains("ACCESS_TOKEN of mastodon account 'school' in /etc/s.yml"))
        #expect(error.description.contains("SYNDICATE_MASTODON_ACCESS_TOKEN"))
    }

    @Test("--to picks config accounts by network or by name, else the environment's default")
    func targets() throws {
        let config = ConfigFile(accounts: [.mastodon: [
            AccountSettings(network: .mastodon, account: "school", values: [:], origin: .configFile(path: "c")),
            AccountSettings(network: .mastodon, account: "head", values: [:], origin: .configFile(path: "c")),
        ]], ledgerPath: nil)
        let all = try AccountTargets.settings(for: AccountTargets.entries("mastodon,x"), config: config, environment: ["SYNDICATE_X_BEARER_TOKEN": "b"])
        #expect(all.map { "\($0.network.rawValue):\($0.account)" } == ["mastodon:school", "mastodon:head", "x:default"])
        #expect(all[2].values == ["BEARER_TOKEN": "b"])
        let one = try AccountTargets.settings(for: AccountTargets.entries("mastodon:head"), config: config, environment: [:])
        #expect(one.map(\.account) == ["head"])
        #expect(throws: (any Error).self) { try AccountTargets.settings(for: AccountTargets.entries("mastodon:nobody"), config: config, environment: [:]) }
    }
}
