/// The one place where the diagnostics of every stage of a build are collected, and where a run's final list is
/// made (duplicates dropped, sorted, warnings made errors under `--strict`).
struct BuildLog {
    private(set) var items: [Diagnostic] = []
    let strict: Bool

    init(strict: Bool) { self.strict = strict }

    mutating func add(_ found: some Sequence<Diagnostic>) { items.append(contentsOf: found) }
    mutating func add(_ found: Diagnostic) { items.append(found) }

    /// Whether nothing may be written any more: an error is known (under `--strict`, any diagnostic).
    var isFailing: Bool { strict ? !items.isEmpty : items.hasErrors }

    /// Every diagnostic once, in a stable order; errors only under `--strict`.
    var final: [Diagnostic] {
        let all = Array(Set(items)).sorted()
        return strict ? all.strict() : all
    }
}
