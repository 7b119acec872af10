// Temporary: keeps the package valid while the SOAP module is being written.
enum SOAPModulePlaceholder {}
