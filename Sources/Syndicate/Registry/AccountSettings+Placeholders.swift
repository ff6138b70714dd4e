import Foundation

extension AccountSettings {
    /// Stand-in settings for a dry run without credentials: example addresses and ids, and
    /// secrets that read `dry-run-…` (which redaction hides anyway), from the network's
    /// definition in ``NetworkRegistry/builtIn``.
    public static func placeholders(for network: SocialNetwork, account: String = "default") -> AccountSettings {
        NetworkRegistry.builtIn.placeholders(for: network, account: account)
    }

    /// These settings with every missing one filled from ``placeholders(for:account:)``.
    public func fillingPlaceholders() -> AccountSettings {
        NetworkRegistry.builtIn.fillingPlaceholders(self)
    }
}
