import Foundation
import Logging
import PhieuKin
import ServiceLifecycle

/// Every `reportEvery` it logs the refusals since the last report, by error code — never a time
/// per ballot, a client or a code. It appends nothing: electronic ballots wait in the inbox until
/// `round close` appends them all as one batch (docs/FORMAT.md, "Electronic ballots").
struct RefusalReporter: Service {
    let state: ServerState
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: state.options.reportEvery)
                } catch {
                    break
                }
                tick()
            }
        }
        // Nothing to do at shutdown: every accepted ballot is already committed in the inbox.
    }

    func tick() {
        let refusals = state.refusals.drain()
        if !refusals.isEmpty {
            let text = refusals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            logger.info("refused since last report: \(text)")
        }
    }
}
