/// Random ids for runs, decisions and reviews: a prefix and 26 base-32 characters (as the gateway's own ids).
enum ReverificationIdentifiers {
    static func make(_ prefix: String) -> String {
        let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
        var generator = SystemRandomNumberGenerator()
        return prefix + "_" + String((0..<26).map { _ in alphabet[Int(generator.next() % 32)] })
    }
}
