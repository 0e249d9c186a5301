import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How many connections the preview may hold open at once, so that it never runs out of file descriptors.
///
/// Out of descriptors, accept(2) fails with EMFILE while the listening socket stays readable; SwiftNIO (2.101)
/// then retries at once, again and again, and the server spins a core (its accept backoff never takes effect,
/// because a failed accept leaves the read pending). Below the limit, Hummingbird simply stops accepting (it
/// leaves new connections in the kernel's queue) and accepts again when one closes: no EMFILE, no spinning.
///
/// At start the soft limit is raised to the hard limit (as Go's runtime does), then `reserve` descriptors are
/// kept for everything that is not a connection: the build's reading threads, the watcher, the event loops.
enum DescriptorBudget {
    static let reserve = 128

    /// Raises the soft limit of open files to the hard limit (at most `ceiling`), and returns the soft limit now in force.
    @discardableResult
    static func raiseLimit(ceiling: rlim_t = 1 << 20) -> Int {
        var limits = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits) == 0 else { return 1024 }
        let wanted = min(limits.rlim_max, ceiling)
        if limits.rlim_cur < wanted {
            var raised = limits
            raised.rlim_cur = wanted
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limits = raised }
        }
        return Int(clamping: limits.rlim_cur)
    }

    /// The most connections to hold open under a soft limit of `limit` descriptors (never fewer than 16: below
    /// that, a browser's few connections must still get through, and the build reports the files it cannot open).
    static func connections(forLimit limit: Int) -> Int {
        max(16, limit - reserve)
    }
}
