/// The version `rapport --version` prints.
enum RapportVersion {
    static let current = "0.9.0"
}
