extension SiteRenderer {
    /// What rendering one page gives: its file, its problems, and what the anchor check and the generated pages
    /// need.
    ///
    /// A value with its fields in one shared box, copied on write: the results of a site's pages are passed from
    /// stage to stage and kept by the preview's memo, and a copy is then one reference count, not seven.
    public struct PageResult: Sendable {
        private final class Storage: @unchecked Sendable {
            // Changed only through a uniquely referenced box (`PageResult.unique`).
            var file: RenderedFile
            var diagnostics: [Diagnostic]
            var headingIDs: Set<String>
            var anchorLinks: [AnchorLink]
            var printSection: [UInt8]?
            var searchEntry: [UInt8]

            init(file: RenderedFile, diagnostics: [Diagnostic], headingIDs: Set<String>, anchorLinks: [AnchorLink],
                 printSection: [UInt8]?, searchEntry: [UInt8]) {
                (self.file, self.diagnostics, self.headingIDs) = (file, diagnostics, headingIDs)
                (self.anchorLinks, self.printSection, self.searchEntry) = (anchorLinks, printSection, searchEntry)
            }

            func copy() -> Storage {
                Storage(file: file, diagnostics: diagnostics, headingIDs: headingIDs, anchorLinks: anchorLinks,
                        printSection: printSection, searchEntry: searchEntry)
            }
        }

        private var storage: Storage

        public init(file: RenderedFile, diagnostics: [Diagnostic], headingIDs: Set<String>, anchorLinks: [AnchorLink],
                    printSection: [UInt8]?, searchEntry: [UInt8] = []) {
            storage = Storage(file: file, diagnostics: diagnostics, headingIDs: headingIDs, anchorLinks: anchorLinks,
                              printSection: printSection, searchEntry: searchEntry)
        }

        private mutating func unique() {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        }

        public var file: RenderedFile {
            get { storage.file }
            set { unique(); storage.file = newValue }
        }

        public var diagnostics: [Diagnostic] {
            get { storage.diagnostics }
            set { unique(); storage.diagnostics = newValue }
        }

        /// The ids of the page's headings.
        public var headingIDs: Set<String> {
            get { storage.headingIDs }
            set { unique(); storage.headingIDs = newValue }
        }

        /// `#anchor` links into other pages (or this one), checked once every page is rendered.
        public var anchorLinks: [AnchorLink] {
            get { storage.anchorLinks }
            set { unique(); storage.anchorLinks = newValue }
        }

        /// The page's section of the edition's print page, rendered (pages of editions only).
        public var printSection: [UInt8]? {
            get { storage.printSection }
            set { unique(); storage.printSection = newValue }
        }

        /// The page's entry in its language's search index (JSON).
        public var searchEntry: [UInt8] {
            get { storage.searchEntry }
            set { unique(); storage.searchEntry = newValue }
        }
    }
}
