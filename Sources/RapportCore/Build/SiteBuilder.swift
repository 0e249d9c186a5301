/// The entry point of a build: runs the one `Pipeline`. Writes nothing itself (see `OutputWriter`).
public enum SiteBuilder {
    /// Builds the site of `source`: in memory (the files are in the outcome), or streamed to `output` as pages
    /// are rendered (the caller then commits `output` if the outcome succeeded, and discards it otherwise).
    /// Pages are rendered in parallel on every core; the result does not depend on their order.
    /// - Parameter memo: what an earlier build of the same site left (the preview); the outcome is the same with
    ///   or without it.
    public static func build(_ source: SiteSource, options: BuildOptions = BuildOptions(), output: StagedOutput? = nil,
                             memo: BuildMemo? = nil) -> BuildOutcome {
        var pipeline = Pipeline(source: source, options: options, output: output, memo: memo)
        return pipeline.run()
    }
}
