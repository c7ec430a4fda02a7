import DeskCore
import XCTest

/// Platform HTML (Mastodon `content`, YouTube `textDisplay`) to plain text, and character references.
final class HTMLTextTests: XCTestCase {
    func testParagraphsAndLineBreaks() {
        XCTAssertEqual(HTMLText.plainText("<p>Satu</p><p>Dua<br>tiga<br/>empat<br />lima</p>"), "Satu\n\nDua\ntiga\nempat\nlima")
        XCTAssertEqual(HTMLText.plainText("<p>a<br><br>b</p>"), "a\n\nb")
        XCTAssertEqual(HTMLText.plainText("<br><p>  spaced \n  out  </p>"), "spaced out")
        XCTAssertEqual(HTMLText.plainText("<ul><li>satu</li><li>dua</li></ul><p>lalu</p>"), "- satu\n- dua\n\nlalu")
        XCTAssertEqual(HTMLText.plainText("<pre>  kode\n  baris</pre>"), "  kode\n  baris")
    }

    func testMentionsHashtagsAndLinksKeepTheirWords() {
        let mention = #"<span class="h-card" translate="no"><a href="https://mastodon.social/@Gargron" class="u-url mention">@<span>Gargron</span></a></span>"#
        let tag = #"<a href="https://mastodon.social/tags/banjir" class="mention hashtag" rel="tag">#<span>banjir</span></a>"#
        XCTAssertEqual(HTMLText.plainText("<p>\(mention) lihat \(tag)!</p>"), "@Gargron lihat #banjir!")
        // Mastodon shortens long links with invisible and ellipsis spans: the full address is kept.
        let long = #"<a href="https://lapor.go.id/laporan/2026/11/30/jalan-rusak" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="ellipsis">lapor.go.id/laporan/2026</span><span class="invisible">/11/30/jalan-rusak</span></a>"#
        XCTAssertEqual(HTMLText.plainText("<p>Cek \(long) ya</p>"), "Cek https://lapor.go.id/laporan/2026/11/30/jalan-rusak ya")
        // Any link whose text is cut with an ellipsis becomes its address; other link text stays as written.
        XCTAssertEqual(HTMLText.plainText(#"<a href="https://contoh.go.id/a/very/long/path">contoh.go.id/a/ve…</a>"#), "https://contoh.go.id/a/very/long/path")
        XCTAssertEqual(HTMLText.plainText(#"<a href="https://contoh.go.id/x?a=1&amp;b=2">situs resmi</a>"#), "situs resmi")
    }

    func testEntitiesAndEmoji() {
        XCTAssertEqual(HTMLText.plainText("<p>RT 03 &amp; RT 04 &lt; 50 cm &#39;aman&#39; &quot;ok&quot; &#x1F600; &#128512;&nbsp;x</p>"),
                       "RT 03 & RT 04 < 50 cm 'aman' \"ok\" 😀 😀 x")
        XCTAssertEqual(HTMLText.plainText("👩‍👩‍👧 &zwj; caf&eacute; 1 &lt;3 u"), "👩‍👩‍👧 \u{200D} café 1 <3 u")
        // Text that only looks like markup stays.
        XCTAssertEqual(HTMLText.plainText("i <3 jakarta & a < b > c"), "i <3 jakarta & a < b > c")
        XCTAssertEqual(HTMLText.plainText("&unknown; &amp &#xZZ;"), "&unknown; &amp &#xZZ;")
    }

    func testScriptsStylesAndCommentsAreNotText() {
        XCTAssertEqual(HTMLText.plainText("<p>a<script>alert('x')</script>b<style>p{}</style><!-- c -->d</p>"), "abd")
        XCTAssertEqual(HTMLText.plainText(#"<a title="1 > 0" href="https://x.example">x</a>"#), "x")
    }

    func testDecodeEntitiesLeavesEverythingElse() {
        XCTAssertEqual(HTMLText.decodeEntities("Jl. &lt;Melati&gt; &amp; RT 04 <b>tetap</b>"), "Jl. <Melati> & RT 04 <b>tetap</b>")
        XCTAssertEqual(HTMLText.decodeEntities("&amp;copy; stays &copy;"), "&copy; stays ©")
        XCTAssertEqual(HTMLText.decodeEntities("plain"), "plain")
    }
}
