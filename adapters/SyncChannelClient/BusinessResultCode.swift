/// The business result codes inside a SyncChannel answer's `data/messageResult/code` (ГБД ФЛ style).
public enum BusinessResultCode {
    /// `00000` «Сообщение успешно обработано»: records follow.
    public static let success = "00000"
    /// `00002` «Некорректный идентификатор»: the registry rejected the identifier.
    public static let invalidIdentifier = "00002"
    /// `00003` «Сведения не найдены»: a valid identifier with no record — the only code that means *not found*.
    public static let notFound = "00003"
}
