import Foundation
import Syndicate
import SyndicateLedger
import Testing

@Suite struct LedgerOwnerProcessTests {
    @Test func theCurrentProcessIsAliveAndCarriesItsStartTime() {
        let owner = LedgerOwner.current(run: "run-1")
        #expect(owner.pid == ProcessInfo.processInfo.processIdentifier)
        #expect(owner.host == ProcessInfo.processInfo.hostName)
        #expect(owner.run == "run-1")
        #if os(Linux)
            #expect(owner.processStart != nil)
        #endif
        #expect(LedgerOwner.isAlive(owner))
    }

    @Test func anOwnerWhoseProcessIsGoneIsDead() {
        // Process ids above the kernel's maximum (4194304 on Linux) are never assigned.
        var owner = LedgerOwner.current()
        owner.pid = 99_999_999
        #expect(!LedgerOwner.isAlive(owner))
    }

    @Test func aRecycledProcessIDIsNotTakenForTheOwner() {
        #if os(Linux)
            var owner = LedgerOwner.current()
            owner.processStart = "1"
            #expect(!LedgerOwner.isAlive(owner))
        #endif
    }

    @Test func anOwnerOnAnotherHostIsPresumedAlive() {
        var owner = LedgerOwner.current()
        owner.host = "another-host.invalid"
        owner.pid = 99_999_999
        #expect(LedgerOwner.isAlive(owner))
    }
}
