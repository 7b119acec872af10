extension AdministrativeRegion {
    /// The region or city of republican significance an address names, in Russian, Kazakh or Latin, new or
    /// old spelling: "Алматинская обл." and "Алматы облысы" → `.almatyRegion`; "г. Алматы", "Алматы" and
    /// "Алма-Ата" → `.almaty`; "Нур-Султан" and "Астана" → `.astana`; "Абайская", "Жетісу", "Ұлытау"; "ВКО";
    /// a centre or large town ("г. Семей") → its region.
    ///
    /// Policy, when an address names several: a region adjective, abbreviation, "West/North/East/South
    /// Kazakhstan", a city of republican significance, or a bare region name next to a region marker wins over
    /// a bare region name, which wins over a town; among equals the first in reading order wins. Bare names
    /// and towns must be whole words, so street names in the genitive ("пр. Абая") never count.
    /// South Kazakhstan region (renamed 2018) → Turkestan region.
    ///
    /// - Throws: `NormalizationError` with reason `empty` or `unknownRegion`.
    public static func recognize(_ address: String) throws(NormalizationError) -> AdministrativeRegion {
        let words = address.split { LetterTables.role($0.unicodeScalars.first.map(\.value) ?? 0) == .separator }
            .map { NameKey(String($0)).bytes }
            .filter { !$0.isEmpty }
        if words.isEmpty { throw .empty }
        let meanings = words.map(RegionVocabulary.meaning(of:))
        func isRegionMarker(_ index: Int) -> Bool {
            guard meanings.indices.contains(index), case .regionMarker? = meanings[index] else { return false }
            return true
        }
        func isCityMarker(_ index: Int) -> Bool {
            guard meanings.indices.contains(index), case .cityMarker? = meanings[index] else { return false }
            return true
        }
        var best: (strength: Int, region: AdministrativeRegion)?
        func consider(_ region: AdministrativeRegion, strength: Int) {
            if best == nil || strength > best.unsafelyUnwrapped.strength { best = (strength, region) }
        }
        for index in words.indices {
            // Two-word names written apart or hyphenated: Нур-Султан, Алма-Ата, Усть-Каменогорск.
            if index + 1 < words.count, let joined = RegionVocabulary.meaning(of: words[index] + words[index + 1]) {
                switch joined {
                case .city(let region): consider(region, strength: 3)
                case .settlement(let region): consider(region, strength: 1)
                default: break
                }
            }
            guard let meaning = meanings[index] else { continue }
            let nearRegionMarker = isRegionMarker(index + 1) || isRegionMarker(index - 1) || isRegionMarker(index + 2)
            switch meaning {
            case .adjective(let region), .city(let region):
                consider(region, strength: 3)
            case .name(let region):
                consider(region, strength: nearRegionMarker ? 3 : 2)
            case .almatyName:
                consider(nearRegionMarker && !isCityMarker(index - 1) ? .almatyRegion : .almaty, strength: 3)
            case .settlement(let region):
                consider(region, strength: 1)
            case .compass(let region):
                let hasKazakhstan = [index + 1, index + 2].contains { next in
                    guard meanings.indices.contains(next), case .kazakhstan? = meanings[next] else { return false }
                    return true
                }
                if hasKazakhstan { consider(region, strength: 3) }
            case .kazakhstan, .regionMarker, .cityMarker:
                break
            }
        }
        guard let best else { throw .unknownRegion }
        return best.region
    }
}
