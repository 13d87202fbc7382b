package io.github.cptestkit.mock.internal.s3;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The XML bodies of the S3 REST API: result documents in S3's namespace, {@code <Error>} documents (which S3 sends
 * without a namespace), and the CompleteMultipartUpload request. Written with StAX, read with a DOM parser that
 * refuses DTDs and external entities.
 */
final class S3Xml {

    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    /** Errors become the MalformedXML answer; nothing is printed. */
    private static final org.xml.sax.ErrorHandler SILENT = new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {
            // a warning changes nothing
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private S3Xml() {}

    /** {@code <Error><Code/><Message/>...details...<Resource/><RequestId/><HostId/></Error>}. */
    static byte[] error(S3Error error, String resource, String requestId, String hostId) {
        Document document = new Document("Error", false)
                .element("Code", error.code().code())
                .element("Message", error.getMessage());
        error.details().forEach(document::element);
        return document.element("Resource", resource)
                .element("RequestId", requestId)
                .element("HostId", hostId)
                .finish();
    }

    static byte[] initiateMultipartUploadResult(String bucket, String key, String uploadId) {
        return new Document("InitiateMultipartUploadResult", true)
                .element("Bucket", bucket)
                .element("Key", key)
                .element("UploadId", uploadId)
                .finish();
    }

    static byte[] completeMultipartUploadResult(String location, String bucket, String key, String etag) {
        return new Document("CompleteMultipartUploadResult", true)
                .element("Location", location)
                .element("Bucket", bucket)
                .element("Key", key)
                .element("ETag", etag)
                .finish();
    }

    /** A ListObjectsV2 answer; names and prefixes already encoded as the request's encoding-type asks. */
    static byte[] listBucketResult(ObjectListing listing) {
        Document document = new Document("ListBucketResult", true)
                .element("Name", listing.bucket())
                .element("Prefix", listing.prefix())
                .element("Delimiter", listing.delimiter())
                .element("MaxKeys", listing.maxKeys())
                .element("EncodingType", listing.encodingType())
                .element("KeyCount", listing.contents().size() + listing.commonPrefixes().size())
                .element("IsTruncated", listing.nextContinuationToken() != null)
                .element("ContinuationToken", listing.continuationToken())
                .element("NextContinuationToken", listing.nextContinuationToken())
                .element("StartAfter", listing.startAfter());
        for (ObjectListing.Entry entry : listing.contents()) {
            document.start("Contents")
                    .element("Key", entry.key())
                    .element("LastModified", entry.lastModified())
                    .element("ETag", entry.etag())
                    .element("Size", entry.size())
                    .element("StorageClass", "STANDARD")
                    .end();
        }
        for (String prefix : listing.commonPrefixes()) {
            document.start("CommonPrefixes").element("Prefix", prefix).end();
        }
        return document.finish();
    }

    /**
     * The parts a CompleteMultipartUpload body names, in document order.
     *
     * @throws S3Error MalformedXML when the body is not such a document
     */
    static List<UploadedPart> completeMultipartUploadRequest(byte[] body) {
        org.w3c.dom.Document document;
        try {
            document = secureBuilder().parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            throw malformed("it is not well-formed XML");
        }
        Element root = document.getDocumentElement();
        if (!"CompleteMultipartUpload".equals(root.getLocalName())) {
            throw malformed("its root element is <" + root.getLocalName() + ">, not <CompleteMultipartUpload>");
        }
        List<UploadedPart> parts = new ArrayList<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element part && "Part".equals(part.getLocalName())) {
                String number = childText(part, "PartNumber");
                String etag = childText(part, "ETag");
                if (number == null || etag == null) {
                    throw malformed("a <Part> lacks its <PartNumber> or <ETag>");
                }
                try {
                    parts.add(new UploadedPart(Integer.parseInt(number.trim()), etag.trim(), -1));
                } catch (NumberFormatException e) {
                    throw malformed("<PartNumber>" + number + "</PartNumber> is not a whole number");
                }
            }
        }
        return parts;
    }

    private static S3Error malformed(String why) {
        return S3ErrorCode.MALFORMED_XML.error("The XML you provided was not well-formed or did not validate"
                + " against our published schema: " + why + ".");
    }

    private static String childText(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        return null;
    }

    /**
     * Text XML 1.0 can carry: a character it cannot (a control character of a key or path, a lone surrogate) is
     * written as its percent-encoded UTF-8 bytes, as in a URL, so that the document stays well-formed.
     */
    static String xmlText(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            if (!allowed && safe == null) {
                safe = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (safe != null) {
                if (allowed) {
                    safe.appendCodePoint(c);
                } else {
                    for (byte b : new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                        safe.append('%').append(String.format(java.util.Locale.ROOT, "%02X", b & 0xFF));
                    }
                }
            }
            i = next;
        }
        return safe == null ? text : safe.toString();
    }

    private static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT); // the parser's default handler prints every error on stderr
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses secure processing", e);
        }
    }

    /** A document written element by element; null values are left out. */
    private static final class Document {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        private final XMLStreamWriter writer;

        Document(String root, boolean namespaced) {
            try {
                writer = OUTPUT.createXMLStreamWriter(out, "UTF-8");
                writer.writeStartDocument("UTF-8", "1.0");
                writer.writeStartElement(root);
                if (namespaced) {
                    writer.writeDefaultNamespace(NAMESPACE);
                }
            } catch (XMLStreamException e) {
                throw new IllegalStateException("cannot write XML", e);
            }
        }

        Document element(String name, Object value) {
            if (value == null) {
                return this;
            }
            try {
                writer.writeStartElement(name);
                writer.writeCharacters(xmlText(String.valueOf(value)));
                writer.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException("cannot write XML element " + name, e);
            }
            return this;
        }

        Document start(String name) {
            try {
                writer.writeStartElement(name);
            } catch (XMLStreamException e) {
                throw new IllegalStateException("cannot write XML element " + name, e);
            }
            return this;
        }

        Document end() {
            try {
                writer.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException("cannot close an XML element", e);
            }
            return this;
        }

        byte[] finish() {
            try {
                writer.writeEndDocument();
                writer.close();
            } catch (XMLStreamException e) {
                throw new IllegalStateException("cannot finish the XML document", e);
            }
            return out.toByteArray();
        }
    }

}
