/// The НОБД services the adapter calls.
public struct EducationConfiguration: Sendable, Hashable {
    /// `serviceId` of the pupil-enrolment service. Default: `MOCK_NOBD_STUDENT`.
    public var studentServiceId: String
    /// `serviceId` of the educator service. Default: `MOCK_NOBD_EDUCATOR`.
    public var educatorServiceId: String
    /// Namespace of the request payload element. Default: `urn:qorgan:nobd:v1`.
    public var requestNamespace: String

    /// Creates a configuration (defaults as documented on the properties).
    public init(
        studentServiceId: String = "MOCK_NOBD_STUDENT", educatorServiceId: String = "MOCK_NOBD_EDUCATOR", requestNamespace: String = "urn:qorgan:nobd:v1"
    ) {
        self.studentServiceId = studentServiceId
        self.educatorServiceId = educatorServiceId
        self.requestNamespace = requestNamespace
    }

    /// Every default.
    public static let `default` = EducationConfiguration()
}
