/// Every path the built site answers — content pages, generated pages, data files, assets — for checking body
/// links written as URLs of the site. Made from the routes (`Site.routes`, `Site.generatedRoutes`,
/// `Route.dataFile`) and the assets: no URL is spelled here.
struct SiteAddresses: Sendable {
    enum Target: Sendable, Equatable {
        case page(Site.PageID)
        case generated(Route)
        case asset
    }

    /// Targets by path relative to the site root: `fr/2022/pays/niger/`, `fr/search.json`, `assets/logo.svg`.
    private let targets: [String: Target]
    /// For "did you mean": made when a link to no address first needs it.
    private let nearestTable: OnDemand<NearestPaths>
    var nearest: NearestPaths { nearestTable.value }

    init(site: Site, dataFiles: [Route], assetPaths: Set<String>) {
        var targets: [String: Target] = [:]
        targets.reserveCapacity(assetPaths.count + site.urls.count + 64)
        for path in assetPaths { targets[path] = .asset }
        for route in site.generatedRoutes + dataFiles { targets[route.path] = .generated(route) }
        for (id, url) in site.urls.enumerated() { targets[url] = .page(id) }
        self.targets = targets
        nearestTable = OnDemand { [targets] in NearestPaths(targets.keys) }
    }

    /// What `path` names, and its path as the site writes it: the path as written, a folder without its
    /// trailing `/`, or a folder's `index.html`.
    func target(of path: String) -> (path: String, target: Target)? {
        if let target = targets[path] { return (path, target) }
        if path == "index.html" || path.hasSuffix("/index.html") {
            let folder = String(path.dropLast("index.html".count))
            return targets[folder].map { (folder, $0) }
        }
        guard !path.isEmpty, !path.hasSuffix("/") else { return nil }
        return targets[path + "/"].map { (path + "/", $0) }
    }
}
