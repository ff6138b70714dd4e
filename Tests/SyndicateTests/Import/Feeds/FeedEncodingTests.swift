import Foundation
import Testing

@testable import Syndicate

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `text` encoded in `charset` by the system's iconv (the test makes its own bytes).
func encoded(_ text: String, as charset: String) throws -> Data {
    let descriptor = iconv_open(charset, "UTF-8")
    guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { throw EncodingTestError.unknown(charset) }
    defer { iconv_close(descriptor) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
    let written = input.withUnsafeMutableBufferPointer { source in
        output.withUnsafeMutableBufferPointer { target -> Int in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(source.baseAddress!).assumingMemoryBound(to: CChar.self)
            var inLeft = source.count
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!).assumingMemoryBound(to: CChar.self)
            var outLeft = target.count
            guard iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return -1 }
            return target.count - outLeft
        }
    }
    guard written >= 0 else { throw EncodingTestError.unencodable(charset) }
    return Data(output[0..<written])
}

enum EncodingTestError: Error {
    case unknown(String), unencodable(String)
}

@Suite struct FeedEncodingTests {
    /// A sample in each charset's script, and the label the feed declares.
    static let samples: [(label: String, iconvName: String, title: String)] = [
        ("windows-1252", "WINDOWS-1252", "“Smart” quotes cost 5 € — don’t they?"),
        ("iso-8859-1", "ISO-8859-1", "Café crème à la carte"),
        ("iso-8859-15", "ISO-8859-15", "Prix : 20 € œuvre"),
        ("iso-8859-2", "ISO-8859-2", "Zażółć gęślą jaźń"),
        ("iso-8859-5", "ISO-8859-5", "Привет, школа"),
        ("iso-8859-7", "ISO-8859-7", "Καλημέρα σχολείο"),
        ("windows-1250", "WINDOWS-1250", "Příliš žluťoučký kůň"),
        ("windows-1251", "WINDOWS-1251", "Новости школы"),
        ("windows-1253", "WINDOWS-1253", "Νέα του σχολείου"),
        ("windows-1254", "WINDOWS-1254", "Okul haberleri: öğrenci"),
        ("windows-1255", "WINDOWS-1255", "חדשות בית הספר"),
        ("windows-1256", "WINDOWS-1256", "أخبار المدرسة"),
        ("windows-1257", "WINDOWS-1257", "Mokyklos naujienos: ąčęė"),
        ("windows-1258", "WINDOWS-1258", "Tin tức trường"),
        ("koi8-r", "KOI8-R", "Школьные новости"),
        ("shift_jis", "SHIFT_JIS", "学校のニュース"),
        ("euc-jp", "EUC-JP", "学校のお知らせ"),
        ("euc-kr", "EUC-KR", "학교 소식 년"),
        ("gb18030", "GB18030", "学校新闻"),
        ("gbk", "GBK", "学校新闻"),
        ("gb2312", "GB2312", "学校新闻"),
        ("big5", "BIG5", "學校新聞"),
        ("utf-16", "UTF-16", "Ofsted’s plan ✓"),
        ("utf-16le", "UTF-16LE", "Ofsted’s plan ✓"),
        ("utf-16be", "UTF-16BE", "Ofsted’s plan ✓"),
        ("utf-32", "UTF-32", "Ofsted’s plan ✓"),
        ("utf-32le", "UTF-32LE", "Ofsted’s plan ✓"),
        ("utf-32be", "UTF-32BE", "Ofsted’s plan ✓"),
        ("iso-8859-9", "ISO-8859-9", "Okul haberleri: öğrenci"),
        ("koi8-u", "KOI8-U", "Шкільні новини"),
    ]

    @Test(arguments: samples.map(\.label))
    func aFeedInEachCharsetImportsItsTitleWhole(label: String) throws {
        let sample = try #require(Self.samples.first { $0.label == label })
        let xml = """
            <?xml version="1.0" encoding="\(sample.label)"?>
            <rss><channel><item><title>\(sample.title)</title><description>\(sample.title)</description></item></channel></rss>
            """
        let data = try encoded(xml, as: sample.iconvName)
        let posts = try RSSImporter().posts(from: data, context: ImportContext(inputName: "t.rss"))
        #expect(posts.map(\.title) == [sample.title])
        // The streaming path, in small reads, gives the same.
        let reader = FeedReader(stream: InputStream(data: data), context: ImportContext(inputName: "t.rss"))
        #expect(try reader.nextPost()?.title == sample.title)
    }

    @Test func theServersCharsetOverridesTheDeclaration() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><item><title>Новости</title></item></channel></rss>"
        let data = try encoded(xml, as: "KOI8-R")
        let context = ImportContext(inputName: "t.rss", declaredCharset: "koi8-r")
        #expect(try RSSImporter().posts(from: data, context: context).map(\.title) == ["Новости"])
    }

    @Test func utf16WithoutAByteOrderMarkIsRecognisedByItsLayout() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss><channel><item><title>Café</title></item></channel></rss>"
        let data = try encoded(xml, as: "UTF-16LE")
        #expect(try RSSImporter().posts(from: data, context: ImportContext(inputName: "t.rss")).map(\.title) == ["Café"])
    }

    @Test func aByteThatDoesNotDecodeIsAnErrorNamingItsOffset() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"euc-kr\"?><rss><channel><item><title>".utf8)
        let offset = bytes.count
        bytes += [0xFF, 0xFF]
        bytes += Array("</title></item></channel></rss>".utf8)
        let error = try #require(throws: ImportError.self) {
            try RSSImporter().posts(from: Data(bytes), context: ImportContext(inputName: "t.rss"))
        }
        #expect(error.kind == .notText)
        #expect(error.message.contains("byte \(offset) (0xFF) is not valid euc-kr text"))
    }

    @Test func invalidUTF8InADeclaredUTF8FeedNamesTheByte() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><item><title>Caf".utf8)
        let offset = bytes.count
        bytes += [0xE9]
        bytes += Array("</title></item></channel></rss>".utf8)
        let error = try #require(throws: ImportError.self) {
            try RSSImporter().posts(from: Data(bytes), context: ImportContext(inputName: "t.rss"))
        }
        #expect(error.kind == .notText)
        #expect(error.message.hasPrefix("byte \(offset) is not valid UTF-8"))
    }

    @Test func anUndeclaredNonUTF8FeedIsReadAsWindows1252WithAWarning() throws {
        var bytes = Array("<rss><channel><item><title>don".utf8)
        bytes += [0x92]
        bytes += Array("t pay 5 ".utf8) + [0x80] + Array("</title></item></channel></rss>".utf8)
        let read = try RSSImporter().importResult(from: Data(bytes), context: ImportContext(inputName: "t.rss"))
        #expect(read.posts.map(\.title) == ["don’t pay 5 €"])
        #expect(read.warnings.map(\.kind) == [.guessedCharset])
    }

    @Test func aLegacyDeclarationOverUTF8TextIsReadAsUTF8WithAWarning() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><item><title>Café “quoted”</title></item></channel></rss>"
        let read = try RSSImporter().importResult(from: Data(xml.utf8), context: ImportContext(inputName: "t.rss"))
        #expect(read.posts.map(\.title) == ["Café “quoted”"])
        #expect(read.warnings.map(\.kind) == [.guessedCharset])
        #expect(read.warnings.first?.message.contains("declares the charset iso-8859-1 but its text is UTF-8") == true)
    }

    @Test func anUnknownCharsetIsATypedErrorNamingIt() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><rss><channel><item><title>A</title></item></channel></rss>"
        let error = try #require(throws: ImportError.self) {
            try RSSImporter().posts(from: Data(xml.utf8), context: ImportContext(inputName: "t.rss"))
        }
        #expect(error.kind == .unknownCharset)
        #expect(error.message.contains("\"x-no-such-charset\""))
    }

    @Test func aMultiByteCharacterSplitAcrossChunksSurvives() throws {
        // ASCII fills the first 64 KiB read so that a two-byte Shift_JIS character straddles it.
        let head = "<?xml version=\"1.0\" encoding=\"shift_jis\"?><rss><channel><item><description>"
        let middle = "</description><title>"
        for shift in 0..<4 {
            let pad = String(repeating: "a", count: 65_536 - head.utf8.count - middle.utf8.count - 3 + shift)
            let xml = head + pad + middle + "学校学校</title></item></channel></rss>"
            let data = try encoded(xml, as: "SHIFT_JIS")
            let reader = FeedReader(stream: InputStream(data: data), context: ImportContext(inputName: "t.rss"))
            #expect(try reader.nextPost()?.title == "学校学校")
        }
    }
}
