#ifndef QORGAN_CLIBXML2_SHIM_H
#define QORGAN_CLIBXML2_SHIM_H
// The libxml2 headers XMLSupport uses. Nothing else imports CLibXML2 directly.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, so <libxml/encoding.h> would pull the system ICU headers into this
// module, which then clash with Foundation's bundled ICU (`'UErrorCode' has different definitions in
// different modules`). The ICU part only adds two trailing pointer fields to xmlCharEncodingHandler, a
// struct XMLSupport never allocates, embeds or reads; hiding it is safe.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlsave.h>
#include <libxml/c14n.h>
#include <libxml/globals.h>
#endif
