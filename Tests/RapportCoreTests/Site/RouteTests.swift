import Testing
@testable import RapportCore

@Suite("Routes")
struct RouteTests {
    @Test("every URL Rapport makes itself, and the file written for it")
    func paths() {
        let routes: [(Route, String, String)] = [
            (.root, "", "index.html"),
            (.languageHome(language: "fr"), "fr/", "fr/index.html"),
            (.goal(language: "en", edition: "2020", number: 3), "en/2020/goals/3/", "en/2020/goals/3/index.html"),
            (.comparison(language: "fr", edition: "2022"), "fr/2022/key-data/", "fr/2022/key-data/index.html"),
            (.print(language: "fr", edition: "2022"), "fr/2022/print/", "fr/2022/print/index.html"),
            (.searchIndex(language: "en"), "en/search.json", "en/search.json"),
            (.notFound(language: "en"), "en/404.html", "en/404.html"),
            (.notFound(language: nil), "404.html", "404.html"),
            (.sitemap, "sitemap.xml", "sitemap.xml"),
            (.robots, "robots.txt", "robots.txt"),
        ]
        for (route, path, file) in routes {
            #expect(route.path == path)
            #expect(route.file == file)
        }
    }
}
