import Foundation
import Logging
import PhieuKin
import ServiceLifecycle

/// The timer behind the inbox: every `appendEvery` it asks the service to append what waits, as the
/// policy says (N waiting, or T minutes with enough waiting). It logs counts per append and the
/// refusals since the last tick by code — never a time per ballot, a client or a code.
struct InboxAppender: Service {
    let state: ServerState
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: state.options.appendEvery)
                } catch {
                    break
                }
                tick()
            }
        }
        // Nothing to do at shutdown: waiting ballots are already committed in the inbox, and the
        // next start (or `round close`) appends them.
    }

    func tick() {
        do {
            let appends = try state.workspace.electronic.appendInbox(
                roundID: nil, force: false, policy: state.options.inboxPolicy)
            for append in appends {
                logger.info(
                    "appended \(append.ballots) e-ballots to round \(append.roundID.rawValue) (head \(append.headSeq))")
            }
        } catch {
            logger.error("inbox append failed: \(error)")
        }
        let refusals = state.refusals.drain()
        if !refusals.isEmpty {
            let text = refusals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            logger.info("refused since last report: \(text)")
        }
    }
}
