import Foundation

/// Readability's table rules: which tables hold data (kept whole by the conditional cleaning)
/// and which merely lay out one cell (unwrapped).
enum ReadabilityTables {
    /// Readability's `_markDataTables`: a table is data when it has a summary, a caption,
    /// `col`/`colgroup`/`tfoot`/`thead`/`th`, ten rows or more than four columns, or more than
    /// ten cells; not when it is `role=presentation`, `datatable=0`, nests a table, or has a
    /// single row or column.
    static func dataTables(in dom: ReadabilityDOM, under root: Int) -> Set<Int> {
        var result: Set<Int> = []
        for table in dom.elements(under: root, named: ["table"]) where isDataTable(table, in: dom) {
            result.insert(table)
        }
        return result
    }

    private static func isDataTable(_ table: Int, in dom: ReadabilityDOM) -> Bool {
        if dom.attribute("role", of: table) == "presentation" { return false }
        if dom.attribute("datatable", of: table) == "0" { return false }
        if let summary = dom.attribute("summary", of: table), !summary.isEmpty { return true }
        if let caption = dom.elements(under: table, named: ["caption"]).first, dom.first[caption] >= 0 { return true }
        if !dom.elements(under: table, named: ["col", "colgroup", "tfoot", "thead", "th"]).isEmpty { return true }
        if !dom.elements(under: table, named: ["table"]).isEmpty { return false }
        var rows = 0
        var columns = 0
        for row in dom.elements(under: table, named: ["tr"]) {
            rows += Int(dom.attribute("rowspan", of: row) ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 1
            var cells = 0
            for cell in dom.elements(under: row, named: ["td"]) {
                cells += Int(dom.attribute("colspan", of: cell) ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 1
            }
            columns = max(columns, cells)
        }
        if rows == 1 || columns == 1 { return false }
        if rows >= 10 || columns > 4 { return true }
        return rows * columns > 10
    }

    /// Replaces each table of one row of one cell with that cell, as a `<p>` when it holds
    /// only phrasing content, else a `<div>`.
    static func unwrapSingleCellTables(in dom: ReadabilityDOM, under root: Int) {
        for table in dom.elements(under: root, named: ["table"]) where dom.parent[table] >= 0 {
            var body = table
            if let only = singleChild(of: table, named: "tbody", in: dom) { body = only }
            guard let row = singleChild(of: body, named: "tr", in: dom), let cell = singleChild(of: row, named: "td", in: dom)
            else { continue }
            let phrasing = dom.childNodes(cell).allSatisfy { ReadabilityPrep.isPhrasing($0, in: dom) }
            dom.names[cell] = phrasing ? "p" : "div"
            dom.replace(table, with: cell)
        }
    }

    private static func singleChild(of node: Int, named name: String, in dom: ReadabilityDOM) -> Int? {
        let children = dom.elementChildren(node)
        guard children.count == 1, dom.names[children[0]] == name else { return nil }
        if dom.childNodes(node).contains(where: { dom.isText[$0] && dom.hasText($0) }) { return nil }
        return children[0]
    }
}
