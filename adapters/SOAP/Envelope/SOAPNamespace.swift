/// Namespace URIs of SOAP 1.1, SyncChannel v10 and WS-Security, as `shep.md` lists them.
public enum SOAPNamespace {
    /// SOAP 1.1 envelope (`soap:`).
    public static let envelope = "http://schemas.xmlsoap.org/soap/envelope/"
    /// SOAP 1.2 envelope — recognised only to refuse it with ``SOAPError/versionMismatch``.
    public static let envelope12 = "http://www.w3.org/2003/05/soap-envelope"
    /// SyncChannel v10 root elements and the fault element (`typ:`).
    public static let syncChannelTypes = "http://bip.bee.kz/SyncChannel/v10/Types"
    /// SyncChannel v10 WSDL interface namespace; some clients put `data` in it.
    public static let syncChannelInterfaces = "http://bip.bee.kz/SyncChannel/v10/Interfaces"
    /// WS-Security extension (`wsse:`).
    public static let wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
    /// WS-Security utility (`wsu:`), home of `wsu:Id`.
    public static let wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
    /// XML Signature (`ds:`).
    public static let xmldsig = "http://www.w3.org/2000/09/xmldsig#"
    /// Exclusive C14N, also the namespace of `ec:InclusiveNamespaces`.
    public static let exclusiveC14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
    /// XML Schema instance (`xsi:type`).
    public static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
    /// XML Schema (`xs:string`).
    public static let xs = "http://www.w3.org/2001/XMLSchema"
}
