#if SYNDICATE_LIBFUZZER
import CLibFuzzerDriver
import Foundation
import SyndicateFuzzTargets

/// The libFuzzer build of `SyndicateFuzz` (`Fuzz/fuzz.sh`): hands `main` to libFuzzer with the
/// target named by `SYNDICATE_FUZZ_TARGET`; a broken invariant aborts so that libFuzzer keeps
/// the input. All of libFuzzer's own flags (`-max_total_time`, `-timeout`, `-dict`) apply.
@main
struct LibFuzzerEntry {
    nonisolated(unsafe) static var target: FuzzTarget?

    static func main() {
        let name = ProcessInfo.processInfo.environment["SYNDICATE_FUZZ_TARGET"] ?? ""
        guard let selected = FuzzTargets.named(name) else {
            FileHandle.standardError.write(
                Data("set SYNDICATE_FUZZ_TARGET to one of: \(FuzzTargets.all.map(\.name).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        target = selected
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
            let input = bytes.map { Data(bytes: $0, count: count) } ?? Data()
            do {
                try LibFuzzerEntry.target?.run(input)
            } catch {
                FileHandle.standardError.write(Data("FINDING: \(error)\n".utf8))
                abort()
            }
            return 0
        })
    }
}
#endif
