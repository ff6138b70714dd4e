import ArgumentParser

/// The `syndicate` command: imports posts and (in later commands) composes and delivers them.
@main
struct SyndicateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "syndicate",
        abstract: "Announce a published post on every social network, correctly, in one call.",
        version: "0.1.0",
        subcommands: [
            InspectCommand.self, CountCommand.self, FacetsCommand.self, PreviewCommand.self, MetaCommand.self,
            ShareLinksCommand.self, PostCommand.self, RetractCommand.self, UpdateCommand.self, FeedCommand.self, LedgerCommand.self,
        ]
    )
}
