import Testing
@testable import RapportCore

@Suite("Rendering order")
struct RenderingOrderTests {
    @Test("pages are taken one per output folder in turn, each once, in page order within a folder")
    func interleaved() {
        let urls = ["fr/2024/", "fr/2024/countries/a/", "fr/2024/countries/b/", "fr/2024/countries/c/",
                    "en/2024/countries/a/", "en/2024/countries/b/", "fr/2024/regions/x/", "fr/search/"]
        let order = RenderStage.renderingOrder(urls)
        #expect(order.sorted() == Array(urls.indices))
        // Parents in order of first appearance: fr, fr/2024/countries, en/2024/countries, fr/2024/regions.
        #expect(order == [0, 1, 4, 6, 7, 2, 5, 3])
        #expect(RenderStage.renderingOrder([String]()) == [])
    }
}
