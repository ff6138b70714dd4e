import Foundation
import SyndicateTestSupport
import Testing

@testable import Syndicate

@Suite struct InputTextTests {
    let context = ImportContext(inputName: "post.html", limits: ImportLimits(maxDocumentBytes: 1024))

    @Test func decodesUTF8AndDropsTheByteOrderMark() throws {
        let text = try InputText.decode(Data([0xEF, 0xBB, 0xBF] + Array("Ofsted’s plan".utf8)), format: .html, context: context)
        #expect(text == "Ofsted’s plan")
    }

    @Test func decodesUTF16WithAByteOrderMark() throws {
        let data = try #require("Ofsted’s plan".data(using: .utf16))
        #expect(try InputText.decode(data, format: .text, context: context) == "Ofsted’s plan")
    }

    @Test func emptyAndWhitespaceOnlyInputIsEmpty() {
        for data in [Data(), Data(" \n\t\n".utf8)] {
            #expect(throws: ImportError(.empty, input: "post.html", format: .html, message: "the input is empty; give a file with a post in it.")) {
                try InputText.decode(data, format: .html, context: context)
            }
        }
    }

    @Test func invalidUTF8NamesTheOffendingByte() {
        let data = Data(Array("abc".utf8) + [0xC3, 0x28] + Array("def".utf8))
        #expect(
            throws: ImportError(
                .notText, input: "post.html", format: .html,
                message: "byte 3 is not valid UTF-8; convert the file to UTF-8 (for example with iconv).")
        ) {
            try InputText.decode(data, format: .html, context: context)
        }
    }

    @Test func binaryJunkIsNotText() throws {
        var generator = SeededGenerator(seed: 7)
        let bytes = (0..<512).map { _ in UInt8(truncatingIfNeeded: generator.next()) & 0x7F }
        let error = try #require(throws: ImportError.self) {
            try InputText.decode(Data(bytes), format: .html, context: context)
        }
        #expect(error.kind == .notText)
        #expect(error.description.hasPrefix("post.html (html): "))
    }

    @Test func inputOverTheLimitIsTooLargeAndSaysWhichLimit() throws {
        let error = try #require(throws: ImportError.self) {
            try InputText.decode(Data(repeating: 0x61, count: 2048), format: .html, context: context)
        }
        #expect(error.kind == .tooLarge)
        #expect(error.message.contains("ImportLimits.maxDocumentBytes"))
    }

    @Test(arguments: [(0, "0 bytes"), (1, "1 byte"), (1023, "1023 bytes"), (1024, "1 KiB"), (1536, "1.5 KiB"), (10 << 20, "10 MiB"), (50 << 20, "50 MiB")])
    func sizesAreWrittenInBinaryUnits(bytes: Int, expected: String) {
        #expect(InputText.byteCount(bytes) == expected)
    }

    @Test func fiftyMegabytesIsRejectedByTheDefaultLimitWithoutDecoding() throws {
        let data = Data(repeating: 0x61, count: 50 << 20)
        let error = try #require(throws: ImportError.self) {
            try InputText.decode(data, format: .text, context: ImportContext(inputName: "big.txt"))
        }
        #expect(error.kind == .tooLarge)
        #expect(
            error.message
                == "the input is 50 MiB, over the 10 MiB limit; raise ImportLimits.maxDocumentBytes if it is genuine.")
    }

    @Test(arguments: [
        ("<meta charset=\"windows-1252\">", "WINDOWS-1252", "“Quotes” and 5 €"),
        ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">", "KOI8-R", "Школьные новости"),
        ("<meta charset='euc-kr'>", "EUC-KR", "학교 소식"),
        ("<META CHARSET=iso-8859-15>", "ISO-8859-15", "Prix 20 € œuvre"),
    ])
    func htmlMetaCharsetDecides(meta: String, iconvName: String, text: String) throws {
        let html = "<html><head>\(meta)<title>\(text)</title></head><body>\(text)</body></html>"
        let decoded = try InputText.decode(try encoded(html, as: iconvName), format: .html, context: context)
        #expect(decoded == html)
    }

    @Test func aMetaCharsetOverUTF8TextGivesWayToUTF8() throws {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>学校新闻</title></head></html>"
        #expect(try InputText.decode(Data(html.utf8), format: .html, context: context) == html)
    }

    @Test func theServersCharsetDecidesForAnyFormat() throws {
        let data = try encoded("Новости школы", as: "WINDOWS-1251")
        let context = ImportContext(inputName: "a.txt", declaredCharset: "windows-1251")
        #expect(try InputText.decode(data, format: .text, context: context) == "Новости школы")
    }

    @Test func anUndecodableByteInADeclaredCharsetNamesItsOffset() throws {
        let data = Data(Array("<meta charset=\"shift_jis\">abc".utf8) + [0x82])
        let error = try #require(throws: ImportError.self) {
            try InputText.decode(data, format: .html, context: context)
        }
        #expect(error.kind == .notText)
        #expect(error.location == "byte 29")
    }

    @Test func anUnknownCharsetIsNamed() throws {
        let error = try #require(throws: ImportError.self) {
            try InputText.decode(Data("<meta charset=\"klingon-8\">hi".utf8), format: .html, context: context)
        }
        #expect(error.kind == .unknownCharset)
        #expect(error.message.contains("\"klingon-8\""))
    }
}
